/** Demo training supervision (校外培训监管) for the demo district, area by area in the order each builds on the last. */
import type { LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../platform/db';
import { seedTrainingAlertsDemo } from './training-alerts';
import { seedTrainingComplaintsDemo } from './training-complaints';
import { seedTrainingCustodyDemo } from './training-custody';
import { seedTrainingInspectionsDemo } from './training-inspections';
import { seedTrainingReconcileDemo } from './training-reconcile';
import { seedTrainingRegistryDemo } from './training-registry';
import { seedTrainingRulesDemo } from './training-rules';

/**
 * Institutions in each status with their filings, packages demo-parent bought with lessons consumed and a refund,
 * complaints, an inspection with a rectification, and the open alerts all that raises.
 */
export async function seedTrainingDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  await seedTrainingRegistryDemo(db, districtId, today);
  await seedTrainingRulesDemo(db, districtId, today);
  await seedTrainingCustodyDemo(db, districtId, today);
  await seedTrainingReconcileDemo(db, districtId, today);
  await seedTrainingComplaintsDemo(db, districtId, today);
  await seedTrainingInspectionsDemo(db, districtId, today);
  await seedTrainingAlertsDemo(db, districtId, today);
}
