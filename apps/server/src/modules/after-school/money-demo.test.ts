/** The demo's money: last month's and this month's bills of the demo school, most paid, a few unmatched lines, last month settled to the fen. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];

beforeAll(async () => {
  w = await createWorld({ afterSchool: true });
});
afterAll(() => w.close());

describe('demo money', () => {
  it('has bills, payments, unmatched lines and a settled month that reconciles', async () => {
    const principal = await w.login('demo-principal');
    const [school] = await q<{ id: string }>(`select id from schools where code = 'SY01'`);
    const rows = await q<{ month: string; n: string; paid: string; due: string }>(
      `select month, count(*) as n, sum(paid_fen) as paid, sum(due_fen) as due from after_school_bills where school_id = $1 group by month order by month`,
      [school!.id],
    );
    expect(rows.map((r) => r.month)).toContain('2026-11');
    for (const r of rows) expect(Number(r.n)).toBeGreaterThan(50);
    const first = rows[0]!;
    expect(Number(first.paid)).toBeGreaterThan(Number(first.due) * 0.9);
    const unmatched = await call(w.app, principal, 'GET', `/api/after-school/money/payments?schoolId=${school!.id}&unmatched=1`);
    expect(unmatched.body.items.length).toBe(2);
    expect(unmatched.body.total).toBe(2);
    const s = await call(w.app, principal, 'GET', `/api/after-school/money/settlement?schoolId=${school!.id}&period=${first.month}`);
    expect(s.body.version).toBe(1);
    expect(s.body.teachers.length).toBeGreaterThan(3);
    expect(s.body.providers.length).toBeGreaterThan(0);
    expect(s.body.incomeFen).toBe(s.body.refundsFen + s.body.providersFen + s.body.teachersFen + s.body.costsFen + s.body.remainderFen);
    const [stats] = await q<{ fees_due_fen: string; fees_paid_fen: string }>(`select fees_due_fen, fees_paid_fen from after_school_school_stats where school_id = $1 and fees_due_fen > 0`, [school!.id]);
    expect(Number(stats!.fees_paid_fen)).toBeGreaterThan(0);
    expect(Number(stats!.fees_due_fen)).toBe(rows.reduce((t, r) => t + Number(r.due), 0));
    expect(Number(stats!.fees_paid_fen)).toBe(rows.reduce((t, r) => t + Number(r.paid), 0));
    // one payment entered twice by hand, reversed with its reason; every bill's paid amount is its ledger of allocations
    const reversed = await q<{ reason: string }>(`select reason from after_school_payment_reversals where school_id = $1`, [school!.id]);
    expect(reversed.map((r) => r.reason)).toEqual([expect.stringContaining('重复登记')]);
    const [drift] = await q<{ n: string }>(
      `select count(*) as n from after_school_bills b where b.school_id = $1
       and b.paid_fen <> (select coalesce(sum(a.amount_fen), 0) from after_school_payment_allocations a where a.district_id = b.district_id and a.bill_id = b.id)`,
      [school!.id],
    );
    expect(Number(drift!.n)).toBe(0);
  });
});
