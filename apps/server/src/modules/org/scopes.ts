/** Turns a user's role assignments and guardian links into grants (the keys each role reaches), and describes them. */
import type { Me, Role } from '@shuangjian/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Allowed, Ctx, Grant, SecondFactorState, SessionUser } from '../../platform/access';
import { atOnce, type Db } from '../../platform/db';
import { districts } from '../../platform/schema';
import { classes, guardianLinks, guardians, institutions, roleAssignments, schools, students } from './schema';

const ALL = { zone: '*', school: '*', class: '*', student: '*', institution: '*' } as const;
const NONE: readonly string[] = [];

function grant(role: Role, districtId: string, keys: Partial<Record<'zone' | 'school' | 'class' | 'student' | 'institution', Allowed>>, extra: { subjectId?: string | null; grade?: number | null } = {}): Grant {
  return { role, districtId, ...ALL, ...keys, subjectId: extra.subjectId ?? null, grade: extra.grade ?? null };
}

/**
 * The two statements every session load runs (a user's role assignments, a guardian's children), prepared once per
 * database handle: built once and, on PostgreSQL, parsed and planned once per connection (see session.ts).
 */
function grantStatements(db: Db) {
  const d = sql.placeholder('districtId');
  const u = sql.placeholder('userId');
  return {
    assignments: db
      .select({ a: roleAssignments, schoolZone: schools.zoneId, institutionZone: institutions.zoneId })
      .from(roleAssignments)
      .leftJoin(schools, and(eq(schools.districtId, roleAssignments.districtId), eq(schools.id, roleAssignments.schoolId)))
      .leftJoin(
        institutions,
        and(eq(institutions.districtId, roleAssignments.districtId), eq(institutions.id, roleAssignments.institutionId)),
      )
      .where(and(eq(roleAssignments.districtId, d), eq(roleAssignments.userId, u)))
      .prepare('grants_assignments'),
    children: db
      .select({ studentId: students.id, classId: students.classId, schoolId: students.schoolId, zoneId: schools.zoneId })
      .from(guardians)
      .innerJoin(guardianLinks, and(eq(guardianLinks.districtId, guardians.districtId), eq(guardianLinks.guardianId, guardians.id)))
      .innerJoin(students, and(eq(students.districtId, guardianLinks.districtId), eq(students.id, guardianLinks.studentId)))
      .innerJoin(schools, and(eq(schools.districtId, students.districtId), eq(schools.id, students.schoolId)))
      .where(and(eq(guardians.districtId, d), eq(guardians.userId, u), eq(students.status, 'active')))
      .prepare('grants_children'),
  };
}
const prepared = new WeakMap<Db, ReturnType<typeof grantStatements>>();

/** At most four indexed queries per sign-in (cached with the session afterwards); the two always run are prepared. */
export async function resolveGrants(db: Db, user: Pick<SessionUser, 'id' | 'districtId'>): Promise<Grant[]> {
  const d = user.districtId;
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = grantStatements(db)));
  const values = { districtId: d, userId: user.id };
  const [assignments, children] = await atOnce(db, () => statements.assignments.execute(values), () => statements.children.execute(values));

  const zoneIds = [...new Set(assignments.filter((r) => r.a.role === 'inspector' && r.a.zoneId).map((r) => r.a.zoneId!))];
  const gradeKeys = assignments.filter((r) => r.a.role === 'grade_leader' && r.a.schoolId && r.a.grade);
  const [zoneSchools, zoneInstitutions, gradeClasses] = await atOnce(db,
    () => zoneIds.length
      ? db.select({ id: schools.id, zoneId: schools.zoneId }).from(schools).where(and(eq(schools.districtId, d), inArray(schools.zoneId, zoneIds)))
      : Promise.resolve([]),
    () => zoneIds.length
      ? db
          .select({ id: institutions.id, zoneId: institutions.zoneId })
          .from(institutions)
          .where(and(eq(institutions.districtId, d), inArray(institutions.zoneId, zoneIds)))
      : Promise.resolve([]),
    () => gradeKeys.length
      ? db
          .select({ id: classes.id, schoolId: classes.schoolId, grade: classes.grade })
          .from(classes)
          .where(and(eq(classes.districtId, d), inArray(classes.schoolId, gradeKeys.map((r) => r.a.schoolId!))))
      : Promise.resolve([]),
  );

  const grants: Grant[] = [];
  for (const { a, schoolZone, institutionZone } of assignments) {
    const school = a.schoolId ? { zone: schoolZone ? [schoolZone] : NONE, school: [a.schoolId], institution: NONE } : null;
    const extra = { subjectId: a.subjectId, grade: a.grade };
    switch (a.role) {
      case 'district_admin':
      case 'auditor':
      case 'system_admin':
      case 'security_admin':
        grants.push(grant(a.role, d, {}));
        break;
      case 'inspector':
        grants.push(
          a.zoneId
            ? grant(a.role, d, {
                zone: [a.zoneId],
                school: zoneSchools.filter((s) => s.zoneId === a.zoneId).map((s) => s.id),
                institution: zoneInstitutions.filter((i) => i.zoneId === a.zoneId).map((i) => i.id),
              })
            : grant(a.role, d, {}),
        );
        break;
      case 'school_admin':
      case 'subject_leader':
        if (school) grants.push(grant(a.role, d, school, extra));
        break;
      case 'grade_leader':
        if (school)
          grants.push(
            grant(a.role, d, { ...school, class: gradeClasses.filter((c) => c.schoolId === a.schoolId && c.grade === a.grade).map((c) => c.id) }, extra),
          );
        break;
      case 'class_teacher':
      case 'teacher':
        if (school) grants.push(grant(a.role, d, { ...school, class: a.classId ? [a.classId] : NONE }, extra));
        break;
      case 'institution_admin':
        if (a.institutionId)
          grants.push(
            grant(a.role, d, { zone: institutionZone ? [institutionZone] : NONE, school: NONE, class: NONE, student: NONE, institution: [a.institutionId] }),
          );
        break;
      case 'parent':
        break; // parents are granted through guardian links below
    }
  }
  for (const c of children) {
    grants.push(grant('parent', d, { zone: [c.zoneId], school: [c.schoolId], class: [c.classId], student: [c.studentId], institution: NONE }));
  }
  return grants;
}

/** What the signed-in person is and reaches: the web shell's menus and pickers are built from this. */
export async function describeMe(ctx: Ctx, session: { expiresAt: Date; secondFactor: SecondFactorState }, idleMinutes: number): Promise<Me> {
  const d = ctx.user.districtId;
  const schoolIds = new Set<string>();
  const classRoles = new Map<string, Set<Role>>();
  const classSubjects = new Map<string, Set<string>>();
  const institutionIds = new Set<string>();
  const childIds = new Set<string>();
  for (const g of ctx.grants) {
    if (g.role === 'parent') {
      if (Array.isArray(g.student)) g.student.forEach((s) => childIds.add(s));
      continue;
    }
    if (Array.isArray(g.school)) g.school.forEach((s) => schoolIds.add(s));
    if (Array.isArray(g.class))
      g.class.forEach((c) => {
        (classRoles.get(c) ?? classRoles.set(c, new Set()).get(c)!).add(g.role);
        if (g.role === 'teacher' && g.subjectId) (classSubjects.get(c) ?? classSubjects.set(c, new Set()).get(c)!).add(g.subjectId);
      });
    if (Array.isArray(g.institution)) g.institution.forEach((i) => institutionIds.add(i));
  }
  // side by side: the web app asks this on every load
  const [[district], schoolRows, classRows, childRows, institutionRows] = await atOnce(ctx.db,
    () => ctx.db.select({ name: districts.name }).from(districts).where(eq(districts.id, d)),
    () => schoolIds.size
      ? ctx.db.select({ id: schools.id, name: schools.name, type: schools.type }).from(schools).where(and(eq(schools.districtId, d), inArray(schools.id, [...schoolIds])))
      : Promise.resolve([]),
    () => classRoles.size
      ? ctx.db
          .select({ id: classes.id, name: classes.name, schoolId: classes.schoolId, grade: classes.grade, schoolName: schools.name })
          .from(classes)
          .innerJoin(schools, and(eq(schools.districtId, classes.districtId), eq(schools.id, classes.schoolId)))
          .where(and(eq(classes.districtId, d), inArray(classes.id, [...classRoles.keys()])))
          .orderBy(classes.grade, classes.name)
      : Promise.resolve([]),
    () => childIds.size
      ? ctx.db
          .select({
            id: students.id,
            name: students.name,
            classId: students.classId,
            className: classes.name,
            grade: classes.grade,
            schoolId: students.schoolId,
            schoolName: schools.name,
          })
          .from(students)
          .innerJoin(classes, and(eq(classes.districtId, students.districtId), eq(classes.id, students.classId)))
          .innerJoin(schools, and(eq(schools.districtId, students.districtId), eq(schools.id, students.schoolId)))
          .where(and(eq(students.districtId, d), inArray(students.id, [...childIds])))
      : Promise.resolve([]),
    () => institutionIds.size
      ? ctx.db.select({ id: institutions.id, name: institutions.name }).from(institutions).where(and(eq(institutions.districtId, d), inArray(institutions.id, [...institutionIds])))
      : Promise.resolve([]),
  );
  return {
    user: { id: ctx.user.id, username: ctx.user.username, name: ctx.user.name, phone: ctx.user.phone },
    district: { id: d, name: district?.name ?? '', timezone: ctx.user.timeZone },
    roles: [...ctx.roles],
    mustChangePassword: ctx.user.mustChangePassword,
    schools: schoolRows,
    classes: classRows.map((c) => ({
      id: c.id,
      name: `${c.schoolName} ${c.name}`,
      schoolId: c.schoolId,
      schoolName: c.schoolName,
      className: c.name,
      grade: c.grade,
      roles: [...(classRoles.get(c.id) ?? [])],
      subjectIds: [...(classSubjects.get(c.id) ?? [])],
    })),
    children: childRows,
    institutions: institutionRows,
    session: { idleMinutes, expiresAt: session.expiresAt.toISOString() },
    secondFactor: {
      enrolled: session.secondFactor.enrolled,
      required: session.secondFactor.required,
      enrolmentRequired: session.secondFactor.stage === 'enrol',
    },
  };
}
