/**
 * 体质管理 rules: a class's school day (大课间, eye exercises, minutes of activity in school), the week's PE lessons by
 * grade, and the national student fitness test's levels (国家学生体质健康标准, 2014 revision). Every finding names the
 * setting 'five-managements.fitness' and the version that applied. Seed 004 #23: "每天上、下午各一次眼保健操,上午半小时
 * 课间操,下午半小时的体育活动"; "学校开足开齐国家规定体育课程".
 */
import type { FiveManagementsSettings } from './five-managements.settings';

export type FitnessRules = FiveManagementsSettings['five-managements.fitness'];
export const FITNESS_RULE_KEY = 'five-managements.fitness';

/** Which version of the setting applied: 0 with nulls is the shipped default. */
export interface FitnessVersionRef {
  version: number;
  versionId: string | null;
  effectiveFrom: string | null;
}
export const DEFAULT_FITNESS_VERSION: FitnessVersionRef = { version: 0, versionId: null, effectiveFrom: null };

export type FitnessCheckItem = 'bigBreak' | 'eye' | 'activity' | 'pe';

export interface FitnessFinding {
  item: FitnessCheckItem;
  ok: boolean;
  /** What the rule asks (minutes, exercises, lessons). */
  required: number;
  actual: number;
  /** The rule in words, as the page and the refusal cite it. */
  rule: string;
  key: typeof FITNESS_RULE_KEY;
  version: number;
  versionId: string | null;
}

export interface FitnessDayFacts {
  bigBreakMinutes: number;
  eyeExercises: number;
  activityMinutes: number;
}

export const bigBreakRuleText = (r: FitnessRules) => `每天大课间不少于 ${r.bigBreakMinMinutes} 分钟（上午半小时课间操）`;
export const eyeRuleText = (r: FitnessRules) => `每天做眼保健操 ${r.eyeExercisesPerDay} 次（上、下午各一次）`;
export const activityRuleText = (r: FitnessRules) => `每天在校体育活动不少于 ${r.dailyActivityMinutes} 分钟（校内锻炼 1 小时）`;
export const peRuleText = (grade: number, lessons: number) => `${grade} 年级每周体育课不少于 ${lessons} 节（开足开齐国家规定体育课程）`;

/** PE lessons a week the policy asks of a grade (the band containing it; 0 when no band does). */
export function peLessonsRequired(rules: FitnessRules, grade: number): number {
  return rules.peLessonsPerWeek.find((b) => b.fromGrade <= grade && grade <= b.toGrade)?.lessons ?? 0;
}

function finding(item: FitnessCheckItem, required: number, actual: number, ok: boolean, rule: string, v: FitnessVersionRef): FitnessFinding {
  return { item, ok, required, actual, rule, key: FITNESS_RULE_KEY, version: v.version, versionId: v.versionId };
}

/** One class's school day against the policy in force on that date: 大课间, eye exercises, minutes of activity. */
export function checkFitnessDay(day: FitnessDayFacts, rules: FitnessRules, v: FitnessVersionRef = DEFAULT_FITNESS_VERSION): FitnessFinding[] {
  return [
    finding('bigBreak', rules.bigBreakMinMinutes, day.bigBreakMinutes, day.bigBreakMinutes >= rules.bigBreakMinMinutes, bigBreakRuleText(rules), v),
    finding('eye', rules.eyeExercisesPerDay, day.eyeExercises, day.eyeExercises >= rules.eyeExercisesPerDay, eyeRuleText(rules), v),
    finding('activity', rules.dailyActivityMinutes, day.activityMinutes, day.activityMinutes >= rules.dailyActivityMinutes, activityRuleText(rules), v),
  ];
}

/** What one recorded day adds to the class's weekly indicators (fitnessBigBreak, fitnessEye, fitnessActivity). */
export interface FitnessDayFigures {
  bigBreakOk: boolean;
  /** Eye exercises due that day, and those done counted towards them (no more than due). */
  eyeDue: number;
  eyeDone: number;
  activityOk: boolean;
}

export function fitnessDayFigures(day: FitnessDayFacts, rules: FitnessRules): FitnessDayFigures {
  return {
    bigBreakOk: day.bigBreakMinutes >= rules.bigBreakMinMinutes,
    eyeDue: rules.eyeExercisesPerDay,
    eyeDone: Math.min(day.eyeExercises, rules.eyeExercisesPerDay),
    activityOk: day.activityMinutes >= rules.dailyActivityMinutes,
  };
}

/**
 * The week's PE lessons of a class against its grade's number. `timetabled` is what the class's timetable holds for
 * the week when a timetable exists (null: none yet); the policy's number is then still the floor. While the week is
 * not over (`complete` false) a shortfall is not yet a miss: `ok` is null.
 */
export function checkPeWeek(
  held: number,
  grade: number,
  rules: FitnessRules,
  v: FitnessVersionRef = DEFAULT_FITNESS_VERSION,
  options: { complete: boolean; timetabled?: number | null } = { complete: true },
): FitnessFinding & { complete: boolean; timetabled: number | null; pending: boolean } {
  const required = Math.max(peLessonsRequired(rules, grade), options.timetabled ?? 0);
  const met = held >= required;
  const f = finding('pe', required, held, met, peRuleText(grade, required), v);
  return { ...f, complete: options.complete, timetabled: options.timetabled ?? null, pending: !met && !options.complete };
}

/** 国家学生体质健康标准 levels of the total score: 优秀 ≥ 90.0, 良好 80.0–89.9, 及格 60.0–79.9, 不及格 ≤ 59.9. */
export const FITNESS_LEVEL_VALUES = ['excellent', 'good', 'pass', 'fail'] as const;
export type FitnessLevel = (typeof FITNESS_LEVEL_VALUES)[number];
export const FITNESS_LEVEL_NAMES: Record<FitnessLevel, string> = { excellent: '优秀', good: '良好', pass: '及格', fail: '不及格' };

/** The level of a total score given in tenths of a point (85.5 → 855). */
export function fitnessLevelOf(totalTenths: number): FitnessLevel {
  if (totalTenths >= 900) return 'excellent';
  if (totalTenths >= 800) return 'good';
  if (totalTenths >= 600) return 'pass';
  return 'fail';
}

export const fitnessLevelPasses = (level: FitnessLevel) => level !== 'fail';

export function fitnessLevelFromName(name: string): FitnessLevel | null {
  const hit = (Object.entries(FITNESS_LEVEL_NAMES) as [FitnessLevel, string][]).find(([, n]) => n === name.trim());
  return hit ? hit[0] : null;
}

/** A score as tenths of a point: '85.5' → 855, '90' → 900; null for empty, not a number, or more than one decimal. */
export function scoreTenths(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}(\.\d)?$/.test(t)) return null;
  const [whole, frac = '0'] = t.split('.');
  return Number(whole) * 10 + Number(frac);
}

/**
 * The standard's 年级编号: 11–16 are primary grades 1–6, 21–23 junior grades 1–3 (our grades 7–9); null for others
 * (high school 31–33, university 41–44 are not schools of this platform).
 */
export function gradeFromFitnessCode(code: string): number | null {
  const n = Number(code.trim());
  if (n >= 11 && n <= 16) return n - 10;
  if (n >= 21 && n <= 23) return n - 14;
  return null;
}
export const fitnessCodeOfGrade = (grade: number) => String(grade <= 6 ? 10 + grade : 14 + grade);

/** The check of a row's level: the level written must be the level of the total; the sum total = standard + extra. */
export function checkFitnessTotals(row: { standardTenths: number; extraTenths: number; totalTenths: number; level: FitnessLevel }): string[] {
  const problems: string[] = [];
  if (row.standardTenths + row.extraTenths !== row.totalTenths)
    problems.push(`总分 ${row.totalTenths / 10} 不等于标准分 ${row.standardTenths / 10} 加附加分 ${row.extraTenths / 10}`);
  const expected = fitnessLevelOf(row.totalTenths);
  if (expected !== row.level)
    problems.push(`等级「${FITNESS_LEVEL_NAMES[row.level]}」与总分 ${row.totalTenths / 10} 不符，应为「${FITNESS_LEVEL_NAMES[expected]}」（优秀≥90，良好80–89.9，及格60–79.9，不及格<60）`);
  return problems;
}
