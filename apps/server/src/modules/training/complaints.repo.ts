/**
 * What the complaints services share: ticket codes, the answer deadline, the overdue mark, and rows → answers.
 *
 * Deadline (decided here, cited on every ticket): 'training.handling'.complaintAnswerDays counts WORKING days, as
 * government complaint handling does (信访 and 12345 hotline rules count 工作日): the day a ticket is received is not
 * counted; Saturdays, Sundays and the district calendar's statutory holidays (法定节假日) are skipped; a weekend the
 * calendar makes a school day (调休上班) counts; school vacations are working days for the bureau. The deadline is the
 * last working day: a ticket is overdue from the day after it while it is still received, assigned or investigating
 * (`isOverdue` in memory, `overdueSql` in the database: one rule written twice side by side, tested to agree).
 */
import { randomBytes } from 'node:crypto';
import {
  COMPLAINT_CODE_ALPHABET,
  COMPLAINT_CODE_LENGTH,
  COMPLAINT_STATUSES,
  type Complaint,
  type ComplaintEvent,
  type ComplaintStatus,
  OPEN_COMPLAINT_STATUSES,
  type PublicTicket,
} from '@shuangjian/contracts';
import { addDays, type LocalDate, maskPhone } from '@shuangjian/policy';
import { and, asc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { atOnce, type Queryable } from '../../platform/db';
import { users } from '../../platform/schema';
import { classifyDays } from '../calendar';
import { trainingComplaintEvents, trainingComplaints } from './complaints.schema';
import { trainingPolicy } from './training.policy';

export type ComplaintRow = typeof trainingComplaints.$inferSelect;
type EventRow = typeof trainingComplaintEvents.$inferSelect;

/** A ticket code: 10 characters of Crockford base32 drawn from crypto (50 bits; a guess hits one in 10^15). */
export function newTicketCode(): string {
  const bytes = randomBytes(COMPLAINT_CODE_LENGTH);
  let out = '';
  for (const b of bytes) out += COMPLAINT_CODE_ALPHABET[b & 31];
  return out;
}

/** Whether a classified day is a working day of the education bureau (see the file's comment). */
function workingDay(day: { date: LocalDate; kind: string }): boolean {
  if (day.kind === 'school_day') return true; // includes a weekend made a school day (调休)
  if (day.kind !== 'vacation') return false; // weekend, statutory holiday
  const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The last day to answer a ticket received on `receivedOn`: `days` working days later. */
export async function answerDeadline(q: Queryable, districtId: string, receivedOn: LocalDate, days: number): Promise<LocalDate> {
  const to = addDays(receivedOn, days * 3 + 30);
  const calendar = await classifyDays(q, districtId, null, addDays(receivedOn, 1), to);
  let left = days;
  for (const day of calendar) if (workingDay(day) && --left === 0) return day.date;
  return to;
}

/** The deadline of a ticket received today, with the days and the policy version it came from. */
export async function deadlineFor(q: Queryable, districtId: string, receivedOn: LocalDate) {
  const { values, versions } = await trainingPolicy(q, districtId, receivedOn);
  const answerDays = values['training.handling'].complaintAnswerDays;
  return { deadline: await answerDeadline(q, districtId, receivedOn, answerDays), answerDays, policyVersion: versions };
}

export const isOpen = (status: ComplaintStatus) => OPEN_COMPLAINT_STATUSES.includes(status);
/** Overdue: still waiting for an answer after its deadline day. `overdueSql` is the same rule: change both or neither. */
export const isOverdue = (row: Pick<ComplaintRow, 'status' | 'deadline'>, today: LocalDate) => isOpen(row.status) && today > row.deadline;
/** `isOverdue` as a condition on training_complaints (both columns are NOT NULL, so its negation is exact). */
export const overdueSql = (today: LocalDate): SQL =>
  and(inArray(trainingComplaints.status, [...OPEN_COMPLAINT_STATUSES]), lt(trainingComplaints.deadline, today))!;

/** Writes one timeline step. */
export async function addEvent(tx: Queryable, row: Pick<ComplaintRow, 'districtId' | 'id'>, status: ComplaintStatus, actor: Actor, note: string | null, at: Date) {
  await tx.insert(trainingComplaintEvents).values({
    districtId: row.districtId,
    complaintId: row.id,
    status,
    note,
    actorId: actor.userId,
    actorName: actor.userId ? actor.userName : null,
    at,
  });
}

export async function timelines(q: Queryable, districtId: string, ids: readonly string[]): Promise<Map<string, EventRow[]>> {
  const out = new Map<string, EventRow[]>();
  if (!ids.length) return out;
  const rows = await q
    .select()
    .from(trainingComplaintEvents)
    .where(and(eq(trainingComplaintEvents.districtId, districtId), inArray(trainingComplaintEvents.complaintId, [...ids])))
    .orderBy(asc(trainingComplaintEvents.at));
  // steps of one instant (a stopped clock, a demo) in the workflow's order: the statuses only move forward
  rows.sort((a, b) => a.at.getTime() - b.at.getTime() || COMPLAINT_STATUSES.indexOf(a.status) - COMPLAINT_STATUSES.indexOf(b.status));
  for (const r of rows) out.set(r.complaintId, [...(out.get(r.complaintId) ?? []), r]);
  return out;
}

const event = (e: EventRow, named: boolean): ComplaintEvent => ({ status: e.status, note: e.note, at: e.at.toISOString(), actorName: named ? e.actorName : null });

/** The complainant's view by code: no staff names, the phone masked. */
export function publicTicket(row: ComplaintRow, events: readonly EventRow[], today: LocalDate): PublicTicket {
  return {
    code: row.code,
    category: row.category,
    institutionName: row.institutionName,
    description: row.description,
    replyPhone: row.replyPhone ? maskPhone(row.replyPhone) : null,
    status: row.status,
    receivedOn: row.receivedOn,
    deadline: row.deadline,
    overdue: isOverdue(row, today),
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    timeline: events.map((e) => event(e, false)),
  };
}

/** Tickets as handlers (staff names shown) or the filing parent (not shown) read them; `withTimelines: false` leaves the steps out (an export). */
export async function complaintViews(
  q: Queryable,
  rows: readonly ComplaintRow[],
  opts: { today: LocalDate; viewerId: string; staffNames: boolean; zoneNames: Map<string, string>; institutionZones: Map<string, string>; withTimelines?: boolean },
): Promise<Complaint[]> {
  if (!rows.length) return [];
  const districtId = rows[0]!.districtId;
  const handlerIds = [...new Set(rows.map((r) => r.handlerId).filter((x): x is string => !!x))];
  const [events, handlers] = await atOnce(q,
    () => (opts.withTimelines === false ? Promise.resolve(new Map<string, EventRow[]>()) : timelines(q, districtId, rows.map((r) => r.id))),
    () => handlerIds.length && opts.staffNames
      ? q.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, districtId), inArray(users.id, handlerIds)))
      : Promise.resolve([]),
  );
  const handlerName = new Map(handlers.map((h) => [h.id, h.name]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    channel: r.channel,
    category: r.category,
    institutionId: r.institutionId,
    institutionName: r.institutionName,
    suggestedZoneId: r.institutionId ? (opts.institutionZones.get(r.institutionId) ?? null) : null,
    description: r.description,
    replyPhone: r.replyPhone && r.handlerId === opts.viewerId ? r.replyPhone : r.replyPhone ? maskPhone(r.replyPhone) : null,
    fromParent: r.channel === 'parent',
    zoneId: r.zoneId,
    zoneName: r.zoneId ? (opts.zoneNames.get(r.zoneId) ?? null) : null,
    status: r.status,
    handlerName: r.handlerId ? (handlerName.get(r.handlerId) ?? null) : null,
    receivedOn: r.receivedOn,
    deadline: r.deadline,
    answerDays: r.answerDays,
    policyVersion: r.policyVersion,
    overdue: isOverdue(r, opts.today),
    answer: r.answer,
    answeredOn: r.answeredOn,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    timeline: (events.get(r.id) ?? []).map((e) => event(e, opts.staffNames)),
  }));
}
