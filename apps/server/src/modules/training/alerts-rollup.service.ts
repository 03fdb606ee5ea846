/**
 * 预警: the per-institution rollup (training_institution_stats) recomputed set-based from the ledger, the orders, the
 * registry's status history, refunds and complaints, then the warning rules evaluated against it. Each breach opens a
 * case with its evidence unless one of that kind is open already (the partial unique index decides, so several servers
 * running the job at once open it once).
 */
import type { TrainingAlertEvidence, TrainingAlertKind } from '@shuangjian/contracts';
import { addDays, todayIn, type LocalDate } from '@shuangjian/policy';
import { sql } from 'drizzle-orm';
import { auditMany, systemActor } from '../../platform/audit';
import { rowsOf, type Queryable } from '../../platform/db';
import type { ScheduledJob } from '../../platform/scheduler';
import { trainingPolicy } from './training.policy';
import { institutionDirectory } from '../org';

/** How often the scheduled refresh runs: dashboards and alerts are at most this old. */
export const TRAINING_STATS_REFRESH_MS = 10 * 60_000;

interface StatsRow {
  institution_id: string;
  zone_id: string;
  status: string;
  custody_mode: string;
  held_fen: number;
  owed_fen: number;
  deposit_fen: number;
  bank_closing_fen: number | null;
  bank_ledger_fen: number | null;
  bank_as_of: string | null;
  lessons_owed: number;
  orders_active: number;
  last_consumption_on: string | null;
  owing_since: string | null;
  refunds_in_window: number;
  complaints_in_window: number;
  orders_beyond_limits: number;
  activity_while_suspended: number;
}

/** The versions of the named settings among the applied ones ('training.warnings@id,…'), null when all are defaults. */
function versionsOf(versions: string | null, keys: readonly string[]): string | null {
  const picked = (versions ?? '').split(',').filter((v) => keys.some((k) => v.startsWith(`${k}@`)));
  return picked.length ? picked.join(',') : null;
}

const daysBetween = (from: LocalDate, to: LocalDate) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * Recomputes every institution's row of the district in one statement. `today` defaults to the district's date now.
 * Returns the policy applied (the evaluation cites it).
 */
export async function refreshTrainingStatsOnly(db: Queryable, districtId: string, today: LocalDate) {
  const [district] = await rowsOf<{ timezone: string }>(db, sql`select timezone from districts where id = ${districtId}`);
  const tz = district?.timezone ?? 'Asia/Shanghai';
  const policy = await trainingPolicy(db, districtId, today);
  const w = policy.values['training.warnings'];
  const limits = policy.values['training.packages'];
  const refundFrom = addDays(today, 1 - w.refundBurstDays);
  const complaintFrom = addDays(today, 1 - w.complaintBurstDays);
  await db.execute(sql`
    with acc as (
      select institution_id,
        coalesce(sum(credits_posted - debits_posted) filter (where kind = 'order'), 0) as held,
        coalesce(sum(credits_posted - debits_posted) filter (where kind = 'released'), 0) as released,
        coalesce(sum(credits_posted - debits_posted) filter (where kind = 'deposit'), 0) as deposit
      from training_accounts where district_id = ${districtId} and institution_id is not null
      group by institution_id
    ),
    suspended as (
      select i.id as institution_id, coalesce(max(h.at), '-infinity'::timestamptz) as since
      from ${institutionDirectory} i
      left join training_status_history h on h.district_id = i.district_id and h.institution_id = i.id and h.to_status = 'suspended'
      where i.district_id = ${districtId} and i.status = 'suspended'
      group by i.id
    ),
    tr as (
      select institution_id, coalesce(sum(amount_fen) filter (where kind = 'refund'), 0) as refunded
      from training_transfers where district_id = ${districtId} and institution_id is not null
      group by institution_id
    ),
    les as (
      select l.institution_id,
        max(l.date) filter (where exists (select 1 from training_consumptions c
          where c.district_id = l.district_id and c.lesson_id = l.id and c.status <> 'disputed')) as last_consumption_on,
        count(*) filter (where l.created_at >= s.since)::int as lessons_while_suspended
      from training_lessons l
      left join suspended s on s.institution_id = l.institution_id
      where l.district_id = ${districtId}
      group by l.institution_id
    ),
    ref as (
      select institution_id, count(*)::int as in_window from training_refunds
      where district_id = ${districtId} and (created_at at time zone ${tz})::date >= ${refundFrom}::date
      group by institution_id
    ),
    ord as (
      select o.institution_id,
        count(*) filter (where o.status = 'active')::int as orders_active,
        coalesce(sum(o.lessons_left) filter (where o.status = 'active'), 0)::int as lessons_owed,
        coalesce(sum(o.lessons_left::bigint * o.price_per_lesson_fen) filter (where o.status = 'active'), 0) as owed,
        min((o.created_at at time zone ${tz})::date) filter (where o.status = 'active' and o.lessons_left > 0) as owing_since,
        count(*) filter (where o.status = 'active' and (p.lessons > ${limits.maxLessons} or p.months > ${limits.maxMonths}))::int as beyond,
        count(*) filter (where o.created_at >= s.since)::int as sold_while_suspended
      from training_orders o
      join training_packages p on p.district_id = o.district_id and p.id = o.package_id
      left join suspended s on s.institution_id = o.institution_id
      where o.district_id = ${districtId}
      group by o.institution_id
    ),
    complaints as (
      select institution_id,
        count(*) filter (where received_on >= ${complaintFrom}::date)::int as in_window,
        count(*) filter (where status in ('received', 'assigned', 'investigating'))::int as open,
        count(*) filter (where status in ('received', 'assigned', 'investigating') and deadline < ${today}::date)::int as overdue
      from training_complaints where district_id = ${districtId} and institution_id is not null
      group by institution_id
    ),
    bank as (
      select distinct on (institution_id) institution_id, statement_closing_fen, ledger_closing_fen, period_to
      from training_statement_imports
      where district_id = ${districtId} and statement_closing_fen is not null
      order by institution_id, period_to desc, created_at desc
    ),
    alerts as (
      select institution_id, count(*)::int as open from training_alerts
      where district_id = ${districtId} and status <> 'closed' group by institution_id
    )
    insert into training_institution_stats as s
      (district_id, institution_id, zone_id, status, category, custody_mode, held_fen, owed_fen, released_fen, refunded_fen,
       deposit_fen, bank_closing_fen, bank_ledger_fen, bank_as_of, orders_active, lessons_owed, last_consumption_on, owing_since, refunds_in_window, complaints_in_window,
       complaints_open, complaints_overdue, orders_beyond_limits, activity_while_suspended, open_alerts, refreshed_at)
    select i.district_id, i.id, i.zone_id, i.status, i.category, coalesce(p.custody_mode, 'custody'),
      coalesce(acc.held, 0), coalesce(ord.owed, 0), coalesce(acc.released, 0), coalesce(tr.refunded, 0), coalesce(acc.deposit, 0),
      bank.statement_closing_fen, bank.ledger_closing_fen, bank.period_to,
      coalesce(ord.orders_active, 0), coalesce(ord.lessons_owed, 0), les.last_consumption_on, ord.owing_since,
      coalesce(ref.in_window, 0), coalesce(c.in_window, 0), coalesce(c.open, 0), coalesce(c.overdue, 0),
      coalesce(ord.beyond, 0),
      case when i.status = 'suspended' then coalesce(ord.sold_while_suspended, 0) + coalesce(les.lessons_while_suspended, 0) else 0 end,
      coalesce(alerts.open, 0), now()
    from ${institutionDirectory} i
    left join training_profiles p on p.district_id = i.district_id and p.institution_id = i.id
    left join acc on acc.institution_id = i.id
    left join tr on tr.institution_id = i.id
    left join les on les.institution_id = i.id
    left join ref on ref.institution_id = i.id
    left join ord on ord.institution_id = i.id
    left join complaints c on c.institution_id = i.id
    left join bank on bank.institution_id = i.id
    left join alerts on alerts.institution_id = i.id
    where i.district_id = ${districtId}
    on conflict (district_id, institution_id) do update set
      zone_id = excluded.zone_id, status = excluded.status, category = excluded.category, custody_mode = excluded.custody_mode,
      held_fen = excluded.held_fen, owed_fen = excluded.owed_fen, released_fen = excluded.released_fen,
      refunded_fen = excluded.refunded_fen, deposit_fen = excluded.deposit_fen, bank_closing_fen = excluded.bank_closing_fen,
      bank_ledger_fen = excluded.bank_ledger_fen, bank_as_of = excluded.bank_as_of, orders_active = excluded.orders_active,
      lessons_owed = excluded.lessons_owed, last_consumption_on = excluded.last_consumption_on, owing_since = excluded.owing_since,
      refunds_in_window = excluded.refunds_in_window, complaints_in_window = excluded.complaints_in_window,
      complaints_open = excluded.complaints_open, complaints_overdue = excluded.complaints_overdue,
      orders_beyond_limits = excluded.orders_beyond_limits, activity_while_suspended = excluded.activity_while_suspended,
      open_alerts = excluded.open_alerts, refreshed_at = excluded.refreshed_at
  `);
  return policy;
}

interface Breach {
  institutionId: string;
  zoneId: string;
  kind: TrainingAlertKind;
  evidence: TrainingAlertEvidence;
}

/** The warning rules against one rollup row, each citing its rule, figures and the policy versions applied. */
export function breachesOf(row: StatsRow, policy: Awaited<ReturnType<typeof trainingPolicy>>, today: LocalDate): Breach[] {
  const w = policy.values['training.warnings'];
  const c = policy.values['training.custody'];
  const limits = policy.values['training.packages'];
  const warnings = versionsOf(policy.versions, ['training.warnings']);
  const out: Breach[] = [];
  const add = (kind: TrainingAlertKind, rule: string, policyVersion: string | null, figures: TrainingAlertEvidence['figures']) =>
    out.push({ institutionId: row.institution_id, zoneId: row.zone_id, kind, evidence: { rule, policyVersion, asOf: today, figures } });
  const owed = Number(row.owed_fen);
  const deposit = Number(row.deposit_fen);
  // The ledger cannot check itself (what it holds is what it owes, by construction): the custody bank's statement is
  // the outside figure. Its closing balance must cover what the ledger held on the statement's last day.
  const bankClosing = row.bank_closing_fen === null ? null : Number(row.bank_closing_fen);
  const bankLedger = Number(row.bank_ledger_fen ?? 0);
  if (row.custody_mode === 'custody' && bankClosing !== null && bankClosing < bankLedger) {
    add('custody_shortfall', 'training.custody: 监管银行对账单期末余额 ≥ 账本同日托管余额', versionsOf(policy.versions, ['training.custody']), {
      bankClosingFen: bankClosing,
      ledgerClosingFen: bankLedger,
      shortfallFen: bankLedger - bankClosing,
      statementTo: row.bank_as_of ?? '',
    });
  }
  // deposit ≥ owed × share (basis points), compared in integers: deposit × 10000 < owed × bp
  if (row.custody_mode === 'deposit' && owed > 0 && deposit * 10000 < owed * c.depositMinShareBp) {
    const required = Math.ceil((owed * c.depositMinShareBp) / 10000);
    add('deposit_shortfall', 'training.custody.depositMinShareBp: 风险保证金 ≥ 应退未消课时金额 × 比例', versionsOf(policy.versions, ['training.custody']), {
      depositFen: deposit,
      owedFen: owed,
      depositMinShareBp: c.depositMinShareBp,
      requiredFen: required,
      shortfallFen: required - deposit,
    });
  }
  if (row.refunds_in_window >= w.refundBurstCount) {
    add('refund_burst', 'training.warnings.refundBurstCount/refundBurstDays', warnings, {
      refunds: row.refunds_in_window,
      refundBurstCount: w.refundBurstCount,
      refundBurstDays: w.refundBurstDays,
    });
  }
  if (row.complaints_in_window >= w.complaintBurstCount) {
    add('complaint_burst', 'training.warnings.complaintBurstCount/complaintBurstDays', warnings, {
      complaints: row.complaints_in_window,
      complaintBurstCount: w.complaintBurstCount,
      complaintBurstDays: w.complaintBurstDays,
    });
  }
  const idleFrom = row.last_consumption_on ?? row.owing_since;
  if (row.lessons_owed > 0 && idleFrom && daysBetween(idleFrom, today) >= w.idleDays) {
    add('idle_with_owed', 'training.warnings.idleDays: 欠课期间连续无课消天数', warnings, {
      idleDays: daysBetween(idleFrom, today),
      idleDaysLimit: w.idleDays,
      ...(row.last_consumption_on ? { lastConsumptionOn: row.last_consumption_on } : {}), // never consumed: no date to show
      lessonsOwed: row.lessons_owed,
      owedFen: owed,
    });
  }
  if (row.orders_beyond_limits > 0) {
    add('sales_beyond_limits', 'training.packages: 一次收费 ≤ maxMonths 个月且 ≤ maxLessons 课时', versionsOf(policy.versions, ['training.packages']), {
      orders: row.orders_beyond_limits,
      maxLessons: limits.maxLessons,
      maxMonths: limits.maxMonths,
    });
  }
  if (row.status === 'suspended' && row.activity_while_suspended > 0) {
    add('activity_while_suspended', 'training.registry: 暂停期间不得招生、收费、上课', null, {
      activities: row.activity_while_suspended,
      status: row.status,
    });
  }
  return out;
}

/**
 * Refreshes the district's rollup and opens a case for each breach not already open. Returns the cases opened.
 * The demo, the tests and the scheduled job call it; `today` defaults to the district's date now.
 */
export async function refreshTrainingStats(db: Queryable, districtId: string, today?: LocalDate): Promise<{ opened: number }> {
  const day = today ?? (await districtToday(db, districtId));
  const policy = await refreshTrainingStatsOnly(db, districtId, day);
  const rows = await rowsOf<StatsRow>(
    db,
    sql`select institution_id, zone_id, status, custody_mode, held_fen, owed_fen, deposit_fen, bank_closing_fen, bank_ledger_fen,
          bank_as_of::text, lessons_owed, orders_active, last_consumption_on::text, owing_since::text, refunds_in_window, complaints_in_window, orders_beyond_limits,
          activity_while_suspended
        from training_institution_stats where district_id = ${districtId}`,
  );
  const breaches = rows.flatMap((r) => breachesOf(r, policy, day));
  if (!breaches.length) return { opened: 0 };
  return db.transaction(async (tx) => {
    const values = sql.join(
      breaches.map((b) => sql`(${districtId}::uuid, ${b.institutionId}::uuid, ${b.zoneId}::uuid, ${b.kind}, ${JSON.stringify(b.evidence)}::jsonb)`),
      sql`, `,
    );
    const opened = await rowsOf<{ id: string; institution_id: string; kind: string }>(
      tx,
      sql`insert into training_alerts (district_id, institution_id, zone_id, kind, evidence) values ${values}
          on conflict (district_id, institution_id, kind) where status <> 'closed' do nothing
          returning id, institution_id, kind`,
    );
    if (opened.length) {
      await auditMany(
        tx,
        systemActor(districtId, '预警规则'),
        opened.map((a) => ({
          action: 'training.alert.open',
          entity: 'training_alert',
          entityId: a.id,
          after: breaches.find((b) => b.institutionId === a.institution_id && b.kind === a.kind)?.evidence,
        })),
      );
      await tx.execute(sql`
        update training_institution_stats s set open_alerts = (
          select count(*) from training_alerts a where a.district_id = s.district_id and a.institution_id = s.institution_id and a.status <> 'closed')
        where s.district_id = ${districtId}`);
    }
    return { opened: opened.length };
  });
}

async function districtToday(db: Queryable, districtId: string): Promise<LocalDate> {
  const [d] = await rowsOf<{ timezone: string }>(db, sql`select timezone from districts where id = ${districtId}`);
  return todayIn(d?.timezone ?? 'Asia/Shanghai', new Date());
}

/** Refreshes every district's rollup and opens the alerts it raises. */
export function trainingStatsJob(): ScheduledJob {
  return {
    name: 'training.stats',
    everyMs: TRAINING_STATS_REFRESH_MS,
    async run({ db, now }) {
      const districts = await rowsOf<{ id: string; timezone: string }>(db, sql`select id, timezone from districts`);
      for (const d of districts) await refreshTrainingStats(db, d.id, todayIn(d.timezone, now()));
    },
  };
}
