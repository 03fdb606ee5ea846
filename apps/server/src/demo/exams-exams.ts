/** Demo exams module: the exams area's part (runs in demo/five-managements.ts after the managements). */
import type { LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../platform/db';

export async function seedExamsExamsDemo(_db: Queryable, _districtId: string, _today: LocalDate): Promise<void> {}
