/** Zones, schools, classes, subjects and institutions: the district's organisation tree. */
import type { z } from 'zod';
import type {
  ClassInput,
  Institution,
  InstitutionInput,
  InstitutionPatch,
  School,
  SchoolClass,
  SchoolInput,
  Subject,
  SubjectInput,
  Zone,
  ZoneInput,
  OrgOverview,
  PublicInstitution,
} from '@shuangjian/contracts';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { type Ctx, requireAllowed, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { directoryChanged } from '../../platform/invalidation';
import { atOnce, type Db } from '../../platform/db';
import { found, invalid, notFound } from '../../platform/errors';
import { districts, users } from '../../platform/schema';
import { classes, institutions, roleAssignments, schools, students, subjects, zones } from './schema';


type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.output<T>;

// ── zones ────────────────────────────────────────────────────────────────────
export async function listZones(ctx: Ctx): Promise<Out<typeof Zone>[]> {
  const schoolCount = ctx.db
    .select({ zoneId: schools.zoneId, n: count().as('n') })
    .from(schools)
    .where(eq(schools.districtId, ctx.user.districtId))
    .groupBy(schools.zoneId)
    .as('sc');
  const rows = await ctx.db
    .select({ id: zones.id, name: zones.name, kind: zones.kind, schoolCount: sql<number>`coalesce(${schoolCount.n}, 0)::int` })
    .from(zones)
    .leftJoin(schoolCount, eq(schoolCount.zoneId, zones.id))
    .where(scoped(ctx, zones, 'org.read'))
    .orderBy(asc(zones.name));
  return rows;
}

export async function createZone(ctx: Ctx, input: In<typeof ZoneInput>) {
  requirePermission(ctx, 'district.manage');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(zones).values({ districtId: ctx.user.districtId, ...input }).returning();
    await audit(tx, ctx.actor, { action: 'zone.create', entity: 'zone', entityId: row!.id, after: row });
    return { ...row!, schoolCount: 0 };
  });
}

export async function updateZone(ctx: Ctx, id: string, input: In<typeof ZoneInput>) {
  requirePermission(ctx, 'district.manage');
  return ctx.db.transaction(async (tx) => {
    const before = found(await tx.select().from(zones).where(and(scoped(ctx, zones, 'district.manage'), eq(zones.id, id))), '学区/街道');
    const [row] = await tx.update(zones).set(input).where(and(eq(zones.districtId, before.districtId), eq(zones.id, id))).returning();
    await audit(tx, ctx.actor, { action: 'zone.update', entity: 'zone', entityId: id, before, after: row });
    await directoryChanged(tx);
    return (await listZones({ ...ctx, db: tx as unknown as Db })).find((z) => z.id === id)!;
  });
}

// ── schools ──────────────────────────────────────────────────────────────────
function schoolQuery(ctx: Ctx) {
  const classCount = ctx.db
    .select({ schoolId: classes.schoolId, n: count().as('cn') })
    .from(classes)
    .where(eq(classes.districtId, ctx.user.districtId))
    .groupBy(classes.schoolId)
    .as('cc');
  const studentCount = ctx.db
    .select({ schoolId: students.schoolId, n: count().as('sn') })
    .from(students)
    .where(and(eq(students.districtId, ctx.user.districtId), eq(students.status, 'active')))
    .groupBy(students.schoolId)
    .as('stc');
  return ctx.db
    .select({
      id: schools.id,
      zoneId: schools.zoneId,
      zoneName: zones.name,
      code: schools.code,
      name: schools.name,
      type: schools.type,
      grades: schools.grades,
      address: schools.address,
      classCount: sql<number>`coalesce(${classCount.n}, 0)::int`,
      studentCount: sql<number>`coalesce(${studentCount.n}, 0)::int`,
    })
    .from(schools)
    .innerJoin(zones, and(eq(zones.districtId, schools.districtId), eq(zones.id, schools.zoneId)))
    .leftJoin(classCount, eq(classCount.schoolId, schools.id))
    .leftJoin(studentCount, eq(studentCount.schoolId, schools.id));
}

export async function listSchools(ctx: Ctx, zoneId?: string): Promise<Out<typeof School>[]> {
  return schoolQuery(ctx)
    .where(and(scoped(ctx, schools, 'org.read'), zoneId ? eq(schools.zoneId, zoneId) : undefined))
    .orderBy(asc(schools.code));
}

export async function getSchool(ctx: Ctx, id: string): Promise<Out<typeof School>> {
  return found(await schoolQuery(ctx).where(and(scoped(ctx, schools, 'org.read'), eq(schools.id, id))), '学校');
}

async function visibleZone(ctx: Ctx, zoneId: string) {
  return found(await ctx.db.select().from(zones).where(and(scoped(ctx, zones, 'org.read'), eq(zones.id, zoneId))), '学区/街道');
}

export async function createSchool(ctx: Ctx, input: In<typeof SchoolInput>) {
  requirePermission(ctx, 'district.manage');
  await visibleZone(ctx, input.zoneId);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(schools).values({ districtId: ctx.user.districtId, ...input }).returning();
    await audit(tx, ctx.actor, { action: 'school.create', entity: 'school', entityId: row!.id, after: row });
    return row!.id;
  });
  return getSchool(ctx, id);
}

export async function updateSchool(ctx: Ctx, id: string, input: In<typeof SchoolInput>) {
  requirePermission(ctx, 'district.manage');
  await visibleZone(ctx, input.zoneId);
  await ctx.db.transaction(async (tx) => {
    const before = found(await tx.select().from(schools).where(and(scoped(ctx, schools, 'district.manage'), eq(schools.id, id))), '学校');
    const orphaned = await tx
      .select({ grade: classes.grade })
      .from(classes)
      .where(and(eq(classes.districtId, before.districtId), eq(classes.schoolId, id), sql`not (${classes.grade} = any(${sql.param(input.grades)}::smallint[]))`))
      .limit(1);
    if (orphaned[0]) throw invalid('grades', '开设年级', `仍有${orphaned[0].grade}年级的班级，不能取消该年级`);
    const [row] = await tx.update(schools).set(input).where(and(eq(schools.districtId, before.districtId), eq(schools.id, id))).returning();
    await audit(tx, ctx.actor, { action: 'school.update', entity: 'school', entityId: id, before, after: row });
    await directoryChanged(tx);
  });
  return getSchool(ctx, id);
}

// ── classes ──────────────────────────────────────────────────────────────────
function classQuery(ctx: Ctx) {
  const studentCount = ctx.db
    .select({ classId: students.classId, n: count().as('n') })
    .from(students)
    .where(and(eq(students.districtId, ctx.user.districtId), eq(students.status, 'active')))
    .groupBy(students.classId)
    .as('sc');
  return ctx.db
    .select({
      id: classes.id,
      schoolId: classes.schoolId,
      schoolName: schools.name,
      grade: classes.grade,
      name: classes.name,
      entryYear: classes.entryYear,
      studentCount: sql<number>`coalesce(${studentCount.n}, 0)::int`,
      teacherId: users.id,
      teacherName: users.name,
    })
    .from(classes)
    .innerJoin(schools, and(eq(schools.districtId, classes.districtId), eq(schools.id, classes.schoolId)))
    .leftJoin(studentCount, eq(studentCount.classId, classes.id))
    .leftJoin(
      roleAssignments,
      and(eq(roleAssignments.districtId, classes.districtId), eq(roleAssignments.classId, classes.id), eq(roleAssignments.role, 'class_teacher')),
    )
    .leftJoin(users, and(eq(users.districtId, roleAssignments.districtId), eq(users.id, roleAssignments.userId)));
}

type ClassRow = Awaited<ReturnType<ReturnType<typeof classQuery>['execute']>>[number];
const toClass = ({ teacherId, teacherName, ...c }: ClassRow): Out<typeof SchoolClass> => ({
  ...c,
  classTeacher: teacherId && teacherName ? { id: teacherId, name: teacherName } : null,
});

export async function listClasses(ctx: Ctx, query: { schoolId?: string; grade?: number }): Promise<Out<typeof SchoolClass>[]> {
  const rows = await classQuery(ctx)
    .where(
      and(
        scoped(ctx, classes, 'org.read'),
        query.schoolId ? eq(classes.schoolId, query.schoolId) : undefined,
        query.grade ? eq(classes.grade, query.grade) : undefined,
      ),
    )
    .orderBy(asc(schools.code), asc(classes.grade), asc(classes.name));
  // a class with two class teachers on record shows the first
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map(toClass);
}

export async function getClass(ctx: Ctx, id: string): Promise<Out<typeof SchoolClass>> {
  return toClass(found(await classQuery(ctx).where(and(scoped(ctx, classes, 'org.read'), eq(classes.id, id))).limit(1), '班级'));
}

/** Loads a school the user can see and checks they may manage it. */
export async function manageableSchool(ctx: Ctx, schoolId: string, permission: 'org.manage' | 'staff.manage' | 'roster.import' = 'org.manage') {
  const school = found(await ctx.db.select().from(schools).where(and(scoped(ctx, schools, 'org.read'), eq(schools.id, schoolId))), '学校');
  requireAllowed(ctx, permission, { districtId: school.districtId, zone: school.zoneId, school: school.id });
  return school;
}

export async function createClass(ctx: Ctx, input: In<typeof ClassInput>) {
  const school = await manageableSchool(ctx, input.schoolId);
  if (!school.grades.includes(input.grade)) throw invalid('grade', '年级', `${school.name}未开设${input.grade}年级`);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(classes).values({ districtId: ctx.user.districtId, ...input }).returning();
    await audit(tx, ctx.actor, { action: 'class.create', entity: 'class', entityId: row!.id, after: row });
    return row!.id;
  });
  return getClass(ctx, id);
}

export async function updateClass(ctx: Ctx, id: string, input: Omit<In<typeof ClassInput>, 'schoolId'>) {
  const before = found(await ctx.db.select().from(classes).where(and(scoped(ctx, classes, 'org.read'), eq(classes.id, id))), '班级');
  const school = await manageableSchool(ctx, before.schoolId);
  if (!school.grades.includes(input.grade)) throw invalid('grade', '年级', `${school.name}未开设${input.grade}年级`);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(classes).set(input).where(and(eq(classes.districtId, before.districtId), eq(classes.id, id))).returning();
    await audit(tx, ctx.actor, { action: 'class.update', entity: 'class', entityId: id, before, after: row });
    await directoryChanged(tx);
  });
  return getClass(ctx, id);
}

export async function deleteClass(ctx: Ctx, id: string) {
  const before = found(await ctx.db.select().from(classes).where(and(scoped(ctx, classes, 'org.read'), eq(classes.id, id))), '班级');
  await manageableSchool(ctx, before.schoolId);
  await ctx.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(students)
      .where(and(eq(students.districtId, before.districtId), eq(students.classId, id)));
    if (n > 0) throw invalid('id', '班级', `班级仍有 ${n} 名学生，请先调出学生`);
    await tx.delete(roleAssignments).where(and(eq(roleAssignments.districtId, before.districtId), eq(roleAssignments.classId, id)));
    await tx.delete(classes).where(and(eq(classes.districtId, before.districtId), eq(classes.id, id)));
    await audit(tx, ctx.actor, { action: 'class.delete', entity: 'class', entityId: id, before });
    await directoryChanged(tx);
  });
}

// ── subjects ─────────────────────────────────────────────────────────────────
export async function listSubjects(ctx: Ctx): Promise<Out<typeof Subject>[]> {
  requirePermission(ctx, 'org.read');
  return ctx.db
    .select({ id: subjects.id, code: subjects.code, name: subjects.name, sort: subjects.sort })
    .from(subjects)
    .where(eq(subjects.districtId, ctx.user.districtId))
    .orderBy(asc(subjects.sort), asc(subjects.code));
}

export async function createSubject(ctx: Ctx, input: In<typeof SubjectInput>) {
  requirePermission(ctx, 'district.manage');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(subjects).values({ districtId: ctx.user.districtId, ...input }).returning();
    await audit(tx, ctx.actor, { action: 'subject.create', entity: 'subject', entityId: row!.id, after: row });
    return { id: row!.id, code: row!.code, name: row!.name, sort: row!.sort };
  });
}

export async function updateSubject(ctx: Ctx, id: string, input: In<typeof SubjectInput>) {
  requirePermission(ctx, 'district.manage');
  return ctx.db.transaction(async (tx) => {
    const before = found(await tx.select().from(subjects).where(and(eq(subjects.districtId, ctx.user.districtId), eq(subjects.id, id))), '学科');
    const [row] = await tx.update(subjects).set(input).where(and(eq(subjects.districtId, before.districtId), eq(subjects.id, id))).returning();
    await audit(tx, ctx.actor, { action: 'subject.update', entity: 'subject', entityId: id, before, after: row });
    return { id: row!.id, code: row!.code, name: row!.name, sort: row!.sort };
  });
}

// ── institutions (registry; supervision lives in its own module) ──────────────
function institutionQuery(db: Db) {
  return db
    .select({
      id: institutions.id,
      zoneId: institutions.zoneId,
      zoneName: zones.name,
      name: institutions.name,
      licenseNo: institutions.licenseNo,
      category: institutions.category,
      field: institutions.field,
      status: institutions.status,
      listStatus: institutions.listStatus,
      address: institutions.address,
    })
    .from(institutions)
    .innerJoin(zones, and(eq(zones.districtId, institutions.districtId), eq(zones.id, institutions.zoneId)));
}

export async function listInstitutions(ctx: Ctx): Promise<Out<typeof Institution>[]> {
  return institutionQuery(ctx.db).where(scoped(ctx, institutions, 'institution.read')).orderBy(asc(institutions.name));
}

export async function getInstitution(ctx: Ctx, id: string): Promise<Out<typeof Institution>> {
  return found(await institutionQuery(ctx.db).where(and(scoped(ctx, institutions, 'institution.read'), eq(institutions.id, id))), '机构');
}

export async function createInstitution(ctx: Ctx, input: In<typeof InstitutionInput>) {
  requirePermission(ctx, 'institution.manage');
  await visibleZone(ctx, input.zoneId);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(institutions).values({ districtId: ctx.user.districtId, ...input }).returning();
    await audit(tx, ctx.actor, { action: 'institution.create', entity: 'institution', entityId: row!.id, after: row });
    return row!.id;
  });
  return getInstitution(ctx, id);
}

export async function updateInstitution(ctx: Ctx, id: string, input: In<typeof InstitutionPatch>) {
  requirePermission(ctx, 'institution.manage');
  if (input.zoneId) await visibleZone(ctx, input.zoneId);
  await ctx.db.transaction(async (tx) => {
    const before = found(
      await tx.select().from(institutions).where(and(scoped(ctx, institutions, 'institution.manage'), eq(institutions.id, id))),
      '机构',
    );
    const [row] = await tx
      .update(institutions)
      .set(input)
      .where(and(eq(institutions.districtId, before.districtId), eq(institutions.id, id)))
      .returning();
    await audit(tx, ctx.actor, { action: 'institution.update', entity: 'institution', entityId: id, before, after: row });
  });
  return getInstitution(ctx, id);
}

/** White and black lists published to parents: no sign-in, by district code. */
export async function publicInstitutions(db: Db, districtCode: string): Promise<Out<typeof PublicInstitution>[]> {
  const [district] = await db.select().from(districts).where(eq(districts.code, districtCode));
  if (!district) throw notFound('区县');
  const rows = await institutionQuery(db)
    // the black list is published whatever the status; the white list only while the institution operates
    .where(and(eq(institutions.districtId, district.id), sql`(${institutions.listStatus} = 'black' or (${institutions.listStatus} = 'white' and ${institutions.status} = 'active'))`))
    .orderBy(asc(institutions.listStatus), asc(institutions.name));
  return rows.map(({ id, name, licenseNo, category, field, listStatus, zoneName, address }) => ({
    id, name, licenseNo, category, field, listStatus, zoneName, address,
  }));
}

export async function publicDistricts(db: Db) {
  return db.select({ code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.name));
}

// ── overview ─────────────────────────────────────────────────────────────────
export async function overview(ctx: Ctx): Promise<Out<typeof OrgOverview>> {
  const n = (table: Parameters<typeof scoped>[1], permission: 'org.read' | 'institution.read' = 'org.read') =>
    ctx.db.select({ n: count() }).from(table).where(scoped(ctx, table, permission)).then((r) => r[0]?.n ?? 0);
  const [zoneCount, schoolCount, classCount, studentCount, staffCount, institutionCount] = await atOnce(ctx.db,
    () => n(zones),
    () => n(schools),
    () => n(classes),
    () => ctx.db
      .select({ n: count() })
      .from(students)
      .where(and(scoped(ctx, students, 'org.read'), eq(students.status, 'active')))
      .then((r) => r[0]?.n ?? 0),
    () => ctx.db
      .select({ n: sql<number>`count(distinct ${roleAssignments.userId})::int` })
      .from(roleAssignments)
      .where(and(scoped(ctx, roleAssignments, 'staff.read'), sql`${roleAssignments.role} <> 'parent'`))
      .then((r) => r[0]?.n ?? 0),
    () => n(institutions, 'institution.read'),
  );
  return { zones: zoneCount, schools: schoolCount, classes: classCount, students: studentCount, staff: staffCount, institutions: institutionCount };
}
