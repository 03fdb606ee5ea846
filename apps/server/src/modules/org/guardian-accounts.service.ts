/** Parents' accounts: opened for a guardian (one, or a class at once; the username is the phone) and their password reset. */
import { and, eq, isNull } from 'drizzle-orm';
import { type Ctx, requireAllowed, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { generatePassword, hashPassword } from '../../platform/auth/password';
import type { Queryable } from '../../platform/db';
import { conflict, found } from '../../platform/errors';
import { users } from '../../platform/schema';
import { classes, guardianLinks, guardians, schools, students } from './schema';
import { openPhone } from './sealed';

/** A guardian of a student the actor sees and manages (404 when the student is not visible, 403 when not managed). */
async function guardianLink(ctx: Ctx, tx: Queryable, studentId: string, guardianId: string) {
  const [link] = await tx
    .select({ guardian: guardians, schoolId: schools.id, zoneId: schools.zoneId, classId: classes.id })
    .from(guardianLinks)
    .innerJoin(guardians, and(eq(guardians.districtId, guardianLinks.districtId), eq(guardians.id, guardianLinks.guardianId)))
    .innerJoin(students, and(eq(students.districtId, guardianLinks.districtId), eq(students.id, guardianLinks.studentId)))
    .innerJoin(classes, and(eq(classes.districtId, students.districtId), eq(classes.id, students.classId)))
    .innerJoin(schools, and(eq(schools.districtId, classes.districtId), eq(schools.id, classes.schoolId)))
    .where(and(scoped(ctx, students, 'org.read'), eq(guardianLinks.studentId, studentId), eq(guardianLinks.guardianId, guardianId)));
  if (!link) throw found([], '监护人');
  requireAllowed(ctx, 'org.manage', { districtId: ctx.user.districtId, zone: link.zoneId, school: link.schoolId, class: link.classId, student: studentId });
  return { ...link, guardian: { ...link.guardian, phone: openPhone(link.guardian.phone) } };
}

/** Opens a parent account for a guardian of a student the actor manages: username is the phone number. */
export async function createGuardianAccount(ctx: Ctx, studentId: string, guardianId: string) {
  requirePermission(ctx, 'org.manage');
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return ctx.db.transaction(async (tx) => {
    const link = await guardianLink(ctx, tx, studentId, guardianId);
    if (link.guardian.userId) throw conflict('该监护人已开通账号');
    const [user] = await tx
      .insert(users)
      .values({ districtId: ctx.user.districtId, username: link.guardian.phone, phone: link.guardian.phone, name: link.guardian.name, passwordHash, mustChangePassword: true })
      .returning();
    await tx.update(guardians).set({ userId: user!.id }).where(and(eq(guardians.districtId, ctx.user.districtId), eq(guardians.id, guardianId)));
    await audit(tx, ctx.actor, { action: 'guardian.account', entity: 'user', entityId: user!.id, after: { guardianId, username: user!.username } });
    return { name: user!.name, username: user!.username, initialPassword };
  });
}

/** Opens parent accounts for every guardian of a class who has none yet; answers each new credential once. */
export async function createClassGuardianAccounts(ctx: Ctx, classId: string) {
  requirePermission(ctx, 'org.manage');
  const d = ctx.user.districtId;
  const [cls] = await ctx.db
    .select({ id: classes.id, schoolId: classes.schoolId, zoneId: schools.zoneId })
    .from(classes)
    .innerJoin(schools, and(eq(schools.districtId, classes.districtId), eq(schools.id, classes.schoolId)))
    .where(and(scoped(ctx, classes, 'org.read'), eq(classes.id, classId)));
  if (!cls) throw found([], '班级');
  requireAllowed(ctx, 'org.manage', { districtId: d, zone: cls.zoneId, school: cls.schoolId, class: cls.id });
  const pending = (
    await ctx.db
      .selectDistinct({ id: guardians.id, name: guardians.name, phone: guardians.phone })
    .from(guardians)
    .innerJoin(guardianLinks, and(eq(guardianLinks.districtId, guardians.districtId), eq(guardianLinks.guardianId, guardians.id)))
    .innerJoin(students, and(eq(students.districtId, guardianLinks.districtId), eq(students.id, guardianLinks.studentId)))
      .where(and(eq(guardians.districtId, d), eq(students.classId, classId), eq(students.status, 'active'), isNull(guardians.userId)))
  ).map((g) => ({ ...g, phone: openPhone(g.phone) }));
  const prepared = await Promise.all(
    pending.map(async (g) => {
      const initialPassword = generatePassword();
      return { g, initialPassword, passwordHash: await hashPassword(initialPassword) };
    }),
  );
  await ctx.db.transaction(async (tx) => {
    for (const { g, passwordHash } of prepared) {
      const [user] = await tx
        .insert(users)
        .values({ districtId: d, username: g.phone, phone: g.phone, name: g.name, passwordHash, mustChangePassword: true })
        .returning();
      await tx.update(guardians).set({ userId: user!.id }).where(and(eq(guardians.districtId, d), eq(guardians.id, g.id)));
    }
    await audit(tx, ctx.actor, { action: 'guardian.accounts', entity: 'class', entityId: classId, after: { count: prepared.length } });
  });
  return prepared.map(({ g, initialPassword }) => ({ name: g.name, username: g.phone, initialPassword }));
}

/** A parent who forgot the password: a new initial password (shown once), lockout lifted, sessions ended. */
export async function resetGuardianPassword(ctx: Ctx, studentId: string, guardianId: string) {
  requirePermission(ctx, 'org.manage');
  const initialPassword = generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  const user = await ctx.db.transaction(async (tx) => {
    const link = await guardianLink(ctx, tx, studentId, guardianId);
    if (!link.guardian.userId) throw conflict('该监护人尚未开通账号');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null })
      .where(and(eq(users.districtId, ctx.user.districtId), eq(users.id, link.guardian.userId)))
      .returning();
    await audit(tx, ctx.actor, { action: 'guardian.password_reset', entity: 'user', entityId: user!.id, after: { guardianId, studentId } });
    return user!;
  });
  await ctx.sessions.revokeUser(user.districtId, user.id, ctx.now(), { q: ctx.db });
  return { name: user.name, username: user.username, initialPassword };
}
