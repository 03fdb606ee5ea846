/**
 * Property: whatever happens — purchases, consumptions, confirmations, disputes, automatic confirmations, refunds,
 * retried postings, transactions that crash halfway — the custody ledger keeps its invariants after every step:
 * every transfer moves a positive amount between two different accounts (sums to zero), Σ all balances = 0, no
 * order or deposit account is negative, every account's totals equal the sums of its transfers, and each order's
 * balance = price − released − refunded. fast-check generates the sequences; the database is a real one.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/access';
import { NO_CHANNELS } from '../../platform/channels';
import { AppError } from '../../platform/errors';
import { call, createWorld, type World } from '../../../test/harness';
import { autoConfirmDistrict } from './autoconfirm';
import { confirmConsumption, consumeOne, disputeConsumption, releaseConsumption } from './consumption.service';
import { post } from './ledger';
import { placeOrder } from './orders.service';
import { payRefund, requestRefund } from './refunds.service';

let w: World;
let d: string;
let hash: string;
let family: Ctx;
let inst: Ctx;
let office: Ctx;
let child: string;
let packages: { id: string; courseId: string; institutionId: string; zoneId: string }[];
const orders: string[] = [];
const consumptions: string[] = [];
const refunds: string[] = [];
const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);

function ctxOf(user: { id: string; name: string }, grant: Omit<Ctx['grants'][number], 'districtId'>): Ctx {
  const g = { ...grant, districtId: d };
  return {
    db: w.db.database.db,
    readDb: w.db.database.db,
    user: { id: user.id, districtId: d, username: 'x', name: user.name, phone: null, mustChangePassword: false, timeZone: 'Asia/Shanghai' },
    roles: [g.role],
    grants: [g],
    actor: { districtId: d, userId: user.id, userName: user.name, roles: [g.role], ip: null, requestId: null },
    now: w.clock.now,
    channels: NO_CHANNELS,
    prepared: w.db.database.prepared,
    sessions: { forgetUser: async () => undefined, revokeUser: async () => undefined },
  };
}

/** Expected refusals (4xx) are part of the game; anything else fails the property. */
async function tolerate(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (!(err instanceof AppError && err.status < 500)) throw err;
  }
}

async function invariants() {
  const bad = await q<{ what: string; n: number }>(
    `select 'transfer not zero-sum' as what, count(*)::int as n from training_transfers where district_id = $1 and (amount_fen <= 0 or debit_account_id = credit_account_id)
     union all
     select 'negative account', count(*)::int from training_accounts where district_id = $1 and non_negative = 1 and debits_posted > credits_posted
     union all
     select 'totals differ from transfers', count(*)::int from training_accounts a where a.district_id = $1 and (
       a.debits_posted <> coalesce((select sum(amount_fen) from training_transfers t where t.district_id = a.district_id and t.debit_account_id = a.id), 0)
       or a.credits_posted <> coalesce((select sum(amount_fen) from training_transfers t where t.district_id = a.district_id and t.credit_account_id = a.id), 0))
     union all
     select 'order balance', count(*)::int from training_orders o join training_accounts a on a.district_id = o.district_id and a.id = o.account_id
       where o.district_id = $1 and (a.credits_posted - a.debits_posted) <> o.price_fen
         - coalesce((select sum(amount_fen) from training_transfers t where t.district_id = o.district_id and t.order_id = o.id and t.kind = 'consume'), 0)
         - coalesce((select sum(amount_fen) from training_transfers t where t.district_id = o.district_id and t.order_id = o.id and t.kind = 'refund'), 0)
     union all
     select 'lessons counter', count(*)::int from training_orders o where o.district_id = $1 and o.lessons_left <> o.lessons
       - (select count(*) from training_consumptions c where c.district_id = o.district_id and c.order_id = o.id and c.status <> 'disputed')`,
    [d],
  );
  expect(bad.filter((b) => b.n > 0)).toEqual([]);
  const [sum] = await q<{ s: string }>(`select coalesce(sum(credits_posted - debits_posted), 0)::text as s from training_accounts where district_id = $1`, [d]);
  expect(sum!.s).toBe('0');
}

const pick = <T,>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

type Step =
  | { op: 'buy'; i: number }
  | { op: 'consume'; i: number }
  | { op: 'confirm'; i: number }
  | { op: 'dispute'; i: number }
  | { op: 'auto' }
  | { op: 'refund'; i: number }
  | { op: 'pay'; i: number }
  | { op: 'retry'; i: number }
  | { op: 'crash'; i: number };

async function run(step: Step) {
  switch (step.op) {
    case 'buy': {
      const pkg = pick(packages, step.i)!;
      const o = await placeOrder(family, { packageId: pkg.id, studentId: child, acceptContract: true, contractHash: hash });
      orders.push(o.id);
      return;
    }
    case 'consume': {
      const orderId = pick(orders, step.i);
      if (!orderId) return;
      const [o] = await q<{ institutionId: string; zoneId: string; courseId: string }>(
        `select institution_id as "institutionId", zone_id as "zoneId", course_id as "courseId" from training_orders where id = $1`,
        [orderId],
      );
      const [l] = await q<{ id: string }>(
        `insert into training_lessons (district_id, institution_id, zone_id, course_id, date, start_time, end_time, mode) values ($1, $2, $3, $4, '2026-11-25', '16:00', '16:45', 'offline') returning id`,
        [d, o!.institutionId, o!.zoneId, o!.courseId],
      );
      try {
        consumptions.push((await consumeOne(inst, l!.id, { orderId })).id);
      } catch (err) {
        if (!(err instanceof AppError && err.status === 409)) throw err;
      }
      return;
    }
    case 'confirm':
      return tolerate(confirmConsumption(family, pick(consumptions, step.i) ?? randomUUID()));
    case 'dispute':
      return tolerate(disputeConsumption(family, pick(consumptions, step.i) ?? randomUUID(), { reason: '未到课' }));
    case 'auto':
      await autoConfirmDistrict(w.db.database.db, d, new Date(w.clock.now().getTime() + 72 * 3_600_000), 48);
      return;
    case 'refund': {
      const orderId = pick(orders, step.i);
      if (!orderId) return;
      try {
        refunds.push((await requestRefund(family, orderId, { reason: '不想学了' })).id);
      } catch (err) {
        if (!(err instanceof AppError && err.status < 500)) throw err;
      }
      return;
    }
    case 'pay':
      return tolerate(payRefund(office, pick(refunds, step.i) ?? randomUUID(), { reference: null, note: null }));
    case 'retry': {
      // a posting replayed under its key (a retried request or a second job run): nothing moves
      const [t] = await q<{ key: string; kind: 'purchase'; dr: string; cr: string; amount: number }>(
        `select idempotency_key as key, kind, debit_account_id as dr, credit_account_id as cr, amount_fen::float8 as amount from training_transfers
         where district_id = $1 order by idempotency_key offset $2 limit 1`,
        [d, step.i % 50],
      );
      if (!t) return;
      const r = await w.db.database.db.transaction((tx) => post(tx, { districtId: d, key: t.key, kind: t.kind, debitAccountId: t.dr, creditAccountId: t.cr, amountFen: t.amount }));
      expect(r.replayed).toBe(true);
      return;
    }
    case 'crash': {
      // a release that dies after moving money, before its consumption is marked: the transaction leaves no trace
      const id = pick(consumptions, step.i);
      if (!id) return;
      const [c] = await q<{ id: string; orderId: string; institutionId: string; amountFen: number; accountId: string; status: string }>(
        `select c.id, c.order_id as "orderId", c.institution_id as "institutionId", c.amount_fen::float8 as "amountFen", o.account_id as "accountId", c.status
         from training_consumptions c join training_orders o on o.district_id = c.district_id and o.id = c.order_id where c.id = $1`,
        [id],
      );
      if (c!.status !== 'pending') return;
      const crashed = await w.db.database.db
        .transaction(async (tx) => {
          await releaseConsumption(tx, d, c!, null);
          throw new Error('crash');
        })
        .catch((e: unknown) => e);
      expect(String(crashed)).toMatch(/crash|余额不足/);
      expect(await q(`select 1 from training_transfers where idempotency_key = $1`, [`consume:${id}`])).toHaveLength(0);
      return;
    }
  }
}

beforeAll(async () => {
  w = await createWorld({ training: true });
  const [kid] = await q<{ id: string; districtId: string }>(`select id, district_id as "districtId" from students where name = '张小明'`);
  d = kid!.districtId;
  child = kid!.id;
  hash = (await call(w.app, await w.login('demo-parent'), 'GET', '/api/training/contract')).body.sha256;
  packages = await q(
    `select p.id, p.course_id as "courseId", p.institution_id as "institutionId", p.zone_id as "zoneId" from training_packages p
     join institutions i on i.district_id = p.district_id and i.id = p.institution_id where p.status = 'approved' and i.status = 'active' order by p.name`,
  );
  const users = new Map((await q<{ username: string; id: string; name: string }>(`select username, id, name from users where district_id = $1 and username like 'demo-%'`, [d])).map((u) => [u.username, u]));
  family = ctxOf(users.get('demo-parent')!, { role: 'parent', zone: '*', school: '*', class: '*', student: [child], institution: [], subjectId: null, grade: null });
  inst = ctxOf(users.get('demo-institution')!, { role: 'institution_admin', zone: '*', school: [], class: [], student: [], institution: [...new Set(packages.map((p) => p.institutionId))], subjectId: null, grade: null });
  office = ctxOf(users.get('demo-district')!, { role: 'district_admin', zone: '*', school: '*', class: '*', student: '*', institution: '*', subjectId: null, grade: null });
}, 180_000);
afterAll(() => w.close());

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('buy' as const), i: fc.nat(20) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('consume' as const), i: fc.nat(50) }), weight: 5 },
  { arbitrary: fc.record({ op: fc.constant('confirm' as const), i: fc.nat(80) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('dispute' as const), i: fc.nat(80) }), weight: 1 },
  { arbitrary: fc.constant({ op: 'auto' as const }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('refund' as const), i: fc.nat(50) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('pay' as const), i: fc.nat(20) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('retry' as const), i: fc.nat(50) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('crash' as const), i: fc.nat(80) }), weight: 1 },
);

describe('the custody ledger under random sequences', () => {
  it('keeps its invariants after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        for (const s of steps) {
          await run(s);
          await invariants();
        }
      }),
      { numRuns: 12, seed: 20261126, endOnFailure: true },
    );
  }, 600_000);
});
