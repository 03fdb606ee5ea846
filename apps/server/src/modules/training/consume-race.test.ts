/**
 * Lessons are never over-consumed: 200 consumptions of one order with 20 lessons left arrive at once (200 lessons
 * recorded, the child marked present at each). Exactly 20 succeed, the other 180 are told the order has no lessons
 * left, and the order's consumptions add up to its price — on PGlite and on PostgreSQL (TEST_DATABASE_URL), where the
 * pool runs them truly in parallel. Confirming all 20 at once then releases the price exactly, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/access';
import { NO_CHANNELS } from '../../platform/channels';
import { AppError } from '../../platform/errors';
import { call, createWorld, type World } from '../../../test/harness';
import { confirmConsumption, consumeOne } from './consumption.service';

const ATTEMPTS = 200;
const LESSONS = 20;
let w: World;
let inst: Ctx;
let family: Ctx;
let order: { id: string; priceFen: number; accountId: string };
let lessons: string[];
const q = <T = Record<string, string>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);

function ctxOf(user: { id: string; name: string; districtId: string }, grant: Ctx['grants'][number]): Ctx {
  return {
    db: w.db.database.db,
    readDb: w.db.database.db,
    user: { id: user.id, districtId: user.districtId, username: 'x', name: user.name, phone: null, mustChangePassword: false, timeZone: 'Asia/Shanghai' },
    roles: [grant.role],
    grants: [grant],
    actor: { districtId: user.districtId, userId: user.id, userName: user.name, roles: [grant.role], ip: null, requestId: null },
    now: w.clock.now,
    channels: NO_CHANNELS,
    prepared: w.db.database.prepared,
    sessions: { forgetUser: async () => undefined, revokeUser: async () => undefined },
  };
}

beforeAll(async () => {
  w = await createWorld({ training: true });
  const parent = await w.login('demo-parent');
  const [child] = await q<{ id: string; districtId: string }>(`select id, district_id as "districtId" from students where name = '张小明'`);
  const [pkg] = await q<{ id: string; courseId: string; institutionId: string; zoneId: string }>(
    `select p.id, p.course_id as "courseId", p.institution_id as "institutionId", p.zone_id as "zoneId" from training_packages p
     join institutions i on i.district_id = p.district_id and i.id = p.institution_id where i.name = '启明文化艺术培训学校' and p.lessons = ${LESSONS}`,
  );
  const hash = (await call(w.app, parent, 'GET', '/api/training/contract')).body.sha256;
  const res = await call(w.app, parent, 'POST', '/api/training/orders', { packageId: pkg!.id, studentId: child!.id, acceptContract: true, contractHash: hash });
  expect(res.status).toBe(200);
  const [o] = await q<{ id: string; priceFen: number; accountId: string }>(`select id, price_fen::float8 as "priceFen", account_id as "accountId" from training_orders where id = $1`, [res.body.id]);
  order = o!;
  lessons = (
    await q<{ id: string }>(
      `insert into training_lessons (district_id, institution_id, zone_id, course_id, date, start_time, end_time, mode)
       select $1, $2, $3, $4, '2026-11-26'::date - (n / 4), '16:00', '16:45', 'offline' from generate_series(1, ${ATTEMPTS}) n returning id`,
      [child!.districtId, pkg!.institutionId, pkg!.zoneId, pkg!.courseId],
    )
  ).map((r) => r.id);
  const [admin] = await q<{ id: string; name: string }>(`select id, name from users where username = 'demo-institution'`);
  const [guardian] = await q<{ id: string; name: string }>(`select id, name from users where username = 'demo-parent'`);
  const d = child!.districtId;
  inst = ctxOf({ ...admin!, districtId: d }, { role: 'institution_admin', districtId: d, zone: [pkg!.zoneId], school: [], class: [], student: [], institution: [pkg!.institutionId], subjectId: null, grade: null });
  family = ctxOf({ ...guardian!, districtId: d }, { role: 'parent', districtId: d, zone: '*', school: '*', class: '*', student: [child!.id], institution: [], subjectId: null, grade: null });
}, 180_000);
afterAll(() => w.close());

describe(`${ATTEMPTS} concurrent consumptions of an order with ${LESSONS} lessons left`, () => {
  let made: string[] = [];

  it(`lets exactly ${LESSONS} through`, async () => {
    const results = await Promise.allSettled(lessons.map((lessonId) => consumeOne(inst, lessonId, { orderId: order.id })));
    const ok = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof consumeOne>>> => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.filter((r) => !(r.reason instanceof AppError && r.reason.status === 409)).map((r) => String(r.reason)).slice(0, 3)).toEqual([]);
    expect(ok).toHaveLength(LESSONS);
    expect(refused).toHaveLength(ATTEMPTS - LESSONS);
    made = ok.map((r) => r.value.id);
    const [row] = await q<{ left: number; n: number; sum: number }>(
      `select o.lessons_left as left, (select count(*)::int from training_consumptions c where c.order_id = o.id) as n,
         (select sum(amount_fen)::float8 from training_consumptions c where c.order_id = o.id) as sum from training_orders o where o.id = $1`,
      [order.id],
    );
    expect(row).toEqual({ left: 0, n: LESSONS, sum: order.priceFen });
  });

  it('releases the price exactly once when all are confirmed at once (and again)', async () => {
    const twice = [...made, ...made];
    const results = await Promise.allSettled(twice.map((id) => confirmConsumption(family, id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(LESSONS);
    const [row] = await q<{ held: number; released: number; n: number; status: string }>(
      `select (a.credits_posted - a.debits_posted)::float8 as held,
         (select sum(amount_fen)::float8 from training_transfers t where t.order_id = o.id and t.kind = 'consume') as released,
         (select count(*)::int from training_transfers t where t.order_id = o.id and t.kind = 'consume') as n, o.status
       from training_orders o join training_accounts a on a.district_id = o.district_id and a.id = o.account_id where o.id = $1`,
      [order.id],
    );
    expect(row).toEqual({ held: 0, released: order.priceFen, n: LESSONS, status: 'completed' });
  });
});
