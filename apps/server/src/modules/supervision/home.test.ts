/**
 * 督导总览 (district home): figures equal to the modules' own dashboards (homework, home-school, training), the zone
 * inspector sees only the zone's schools and institutions, a school's drill-down, refusals, the Excel export.
 */
import { METRIC_KEYS } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let district: string;
let zoneInspector: string;
let principal: string;
let otherAdmin: string;
let home: any;
const DATE = '2026-11-18';

const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params) as Promise<[T, ...T[]]>;
const nd = (x: { num: number; den: number }) => ({ num: x.num, den: x.den });

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true, timetable: true, homeSchool: true });
  [district, zoneInspector, principal, otherAdmin] = (await Promise.all(['demo-district', 'zone-inspector', 'demo-principal', 'other-admin'].map((u) => w.login(u)))) as [string, string, string, string];
  const res = await call(w.app, district, 'GET', `/api/supervision/home?date=${DATE}`);
  expect(res.status).toBe(200);
  home = res.body;
}, 240_000);
afterAll(() => w.close());

describe('district home', () => {
  it('lists every school of the district by zone, with this week and this semester, summed per zone and for the district', async () => {
    const n = (await q<{ n: number }>(`select count(*)::int as n from schools where district_id = (select id from districts where demo)`))[0].n;
    expect(home.schools).toHaveLength(n);
    expect(home.week).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(home.semester).toMatchObject({ startDate: expect.any(String), name: expect.any(String) });
    for (const s of home.schools) for (const k of METRIC_KEYS) expect(s.figures.week[k]).toHaveProperty('rate');
    for (const k of METRIC_KEYS) {
      const sum = home.schools.reduce((a: number, s: any) => a + s.figures.semester[k].den, 0);
      expect(home.total.semester[k].den, k).toBe(sum);
      const zoneSum = home.zones.reduce((a: number, z: any) => a + z.figures.semester[k].num, 0);
      expect(home.total.semester[k].num, k).toBe(zoneSum);
    }
    // real-looking figures on the demo: every figure has data somewhere this semester
    for (const k of METRIC_KEYS) expect(home.total.semester[k].den, k).toBeGreaterThan(0);
    expect(home.total.week['homework.withinLimit'].den).toBeGreaterThan(0);
  });

  it('homework this week and this semester equal the district homework dashboard', async () => {
    const check = async (from: string, to: string, span: 'week' | 'semester') => {
      const page = await call(w.app, district, 'GET', `/api/homework/district/schools?from=${from}&to=${to}&pageSize=100`);
      expect(page.status).toBe(200);
      for (const r of page.body.rows) {
        const s = home.schools.find((x: any) => x.schoolId === r.schoolId);
        expect(nd(s.figures[span]['homework.withinLimit'])).toEqual({ num: r.withinLimit, den: r.reporters });
        expect(nd(s.figures[span]['homework.overloadedDays'])).toEqual({ num: r.overloadedDays, den: r.reportedDays });
        if (r.reporters) expect(s.figures[span]['homework.withinLimit'].rate).toBeCloseTo(r.withinLimitRate, 2);
      }
    };
    await check(home.week.from, home.week.to, 'week');
    await check(home.semester.startDate, home.week.to, 'semester');
  });

  it('home visits this semester equal the home-school dashboard', async () => {
    const hs = await call(w.app, district, 'GET', `/api/home-school/dashboard?semesterId=${home.semester.id}`);
    expect(hs.status).toBe(200);
    for (const r of hs.body.schools) {
      const s = home.schools.find((x: any) => x.schoolId === r.schoolId);
      expect(nd(s.figures.semester['homeSchool.visitCoverage'])).toEqual(r.figures.visitCoverage);
      expect(nd(s.figures.semester['homeSchool.specialVisited'])).toEqual(r.figures.specialVisited);
    }
    expect(nd(home.total.semester['homeSchool.visitCoverage'])).toEqual(hs.body.total.visitCoverage);
  });

  it('institution cards equal the training dashboard', async () => {
    const t = await call(w.app, district, 'GET', '/api/training/district');
    expect(t.status).toBe(200);
    expect(home.institutions.institutions).toBe(t.body.total.institutions);
    expect(nd(home.institutions.custody)).toEqual({ num: t.body.total.covered, den: t.body.total.owing });
    expect(home.institutions.complaintsOpen).toBe(t.body.total.complaintsOpen);
    expect(home.institutions.complaintsOverdue).toBe(t.body.total.complaintsOverdue);
    for (const status of ['active', 'rectifying', 'suspended', 'closed']) {
      const n = t.body.matrix.filter((c: any) => c.status === status).reduce((a: number, c: any) => a + c.count, 0);
      expect(home.institutions.byStatus[status], status).toBe(n);
    }
    expect(home.institutions.institutions).toBeGreaterThan(0);
  });

  it('the zone inspector sees only the zone: its schools, its institutions', async () => {
    const res = await call(w.app, zoneInspector, 'GET', `/api/supervision/home?date=${DATE}`);
    expect(res.status).toBe(200);
    const zones = new Set(res.body.schools.map((s: any) => s.zoneId));
    expect(zones.size).toBe(1);
    const [zoneId] = [...zones];
    expect(res.body.schools.map((s: any) => s.schoolId)).toEqual(home.schools.filter((s: any) => s.zoneId === zoneId).map((s: any) => s.schoolId));
    const zone = home.zones.find((z: any) => z.zoneId === zoneId);
    expect(res.body.institutions).toEqual(zone.institutions);
    expect(res.body.total).toEqual(zone.figures);
    const outside = home.schools.find((s: any) => s.zoneId !== zoneId);
    expect((await call(w.app, zoneInspector, 'GET', `/api/supervision/home/schools/${outside.schoolId}?date=${DATE}`)).status).toBe(404);
    const inside = res.body.schools[0];
    expect((await call(w.app, zoneInspector, 'GET', `/api/supervision/home/schools/${inside.schoolId}?date=${DATE}`)).status).toBe(200);
  });

  it('refuses a school administrator (403) and another district (its own schools only; ours: 404)', async () => {
    const school = home.schools[0];
    const r1 = await call(w.app, principal, 'GET', '/api/supervision/home');
    expect(r1.status).toBe(403);
    expect(r1.body.code).toBe('FORBIDDEN');
    expect((await call(w.app, principal, 'GET', `/api/supervision/home/schools/${school.schoolId}`)).status).toBe(403);
    expect((await call(w.app, principal, 'GET', '/api/supervision/home/export')).status).toBe(403);
    const other = await call(w.app, otherAdmin, 'GET', '/api/supervision/home');
    expect(other.status).toBe(200);
    expect(other.body.schools.some((s: any) => s.schoolId === school.schoolId)).toBe(false);
    const foreign = await call(w.app, otherAdmin, 'GET', `/api/supervision/home/schools/${school.schoolId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    const bad = await call(w.app, district, 'GET', '/api/supervision/home?date=2026-13-01');
    expect(bad.status).toBe(400);
  });
});

describe('a school', () => {
  it('its figures as on the district table, its classes and its weeks of the semester', async () => {
    const s = home.schools.find((x: any) => x.figures.semester['homework.withinLimit'].den > 0 && x.figures.semester['homeSchool.visitCoverage'].den > 0);
    const res = await call(w.app, district, 'GET', `/api/supervision/home/schools/${s.schoolId}?date=${DATE}`);
    expect(res.status).toBe(200);
    expect(res.body.school).toMatchObject({ id: s.schoolId, name: s.name });
    expect(res.body.figures).toEqual(s.figures);
    expect(res.body.classes.length).toBeGreaterThan(0);
    // class rows add up to the school where the rollup keeps class rows
    for (const k of ['homework.withinLimit', 'homework.overloadedDays', 'homeSchool.visitCoverage', 'five.sleepMeets'] as const) {
      for (const span of ['week', 'semester'] as const) {
        const sum = res.body.classes.reduce((a: number, c: any) => a + (c[span][k]?.num ?? 0), 0);
        expect(sum, `${k} ${span}`).toBe(s.figures[span][k].num);
      }
    }
    expect(res.body.weeks.at(-1).weekStart).toBe('2026-11-16');
    const weeks = res.body.weeks.reduce((a: number, x: any) => a + x.figures['homework.withinLimit'].den, 0);
    expect(weeks).toBe(s.figures.semester['homework.withinLimit'].den);
    expect(res.body.weeks.at(-1).figures['homework.withinLimit']).toEqual(s.figures.week['homework.withinLimit']);
    expect((await call(w.app, district, 'GET', `/api/supervision/home/schools/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});

describe('export', () => {
  it('downloads the home as a workbook with a sheet per view', async () => {
    const res = await call(w.app, district, 'GET', `/api/supervision/home/export?date=${DATE}`);
    expect(res.status).toBe(200);
    expect(res.raw.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['各校本周', '各校本学期', '学区与全区', '校外培训机构']);
    const sheet = wb.getWorksheet('各校本学期')!;
    expect(sheet.rowCount).toBe(2 + home.schools.length);
    expect(String(sheet.getCell(3, 2).value)).toBe(home.schools[0].name);
  });
});
