/**
 * 白名单: the district's after-school provider list. The expert panel's picks are listed per institution item with
 * the per-lesson price schools' courses are charged at; only active, white-listed institutions of the district.
 */
import type { Provider, ProviderInput, ProviderPatch } from '@shuangjian/contracts';
import { and, asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { found, invalid } from '../../platform/errors';
import { getInstitution } from '../org';
import { providerOut } from './plan.repo';
import { afterSchoolCourses, afterSchoolProviders } from './schema';

export async function listProviders(ctx: Ctx, query: { status?: 'listed' | 'delisted' } = {}): Promise<Provider[]> {
  requirePermission(ctx, 'after-school.read');
  const used = ctx.db
    .select({ providerId: afterSchoolCourses.providerId, n: count().as('n') })
    .from(afterSchoolCourses)
    .where(eq(afterSchoolCourses.districtId, ctx.user.districtId))
    .groupBy(afterSchoolCourses.providerId)
    .as('used');
  const rows = await ctx.db
    .select({ p: afterSchoolProviders, n: used.n })
    .from(afterSchoolProviders)
    .leftJoin(used, eq(used.providerId, afterSchoolProviders.id))
    .where(and(scoped(ctx, afterSchoolProviders, 'after-school.read'), query.status ? eq(afterSchoolProviders.status, query.status) : undefined))
    .orderBy(asc(afterSchoolProviders.status), asc(afterSchoolProviders.institutionName), asc(afterSchoolProviders.item));
  return rows.map((r) => providerOut(r.p, Number(r.n ?? 0)));
}

async function providerById(ctx: Ctx, id: string): Promise<Provider> {
  const list = await listProviders(ctx);
  return found(list.filter((p) => p.id === id), '白名单项目');
}

export async function createProvider(ctx: Ctx, input: z.output<typeof ProviderInput>): Promise<Provider> {
  requirePermission(ctx, 'after-school.review');
  const institution = await getInstitution(ctx, input.institutionId);
  if (institution.status !== 'active') throw invalid('institutionId', '机构', '该机构不在正常办学状态，不能列入白名单');
  if (institution.listStatus !== 'white') throw invalid('institutionId', '机构', '只有列入培训机构白名单的机构才能提供课后服务');
  if (input.listedUntil && input.listedUntil < input.listedFrom) throw invalid('listedUntil', '有效期至', '不能早于列入日期');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(afterSchoolProviders)
      .values({ districtId: ctx.user.districtId, ...input, institutionName: institution.name, createdBy: ctx.user.id })
      .returning();
    await audit(tx, ctx.actor, { action: 'after-school.provider.list', entity: 'after_school_provider', entityId: row!.id, after: { ...input, institution: institution.name } });
    return row!.id;
  });
  return providerById(ctx, id);
}

/** Price, period, note, and listing or delisting (courses already filed keep their price and history). */
export async function updateProvider(ctx: Ctx, id: string, patch: z.output<typeof ProviderPatch>): Promise<Provider> {
  requirePermission(ctx, 'after-school.review');
  await ctx.db.transaction(async (tx) => {
    const row = found(
      await tx.select().from(afterSchoolProviders).where(and(scoped(ctx, afterSchoolProviders, 'after-school.review'), eq(afterSchoolProviders.id, id))).for('update'),
      '白名单项目',
    );
    const listedUntil = patch.listedUntil !== undefined ? patch.listedUntil : row.listedUntil;
    if (listedUntil && listedUntil < row.listedFrom) throw invalid('listedUntil', '有效期至', '不能早于列入日期');
    const values = {
      pricePerLessonFen: patch.pricePerLessonFen ?? row.pricePerLessonFen,
      listedUntil,
      panelNote: patch.panelNote !== undefined ? patch.panelNote || null : row.panelNote,
      status: patch.status ?? row.status,
    };
    await tx.update(afterSchoolProviders).set({ ...values, updatedAt: ctx.now() }).where(and(eq(afterSchoolProviders.districtId, row.districtId), eq(afterSchoolProviders.id, row.id)));
    const action = values.status !== row.status ? (values.status === 'listed' ? 'after-school.provider.list' : 'after-school.provider.delist') : 'after-school.provider.edit';
    await audit(tx, ctx.actor, {
      action,
      entity: 'after_school_provider',
      entityId: row.id,
      before: { pricePerLessonFen: row.pricePerLessonFen, listedUntil: row.listedUntil, panelNote: row.panelNote, status: row.status },
      after: values,
    });
  });
  return providerById(ctx, id);
}
