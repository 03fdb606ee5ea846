/** The after-school module's district settings (after-school.*): registered with the platform's policy store in index.ts. */
import { afterSchoolSettings, type LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../../platform/db';
import { policyValuesAt } from '../../platform/policy';

export const afterSchoolPolicies = afterSchoolSettings;

/** The after-school settings in force on a date for the district, with the versions they came from (cited by every check). */
export async function afterSchoolPolicy(db: Queryable, districtId: string, date: LocalDate) {
  return policyValuesAt(db, districtId, afterSchoolSettings, date);
}
