/**
 * What the fitness area's services share: the 'five-managements.fitness' setting in force on a date with the version
 * it cites, a day record as the API answers it, and the PE periods of a class's published timetable.
 */
import type { FitnessDayRecord, FitnessRuleView } from '@shuangjian/contracts';
import { checkFitnessDay, FITNESS_RULE_KEY, type FitnessRules, type FitnessVersionRef, type LocalDate } from '@shuangjian/policy';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import { timetabledPePeriods } from '../timetable';
import { policyVersions, users } from '../../platform/schema';
import { fiveManagementsPolicy } from './five-managements.policy';
import type { fiveFitnessDays } from './fitness.schema';

export type FitnessDayRow = typeof fiveFitnessDays.$inferSelect;

/**
 * The fitness rules in force on `on` and which version applied: its ordinal among the district's versions of the key
 * (1, 2, …; 0 for the shipped default), id and effective date. Every check cites it.
 */
export async function fitnessRulesAt(db: Queryable, districtId: string, on: LocalDate): Promise<{ rules: FitnessRules; ref: FitnessVersionRef }> {
  const { values } = await fiveManagementsPolicy(db, districtId, on);
  const rows = await db
    .select({ id: policyVersions.id, effectiveFrom: policyVersions.effectiveFrom })
    .from(policyVersions)
    .where(and(eq(policyVersions.districtId, districtId), eq(policyVersions.key, FITNESS_RULE_KEY)))
    .orderBy(asc(policyVersions.createdAt), asc(policyVersions.id));
  // the one in force: the latest effective date not after `on`, the latest created on a tie (as policyValuesAt)
  let applied: (typeof rows)[number] | null = null;
  for (const r of rows) if (r.effectiveFrom <= on && (!applied || r.effectiveFrom >= applied.effectiveFrom)) applied = r;
  const ref: FitnessVersionRef = applied
    ? { version: rows.indexOf(applied) + 1, versionId: applied.id, effectiveFrom: applied.effectiveFrom }
    : { version: 0, versionId: null, effectiveFrom: null };
  return { rules: values['five-managements.fitness'], ref };
}

export const ruleView = (rules: FitnessRules, ref: FitnessVersionRef): FitnessRuleView => ({
  bigBreakMinMinutes: rules.bigBreakMinMinutes,
  eyeExercisesPerDay: rules.eyeExercisesPerDay,
  dailyActivityMinutes: rules.dailyActivityMinutes,
  version: ref.version,
  effectiveFrom: ref.effectiveFrom,
});

/** "five-managements.fitness 第 2 版（2026-09-01 起）" or "…（默认）": how a refusal or a finding names the version. */
export const versionText = (ref: Pick<FitnessVersionRef, 'version' | 'effectiveFrom'>) =>
  `${FITNESS_RULE_KEY} ${ref.version ? `第 ${ref.version} 版（${ref.effectiveFrom} 起）` : '默认值'}`;

/** A day record with its findings by the policy in force on its date. */
export function dayRecordView(row: FitnessDayRow, rules: FitnessRules, ref: FitnessVersionRef, names: Map<string, string>): FitnessDayRecord {
  return {
    id: row.id,
    classId: row.classId,
    date: row.date,
    bigBreakMinutes: row.bigBreakMinutes,
    peLesson: row.peLesson,
    eyeExercises: row.eyeExercises,
    activityMinutes: row.activityMinutes,
    note: row.note,
    recordedByName: names.get(row.recordedBy) ?? null,
    updatedAt: row.updatedAt.toISOString(),
    findings: checkFitnessDay(row, rules, ref),
  };
}

export async function userNames(q: Queryable, districtId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await q.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, districtId), inArray(users.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * PE lessons the class's published timetable (课程与课表) holds in the week starting `weekStart`; a class without a
 * published timetable is absent and its week is checked against the policy's number per grade only. checkPeWeek takes
 * the larger of the timetable's and the policy's numbers as what the records must show.
 */
export async function timetabledPeLessons(q: Queryable, districtId: string, classIds: readonly string[], weekStart: LocalDate): Promise<Map<string, number>> {
  return timetabledPePeriods(q, districtId, classIds, weekStart);
}

/** 11月26日: a date in a message. */
export const monthDay = (date: LocalDate) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
