/**
 * Handling complaint tickets (training.complaints: the district's administrators, and inspectors for the tickets
 * assigned to their zone): a paged list with filters (all in SQL), assign to a zone (the district), take into investigation, answer (the
 * complainant is told), close. Each step is one transaction with its timeline step and audit entry.
 */
import {
  type Complaint,
  type ComplaintAssign,
  COMPLAINT_EXPORT_MAX_ROWS,
  type ComplaintFilter,
  type ComplaintPage,
  type ComplaintQuery,
  type ComplaintStatus,
  complaintStatusLabels,
} from '@shuangjian/contracts';
import { and, count, desc, eq, inArray, not, type SQL, sql } from 'drizzle-orm';
import { type Ctx, districtWide, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce, type Queryable } from '../../platform/db';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { pageTotal } from '../../platform/paging';
import { institutionDirectory, schoolDirectory } from '../org';
import { addEvent, type ComplaintRow, complaintViews, overdueSql } from './complaints.repo';
import { trainingComplaints } from './complaints.schema';

const PERMISSION = 'training.complaints' as const;

/** Zone names of the district (the zones that hold schools: the organisation's read model). */
export async function zoneNames(q: Queryable, districtId: string): Promise<Map<string, string>> {
  const rows = await q.selectDistinct({ id: schoolDirectory.zoneId, name: schoolDirectory.zoneName }).from(schoolDirectory).where(eq(schoolDirectory.districtId, districtId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The known institutions' zones (the suggested zone of each ticket), in one read of the organisation's directory. */
async function institutionZones(q: Queryable, districtId: string, rows: readonly ComplaintRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.institutionId).filter((x): x is string => !!x))];
  if (!ids.length) return new Map();
  const found = await q
    .select({ id: institutionDirectory.id, zoneId: institutionDirectory.zoneId })
    .from(institutionDirectory)
    .where(and(eq(institutionDirectory.districtId, districtId), inArray(institutionDirectory.id, ids)));
  return new Map(found.map((x) => [x.id, x.zoneId]));
}

async function views(ctx: Ctx, rows: readonly ComplaintRow[], q: Queryable = ctx.db, withTimelines = true): Promise<Complaint[]> {
  const [zones, instZones] = await atOnce(q, () => zoneNames(q, ctx.user.districtId), () => institutionZones(q, ctx.user.districtId, rows));
  return complaintViews(q, rows, { today: today(ctx), viewerId: ctx.user.id, staffNames: true, zoneNames: zones, institutionZones: instZones, withTimelines });
}

/** The tickets the reader may handle that match the filters, every filter in SQL (overdue by `overdueSql`, the rule `isOverdue` marks rows with). */
function matching(ctx: Ctx, f: ComplaintFilter): SQL | undefined {
  const t = trainingComplaints;
  const overdue = f.overdue === undefined ? undefined : f.overdue ? overdueSql(today(ctx)) : not(overdueSql(today(ctx)));
  return and(
    scoped(ctx, t, PERMISSION),
    f.status ? eq(t.status, f.status) : undefined,
    f.category ? eq(t.category, f.category) : undefined,
    f.institutionId ? eq(t.institutionId, f.institutionId) : undefined,
    f.zoneId ? eq(t.zoneId, f.zoneId) : undefined,
    f.code ? eq(t.code, f.code) : undefined,
    overdue,
  );
}

/** Newest filed first; the id settles ties (a demo or an import files many at one instant), so pages never overlap. */
const newestFirst = [desc(trainingComplaints.createdAt), desc(trainingComplaints.id)];

/** A page of the list with the number of all matching tickets (one statement; a second only past the last page). */
export async function listComplaints(ctx: Ctx, query: ComplaintQuery): Promise<ComplaintPage> {
  requirePermission(ctx, PERMISSION);
  const where = matching(ctx, query);
  const found = await ctx.db
    .select({ row: trainingComplaints, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(trainingComplaints)
    .where(where)
    .orderBy(...newestFirst)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = await pageTotal(found, query.page, async () => (await ctx.db.select({ n: count() }).from(trainingComplaints).where(where))[0]?.n ?? 0);
  return { items: await views(ctx, found.map((f) => f.row)), total };
}

/** Every ticket matching the filters for the workbook (no timelines), refused past COMPLAINT_EXPORT_MAX_ROWS. */
export async function exportComplaints(ctx: Ctx, filter: ComplaintFilter): Promise<Complaint[]> {
  requirePermission(ctx, PERMISSION);
  const rows = await ctx.db.select().from(trainingComplaints).where(matching(ctx, filter)).orderBy(...newestFirst).limit(COMPLAINT_EXPORT_MAX_ROWS + 1);
  if (rows.length > COMPLAINT_EXPORT_MAX_ROWS)
    throw invalid('status', '筛选条件', `符合条件的举报单超过 ${COMPLAINT_EXPORT_MAX_ROWS} 条，一次最多导出 ${COMPLAINT_EXPORT_MAX_ROWS} 条，请再按状态、类别、机构或学区筛选`);
  return views(ctx, rows, ctx.db, false);
}

export async function getComplaint(ctx: Ctx, id: string): Promise<Complaint> {
  requirePermission(ctx, PERMISSION);
  const rows = await ctx.db.select().from(trainingComplaints).where(and(scoped(ctx, trainingComplaints, PERMISSION), eq(trainingComplaints.id, id)));
  if (!rows.length) throw notFound('举报单');
  return (await views(ctx, rows))[0]!;
}

/** Loads the ticket for a change (locked), refusing a step its status does not allow. */
async function forChange(ctx: Ctx, tx: Queryable, id: string, from: readonly ComplaintStatus[], step: string): Promise<ComplaintRow> {
  const [row] = await tx
    .select()
    .from(trainingComplaints)
    .where(and(scoped(ctx, trainingComplaints, PERMISSION), eq(trainingComplaints.id, id)))
    .for('update');
  if (!row) throw notFound('举报单');
  if (!from.includes(row.status))
    throw conflict(`举报单${complaintStatusLabels[row.status]['zh-CN']}，不能${step}`, { status: row.status, allowed: from });
  return row;
}

async function move(ctx: Ctx, id: string, from: readonly ComplaintStatus[], to: ComplaintStatus, step: string, change: Partial<ComplaintRow>, note: string | null) {
  requirePermission(ctx, PERMISSION);
  const at = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const before = await forChange(ctx, tx, id, from, step);
    const [after] = await tx
      .update(trainingComplaints)
      .set({ ...change, status: to, updatedAt: at })
      .where(and(eq(trainingComplaints.districtId, before.districtId), eq(trainingComplaints.id, id)))
      .returning();
    await addEvent(tx, after!, to, ctx.actor, note, at);
    await audit(tx, ctx.actor, {
      action: `training.complaint.${to}`,
      entity: 'training_complaint',
      entityId: id,
      before: { status: before.status, zoneId: before.zoneId, handlerId: before.handlerId },
      after: { status: to, zoneId: after!.zoneId, handlerId: after!.handlerId, note, answer: after!.answer, phone: after!.replyPhone },
    });
    if (to === 'answered') await tellComplainant(ctx, tx, after!);
    return after!;
  });
  return getComplaint(ctx, row.id);
}

/** The filing parent gets the answer in the app; a number to reply to gets it by SMS (when the channel is on). */
async function tellComplainant(ctx: Ctx, tx: Queryable, row: ComplaintRow) {
  const to = [{ userId: row.filedBy, phone: row.replyPhone }].filter((r) => r.userId || r.phone);
  if (!to.length) return;
  const body = `您的举报（查询码 ${row.code}）已答复：${row.answer}`;
  await notify(
    tx,
    row.districtId,
    to,
    { kind: 'training.complaint.answered', title: `举报已答复：${row.institutionName}`, body, link: '/training/family/complaints', message: { text: body, params: { code: row.code } } },
    ctx.channels,
  );
}

/** The district assigns (or reassigns) a ticket to a zone; inspectors of that zone then handle it. */
export async function assignComplaint(ctx: Ctx, id: string, input: ComplaintAssign) {
  requirePermission(ctx, PERMISSION);
  await getComplaint(ctx, id); // an unknown or foreign ticket: 404 before anything else
  if (!districtWide(ctx, PERMISSION)) throw forbidden('只有区县可以分派举报单');
  if (!(await zoneNames(ctx.db, ctx.user.districtId)).has(input.zoneId)) throw invalid('zoneId', '学区/街道', '不是本区的学区/街道');
  return move(ctx, id, ['received', 'assigned'], 'assigned', '分派', { zoneId: input.zoneId }, input.note ?? null);
}

export async function investigateComplaint(ctx: Ctx, id: string, note: string | null) {
  return move(ctx, id, ['assigned'], 'investigating', '开始调查', { handlerId: ctx.user.id }, note);
}

export async function answerComplaint(ctx: Ctx, id: string, answer: string) {
  const at = ctx.now();
  return move(
    ctx,
    id,
    ['investigating'],
    'answered',
    '答复',
    { answer, answeredOn: today(ctx), answeredAt: at, answeredBy: ctx.user.id },
    null,
  );
}

export async function closeComplaint(ctx: Ctx, id: string, note: string | null) {
  return move(ctx, id, ['answered'], 'closed', '办结', { closedAt: ctx.now() }, note);
}
