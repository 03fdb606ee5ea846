/**
 * Queries the module's family-facing areas share: a child the user reaches (with class, grade and stage), a class
 * the user reaches, and the version of one setting cited from the policy store's 'key@id,…' string.
 */
import type { Permission } from '@shuangjian/contracts';
import { sleepStageOfGrade } from '@shuangjian/policy';
import { and, eq } from 'drizzle-orm';
import { type Ctx, scoped } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { studentDirectory } from '../org';

export interface ChildRef {
  id: string;
  districtId: string;
  name: string;
  classId: string;
  className: string;
  grade: number;
  schoolId: string;
  schoolName: string;
  zoneId: string;
  stage: 'primary' | 'junior';
}

/** A pupil the user reaches under `permission` (a parent: their own child); any other id answers 404. */
export async function reachableChild(ctx: Ctx, studentId: string, permission: Permission, q: Queryable = ctx.db): Promise<ChildRef> {
  const s = studentDirectory;
  const [row] = await q
    .select({ id: s.id, districtId: s.districtId, name: s.name, classId: s.classId, className: s.className, grade: s.grade, schoolId: s.schoolId, schoolName: s.schoolName, zoneId: s.zoneId })
    .from(s)
    .where(and(scoped(ctx, s, permission), eq(s.id, studentId), eq(s.status, 'active')));
  if (!row) throw notFound('学生');
  return { ...row, grade: Number(row.grade), stage: sleepStageOfGrade(Number(row.grade)) };
}

/** The version of `key` among the policy store's cited versions ('key@id,…'), or null (the shipped default). */
export function versionOf(versions: string | null, key: string): string | null {
  return versions?.split(',').find((v) => v.startsWith(`${key}@`)) ?? null;
}

export const childKeys = (c: ChildRef) => ({ districtId: c.districtId, zone: c.zoneId, school: c.schoolId, class: c.classId, student: c.id });
