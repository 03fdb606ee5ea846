/** Demo 五项管理: the sleep area's part (runs in demo/five-managements.ts). */
import type { LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../platform/db';

export async function seedFiveSleepDemo(_db: Queryable, _districtId: string, _today: LocalDate): Promise<void> {}
