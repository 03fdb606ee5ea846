/** The 家校社协同 module's district settings (home-school.*): registered with the policy store in index.ts. */
import { homeSchoolSettings, type LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../../platform/db';
import { policyValuesAt } from '../../platform/policy';

export const homeSchoolPolicies = homeSchoolSettings;

/** The settings in force on a date, with the versions they came from (cited by every check). */
export async function homeSchoolPolicy(db: Queryable, districtId: string, date: LocalDate) {
  return policyValuesAt(db, districtId, homeSchoolSettings, date);
}

/** The version of `key` among the cited versions ('key@id,…'), or null (the shipped default). */
export function versionOf(versions: string | null, key: string): string | null {
  return versions?.split(',').find((v) => v.startsWith(`${key}@`)) ?? null;
}

/** The visit rule in force on a date, as answers cite it. */
export async function visitRuleAt(db: Queryable, districtId: string, date: LocalDate) {
  const { values, versions } = await homeSchoolPolicy(db, districtId, date);
  const v = values['home-school.visits'];
  return {
    values,
    rule: {
      rule: 'home-school.visits' as const,
      weeklyMin: v.weeklyMin,
      weeklyModes: [...v.weeklyModes],
      semesterHomeMin: v.semesterHomeMin,
      specialMin: v.specialMin,
      policyVersions: versionOf(versions, 'home-school.visits'),
    },
    versions,
  };
}
