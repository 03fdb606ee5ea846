/** The exams module's district settings (exams.*): registered with the platform's policy store in index.ts. */
import { examsSettings, type LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../../platform/db';
import { policyValuesAt } from '../../platform/policy';

export const examsPolicies = examsSettings;

/** The exams settings in force on a date for the district, with the versions they came from (cited by every check). */
export async function examsPolicy(db: Queryable, districtId: string, date: LocalDate) {
  return policyValuesAt(db, districtId, examsSettings, date);
}
