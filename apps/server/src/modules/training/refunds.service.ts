/**
 * Refunds of an order's unconsumed part and risk deposits. A family's request stops the order at once (no lesson is
 * taken from it after) and fixes the amount: what the order's account holds; consumptions still pending must be
 * answered first, so the amount is final. The district or the institution pays it (order → refunds clearing, keyed
 * `refund:<refundId>`) by the deadline of 'training.custody'.refundDeadlineDays. Deposits: institution_funding ⇄
 * deposit, keyed by the deposit record.
 */
import { roleHas } from '@shuangjian/contracts';
import type { Deposit, DepositInput, DepositList, PayRefundInput, Refund, RefundList, RefundRequestInput, RefundsQuery } from '@shuangjian/contracts';
import { addDays } from '@shuangjian/policy';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { allows, type Ctx, requirePermission, scoped } from '../../platform/access';
import { requireStepUp } from '../../platform/auth/second-factor';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { rowsOf } from '../../platform/db';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { childrenOf, FAMILY, pageWindow, reachableInstitution, refundsPage, refundsWhere } from './custody.repo';
import { balanceOf, clearingAccount, depositAccount, post } from './ledger';
import { trainingPolicy } from './training.policy';
import { trainingDeposits, trainingRefunds } from './custody.schema';
import { institutionDirectory } from '../org';

const CUSTODY = 'training.custody' as const;

export async function requestRefund(ctx: Ctx, orderId: string, input: RefundRequestInput): Promise<Refund> {
  requirePermission(ctx, FAMILY);
  const d = ctx.user.districtId;
  const kids = childrenOf(ctx);
  if (!kids.length) throw notFound('订单');
  const date = today(ctx);
  const { values, versions } = await trainingPolicy(ctx.db, d, date);
  const id = await ctx.db.transaction(async (tx) => {
    const [o] = await rowsOf<{ id: string; status: string; institutionId: string; zoneId: string; studentId: string; accountId: string }>(
      tx,
      sql`select id, status, institution_id as "institutionId", zone_id as "zoneId", student_id as "studentId", account_id as "accountId"
        from training_orders where district_id = ${d} and id = ${orderId} and student_id in ${kids} for update`,
    );
    if (!o) throw notFound('订单');
    if (o.status !== 'active') throw conflict(o.status === 'refunded' ? '该订单已申请退费' : '该订单已结束，没有可退的费用');
    const [{ pending } = { pending: 0 }] = await rowsOf<{ pending: number }>(
      tx,
      sql`select count(*)::int as pending from training_consumptions where district_id = ${d} and order_id = ${o.id} and status = 'pending'`,
    );
    if (pending > 0) throw conflict(`还有 ${pending} 节课待您确认，请先确认或提出异议后再申请退费`, { pending });
    const amount = await balanceOf(tx, d, o.accountId);
    if (amount <= 0) throw conflict('该订单没有未消课时的费用可退');
    await tx.execute(sql`update training_orders set status = 'refunded', updated_at = now() where district_id = ${d} and id = ${o.id}`);
    const [r] = await tx
      .insert(trainingRefunds)
      .values({
        districtId: d,
        orderId: o.id,
        institutionId: o.institutionId,
        zoneId: o.zoneId,
        studentId: o.studentId,
        amountFen: amount,
        reason: input.reason,
        deadline: addDays(date, values['training.custody'].refundDeadlineDays),
        policyVersion: versions,
        requestedBy: ctx.user.id,
        createdAt: ctx.now(),
      })
      .returning({ id: trainingRefunds.id });
    await audit(tx, ctx.actor, { action: 'training.refund.request', entity: 'training_refund', entityId: r!.id, after: { orderId: o.id, amountFen: amount, reason: input.reason } });
    return r!.id;
  });
  const [refund] = await refundsWhere(ctx.db, sql`r.district_id = ${d} and r.id = ${id}`, date);
  return refund!;
}

/** The district (training.custody) or the refund's own institution (training.file) pays the refund out of custody. */
export async function payRefund(ctx: Ctx, id: string, input: PayRefundInput): Promise<Refund> {
  requireCustodyOrFile(ctx);
  requireStepUp(ctx);
  const d = ctx.user.districtId;
  const [r] = await ctx.db
    .select()
    .from(trainingRefunds)
    .where(sql`${trainingRefunds.districtId} = ${d} and ${trainingRefunds.id} = ${id} and (${scoped(ctx, trainingRefunds, CUSTODY)} or ${scoped(ctx, trainingRefunds, 'training.file')})`);
  if (!r) throw notFound('退费申请');
  if (!allows(ctx, CUSTODY, { districtId: d, zone: r.zoneId, institution: r.institutionId }) && !allows(ctx, 'training.file', { districtId: d, zone: r.zoneId, institution: r.institutionId })) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const [locked] = await rowsOf<{ status: string; accountId: string }>(
      tx,
      sql`select r.status, o.account_id as "accountId" from training_refunds r join training_orders o on o.district_id = r.district_id and o.id = r.order_id
        where r.district_id = ${d} and r.id = ${id} for update of r`,
    );
    if (locked!.status !== 'requested') throw conflict('该退费已办结');
    let transferId: string | null = null;
    if (r.amountFen > 0) {
      const refunds = await clearingAccount(tx, d, 'refunds');
      ({ transfer: { id: transferId } } = await post(tx, {
        districtId: d,
        key: `refund:${id}`,
        kind: 'refund',
        debitAccountId: locked!.accountId,
        creditAccountId: refunds,
        amountFen: r.amountFen,
        institutionId: r.institutionId,
        orderId: r.orderId,
        sourceId: id,
        note: input.reference ? `退费 ${input.reference}` : '退费',
        actor: ctx.user.id,
        at: ctx.now(),
      }));
    }
    await tx.execute(sql`update training_refunds set status = 'paid', paid_at = ${ctx.now().toISOString()}::timestamptz, paid_by = ${ctx.user.id},
      paid_by_name = ${ctx.user.name}, pay_reference = ${input.reference}, transfer_id = ${transferId} where district_id = ${d} and id = ${id}`);
    await audit(tx, ctx.actor, { action: 'training.refund.pay', entity: 'training_refund', entityId: id, after: { orderId: r.orderId, amountFen: r.amountFen, reference: input.reference, transferId } });
  });
  const [refund] = await refundsWhere(ctx.db, sql`r.district_id = ${d} and r.id = ${id}`, today(ctx));
  return refund!;
}

/**
 * A page of the refunds the district (all) or an institution (its own) sees, newest first, every filter in SQL;
 * `overdue=1`: requested and past the deadline. An institution out of reach is not found, as for deposits.
 */
export async function listRefunds(ctx: Ctx, query: RefundsQuery): Promise<RefundList> {
  requireCustodyOrFile(ctx);
  const d = ctx.user.districtId;
  const date = today(ctx);
  if (query.institutionId) await reachableInstitution(ctx, ctx.db, query.institutionId, [CUSTODY, 'training.file']);
  const where = sql`r.district_id = ${d} and r.id in (select id from training_refunds where ${scoped(ctx, trainingRefunds, CUSTODY)} or ${scoped(ctx, trainingRefunds, 'training.file')})
    ${query.institutionId ? sql`and r.institution_id = ${query.institutionId}` : sql``}
    ${query.status ? sql`and r.status = ${query.status}` : sql``}
    ${query.overdue === '1' ? sql`and r.status = 'requested' and r.deadline < ${date}` : sql``}`;
  return refundsPage(ctx.db, where, date, pageWindow(query));
}

type DepositRow = Omit<Deposit, 'amountFen'> & { amountFen: number };

async function depositsWhere(ctx: Ctx, where: ReturnType<typeof sql>): Promise<Deposit[]> {
  const rows = await rowsOf<DepositRow>(
    ctx.db,
    sql`select x.id, x.institution_id as "institutionId", i.name as "institutionName", x.direction, x.amount_fen::float8 as "amountFen",
        x.paid_on::text as "paidOn", x.reference, x.note, x.created_at as "recordedAt", x.transfer_id as "transferId"
      from training_deposits x join ${institutionDirectory} i on i.district_id = x.district_id and i.id = x.institution_id
      where ${where} order by x.paid_on desc, x.created_at desc`,
  );
  return rows.map((r) => ({ ...r, amountFen: r.amountFen as Deposit['amountFen'], recordedAt: new Date(r.recordedAt).toISOString() }));
}

/** The district records a risk deposit paid in, or returned (never more than the deposit account holds). */
export async function recordDeposit(ctx: Ctx, input: DepositInput): Promise<Deposit> {
  requirePermission(ctx, CUSTODY);
  // a risk deposit paid in or returned moves money: the second factor's code again
  requireStepUp(ctx);
  const d = ctx.user.districtId;
  const inst = await reachableInstitution(ctx, ctx.db, input.institutionId, [CUSTODY]);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const funding = await clearingAccount(tx, d, 'institution_funding');
    const deposit = await depositAccount(tx, d, inst.id);
    const pay = input.direction === 'deposit';
    const { transfer } = await post(tx, {
      districtId: d,
      key: `deposit:${id}`,
      kind: pay ? 'deposit' : 'deposit_release',
      debitAccountId: pay ? funding : deposit,
      creditAccountId: pay ? deposit : funding,
      amountFen: input.amountFen,
      institutionId: inst.id,
      sourceId: id,
      note: input.note,
      actor: ctx.user.id,
      at: ctx.now(),
    });
    await tx.insert(trainingDeposits).values({
      districtId: d,
      id,
      institutionId: inst.id,
      zoneId: inst.zoneId,
      direction: input.direction,
      amountFen: input.amountFen,
      paidOn: input.paidOn,
      reference: input.reference,
      note: input.note,
      transferId: transfer.id,
      createdAt: ctx.now(),
      createdBy: ctx.user.id,
    });
    await audit(tx, ctx.actor, { action: `training.deposit.${input.direction}`, entity: 'training_deposit', entityId: id, after: { institutionId: inst.id, amountFen: input.amountFen, paidOn: input.paidOn } });
  });
  const [row] = await depositsWhere(ctx, sql`x.district_id = ${d} and x.id = ${id}`);
  return row!;
}

export async function listDeposits(ctx: Ctx, query: { institutionId?: string | undefined }): Promise<DepositList> {
  requireCustodyOrFile(ctx);
  const d = ctx.user.districtId;
  if (query.institutionId) await reachableInstitution(ctx, ctx.db, query.institutionId, [CUSTODY, 'training.file']);
  const deposits = await depositsWhere(
    ctx,
    sql`x.district_id = ${d} and x.id in (select id from training_deposits where ${scoped(ctx, trainingDeposits, CUSTODY)} or ${scoped(ctx, trainingDeposits, 'training.file')})
      ${query.institutionId ? sql`and x.institution_id = ${query.institutionId}` : sql``}`,
  );
  return { deposits };
}

/** Refunds and deposits are the district's (training.custody) and each institution's own (training.file). */
function requireCustodyOrFile(ctx: Ctx) {
  if (!ctx.grants.some((g) => roleHas(g.role, CUSTODY) || roleHas(g.role, 'training.file'))) throw forbidden();
}
