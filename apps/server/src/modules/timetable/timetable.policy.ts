/** The 课程与课表 module's settings (timetable.*) for the policy store, and a typed reader citing the versions applied. */
import { type LocalDate, TIMETABLE_CHECKS_KEY, TIMETABLE_PLAN_KEY, type TimetableVersionRef, timetableSettings } from '@shuangjian/policy';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import { policyValuesAt } from '../../platform/policy';
import { policyVersions } from '../../platform/schema';

export const timetablePolicies = timetableSettings;

/** A setting's version in force on `on`: its ordinal among the district's versions of the key (0: the shipped default). */
function refOf(rows: { id: string; key: string; effectiveFrom: string }[], key: string, on: LocalDate): TimetableVersionRef {
  const mine = rows.filter((r) => r.key === key);
  let applied: (typeof mine)[number] | null = null;
  for (const r of mine) if (r.effectiveFrom <= on && (!applied || r.effectiveFrom >= applied.effectiveFrom)) applied = r;
  return applied ? { version: mine.indexOf(applied) + 1, effectiveFrom: applied.effectiveFrom } : { version: 0, effectiveFrom: null };
}

/** timetable.* in force on a date, with the version of the plan and of the checks each check cites. */
export async function timetableRulesAt(db: Queryable, districtId: string, on: LocalDate) {
  const { values } = await policyValuesAt(db, districtId, timetableSettings, on);
  const rows = await db
    .select({ id: policyVersions.id, key: policyVersions.key, effectiveFrom: policyVersions.effectiveFrom })
    .from(policyVersions)
    .where(and(eq(policyVersions.districtId, districtId), inArray(policyVersions.key, [TIMETABLE_PLAN_KEY, TIMETABLE_CHECKS_KEY])))
    .orderBy(asc(policyVersions.createdAt), asc(policyVersions.id));
  return {
    plan: values['timetable.plan'],
    grid: values['timetable.grid'],
    flagCoreSurplus: values['timetable.checks'].flagCoreSurplus,
    planRef: refOf(rows, TIMETABLE_PLAN_KEY, on),
    checksRef: refOf(rows, TIMETABLE_CHECKS_KEY, on),
  };
}
export type TimetableRulesInForce = Awaited<ReturnType<typeof timetableRulesAt>>;
