/** Demo training supervision: the complaints area's part (runs after the parts before it in demo/training.ts). */
import type { LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../platform/db';

export async function seedTrainingComplaintsDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  void db;
  void districtId;
  void today;
}
