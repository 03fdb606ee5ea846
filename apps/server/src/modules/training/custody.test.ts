/**
 * Orders and the custody ledger through the API: buying under the standard contract, lessons recorded and released
 * (一课一消), confirmation, dispute, the automatic confirmation, refunds, deposits, the district's views — and the
 * refusals: another family's child, another institution's orders, a suspended institution selling, a stale contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { autoConfirmDistrict } from './autoconfirm';

let w: World;
let parent: string;
let inst: string;
let district: string;
let districtId: string;
let child: string;
let otherChild: string;
let qiming: string;
let feiyue: string;
let hash: string;
const q = <T = Record<string, string>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);

async function packageOf(institution: string) {
  const [row] = await q<{ id: string; courseId: string }>(
    `select p.id, p.course_id as "courseId" from training_packages p join institutions i on i.district_id = p.district_id and i.id = p.institution_id
     where i.name = $1 and p.status = 'approved' order by p.lessons limit 1`,
    [institution],
  );
  return row!;
}

async function ledgerBalanced() {
  const [row] = await q<{ sum: string; bad: string }>(
    `select coalesce(sum(credits_posted - debits_posted), 0)::text as sum,
       (select count(*) from training_accounts a where a.non_negative = 1 and a.debits_posted > a.credits_posted)::text as bad
     from training_accounts where district_id = $1`,
    [districtId],
  );
  expect(row).toEqual({ sum: '0', bad: '0' });
}

beforeAll(async () => {
  w = await createWorld({ training: true });
  [parent, inst, district] = await Promise.all([w.login('demo-parent'), w.login('demo-institution'), w.login('demo-district')]);
  const [kid] = await q<{ id: string; districtId: string; classId: string }>(`select id, district_id as "districtId", class_id as "classId" from students where name = '张小明'`);
  child = kid!.id;
  districtId = kid!.districtId;
  const [other] = await q<{ id: string }>(`select id from students where district_id = $1 and class_id = $2 and id <> $3 limit 1`, [districtId, kid!.classId, child]);
  otherChild = other!.id;
  qiming = (await q<{ id: string }>(`select id from institutions where name = '启明文化艺术培训学校'`))[0]!.id;
  feiyue = (await q<{ id: string }>(`select id from institutions where name = '飞跃少儿体育俱乐部'`))[0]!.id;
  hash = (await call(w.app, parent, 'GET', '/api/training/contract')).body.sha256;
}, 180_000);
afterAll(() => w.close());

describe('buying a package', () => {
  it('lists approved packages of institutions in good standing only', async () => {
    const res = await call(w.app, parent, 'GET', `/api/training/family/packages?studentId=${child}`);
    expect(res.status).toBe(200);
    const names = new Set(res.body.packages.map((p: { institutionName: string }) => p.institutionName));
    expect(names.has('启明文化艺术培训学校')).toBe(true);
    expect(names.has('博学学科辅导中心')).toBe(false);
    expect(names.has('捷径升学补习班')).toBe(false);
    expect(res.body.contract.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses another family's child, a missing acceptance and a stale contract", async () => {
    const pkg = await packageOf('启明文化艺术培训学校');
    expect((await call(w.app, parent, 'GET', `/api/training/family/packages?studentId=${otherChild}`)).status).toBe(404);
    expect((await call(w.app, parent, 'POST', '/api/training/orders', { packageId: pkg.id, studentId: otherChild, acceptContract: true, contractHash: hash })).status).toBe(404);
    expect((await call(w.app, parent, 'POST', '/api/training/orders', { packageId: pkg.id, studentId: child, acceptContract: false, contractHash: hash })).status).toBe(400);
    const stale = await call(w.app, parent, 'POST', '/api/training/orders', { packageId: pkg.id, studentId: child, acceptContract: true, contractHash: '0'.repeat(64) });
    expect(stale.status).toBe(409);
    expect((await call(w.app, inst, 'POST', '/api/training/orders', { packageId: pkg.id, studentId: child, acceptContract: true, contractHash: hash })).status).toBe(403);
  });

  it('refuses a suspended institution selling and keeps the attempt on record', async () => {
    const pkg = await packageOf('博学学科辅导中心');
    const res = await call(w.app, parent, 'POST', '/api/training/orders', { packageId: pkg.id, studentId: child, acceptContract: true, contractHash: hash });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('暂停');
    const logged = await q(`select 1 from audit_log where action = 'training.order.refused' and entity_id = $1`, [pkg.id]);
    expect(logged).toHaveLength(1);
  });

  it('moves the price into custody once, even when the request is retried with its Idempotency-Key', async () => {
    const pkg = await packageOf('启明文化艺术培训学校');
    const body = { packageId: pkg.id, studentId: child, acceptContract: true, contractHash: hash };
    const send = () => w.app.inject({ method: 'POST', url: '/api/training/orders', headers: { cookie: parent, 'idempotency-key': 'order-retry-0001' }, payload: body });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const order = JSON.parse(first.body);
    expect(JSON.parse(second.body).id).toBe(order.id);
    expect(order.money).toMatchObject({ paidFen: order.priceFen, heldFen: order.priceFen, releasedFen: 0 });
    expect(order.contractHash).toBe(hash);
    const transfers = await q(`select 1 from training_transfers where order_id = $1`, [order.id]);
    expect(transfers).toHaveLength(1);
    await ledgerBalanced();
  });
});

describe('lessons release money (一课一消)', () => {
  let order: { id: string; priceFen: number; pricePerLessonFen: number; lessons: number };
  let courseId: string;

  beforeAll(async () => {
    const pkg = await packageOf('启明文化艺术培训学校');
    courseId = pkg.courseId;
    order = (await call(w.app, parent, 'POST', '/api/training/orders', { packageId: pkg.id, studentId: child, acceptContract: true, contractHash: hash })).body;
  });

  it("refuses an institution reading or recording another's orders", async () => {
    expect((await call(w.app, inst, 'GET', `/api/training/institution/orders?institutionId=${feiyue}`)).status).toBe(404);
    expect((await call(w.app, inst, 'GET', `/api/training/lessons?institutionId=${feiyue}`)).status).toBe(404);
    const mine = await call(w.app, inst, 'GET', `/api/training/institution/orders?institutionId=${qiming}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.some((o: { id: string }) => o.id === order.id)).toBe(true);
    expect(mine.body.total).toBeGreaterThanOrEqual(mine.body.items.length);
    const feiyueCourse = (await q<{ id: string }>(`select id from training_courses where institution_id = $1 limit 1`, [feiyue]))[0]!.id;
    const res = await call(w.app, inst, 'POST', '/api/training/lessons', { institutionId: feiyue, courseId: feiyueCourse, date: '2026-11-26', startTime: '16:00', endTime: '16:45', orderIds: [order.id] });
    expect(res.status).toBe(404);
  });

  it('records a lesson, the parent confirms, the price of one lesson is released', async () => {
    const res = await call(w.app, inst, 'POST', '/api/training/lessons', { institutionId: qiming, courseId, date: '2026-11-26', startTime: '16:00', endTime: '16:45', teacherName: '周墨', orderIds: [order.id] });
    expect(res.status).toBe(200);
    expect(res.body.attendees).toEqual([expect.objectContaining({ orderId: order.id, outcome: 'recorded', amountFen: order.pricePerLessonFen })]);
    const consumptionId = res.body.attendees[0].consumptionId;
    const again = await call(w.app, inst, 'POST', `/api/training/lessons/${res.body.lesson.id}/consume`, { orderId: order.id });
    expect(again.status).toBe(409);

    const mine = await call(w.app, parent, 'GET', `/api/training/family/orders?studentId=${child}`);
    const o = mine.body.orders.find((x: { id: string }) => x.id === order.id);
    expect(o.lessonsLeft).toBe(order.lessons - 1);
    expect(o.consumptions[0]).toMatchObject({ id: consumptionId, status: 'pending' });
    expect(o.money.pendingFen).toBe(order.pricePerLessonFen);

    expect((await call(w.app, inst, 'POST', `/api/training/consumptions/${consumptionId}/confirm`)).status).toBe(403);
    const ok = await call(w.app, parent, 'POST', `/api/training/consumptions/${consumptionId}/confirm`);
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('confirmed');
    expect(ok.body.transferId).toBeTruthy();
    expect((await call(w.app, parent, 'POST', `/api/training/consumptions/${consumptionId}/confirm`)).status).toBe(409);
    const money = await call(w.app, inst, 'GET', `/api/training/institution/summary?institutionId=${qiming}`);
    expect(money.body.releasedFen).toBeGreaterThanOrEqual(order.pricePerLessonFen);
    await ledgerBalanced();
  });

  it('a dispute gives the lesson back and releases nothing', async () => {
    const res = await call(w.app, inst, 'POST', '/api/training/lessons', { institutionId: qiming, courseId, date: '2026-11-26', startTime: '17:00', endTime: '17:45', orderIds: [order.id] });
    const id = res.body.attendees[0].consumptionId;
    expect((await call(w.app, parent, 'POST', `/api/training/consumptions/${id}/dispute`, { reason: '' })).status).toBe(400);
    const d = await call(w.app, parent, 'POST', `/api/training/consumptions/${id}/dispute`, { reason: '孩子当天请假未到课' });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ status: 'disputed', transferId: null });
    const [row] = await q<{ left: number }>(`select lessons_left as left from training_orders where id = $1`, [order.id]);
    expect(row!.left).toBe(order.lessons - 1);
  });

  it('confirms by itself after the policy hours, once, even when two runs race', async () => {
    const res = await call(w.app, inst, 'POST', '/api/training/lessons', { institutionId: qiming, courseId, date: '2026-11-26', startTime: '18:00', endTime: '18:45', orderIds: [order.id] });
    const id = res.body.attendees[0].consumptionId;
    const early = await autoConfirmDistrict(w.db.database.db, districtId, w.clock.now(), 48);
    expect(early).toBe(0);
    const later = new Date(w.clock.now().getTime() + 49 * 3_600_000);
    const [a, b] = await Promise.all([autoConfirmDistrict(w.db.database.db, districtId, later, 48), autoConfirmDistrict(w.db.database.db, districtId, later, 48)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    const [c] = await q<{ status: string }>(`select status from training_consumptions where id = $1`, [id]);
    expect(c!.status).toBe('auto_confirmed');
    expect(await q(`select 1 from training_transfers where idempotency_key = $1`, [`consume:${id}`])).toHaveLength(1);
    expect(await autoConfirmDistrict(w.db.database.db, districtId, later, 48)).toBe(0);
    await ledgerBalanced();
  });

  it('refunds the unconsumed part: requested by the family, paid by the district', async () => {
    const res = await call(w.app, parent, 'POST', `/api/training/orders/${order.id}/refund`, { reason: '孩子转学' });
    expect(res.status).toBe(200);
    const expected = order.priceFen - 2 * order.pricePerLessonFen;
    expect(res.body).toMatchObject({ status: 'requested', amountFen: expected, overdue: false });
    expect((await call(w.app, parent, 'POST', `/api/training/orders/${order.id}/refund`, { reason: '再次' })).status).toBe(409);
    // no lesson is taken from a refunded order
    const lesson = await call(w.app, inst, 'POST', '/api/training/lessons', { institutionId: qiming, courseId, date: '2026-11-26', startTime: '19:00', endTime: '19:45', orderIds: [order.id] });
    expect(lesson.body.attendees[0].outcome).toBe('inactive');
    expect((await call(w.app, parent, 'POST', `/api/training/refunds/${res.body.id}/pay`, {})).status).toBe(403);
    const paid = await call(w.app, district, 'POST', `/api/training/refunds/${res.body.id}/pay`, { reference: 'BANK-0001' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', payReference: 'BANK-0001' });
    expect((await call(w.app, district, 'POST', `/api/training/refunds/${res.body.id}/pay`, {})).status).toBe(409);
    const mine = await call(w.app, parent, 'GET', `/api/training/family/orders?studentId=${child}`);
    const o = mine.body.orders.find((x: { id: string }) => x.id === order.id);
    expect(o.status).toBe('refunded');
    expect(o.money).toMatchObject({ heldFen: 0, refundedFen: expected, releasedFen: 2 * order.pricePerLessonFen, paidFen: order.priceFen });
    await ledgerBalanced();
  });
});

describe("the district's views", () => {
  it('records a deposit and shows coverage per institution', async () => {
    const [sci] = await q<{ id: string }>(`select id from institutions where name = '小科学家科技创新中心'`);
    expect((await call(w.app, inst, 'POST', '/api/training/deposits', { institutionId: sci!.id, amountFen: 100000, paidOn: '2026-11-20' })).status).toBe(403);
    const dep = await call(w.app, district, 'POST', '/api/training/deposits', { institutionId: sci!.id, amountFen: 100000, paidOn: '2026-11-20', reference: 'BZJ-1' });
    expect(dep.status).toBe(200);
    const tooMuch = await call(w.app, district, 'POST', '/api/training/deposits', { institutionId: sci!.id, amountFen: 10_000_000, paidOn: '2026-11-21', direction: 'release' });
    expect(tooMuch.status).toBe(409);
    const summary = await call(w.app, district, 'GET', '/api/training/custody/summary');
    expect(summary.status).toBe(200);
    const row = summary.body.rows.find((r: { institutionId: string }) => r.institutionId === sci!.id);
    expect(row).toMatchObject({ custodyMode: 'deposit', securedFen: row.depositFen });
    expect(row.depositFen).toBeGreaterThanOrEqual(100000);
    expect((await call(w.app, parent, 'GET', '/api/training/custody/summary')).status).toBe(403);
    await ledgerBalanced();
  });

  it('lists the transfer journal with filters and exports it', async () => {
    const all = await call(w.app, district, 'GET', '/api/training/custody/transfers?pageSize=500');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(0);
    const refunds = await call(w.app, district, 'GET', '/api/training/custody/transfers?kind=refund');
    expect(refunds.body.items.every((t: { kind: string }) => t.kind === 'refund')).toBe(true);
    const file = await call(w.app, district, 'GET', '/api/training/custody/transfers.xlsx');
    expect(file.status).toBe(200);
    expect(file.raw.headers['content-type']).toContain('spreadsheet');
    expect((await call(w.app, inst, 'GET', '/api/training/custody/transfers')).status).toBe(403);
    const overdue = await call(w.app, district, 'GET', '/api/training/refunds?overdue=1');
    expect(overdue.status).toBe(200);
  });
});
