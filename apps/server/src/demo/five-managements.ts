/** Demo 五项管理 and exams for the demo district, area by area; the dashboards' figures come from what these write. */
import type { LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../platform/db';
import { seedExamsExamsDemo } from './exams-exams';
import { seedExamsGrowthDemo } from './exams-growth';
import { seedFiveFitnessDemo } from './five-fitness';
import { seedFivePhonesDemo } from './five-phones';
import { seedFiveReadingDemo } from './five-reading';
import { seedFiveSelfcheckDemo } from './five-selfcheck';
import { seedFiveSleepDemo } from './five-sleep';

/**
 * Sleep reports of the past weeks, phone requests and the register, the district's reading lists and schools'
 * filings, daily activity and a fitness test, a self-check with open items, exam filings (one refused), levels, and
 * growth records.
 */
export async function seedManagementsDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  await seedFiveSleepDemo(db, districtId, today);
  await seedFivePhonesDemo(db, districtId, today);
  await seedFiveReadingDemo(db, districtId, today);
  await seedFiveFitnessDemo(db, districtId, today);
  await seedFiveSelfcheckDemo(db, districtId, today);
  await seedExamsExamsDemo(db, districtId, today);
  await seedExamsGrowthDemo(db, districtId, today);
}
