/**
 * 作业管理 rules (双减 §5–§8): what counts toward a class's daily limit, what may not be set at all, and how a family's
 * reported time is judged. Pure functions; the server enforces them and the homework form shows them live.
 */
import type { DayKind } from './calendar';
import { defaultForbiddenPatterns, type ForbiddenPatterns, forbiddenContentIn } from './homework-content';

export * from './homework-content';

export const HOMEWORK_TYPES = ['written', 'oral', 'reading', 'practical', 'inquiry', 'cross_subject', 'exercise', 'art', 'labour', 'community'] as const;
export type HomeworkType = (typeof HOMEWORK_TYPES)[number];
export const homeworkTypeLabels: Record<HomeworkType, { 'zh-CN': string; en: string }> = {
  written: { 'zh-CN': '书面', en: 'Written' },
  oral: { 'zh-CN': '口头', en: 'Oral' },
  reading: { 'zh-CN': '阅读', en: 'Reading' },
  practical: { 'zh-CN': '实践', en: 'Practical' },
  inquiry: { 'zh-CN': '探究', en: 'Inquiry' },
  cross_subject: { 'zh-CN': '跨学科', en: 'Cross-subject' },
  exercise: { 'zh-CN': '体育锻炼', en: 'Exercise' },
  art: { 'zh-CN': '艺术', en: 'Arts' },
  labour: { 'zh-CN': '劳动', en: 'Labour' },
  community: { 'zh-CN': '社区服务', en: 'Community service' },
};

/** 分层作业: 基础 / 提高 / 拓展 (optional). */
export const LAYERS = ['basic', 'advanced', 'extension'] as const;
export type Layer = (typeof LAYERS)[number];
export const layerLabels: Record<Layer, { 'zh-CN': string; en: string }> = {
  basic: { 'zh-CN': '基础', en: 'Basic' },
  advanced: { 'zh-CN': '提高', en: 'Advanced' },
  extension: { 'zh-CN': '拓展（选做）', en: 'Extension (optional)' },
};

/** home: done at home; school: done during after-school service time (课后服务时间完成). */
export const PLACES = ['home', 'school'] as const;
export type Place = (typeof PLACES)[number];

export type GradeMinutes = Record<`${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, number>;
/** Minutes per grade, or null where the district sets none. */
export type GradeCaps = Record<`${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, number | null>;

/** The steps of the review chain (学科组长审核内容 → 班主任协调总量 → 教务处审核). */
export const REVIEW_STEPS = ['contentCheck', 'classCoordination', 'schoolApproval'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];
export const reviewStepLabels: Record<ReviewStep, { 'zh-CN': string; en: string }> = {
  contentCheck: { 'zh-CN': '学科组长审核内容', en: 'Content check by the subject leader' },
  classCoordination: { 'zh-CN': '班主任协调总量', en: 'Class teacher coordinates the total' },
  schoolApproval: { 'zh-CN': '教务处审核', en: 'Academic affairs approves' },
};

export interface HomeworkPolicy {
  /** Written homework at home, minutes per day, by kind of day and grade (homework.dayLimits). */
  dayLimits: Record<DayKind, GradeMinutes>;
  /** Homework for parents, parents checking or marking it, students marking their own (homework.forbiddenContent). */
  forbiddenPhrases: string[];
  /** The same, by pattern: a parent word, then a check/mark/sign/read-for word in the same clause (homework.forbiddenPatterns). */
  forbiddenPatterns: ForbiddenPatterns;
  /** Grades with no written homework at home (national: 1 and 2; homework.noWrittenGrades). */
  noWrittenGrades: number[];
  /** Optional daily cap of required non-written homework at home, per grade (homework.nonWrittenCaps). */
  nonWrittenCaps: GradeCaps;
  /** Review steps every school runs; a school may add the others, never drop these (homework.mandatorySteps). */
  mandatorySteps: ReviewStep[];
  /** 作业熔断: at this time a child stops, done or not (homework.bedtime). */
  bedtime: { primary: string; junior: string };
  /** Share of students finishing within the limit the district aims at (homework.completionTarget). */
  completionTarget: number;
  /** An item is flagged when its median actual time exceeds factor × estimate, once it has minReports reports. */
  overrun: { factor: number; minReports: number };
}

const limits = (g12: number, g36: number, g79: number): GradeMinutes => ({ 1: g12, 2: g12, 3: g36, 4: g36, 5: g36, 6: g36, 7: g79, 8: g79, 9: g79 });

/**
 * National rules (grades 1–2: none at home; 3–6: ≤ 60; 7–9: ≤ 90 min a day). The national text sets no separate
 * numbers for weekends, holidays and vacations, so they ship the same; a district sets its own per kind of day.
 */
export const defaultHomeworkPolicy: HomeworkPolicy = {
  dayLimits: { school_day: limits(0, 60, 90), weekend: limits(0, 60, 90), holiday: limits(0, 60, 90), vacation: limits(0, 60, 90) },
  forbiddenPhrases: ['家长批改', '家长签字批改', '家长检查批改', '请家长批改', '家长打分', '家长评分', '家长代做', '家长完成', '家长帮忙完成', '自批自改', '学生自批', '互批互改'],
  forbiddenPatterns: defaultForbiddenPatterns,
  noWrittenGrades: [1, 2],
  nonWrittenCaps: { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null, 8: null, 9: null },
  // seeds 001 and 003: 学科组长把关 → 班主任协调 → 教务处审核
  mandatorySteps: ['contentCheck', 'classCoordination', 'schoolApproval'],
  bedtime: { primary: '21:20', junior: '22:00' },
  completionTarget: 0.9,
  overrun: { factor: 1.5, minReports: 3 },
};

export interface LoadItem {
  id?: string | null;
  subjectName?: string | null;
  type: HomeworkType;
  layer: Layer;
  place: Place;
  minutes: number;
  content: string;
}

export type HomeworkRule = 'homework.dayLimits' | 'homework.noWrittenAtHome' | 'homework.forbiddenContent' | 'homework.nonWrittenCap';

export interface Violation {
  rule: HomeworkRule;
  itemId: string | null;
  message: string;
  phrase?: string;
}

export interface LoadCheck {
  rule: 'homework.dayLimits';
  dayKind: DayKind;
  grade: number;
  /** Minutes of counted written homework allowed at home on this day. */
  limit: number;
  /** Counted: written, at home, not optional. */
  written: number;
  /** Optional (拓展) written homework at home: shown, not counted. */
  optional: number;
  /** Non-written homework at home (reading, practical, …): tracked separately. */
  other: number;
  /** Of `other`, the required part (optional items aside): what the non-written cap is about. */
  nonWritten: number;
  /** The grade's daily cap of required non-written homework (null: none). */
  nonWrittenCap: number | null;
  /** The grade gets no written homework at home (homework.noWrittenGrades): its limit does not apply. */
  noWrittenGrade: boolean;
  /** Done in after-school service time at school. */
  inSchool: number;
  over: boolean;
  violations: Violation[];
}

/** Written, at home, not optional: what the daily limit is about. */
export function countsTowardLimit(item: Pick<LoadItem, 'type' | 'place' | 'layer'>): boolean {
  return item.type === 'written' && item.place === 'home' && item.layer !== 'extension';
}

export function limitFor(policy: HomeworkPolicy, dayKind: DayKind, grade: number): number {
  return policy.dayLimits[dayKind][String(grade) as keyof GradeMinutes] ?? 0;
}

/** 双减 §5: checks one class's homework for one day against the grade's limit and the content rules. */
export function checkClassDay(items: readonly LoadItem[], grade: number, dayKind: DayKind, policy: HomeworkPolicy): LoadCheck {
  const limit = limitFor(policy, dayKind, grade);
  const noWrittenGrade = noWrittenAtHome(policy, grade);
  const nonWrittenCap = policy.nonWrittenCaps?.[String(grade) as keyof GradeCaps] ?? null;
  let written = 0;
  let optional = 0;
  let other = 0;
  let nonWritten = 0;
  let inSchool = 0;
  const violations: Violation[] = [];
  for (const item of items) {
    if (item.place === 'school') inSchool += item.minutes;
    else if (item.type !== 'written') {
      other += item.minutes;
      if (item.layer !== 'extension') nonWritten += item.minutes;
    } else if (item.layer === 'extension') optional += item.minutes;
    else written += item.minutes;
    const label = item.subjectName ? `${item.subjectName}作业` : '该作业';
    if (noWrittenGrade && item.type === 'written' && item.place === 'home')
      violations.push({ rule: 'homework.noWrittenAtHome', itemId: item.id ?? null, message: `${grade}年级不布置家庭书面作业：${label}应改为在校完成或非书面作业` });
    for (const phrase of forbiddenContentIn(item.content, policy.forbiddenPhrases, policy.forbiddenPatterns))
      violations.push({
        rule: 'homework.forbiddenContent',
        itemId: item.id ?? null,
        phrase,
        message: `${label}含“${phrase}”：不得给家长布置作业，不得要求家长检查、批改、签字或代阅，不得要求学生自批自改`,
      });
  }
  const over = written > limit && !noWrittenGrade;
  if (over) violations.push({ rule: 'homework.dayLimits', itemId: null, message: `书面作业合计 ${written} 分钟，超过${grade}年级每日 ${limit} 分钟的上限` });
  if (nonWrittenCap !== null && nonWritten > nonWrittenCap)
    violations.push({ rule: 'homework.nonWrittenCap', itemId: null, message: `非书面作业（不含选做）合计 ${nonWritten} 分钟，超过${grade}年级每日 ${nonWrittenCap} 分钟的上限` });
  return { rule: 'homework.dayLimits', dayKind, grade, limit, written, optional, other, nonWritten, nonWrittenCap, noWrittenGrade, inSchool, over, violations };
}

/** The grade gets no written homework at home (homework.noWrittenGrades; national: grades 1–2). */
export function noWrittenAtHome(policy: Pick<HomeworkPolicy, 'noWrittenGrades'>, grade: number): boolean {
  return (policy.noWrittenGrades ?? [1, 2]).includes(grade);
}

/**
 * The cut that brings a day within its limit: the counted item to shorten and to how many minutes, or null when the
 * day is within the limit or no single item can take the whole cut (then drop or move one first).
 */
export function proposeCut<T extends Pick<LoadItem, 'type' | 'place' | 'layer' | 'minutes'> & { id?: string | null }>(
  items: readonly T[],
  check: Pick<LoadCheck, 'written' | 'limit' | 'noWrittenGrade'>,
): { item: T; from: number; to: number; by: number } | null {
  const excess = check.written - check.limit;
  if (excess <= 0 || check.noWrittenGrade) return null;
  // the largest counted item: the smallest share of any one subject's work is cut
  const candidates = items.filter((i) => countsTowardLimit(i) && i.minutes - excess >= 1).sort((a, b) => b.minutes - a.minutes);
  const item = candidates[0];
  return item ? { item, from: item.minutes, to: item.minutes - excess, by: excess } : null;
}

/** Nearest-rank percentile of integer minutes; null without values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface StudentDayReport {
  /** Per counted item: done, and minutes if given. */
  items: { counted: boolean; done: boolean; minutes: number | null }[];
  stoppedAtBedtime: boolean;
  /** When the evening's homework ended (HH:MM, district time), if the family said; before noon = after midnight. */
  endedAt?: string | null;
}

export interface StudentDayResult {
  /** Reported minutes on counted items. */
  minutes: number;
  finished: boolean;
  withinLimit: boolean;
  stoppedAtBedtime: boolean;
  /** Took longer than the limit, or stopped at bedtime: the class's load was too much for this child. */
  overLimit: boolean;
  endedAt: string | null;
  /** Minutes the homework ran past the grade's bedtime (0 when on time or not said): a late night, against sleep. */
  lateMinutes: number;
}

/**
 * A child's evening: finished every counted item within the limit, or stopped at bedtime (作业熔断) — which counts as
 * compliant for the child (and as over-load for the class, see classDayOutcome). With the time the homework ended and
 * the grade's bedtime (homework.bedtime), an end past bedtime is kept as late minutes: it costs the child sleep, and
 * does not change the judgement against the limit.
 */
export function judgeStudentDay(report: StudentDayReport, limit: number, bedtime?: string): StudentDayResult {
  const counted = report.items.filter((i) => i.counted);
  const minutes = counted.reduce((sum, i) => sum + (i.minutes ?? 0), 0);
  const finished = counted.every((i) => i.done);
  const withinLimit = report.stoppedAtBedtime || (finished && minutes <= limit);
  const endedAt = report.endedAt ?? null;
  const lateMinutes = endedAt && bedtime ? minutesPastBedtime(endedAt, bedtime) : 0;
  return { minutes, finished, withinLimit, stoppedAtBedtime: report.stoppedAtBedtime, overLimit: report.stoppedAtBedtime || minutes > limit, endedAt, lateMinutes };
}

/**
 * 作业熔断 stops what is left at bedtime, so it needs something left: at least one counted item not finished
 * (rule homework.bedtimeStop). A day without counted items has nothing to stop.
 */
export function bedtimeStopAllowed(items: StudentDayReport['items']): boolean {
  return items.some((i) => i.counted && !i.done);
}

/** An evening's clock time in minutes from noon: 19:30 → 450, 00:30 → 750 (the small hours belong to the evening before). */
export function eveningMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const minutes = h * 60 + m;
  return minutes < 12 * 60 ? minutes + 12 * 60 : minutes - 12 * 60;
}

/** Minutes from bedtime to when homework ended; 0 when it ended by bedtime. 03:00 against 21:20 is 340. */
export function minutesPastBedtime(endedAt: string, bedtime: string): number {
  return Math.max(0, eveningMinutes(endedAt) - eveningMinutes(bedtime));
}

export interface ClassDayOutcome {
  reporters: number;
  withinLimit: number;
  bedtimeStops: number;
  /** Children whose homework ended after bedtime (a late night: counted against sleep, not against the limit). */
  lateNights: number;
  /** Children over the limit, bedtime stops included. */
  overLimit: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** More children over the limit than the completion target allows (e.g. > 10% for a 90% target). */
  overloaded: boolean;
}

/**
 * A class's day from its families' reports. A bedtime stop is compliant for the child but counts against the class:
 * the day is over-loaded when the share of children over the limit exceeds 1 − target (policy homework.completionTarget).
 */
export function classDayOutcome(
  students: readonly (Pick<StudentDayResult, 'minutes' | 'withinLimit' | 'stoppedAtBedtime' | 'overLimit'> & { lateMinutes?: number })[],
  target: number,
): ClassDayOutcome {
  const minutes = students.map((s) => s.minutes);
  const overLimit = students.filter((s) => s.overLimit).length;
  return {
    reporters: students.length,
    withinLimit: students.filter((s) => s.withinLimit).length,
    bedtimeStops: students.filter((s) => s.stoppedAtBedtime).length,
    lateNights: students.filter((s) => (s.lateMinutes ?? 0) > 0).length,
    overLimit,
    medianMinutes: percentile(minutes, 50),
    p90Minutes: percentile(minutes, 90),
    overloaded: students.length > 0 && overLimit / students.length > 1 - target + 1e-9,
  };
}

/** Flags an item whose median actual time exceeds factor × estimate (policy homework.overrun). */
export function itemOverrun(estimate: number, actualMinutes: readonly number[], policy: Pick<HomeworkPolicy, 'overrun'>) {
  const median = percentile(actualMinutes, 50);
  const flagged = median !== null && actualMinutes.length >= policy.overrun.minReports && median > policy.overrun.factor * estimate;
  return { rule: 'homework.overrun' as const, median, reports: actualMinutes.length, ratio: median === null || estimate === 0 ? null : median / estimate, flagged };
}

/** Bedtime for a grade: primary grades 1–6, junior 7–9 (nine-year schools follow the grade). */
export function bedtimeFor(grade: number, policy: Pick<HomeworkPolicy, 'bedtime'>): string {
  return grade <= 6 ? policy.bedtime.primary : policy.bedtime.junior;
}
