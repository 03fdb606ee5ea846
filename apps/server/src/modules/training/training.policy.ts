/** The training module's district settings (training.*): registered with the platform's policy store in index.ts. */
import { trainingSettings, type LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../../platform/db';
import { policyValuesAt } from '../../platform/policy';

export const trainingPolicies = trainingSettings;

/** The training settings in force on a date for the district, with the versions they came from (cited by every check). */
export async function trainingPolicy(db: Queryable, districtId: string, date: LocalDate) {
  return policyValuesAt(db, districtId, trainingSettings, date);
}
