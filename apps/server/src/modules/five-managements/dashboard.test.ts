/**
 * The 五项管理 dashboards against indicator rows put in the rollup: school, zone and district figures are the rows'
 * sums (a week's days added up), a school's classes below the sleep threshold are flagged by the policy in force, a
 * class has its weeks; a period without rows shows nothing; a school's head sees only the school, a zone inspector
 * only the zone, teachers and parents are refused; bad weeks and semesters are 400s; the workbook has every sheet.
 */
import { FIVE_INDICATORS as F } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { bumpIndicators, type IndicatorFigure, semesterPeriod } from '../../platform/indicators';

let w: World;
let d: string;
let semesterId: string;
let sy01: { id: string; zone_id: string };
let other: { id: string; zone_id: string };
let classA: string;
let classB: string;
let otherClass: string;
/** A past week the demo leaves empty: its figures are exactly the rows put in below. */
const WEEK = '2025-09-08';

const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
const bump = (rows: Omit<IndicatorFigure, 'districtId'>[]) => bumpIndicators(w.db.database.db, rows.map((r) => ({ districtId: d, ...r })));

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true });
  [{ id: d }] = (await q<{ id: string }>(`select id from districts where code = 'demo'`)) as [{ id: string }];
  [{ id: semesterId }] = (await q<{ id: string }>(`select id from semesters where district_id = $1 and start_date <= '2026-11-26' and end_date >= '2026-11-26'`, [d])) as [
    { id: string },
  ];
  [sy01] = (await q<{ id: string; zone_id: string }>(`select id, zone_id from schools where district_id = $1 and code = 'SY01'`, [d])) as [{ id: string; zone_id: string }];
  [other] = (await q<{ id: string; zone_id: string }>(`select id, zone_id from schools where district_id = $1 and zone_id <> $2 order by code limit 1`, [d, sy01.zone_id])) as [
    { id: string; zone_id: string },
  ];
  [{ id: classA }, { id: classB }] = (await q<{ id: string }>(`select id from classes where district_id = $1 and school_id = $2 order by grade, name limit 2`, [d, sy01.id])) as [
    { id: string },
    { id: string },
  ];
  [{ id: otherClass }] = (await q<{ id: string }>(`select id from classes where district_id = $1 and school_id = $2 limit 1`, [d, other.id])) as [{ id: string }];
  await bump([
    { indicator: F.sleepMeets, period: `week:${WEEK}`, schoolId: sy01.id, classId: classA, num: 36, den: 40 },
    { indicator: F.sleepMeets, period: `week:${WEEK}`, schoolId: sy01.id, classId: classB, num: 20, den: 40 },
    { indicator: F.sleepMeets, period: `week:${WEEK}`, schoolId: other.id, classId: otherClass, num: 10, den: 40 },
    { indicator: F.sleepBedtime, period: `week:${WEEK}`, schoolId: sy01.id, classId: classA, num: 38, den: 40 },
    { indicator: F.phoneKept, period: 'day:2025-09-08', schoolId: sy01.id, classId: classA, num: 5, den: 6 },
    { indicator: F.phoneKept, period: 'day:2025-09-09', schoolId: sy01.id, classId: classA, num: 6, den: 6 },
    // the week after is not the chosen week's
    { indicator: F.phoneKept, period: 'day:2025-09-15', schoolId: sy01.id, classId: classA, num: 1, den: 6 },
    { indicator: F.sleepMeets, period: 'week:2025-09-01', schoolId: sy01.id, classId: classA, num: 30, den: 40 },
  ]);
  // a bump that takes back: the class's bedtime figure loses one report
  await bump([{ indicator: F.sleepBedtime, period: `week:${WEEK}`, schoolId: sy01.id, classId: classA, num: -1, den: -1 }]);
});
afterAll(() => w.close());

const get = async (user: string, url: string) => call(w.app, await w.login(user), 'GET', url);
type Row = { schoolId: string; zoneId: string; figures: Record<string, { num: number; den: number }> };

describe('五项管理 district dashboard', () => {
  it('sums the rollup rows per school, zone and district for the chosen week', async () => {
    const res = await get('demo-district', `/api/five-managements/dashboard?week=2025-09-10`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ week: WEEK, weekEnd: '2025-09-14' });
    const school = res.body.schools.find((s: Row) => s.schoolId === sy01.id) as Row;
    expect(school.figures[F.sleepMeets]).toEqual({ num: 56, den: 80 });
    expect(school.figures[F.sleepBedtime]).toEqual({ num: 37, den: 39 });
    expect(school.figures[F.phoneKept]).toEqual({ num: 11, den: 12 });
    expect(res.body.total[F.sleepMeets]).toEqual({ num: 66, den: 120 });
    const zone = res.body.zones.find((z: { zoneId: string }) => z.zoneId === sy01.zone_id);
    const inZone = (res.body.schools as Row[]).filter((s) => s.zoneId === sy01.zone_id);
    expect(zone.schools).toBe(inZone.length);
    expect(zone.figures[F.sleepMeets]).toEqual({ num: 56, den: 80 });
    const [{ n }] = (await q<{ n: number }>(`select count(*)::int as n from schools where district_id = $1`, [d])) as [{ n: number }];
    expect(res.body.schools).toHaveLength(n);
  });

  it('adds school-level semester rows to the school, zone and district', async () => {
    const url = `/api/five-managements/dashboard?semesterId=${semesterId}`;
    const before = (await get('demo-district', url)).body;
    await bump([{ indicator: F.readingFlagged, period: semesterPeriod(semesterId), schoolId: sy01.id, num: 2, den: 10 }]);
    const after = (await get('demo-district', url)).body;
    expect(after.semester.id).toBe(semesterId);
    const was = (before.schools as Row[]).find((s) => s.schoolId === sy01.id)!.figures[F.readingFlagged] ?? { num: 0, den: 0 };
    expect((after.schools as Row[]).find((s) => s.schoolId === sy01.id)!.figures[F.readingFlagged]).toEqual({ num: was.num + 2, den: was.den + 10 });
    const total = before.total[F.readingFlagged] ?? { num: 0, den: 0 };
    expect(after.total[F.readingFlagged]).toEqual({ num: total.num + 2, den: total.den + 10 });
  });

  it('shows nothing for a week without rows', async () => {
    const res = await get('demo-district', '/api/five-managements/dashboard?week=2020-01-08');
    expect(res.status).toBe(200);
    expect(res.body.week).toBe('2020-01-06');
    for (const f of Object.keys(res.body.total)) expect(f).toMatch(/phones.approved|reading|fitness.pass|selfcheck/); // semester figures only
    expect((res.body.schools as Row[]).every((s) => !s.figures[F.sleepMeets])).toBe(true);
  });

  it("drills into a school: its classes, those below the sleep threshold, the rule's version cited", async () => {
    const res = await get('demo-district', `/api/five-managements/dashboard/schools/${sy01.id}?week=${WEEK}`);
    expect(res.status).toBe(200);
    expect(res.body.figures[F.sleepMeets]).toEqual({ num: 56, den: 80 });
    expect(res.body.sleepRule).toMatchObject({ rule: 'five-managements.sleep', classThresholdBp: 8000 });
    const a = res.body.classes.find((c: { classId: string }) => c.classId === classA);
    const b = res.body.classes.find((c: { classId: string }) => c.classId === classB);
    expect(a).toMatchObject({ belowSleep: false, figures: { [F.sleepMeets]: { num: 36, den: 40 } } });
    expect(b).toMatchObject({ belowSleep: true, figures: { [F.sleepMeets]: { num: 20, den: 40 } } });
    // a class without reports is not judged
    expect(res.body.classes.filter((c: { figures: Record<string, unknown>; belowSleep: boolean }) => !c.figures[F.sleepMeets] && c.belowSleep)).toEqual([]);
  });

  it("drills into a class: the week's figures and the weeks before it", async () => {
    const res = await get('demo-district', `/api/five-managements/dashboard/classes/${classA}?week=${WEEK}`);
    expect(res.status).toBe(200);
    expect(res.body.class.id).toBe(classA);
    expect(res.body.figures[F.phoneKept]).toEqual({ num: 11, den: 12 });
    expect(res.body.weeks).toHaveLength(8);
    expect(res.body.weeks.at(-1)).toEqual({ week: WEEK, figures: expect.objectContaining({ [F.sleepMeets]: { num: 36, den: 40 } }) });
    expect(res.body.weeks.at(-2)).toEqual({ week: '2025-09-01', figures: { [F.sleepMeets]: { num: 30, den: 40 } } });
    expect(res.body.weeks[0].figures).toEqual({});
  });

  it("shows a school's head only the school; another school's drill-down is unknown", async () => {
    const res = await get('demo-principal', `/api/five-managements/dashboard?week=${WEEK}`);
    expect(res.status).toBe(200);
    expect((res.body.schools as Row[]).map((s) => s.schoolId)).toEqual([sy01.id]);
    expect(res.body.total[F.sleepMeets]).toEqual({ num: 56, den: 80 });
    expect((await get('demo-principal', `/api/five-managements/dashboard/schools/${sy01.id}?week=${WEEK}`)).status).toBe(200);
    expect((await get('demo-principal', `/api/five-managements/dashboard/schools/${other.id}`)).status).toBe(404);
    expect((await get('demo-principal', `/api/five-managements/dashboard/classes/${otherClass}`)).status).toBe(404);
    expect((await get('demo-principal', `/api/five-managements/dashboard/schools/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('shows a zone inspector only the zone', async () => {
    const res = await get('zone-inspector', `/api/five-managements/dashboard?week=${WEEK}`);
    expect(res.status).toBe(200);
    const zones = new Set((res.body.schools as Row[]).map((s) => s.zoneId));
    expect(zones.size).toBe(1);
    expect(zones.has(sy01.zone_id)).toBe(false);
    expect((await get('zone-inspector', `/api/five-managements/dashboard/schools/${sy01.id}`)).status).toBe(404);
  });

  it('refuses teachers, parents and another district', async () => {
    for (const user of ['demo-teacher', 'demo-classteacher', 'demo-parent']) {
      expect((await get(user, '/api/five-managements/dashboard')).status).toBe(403);
      expect((await get(user, `/api/five-managements/dashboard/schools/${sy01.id}`)).status).toBe(403);
      expect((await get(user, '/api/five-managements/dashboard/export')).status).toBe(403);
    }
    expect((await get('other-admin', `/api/five-managements/dashboard/schools/${sy01.id}`)).status).toBe(404);
    expect((await get('other-admin', `/api/five-managements/dashboard?semesterId=${semesterId}`)).status).toBe(404);
  });

  it('answers bad periods with 400 (and an unknown semester with 404)', async () => {
    for (const week of ['2026-13-01', 'last', '2026-12-07']) {
      const res = await get('demo-district', `/api/five-managements/dashboard?week=${week}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/周|日期/);
    }
    expect((await get('demo-district', '/api/five-managements/dashboard?semesterId=x')).status).toBe(400);
    expect((await get('demo-district', `/api/five-managements/dashboard/classes/${classA}?week=2027-01-04`)).status).toBe(400);
    expect((await get('demo-district', '/api/five-managements/dashboard?semesterId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('exports the district view as a workbook', async () => {
    const res = await get('demo-district', `/api/five-managements/dashboard/export?week=${WEEK}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['全区汇总', '按学区', '按学校', '睡眠未达标班级']);
    const summary = wb.getWorksheet('全区汇总')!;
    const sleep = summary.getRow(3).values as unknown[];
    expect(sleep.slice(1, 7)).toEqual(['睡眠管理', '睡眠达标', '本周', 66, 120, 66 / 120]);
    expect(summary.getCell(3, 6).numFmt).toBe('0.0%');
    const below = wb.getWorksheet('睡眠未达标班级')!;
    const rows = below.getSheetValues().slice(3).filter(Boolean) as unknown[][];
    expect(rows.map((r) => [r[5], r[6]])).toEqual(expect.arrayContaining([[20, 40], [10, 40]]));
    expect(rows.some((r) => r[5] === 36)).toBe(false);
  });
});
