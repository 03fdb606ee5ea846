/**
 * Filing a complaint (举报): on the public form without an account (rate-limited per address by the route), or as a
 * signed-in parent; and following it: the public by the ticket code, the parent in the list of their own tickets.
 * A ticket starts 'received' with its deadline ('training.handling'.complaintAnswerDays working days; complaints.repo).
 */
import type { Complaint, ComplaintFiled, ParentComplaintInput, PublicComplaintInput, PublicTicket } from '@shuangjian/contracts';
import { todayIn } from '@shuangjian/policy';
import { and, desc, eq } from 'drizzle-orm';
import { type Actor, type Ctx, requirePermission } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Db, Queryable } from '../../platform/db';
import { invalid, notFound } from '../../platform/errors';
import { districts } from '../../platform/schema';
import { notify } from '../../platform/notify';
import { institutionStanding, roleHolders } from '../org';
import { addEvent, complaintViews, deadlineFor, newTicketCode, publicTicket, timelines } from './complaints.repo';
import { trainingComplaints } from './complaints.schema';

/** Who files on the public form, for the audit log and the timeline: no account, the request's address. */
export interface PublicRequest {
  ip: string | null;
  requestId: string | null;
  now: Date;
}

type Filing = (PublicComplaintInput | ParentComplaintInput) & { replyPhone?: string | null };

async function districtByCode(db: Queryable, code: string) {
  const [district] = await db.select({ id: districts.id, timeZone: districts.timezone }).from(districts).where(eq(districts.code, code));
  if (!district) throw notFound('区县');
  return district;
}

/** A known institution must be one of the district's (an unknown and a foreign id read the same). */
async function institutionOf(q: Queryable, districtId: string, input: Filing) {
  if (!input.institutionId) return { institutionId: null, institutionName: input.institutionName! };
  const known = await institutionStanding(q, districtId, input.institutionId);
  if (!known) throw invalid('institutionId', '机构', '不在本区登记的机构中，请从列表选择或填写机构名称');
  return { institutionId: known.id, institutionName: known.name };
}

/** One transaction: the ticket, its first timeline step, the audit entry (the phone masked there), the district told. */
async function file(db: Db, districtId: string, receivedOn: string, actor: Actor, at: Date, input: Filing, filedBy: string | null, channel: 'public' | 'parent') {
  const institution = await institutionOf(db, districtId, input);
  const { deadline, answerDays, policyVersion } = await deadlineFor(db, districtId, receivedOn);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingComplaints)
      .values({
        districtId,
        code: newTicketCode(),
        channel,
        category: input.category,
        ...institution,
        description: input.description,
        replyPhone: input.replyPhone ?? null,
        filedBy,
        receivedOn,
        deadline,
        answerDays,
        policyVersion,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await addEvent(tx, row!, 'received', actor, null, at);
    await audit(tx, actor, {
      action: 'training.complaint.file',
      entity: 'training_complaint',
      entityId: row!.id,
      after: { code: row!.code, channel, category: row!.category, institution: row!.institutionName, phone: row!.replyPhone, deadline, policyVersion },
    });
    await notify(tx, districtId, await roleHolders(tx, districtId, 'district_admin', {}), {
      kind: 'training.complaint',
      title: `新举报：${row!.institutionName}`,
      body: `查询码 ${row!.code}，请于 ${deadline} 前答复`,
      link: `/training/complaints?code=${row!.code}`,
    });
    return row!;
  });
}

export async function filePublicComplaint(db: Db, districtCode: string, input: PublicComplaintInput, req: PublicRequest): Promise<ComplaintFiled> {
  const district = await districtByCode(db, districtCode);
  const actor: Actor = { districtId: district.id, userId: null, userName: '公众举报', roles: [], ip: req.ip, requestId: req.requestId };
  const receivedOn = todayIn(district.timeZone, req.now);
  const row = await file(db, district.id, receivedOn, actor, req.now, input, null, 'public');
  return { code: row.code, status: row.status, deadline: row.deadline, receivedOn: row.receivedOn };
}

/** The complainant's view by code (any district): unknown code → 404. */
export async function ticketByCode(db: Queryable, code: string, now: Date): Promise<PublicTicket> {
  const [found] = await db
    .select({ row: trainingComplaints, timeZone: districts.timezone })
    .from(trainingComplaints)
    .innerJoin(districts, eq(districts.id, trainingComplaints.districtId))
    .where(eq(trainingComplaints.code, code));
  if (!found) throw notFound('举报单');
  const events = await timelines(db, found.row.districtId, [found.row.id]);
  return publicTicket(found.row, events.get(found.row.id) ?? [], todayIn(found.timeZone, now));
}

const mine = (ctx: Ctx) => and(eq(trainingComplaints.districtId, ctx.user.districtId), eq(trainingComplaints.filedBy, ctx.user.id));

/** A parent's tickets: only those they filed (the family permission reaches no one else's). */
export async function myComplaints(ctx: Ctx): Promise<Complaint[]> {
  requirePermission(ctx, 'training.family');
  const rows = await ctx.db.select().from(trainingComplaints).where(mine(ctx)).orderBy(desc(trainingComplaints.createdAt));
  return complaintViews(ctx.db, rows, { today: today(ctx), viewerId: ctx.user.id, staffNames: false, zoneNames: new Map(), institutionZones: new Map() });
}

export async function myComplaint(ctx: Ctx, id: string): Promise<Complaint> {
  requirePermission(ctx, 'training.family');
  const rows = await ctx.db.select().from(trainingComplaints).where(and(mine(ctx), eq(trainingComplaints.id, id)));
  if (!rows.length) throw notFound('举报单');
  const [view] = await complaintViews(ctx.db, rows, { today: today(ctx), viewerId: ctx.user.id, staffNames: false, zoneNames: new Map(), institutionZones: new Map() });
  return view!;
}

/** A parent files: the reply phone defaults to the account's. */
export async function fileParentComplaint(ctx: Ctx, input: ParentComplaintInput): Promise<Complaint> {
  requirePermission(ctx, 'training.family');
  const row = await file(ctx.db, ctx.user.districtId, today(ctx), ctx.actor, ctx.now(), { ...input, replyPhone: input.replyPhone ?? ctx.user.phone }, ctx.user.id, 'parent');
  return myComplaint(ctx, row.id);
}
