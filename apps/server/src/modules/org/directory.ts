/**
 * What other modules ask of the organisation, beyond joining its read models: the classes a user reaches by id, and
 * who holds a role at a place (to notify them). Exported through index.ts.
 */
import type { Permission, Role } from '@shuangjian/contracts';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Ctx, scoped } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { openPhone } from './sealed';
import { classDirectory, guardianLinks, guardians, roleAssignments } from './schema';

export interface ClassRef {
  id: string;
  districtId: string;
  schoolId: string;
  zoneId: string;
  grade: number;
  name: string;
  schoolName: string;
}

/** The scope keys of a class, for `allows` and `coveringGrants`. */
export const classKeys = (c: Pick<ClassRef, 'districtId' | 'zoneId' | 'schoolId' | 'id'>) => ({
  districtId: c.districtId,
  zone: c.zoneId,
  school: c.schoolId,
  class: c.id,
});

/**
 * Classes by id that the user sees under `permission`, in the order asked; any id not visible answers 404. Inside a
 * transaction pass it as `q`: PGlite runs one statement at a time, so a query on ctx.db there would wait forever.
 */
export async function visibleClasses(ctx: Ctx, ids: readonly string[], permission: Permission, q: Queryable = ctx.db): Promise<ClassRef[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const rows = await q
    .select({
      id: classDirectory.id,
      districtId: classDirectory.districtId,
      schoolId: classDirectory.schoolId,
      zoneId: classDirectory.zoneId,
      grade: classDirectory.grade,
      name: classDirectory.name,
      schoolName: classDirectory.schoolName,
    })
    .from(classDirectory)
    .where(and(scoped(ctx, classDirectory, permission), inArray(classDirectory.id, unique)));
  if (rows.length !== unique.length) throw notFound('班级');
  return unique.map((id) => rows.find((r) => r.id === id)!);
}

export async function visibleClass(ctx: Ctx, id: string, permission: Permission, q: Queryable = ctx.db): Promise<ClassRef> {
  return (await visibleClasses(ctx, [id], permission, q))[0]!;
}

/** User ids holding `role` at a place: the class teachers of a class, a school's administrators, a subject's leaders. */
export async function roleHolders(
  q: Queryable,
  districtId: string,
  role: Role,
  at: { schoolId?: string; classId?: string; subjectId?: string; grade?: number; institutionId?: string },
): Promise<string[]> {
  const conds: (SQL | undefined)[] = [
    eq(roleAssignments.districtId, districtId),
    eq(roleAssignments.role, role),
    at.schoolId ? eq(roleAssignments.schoolId, at.schoolId) : undefined,
    at.classId ? eq(roleAssignments.classId, at.classId) : undefined,
    at.subjectId ? eq(roleAssignments.subjectId, at.subjectId) : undefined,
    at.grade ? eq(roleAssignments.grade, at.grade) : undefined,
    at.institutionId ? eq(roleAssignments.institutionId, at.institutionId) : undefined,
  ];
  const rows = await q.selectDistinct({ userId: roleAssignments.userId }).from(roleAssignments).where(and(...conds));
  return rows.map((r) => r.userId);
}

export interface StudentGuardian {
  studentId: string;
  guardianId: string;
  name: string;
  relation: string;
  /** In full: the caller masks it for whoever may not see it. */
  phone: string;
  /** The guardian's parent account, if one was opened. */
  userId: string | null;
}

/** The guardians of these students (linked first, first), for a module that shows or tells families. */
export async function guardiansOfStudents(q: Queryable, districtId: string, studentIds: readonly string[]): Promise<StudentGuardian[]> {
  if (!studentIds.length) return [];
  const rows = await q
    .select({
      studentId: guardianLinks.studentId,
      guardianId: guardians.id,
      name: guardians.name,
      relation: guardianLinks.relation,
      phone: guardians.phone,
      userId: guardians.userId,
    })
    .from(guardianLinks)
    .innerJoin(guardians, and(eq(guardians.districtId, guardianLinks.districtId), eq(guardians.id, guardianLinks.guardianId)))
    .where(and(eq(guardianLinks.districtId, districtId), inArray(guardianLinks.studentId, [...new Set(studentIds)])))
    .orderBy(asc(guardianLinks.createdAt));
  return rows.map((r) => ({ ...r, phone: openPhone(r.phone) }));
}

/**
 * Headcounts per school of a district as a subquery (school_id, students, teachers) other modules' rollups select
 * from in one statement: active students, and distinct staff teaching there (teacher or class teacher).
 */
export function schoolHeadcounts(districtId: string): SQL {
  return sql`(
    select s.id as school_id,
      (select count(*)::int from students st where st.district_id = s.district_id and st.school_id = s.id and st.status = 'active') as students,
      (select count(distinct ra.user_id)::int from role_assignments ra
        where ra.district_id = s.district_id and ra.school_id = s.id and ra.role in ('teacher', 'class_teacher')) as teachers
    from schools s where s.district_id = ${districtId}
  )`;
}

/**
 * Headcounts per class of a district as a subquery (class_id, school_id, students, special) for other modules'
 * set-based refreshes: active students, and those of them with a special flag (留守, 单亲, 困难, 残疾, 学困).
 */
export function classHeadcounts(districtId: string): SQL {
  return sql`(
    select c.id as class_id, c.school_id,
      count(st.id)::int as students,
      (count(st.id) filter (where ss.special))::int as special
    from classes c
    left join students st on st.district_id = c.district_id and st.class_id = c.id and st.status = 'active'
    left join student_sensitive ss on ss.district_id = st.district_id and ss.student_id = st.id
    where c.district_id = ${districtId}
    group by c.id, c.school_id
  )`;
}
