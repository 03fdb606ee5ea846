/** Demo training supervision: the custody area's part (runs after the parts before it in demo/training.ts). */
import type { LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../platform/db';

export async function seedTrainingCustodyDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  void db;
  void districtId;
  void today;
}
