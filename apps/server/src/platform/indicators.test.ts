/**
 * The indicator rollup on a migrated empty database (PGlite, or PostgreSQL with TEST_DATABASE_URL): bumps add (and a
 * negative bump takes back), sets replace, reads fold class rows into their school with the school's own rows, or
 * return class rows only, limited to the indicators, periods and scope asked for; another district's rows never show.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness';
import { type Grant, scoped } from './access';
import { bumpIndicators, dayPeriod, readIndicators, schoolLevelOnly, semesterPeriod, setIndicators, weekPeriod } from './indicators';
import { districts, indicatorRollups } from './schema';

let t: TestDb;
const d = randomUUID();
const d2 = randomUUID();
const schoolA = randomUUID();
const schoolB = randomUUID();
const [a1, a2, b1] = [randomUUID(), randomUUID(), randomUUID()];
const WEEK = weekPeriod('2026-11-26');
const sort = <T extends { schoolId: string; classId: string | null; indicator: string; period: string }>(rows: T[]) =>
  [...rows].sort((x, y) => `${x.indicator}${x.period}${x.schoolId}${x.classId}`.localeCompare(`${y.indicator}${y.period}${y.schoolId}${y.classId}`));

beforeAll(async () => {
  t = await createTestDb();
  await t.database.db.insert(districts).values([
    { id: d, code: 'ind-a', name: '甲区' },
    { id: d2, code: 'ind-b', name: '乙区' },
  ]);
});
afterAll(() => t.drop());

describe('indicator rollup', () => {
  it('names periods by the Monday of the week, the day, the semester', () => {
    expect(WEEK).toBe('week:2026-11-23');
    expect(weekPeriod('2026-11-23')).toBe('week:2026-11-23');
    expect(weekPeriod('2026-11-29')).toBe('week:2026-11-23');
    expect(dayPeriod('2026-11-26')).toBe('day:2026-11-26');
    expect(semesterPeriod('s1')).toBe('semester:s1');
  });

  it('adds bumps, creating figures at zero, and takes back with negative deltas', async () => {
    const db = t.database.db;
    await bumpIndicators(db, [
      { districtId: d, indicator: 'x.meets', period: WEEK, schoolId: schoolA, classId: a1, num: 3, den: 4 },
      { districtId: d, indicator: 'x.meets', period: WEEK, schoolId: schoolA, classId: a2, num: 1, den: 2 },
      { districtId: d, indicator: 'x.meets', period: WEEK, schoolId: schoolB, classId: b1, num: 5, den: 5 },
      { districtId: d, indicator: 'x.zero', period: WEEK, schoolId: schoolB, classId: b1, num: 0, den: 0 },
    ]);
    await bumpIndicators(db, [{ districtId: d, indicator: 'x.meets', period: WEEK, schoolId: schoolA, classId: a1, num: 2, den: 2 }]);
    await bumpIndicators(db, [{ districtId: d, indicator: 'x.meets', period: WEEK, schoolId: schoolA, classId: a2, num: -1, den: -1 }]);
    await bumpIndicators(db, []);
    const rows = await readIndicators(db, d, { indicators: ['x.meets', 'x.zero'], periods: [WEEK], by: 'class' });
    expect(sort(rows)).toEqual(
      sort([
        { indicator: 'x.meets', period: WEEK, schoolId: schoolA, classId: a1, num: 5, den: 6 },
        { indicator: 'x.meets', period: WEEK, schoolId: schoolA, classId: a2, num: 0, den: 1 },
        { indicator: 'x.meets', period: WEEK, schoolId: schoolB, classId: b1, num: 5, den: 5 },
      ]),
    );
  });

  it('adds several deltas of one figure in one bump (a report taken back and made again)', async () => {
    const db = t.database.db;
    const day = dayPeriod('2026-11-24');
    await bumpIndicators(db, [
      { districtId: d, indicator: 'x.twice', period: day, schoolId: schoolA, classId: a1, num: 1, den: 1 },
      { districtId: d, indicator: 'x.twice', period: day, schoolId: schoolA, classId: a1, num: -1, den: -1 },
      { districtId: d, indicator: 'x.twice', period: day, schoolId: schoolA, classId: a1, num: 0, den: 1 },
    ]);
    await setIndicators(db, [
      { districtId: d, indicator: 'x.set', period: day, schoolId: schoolA, classId: a1, num: 1, den: 2 },
      { districtId: d, indicator: 'x.set', period: day, schoolId: schoolA, classId: a1, num: 3, den: 4 },
    ]);
    const rows = await readIndicators(db, d, { indicators: ['x.twice', 'x.set'], periods: [day], by: 'class' });
    expect(sort(rows)).toEqual(
      sort([
        { indicator: 'x.twice', period: day, schoolId: schoolA, classId: a1, num: 0, den: 1 },
        { indicator: 'x.set', period: day, schoolId: schoolA, classId: a1, num: 3, den: 4 },
      ]),
    );
  });

  it('replaces figures with a set, and keeps a district to itself', async () => {
    const db = t.database.db;
    await setIndicators(db, [
      { districtId: d, indicator: 'x.meets', period: WEEK, schoolId: schoolB, classId: b1, num: 2, den: 8 },
      { districtId: d2, indicator: 'x.meets', period: WEEK, schoolId: schoolB, classId: b1, num: 99, den: 99 },
    ]);
    await setIndicators(db, []);
    const rows = await readIndicators(db, d, { indicators: ['x.meets'], periods: [WEEK], by: 'class', where: undefined });
    expect(rows.find((r) => r.classId === b1)).toMatchObject({ num: 2, den: 8 });
    const other = await readIndicators(db, d2, { indicators: ['x.meets'], periods: [WEEK], by: 'class' });
    expect(other).toEqual([{ indicator: 'x.meets', period: WEEK, schoolId: schoolB, classId: b1, num: 99, den: 99 }]);
  });

  it("folds class rows into their school, adding the school's own rows", async () => {
    const db = t.database.db;
    const term = semesterPeriod('term-1');
    await bumpIndicators(db, [
      { districtId: d, indicator: 'x.meets', period: WEEK, schoolId: schoolA, num: 10, den: 10 },
      { districtId: d, indicator: 'x.filed', period: term, schoolId: schoolA, classId: null, num: 1, den: 3 },
      { districtId: d, indicator: 'x.meets', period: 'week:2026-11-16', schoolId: schoolA, classId: a1, num: 7, den: 7 },
    ]);
    const bySchool = await readIndicators(db, d, { indicators: ['x.meets', 'x.filed'], periods: [WEEK, term], by: 'school' });
    expect(sort(bySchool)).toEqual(
      sort([
        { indicator: 'x.meets', period: WEEK, schoolId: schoolA, classId: null, num: 15, den: 17 },
        { indicator: 'x.meets', period: WEEK, schoolId: schoolB, classId: null, num: 2, den: 8 },
        { indicator: 'x.filed', period: term, schoolId: schoolA, classId: null, num: 1, den: 3 },
      ]),
    );
    // class rows only: the school's own row is left out
    const byClass = await readIndicators(db, d, { indicators: ['x.meets'], periods: [WEEK], by: 'class', where: undefined });
    expect(byClass.map((r) => r.classId).sort()).toEqual([a1, a2, b1].sort());
    // school-level rows only
    const own = await readIndicators(db, d, { indicators: ['x.meets'], periods: [WEEK], by: 'school', where: schoolLevelOnly() });
    expect(own).toEqual([{ indicator: 'x.meets', period: WEEK, schoolId: schoolA, classId: null, num: 10, den: 10 }]);
    expect(await readIndicators(db, d, { indicators: [], periods: [WEEK], by: 'school' })).toEqual([]);
    expect(await readIndicators(db, d, { indicators: ['x.meets'], periods: [], by: 'school' })).toEqual([]);
  });

  it("reads only the rows a reader's scope reaches", async () => {
    const grant = (role: Grant['role'], school: Grant['school']): Grant => ({
      role,
      districtId: d,
      zone: '*',
      school,
      class: '*',
      student: '*',
      institution: [],
      subjectId: null,
      grade: null,
    });
    const ctx = (g: Grant) => ({ user: { districtId: d } as never, grants: [g] });
    const head = scoped(ctx(grant('school_admin', [schoolB])), indicatorRollups, 'five-managements.district');
    const rows = await readIndicators(t.database.db, d, { indicators: ['x.meets'], periods: [WEEK], by: 'school', where: head });
    expect(rows).toEqual([{ indicator: 'x.meets', period: WEEK, schoolId: schoolB, classId: null, num: 2, den: 8 }]);
    const teacher = scoped(ctx(grant('teacher', [schoolA])), indicatorRollups, 'five-managements.district');
    expect(await readIndicators(t.database.db, d, { indicators: ['x.meets'], periods: [WEEK], by: 'school', where: teacher })).toEqual([]);
  });
});
