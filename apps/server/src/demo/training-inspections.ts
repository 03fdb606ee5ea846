/** Demo training supervision: the inspections area's part (runs after the parts before it in demo/training.ts). */
import type { LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../platform/db';

export async function seedTrainingInspectionsDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  void db;
  void districtId;
  void today;
}
