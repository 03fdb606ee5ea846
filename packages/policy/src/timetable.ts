/**
 * 课程与课表 rules: a class's weekly timetable against the curriculum plan in force (timetable.plan). Every subject the
 * plan requires is counted; a subject short of its periods is a finding that blocks publishing (折扣课表), as is a week
 * with fewer lab periods than the plan asks; 语数英 above the plan is a warning when timetable.checks says so. Every
 * finding cites the rule text, the setting key and the policy version.
 */
import { CORE_SUBJECTS, LAB_SUBJECTS, type TimetableGrid, type TimetablePlan, type TimetableSubject } from './timetable.settings';

export const TIMETABLE_PLAN_KEY = 'timetable.plan';
export const TIMETABLE_CHECKS_KEY = 'timetable.checks';
export const TIMETABLE_GRID_KEY = 'timetable.grid';

/** Which version of a setting applied: its ordinal among the district's versions (0 = the shipped default). */
export interface TimetableVersionRef {
  version: number;
  effectiveFrom: string | null;
}
export const DEFAULT_TIMETABLE_VERSION: TimetableVersionRef = { version: 0, effectiveFrom: null };

/** Chinese names of the plan's entries, as findings and the grid show them. */
export const timetableSubjectNames: Record<TimetableSubject, string> = {
  chinese: '语文',
  math: '数学',
  english: '英语',
  morality: '道德与法治',
  science: '科学',
  physics: '物理',
  chemistry: '化学',
  biology: '生物',
  history: '历史',
  geography: '地理',
  pe: '体育与健康',
  music: '音乐',
  art: '美术',
  labour: '劳动',
  it: '信息科技',
  practice: '综合实践活动',
  local: '地方与校本课程',
};

/** One period of the grid: day 1–7 (周一…), period 1–N, what is taught, whether it is a lab period. */
export interface TimetableCellFacts {
  day: number;
  period: number;
  subject: TimetableSubject;
  lab: boolean;
}

export type TimetableFindingKind = 'shortfall' | 'lab' | 'surplus';

export interface TimetableFinding {
  kind: TimetableFindingKind;
  /** 'error' blocks publishing; 'warning' is shown only. */
  severity: 'error' | 'warning';
  subject: TimetableSubject | null;
  required: number;
  actual: number;
  /** The rule text and its setting, e.g. "体育与健康 每周应开 3 节，课表仅 2 节：折扣课表". */
  message: string;
  rule: string;
  key: string;
  version: number;
  effectiveFrom: string | null;
}

export interface TimetableSubjectRow {
  subject: TimetableSubject;
  required: number;
  actual: number;
}

export interface TimetableCheck {
  grade: number;
  weeklyTotal: number;
  periods: number;
  rows: TimetableSubjectRow[];
  labRequired: number;
  labActual: number;
  findings: TimetableFinding[];
  /** No finding of severity 'error': the timetable may be published. */
  compliant: boolean;
}

const versionText = (key: string, v: TimetableVersionRef) => `${key} ${v.version ? `第 ${v.version} 版（${v.effectiveFrom} 起）` : '默认值'}`;

/**
 * Checks one class's week. `plan` and `planRef`: timetable.plan in force and its version; `flagCoreSurplus` and
 * `checksRef`: timetable.checks. A grade the plan does not list answers one finding (nothing can be checked).
 */
export function checkTimetable(
  plan: TimetablePlan,
  grade: number,
  cells: readonly TimetableCellFacts[],
  options: { planRef?: TimetableVersionRef; flagCoreSurplus?: boolean; checksRef?: TimetableVersionRef } = {},
): TimetableCheck {
  const planRef = options.planRef ?? DEFAULT_TIMETABLE_VERSION;
  const checksRef = options.checksRef ?? DEFAULT_TIMETABLE_VERSION;
  const gradePlan = plan.grades.find((g) => g.grade === grade);
  const counts = new Map<TimetableSubject, number>();
  let labActual = 0;
  for (const c of cells) {
    counts.set(c.subject, (counts.get(c.subject) ?? 0) + 1);
    if (c.lab && LAB_SUBJECTS.includes(c.subject)) labActual += 1;
  }
  const base = { key: TIMETABLE_PLAN_KEY, version: planRef.version, effectiveFrom: planRef.effectiveFrom };
  const planRule = `课程设置方案（${versionText(TIMETABLE_PLAN_KEY, planRef)}）`;
  if (!gradePlan) {
    const message = `课程设置方案未列出 ${grade} 年级，无法核对课表`;
    return {
      grade,
      weeklyTotal: 0,
      periods: cells.length,
      rows: [],
      labRequired: 0,
      labActual,
      findings: [{ kind: 'shortfall', severity: 'error', subject: null, required: 0, actual: cells.length, message, rule: planRule, ...base }],
      compliant: false,
    };
  }
  const findings: TimetableFinding[] = [];
  const rows: TimetableSubjectRow[] = [];
  for (const [subject, required] of Object.entries(gradePlan.subjects) as [TimetableSubject, number][]) {
    const actual = counts.get(subject) ?? 0;
    rows.push({ subject, required, actual });
    const name = timetableSubjectNames[subject];
    if (actual < required) {
      findings.push({
        kind: 'shortfall',
        severity: 'error',
        subject,
        required,
        actual,
        message: `${name} 每周应开 ${required} 节，课表仅 ${actual} 节：折扣课表（开齐开足国家课程，${planRule}）`,
        rule: planRule,
        ...base,
      });
    } else if (actual > required && CORE_SUBJECTS.includes(subject) && (options.flagCoreSurplus ?? true)) {
      findings.push({
        kind: 'surplus',
        severity: 'warning',
        subject,
        required,
        actual,
        message: `${name} 每周 ${actual} 节，超出方案 ${required} 节：不得挤占音体美劳等课时（${versionText(TIMETABLE_CHECKS_KEY, checksRef)}）`,
        rule: `语数英超出方案课时提示（${versionText(TIMETABLE_CHECKS_KEY, checksRef)}）`,
        key: TIMETABLE_CHECKS_KEY,
        version: checksRef.version,
        effectiveFrom: checksRef.effectiveFrom,
      });
    }
  }
  for (const [subject, actual] of counts) {
    if (gradePlan.subjects[subject] === undefined) rows.push({ subject, required: 0, actual });
  }
  if (labActual < gradePlan.labPeriods) {
    findings.push({
      kind: 'lab',
      severity: 'error',
      subject: null,
      required: gradePlan.labPeriods,
      actual: labActual,
      message: `实验课每周应开 ${gradePlan.labPeriods} 节，课表仅 ${labActual} 节：开足各类实验课，拒绝“黑板讲实验”（${planRule}）`,
      rule: planRule,
      ...base,
    });
  }
  // what blocks publishing first, then the warnings
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    grade,
    weeklyTotal: gradePlan.weeklyTotal,
    periods: cells.length,
    rows,
    labRequired: gradePlan.labPeriods,
    labActual,
    findings,
    compliant: !findings.some((f) => f.severity === 'error'),
  };
}

/** Periods a day for a grade under timetable.grid (grades 7–9 are junior). */
export const periodsPerDay = (grid: TimetableGrid, grade: number) => (grade >= 7 ? grid.juniorPeriods : grid.primaryPeriods);

/** A cell's place in words: "周三第 4 节". */
export const DAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
export const slotText = (day: number, period: number) => `${DAY_NAMES[day - 1] ?? `第${day}天`}第 ${period} 节`;
