/** Staff accounts and their per-school roles; parent accounts for guardians; password resets and unlocking. */
import type { z } from 'zod';
import {
  type AssignmentInput,
  type Role,
  roleHas,
  roleLabels,
  roleLevel,
  SECURITY_GRANTED_ROLES,
  SEPARATED_ROLES,
  type StaffInput,
  type StaffPatch,
  type StaffQuery,
} from '@shuangjian/contracts';
import { maskPhone } from '@shuangjian/policy';
import { and, asc, count, eq, ilike, inArray, or } from 'drizzle-orm';
import { type Ctx, districtWide, requireAllowed, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { generatePassword, hashPassword } from '../../platform/auth/password';
import { requireStepUp, resetSecondFactor } from '../../platform/auth/second-factor';
import { atOnce, type Queryable } from '../../platform/db';
import { AppError, forbidden, found, invalid } from '../../platform/errors';
import { users } from '../../platform/schema';
import { classes, institutions, roleAssignments, schools, subjects, zones } from './schema';


type Assignment = typeof roleAssignments.$inferInsert;

export const DISTRICT_LEVEL: readonly Role[] = ['district_admin', 'inspector', 'auditor', 'institution_admin', 'system_admin', 'security_admin'];

function assignmentQuery(db: Queryable) {
  return db
    .select({
      userId: roleAssignments.userId,
      id: roleAssignments.id,
      role: roleAssignments.role,
      zoneId: roleAssignments.zoneId,
      zoneName: zones.name,
      schoolId: roleAssignments.schoolId,
      schoolName: schools.name,
      classId: roleAssignments.classId,
      className: classes.name,
      grade: roleAssignments.grade,
      subjectId: roleAssignments.subjectId,
      subjectName: subjects.name,
      institutionId: roleAssignments.institutionId,
      institutionName: institutions.name,
    })
    .from(roleAssignments)
    .leftJoin(zones, and(eq(zones.districtId, roleAssignments.districtId), eq(zones.id, roleAssignments.zoneId)))
    .leftJoin(schools, and(eq(schools.districtId, roleAssignments.districtId), eq(schools.id, roleAssignments.schoolId)))
    .leftJoin(classes, and(eq(classes.districtId, roleAssignments.districtId), eq(classes.id, roleAssignments.classId)))
    .leftJoin(subjects, and(eq(subjects.districtId, roleAssignments.districtId), eq(subjects.id, roleAssignments.subjectId)))
    .leftJoin(institutions, and(eq(institutions.districtId, roleAssignments.districtId), eq(institutions.id, roleAssignments.institutionId)));
}

export async function listStaff(ctx: Ctx, q: z.output<typeof StaffQuery>) {
  requirePermission(ctx, 'staff.read');
  const where = and(
    scoped(ctx, roleAssignments, 'staff.read'),
    q.schoolId ? eq(roleAssignments.schoolId, q.schoolId) : undefined,
    q.role ? eq(roleAssignments.role, q.role) : undefined,
    q.q ? or(ilike(users.name, `%${q.q}%`), ilike(users.username, `%${q.q}%`), ilike(users.phone, `%${q.q}%`)) : undefined,
  );
  const people = ctx.db
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, and(eq(users.districtId, roleAssignments.districtId), eq(users.id, roleAssignments.userId)))
    .where(where);
  const [page, [{ total } = { total: 0 }]] = await atOnce(ctx.db,
    () => ctx.db
      .select()
      .from(users)
      .where(and(eq(users.districtId, ctx.user.districtId), inArray(users.id, people)))
      .orderBy(asc(users.name), asc(users.username))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    () => ctx.db.select({ total: count() }).from(people.as('p')),
  );
  return { items: await withAssignments(ctx, page), total };
}

async function withAssignments(ctx: Ctx, people: (typeof users.$inferSelect)[]) {
  if (!people.length) return [];
  const assignments = await assignmentQuery(ctx.db).where(
    and(scoped(ctx, roleAssignments, 'staff.read'), inArray(roleAssignments.userId, people.map((p) => p.id))),
  );
  const now = ctx.now();
  // who manages accounts calls people; the rest see a masked number
  const fullPhones = ctx.grants.some((g) => roleHas(g.role, 'staff.manage'));
  return people.map((u) => ({
    id: u.id,
    username: u.username,
    name: u.name,
    phone: u.phone && !fullPhones && u.id !== ctx.user.id ? maskPhone(u.phone) : u.phone,
    status: u.status,
    locked: !!u.lockedUntil && u.lockedUntil > now,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    assignments: assignments.filter((a) => a.userId === u.id).map(({ userId: _u, ...a }) => a),
  }));
}

export async function getStaff(ctx: Ctx, userId: string) {
  requirePermission(ctx, 'staff.read');
  const [visible] = await ctx.db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(scoped(ctx, roleAssignments, 'staff.read'), eq(roleAssignments.userId, userId)))
    .limit(1);
  if (!visible) throw found([], '教职工');
  const [user] = await ctx.db.select().from(users).where(and(eq(users.districtId, ctx.user.districtId), eq(users.id, userId)));
  const [member] = await withAssignments(ctx, [user!]);
  return member!;
}

/** Checks one requested assignment against the organisation and the actor's reach; fills in derived keys. */
async function normalizeAssignment(ctx: Ctx, db: Queryable, a: AssignmentInput): Promise<Omit<Assignment, 'userId'>> {
  const d = ctx.user.districtId;
  const out: Omit<Assignment, 'userId'> = {
    districtId: d,
    role: a.role,
    zoneId: null,
    schoolId: null,
    classId: null,
    grade: null,
    subjectId: null,
    institutionId: null,
  };
  const need = <T>(value: T | null | undefined, field: string, label: string): T => {
    if (value === null || value === undefined) throw invalid(`assignments.${field}`, label, `「${a.role}」岗位必须填写${label}`);
    return value;
  };
  const level = roleLevel[a.role];
  if (SECURITY_GRANTED_ROLES.includes(a.role)) {
    // 三员分立: the system administrator, the security administrator and the auditor are granted by the security administrator
    if (!districtWide(ctx, 'security.grants')) throw forbidden('系统管理员、安全管理员和审计管理员只能由安全管理员授予（三员分立）');
  } else if (DISTRICT_LEVEL.includes(a.role) && !districtWide(ctx, 'staff.manage') && !(districtWide(ctx, 'security.grants') && a.role !== 'institution_admin'))
    throw forbidden('只有区教育局管理员可以分配该角色');
  if (a.role === 'inspector' && a.zoneId) {
    found(await db.select().from(zones).where(and(eq(zones.districtId, d), eq(zones.id, a.zoneId))), '学区/街道');
    out.zoneId = a.zoneId;
  }
  if (a.role === 'institution_admin') {
    const id = need(a.institutionId, 'institutionId', '机构');
    found(await db.select().from(institutions).where(and(eq(institutions.districtId, d), eq(institutions.id, id))), '机构');
    out.institutionId = id;
  }
  if (level === 'school' || level === 'grade' || level === 'class') {
    let schoolId = a.schoolId ?? null;
    if (level === 'class') {
      const classId = need(a.classId, 'classId', '班级');
      const cls = found(await db.select().from(classes).where(and(eq(classes.districtId, d), eq(classes.id, classId))), '班级');
      schoolId = cls.schoolId;
      out.classId = classId;
    }
    const school = found(
      await db.select().from(schools).where(and(eq(schools.districtId, d), eq(schools.id, need(schoolId, 'schoolId', '学校')))),
      '学校',
    );
    out.schoolId = school.id;
    requireAllowed(ctx, 'staff.manage', { districtId: d, zone: school.zoneId, school: school.id, class: out.classId ?? null });
    if (a.role === 'grade_leader') {
      const grade = need(a.grade, 'grade', '年级');
      if (!school.grades.includes(grade)) throw invalid('assignments.grade', '年级', `${school.name}未开设${grade}年级`);
      out.grade = grade;
    }
  }
  if (a.role === 'teacher' || a.role === 'subject_leader') {
    const subjectId = need(a.subjectId, 'subjectId', '学科');
    found(await db.select().from(subjects).where(and(eq(subjects.districtId, d), eq(subjects.id, subjectId))), '学科');
    out.subjectId = subjectId;
  }
  return out;
}

/**
 * 三员分立: an account holding the system administrator's, the security administrator's or the auditor's role holds no
 * other role (so never two of them either). Refused with 400 ROLE_SEPARATION naming the roles.
 */
export function assertSeparation(roles: readonly Role[]) {
  const distinct = [...new Set(roles)];
  const separated = distinct.filter((r) => SEPARATED_ROLES.includes(r));
  if (!separated.length || distinct.length === 1) return;
  const names = separated.map((r) => roleLabels[r]['zh-CN']).join('、');
  const others = distinct.filter((r) => r !== separated[0]).map((r) => roleLabels[r]['zh-CN']).join('、');
  throw new AppError(400, 'ROLE_SEPARATION', `岗位（assignments）：${names}不能兼任其他角色（三员分立），该账号将同时持有${others}`, {
    fields: [{ field: 'assignments', message: `${names}不能兼任其他角色（三员分立）` }],
    roles: distinct,
  });
}

/** The roles a user of the district holds now (for the separation check before anything else is read). */
async function heldRoles(db: Queryable, districtId: string, userId: string): Promise<Role[]> {
  const rows = await db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, districtId), eq(roleAssignments.userId, userId)));
  return rows.map((r) => r.role);
}

export async function createStaff(ctx: Ctx, input: z.output<typeof StaffInput>) {
  requirePermission(ctx, 'staff.manage');
  assertSeparation(input.assignments.map((a) => a.role));
  requireStepUp(ctx);
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  const userId = await ctx.db.transaction(async (tx) => {
    const normalized = [];
    for (const a of input.assignments) normalized.push(await normalizeAssignment(ctx, tx, a));
    assertSeparation(normalized.map((a) => a.role));
    const [user] = await tx
      .insert(users)
      .values({ districtId: ctx.user.districtId, username: input.username, name: input.name, phone: input.phone ?? null, passwordHash, mustChangePassword: true })
      .returning();
    await tx.insert(roleAssignments).values(normalized.map((a) => ({ ...a, userId: user!.id })));
    await audit(tx, ctx.actor, { action: 'staff.create', entity: 'user', entityId: user!.id, after: { ...user, assignments: normalized } });
    return user!.id;
  });
  return { staff: await getStaff(ctx, userId), credential: { name: input.name, username: input.username, initialPassword } };
}

/** The user's assignments must all lie within the actor's reach for the actor to change the account itself. */
async function manageableUser(ctx: Ctx, db: Queryable, userId: string) {
  requirePermission(ctx, 'staff.manage');
  const d = ctx.user.districtId;
  const [user] = await db.select().from(users).where(and(eq(users.districtId, d), eq(users.id, userId)));
  const all = await db
    .select({ a: roleAssignments, zoneId: schools.zoneId })
    .from(roleAssignments)
    .leftJoin(schools, and(eq(schools.districtId, roleAssignments.districtId), eq(schools.id, roleAssignments.schoolId)))
    .where(and(eq(roleAssignments.districtId, d), eq(roleAssignments.userId, userId)));
  const visible = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(scoped(ctx, roleAssignments, 'staff.read'), eq(roleAssignments.userId, userId)))
    .limit(1);
  // a user without staff roles (a parent) is not managed here: 404 before anything is written
  if (!user || !visible.length) throw found([], '教职工');
  if (all.some(({ a }) => SEPARATED_ROLES.includes(a.role))) throw forbidden('三员账号（系统、安全、审计管理员）由系统管理员管理');
  for (const { a, zoneId } of all) {
    const keys = { districtId: d, zone: zoneId ?? a.zoneId, school: a.schoolId, class: a.classId, institution: a.institutionId };
    if (DISTRICT_LEVEL.includes(a.role) || !a.schoolId) {
      if (!districtWide(ctx, 'staff.manage')) throw forbidden('该账号兼有区级岗位，请联系区教育局管理员');
    } else requireAllowed(ctx, 'staff.manage', keys);
  }
  return { user, assignments: all.map((r) => r.a) };
}

export async function updateStaff(ctx: Ctx, userId: string, input: z.output<typeof StaffPatch>) {
  if (userId === ctx.user.id && input.status === 'disabled') throw invalid('status', '状态', '不能停用自己的账号');
  await ctx.db.transaction(async (tx) => {
    const { user } = await manageableUser(ctx, tx, userId);
    const [after] = await tx
      .update(users)
      .set({ ...(input.name ? { name: input.name } : {}), ...(input.phone !== undefined ? { phone: input.phone } : {}), ...(input.status ? { status: input.status } : {}) })
      .where(and(eq(users.districtId, user.districtId), eq(users.id, userId)))
      .returning();
    await audit(tx, ctx.actor, { action: 'staff.update', entity: 'user', entityId: userId, before: user, after });
  });
  if (input.status === 'disabled') await ctx.sessions.revokeUser(ctx.user.districtId, userId, ctx.now(), { q: ctx.db });
  await ctx.sessions.forgetUser(userId);
  return getStaff(ctx, userId);
}

export async function addAssignment(ctx: Ctx, userId: string, input: AssignmentInput) {
  requirePermission(ctx, 'staff.manage');
  assertSeparation([...(await heldRoles(ctx.db, ctx.user.districtId, userId)), input.role]);
  requireStepUp(ctx);
  await ctx.db.transaction(async (tx) => {
    const { assignments } = await manageableUser(ctx, tx, userId);
    const normalized = await normalizeAssignment(ctx, tx, input);
    assertSeparation([...assignments.map((a) => a.role), normalized.role]);
    const [row] = await tx.insert(roleAssignments).values({ ...normalized, userId }).returning();
    await audit(tx, ctx.actor, { action: 'staff.assign', entity: 'user', entityId: userId, after: row });
  });
  await ctx.sessions.forgetUser(userId);
  return getStaff(ctx, userId);
}

export async function removeAssignment(ctx: Ctx, userId: string, assignmentId: string) {
  requirePermission(ctx, 'staff.manage');
  requireStepUp(ctx);
  await ctx.db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(roleAssignments)
      .where(and(scoped(ctx, roleAssignments, 'staff.read'), eq(roleAssignments.userId, userId), eq(roleAssignments.id, assignmentId)));
    if (!target) throw found([], '岗位');
    const [school] = target.schoolId
      ? await tx.select().from(schools).where(and(eq(schools.districtId, target.districtId), eq(schools.id, target.schoolId)))
      : [];
    if (SEPARATED_ROLES.includes(target.role)) throw forbidden('系统管理员、安全管理员和审计管理员只能由安全管理员撤销（三员分立）');
    if (DISTRICT_LEVEL.includes(target.role) || !target.schoolId) {
      if (!districtWide(ctx, 'staff.manage')) throw forbidden();
    } else requireAllowed(ctx, 'staff.manage', { districtId: target.districtId, zone: school?.zoneId ?? null, school: target.schoolId, class: target.classId });
    if (userId === ctx.user.id && target.role === 'district_admin') throw invalid('role', '角色', '不能撤销自己的管理员岗位');
    await tx.delete(roleAssignments).where(and(eq(roleAssignments.districtId, target.districtId), eq(roleAssignments.id, assignmentId)));
    await audit(tx, ctx.actor, { action: 'staff.unassign', entity: 'user', entityId: userId, before: target });
  });
  await ctx.sessions.forgetUser(userId);
  return getStaff(ctx, userId);
}

/** A new initial password (shown once), to be changed at next sign-in; also lifts a lockout. */
export async function resetPassword(ctx: Ctx, userId: string) {
  if (userId === ctx.user.id) throw invalid('id', '账号', '请通过“修改密码”更改自己的密码');
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  const user = await ctx.db.transaction(async (tx) => {
    const { user } = await manageableUser(ctx, tx, userId);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null })
      .where(and(eq(users.districtId, user.districtId), eq(users.id, userId)));
    await audit(tx, ctx.actor, { action: 'staff.password_reset', entity: 'user', entityId: userId });
    return user;
  });
  await ctx.sessions.revokeUser(user.districtId, userId, ctx.now(), { q: ctx.db });
  return { name: user.name, username: user.username, initialPassword };
}

/** A higher administrator ends a staff member's second factor (lost phone): enrolment again at the next sign-in. */
export async function resetStaffSecondFactor(ctx: Ctx, userId: string) {
  if (userId === ctx.user.id) throw invalid('id', '账号', '不能重置自己的二次验证：请在“账号安全”中更换');
  requirePermission(ctx, 'staff.manage');
  requireStepUp(ctx);
  await ctx.db.transaction(async (tx) => {
    const { user } = await manageableUser(ctx, tx, userId);
    await resetSecondFactor(tx, ctx.actor, user, ctx.sessions, ctx.now());
  });
  return getStaff(ctx, userId);
}

export async function unlockAccount(ctx: Ctx, userId: string) {
  await ctx.db.transaction(async (tx) => {
    const { user } = await manageableUser(ctx, tx, userId);
    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(and(eq(users.districtId, user.districtId), eq(users.id, userId)));
    await audit(tx, ctx.actor, { action: 'staff.unlock', entity: 'user', entityId: userId, before: { lockedUntil: user.lockedUntil } });
  });
  return getStaff(ctx, userId);
}
