/** Students, their sensitive flags and their guardians. */
import type { z } from 'zod';
import type { GuardianInput, SensitiveInput, Student, StudentDetail, StudentInput, StudentPatch, StudentQuery } from '@shuangjian/contracts';
import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { maskPhone } from '@shuangjian/policy';
import { allows, type Ctx, requireAllowed, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { directoryChanged } from '../../platform/invalidation';
import { atOnce, type Queryable } from '../../platform/db';
import { found, invalid } from '../../platform/errors';
import { classes, guardianLinks, guardians, schools, studentSensitive, students } from './schema';
import { auditableStudent, auditIdentityRead, identityView, requireUniqueIdNumber, requireValidIdNumber } from './identity';
import { NO_SENSITIVE, openIdentity, openPhone, openSensitive, phoneIndexes, sealGuardianPhone, sealIdentity, sealSensitive } from './sealed';


type Out<T extends z.ZodType> = z.output<T>;

function studentQuery(ctx: Ctx) {
  const canSensitive = scoped(ctx, students, 'student.sensitive.read');
  return ctx.db
    .select({
      id: students.id,
      districtId: students.districtId,
      zoneId: schools.zoneId,
      schoolId: students.schoolId,
      schoolName: schools.name,
      classId: students.classId,
      className: classes.name,
      grade: classes.grade,
      studentNo: students.studentNo,
      name: students.name,
      gender: students.gender,
      birthDate: students.birthDate,
      status: students.status,
      // sealed: opened, and masked unless the reader may see them in full (toStudent)
      idNumber: students.idNumber,
      address: students.address,
      // evaluated per row by the database: the flags leave it only where the reader's grant covers the student
      sensitiveVisible: sql<boolean>`(${canSensitive})`,
      // sealed: opened by the server only for these rows (toStudent)
      sensitiveData: sql<string | null>`case when ${canSensitive} then ${studentSensitive.data} end`,
    })
    .from(students)
    .innerJoin(classes, and(eq(classes.districtId, students.districtId), eq(classes.id, students.classId)))
    .innerJoin(schools, and(eq(schools.districtId, students.districtId), eq(schools.id, students.schoolId)))
    .leftJoin(studentSensitive, and(eq(studentSensitive.districtId, students.districtId), eq(studentSensitive.studentId, students.id)));
}

type StudentRow = Awaited<ReturnType<ReturnType<typeof studentQuery>['execute']>>[number];

/** A list shows ID numbers and addresses masked to everyone; a pupil's detail shows them in full to those allowed. */
function toStudent(r: StudentRow, fullIdentity = false): Out<typeof Student> {
  return {
    id: r.id,
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    classId: r.classId,
    className: r.className,
    grade: r.grade,
    studentNo: r.studentNo,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate,
    status: r.status,
    ...identityView(r, fullIdentity),
    sensitive: r.sensitiveVisible ? (r.sensitiveData ? openSensitive(r.sensitiveData) : NO_SENSITIVE) : null,
  };
}

export async function listStudents(ctx: Ctx, q: z.output<typeof StudentQuery>) {
  const where = and(
    scoped(ctx, students, 'org.read'),
    q.schoolId ? eq(students.schoolId, q.schoolId) : undefined,
    q.classId ? eq(students.classId, q.classId) : undefined,
    q.grade ? eq(classes.grade, q.grade) : undefined,
    q.q ? or(ilike(students.name, `%${q.q}%`), ilike(students.studentNo, `%${q.q}%`)) : undefined,
  );
  const [rows, [{ total } = { total: 0 }]] = await atOnce(ctx.db,
    () => studentQuery(ctx)
      .where(where)
      .orderBy(asc(schools.code), asc(classes.grade), asc(classes.name), asc(students.studentNo))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    () => ctx.db
      .select({ total: count() })
      .from(students)
      .innerJoin(classes, and(eq(classes.districtId, students.districtId), eq(classes.id, students.classId)))
      .where(where),
  );
  return { items: rows.map((r) => toStudent(r)), total };
}

async function loadStudent(ctx: Ctx, id: string) {
  return found(await studentQuery(ctx).where(and(scoped(ctx, students, 'org.read'), eq(students.id, id))), '学生');
}

const keysOf = (r: { districtId: string; zoneId: string; schoolId: string; classId: string; id: string }) => ({
  districtId: r.districtId,
  zone: r.zoneId,
  school: r.schoolId,
  class: r.classId,
  student: r.id,
});

async function guardiansOf(db: Queryable, districtId: string, studentId: string) {
  const rows = await db
    .select({ id: guardians.id, name: guardians.name, phone: guardians.phone, relation: guardianLinks.relation, userId: guardians.userId })
    .from(guardianLinks)
    .innerJoin(guardians, and(eq(guardians.districtId, guardianLinks.districtId), eq(guardians.id, guardianLinks.guardianId)))
    .where(and(eq(guardianLinks.districtId, districtId), eq(guardianLinks.studentId, studentId)))
    .orderBy(asc(guardianLinks.createdAt));
  return rows.map((g) => ({ ...g, phone: openPhone(g.phone), hasAccount: g.userId !== null }));
}

export async function getStudent(ctx: Ctx, id: string): Promise<Out<typeof StudentDetail>> {
  const row = await loadStudent(ctx, id);
  const guardianRows = allows(ctx, 'guardian.read', keysOf(row)) ? await guardiansOf(ctx.db, row.districtId, id) : null;
  // full numbers for the class teacher and the school's administrator, and for each parent their own
  const fullPhones = allows(ctx, 'guardian.phone.read', keysOf(row));
  const ownChild = guardianRows?.some((g) => g.userId === ctx.user.id) ?? false;
  const fullIdentity = allows(ctx, 'student.identity.read', keysOf(row)) || ownChild;
  const student = toStudent(row, fullIdentity);
  if (fullIdentity) await auditIdentityRead(ctx, id, student);
  return {
    ...student,
    guardians: guardianRows?.map(({ userId, ...g }) => ({ ...g, phone: fullPhones || userId === ctx.user.id ? g.phone : maskPhone(g.phone) })) ?? null,
  };
}

/** The class a student may be placed in: visible, and managed by the user. */
async function manageableClass(ctx: Ctx, classId: string) {
  const cls = found(
    await ctx.db
      .select({ id: classes.id, districtId: classes.districtId, schoolId: classes.schoolId, zoneId: schools.zoneId })
      .from(classes)
      .innerJoin(schools, and(eq(schools.districtId, classes.districtId), eq(schools.id, classes.schoolId)))
      .where(and(scoped(ctx, classes, 'org.read'), eq(classes.id, classId))),
    '班级',
  );
  requireAllowed(ctx, 'org.manage', { districtId: cls.districtId, zone: cls.zoneId, school: cls.schoolId, class: cls.id });
  return cls;
}

export async function createStudent(ctx: Ctx, input: z.output<typeof StudentInput>) {
  const cls = await manageableClass(ctx, input.classId);
  const { idNumber, address, ...fields } = input;
  if (idNumber) requireValidIdNumber(idNumber, input.birthDate);
  const id = await ctx.db.transaction(async (tx) => {
    if (idNumber) await requireUniqueIdNumber(tx, cls.districtId, idNumber);
    const [row] = await tx
      .insert(students)
      .values({ districtId: cls.districtId, schoolId: cls.schoolId, ...fields, ...sealIdentity({ idNumber, address }) })
      .returning();
    await audit(tx, ctx.actor, { action: 'student.create', entity: 'student', entityId: row!.id, after: auditableStudent(row) });
    return row!.id;
  });
  return getStudent(ctx, id);
}

export async function updateStudent(ctx: Ctx, id: string, input: z.output<typeof StudentPatch>) {
  const current = await loadStudent(ctx, id);
  requireAllowed(ctx, 'org.manage', keysOf(current));
  const target = input.classId && input.classId !== current.classId ? await manageableClass(ctx, input.classId) : null;
  const { idNumber, address, ...fields } = input;
  // the number's birth date must match the pupil's: a new number, or the recorded one when the birth date changes
  const checked = idNumber !== undefined ? idNumber : input.birthDate ? openIdentity(current).idNumber : null;
  if (checked) requireValidIdNumber(checked, input.birthDate ?? current.birthDate);
  const sealed = sealIdentity({ idNumber: idNumber ?? null, address: address ?? null });
  await ctx.db.transaction(async (tx) => {
    if (idNumber) await requireUniqueIdNumber(tx, current.districtId, idNumber, id);
    const [before] = await tx.select().from(students).where(and(eq(students.districtId, current.districtId), eq(students.id, id)));
    const [after] = await tx
      .update(students)
      .set({
        ...fields,
        ...(target ? { schoolId: target.schoolId } : {}),
        ...(idNumber !== undefined ? { idNumber: sealed.idNumber, idNumberHash: sealed.idNumberHash } : {}),
        ...(address !== undefined ? { address: sealed.address } : {}),
      })
      .where(and(eq(students.districtId, current.districtId), eq(students.id, id)))
      .returning();
    await directoryChanged(tx);
    await audit(tx, ctx.actor, {
      action: target ? 'student.transfer' : 'student.update',
      entity: 'student',
      entityId: id,
      before: auditableStudent(before),
      after: auditableStudent(after),
    });
  });
  return getStudent(ctx, id);
}

export async function setSensitive(ctx: Ctx, id: string, input: z.output<typeof SensitiveInput>) {
  const current = await loadStudent(ctx, id);
  requireAllowed(ctx, 'student.sensitive.write', keysOf(current));
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(studentSensitive)
      .where(and(eq(studentSensitive.districtId, current.districtId), eq(studentSensitive.studentId, id)));
    const values = { ...sealSensitive({ ...input, note: input.note ?? null }), updatedAt: ctx.now() };
    await tx
      .insert(studentSensitive)
      .values({ districtId: current.districtId, studentId: id, ...values })
      .onConflictDoUpdate({ target: [studentSensitive.districtId, studentSensitive.studentId], set: values });
    await audit(tx, ctx.actor, { action: 'student.sensitive', entity: 'student', entityId: id, before: before ? openSensitive(before.data) : null, after: input });
  });
  return getStudent(ctx, id);
}

/** Links a guardian (found by phone, or new) to the student. */
export async function addGuardian(ctx: Ctx, studentId: string, input: z.output<typeof GuardianInput>) {
  const current = await loadStudent(ctx, studentId);
  requireAllowed(ctx, 'org.manage', keysOf(current));
  await ctx.db.transaction(async (tx) => {
    const guardian = await upsertGuardian(tx, current.districtId, input);
    const linked = await tx
      .insert(guardianLinks)
      .values({ districtId: current.districtId, studentId, guardianId: guardian.id, relation: input.relation })
      .onConflictDoNothing()
      .returning();
    if (!linked.length) throw invalid('phone', '手机号', '该监护人已关联此学生');
    await audit(tx, ctx.actor, { action: 'guardian.link', entity: 'student', entityId: studentId, after: { guardianId: guardian.id, ...input } });
  });
  return getStudent(ctx, studentId);
}

/** The guardian of this phone (found by its blind index), or a new one; the phone is sealed at rest. */
export async function upsertGuardian(tx: Queryable, districtId: string, input: { name: string; phone: string }) {
  const [existing] = await tx
    .select({ id: guardians.id, name: guardians.name, userId: guardians.userId })
    .from(guardians)
    .where(and(eq(guardians.districtId, districtId), inArray(guardians.phoneHash, phoneIndexes([input.phone]))));
  if (existing) {
    if (existing.name !== input.name) throw invalid('phone', '手机号', `该手机号已登记为监护人「${existing.name}」，姓名不一致`);
    return existing;
  }
  const [created] = await tx
    .insert(guardians)
    .values({ districtId, name: input.name, ...sealGuardianPhone(input.phone) })
    .returning({ id: guardians.id, name: guardians.name, userId: guardians.userId });
  return created!;
}

export async function removeGuardian(ctx: Ctx, studentId: string, guardianId: string) {
  const current = await loadStudent(ctx, studentId);
  requireAllowed(ctx, 'org.manage', keysOf(current));
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(guardianLinks)
      .where(and(eq(guardianLinks.districtId, current.districtId), eq(guardianLinks.studentId, studentId), eq(guardianLinks.guardianId, guardianId)))
      .returning();
    found(removed, '监护人');
    await audit(tx, ctx.actor, { action: 'guardian.unlink', entity: 'student', entityId: studentId, before: removed[0] });
  });
  return getStudent(ctx, studentId);
}

/** Students of the given ids that the reader may see (other modules resolve names through this). */
export async function visibleStudents(ctx: Ctx, ids: readonly string[]) {
  if (!ids.length) return [];
  return ctx.db
    .select({ id: students.id, name: students.name, classId: students.classId, schoolId: students.schoolId })
    .from(students)
    .where(and(scoped(ctx, students, 'org.read'), inArray(students.id, [...ids])));
}
