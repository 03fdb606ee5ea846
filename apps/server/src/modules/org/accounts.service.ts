/**
 * 三员分立's two administrators besides the auditor. The system administrator (系统管理员) keeps every account of the
 * district: enable and disable, unlock, a new initial password, a reset of the second factor; the security
 * administrator (安全管理员) grants and revokes the district-level roles, the three separated roles included. Neither
 * touches business data; every action is audited, and grants and factor resets need a recent code (step-up).
 */
import type { z } from 'zod';
import type { AccountPatch, AccountQuery, GrantInput, Role } from '@shuangjian/contracts';
import { and, asc, count, eq, ilike, inArray, isNotNull, or } from 'drizzle-orm';
import { type Ctx, districtWide, requirePermission } from '../../platform/access';
import { audit } from '../../platform/audit';
import { generatePassword, hashPassword } from '../../platform/auth/password';
import { secondFactors } from '../../platform/auth/schema';
import { requireStepUp, resetSecondFactor, secondFactorPolicy } from '../../platform/auth/second-factor';
import type { Config } from '../../platform/config';
import { atOnce, type DatabaseKind, type Queryable } from '../../platform/db';
import { forbidden, found, invalid } from '../../platform/errors';
import { users } from '../../platform/schema';
import { roleAssignments, zones } from './schema';
import { assertSeparation } from './staff.service';

/** The roles the security administrator grants: the district's own (school and institution roles stay on the staff pages). */
export const GRANTABLE_ROLES: readonly Role[] = ['district_admin', 'inspector', 'system_admin', 'security_admin', 'auditor'];

function requireDistrictPermission(ctx: Ctx, permission: 'system.accounts' | 'security.grants') {
  requirePermission(ctx, permission);
  if (!districtWide(ctx, permission)) throw forbidden();
}

async function accountOf(db: Queryable, ctx: Ctx, userId: string) {
  return found(await db.select().from(users).where(and(eq(users.districtId, ctx.user.districtId), eq(users.id, userId))), '账号');
}

async function rolesOf(db: Queryable, districtId: string, userIds: string[]) {
  if (!userIds.length) return [];
  return db
    .select({ id: roleAssignments.id, userId: roleAssignments.userId, role: roleAssignments.role, zoneId: roleAssignments.zoneId, schoolId: roleAssignments.schoolId, institutionId: roleAssignments.institutionId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, districtId), inArray(roleAssignments.userId, userIds)));
}

// ---- 系统管理员: accounts

export async function listAccounts(ctx: Ctx, q: z.output<typeof AccountQuery>) {
  requireDistrictPermission(ctx, 'system.accounts');
  const d = ctx.user.districtId;
  const where = and(eq(users.districtId, d), q.q ? or(ilike(users.name, `%${q.q}%`), ilike(users.username, `%${q.q}%`)) : undefined);
  const [page, [{ total } = { total: 0 }]] = await atOnce(ctx.db,
    () => ctx.db
      .select({ user: users, enrolledAt: secondFactors.enabledAt })
      .from(users)
      .leftJoin(secondFactors, and(eq(secondFactors.districtId, users.districtId), eq(secondFactors.userId, users.id)))
      .where(where)
      .orderBy(asc(users.username))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    () => ctx.db.select({ total: count() }).from(users).where(where),
  );
  const roles = await rolesOf(ctx.db, d, page.map((r) => r.user.id));
  const now = ctx.now();
  return {
    items: page.map(({ user: u, enrolledAt }) => ({
      id: u.id,
      username: u.username,
      name: u.name,
      status: u.status,
      locked: !!u.lockedUntil && u.lockedUntil > now,
      roles: [...new Set(roles.filter((r) => r.userId === u.id).map((r) => r.role))],
      secondFactor: !!enrolledAt,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    })),
    total,
  };
}

async function accountRow(ctx: Ctx, userId: string) {
  const { items } = await listAccountsById(ctx, userId);
  return items[0]!;
}

async function listAccountsById(ctx: Ctx, userId: string) {
  const u = await accountOf(ctx.db, ctx, userId);
  const [factor] = await ctx.db
    .select({ enrolledAt: secondFactors.enabledAt })
    .from(secondFactors)
    .where(and(eq(secondFactors.districtId, u.districtId), eq(secondFactors.userId, u.id), isNotNull(secondFactors.enabledAt)));
  const roles = await rolesOf(ctx.db, u.districtId, [u.id]);
  return {
    items: [
      {
        id: u.id,
        username: u.username,
        name: u.name,
        status: u.status,
        locked: !!u.lockedUntil && u.lockedUntil > ctx.now(),
        roles: [...new Set(roles.map((r) => r.role))],
        secondFactor: !!factor,
        lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      },
    ],
  };
}

const notSelf = (ctx: Ctx, userId: string, what: string) => {
  if (userId === ctx.user.id) throw invalid('id', '账号', `不能${what}自己的账号`);
};

export async function updateAccount(ctx: Ctx, userId: string, input: z.output<typeof AccountPatch>) {
  requireDistrictPermission(ctx, 'system.accounts');
  notSelf(ctx, userId, '停用或启用');
  await ctx.db.transaction(async (tx) => {
    const before = await accountOf(tx, ctx, userId);
    await tx.update(users).set({ status: input.status }).where(and(eq(users.districtId, before.districtId), eq(users.id, userId)));
    await audit(tx, ctx.actor, { action: 'account.update', entity: 'user', entityId: userId, before: { name: before.name, username: before.username, status: before.status }, after: { name: before.name, username: before.username, status: input.status } });
    if (input.status === 'disabled') await ctx.sessions.revokeUser(before.districtId, userId, ctx.now(), { q: tx });
  });
  await ctx.sessions.forgetUser(userId);
  return accountRow(ctx, userId);
}

export async function unlockAccount(ctx: Ctx, userId: string) {
  requireDistrictPermission(ctx, 'system.accounts');
  await ctx.db.transaction(async (tx) => {
    const before = await accountOf(tx, ctx, userId);
    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(and(eq(users.districtId, before.districtId), eq(users.id, userId)));
    await audit(tx, ctx.actor, { action: 'account.unlock', entity: 'user', entityId: userId, before: { name: before.name, username: before.username, lockedUntil: before.lockedUntil } });
  });
  return accountRow(ctx, userId);
}

/** A new initial password, shown once; the account changes it at its next sign-in. */
export async function resetAccountPassword(ctx: Ctx, userId: string) {
  requireDistrictPermission(ctx, 'system.accounts');
  notSelf(ctx, userId, '重置');
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  const user = await ctx.db.transaction(async (tx) => {
    const user = await accountOf(tx, ctx, userId);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null })
      .where(and(eq(users.districtId, user.districtId), eq(users.id, userId)));
    await audit(tx, ctx.actor, { action: 'account.password_reset', entity: 'user', entityId: userId, after: { name: user.name, username: user.username } });
    await ctx.sessions.revokeUser(user.districtId, userId, ctx.now(), { q: tx });
    return user;
  });
  return { name: user.name, username: user.username, initialPassword };
}

/** Ends an account's second factor (a lost phone): it enrols again at its next sign-in. Needs a step-up. */
export async function resetAccountSecondFactor(ctx: Ctx, userId: string) {
  requireDistrictPermission(ctx, 'system.accounts');
  notSelf(ctx, userId, '重置二次验证于');
  requireStepUp(ctx);
  await ctx.db.transaction(async (tx) => {
    const user = await accountOf(tx, ctx, userId);
    await resetSecondFactor(tx, ctx.actor, user, ctx.sessions, ctx.now());
  });
  return accountRow(ctx, userId);
}

// ---- 安全管理员: grants of district-level roles

export async function listGrants(ctx: Ctx, q: { q?: string | undefined }) {
  requireDistrictPermission(ctx, 'security.grants');
  const d = ctx.user.districtId;
  const holders = ctx.db
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, d), inArray(roleAssignments.role, [...GRANTABLE_ROLES])));
  const people = await ctx.db
    .select()
    .from(users)
    .where(
      and(
        eq(users.districtId, d),
        q.q ? or(ilike(users.name, `%${q.q}%`), ilike(users.username, `%${q.q}%`)) : inArray(users.id, holders),
      ),
    )
    .orderBy(asc(users.username))
    .limit(100);
  const roles = await rolesOf(ctx.db, d, people.map((p) => p.id));
  return {
    items: people.map((p) => ({
      id: p.id,
      username: p.username,
      name: p.name,
      assignments: roles.filter((r) => r.userId === p.id).map(({ userId: _u, ...r }) => r),
    })),
  };
}

export async function grantRole(ctx: Ctx, input: z.output<typeof GrantInput>) {
  requireDistrictPermission(ctx, 'security.grants');
  if (!GRANTABLE_ROLES.includes(input.role))
    throw invalid('role', '角色', '学校、班级和机构岗位由区教育局或学校管理员在“教职工”页分配');
  const d = ctx.user.districtId;
  const user = await accountOf(ctx.db, ctx, input.userId);
  const held = await rolesOf(ctx.db, d, [user.id]);
  if (held.some((h) => h.role === input.role && (h.zoneId ?? null) === (input.zoneId ?? null))) throw invalid('role', '角色', '该账号已持有此角色');
  assertSeparation([...held.map((h) => h.role), input.role]);
  requireStepUp(ctx);
  const zoneId = input.role === 'inspector' ? (input.zoneId ?? null) : null;
  if (zoneId) found(await ctx.db.select().from(zones).where(and(eq(zones.districtId, d), eq(zones.id, zoneId))), '学区/街道');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(roleAssignments).values({ districtId: d, userId: user.id, role: input.role, zoneId }).returning();
    await audit(tx, ctx.actor, { action: 'security.grant', entity: 'user', entityId: user.id, after: { ...row, name: user.name, username: user.username } });
  });
  await ctx.sessions.forgetUser(user.id);
  return (await listGrants(ctx, { q: user.username })).items.find((i) => i.id === user.id)!;
}

export async function revokeRole(ctx: Ctx, assignmentId: string) {
  requireDistrictPermission(ctx, 'security.grants');
  const d = ctx.user.districtId;
  const target = found(
    await ctx.db.select().from(roleAssignments).where(and(eq(roleAssignments.districtId, d), eq(roleAssignments.id, assignmentId), inArray(roleAssignments.role, [...GRANTABLE_ROLES]))),
    '角色授权',
  );
  if (target.userId === ctx.user.id && target.role === 'security_admin') throw invalid('id', '角色', '不能撤销自己的安全管理员角色');
  requireStepUp(ctx);
  const user = await accountOf(ctx.db, ctx, target.userId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(roleAssignments).where(and(eq(roleAssignments.districtId, d), eq(roleAssignments.id, assignmentId)));
    await audit(tx, ctx.actor, { action: 'security.revoke', entity: 'user', entityId: target.userId, before: { ...target, name: user.name, username: user.username } });
  });
  await ctx.sessions.forgetUser(target.userId);
  return (await listGrants(ctx, { q: user.username })).items.find((i) => i.id === user.id) ?? { id: user.id, username: user.username, name: user.name, assignments: [] };
}

/** The running settings (系统管理员) and the security policy they carry (安全管理员 reads the same page). */
export function systemSettings(ctx: Ctx, config: Config, database: DatabaseKind) {
  if (!(districtWide(ctx, 'system.settings') || districtWide(ctx, 'security.grants'))) throw forbidden();
  return {
    demo: config.demo,
    lockout: config.lockout,
    session: { idleMinutes: config.session.idleMinutes, absoluteHours: config.session.absoluteHours },
    loginRateMax: config.loginRateLimit.max,
    secondFactor: secondFactorPolicy(config),
    dataDir: database === 'pglite' ? config.databaseUrl : null,
    database,
  };
}
