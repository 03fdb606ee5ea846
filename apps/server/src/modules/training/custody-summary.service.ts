/**
 * What the ledger says, per institution and per transfer: the institution's money at a glance, the district's custody
 * summary (held, released, refunded, deposits, what is owed and how well it is secured), and the transfer journal
 * with its Excel export.
 */
import { roleHas, type CustodyRow, type CustodySummary, type InstitutionMoney, type TransferJournal, type TransfersQuery, transferKindLabels } from '@shuangjian/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { allows, type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce, rowsOf } from '../../platform/db';
import { buildWorkbook } from '../../platform/excel';
import { forbidden } from '../../platform/errors';
import { reachableInstitution } from './custody.repo';
import { trainingTransfers } from './schema';
import { trainingPolicy } from './training.policy';
import { institutionDirectory } from '../org';

type Figures = {
  institutionId: string;
  institutionName: string;
  status: CustodyRow['status'];
  custodyMode: CustodyRow['custodyMode'];
  activeOrders: number;
  heldFen: number;
  releasedFen: number;
  refundedFen: number;
  depositFen: number;
  owedFen: number;
  pendingFen: number;
  pendingConsumptions: number;
  openRefunds: number;
  overdueRefunds: number;
  bankShortfallFen: number;
  bankStatementTo: string | null;
};

/** Per institution of the district (or one): the ledger's figures. Owed = the unconsumed value of active orders. */
function figures(districtId: string, date: string, institutionFilter: SQL) {
  return sql`select i.id as "institutionId", i.zone_id as "zoneId", i.name as "institutionName", i.status, coalesce(p.custody_mode, 'custody') as "custodyMode",
      (select count(*)::int from training_orders o where o.district_id = i.district_id and o.institution_id = i.id and o.status = 'active') as "activeOrders",
      coalesce((select sum(a.credits_posted - a.debits_posted) from training_accounts a where a.district_id = i.district_id and a.institution_id = i.id and a.kind = 'order'), 0)::float8 as "heldFen",
      coalesce((select sum(a.credits_posted - a.debits_posted) from training_accounts a where a.district_id = i.district_id and a.institution_id = i.id and a.kind = 'released'), 0)::float8 as "releasedFen",
      coalesce((select sum(t.amount_fen) from training_transfers t where t.district_id = i.district_id and t.institution_id = i.id and t.kind = 'refund'), 0)::float8 as "refundedFen",
      coalesce((select sum(a.credits_posted - a.debits_posted) from training_accounts a where a.district_id = i.district_id and a.institution_id = i.id and a.kind = 'deposit'), 0)::float8 as "depositFen",
      coalesce((select sum(a.credits_posted - a.debits_posted) from training_orders o join training_accounts a on a.district_id = o.district_id and a.id = o.account_id
        where o.district_id = i.district_id and o.institution_id = i.id and o.status in ('active', 'refunded')), 0)::float8 as "owedFen",
      coalesce((select sum(c.amount_fen) from training_consumptions c where c.district_id = i.district_id and c.institution_id = i.id and c.status = 'pending'), 0)::float8 as "pendingFen",
      (select count(*)::int from training_consumptions c where c.district_id = i.district_id and c.institution_id = i.id and c.status = 'pending') as "pendingConsumptions",
      (select count(*)::int from training_refunds r where r.district_id = i.district_id and r.institution_id = i.id and r.status = 'requested') as "openRefunds",
      (select count(*)::int from training_refunds r where r.district_id = i.district_id and r.institution_id = i.id and r.status = 'requested' and r.deadline < ${date}) as "overdueRefunds",
      coalesce(bank.shortfall, 0)::float8 as "bankShortfallFen", bank.period_to::text as "bankStatementTo"
    from ${institutionDirectory} i left join training_profiles p on p.district_id = i.district_id and p.institution_id = i.id
    -- the custody bank's latest statement stating a closing balance: what it lacks against the ledger that day
    left join lateral (select greatest(b.ledger_closing_fen - b.statement_closing_fen, 0) as shortfall, b.period_to from training_statement_imports b
      where b.district_id = i.district_id and b.institution_id = i.id and b.statement_closing_fen is not null
      order by b.period_to desc, b.created_at desc limit 1) bank on true
    where i.district_id = ${districtId} and ${institutionFilter}
    order by i.name`;
}

export async function institutionMoney(ctx: Ctx, institutionId: string): Promise<InstitutionMoney> {
  requirePermission(ctx, 'training.read');
  const inst = await reachableInstitution(ctx, ctx.db, institutionId, ['training.read']);
  const [f] = await rowsOf<Figures>(ctx.db, figures(ctx.user.districtId, today(ctx), sql`i.id = ${inst.id}`));
  const r = f!;
  return {
    institutionId: r.institutionId,
    institutionName: r.institutionName,
    custodyMode: r.custodyMode,
    activeOrders: r.activeOrders,
    heldFen: r.heldFen as InstitutionMoney['heldFen'],
    releasedFen: r.releasedFen as InstitutionMoney['releasedFen'],
    refundedFen: r.refundedFen as InstitutionMoney['refundedFen'],
    pendingFen: r.pendingFen as InstitutionMoney['pendingFen'],
    pendingConsumptions: r.pendingConsumptions,
    depositFen: r.depositFen as InstitutionMoney['depositFen'],
    openRefunds: r.openRefunds,
  };
}

/**
 * The district's custody summary: an institution in custody mode is covered by what its order accounts hold (all it
 * owes, by construction) unless the custody bank's latest statement closed below the ledger that day; one in deposit mode by its deposit, which must reach owed × depositMinShareBp.
 * Only institutions with something on the ledger (or in deposit mode) are listed.
 */
export async function custodySummary(ctx: Ctx): Promise<CustodySummary> {
  const permissions = ['training.custody', 'training.district'] as const;
  if (!permissions.some((p) => ctx.grants.some((g) => roleHas(g.role, p)))) throw forbidden();
  const d = ctx.user.districtId;
  const date = today(ctx);
  const { values, versions } = await trainingPolicy(ctx.db, d, date);
  const share = values['training.custody'].depositMinShareBp;
  const rows = (
    await rowsOf<Figures & { zoneId: string }>(
      ctx.db,
      figures(d, date, sql`(exists (select 1 from training_accounts a where a.district_id = i.district_id and a.institution_id = i.id) or p.custody_mode = 'deposit')`),
    )
  ).filter((r) => permissions.some((p) => allows(ctx, p, { districtId: d, zone: r.zoneId, institution: r.institutionId })));
  const out: CustodyRow[] = rows.map((r) => {
    // custody mode: what the order accounts hold, less what the bank's latest statement showed missing
    const secured = r.custodyMode === 'deposit' ? r.depositFen : r.heldFen - r.bankShortfallFen;
    const required = r.custodyMode === 'deposit' ? Math.ceil((r.owedFen * share) / 10_000) : r.owedFen;
    return {
      institutionId: r.institutionId,
      institutionName: r.institutionName,
      status: r.status,
      custodyMode: r.custodyMode,
      activeOrders: r.activeOrders,
      heldFen: r.heldFen as CustodyRow['heldFen'],
      releasedFen: r.releasedFen as CustodyRow['releasedFen'],
      refundedFen: r.refundedFen as CustodyRow['refundedFen'],
      depositFen: r.depositFen as CustodyRow['depositFen'],
      owedFen: r.owedFen as CustodyRow['owedFen'],
      securedFen: secured as CustodyRow['securedFen'],
      requiredFen: required as CustodyRow['requiredFen'],
      coverageBp: r.owedFen > 0 ? Math.floor((secured * 10_000) / r.owedFen) : null,
      covered: secured >= required,
      openRefunds: r.openRefunds,
      overdueRefunds: r.overdueRefunds,
      bankShortfallFen: r.bankShortfallFen as CustodyRow['bankShortfallFen'],
      bankStatementTo: r.bankStatementTo,
    };
  });
  const sum = (k: 'heldFen' | 'releasedFen' | 'refundedFen' | 'depositFen' | 'owedFen') => out.reduce((a, r) => a + r[k], 0) as CustodyRow['heldFen'];
  return { rows: out, totals: { heldFen: sum('heldFen'), releasedFen: sum('releasedFen'), refundedFen: sum('refundedFen'), depositFen: sum('depositFen'), owedFen: sum('owedFen') }, policyVersion: versions };
}

const ACCOUNT_LABELS: Record<string, string> = { order: '订单托管', released: '机构已划拨', deposit: '风险保证金', parents: '家长缴费（清算）', refunds: '退费（清算）', institution_funding: '机构缴存（清算）' };

function journalWhere(ctx: Ctx, q: TransfersQuery): SQL {
  const tz = ctx.user.timeZone;
  return sql`t.district_id = ${ctx.user.districtId} and t.id in (select id from training_transfers where ${scoped(ctx, trainingTransfers, 'training.custody')})
    ${q.institutionId ? sql`and t.institution_id = ${q.institutionId}` : sql``}
    ${q.orderId ? sql`and t.order_id = ${q.orderId}` : sql``}
    ${q.kind ? sql`and t.kind = ${q.kind}` : sql``}
    ${q.from ? sql`and t.created_at >= (${q.from}::date)::timestamp at time zone ${tz}` : sql``}
    ${q.to ? sql`and t.created_at < (${q.to}::date + 1)::timestamp at time zone ${tz}` : sql``}`;
}

type JournalRow = Omit<TransferJournal['items'][number], 'amountFen'> & { amountFen: number; debitKind: string; creditKind: string; debitName: string | null; creditName: string | null };

async function journalRows(ctx: Ctx, q: TransfersQuery, limit: number, offset: number) {
  return rowsOf<JournalRow>(
    ctx.db,
    sql`select t.id, t.created_at as "createdAt", t.kind, t.amount_fen::float8 as "amountFen", da.kind as "debitKind", ca.kind as "creditKind",
        di.name as "debitName", ci.name as "creditName", t.institution_id as "institutionId", i.name as "institutionName",
        t.order_id as "orderId", o.code as "orderCode", t.idempotency_key as "idempotencyKey", t.note
      from training_transfers t
      join training_accounts da on da.district_id = t.district_id and da.id = t.debit_account_id
      join training_accounts ca on ca.district_id = t.district_id and ca.id = t.credit_account_id
      left join ${institutionDirectory} di on di.district_id = da.district_id and di.id = da.institution_id
      left join ${institutionDirectory} ci on ci.district_id = ca.district_id and ci.id = ca.institution_id
      left join ${institutionDirectory} i on i.district_id = t.district_id and i.id = t.institution_id
      left join training_orders o on o.district_id = t.district_id and o.id = t.order_id
      where ${journalWhere(ctx, q)}
      order by t.created_at desc, t.id limit ${limit} offset ${offset}`,
  );
}

const accountLabel = (kind: string, name: string | null, code: string | null) =>
  `${ACCOUNT_LABELS[kind] ?? kind}${kind === 'order' && code ? ` ${code}` : name && kind !== 'order' ? ` · ${name}` : ''}`;

export async function transferJournal(ctx: Ctx, q: TransfersQuery): Promise<TransferJournal> {
  requirePermission(ctx, 'training.custody');
  const [rows, [agg]] = await atOnce(ctx.db,
    () => journalRows(ctx, q, q.pageSize, (q.page - 1) * q.pageSize),
    () => rowsOf<{ total: number; sum: number }>(ctx.db, sql`select count(*)::int as total, coalesce(sum(t.amount_fen), 0)::float8 as sum from training_transfers t where ${journalWhere(ctx, q)}`),
  );
  return {
    items: rows.map(({ debitKind, creditKind, debitName, creditName, ...r }) => ({
      ...r,
      amountFen: r.amountFen as TransferJournal['sumFen'],
      createdAt: new Date(r.createdAt).toISOString(),
      debitAccount: accountLabel(debitKind, debitName, r.orderCode),
      creditAccount: accountLabel(creditKind, creditName, r.orderCode),
    })),
    total: agg?.total ?? 0,
    sumFen: (agg?.sum ?? 0) as TransferJournal['sumFen'],
  };
}

export async function transferWorkbook(ctx: Ctx, q: TransfersQuery): Promise<{ buffer: Buffer; fileName: string }> {
  requirePermission(ctx, 'training.custody');
  const rows = await journalRows(ctx, q, 50_000, 0);
  const buffer = await buildWorkbook({
    name: '资金流水',
    columns: [
      { header: '时间', key: 'at', width: 20 },
      { header: '类型', key: 'kind', width: 14 },
      { header: '金额（元）', key: 'amount', width: 12 },
      { header: '转出账户', key: 'debit', width: 28 },
      { header: '转入账户', key: 'credit', width: 28 },
      { header: '机构', key: 'institution', width: 24 },
      { header: '订单', key: 'order', width: 16 },
      { header: '幂等键', key: 'key', width: 44 },
      { header: '备注', key: 'note', width: 30 },
    ],
    rows: rows.map((r) => ({
      at: new Date(r.createdAt).toLocaleString('zh-CN', { timeZone: ctx.user.timeZone, hour12: false }),
      kind: transferKindLabels[r.kind]['zh-CN'],
      amount: r.amountFen / 100,
      debit: accountLabel(r.debitKind, r.debitName, r.orderCode),
      credit: accountLabel(r.creditKind, r.creditName, r.orderCode),
      institution: r.institutionName ?? '',
      order: r.orderCode ?? '',
      key: r.idempotencyKey,
      note: r.note ?? '',
    })),
  });
  return { buffer, fileName: `资金流水-${today(ctx)}.xlsx` };
}

