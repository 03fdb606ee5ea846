/** 关爱专干: a school's administrator designates staff of the school who may read and keep special students' files. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Ctx, requireAllowed, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { eachAtOnce } from '../../platform/db';
import { notFound, ruleViolation } from '../../platform/errors';
import { roleHolders, schoolDirectory } from '../org';
import { userNames } from './home-school.repo';
import { hsCareStaff } from './schema';

const STAFF = ['school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher'] as const;

async function schoolStaff(ctx: Ctx, schoolId: string) {
  return [...new Set((await eachAtOnce(ctx.db, STAFF, (role) => roleHolders(ctx.db, ctx.user.districtId, role, { schoolId }))).flat())];
}

async function manageableSchools(ctx: Ctx) {
  requirePermission(ctx, 'home-school.care-staff');
  const D = schoolDirectory;
  return ctx.db.select({ id: D.id, name: D.name, zoneId: D.zoneId }).from(D).where(scoped(ctx, D, 'home-school.care-staff')).orderBy(asc(D.code));
}

export async function listCareStaff(ctx: Ctx) {
  const schools = await manageableSchools(ctx);
  const ids = schools.map((s) => s.id);
  const rows = ids.length ? await ctx.db.select().from(hsCareStaff).where(and(eq(hsCareStaff.districtId, ctx.user.districtId), inArray(hsCareStaff.schoolId, ids))) : [];
  const staff = (await eachAtOnce(ctx.db, schools, async (s) => (await schoolStaff(ctx, s.id)).map((id) => ({ id, schoolId: s.id })))).flat();
  const names = await userNames(ctx.db, ctx.user.districtId, [...rows.map((r) => r.userId), ...staff.map((s) => s.id)]);
  return {
    items: rows.map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? '', schoolId: r.schoolId, schoolName: schools.find((s) => s.id === r.schoolId)?.name ?? '' })),
    candidates: staff.filter((c) => !rows.some((r) => r.userId === c.id && r.schoolId === c.schoolId)).map((c) => ({ ...c, name: names.get(c.id) ?? '' })),
  };
}

export async function designateCareStaff(ctx: Ctx, input: { schoolId: string; userId: string }) {
  const schools = await manageableSchools(ctx);
  const school = schools.find((s) => s.id === input.schoolId);
  if (!school) throw notFound('学校');
  requireAllowed(ctx, 'home-school.care-staff', { districtId: ctx.user.districtId, zone: school.zoneId, school: school.id });
  if (!(await schoolStaff(ctx, school.id)).includes(input.userId)) throw ruleViolation('关爱专干须是本校教职工', { field: 'userId' });
  await ctx.db.transaction(async (tx) => {
    await tx.insert(hsCareStaff).values({ districtId: ctx.user.districtId, schoolId: school.id, userId: input.userId, designatedBy: ctx.user.id }).onConflictDoNothing();
    await audit(tx, ctx.actor, { action: 'home-school.care-staff.add', entity: 'user', entityId: input.userId, after: { schoolId: school.id } });
  });
  return listCareStaff(ctx);
}

export async function removeCareStaff(ctx: Ctx, input: { schoolId: string; userId: string }) {
  const schools = await manageableSchools(ctx);
  if (!schools.some((s) => s.id === input.schoolId)) throw notFound('学校');
  const C = hsCareStaff;
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(C)
      .where(and(eq(C.districtId, ctx.user.districtId), eq(C.schoolId, input.schoolId), eq(C.userId, input.userId)))
      .returning({ userId: C.userId });
    if (!gone.length) throw notFound('关爱专干');
    await audit(tx, ctx.actor, { action: 'home-school.care-staff.remove', entity: 'user', entityId: input.userId, after: { schoolId: input.schoolId } });
  });
  return listCareStaff(ctx);
}
