/** The 五项管理 module's district settings (five-managements.*): registered with the platform's policy store in index.ts. */
import { fiveManagementsSettings, type LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../../platform/db';
import { policyValuesAt } from '../../platform/policy';

export const fiveManagementsPolicies = fiveManagementsSettings;

/** The 五项管理 settings in force on a date for the district, with the versions they came from (cited by every check). */
export async function fiveManagementsPolicy(db: Queryable, districtId: string, date: LocalDate) {
  return policyValuesAt(db, districtId, fiveManagementsSettings, date);
}
