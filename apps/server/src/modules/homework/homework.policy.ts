/** The homework module's district settings (homework.*): registered with the platform's policy store in index.ts. */
import type { PolicyCitation } from '@shuangjian/contracts';
import { HOMEWORK_POLICY_KEYS, type HomeworkPolicy, homeworkSettings, type LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../../platform/db';
import { policyValuesAt } from '../../platform/policy';

export const homeworkPolicies = homeworkSettings;

/**
 * The homework policy in force on a date for the district, with the versions it came from (cited by every check) and
 * their effective dates and reasons.
 */
export async function homeworkPolicy(db: Queryable, districtId: string, date: LocalDate): Promise<{ policy: HomeworkPolicy; versions: string | null; cited: PolicyCitation[] }> {
  const { values, versions, cited } = await policyValuesAt(db, districtId, homeworkSettings, date);
  // policyValuesAt answers the same values for the same versions and day: the policy is built once for them
  let policy = policies.get(values);
  if (!policy) {
    policy = Object.freeze(Object.fromEntries(Object.entries(HOMEWORK_POLICY_KEYS).map(([field, key]) => [field, values[key]]))) as unknown as HomeworkPolicy;
    policies.set(values, policy);
  }
  return { policy, versions, cited };
}

const policies = new WeakMap<object, HomeworkPolicy>();
