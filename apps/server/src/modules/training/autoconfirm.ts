/**
 * The consumptions no parent answered confirm themselves after 'training.custody'.autoConfirmHours: one set-based
 * statement per district releases them all (transfers keyed `consume:<consumptionId>`, account totals moved by the
 * transfers actually inserted, the consumptions marked auto_confirmed). Safe on several servers and on a second run:
 * rows are claimed with FOR UPDATE SKIP LOCKED and re-checked as still pending, and the key lets no release happen
 * twice.
 */
import { todayIn } from '@shuangjian/policy';
import { sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../../platform/db';
import type { ScheduledJob } from '../../platform/scheduler';
import { mapLedgerError } from './ledger';
import { trainingPolicy } from './training.policy';

export const AUTO_CONFIRM_EVERY_MS = 5 * 60_000;
const BATCH = 5000;

/** Confirms the district's pending consumptions recorded before `now − hours`; returns how many. */
export async function autoConfirmDistrict(db: Queryable, districtId: string, now: Date, hours: number): Promise<number> {
  const cutoff = new Date(now.getTime() - hours * 3_600_000).toISOString();
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      // released accounts of the institutions concerned exist before the statement that credits them
      await tx.execute(sql`insert into training_accounts (district_id, kind, institution_id)
        select distinct district_id, 'released', institution_id from training_consumptions
        where district_id = ${districtId} and status = 'pending' and created_at <= ${cutoff}::timestamptz
        on conflict (district_id, kind, institution_id, order_id) do nothing`);
      try {
        const [row] = await rowsOf<{ n: number }>(
          tx,
          sql`with due as (
              select c.id, c.order_id, c.institution_id, c.amount_fen, o.account_id
              from training_consumptions c join training_orders o on o.district_id = c.district_id and o.id = c.order_id
              where c.district_id = ${districtId} and c.status = 'pending' and c.created_at <= ${cutoff}::timestamptz
              order by c.created_at limit ${BATCH}
              for update of c skip locked),
            t as (
              insert into training_transfers (district_id, idempotency_key, kind, debit_account_id, credit_account_id, amount_fen, institution_id, order_id, source_id, note, created_at)
              select ${districtId}, 'consume:' || due.id, 'consume', due.account_id, ra.id, due.amount_fen, due.institution_id, due.order_id, due.id, '超时自动确认', ${now.toISOString()}::timestamptz
              from due join training_accounts ra on ra.district_id = ${districtId} and ra.kind = 'released' and ra.institution_id = due.institution_id and ra.order_id is null
              where due.amount_fen > 0
              on conflict (district_id, idempotency_key) do nothing
              returning id, source_id, debit_account_id, credit_account_id, amount_fen),
            dr as (
              update training_accounts a set debits_posted = a.debits_posted + s.amount
              from (select debit_account_id as id, sum(amount_fen) as amount from t group by 1) s
              where a.district_id = ${districtId} and a.id = s.id returning a.id),
            cr as (
              update training_accounts a set credits_posted = a.credits_posted + s.amount
              from (select credit_account_id as id, sum(amount_fen) as amount from t group by 1) s
              where a.district_id = ${districtId} and a.id = s.id returning a.id),
            done as (
              update training_consumptions c set status = 'auto_confirmed', confirmed_at = ${now.toISOString()}::timestamptz,
                transfer_id = coalesce(t.id, (select x.id from training_transfers x where x.district_id = ${districtId} and x.idempotency_key = 'consume:' || due.id))
              from due left join t on t.source_id = due.id
              where c.district_id = ${districtId} and c.id = due.id
              returning c.order_id),
            completed as (
              update training_orders o set status = 'completed', updated_at = now()
              where o.district_id = ${districtId} and o.id in (select order_id from done) and o.status = 'active' and o.lessons_left = 0
                and not exists (select 1 from training_consumptions p where p.district_id = o.district_id and p.order_id = o.id and p.status = 'pending'
                  and p.id not in (select id from due)))
            select (select count(*) from done)::int as n`,
        );
        return row?.n ?? 0;
      } catch (err) {
        mapLedgerError(err);
      }
    });
    total += n;
    if (n < BATCH) return total;
  }
}

/** Every district's due consumptions, each by its own policy in force today. */
export function autoConfirmJob(): ScheduledJob {
  return {
    name: 'training.auto-confirm',
    everyMs: AUTO_CONFIRM_EVERY_MS,
    async run({ db, now }) {
      const at = now();
      const districts = await rowsOf<{ id: string; timezone: string }>(
        db,
        sql`select distinct d.id, d.timezone from districts d join training_consumptions c on c.district_id = d.id and c.status = 'pending'`,
      );
      let confirmed = 0;
      for (const d of districts) {
        const hours = (await trainingPolicy(db, d.id, todayIn(d.timezone, at))).values['training.custody'].autoConfirmHours;
        confirmed += await autoConfirmDistrict(db, d.id, at, hours);
      }
      return { confirmed };
    },
  };
}
