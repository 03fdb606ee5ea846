/**
 * Early warning and the district view against raw rows: each rule opens its alert with the evidence at its threshold
 * and not one short of it (default policy: the custody bank's closing balance ≥ the ledger's custody balance that day, deposit ≥ owed × 100%, 5 refunds in 7 days,
 * 3 complaints in 30 days, 14 idle days, 60 lessons / 3 months, nothing while suspended); one open case per kind and
 * a new case after closing; the case workflow; who may see what; the overview against a count from the raw tables.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { refreshTrainingStats } from './index';

let w: World;
let d: string;
let zones: string[];
let parentId: string;
let studentId: string;
const TODAY = '2026-11-26';
const at = (daysAgo: number) => `${new Date(Date.parse(`${TODAY}T04:00:00Z`) - daysAgo * 86_400_000).toISOString()}`;

const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
let seq = 0;

/** A scratch institution with its profile, one approved course and a package of `lessons` / `months`. */
async function institution(zone: number, opts: { mode?: 'custody' | 'deposit'; status?: string; lessons?: number; months?: number } = {}) {
  seq += 1;
  const [i] = await q<{ id: string }>(
    `insert into institutions (district_id, zone_id, name, license_no, category, field, status) values ($1, $2, $3, $4, 'non_subject', '体育', $5) returning id`,
    [d, zones[zone], `测试机构${seq}`, `测试${seq}`, opts.status ?? 'active'],
  );
  const id = i!.id;
  await q(`insert into training_profiles (district_id, institution_id, zone_id, legal_form, custody_mode, filing_status) values ($1, $2, $3, 'for_profit', $4, 'approved')`, [
    d,
    id,
    zones[zone],
    opts.mode ?? 'custody',
  ]);
  const [c] = await q<{ id: string }>(
    `insert into training_courses (district_id, institution_id, zone_id, name, subtype, category, mode, lesson_minutes, max_class_size, price_per_lesson_fen, status)
     values ($1, $2, $3, '篮球', 'sports', 'non_subject', 'offline', 45, 10, 10000, 'approved') returning id`,
    [d, id, zones[zone]],
  );
  const [p] = await q<{ id: string }>(
    `insert into training_packages (district_id, institution_id, zone_id, course_id, name, lessons, months, price_fen, status)
     values ($1, $2, $3, $4, '课时包', $5, $6, $7, 'approved') returning id`,
    [d, id, zones[zone], c!.id, opts.lessons ?? 10, opts.months ?? 3, (opts.lessons ?? 10) * 10000],
  );
  return { id, zoneId: zones[zone]!, courseId: c!.id, packageId: p!.id };
}

type Inst = Awaited<ReturnType<typeof institution>>;

/** An active order with `left` lessons owed at ¥100 and an order account holding `held` fen. */
async function order(inst: Inst, opts: { left?: number; held?: number; daysAgo?: number; status?: string } = {}) {
  seq += 1;
  const left = opts.left ?? 10;
  const orderId = randomUUID();
  const [acc] = await q<{ id: string }>(
    `insert into training_accounts (district_id, kind, institution_id, order_id, non_negative, credits_posted) values ($1, 'order', $2, $3, 1, $4) returning id`,
    [d, inst.id, orderId, opts.held ?? left * 10000],
  );
  const [o] = await q<{ id: string }>(
    `insert into training_orders (district_id, id, code, institution_id, zone_id, course_id, package_id, student_id, guardian_user_id, lessons, lessons_left,
       price_fen, price_per_lesson_fen, status, contract_version, contract_hash, contract_accepted_at, custody_mode, valid_until, account_id, created_at)
     values ($1, $13, $2, $3, $4, $5, $6, $7, $8, 10, $9, 100000, 10000, $10, 'v1', 'h', now(), 'custody', '2027-02-26', $11, $12) returning id`,
    [d, `T${seq}`, inst.id, inst.zoneId, inst.courseId, inst.packageId, studentId, parentId, left, opts.status ?? 'active', acc!.id, at(opts.daysAgo ?? 1), orderId],
  );
  return o!.id;
}

/** An imported custody-bank statement for the period ending `to`, closing at `closing`, the ledger at `ledger` that day. */
async function statement(inst: Inst, opts: { closing: number; ledger: number; to: string }) {
  seq += 1;
  await q(
    `insert into training_statement_imports (district_id, institution_id, zone_id, period_from, period_to, file_name, file_sha256, lines,
       bank_in_fen, bank_out_fen, statement_closing_fen, ledger_closing_fen, imported_by, reconciled_by)
     values ($1, $2, $3, $4::date - 29, $4, 'statement.csv', $5, 0, 0, 0, $6, $7, $8, $8)`,
    [d, inst.id, inst.zoneId, opts.to, `sha-${seq}-${randomUUID()}`, opts.closing, opts.ledger, parentId],
  );
}

async function alertsOf(institutionId: string) {
  return q<{ id: string; kind: string; status: string; evidence: { rule: string; figures: Record<string, unknown>; policyVersion: string | null } }>(
    `select id, kind, status, evidence from training_alerts where district_id = $1 and institution_id = $2 order by opened_at`,
    [d, institutionId],
  );
}

beforeAll(async () => {
  w = await createWorld({ training: true });
  [{ id: d }] = (await q<{ id: string }>(`select id from districts where code = 'demo'`)) as [{ id: string }];
  zones = (await q<{ id: string }>(`select id from zones where district_id = $1 order by name like '城西%'`, [d])).map((z) => z.id); // 城东, 城西
  [{ id: parentId }] = (await q<{ id: string }>(`select id from users where district_id = $1 and username = 'demo-parent'`, [d])) as [{ id: string }];
  [{ id: studentId }] = (await q<{ id: string }>(`select id from students where district_id = $1 and name = '张小明'`, [d])) as [{ id: string }];
});
afterAll(() => w.close());

describe('the demo', () => {
  it('opens the alerts its data raises, one case under way', async () => {
    const demo = await q<{ kind: string; status: string; name: string }>(
      `select a.kind, a.status, i.name from training_alerts a join institutions i on i.district_id = a.district_id and i.id = a.institution_id
       where a.district_id = $1 order by i.name, a.kind`,
      [d],
    );
    expect(demo.length).toBeGreaterThan(0);
    expect(demo.some((a) => a.status === 'assigned')).toBe(true);
  });
});

describe('warning rules', () => {
  it("a bank statement closing below the ledger's custody balance opens custody_shortfall, 1 fen short and not when equal", async () => {
    const ok = await institution(0);
    await order(ok, { left: 5 });
    await statement(ok, { closing: 50000, ledger: 50000, to: '2026-11-20' });
    const short = await institution(0);
    await order(short, { left: 5 });
    await statement(short, { closing: 80000, ledger: 80000, to: '2026-10-31' });
    await statement(short, { closing: 49999, ledger: 50000, to: '2026-11-20' }); // the latest statement counts
    const unverified = await institution(0);
    await order(unverified, { left: 5, held: 1 }); // the ledger alone raises nothing: it holds what it owes
    await refreshTrainingStats(w.db.database.db, d, TODAY);
    expect(await alertsOf(ok.id)).toEqual([]);
    expect(await alertsOf(unverified.id)).toEqual([]);
    const [a] = await alertsOf(short.id);
    expect(a).toMatchObject({ kind: 'custody_shortfall', status: 'open' });
    expect(a!.evidence.figures).toEqual({ bankClosingFen: 49999, ledgerClosingFen: 50000, shortfallFen: 1, statementTo: '2026-11-20' });
    expect(a!.evidence.rule).toContain('training.custody');
    expect(a!.evidence).toHaveProperty('policyVersion', null);
  });

  it('a deposit below owed × depositMinShareBp opens deposit_shortfall (the share cited)', async () => {
    const ok = await institution(1, { mode: 'deposit' });
    await order(ok, { left: 3, held: 0 });
    await q(`insert into training_accounts (district_id, kind, institution_id, non_negative, credits_posted) values ($1, 'deposit', $2, 1, 30000)`, [d, ok.id]);
    const short = await institution(1, { mode: 'deposit' });
    await order(short, { left: 3, held: 0 });
    await q(`insert into training_accounts (district_id, kind, institution_id, non_negative, credits_posted) values ($1, 'deposit', $2, 1, 29999)`, [d, short.id]);
    await refreshTrainingStats(w.db.database.db, d, TODAY);
    expect(await alertsOf(ok.id)).toEqual([]);
    const [a] = await alertsOf(short.id);
    expect(a).toMatchObject({ kind: 'deposit_shortfall' });
    expect(a!.evidence.figures).toMatchObject({ depositFen: 29999, owedFen: 30000, depositMinShareBp: 10000, requiredFen: 30000, shortfallFen: 1 });
  });

  it('5 refund requests within 7 days open refund_burst; 4 (and one older) do not', async () => {
    const refunds = async (inst: Inst, days: number[]) => {
      for (const daysAgo of days) {
        const o = await order(inst, { daysAgo: 20, status: 'refunded', left: 0, held: 0 });
        await q(
          `insert into training_refunds (district_id, order_id, institution_id, zone_id, student_id, amount_fen, reason, deadline, created_at)
           values ($1, $2, $3, $4, $5, 1000, '搬家', '2026-12-03', $6)`,
          [d, o, inst.id, inst.zoneId, studentId, at(daysAgo)],
        );
      }
    };
    const ok = await institution(0);
    await refunds(ok, [0, 1, 2, 6, 7]);
    const burst = await institution(0);
    await refunds(burst, [0, 1, 2, 3, 6]);
    await refreshTrainingStats(w.db.database.db, d, TODAY);
    expect(await alertsOf(ok.id)).toEqual([]);
    const [a] = await alertsOf(burst.id);
    expect(a).toMatchObject({ kind: 'refund_burst' });
    expect(a!.evidence.figures).toMatchObject({ refunds: 5, refundBurstCount: 5, refundBurstDays: 7 });
  });

  it('3 complaints within 30 days open complaint_burst; 2 do not', async () => {
    const complaints = async (inst: Inst, n: number) => {
      for (let k = 0; k < n; k++) {
        seq += 1;
        await q(
          `insert into training_complaints (district_id, code, channel, category, institution_id, institution_name, description, status, received_on, deadline, answer_days)
           values ($1, $2, 'public', 'overcharge', $3, '测试机构', '收费过高', 'received', $4, '2026-12-20', 15)`,
          [d, `TESTC${seq}`.padEnd(10, 'X'), inst.id, k === 0 ? '2026-10-28' : '2026-11-20'],
        );
      }
    };
    const ok = await institution(1);
    await complaints(ok, 2);
    const burst = await institution(1);
    await complaints(burst, 3);
    await refreshTrainingStats(w.db.database.db, d, TODAY);
    expect(await alertsOf(ok.id)).toEqual([]);
    const [a] = await alertsOf(burst.id);
    expect(a).toMatchObject({ kind: 'complaint_burst' });
    expect(a!.evidence.figures).toMatchObject({ complaints: 3, complaintBurstCount: 3, complaintBurstDays: 30 });
  });

  it('14 days without a lesson consumed while lessons are owed open idle_with_owed; 13 do not', async () => {
    const lastLesson = async (inst: Inst, daysAgo: number) => {
      const o = await order(inst, { daysAgo: 40, left: 6 });
      const date = at(daysAgo).slice(0, 10);
      const [l] = await q<{ id: string }>(
        `insert into training_lessons (district_id, institution_id, zone_id, course_id, date, start_time, end_time, mode) values ($1, $2, $3, $4, $5, '16:00', '16:45', 'offline') returning id`,
        [d, inst.id, inst.zoneId, inst.courseId, date],
      );
      await q(
        `insert into training_consumptions (district_id, lesson_id, order_id, institution_id, zone_id, student_id, amount_fen, status) values ($1, $2, $3, $4, $5, $6, 10000, 'confirmed')`,
        [d, l!.id, o, inst.id, inst.zoneId, studentId],
      );
    };
    const ok = await institution(0);
    await lastLesson(ok, 13);
    const idle = await institution(0);
    await lastLesson(idle, 14);
    const never = await institution(0);
    await order(never, { daysAgo: 14, left: 2 });
    await refreshTrainingStats(w.db.database.db, d, TODAY);
    expect(await alertsOf(ok.id)).toEqual([]);
    const [a] = await alertsOf(idle.id);
    expect(a).toMatchObject({ kind: 'idle_with_owed' });
    expect(a!.evidence.figures).toMatchObject({ idleDays: 14, idleDaysLimit: 14, lastConsumptionOn: '2026-11-12', lessonsOwed: 6 });
    expect((await alertsOf(never.id)).map((x) => x.kind)).toEqual(['idle_with_owed']);
  });

  it('orders on a package over 60 lessons or 3 months open sales_beyond_limits; at the limits they do not', async () => {
    const ok = await institution(1, { lessons: 60, months: 3 });
    await order(ok);
    const over = await institution(1, { lessons: 61, months: 3 });
    await order(over);
    const long = await institution(1, { lessons: 20, months: 4 });
    await order(long);
    await refreshTrainingStats(w.db.database.db, d, TODAY);
    expect(await alertsOf(ok.id)).toEqual([]);
    const [a] = await alertsOf(over.id);
    expect(a).toMatchObject({ kind: 'sales_beyond_limits' });
    expect(a!.evidence.figures).toMatchObject({ orders: 1, maxLessons: 60, maxMonths: 3 });
    expect((await alertsOf(long.id)).map((x) => x.kind)).toEqual(['sales_beyond_limits']);
  });

  it('an order placed after the suspension opens activity_while_suspended; one before it does not', async () => {
    const suspend = async (inst: Inst, daysAgo: number) =>
      q(
        `insert into training_status_history (district_id, institution_id, zone_id, from_status, to_status, from_list, to_list, reason, by_name, at)
         values ($1, $2, $3, 'active', 'suspended', 'none', 'none', '无证经营', '区教育局', $4)`,
        [d, inst.id, inst.zoneId, at(daysAgo)],
      );
    const ok = await institution(0, { status: 'suspended' });
    await order(ok, { daysAgo: 10 });
    await suspend(ok, 5);
    const busy = await institution(0, { status: 'suspended' });
    await order(busy, { daysAgo: 2 });
    await suspend(busy, 5);
    await refreshTrainingStats(w.db.database.db, d, TODAY);
    expect(await alertsOf(ok.id)).toEqual([]);
    const [a] = await alertsOf(busy.id);
    expect(a).toMatchObject({ kind: 'activity_while_suspended' });
    expect(a!.evidence.figures).toMatchObject({ activities: 1, status: 'suspended' });
  });
});

describe('cases', () => {
  let inst: Inst;
  let alertId: string;
  let district: string;
  let zoneInspector: string;

  beforeAll(async () => {
    inst = await institution(1);
    await order(inst, { left: 4 });
    await statement(inst, { closing: 100, ledger: 40000, to: '2026-11-25' });
    await refreshTrainingStats(w.db.database.db, d, TODAY);
    alertId = (await alertsOf(inst.id))[0]!.id;
    district = await w.login('demo-district');
    zoneInspector = await w.login('zone-inspector');
  });

  it("counts the bank's shortfall against the institution's custody coverage, in the custody summary and the district view", async () => {
    const summary = await call(w.app, district, 'GET', '/api/training/custody/summary');
    const row = (summary.body.rows as { institutionId: string }[]).find((r) => r.institutionId === inst.id);
    expect(row).toMatchObject({ heldFen: 40000, bankShortfallFen: 39900, bankStatementTo: '2026-11-25', securedFen: 100, covered: false });
    const detail = await call(w.app, district, 'GET', `/api/training/district/institutions/${inst.id}`);
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body)).toContain('"covered":false');
  });

  it('keeps one open case per kind; after closing, the next breach is a new case', async () => {
    await refreshTrainingStats(w.db.database.db, d, TODAY);
    await w.runJob('training.stats');
    expect((await alertsOf(inst.id)).length).toBe(1);
  });

  it('lists with filters, shows the evidence, assigns, notes and closes with an outcome', async () => {
    const list = await call(w.app, district, 'GET', `/api/training/alerts?kind=custody_shortfall&institutionId=${inst.id}`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ id: alertId, kind: 'custody_shortfall', status: 'open', zoneName: '城西学区' })]);
    const none = await call(w.app, district, 'GET', `/api/training/alerts?status=closed&institutionId=${inst.id}`);
    expect(none.body).toEqual([]);

    const people = await call(w.app, district, 'GET', `/api/training/alerts/assignees?zoneId=${inst.zoneId}`);
    const inspector = (people.body as { userId: string; name: string }[]).find((p) => p.name === '郑国强')!;
    expect(inspector).toBeDefined();
    const bad = await call(w.app, district, 'POST', `/api/training/alerts/${alertId}/assign`, { assigneeId: parentId });
    expect(bad.status).toBe(400);
    const assigned = await call(w.app, district, 'POST', `/api/training/alerts/${alertId}/assign`, { assigneeId: inspector.userId });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', assigneeName: '郑国强', evidence: { figures: { bankClosingFen: 100, ledgerClosingFen: 40000 } } });

    const noted = await call(w.app, zoneInspector, 'POST', `/api/training/alerts/${alertId}/notes`, { text: '已约谈机构负责人' });
    expect(noted.status).toBe(200);
    expect((noted.body as { notes: { text: string }[] }).notes.map((n) => n.text)).toEqual(['交由 郑国强 处置', '已约谈机构负责人']);

    const closed = await call(w.app, zoneInspector, 'POST', `/api/training/alerts/${alertId}/close`, { outcome: 'rectification_ordered', note: '责令补足托管资金' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'rectification_ordered', outcomeNote: '责令补足托管资金' });
    expect((await call(w.app, district, 'POST', `/api/training/alerts/${alertId}/notes`, { text: '再记一笔' })).status).toBe(409);
    expect((await call(w.app, district, 'POST', `/api/training/alerts/${alertId}/close`, { outcome: 'resolved', note: 'x' })).status).toBe(409);
    const audit = await q<{ action: string }>(`select action from audit_log where entity_id = $1 order by at, id`, [alertId]);
    expect(audit.map((x) => x.action)).toEqual(['training.alert.open', 'training.alert.assign', 'training.alert.note', 'training.alert.close']);

    await refreshTrainingStats(w.db.database.db, d, TODAY);
    const cases = await alertsOf(inst.id);
    expect(cases.map((c) => c.status)).toEqual(['closed', 'open']);
  });

  it('refuses bad input with the field named', async () => {
    const res = await call(w.app, district, 'POST', `/api/training/alerts/${alertId}/close`, { outcome: 'whatever', note: '' });
    expect(res.status).toBe(400);
  });

  it('scopes: an inspector of another zone, an institution admin, another district', async () => {
    const other = await institution(0);
    await order(other, { left: 1 });
    await statement(other, { closing: 0, ledger: 10000, to: '2026-11-25' });
    await refreshTrainingStats(w.db.database.db, d, TODAY);
    const east = (await alertsOf(other.id))[0]!;
    expect((await call(w.app, zoneInspector, 'GET', `/api/training/alerts/${east.id}`)).status).toBe(404);
    expect((await call(w.app, zoneInspector, 'POST', `/api/training/alerts/${east.id}/notes`, { text: 'x' })).status).toBe(404);
    const seen = (await call(w.app, zoneInspector, 'GET', '/api/training/alerts')).body as { zoneId: string }[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((a) => a.zoneId === zones[1])).toBe(true);
    // an inspector of 城西 cannot take a case of 城东
    const people = (await call(w.app, district, 'GET', `/api/training/alerts/assignees?zoneId=${zones[0]}`)).body as { name: string }[];
    expect(people.map((p) => p.name)).not.toContain('郑国强');

    const institutionAdmin = await w.login('demo-institution');
    expect((await call(w.app, institutionAdmin, 'GET', '/api/training/alerts')).status).toBe(403);
    expect((await call(w.app, institutionAdmin, 'GET', '/api/training/district')).status).toBe(403);
    const otherDistrict = await w.login('other-admin');
    expect((await call(w.app, otherDistrict, 'GET', `/api/training/alerts/${east.id}`)).status).toBe(404);
    expect((await call(w.app, otherDistrict, 'GET', `/api/training/district/institutions/${other.id}`)).status).toBe(404);
    expect((await call(w.app, otherDistrict, 'GET', '/api/training/alerts')).body).toEqual([]);
  });
});

describe('district overview', () => {
  it('matches a count from the raw tables, per zone and for the district; the inspector of 城西 sees its zone', async () => {
    await refreshTrainingStats(w.db.database.db, d, TODAY);
    const district = await w.login('demo-district');
    const res = await call(w.app, district, 'GET', '/api/training/district');
    expect(res.status).toBe(200);
    const o = res.body as {
      total: { institutions: number; covered: number; openAlerts: number } & Record<string, number>;
      zones: { zoneId: string; institutions: number; heldFen: number }[];
      institutions: { institutionId: string; covered: boolean | null }[];
      matrix: { count: number }[];
      alertsByKind: Record<string, number>;
    };
    const [hand] = await q<Record<string, string>>(
      `select
         (select count(*) from institutions where district_id = $1) as institutions,
         (select coalesce(sum(credits_posted - debits_posted), 0) from training_accounts where district_id = $1 and kind = 'order' and institution_id is not null) as held,
         (select coalesce(sum(credits_posted - debits_posted), 0) from training_accounts where district_id = $1 and kind = 'released') as released,
         (select coalesce(sum(amount_fen), 0) from training_transfers where district_id = $1 and kind = 'refund') as refunded,
         (select coalesce(sum(lessons_left::bigint * price_per_lesson_fen), 0) from training_orders where district_id = $1 and status = 'active') as owed,
         (select count(*) from training_alerts where district_id = $1 and status <> 'closed') as open_alerts,
         (select count(*) from training_complaints where district_id = $1 and institution_id is not null and status in ('received', 'assigned', 'investigating')) as complaints_open,
         (select count(*) from training_complaints where district_id = $1 and institution_id is not null and status in ('received', 'assigned', 'investigating') and deadline < $2) as complaints_overdue,
         (select count(distinct institution_id) from training_orders where district_id = $1 and status = 'active' and lessons_left > 0) as owing`,
      [d, TODAY],
    );
    expect(o.total).toMatchObject({
      institutions: Number(hand!.institutions),
      heldFen: Number(hand!.held),
      releasedFen: Number(hand!.released),
      refundedFen: Number(hand!.refunded),
      owedFen: Number(hand!.owed),
      openAlerts: Number(hand!.open_alerts),
      complaintsOpen: Number(hand!.complaints_open),
      complaintsOverdue: Number(hand!.complaints_overdue),
      owing: Number(hand!.owing),
    });
    expect(o.total.covered).toBe(o.institutions.filter((i) => i.covered).length);
    expect(o.zones.reduce((n, z) => n + z.institutions, 0)).toBe(o.total.institutions);
    expect(o.matrix.reduce((n, c) => n + c.count, 0)).toBe(o.total.institutions);
    expect(Object.values(o.alertsByKind).reduce((n, k) => n + k, 0)).toBe(o.total.openAlerts);

    const inspector = await w.login('zone-inspector');
    const west = (await call(w.app, inspector, 'GET', '/api/training/district')).body as typeof o;
    expect(west.zones.map((z) => z.zoneId)).toEqual([zones[1]]);
    expect(west.total.heldFen).toBe(o.zones.find((z) => z.zoneId === zones[1])!.heldFen);

    const one = o.institutions[0]!;
    const detail = await call(w.app, district, 'GET', `/api/training/district/institutions/${one.institutionId}`);
    expect(detail.status).toBe(200);
    const xlsx = await w.app.inject({ method: 'GET', url: '/api/training/district/export', headers: { cookie: district } });
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['学区汇总', '机构明细', '未结预警']);
    expect(wb.getWorksheet('机构明细')!.rowCount).toBe(o.total.institutions + 1);
  });
});
