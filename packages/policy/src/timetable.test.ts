import { describe, expect, it } from 'vitest';
import { checkTimetable, type TimetableCellFacts } from './timetable';
import { DEFAULT_TIMETABLE_PLAN, type TimetableSubject, timetableSettings } from './timetable.settings';

const plan = timetableSettings['timetable.plan'].default;

/** A week holding exactly the plan of a grade, laid out day by day. */
function weekOf(grade: number, change: (list: TimetableSubject[]) => TimetableSubject[] = (l) => l, labs = 9): TimetableCellFacts[] {
  const g = plan.grades.find((x) => x.grade === grade)!;
  const list = change(Object.entries(g.subjects).flatMap(([s, n]) => Array<TimetableSubject>(n).fill(s as TimetableSubject)));
  let labLeft = labs;
  return list.map((subject, i) => {
    const lab = ['science', 'physics', 'chemistry', 'biology'].includes(subject) && labLeft > 0;
    if (lab) labLeft -= 1;
    return { day: (i % 5) + 1, period: Math.floor(i / 5) + 1, subject, lab };
  });
}

describe('the shipped curriculum plan (2022 方案)', () => {
  it('sums to the weekly totals 26 / 30 / 34', () => {
    for (const g of DEFAULT_TIMETABLE_PLAN) {
      const sum = Object.values(g.subjects).reduce((a, b) => a + (b ?? 0), 0);
      expect(sum, `grade ${g.grade}`).toBe(g.weeklyTotal);
      expect(g.weeklyTotal).toBe(g.grade <= 2 ? 26 : g.grade <= 6 ? 30 : 34);
    }
  });
  it('keeps PE 4 in grades 1–2 and 3 in 3–9, labour 1 everywhere, physics from 8 and chemistry in 9', () => {
    for (const g of DEFAULT_TIMETABLE_PLAN) {
      expect(g.subjects.pe).toBe(g.grade <= 2 ? 4 : 3);
      expect(g.subjects.labour).toBe(1);
      expect(g.subjects.physics ?? 0).toBe(g.grade === 8 ? 2 : g.grade === 9 ? 3 : 0);
      expect(g.subjects.chemistry ?? 0).toBe(g.grade === 9 ? 3 : 0);
      expect(g.subjects.english ?? 0).toBe(g.grade <= 2 ? 0 : g.grade <= 4 ? 2 : g.grade <= 6 ? 3 : 4);
    }
  });
  it('is accepted by its own schema', () => {
    expect(timetableSettings['timetable.plan'].schema.safeParse(plan).success).toBe(true);
  });
});

describe('checkTimetable', () => {
  it('passes a week that holds the plan', () => {
    for (const grade of [1, 3, 5, 7, 8, 9]) {
      const r = checkTimetable(plan, grade, weekOf(grade));
      expect(r.findings, `grade ${grade}`).toEqual([]);
      expect(r.compliant).toBe(true);
      expect(r.periods).toBe(r.weeklyTotal);
    }
  });

  it('flags PE short of the plan as a 折扣课表, citing the rule, key and version', () => {
    const week = weekOf(4, (l) => {
      const i = l.indexOf('pe');
      return l.map((s, j) => (j === i ? 'math' : s));
    });
    const r = checkTimetable(plan, 4, week, { planRef: { version: 2, effectiveFrom: '2026-09-01' } });
    expect(r.compliant).toBe(false);
    const pe = r.findings.find((f) => f.subject === 'pe')!;
    expect(pe).toMatchObject({ kind: 'shortfall', severity: 'error', required: 3, actual: 2, key: 'timetable.plan', version: 2 });
    expect(pe.message).toContain('体育与健康 每周应开 3 节，课表仅 2 节：折扣课表');
    expect(pe.message).toContain('timetable.plan 第 2 版（2026-09-01 起）');
    // the extra math period is a warning only
    const math = r.findings.find((f) => f.subject === 'math')!;
    expect(math).toMatchObject({ kind: 'surplus', severity: 'warning', required: 4, actual: 5, key: 'timetable.checks' });
  });

  it('does not flag a core surplus when the district turned it off', () => {
    const week = weekOf(4, (l) => [...l, 'chinese']);
    expect(checkTimetable(plan, 4, week, { flagCoreSurplus: false }).findings).toEqual([]);
    expect(checkTimetable(plan, 4, week).findings.map((f) => f.kind)).toEqual(['surplus']);
  });

  it('flags music, art and labour missing altogether, each with 0', () => {
    const week = weekOf(2, (l) => l.filter((s) => !['music', 'art', 'labour'].includes(s)));
    const r = checkTimetable(plan, 2, week);
    expect(r.findings.map((f) => [f.subject, f.required, f.actual])).toEqual([
      ['music', 2, 0],
      ['art', 2, 0],
      ['labour', 1, 0],
    ]);
  });

  it('asks for the lab periods of the grade (实验课)', () => {
    const r = checkTimetable(plan, 9, weekOf(9, (l) => l, 1));
    expect(r.labRequired).toBe(2);
    expect(r.labActual).toBe(1);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ kind: 'lab', severity: 'error', required: 2, actual: 1 });
    expect(r.findings[0]!.message).toContain('实验课每周应开 2 节，课表仅 1 节');
    // grades 1–2 need none
    expect(checkTimetable(plan, 1, weekOf(1, (l) => l, 0)).compliant).toBe(true);
  });

  it('counts a lab flag only on a lab subject', () => {
    const week = weekOf(3, (l) => l, 0).map((c) => (c.subject === 'math' ? { ...c, lab: true } : c));
    expect(checkTimetable(plan, 3, week).labActual).toBe(0);
  });

  it('lists subjects outside the plan with 0 required, and refuses a grade the plan lacks', () => {
    const r = checkTimetable(plan, 1, weekOf(1, (l) => [...l, 'physics']));
    expect(r.rows.find((x) => x.subject === 'physics')).toEqual({ subject: 'physics', required: 0, actual: 1 });
    expect(r.compliant).toBe(true);
    const none = checkTimetable({ grades: plan.grades.filter((g) => g.grade !== 5) }, 5, []);
    expect(none.compliant).toBe(false);
    expect(none.findings[0]!.message).toContain('未列出 5 年级');
  });
});
