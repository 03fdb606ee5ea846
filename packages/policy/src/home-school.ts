/**
 * 家校社协同 rules, pure: a visit's date, whether a teacher's week meets the weekly rule, which pupils are still due a
 * home visit this semester, a 重点关注 pupil short of visits, a lecture's capacity, a masked pupil name.
 */
import { type LocalDate, weekStart } from './dates';
import type { HomeSchoolSettings } from './home-school.settings';

export type VisitRuleValues = HomeSchoolSettings['home-school.visits'];
export type VisitModeName = 'home' | 'phone' | 'video' | 'school';

export interface RuleFinding {
  rule: string;
  message: string;
}

/** A visit is recorded after it happened: never a date after today. */
export function checkVisitDate(date: LocalDate, today: LocalDate): RuleFinding | null {
  if (date > today) return { rule: 'home-school.visits', message: `家访日期 ${date} 晚于今天 ${today}：只能记录已完成的家访` };
  return null;
}

/** Visits of one teacher in the week of `date` that count towards the weekly rule (home or phone by default). */
export function weekVisitsCounting(visits: readonly { date: LocalDate; mode: VisitModeName }[], date: LocalDate, rule: Pick<VisitRuleValues, 'weeklyModes'>): number {
  const ws = weekStart(date);
  return visits.filter((v) => weekStart(v.date) === ws && rule.weeklyModes.includes(v.mode)).length;
}

/** The weekly rule is met when the counting visits reach weeklyMin (seed 003: one a week). */
export const weekDone = (counting: number, rule: Pick<VisitRuleValues, 'weeklyMin'>) => counting >= rule.weeklyMin;

/** A pupil with any special flag is 重点关注: at least specialMin visits a semester (seed 004 #10). */
export interface SpecialFlagValues {
  leftBehind: boolean;
  singleParent: boolean;
  hardship: boolean;
  disability: boolean;
  learningDifficulty: boolean;
}
export const isFocusPupil = (flags: SpecialFlagValues | null | undefined) =>
  !!flags && (flags.leftBehind || flags.singleParent || flags.hardship || flags.disability || flags.learningDifficulty);

/** A pupil is due a home visit from this teacher while the teacher's home visits this semester are below semesterHomeMin. */
export const homeVisitDue = (homeVisitsByTeacher: number, rule: Pick<VisitRuleValues, 'semesterHomeMin'>) => homeVisitsByTeacher < rule.semesterHomeMin;

/** A 重点关注 pupil is short while all visits this semester (any teacher, any mode) are below specialMin. */
export const focusShort = (focus: boolean, visitsThisSemester: number, rule: Pick<VisitRuleValues, 'specialMin'>) => focus && visitsThisSemester < rule.specialMin;

/** A lecture takes a sign-up while fewer than `capacity` families signed up. */
export const lectureHasRoom = (signedUp: number, capacity: number) => signedUp < capacity;

/** A left-behind child's file must name a stand-in parent (代理家长) while the care rule requires it (seed 004 #20). */
export function checkStandIn(leftBehind: boolean, standInId: string | null, standInRequired: boolean): RuleFinding | null {
  if (leftBehind && standInRequired && !standInId) return { rule: 'home-school.care', message: '留守儿童须指定代理家长（本校教职工）' };
  return null;
}

/** 张*明: the first and last character kept, the middle masked; two characters: 张*. */
export function maskPupilName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Whether a semester's meetings meet the rule (≥ meetingsPerSemester held). */
export const meetingsMet = (held: number, rule: { meetingsPerSemester: number }) => held >= rule.meetingsPerSemester;
