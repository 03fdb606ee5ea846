/**
 * The custody area's three long lists, page by page: an institution's orders (status, course, lessons left, code or
 * child's name), its lessons (with and without a date range) and the refunds (the district's view and an
 * institution's), each newest first with the id settling ties, `total` counting every match, every filter in SQL — and
 * the refusals: another district, another institution, a parent, bad page parameters.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { accountFor } from './ledger';
import { trainingLessons, trainingRefunds } from './custody.schema';
import { trainingOrders } from './schema';

let w: World;
let districtId: string;
let qiming: { id: string; zoneId: string };
let feiyue: string;
let courses: { id: string; packageId: string; lessons: number; priceFen: number }[] = [];
let pupils: { id: string; name: string }[] = [];
let guardian: string;
const made: { id: string; code: string }[] = [];
const q = <T = Record<string, string>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);

type Page<T = { id: string }> = { items: T[]; total: number };
const get = async <T = { id: string }>(cookie: string, path: string): Promise<Page<T>> => {
  const res = await call(w.app, cookie, 'GET', path);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as Page<T>;
};
/** Every page of `path` at `size` a page: the ids in order, and each page's total. */
async function walk(cookie: string, path: string, size: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let page = 1; page < 100; page++) {
    const got = await get(cookie, `${path}&pageSize=${size}&page=${page}`);
    totals.add(got.total);
    if (!got.items.length) break;
    expect(got.items.length).toBeLessThanOrEqual(size);
    ids.push(...got.items.map((x) => x.id));
  }
  return { ids, totals: [...totals] };
}

beforeAll(async () => {
  w = await createWorld({ training: true });
  const [inst] = await q<{ id: string; districtId: string; zoneId: string }>(
    `select id, district_id as "districtId", zone_id as "zoneId" from institutions where name = '启明文化艺术培训学校'`,
  );
  qiming = { id: inst!.id, zoneId: inst!.zoneId };
  districtId = inst!.districtId;
  feiyue = (await q<{ id: string }>(`select id from institutions where name = '飞跃少儿体育俱乐部'`))[0]!.id;
  courses = await q(
    `select distinct on (p.course_id) p.course_id as id, p.id as "packageId", p.lessons, p.price_fen::float8 as "priceFen"
     from training_packages p where p.institution_id = $1 order by p.course_id, p.lessons`,
    [qiming.id],
  );
  expect(courses.length).toBeGreaterThanOrEqual(2);
  pupils = await q(`select id, name from students where district_id = $1 and name <> '张小明' order by student_no limit 6`, [districtId]);
  guardian = (await q<{ id: string }>(`select id from users where district_id = $1 and username = 'demo-parent'`, [districtId]))[0]!.id;

  // 24 orders of 启明 placed at two instants (sixteen at the later one: the id orders them), two courses, some without lessons left
  const db = w.db.database.db;
  const instants = [new Date('2026-11-01T02:00:00Z'), new Date('2026-11-10T02:00:00Z'), new Date('2026-11-10T02:00:00Z')];
  for (let i = 0; i < 24; i++) {
    const course = courses[i % 2]!;
    const id = randomUUID();
    const accountId = await accountFor(db, districtId, { kind: 'order', institutionId: qiming.id, orderId: id });
    const code = `PXPAGE${String(i).padStart(4, '0')}`;
    const at = instants[i % 3]!;
    await db.insert(trainingOrders).values({
      districtId,
      id,
      code,
      institutionId: qiming.id,
      zoneId: qiming.zoneId,
      courseId: course.id,
      packageId: course.packageId,
      studentId: pupils[i % pupils.length]!.id,
      guardianUserId: guardian,
      lessons: course.lessons,
      lessonsLeft: i % 4 === 0 ? 0 : course.lessons,
      priceFen: course.priceFen,
      pricePerLessonFen: Math.floor(course.priceFen / course.lessons),
      status: i % 6 === 5 ? 'refunded' : i % 4 === 0 ? 'completed' : 'active',
      contractVersion: 'test',
      contractHash: '0'.repeat(64),
      contractAcceptedAt: at,
      custodyMode: 'custody',
      validUntil: '2027-02-28',
      accountId,
      createdAt: at,
      updatedAt: at,
    });
    made.push({ id, code });
  }
  // a refund of each refunded order: half past their deadline, one paid; requested at one instant
  const refunded = await q<{ id: string; studentId: string }>(`select id, student_id as "studentId" from training_orders where code like 'PXPAGE%' and status = 'refunded'`);
  await db.insert(trainingRefunds).values(
    refunded.map((o, k) => ({
      districtId,
      orderId: o.id,
      institutionId: qiming.id,
      zoneId: qiming.zoneId,
      studentId: o.studentId,
      amountFen: 1000,
      reason: '测试分页',
      status: k === 0 ? ('paid' as const) : ('requested' as const),
      deadline: k % 2 ? '2026-11-01' : '2026-12-31',
      createdAt: new Date('2026-11-20T02:00:00Z'),
    })),
  );
  // 17 lessons of 启明: eleven on one day at one time (the id orders them), six across November
  await db.insert(trainingLessons).values(
    Array.from({ length: 17 }, (_, k) => ({
      districtId,
      institutionId: qiming.id,
      zoneId: qiming.zoneId,
      courseId: courses[k % 2]!.id,
      date: k < 11 ? '2026-11-18' : `2026-11-0${k - 10}`,
      startTime: '16:00',
      endTime: '16:45',
      mode: 'offline' as const,
      teacherName: '周墨',
    })),
  );
}, 180_000);
afterAll(() => w.close());

describe("an institution's orders", () => {
  const byHand = async (where = 'true', params: unknown[] = []) =>
    (
      await q<{ id: string }>(
        `select o.id from training_orders o join students s on s.district_id = o.district_id and s.id = o.student_id
         where o.district_id = $1 and o.institution_id = $2 and (${where}) order by o.created_at desc, o.id desc`,
        [districtId, qiming.id, ...params],
      )
    ).map((r) => r.id);

  it('pages through every order once, newest first with the id settling ties, and counts them all', async () => {
    const inst = await w.login('demo-institution');
    const expected = await byHand();
    expect(expected.length).toBeGreaterThan(24);
    const { ids, totals } = await walk(inst, `/api/training/institution/orders?institutionId=${qiming.id}`, 7);
    expect(ids).toEqual(expected);
    expect(totals).toEqual([expected.length]);
    const second = await get(inst, `/api/training/institution/orders?institutionId=${qiming.id}&pageSize=7&page=2`);
    expect(second.items.map((o) => o.id)).toEqual(expected.slice(7, 14));
    expect(await get(inst, `/api/training/institution/orders?institutionId=${qiming.id}&page=99`)).toEqual({ items: [], total: expected.length });
    // the default page: the first 50; the district reads the same
    const first = await get(await w.login('demo-district'), `/api/training/institution/orders?institutionId=${qiming.id}`);
    expect(first.items.map((o) => o.id)).toEqual(expected.slice(0, 50));
    expect(first.total).toBe(expected.length);
  });

  it('applies each filter in the database, as a hand count says', async () => {
    const inst = await w.login('demo-institution');
    const base = `/api/training/institution/orders?institutionId=${qiming.id}&pageSize=500`;
    const [c0, c1] = courses;
    const pupil = pupils[1]!;
    const cases: [string, string, unknown[]][] = [
      ['status=active', `o.status = 'active'`, []],
      ['status=completed', `o.status = 'completed'`, []],
      ['status=refunded', `o.status = 'refunded'`, []],
      [`courseId=${c0!.id}`, 'o.course_id = $3', [c0!.id]],
      ['withLessonsLeft=true', 'o.lessons_left > 0', []],
      ['withLessonsLeft=false', 'o.lessons_left = 0', []],
      // the lesson form's list: one course's active orders with lessons left
      [`status=active&withLessonsLeft=true&courseId=${c1!.id}`, `o.status = 'active' and o.lessons_left > 0 and o.course_id = $3`, [c1!.id]],
      // a code, in any case and in part
      ['q=pxpage001', `o.code ilike '%PXPAGE001%'`, []],
      [`q=${encodeURIComponent(pupil.name)}`, 's.name like $3', [`%${pupil.name}%`]],
      [`q=${encodeURIComponent(pupil.name)}&status=active`, `s.name like $3 and o.status = 'active'`, [`%${pupil.name}%`]],
      // a wildcard is a character, not a pattern
      ['q=%25', `o.code like '%\\%%' or s.name like '%\\%%'`, []],
    ];
    for (const [query, where, params] of cases) {
      const expected = await byHand(where, params);
      const got = await get<{ id: string; status: string; courseId: string; lessonsLeft: number }>(inst, `${base}&${query}`);
      expect(got.items.map((o) => o.id), query).toEqual(expected);
      expect(got.total, query).toBe(expected.length);
    }
    expect((await byHand(`o.code ilike '%PXPAGE001%'`)).length).toBe(10);
    const one = await get<{ id: string; code: string; money: { heldFen: number } }>(inst, `${base}&q=${made[3]!.code}`);
    expect(one).toMatchObject({ total: 1, items: [{ id: made[3]!.id, code: made[3]!.code }] });
    // a filter that matches nothing, past the first page too
    expect(await get(inst, `${base}&q=nobody-here`)).toEqual({ items: [], total: 0 });
  });

  it('lists the courses with orders and how many may still attend', async () => {
    const inst = await w.login('demo-institution');
    const res = await call(w.app, inst, 'GET', `/api/training/institution/courses?institutionId=${qiming.id}`);
    expect(res.status).toBe(200);
    const hand = await q<{ id: string; orders: number; active: number }>(
      `select course_id as id, count(*)::int as orders, (count(*) filter (where status = 'active' and lessons_left > 0))::int as active
       from training_orders where district_id = $1 and institution_id = $2 group by course_id`,
      [districtId, qiming.id],
    );
    expect(res.body.courses).toHaveLength(hand.length);
    for (const h of hand) expect(res.body.courses).toContainEqual(expect.objectContaining({ id: h.id, orders: h.orders, activeOrders: h.active }));
  });

  it("refuses another institution, another district and a parent", async () => {
    const inst = await w.login('demo-institution');
    const other = await w.login('other-admin');
    for (const path of [`/api/training/institution/orders?institutionId=${feiyue}`, `/api/training/institution/courses?institutionId=${feiyue}`, `/api/training/institution/orders?institutionId=${feiyue}&q=PX&page=2`])
      expect((await call(w.app, inst, 'GET', path)).status, path).toBe(404);
    for (const path of [`/api/training/institution/orders?institutionId=${qiming.id}`, `/api/training/institution/courses?institutionId=${qiming.id}`, `/api/training/institution/orders?institutionId=${qiming.id}&status=active&page=2`])
      expect((await call(w.app, other, 'GET', path)).status, path).toBe(404);
    expect((await call(w.app, await w.login('demo-parent'), 'GET', `/api/training/institution/orders?institutionId=${qiming.id}`)).status).toBe(403);
  });
});

describe("an institution's lessons", () => {
  const byHand = async (where = 'true', params: unknown[] = []) =>
    (
      await q<{ id: string }>(
        `select id from training_lessons where district_id = $1 and institution_id = $2 and (${where}) order by date desc, start_time desc, id desc`,
        [districtId, qiming.id, ...params],
      )
    ).map((r) => r.id);

  it('pages through every lesson without a range, and within one, newest first with their counts', async () => {
    const inst = await w.login('demo-institution');
    const expected = await byHand();
    expect(expected.length).toBeGreaterThanOrEqual(17);
    const all = await walk(inst, `/api/training/lessons?institutionId=${qiming.id}`, 5);
    expect(all.ids).toEqual(expected);
    expect(all.totals).toEqual([expected.length]);
    const second = await get(inst, `/api/training/lessons?institutionId=${qiming.id}&pageSize=5&page=2`);
    expect(second.items.map((l) => l.id)).toEqual(expected.slice(5, 10));
    const inRange = await byHand(`date between '2026-11-02' and '2026-11-05'`);
    expect(inRange.length).toBeGreaterThanOrEqual(4);
    const ranged = await walk(inst, `/api/training/lessons?institutionId=${qiming.id}&from=2026-11-02&to=2026-11-05`, 3);
    expect(ranged.ids).toEqual(inRange);
    expect(ranged.totals).toEqual([inRange.length]);
    const from = await get(inst, `/api/training/lessons?institutionId=${qiming.id}&from=2026-11-18&pageSize=500`);
    expect(from.items.map((l) => l.id)).toEqual(await byHand(`date >= '2026-11-18'`));
    expect(await get(inst, `/api/training/lessons?institutionId=${qiming.id}&page=50`)).toEqual({ items: [], total: expected.length });
  });

  it('refuses another institution and another district', async () => {
    expect((await call(w.app, await w.login('demo-institution'), 'GET', `/api/training/lessons?institutionId=${feiyue}&page=2`)).status).toBe(404);
    expect((await call(w.app, await w.login('other-admin'), 'GET', `/api/training/lessons?institutionId=${qiming.id}`)).status).toBe(404);
  });
});

describe('the refunds', () => {
  const TODAY = '2026-11-26'; // the test clock's day in the district
  const byHand = async (where = 'true', params: unknown[] = []) =>
    (await q<{ id: string }>(`select id from training_refunds where district_id = $1 and (${where}) order by created_at desc, id desc`, [districtId, ...params])).map((r) => r.id);

  it("pages through the district's view, newest first, and counts them all", async () => {
    const district = await w.login('demo-district');
    const expected = await byHand();
    expect(expected.length).toBeGreaterThan(4);
    const { ids, totals } = await walk(district, '/api/training/refunds?', 2);
    expect(ids).toEqual(expected);
    expect(totals).toEqual([expected.length]);
    const second = await get(district, '/api/training/refunds?pageSize=2&page=2');
    expect(second.items.map((r) => r.id)).toEqual(expected.slice(2, 4));
    expect(await get(district, '/api/training/refunds?page=40')).toEqual({ items: [], total: expected.length });
  });

  it('filters by overdue, status and institution in the database', async () => {
    const district = await w.login('demo-district');
    const overdue = `status = 'requested' and deadline < '${TODAY}'`;
    const cases: [string, string, unknown[]][] = [
      ['overdue=1', overdue, []],
      ['overdue=0', 'true', []],
      ['status=paid', `status = 'paid'`, []],
      ['status=requested', `status = 'requested'`, []],
      [`institutionId=${qiming.id}`, 'institution_id = $2', [qiming.id]],
      [`institutionId=${feiyue}&status=paid`, `institution_id = $2 and status = 'paid'`, [feiyue]],
      [`overdue=1&institutionId=${qiming.id}`, `${overdue} and institution_id = $2`, [qiming.id]],
    ];
    for (const [query, where, params] of cases) {
      const expected = await byHand(where, params);
      const got = await get<{ id: string; overdue: boolean }>(district, `/api/training/refunds?${query}&pageSize=500`);
      expect(got.items.map((r) => r.id), query).toEqual(expected);
      expect(got.total, query).toBe(expected.length);
      if (query.includes('overdue=1')) expect(got.items.every((r) => r.overdue)).toBe(true);
    }
    expect((await byHand(overdue)).length).toBeGreaterThanOrEqual(2);
    // an overdue page of one: the page is cut in SQL, the total still counts them all
    const one = await get(district, '/api/training/refunds?overdue=1&pageSize=1&page=2');
    expect(one.items.map((r) => r.id)).toEqual((await byHand(overdue)).slice(1, 2));
    expect(one.total).toBe((await byHand(overdue)).length);
  });

  it("an institution pages its own; another institution, another district and a parent are refused", async () => {
    const inst = await w.login('demo-institution');
    const own = await get(inst, '/api/training/refunds?pageSize=500');
    expect(own.items.map((r) => r.id)).toEqual(await byHand('institution_id = $2', [qiming.id]));
    expect((await call(w.app, inst, 'GET', `/api/training/refunds?institutionId=${feiyue}`)).status).toBe(404);
    expect((await call(w.app, inst, 'GET', `/api/training/refunds?institutionId=${feiyue}&overdue=1&page=2`)).status).toBe(404);
    const other = await w.login('other-admin');
    expect((await call(w.app, other, 'GET', `/api/training/refunds?institutionId=${qiming.id}`)).status).toBe(404);
    const theirs = await get(other, '/api/training/refunds?pageSize=500');
    const ours = new Set(await byHand());
    expect(theirs.items.some((r) => ours.has(r.id))).toBe(false);
    expect(theirs.total).toBe(theirs.items.length);
    expect((await call(w.app, await w.login('demo-parent'), 'GET', '/api/training/refunds')).status).toBe(403);
  });
});

it('refuses bad page parameters and filters with 400 naming the field', async () => {
  const inst = await w.login('demo-institution');
  const cases: [string, string][] = [
    [`/api/training/institution/orders?institutionId=${qiming.id}&page=0`, '页码（page）'],
    [`/api/training/institution/orders?institutionId=${qiming.id}&pageSize=501`, '每页条数（pageSize）'],
    [`/api/training/institution/orders?institutionId=${qiming.id}&withLessonsLeft=maybe`, '（withLessonsLeft）'],
    [`/api/training/institution/orders?institutionId=${qiming.id}&q=${'x'.repeat(51)}`, '搜索词（q）'],
    [`/api/training/institution/orders?institutionId=${qiming.id}&courseId=abc`, '课程（courseId）'],
    [`/api/training/lessons?institutionId=${qiming.id}&page=x`, '页码（page）'],
    [`/api/training/lessons?institutionId=${qiming.id}&pageSize=0`, '每页条数（pageSize）'],
    ['/api/training/refunds?page=1.5', '页码（page）'],
    ['/api/training/refunds?overdue=2', '是否逾期（overdue）'],
  ];
  for (const [path, field] of cases) {
    const res = await call(w.app, inst, 'GET', path);
    expect(res.status, path).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.message, path).toContain(field);
  }
});
