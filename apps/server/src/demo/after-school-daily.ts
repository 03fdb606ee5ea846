/** Demo after-school data: the daily area. Runs inside the demo's one transaction (`db` is it), after the areas before it. */
import type { LocalDate } from '@shuangjian/policy';
import type { Db } from '../platform/db';

export async function seedAfterSchoolDailyDemo(_db: Db, _districtId: string, _today: LocalDate): Promise<void> {}
