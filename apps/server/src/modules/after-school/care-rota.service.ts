/** 暑期托管 值班表: who is on duty at a site on a day (the site's school's staff, or any school's for a community site). */
import type { LocalDate } from '@shuangjian/policy';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { eachAtOnce } from '../../platform/db';
import { forbidden, invalid } from '../../platform/errors';
import { users } from '../../platform/schema';
import { roleHolders } from '../org';
import { afterSchoolSummerRota } from './care.schema';
import { canManageSite, loadSite } from './care-summer.service';

const R = afterSchoolSummerRota;
const STAFF_ROLES = ['school_admin', 'class_teacher', 'teacher', 'grade_leader', 'subject_leader'] as const;

export async function siteRota(ctx: Ctx, siteId: string, from: LocalDate, to: LocalDate) {
  const site = await loadSite(ctx, siteId);
  const rows = await ctx.db
    .select({ date: R.date, userId: R.userId, name: users.name })
    .from(R)
    .innerJoin(users, and(eq(users.districtId, R.districtId), eq(users.id, R.userId)))
    .where(and(eq(R.districtId, site.districtId), eq(R.siteId, site.id), gte(R.date, from), lte(R.date, to)))
    .orderBy(asc(R.date), asc(users.name));
  const days = new Map<string, { userId: string; name: string }[]>();
  for (const r of rows) (days.get(r.date) ?? days.set(r.date, []).get(r.date)!).push({ userId: r.userId, name: r.name });
  return { items: [...days].map(([date, staff]) => ({ date, staff })) };
}

/** Sets a day's staff at a site (replacing it): only the site's manager; the day inside the site's summer. */
export async function setRota(ctx: Ctx, siteId: string, input: { date: LocalDate; userIds: string[] }) {
  const site = await loadSite(ctx, siteId);
  if (!canManageSite(ctx, site)) throw forbidden('只有设立托管点的单位可以排班');
  if (!input.date.startsWith(String(site.year))) throw invalid('date', '日期', `应在 ${site.year} 年暑假之内`);
  const ids = [...new Set(input.userIds)];
  const staff = new Set((await eachAtOnce(ctx.db, STAFF_ROLES, (role) => roleHolders(ctx.db, site.districtId, role, site.schoolId ? { schoolId: site.schoolId } : {}))).flat());
  ids.forEach((id, n) => {
    if (!staff.has(id)) throw invalid(`userIds.${n}`, '值班教师', site.schoolId ? '不是本校教职工' : '不是区内学校的教职工');
  });
  await ctx.db.transaction(async (tx) => {
    await tx.delete(R).where(and(eq(R.districtId, site.districtId), eq(R.siteId, site.id), eq(R.date, input.date)));
    if (ids.length) await tx.insert(R).values(ids.map((userId) => ({ districtId: site.districtId, siteId: site.id, date: input.date, userId })));
    await audit(tx, ctx.actor, { action: 'after-school.summer.rota', entity: 'after_school_summer_sites', entityId: site.id, after: { date: input.date, userIds: ids } });
  });
  return siteRota(ctx, siteId, input.date, input.date);
}
