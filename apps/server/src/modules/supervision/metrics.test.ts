/**
 * The shared metrics reader: every METRICS figure of a school equals the owning module's own dashboard for the same
 * school and period (homework over a range, after-school, home-school, five managements, timetable and exams over the
 * semester, sleep over a week).
 */
import { EXAM_INDICATORS, FIVE_INDICATORS, METRIC_KEYS } from '@shuangjian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { districtSchools, schoolMetrics, semestersIn, weeksIn } from './metrics';

let w: World;
let district: string;
let districtId: string;
let semester: { id: string; startDate: string; endDate: string };
const WEEK = { from: '2026-11-16', to: '2026-11-22' };

const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params) as Promise<[T, ...T[]]>;
const f = (x: { num: number; den: number } | undefined) => ({ num: Number(x?.num ?? 0), den: Number(x?.den ?? 0) });

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true, timetable: true, homeSchool: true });
  district = await w.login('demo-district');
  districtId = (await q<{ id: string }>(`select id from districts where demo`))[0].id;
  semester = (
    await q<{ id: string; startDate: string; endDate: string }>(
      `select id, start_date::text as "startDate", end_date::text as "endDate" from semesters where district_id = $1 and start_date <= '2026-11-26' and end_date >= '2026-11-26'`,
      [districtId],
    )
  )[0];
}, 240_000);
afterAll(() => w.close());

describe('metrics', () => {
  it('lists the district schools by zone then code, and gives each a figure of every METRICS key', async () => {
    const schools = await districtSchools(w.db.database.db, districtId);
    expect(schools.length).toBeGreaterThan(3);
    const sorted = [...schools].sort((a, b) => a.zoneName.localeCompare(b.zoneName) || a.code.localeCompare(b.code));
    expect(schools.map((s) => s.schoolId)).toEqual(sorted.map((s) => s.schoolId));
    const figures = await schoolMetrics(w.db.database.db, districtId, { from: semester.startDate, to: semester.endDate });
    expect([...figures.keys()].sort()).toEqual(schools.map((s) => s.schoolId).sort());
    for (const m of figures.values()) expect(Object.keys(m).sort()).toEqual([...METRIC_KEYS].sort());
    // the demo has figures for every metric somewhere in the district
    for (const k of METRIC_KEYS) expect([...figures.values()].some((m) => m[k].den > 0), k).toBe(true);
  });

  it('ranges: the weeks touched and the semesters overlapped', () => {
    expect(weeksIn({ from: '2026-11-18', to: '2026-11-30' })).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    const list = [
      { id: 'a', name: 'a', startDate: '2026-02-20', endDate: '2026-07-10' },
      { id: 'b', name: 'b', startDate: '2026-09-01', endDate: '2027-01-20' },
    ];
    expect(semestersIn(list, WEEK).map((s) => s.id)).toEqual(['b']);
    expect(semestersIn(list, { from: '2026-07-20', to: '2026-08-20' })).toEqual([]);
  });

  it('homework over a range equals the district homework dashboard', async () => {
    for (const range of [WEEK, { from: '2026-11-11', to: '2026-11-25' }]) {
      const mine = await schoolMetrics(w.db.database.db, districtId, range);
      const page = await call(w.app, district, 'GET', `/api/homework/district/schools?from=${range.from}&to=${range.to}&pageSize=100`);
      expect(page.status).toBe(200);
      let withData = 0;
      for (const r of page.body.rows as { schoolId: string; withinLimit: number; reporters: number; overloadedDays: number; reportedDays: number }[]) {
        const m = mine.get(r.schoolId)!;
        expect(m['homework.withinLimit']).toEqual({ num: r.withinLimit, den: r.reporters });
        expect(m['homework.overloadedDays']).toEqual({ num: r.overloadedDays, den: r.reportedDays });
        if (r.reporters) withData += 1;
      }
      expect(withData).toBeGreaterThan(0);
    }
  });

  it('home-school, after-school, timetable and exams over the semester equal their dashboards', async () => {
    const mine = await schoolMetrics(w.db.database.db, districtId, { from: semester.startDate, to: semester.endDate });
    const get = (u: string) => call(w.app, district, 'GET', `${u}?semesterId=${semester.id}`);
    const [hs, as, tt, ex] = await Promise.all([get('/api/home-school/dashboard'), get('/api/after-school/district'), get('/api/timetable/dashboard'), get('/api/exams/dashboard')]);
    for (const r of [hs, as, tt, ex]) expect(r.status).toBe(200);
    let visited = 0;
    for (const s of hs.body.schools as { schoolId: string; figures: Record<string, { num: number; den: number }> }[]) {
      const m = mine.get(s.schoolId)!;
      expect(m['homeSchool.visitCoverage']).toEqual(f(s.figures.visitCoverage));
      expect(m['homeSchool.specialVisited']).toEqual(f(s.figures.specialVisited));
      visited += m['homeSchool.visitCoverage'].num;
    }
    expect(visited).toBeGreaterThan(0);
    for (const s of as.body.schools as { schoolId: string; students: number; studentsServed: number; teachers: number; teachersServing: number }[]) {
      expect(mine.get(s.schoolId)!['afterSchool.students']).toEqual({ num: s.studentsServed, den: s.students });
      expect(mine.get(s.schoolId)!['afterSchool.teachers']).toEqual({ num: s.teachersServing, den: s.teachers });
    }
    for (const s of tt.body.schools as { schoolId: string; compliant: number; withTimetable: number }[])
      expect(mine.get(s.schoolId)!['timetable.compliant']).toEqual({ num: s.compliant, den: s.withTimetable });
    for (const s of ex.body.schools as { schoolId: string; figures: Record<string, { num: number; den: number }> }[])
      expect(mine.get(s.schoolId)!['exams.filingsAccepted']).toEqual(f(s.figures[EXAM_INDICATORS.examsAccepted]));
  });

  it('five managements: sleep over a week and rectifications over the semester equal the dashboard', async () => {
    const mine = await schoolMetrics(w.db.database.db, districtId, WEEK);
    const dash = await call(w.app, district, 'GET', `/api/five-managements/dashboard?week=${WEEK.from}&semesterId=${semester.id}`);
    expect(dash.status).toBe(200);
    for (const s of dash.body.schools as { schoolId: string; figures: Record<string, { num: number; den: number }> }[]) {
      const m = mine.get(s.schoolId)!;
      expect(m['five.sleepMeets']).toEqual(f(s.figures[FIVE_INDICATORS.sleepMeets]));
      expect(m['five.selfcheckRectified']).toEqual(f(s.figures[FIVE_INDICATORS.selfcheckRectified]));
    }
  });

  it('another district sees nothing of this one', async () => {
    const other = (await q<{ id: string }>(`select id from districts where not demo limit 1`))[0].id;
    const mine = await schoolMetrics(w.db.database.db, other, { from: semester.startDate, to: semester.endDate });
    const ids = new Set((await districtSchools(w.db.database.db, districtId)).map((s) => s.schoolId));
    for (const id of mine.keys()) expect(ids.has(id)).toBe(false);
  });
});
