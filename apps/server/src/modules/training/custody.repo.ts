/**
 * Queries the custody services share: whose children a parent may act for, which institution a person reaches, an
 * order's money as the ledger has it, consumptions and refunds as answers, and the paging of the lists.
 */
import type { Consumption, Refund } from '@shuangjian/contracts';
import { type Permission, roleHas } from '@shuangjian/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { allows, type Ctx } from '../../platform/access';
import { type Queryable, rowsOf } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { pageTotal } from '../../platform/paging';
import { institutionDirectory, institutionStanding, studentDirectory, type InstitutionStanding } from '../org';

export const FAMILY = 'training.family' as const;

/** One page of a list: `limit … offset …` for page/pageSize (1-based). */
export type PageWindow = { limit: number; offset: number };
export const pageWindow = (p: { page: number; pageSize: number }): PageWindow => ({ limit: p.pageSize, offset: (p.page - 1) * p.pageSize });
export const limitOf = (page: PageWindow | undefined): SQL => (page ? sql`limit ${page.limit} offset ${page.offset}` : sql``);
/** A text filter as an ILIKE pattern: the words anywhere, `%`, `_` and `\` taken literally. */
export const containing = (words: string) => `%${words.replace(/[\\%_]/g, '\\$&')}%`;

/** A page and the number of all matching rows (`pageTotal`), the rows without their `total`. */
export async function pageAnswer<T>(rows: readonly (T & { total: number })[], page: PageWindow, count: () => Promise<number>): Promise<{ items: T[]; total: number }> {
  const total = await pageTotal(rows, page.offset / page.limit + 1, count);
  return { items: rows.map(({ total: _t, ...r }) => r as unknown as T), total };
}

/** The student ids of the parent's own children (a parent's grants carry them; no other role has training.family). */
export function childrenOf(ctx: Pick<Ctx, 'grants'>): string[] {
  const ids = new Set<string>();
  for (const g of ctx.grants) if (roleHas(g.role, FAMILY) && Array.isArray(g.student)) g.student.forEach((s) => ids.add(s));
  return [...ids];
}

/** The parent's own child, else the same 404 as an unknown id. */
export function requireChild(ctx: Pick<Ctx, 'grants'>, studentId: string): void {
  if (!childrenOf(ctx).includes(studentId)) throw notFound('学生');
}

/** An institution the person reaches under the permission, else 404 (a foreign id and an unknown id alike). */
export async function reachableInstitution(ctx: Ctx, q: Queryable, institutionId: string, permissions: readonly Permission[]): Promise<InstitutionStanding> {
  const inst = await institutionStanding(q, ctx.user.districtId, institutionId);
  if (!inst || !permissions.some((p) => allows(ctx, p, { districtId: ctx.user.districtId, zone: inst.zoneId, institution: inst.id }))) throw notFound('机构');
  return inst;
}

/** Per order: what the ledger says (paid, released, refunded, held) and the pending consumptions' amount. */
export function orderMoneyJson(orderAlias: string): SQL {
  const o = sql.raw(orderAlias);
  return sql`(select json_build_object(
      'paidFen', coalesce(sum(t.amount_fen) filter (where t.kind = 'purchase'), 0)::float8,
      'releasedFen', coalesce(sum(t.amount_fen) filter (where t.kind = 'consume'), 0)::float8,
      'refundedFen', coalesce(sum(t.amount_fen) filter (where t.kind = 'refund'), 0)::float8,
      'heldFen', (select (a.credits_posted - a.debits_posted)::float8 from training_accounts a where a.district_id = ${o}.district_id and a.id = ${o}.account_id),
      'pendingFen', (select coalesce(sum(c.amount_fen), 0)::float8 from training_consumptions c where c.district_id = ${o}.district_id and c.order_id = ${o}.id and c.status = 'pending'))
    from training_transfers t where t.district_id = ${o}.district_id and t.order_id = ${o}.id)`;
}

export type OrderMoney = { paidFen: number; releasedFen: number; refundedFen: number; heldFen: number; pendingFen: number; refundableFen: number };
export const withRefundable = (m: Omit<OrderMoney, 'refundableFen'>): OrderMoney => ({ ...m, refundableFen: Math.max(0, m.heldFen - m.pendingFen) });

type ConsumptionRow = Omit<Consumption, 'amountFen' | 'autoConfirmAt'> & { amountFen: number; createdAtMs: number };

/** Consumptions matching `where` (on alias c), newest lesson first; auto-confirm time from the policy's hours. */
export async function consumptionsWhere(q: Queryable, where: SQL, autoConfirmHours: number): Promise<Consumption[]> {
  const rows = await rowsOf<ConsumptionRow>(
    q,
    sql`select c.id, c.lesson_id as "lessonId", c.order_id as "orderId", l.date::text as date, l.start_time as "startTime",
        l.end_time as "endTime", co.name as "courseName", l.teacher_name as "teacherName", c.amount_fen::float8 as "amountFen",
        c.status, c.created_at as "recordedAt", extract(epoch from c.created_at) * 1000 as "createdAtMs", c.confirmed_at as "confirmedAt",
        c.dispute_reason as "disputeReason", c.transfer_id as "transferId"
      from training_consumptions c
      join training_lessons l on l.district_id = c.district_id and l.id = c.lesson_id
      join training_courses co on co.district_id = l.district_id and co.id = l.course_id
      where ${where} order by l.date desc, l.start_time desc, c.created_at desc`,
  );
  return rows.map(({ createdAtMs, ...r }) => ({
    ...r,
    amountFen: r.amountFen as Consumption['amountFen'],
    recordedAt: new Date(r.recordedAt).toISOString(),
    confirmedAt: r.confirmedAt ? new Date(r.confirmedAt).toISOString() : null,
    autoConfirmAt: r.status === 'pending' ? new Date(Number(createdAtMs) + autoConfirmHours * 3_600_000).toISOString() : null,
  }));
}

type RefundRow = Omit<Refund, 'amountFen' | 'overdue'> & { amountFen: number; total: number };

/**
 * Refunds matching `where` (on alias r), newest requested first with the id settling ties, each with the count of all
 * matching (`total`); only the page's rows are joined when `page` is given. Overdue: still requested after the deadline.
 */
async function refundRows(q: Queryable, where: SQL, today: string, page?: PageWindow): Promise<(Refund & { total: number })[]> {
  const rows = await rowsOf<RefundRow>(
    q,
    sql`with picked as (
        select r.district_id, r.id, count(*) over () as total from training_refunds r where ${where}
        order by r.created_at desc, r.id desc ${limitOf(page)})
      select r.id, r.order_id as "orderId", o.code as "orderCode", r.institution_id as "institutionId", i.name as "institutionName",
        s.name as "studentName", r.amount_fen::float8 as "amountFen", r.reason, r.status, r.created_at as "requestedAt",
        r.deadline::text as deadline, r.paid_at as "paidAt", r.paid_by_name as "paidByName", r.pay_reference as "payReference",
        r.transfer_id as "transferId", r.policy_version as "policyVersion", p.total::int as total
      from picked p
      join training_refunds r on r.district_id = p.district_id and r.id = p.id
      join training_orders o on o.district_id = r.district_id and o.id = r.order_id
      join ${institutionDirectory} i on i.district_id = r.district_id and i.id = r.institution_id
      join ${studentDirectory} s on s.district_id = r.district_id and s.id = r.student_id
      order by r.created_at desc, r.id desc`,
  );
  return rows.map((r) => ({
    ...r,
    amountFen: r.amountFen as Refund['amountFen'],
    requestedAt: new Date(r.requestedAt).toISOString(),
    paidAt: r.paidAt ? new Date(r.paidAt).toISOString() : null,
    overdue: r.status === 'requested' && r.deadline < today,
  }));
}

/** Refunds matching `where` (on alias r), newest first. */
export async function refundsWhere(q: Queryable, where: SQL, today: string): Promise<Refund[]> {
  return (await refundRows(q, where, today)).map(({ total: _t, ...r }) => r);
}

/** A page of the refunds matching `where` (on alias r), newest first, and how many match in all. */
export async function refundsPage(q: Queryable, where: SQL, today: string, page: PageWindow): Promise<{ items: Refund[]; total: number }> {
  return pageAnswer(await refundRows(q, where, today, page), page, async () => {
    const [row] = await rowsOf<{ n: number }>(q, sql`select count(*)::int as n from training_refunds r where ${where}`);
    return Number(row?.n ?? 0);
  });
}
