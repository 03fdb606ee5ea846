/**
 * The exams dashboards against indicator rows put in the rollup: filings accepted and refused (school rows), results
 * and growth records (class rows) add up per school, zone and district for the semester; a school's classes on
 * drill-down; a school's head sees only the school, teachers and parents are refused; bad semesters are 400s; no
 * pupil, score or rank is in any answer; the workbook has every sheet.
 */
import { EXAM_INDICATORS as E } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { bumpIndicators, semesterPeriod } from '../../platform/indicators';

let w: World;
let d: string;
let semesterId: string;
let sy01: { id: string; zone_id: string };
let other: { id: string };
let classA: string;
type Figures = Record<string, { num: number; den: number }>;
type Row = { schoolId: string; zoneId: string; figures: Figures };
let before: { total: Figures; school: Figures; classA: Figures };

const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
const get = async (user: string, url: string) => call(w.app, await w.login(user), 'GET', url);
const plus = (f: { num: number; den: number } | undefined, num: number, den: number) => ({ num: (f?.num ?? 0) + num, den: (f?.den ?? 0) + den });

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true });
  [{ id: d }] = (await q<{ id: string }>(`select id from districts where code = 'demo'`)) as [{ id: string }];
  [{ id: semesterId }] = (await q<{ id: string }>(`select id from semesters where district_id = $1 and start_date <= '2026-11-26' and end_date >= '2026-11-26'`, [d])) as [
    { id: string },
  ];
  [sy01] = (await q<{ id: string; zone_id: string }>(`select id, zone_id from schools where district_id = $1 and code = 'SY01'`, [d])) as [{ id: string; zone_id: string }];
  [other] = (await q<{ id: string }>(`select id from schools where district_id = $1 and id <> $2 order by code limit 1`, [d, sy01.id])) as [{ id: string }];
  [{ id: classA }] = (await q<{ id: string }>(`select id from classes where district_id = $1 and school_id = $2 order by grade, name limit 1`, [d, sy01.id])) as [{ id: string }];
  const district = (await get('demo-district', '/api/exams/dashboard')).body;
  const school = (await get('demo-district', `/api/exams/dashboard/schools/${sy01.id}`)).body;
  before = {
    total: district.total,
    school: (district.schools as Row[]).find((s) => s.schoolId === sy01.id)!.figures,
    classA: school.classes.find((c: { classId: string }) => c.classId === classA).figures,
  };
  const period = semesterPeriod(semesterId);
  await bumpIndicators(w.db.database.db, [
    { districtId: d, indicator: E.examsAccepted, period, schoolId: sy01.id, num: 2, den: 3 },
    { districtId: d, indicator: E.examsRefused, period, schoolId: sy01.id, num: 1, den: 3 },
    { districtId: d, indicator: E.resultsRecorded, period, schoolId: sy01.id, classId: classA, num: 30, den: 40 },
    { districtId: d, indicator: E.growthComplete, period, schoolId: sy01.id, classId: classA, num: 12, den: 40 },
    { districtId: d, indicator: E.growthComplete, period, schoolId: other.id, classId: null, num: 0, den: 5 },
  ]);
});
afterAll(() => w.close());

describe('exams dashboard', () => {
  it("adds the semester's rows per school, zone and district", async () => {
    const res = await get('demo-district', `/api/exams/dashboard?semesterId=${semesterId}`);
    expect(res.status).toBe(200);
    expect(res.body.semester.id).toBe(semesterId);
    const school = (res.body.schools as Row[]).find((s) => s.schoolId === sy01.id)!;
    expect(school.figures[E.examsAccepted]).toEqual(plus(before.school[E.examsAccepted], 2, 3));
    expect(school.figures[E.examsRefused]).toEqual(plus(before.school[E.examsRefused], 1, 3));
    expect(school.figures[E.resultsRecorded]).toEqual(plus(before.school[E.resultsRecorded], 30, 40));
    expect(res.body.total[E.growthComplete]).toEqual(plus(before.total[E.growthComplete], 12, 45));
    const zone = res.body.zones.find((z: { zoneId: string }) => z.zoneId === sy01.zone_id);
    const inZone = (res.body.schools as Row[]).filter((s) => s.zoneId === sy01.zone_id);
    const sum = inZone.reduce((n, s) => n + (s.figures[E.examsRefused]?.num ?? 0), 0);
    expect(zone.figures[E.examsRefused]?.num ?? 0).toBe(sum);
  });

  it("drills into a school's classes", async () => {
    const res = await get('demo-district', `/api/exams/dashboard/schools/${sy01.id}`);
    expect(res.status).toBe(200);
    const a = res.body.classes.find((c: { classId: string }) => c.classId === classA);
    expect(a.figures[E.resultsRecorded]).toEqual(plus(before.classA[E.resultsRecorded], 30, 40));
    expect(res.body.figures[E.examsAccepted]).toEqual(plus(before.school[E.examsAccepted], 2, 3));
  });

  it('names no pupil and no rank', async () => {
    const res = await get('demo-district', `/api/exams/dashboard/schools/${sy01.id}`);
    expect(res.raw.body).not.toMatch(/rank|studentId|score|排名/i);
  });

  it("shows a school's head only the school; another school is unknown", async () => {
    const res = await get('demo-principal', '/api/exams/dashboard');
    expect(res.status).toBe(200);
    expect((res.body.schools as Row[]).map((s) => s.schoolId)).toEqual([sy01.id]);
    expect((await get('demo-principal', `/api/exams/dashboard/schools/${other.id}`)).status).toBe(404);
    expect((await get('zone-inspector', `/api/exams/dashboard/schools/${sy01.id}`)).status).toBe(404);
  });

  it('refuses teachers, parents and another district; bad semesters are 400', async () => {
    for (const user of ['demo-teacher', 'demo-classteacher', 'demo-parent']) {
      expect((await get(user, '/api/exams/dashboard')).status).toBe(403);
      expect((await get(user, `/api/exams/dashboard/schools/${sy01.id}`)).status).toBe(403);
    }
    expect((await get('other-admin', `/api/exams/dashboard/schools/${sy01.id}`)).status).toBe(404);
    expect((await get('demo-district', '/api/exams/dashboard?semesterId=2026-1')).status).toBe(400);
    expect((await get('demo-district', '/api/exams/dashboard?semesterId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('exports the district view as a workbook', async () => {
    const res = await get('demo-district', '/api/exams/dashboard/export');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['全区汇总', '按学区', '按学校']);
    const refused = wb.getWorksheet('全区汇总')!.getRow(4).values as unknown[];
    expect(refused[1]).toBe('备案被拒（违规）');
    expect(refused[2]).toBe(plus(before.total[E.examsRefused], 1, 3).num);
  });
});
