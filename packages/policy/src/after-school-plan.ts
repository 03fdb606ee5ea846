/**
 * 一校一案 rules ("5+2", "1+X"): a school's semester service plan checked against the district's 'after-school.service'
 * setting and the school calendar. Pure functions; the server stores the check at submit and the plan form shows it live.
 */
import { isoWeekday, type LocalDate } from './dates';

/** The 'after-school.service' setting (after-school.settings.ts). */
export interface ServiceSetting {
  weekdays: number[];
  minMinutesPerDay: number;
  endNotBefore: string;
  homeworkFirst: boolean;
}

export type PeriodKind = 'homework' | 'club';

export interface PlanPeriod {
  start: string;
  end: string;
  kind: PeriodKind;
}

export interface PlanTimes {
  /** ISO weekdays (1 = Monday) the school serves. */
  weekdays: readonly number[];
  /** The day's periods, the same on every service day. */
  periods: readonly PlanPeriod[];
}

/** A date of the semester with whether the school calendar makes it a school day. */
export interface CalendarDay {
  date: LocalDate;
  schoolDay: boolean;
}

export type PlanRule =
  | 'after-school.plan.periods'
  | 'after-school.plan.courses'
  | 'after-school.service.weekdays'
  | 'after-school.service.minMinutesPerDay'
  | 'after-school.service.endNotBefore'
  | 'after-school.service.homeworkFirst';

export interface PlanFinding {
  rule: PlanRule;
  message: string;
  /** School days the plan leaves without service (weekdays rule). */
  dates?: LocalDate[];
  /** Index of the period the finding is about (periods rule). */
  period?: number;
  /** The policy versions the check applied ('key@id,…'; null: the shipped defaults). */
  policyVersion: string | null;
}

export interface PlanCheck {
  ok: boolean;
  findings: PlanFinding[];
  /** School days of the semester on the weekdays the setting names. */
  requiredDays: number;
  /** Of those, the days the plan serves. */
  servedDays: number;
  /** Minutes of service a day (the periods' total; breaks between periods are not service). */
  minutesPerDay: number;
  /** When the day's last period ends (null without periods). */
  endTime: string | null;
  setting: ServiceSetting;
  policyVersion: string | null;
}

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
export const weekdayName = (d: number) => WEEKDAY_NAMES[d] ?? String(d);

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight of an 'HH:MM' (or 'HH:MM:SS') time; NaN when malformed. */
export function minutesOf(time: string): number {
  const hhmm = time.slice(0, 5);
  if (!HHMM.test(hhmm)) return Number.NaN;
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Periods in time order, with their position in the input (findings name the period as the person typed it). */
function ordered(periods: readonly PlanPeriod[]) {
  return periods.map((p, index) => ({ ...p, index, from: minutesOf(p.start), to: minutesOf(p.end) })).sort((a, b) => a.from - b.from);
}

/** Structure: each period starts before it ends and none overlaps the next (after-school.plan.periods). */
function periodFindings(periods: readonly PlanPeriod[], policyVersion: string | null): PlanFinding[] {
  const out: PlanFinding[] = [];
  if (periods.length === 0) {
    out.push({ rule: 'after-school.plan.periods', message: '方案没有服务时段：至少安排一个时段', policyVersion });
    return out;
  }
  const list = ordered(periods);
  for (const p of list) {
    if (Number.isNaN(p.from) || Number.isNaN(p.to)) out.push({ rule: 'after-school.plan.periods', period: p.index, message: `第 ${p.index + 1} 个时段的时间应为 HH:MM`, policyVersion });
    else if (p.from >= p.to) out.push({ rule: 'after-school.plan.periods', period: p.index, message: `第 ${p.index + 1} 个时段 ${p.start}–${p.end}：开始时间应早于结束时间`, policyVersion });
  }
  for (let i = 1; i < list.length; i++) {
    const prev = list[i - 1]!;
    const cur = list[i]!;
    if (cur.from < prev.to)
      out.push({ rule: 'after-school.plan.periods', period: cur.index, message: `时段 ${prev.start}–${prev.end} 与 ${cur.start}–${cur.end} 重叠`, policyVersion });
  }
  return out;
}

/**
 * "5+2" and "1+X" (双减 §13; district setting after-school.service): service on every school day of the semester that
 * falls on a weekday the setting names, at least `minMinutesPerDay` minutes a day, ending no earlier than the local
 * off-work time, homework help (作业辅导) in the first period. Every finding cites its rule and the policy versions.
 */
export function checkServicePlan(plan: PlanTimes, days: readonly CalendarDay[], setting: ServiceSetting, policyVersion: string | null): PlanCheck {
  const findings = periodFindings(plan.periods, policyVersion);
  const wellFormed = findings.length === 0;
  const served = new Set(plan.weekdays);
  const required = days.filter((d) => d.schoolDay && setting.weekdays.includes(isoWeekday(d.date)));
  const missed = required.filter((d) => !served.has(isoWeekday(d.date))).map((d) => d.date);
  if (missed.length) {
    const weekdays = [...new Set(missed.map(isoWeekday))].sort((a, b) => a - b).map(weekdayName).join('、');
    findings.push({
      rule: 'after-school.service.weekdays',
      dates: missed,
      message: `本学期有 ${missed.length} 个上课日（${weekdays}）没有课后服务：每个上课日都应提供服务（${setting.weekdays.map(weekdayName).join('、')}）`,
      policyVersion,
    });
  }
  const list = ordered(plan.periods);
  const minutesPerDay = wellFormed ? list.reduce((sum, p) => sum + (p.to - p.from), 0) : 0;
  const last = wellFormed ? list[list.length - 1] : undefined;
  const endTime = last ? last.end : null;
  if (wellFormed && minutesPerDay < setting.minMinutesPerDay)
    findings.push({
      rule: 'after-school.service.minMinutesPerDay',
      message: `每天服务 ${minutesPerDay} 分钟，少于区县规定的 ${setting.minMinutesPerDay} 分钟`,
      policyVersion,
    });
  if (last && last.to < minutesOf(setting.endNotBefore))
    findings.push({
      rule: 'after-school.service.endNotBefore',
      message: `服务 ${last.end} 结束，早于区县规定的 ${setting.endNotBefore}（不早于当地正常下班时间）`,
      policyVersion,
    });
  const first = wellFormed ? list[0] : undefined;
  if (setting.homeworkFirst && first && first.kind !== 'homework')
    findings.push({
      rule: 'after-school.service.homeworkFirst',
      period: first.index,
      message: `第一时段 ${first.start}–${first.end} 应为作业辅导（“1+X”：先作业辅导，后社团活动）`,
      policyVersion,
    });
  return {
    ok: findings.length === 0,
    findings,
    requiredDays: required.length,
    servedDays: required.length - missed.length,
    minutesPerDay,
    endTime,
    setting,
    policyVersion,
  };
}

/** A course's slot fits the plan: its weekdays are service days and its times lie inside one period. */
export function courseFitsPlan(course: { weekdays: readonly number[]; startTime: string; endTime: string }, plan: PlanTimes): boolean {
  const from = minutesOf(course.startTime);
  const to = minutesOf(course.endTime);
  return (
    course.weekdays.every((d) => plan.weekdays.includes(d)) &&
    plan.periods.some((p) => minutesOf(p.start) <= from && to <= minutesOf(p.end))
  );
}

export interface CatalogueCourse {
  name: string;
  category: string;
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
}

/**
 * The catalogue a plan covers (after-school.plan.courses): homework help (the "1") for the children served, and every
 * course inside the plan's service days and periods.
 */
export function checkCatalogue(courses: readonly CatalogueCourse[], plan: PlanTimes, policyVersion: string | null): PlanFinding[] {
  const out: PlanFinding[] = [];
  if (!courses.some((c) => c.category === 'homework'))
    out.push({ rule: 'after-school.plan.courses', message: '课程目录中没有作业辅导课程（“1+X”中的“1”）', policyVersion });
  for (const c of courses)
    if (!courseFitsPlan(c, plan))
      out.push({
        rule: 'after-school.plan.courses',
        message: `课程「${c.name}」（${c.weekdays.map(weekdayName).join('、')} ${c.startTime.slice(0, 5)}–${c.endTime.slice(0, 5)}）不在方案的服务日和时段内`,
        policyVersion,
      });
  return out;
}
