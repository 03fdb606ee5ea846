/**
 * Rectifications (整改): the institution pages through its findings and responds with evidence; an inspector changes a
 * deadline and verifies a response (closed, or sent back with the reason); the district pages through everything,
 * overdue first. Photos of findings and evidence are stored here too.
 */
import { createHash } from 'node:crypto';
import { FindingDeadlineInput, INSPECTION_PHOTO_MAX_BYTES, INSPECTION_PHOTO_TYPES, RectificationResponseInput, RectificationVerifyInput } from '@shuangjian/contracts';
import type { Finding, FindingPage, FindingQuery, InspectionOverview } from '@shuangjian/contracts';
import type { LocalDate } from '@shuangjian/policy';
import { and, asc, desc, eq, ilike, inArray, not, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { AppError, conflict, invalid, notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { pageTotal } from '../../platform/paging';
import { roleHolders } from '../org';
import { checkPhotos } from './inspections-plans.service';
import { defaultDeadline, findingOr404, overdueSql, reachableInstitution, withEvents } from './inspections.repo';
import { trainingAnnualReviews, trainingFindingEvents, trainingFindings, trainingInspectionPhotos, trainingInspectionPlans, trainingInspectionVisits } from './inspections.schema';

const MIME: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', heic: 'image/heic' };

export async function uploadPhoto(ctx: Ctx, file: { filename: string; data: Buffer }) {
  if (!ctx.grants.some((g) => g.role === 'institution_admin' || g.role === 'inspector' || g.role === 'district_admin')) throw new AppError(403, 'FORBIDDEN', '无权上传检查照片');
  const ext = file.filename.split('.').pop()?.toLowerCase() ?? '';
  const mime = (INSPECTION_PHOTO_TYPES as readonly string[]).includes(ext) ? MIME[ext] : undefined;
  if (!mime) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `照片（file）：不支持的文件类型 .${ext}，可上传 ${INSPECTION_PHOTO_TYPES.join('、')}`);
  if (file.data.length === 0) throw new AppError(400, 'VALIDATION', '照片（file）：文件是空的');
  if (file.data.length > INSPECTION_PHOTO_MAX_BYTES) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '照片（file）：不能超过 10 MB');
  const name = file.filename.replace(/[\\/:*?"<>|\r\n]/g, '_').slice(0, 120);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingInspectionPhotos)
      .values({ districtId: ctx.user.districtId, uploadedBy: ctx.user.id, fileName: name, mime, size: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex'), data: file.data })
      .returning({ id: trainingInspectionPhotos.id, name: trainingInspectionPhotos.fileName, size: trainingInspectionPhotos.size, mime: trainingInspectionPhotos.mime });
    await audit(tx, ctx.actor, { action: 'training.inspection.photo', entity: 'training_inspection_photo', entityId: row!.id, after: { name, size: file.data.length, mime } });
    return row!;
  });
}

/** The uploader, or whoever may read a finding that shows the photo (on the finding or in its history). */
export async function readPhoto(ctx: Ctx, id: string) {
  const [file] = await ctx.db.select().from(trainingInspectionPhotos).where(and(eq(trainingInspectionPhotos.districtId, ctx.user.districtId), eq(trainingInspectionPhotos.id, id)));
  if (!file) throw notFound('照片');
  if (file.uploadedBy === ctx.user.id) return file;
  const [hit] = await ctx.db
    .select({ id: trainingFindings.id })
    .from(trainingFindings)
    .where(
      and(
        scoped(ctx, trainingFindings, 'training.read'),
        or(
          sql`${trainingFindings.photoIds} @> array[${id}]::uuid[]`,
          sql`exists (select 1 from ${trainingFindingEvents} e where e.district_id = ${trainingFindings.districtId} and e.finding_id = ${trainingFindings.id} and e.photo_ids @> array[${id}]::uuid[])`,
        ),
      ),
    )
    .limit(1);
  if (!hit) throw notFound('照片');
  return file;
}

/** The findings the reader may see that match the filters, every filter in SQL (overdue by `overdueSql`, the rule `isOverdue` marks rows with). */
function matching(ctx: Ctx, f: FindingQuery, day: LocalDate): SQL | undefined {
  const t = trainingFindings;
  const words = f.q ? `%${f.q.replace(/[\\%_]/g, '\\$&')}%` : undefined;
  return and(
    scoped(ctx, t, 'training.read'),
    f.status ? inArray(t.status, f.status) : undefined,
    f.overdue === undefined ? undefined : f.overdue ? overdueSql(day) : not(overdueSql(day)),
    f.institutionId ? eq(t.institutionId, f.institutionId) : undefined,
    words ? or(ilike(t.institutionName, words), ilike(t.description, words)) : undefined,
  );
}

/**
 * The most urgent first: overdue, then waiting for the institution, then waiting for the inspector (each by deadline,
 * then the date found), closed ones last with the newest found first; the id settles ties, so pages never overlap.
 */
function mostUrgentFirst(day: LocalDate): SQL[] {
  const t = trainingFindings;
  return [
    asc(sql`case when ${overdueSql(day)} then 0 when ${t.status} = 'open' then 1 when ${t.status} = 'responded' then 2 else 3 end`),
    asc(sql`case when ${t.status} <> 'closed' then ${t.deadline} end`),
    asc(sql`case when ${t.status} <> 'closed' then ${t.visitDate} end`),
    desc(t.visitDate),
    asc(t.id),
  ];
}

/**
 * A page of the findings the person may read (the district all, an inspector their zone's, an institution its own)
 * with the number of all that match: one statement (a second only past the last page). An institution out of reach
 * is refused as not found, as an unknown one.
 */
export async function listFindings(ctx: Ctx, query: FindingQuery): Promise<FindingPage> {
  requirePermission(ctx, 'training.read');
  if (query.institutionId) await reachableInstitution(ctx, ctx.db, query.institutionId, 'training.read');
  const day = today(ctx);
  const where = matching(ctx, query, day);
  const found = await ctx.db
    .select({ row: trainingFindings, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(trainingFindings)
    .where(where)
    .orderBy(...mostUrgentFirst(day))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = await pageTotal(found, query.page, async () => (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(trainingFindings).where(where))[0]?.n ?? 0);
  return { items: await withEvents(ctx.db, found.map((f) => f.row), day), total };
}

export async function getFinding(ctx: Ctx, id: string): Promise<Finding> {
  requirePermission(ctx, 'training.read');
  return (await withEvents(ctx.db, [await findingOr404(ctx.db, scoped(ctx, trainingFindings, 'training.read'), id)], today(ctx)))[0]!;
}

export async function setDeadline(ctx: Ctx, id: string, input: z.output<typeof FindingDeadlineInput>): Promise<Finding> {
  requirePermission(ctx, 'training.inspect');
  await ctx.db.transaction(async (tx) => {
    const f = await findingOr404(tx, scoped(ctx, trainingFindings, 'training.inspect'), id);
    if (input.deadline <= today(ctx)) throw invalid('deadline', '整改期限（deadline）', '应晚于今天');
    if (f.status === 'closed') throw conflict('该问题已销号，不能再改期限');
    await tx.update(trainingFindings).set({ deadline: input.deadline, overdueAt: null, citation: { ...f.citation, chosen: true }, updatedAt: ctx.now() }).where(and(eq(trainingFindings.districtId, f.districtId), eq(trainingFindings.id, id)));
    await tx.insert(trainingFindingEvents).values({ districtId: f.districtId, findingId: id, institutionId: f.institutionId, zoneId: f.zoneId, kind: 'deadline', note: input.reason || null, deadline: input.deadline, byUserId: ctx.user.id, byName: ctx.user.name });
    await audit(tx, ctx.actor, { action: 'training.rectification.deadline', entity: 'training_finding', entityId: id, before: { deadline: f.deadline }, after: input });
  });
  return getFinding(ctx, id);
}

/** The institution answers a finding with what it did and photos of it; the inspector then verifies. */
export async function respond(ctx: Ctx, id: string, input: z.output<typeof RectificationResponseInput>): Promise<Finding> {
  requirePermission(ctx, 'training.file');
  await checkPhotos(ctx, ctx.db, input.photoIds, 'photoIds');
  await ctx.db.transaction(async (tx) => {
    const f = await findingOr404(tx, scoped(ctx, trainingFindings, 'training.file'), id);
    if (f.status !== 'open') throw conflict(f.status === 'closed' ? '该问题已销号' : '已提交整改情况，正等待督学复核');
    await tx.update(trainingFindings).set({ status: 'responded', updatedAt: ctx.now() }).where(and(eq(trainingFindings.districtId, f.districtId), eq(trainingFindings.id, id)));
    await tx.insert(trainingFindingEvents).values({ districtId: f.districtId, findingId: id, institutionId: f.institutionId, zoneId: f.zoneId, kind: 'responded', note: input.text, photoIds: input.photoIds, byUserId: ctx.user.id, byName: ctx.user.name });
    await audit(tx, ctx.actor, { action: 'training.rectification.respond', entity: 'training_finding', entityId: id, after: { text: input.text, photos: input.photoIds.length, late: today(ctx) > f.deadline } });
    const [visit] = await tx.select({ inspectorId: trainingInspectionVisits.inspectorId }).from(trainingInspectionVisits).where(and(eq(trainingInspectionVisits.districtId, f.districtId), eq(trainingInspectionVisits.id, f.visitId)));
    if (visit) await notify(tx, f.districtId, [visit.inspectorId], { kind: 'training.rectification.responded', title: `${f.institutionName}提交了整改情况，请复核`, body: input.text.slice(0, 100), link: '/training/inspections/verify' });
  });
  return getFinding(ctx, id);
}

export async function verify(ctx: Ctx, id: string, input: z.output<typeof RectificationVerifyInput>): Promise<Finding> {
  requirePermission(ctx, 'training.inspect');
  const day = today(ctx);
  await ctx.db.transaction(async (tx) => {
    const f = await findingOr404(tx, scoped(ctx, trainingFindings, 'training.inspect'), id);
    if (input.decision === 'send_back' && !input.reason) throw invalid('reason', '退回原因（reason）', '退回整改须说明原因');
    if (input.deadline !== undefined && input.deadline <= day) throw invalid('deadline', '整改期限（deadline）', '应晚于今天');
    if (f.status !== 'responded') throw conflict(f.status === 'closed' ? '该问题已销号' : '机构尚未提交整改情况');
    const where = and(eq(trainingFindings.districtId, f.districtId), eq(trainingFindings.id, id));
    const base = { districtId: f.districtId, findingId: id, institutionId: f.institutionId, zoneId: f.zoneId, byUserId: ctx.user.id, byName: ctx.user.name };
    if (input.decision === 'close') {
      await tx.update(trainingFindings).set({ status: 'closed', updatedAt: ctx.now() }).where(where);
      await tx.insert(trainingFindingEvents).values({ ...base, kind: 'closed', note: input.reason || null });
    } else {
      const deadline = input.deadline ?? (f.deadline > day ? f.deadline : (await defaultDeadline(tx, f.districtId, day)).deadline);
      await tx.update(trainingFindings).set({ status: 'open', deadline, overdueAt: deadline > day ? null : f.overdueAt, updatedAt: ctx.now() }).where(where);
      await tx.insert(trainingFindingEvents).values({ ...base, kind: 'sent_back', note: input.reason!, deadline });
    }
    await audit(tx, ctx.actor, { action: `training.rectification.${input.decision}`, entity: 'training_finding', entityId: id, after: input });
    const admins = await roleHolders(tx, f.districtId, 'institution_admin', { institutionId: f.institutionId });
    await notify(tx, f.districtId, admins, {
      kind: `training.rectification.${input.decision}`,
      title: input.decision === 'close' ? '整改已通过复核，问题销号' : '整改未通过复核，请继续整改',
      body: input.reason ?? f.description.slice(0, 100),
      link: '/training/rectifications',
    });
  });
  return getFinding(ctx, id);
}

/** The district's (or a zone's) inspection figures: plans by status, findings by status and category, overdue, 年检. */
export async function overview(ctx: Ctx, year: number): Promise<InspectionOverview> {
  requirePermission(ctx, 'training.inspect');
  const count = sql<number>`count(*)::int`;
  const [plans, [visits], findings, cats, [overdue], annual] = await atOnce(ctx.db,
    () => ctx.db.select({ k: trainingInspectionPlans.status, n: count }).from(trainingInspectionPlans).where(scoped(ctx, trainingInspectionPlans, 'training.inspect')).groupBy(trainingInspectionPlans.status),
    () => ctx.db.select({ n: count }).from(trainingInspectionVisits).where(scoped(ctx, trainingInspectionVisits, 'training.inspect')),
    () => ctx.db.select({ k: trainingFindings.status, n: count }).from(trainingFindings).where(scoped(ctx, trainingFindings, 'training.inspect')).groupBy(trainingFindings.status),
    () => ctx.db.select({ k: trainingFindings.category, n: count }).from(trainingFindings).where(scoped(ctx, trainingFindings, 'training.inspect')).groupBy(trainingFindings.category),
    () => ctx.db.select({ n: count }).from(trainingFindings).where(and(scoped(ctx, trainingFindings, 'training.inspect'), overdueSql(today(ctx)))),
    () => ctx.db.select({ k: trainingAnnualReviews.result, n: count }).from(trainingAnnualReviews).where(and(scoped(ctx, trainingAnnualReviews, 'training.inspect'), eq(trainingAnnualReviews.year, year))).groupBy(trainingAnnualReviews.result),
  );
  const rec = (rows: { k: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.k, r.n]));
  return { plans: rec(plans), visits: visits?.n ?? 0, findings: rec(findings), byCategory: rec(cats), overdue: overdue?.n ?? 0, annual: rec(annual), year };
}
