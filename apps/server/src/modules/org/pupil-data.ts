/**
 * A family's own child (the account is a linked guardian of the pupil) and what the organisation holds about the
 * pupil, for the family's download of the child's data (PIPL art. 45). Any other pupil answers 404.
 */
import { maskPhone } from '@shuangjian/policy';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/access';
import { notFound } from '../../platform/errors';
import { guardianLinks, guardians, studentDirectory, students } from './schema';
import { openIdentity, openPhone } from './sealed';

/** The pupil when the signed-in account is one of its guardians; otherwise 404, as for an unknown pupil. */
export async function ownChild(ctx: Ctx, studentId: string) {
  const [link] = await ctx.db
    .select({ studentId: guardianLinks.studentId })
    .from(guardianLinks)
    .innerJoin(guardians, and(eq(guardians.districtId, guardianLinks.districtId), eq(guardians.id, guardianLinks.guardianId)))
    .where(and(eq(guardianLinks.districtId, ctx.user.districtId), eq(guardianLinks.studentId, studentId), eq(guardians.userId, ctx.user.id)));
  if (!link) throw notFound('学生');
  const S = studentDirectory;
  const [pupil] = await ctx.db
    .select({ id: S.id, name: S.name, studentNo: S.studentNo, classId: S.classId, className: S.className, grade: S.grade, schoolId: S.schoolId, schoolName: S.schoolName })
    .from(S)
    .where(and(eq(S.districtId, ctx.user.districtId), eq(S.id, studentId)));
  if (!pupil) throw notFound('学生');
  return { ...pupil, grade: Number(pupil.grade) };
}

/**
 * The pupil's record (its ID number and home address opened, in full: the family's own child), class and guardians
 * (the account's own phone in full, the other guardians' masked).
 */
export async function orgPupilData(ctx: Ctx, studentId: string) {
  const d = ctx.user.districtId;
  const [row] = await ctx.db
    .select({
      studentNo: students.studentNo,
      name: students.name,
      gender: students.gender,
      birthDate: students.birthDate,
      idNumber: students.idNumber,
      address: students.address,
      status: students.status,
      createdAt: students.createdAt,
    })
    .from(students)
    .where(and(eq(students.districtId, d), eq(students.id, studentId)));
  const family = await ctx.db
    .select({ name: guardians.name, relation: guardianLinks.relation, phone: guardians.phone, userId: guardians.userId })
    .from(guardianLinks)
    .innerJoin(guardians, and(eq(guardians.districtId, guardianLinks.districtId), eq(guardians.id, guardianLinks.guardianId)))
    .where(and(eq(guardianLinks.districtId, d), eq(guardianLinks.studentId, studentId)))
    .orderBy(asc(guardianLinks.createdAt));
  return {
    profile: row ? [{ ...row, ...openIdentity(row) }] : [],
    guardians: family.map(({ userId, phone, ...g }) => ({ ...g, phone: userId === ctx.user.id ? openPhone(phone) : maskPhone(openPhone(phone)) })),
  };
}
