/** Demo after-school services (课后服务) for the demo district, area by area in the order each builds on the last. */
import type { LocalDate } from '@shuangjian/policy';
import type { Db } from '../platform/db';
import { refreshSchoolStats } from '../modules/after-school';
import { semesterAt, semestersOf } from '../modules/calendar';
import { seedAfterSchoolCareDemo } from './after-school-care';
import { seedAfterSchoolDailyDemo } from './after-school-daily';
import { seedAfterSchoolEnrolDemo } from './after-school-enrol';
import { seedAfterSchoolMoneyDemo } from './after-school-money';
import { seedAfterSchoolPlanDemo } from './after-school-plan';
import { seedAfterSchoolSurveyDemo } from './after-school-survey';

/** Plans and courses with a white-listed provider, a window open for demo-parent's child, a month of attendance and payments. */
export async function seedAfterSchoolDemo(db: Db, districtId: string, today: LocalDate): Promise<void> {
  await seedAfterSchoolPlanDemo(db, districtId, today);
  await seedAfterSchoolEnrolDemo(db, districtId, today);
  await seedAfterSchoolDailyDemo(db, districtId, today);
  await seedAfterSchoolMoneyDemo(db, districtId, today);
  await seedAfterSchoolSurveyDemo(db, districtId, today);
  await seedAfterSchoolCareDemo(db, districtId, today);
  const semester = semesterAt(await semestersOf(db, districtId), today);
  if (semester) await refreshSchoolStats(db, districtId, semester);
}
