/**
 * 督导报告 in the demo district: the reports the scheduled run would have made by today (last month's district report
 * and every school's, and the last ended semester's), so the reports page has figures on first start. Seeded last:
 * the snapshots read every module's demo figures and the published assessment results.
 */
import type { LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../platform/db';
import { makeDueReports } from '../modules/supervision/reports.job';

export async function seedSupervisionReportsDemo(tx: Queryable, districtId: string, today: LocalDate): Promise<void> {
  await makeDueReports(tx, districtId, today, new Date());
}
