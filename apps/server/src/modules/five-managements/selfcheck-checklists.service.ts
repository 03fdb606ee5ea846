/**
 * The district's self-check checklist per semester (负面清单, seed 004): drafted (from the default list unless items
 * are given), edited while a draft, then published to every school, which opens the schools' self-checks and sets the
 * denominator of each school's answered-items figure.
 */
import { type SelfcheckChecklist, SelfcheckChecklistInput, SelfcheckChecklistUpdate, FIVE_INDICATORS, type SelfcheckSemesterQuery } from '@shuangjian/contracts';
import { DEFAULT_SELFCHECK_ITEMS } from '@shuangjian/policy';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { conflict, notFound } from '../../platform/errors';
import { semesterPeriod, setIndicators } from '../../platform/indicators';
import { notify } from '../../platform/notify';
import { semesterById, semestersOf } from '../calendar';
import { roleHolders, schoolDirectory } from '../org';
import { semesterOf } from './selfcheck.repo';
import { fiveSelfcheckAnswers, fiveSelfcheckChecklists, fiveSelfcheckItems, fiveSelfchecks } from './selfcheck.schema';

type ChecklistRow = typeof fiveSelfcheckChecklists.$inferSelect;

/** Checklists with their items and semester names. */
export async function withItems(q: Queryable, districtId: string, rows: ChecklistRow[]): Promise<SelfcheckChecklist[]> {
  if (!rows.length) return [];
  const [items, semesters] = await atOnce(q,
    () => q
      .select()
      .from(fiveSelfcheckItems)
      .where(and(eq(fiveSelfcheckItems.districtId, districtId), inArray(fiveSelfcheckItems.checklistId, rows.map((r) => r.id))))
      .orderBy(asc(fiveSelfcheckItems.no)),
    () => semestersOf(q, districtId),
  );
  return rows.map((r) => ({
    id: r.id,
    semesterId: r.semesterId,
    semesterName: semesters.find((s) => s.id === r.semesterId)?.name ?? '',
    title: r.title,
    status: r.status,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    items: items.filter((i) => i.checklistId === r.id).map((i) => ({ id: i.id, no: i.no, management: i.management, text: i.text, evidence: i.evidence, basis: i.basis })),
  }));
}

/** The checklist of a semester, published or (for the district) a draft; null when there is none. */
export async function checklistOfSemester(ctx: Ctx, q: Queryable, semesterId: string, publishedOnly: boolean): Promise<SelfcheckChecklist | null> {
  const [row] = await q
    .select()
    .from(fiveSelfcheckChecklists)
    .where(and(scoped(ctx, fiveSelfcheckChecklists, 'five-managements.read'), eq(fiveSelfcheckChecklists.semesterId, semesterId), publishedOnly ? eq(fiveSelfcheckChecklists.status, 'published') : undefined));
  return row ? ((await withItems(q, ctx.user.districtId, [row]))[0] ?? null) : null;
}

/** Everyone who reads 五项管理 sees published checklists; the district sees its drafts too. */
export async function listChecklists(ctx: Ctx): Promise<SelfcheckChecklist[]> {
  requirePermission(ctx, 'five-managements.read');
  const drafts = ctx.grants.some((g) => g.role === 'district_admin');
  const rows = await ctx.db
    .select()
    .from(fiveSelfcheckChecklists)
    .where(and(scoped(ctx, fiveSelfcheckChecklists, 'five-managements.read'), drafts ? undefined : eq(fiveSelfcheckChecklists.status, 'published')))
    .orderBy(asc(fiveSelfcheckChecklists.createdAt));
  return withItems(ctx.db, ctx.user.districtId, rows);
}

export async function getChecklist(ctx: Ctx, query: z.output<typeof SelfcheckSemesterQuery>): Promise<SelfcheckChecklist | null> {
  requirePermission(ctx, 'five-managements.read');
  const semester = await semesterOf(ctx.db, ctx.user.districtId, query.semesterId, today(ctx));
  return checklistOfSemester(ctx, ctx.db, semester.id, !ctx.grants.some((g) => g.role === 'district_admin'));
}

async function draftOr404(ctx: Ctx, q: Queryable, id: string): Promise<ChecklistRow> {
  const [row] = await q.select().from(fiveSelfcheckChecklists).where(and(scoped(ctx, fiveSelfcheckChecklists, 'five-managements.lists'), eq(fiveSelfcheckChecklists.id, id)));
  if (!row) throw notFound('自查清单');
  if (row.status !== 'draft') throw conflict('自查清单已发布，不能再修改（各校正在按它自查）');
  return row;
}

const itemRows = (districtId: string, checklistId: string, items: z.output<typeof SelfcheckChecklistUpdate>['items']) =>
  items.map((i, n) => ({ districtId, checklistId, no: n + 1, management: i.management, text: i.text, evidence: i.evidence, basis: i.basis }));

export async function createChecklist(ctx: Ctx, input: z.output<typeof SelfcheckChecklistInput>): Promise<SelfcheckChecklist> {
  requirePermission(ctx, 'five-managements.lists');
  const semester = await semesterById(ctx.db, ctx.user.districtId, input.semesterId);
  const items = input.items ?? DEFAULT_SELFCHECK_ITEMS.map((i) => ({ ...i }));
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(fiveSelfcheckChecklists).values({ districtId: ctx.user.districtId, semesterId: semester.id, title: input.title, createdBy: ctx.user.id }).returning();
    await tx.insert(fiveSelfcheckItems).values(itemRows(ctx.user.districtId, row!.id, items));
    await audit(tx, ctx.actor, { action: 'five-managements.selfcheck.checklist.create', entity: 'five_selfcheck_checklist', entityId: row!.id, after: { semester: semester.name, title: input.title, items: items.length, fromDefault: !input.items } });
    return row!.id;
  });
  return (await getById(ctx, id))!;
}

export async function updateChecklist(ctx: Ctx, id: string, input: z.output<typeof SelfcheckChecklistUpdate>): Promise<SelfcheckChecklist> {
  requirePermission(ctx, 'five-managements.lists');
  await ctx.db.transaction(async (tx) => {
    const row = await draftOr404(ctx, tx, id);
    await tx.delete(fiveSelfcheckItems).where(and(eq(fiveSelfcheckItems.districtId, row.districtId), eq(fiveSelfcheckItems.checklistId, id)));
    await tx.insert(fiveSelfcheckItems).values(itemRows(row.districtId, id, input.items));
    await tx.update(fiveSelfcheckChecklists).set({ title: input.title, updatedAt: ctx.now() }).where(and(eq(fiveSelfcheckChecklists.districtId, row.districtId), eq(fiveSelfcheckChecklists.id, id)));
    await audit(tx, ctx.actor, { action: 'five-managements.selfcheck.checklist.update', entity: 'five_selfcheck_checklist', entityId: id, before: { title: row.title }, after: input });
  });
  return (await getById(ctx, id))!;
}

async function getById(ctx: Ctx, id: string) {
  const rows = await ctx.db.select().from(fiveSelfcheckChecklists).where(and(scoped(ctx, fiveSelfcheckChecklists, 'five-managements.read'), eq(fiveSelfcheckChecklists.id, id)));
  if (!rows.length) throw notFound('自查清单');
  return (await withItems(ctx.db, ctx.user.districtId, rows))[0];
}

/**
 * Publishes a draft: every school of the district is told, and each school's answered-items figure for the semester
 * becomes answered / items (answers already given count; none can exist before publishing).
 */
export async function publishChecklist(ctx: Ctx, id: string): Promise<SelfcheckChecklist> {
  requirePermission(ctx, 'five-managements.lists');
  await ctx.db.transaction(async (tx) => {
    const row = await draftOr404(ctx, tx, id);
    await tx.update(fiveSelfcheckChecklists).set({ status: 'published', publishedAt: ctx.now(), publishedBy: ctx.user.id, updatedAt: ctx.now() }).where(and(eq(fiveSelfcheckChecklists.districtId, row.districtId), eq(fiveSelfcheckChecklists.id, id)));
    const figures = await answeredFigures(tx, row.districtId, row.id, row.semesterId);
    await setIndicators(tx, figures);
    const semester = await semesterById(tx, row.districtId, row.semesterId);
    await audit(tx, ctx.actor, { action: 'five-managements.selfcheck.checklist.publish', entity: 'five_selfcheck_checklist', entityId: id, after: { semester: semester.name, title: row.title, schools: figures.length, items: figures[0]?.den ?? 0 } });
    const admins = await roleHolders(tx, row.districtId, 'school_admin', {});
    await notify(tx, row.districtId, admins, { kind: 'five-managements.selfcheck.published', title: `请开展${semester.name}“五项管理”自查：${row.title}`, body: '逐项填写符合/不符合并上传佐证材料，完成后提交', link: '/five/selfcheck/school' });
  });
  return (await getById(ctx, id))!;
}

/** Answered items / items of a checklist for every school of the district (a set-based refresh; the demo calls it too). */
export async function answeredFigures(q: Queryable, districtId: string, checklistId: string, semesterId: string) {
  const [schools, items, answers] = await atOnce(q,
    () => q.select({ id: schoolDirectory.id }).from(schoolDirectory).where(eq(schoolDirectory.districtId, districtId)),
    () => q.select({ id: fiveSelfcheckItems.id }).from(fiveSelfcheckItems).where(and(eq(fiveSelfcheckItems.districtId, districtId), eq(fiveSelfcheckItems.checklistId, checklistId))),
    () => q
      .select({ schoolId: fiveSelfchecks.schoolId, id: fiveSelfcheckAnswers.id })
      .from(fiveSelfcheckAnswers)
      .innerJoin(fiveSelfchecks, and(eq(fiveSelfchecks.districtId, fiveSelfcheckAnswers.districtId), eq(fiveSelfchecks.id, fiveSelfcheckAnswers.selfcheckId)))
      .where(and(eq(fiveSelfchecks.districtId, districtId), eq(fiveSelfchecks.checklistId, checklistId))),
  );
  const period = semesterPeriod(semesterId);
  return schools.map((s) => ({
    districtId,
    indicator: FIVE_INDICATORS.selfcheckAnswered,
    period,
    schoolId: s.id,
    classId: null,
    num: answers.filter((a) => a.schoolId === s.id).length,
    den: items.length,
  }));
}
