/**
 * Seats are never oversold: 500 families choose the same 30-seat course at once (first come). Exactly 30 hold a seat,
 * 470 wait in a gap-free line, and the course's counter matches its rows — on PGlite and on PostgreSQL (TEST_DATABASE_URL),
 * where the pool runs the choices truly in parallel. And one child's choices made at once are decided one after the
 * other, so clashing clubs never both hold a place.
 */
import type { Ctx } from '../../platform/access';
import { NO_CHANNELS } from '../../platform/channels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../test/harness';
import { type EnrolStage, makeCourse, stageEnrol } from '../../../test/fixtures/after-school-enrol';
import { choose } from './enrol-choose.service';

const FAMILIES = 500;
const SEATS = 30;
let w: World;
let s: EnrolStage;
let ctx: Ctx;
let children: string[];
let course: string;
const q = <T = Record<string, string>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);

beforeAll(async () => {
  w = await createWorld();
  s = await stageEnrol(w);
  const [parent] = await q<{ id: string; name: string }>(`select id, name from users where username = 'demo-parent'`);
  // 500 more children in 张小明's class, each with a signed agreement
  children = (
    await q<{ id: string }>(
      `insert into students (district_id, school_id, class_id, student_no, name, gender, birth_date)
       select $1, $2, $3, 'RUSH' || lpad(n::text, 4, '0'), '抢课' || n, case when n % 2 = 0 then 'M' else 'F' end, '2017-03-01'
       from generate_series(1, ${FAMILIES}) n returning id`,
      [s.districtId, s.schoolId, s.child.classId],
    )
  ).map((r) => r.id);
  await q(
    `insert into after_school_agreements (district_id, school_id, class_id, student_id, semester_id, plan_id, signed_by, text_hash)
     select $1, $2, $3, id, $4, $5, $6, repeat('0', 64) from unnest($7::uuid[]) as t(id)`,
    [s.districtId, s.schoolId, s.child.classId, s.semesterId, s.planId, parent!.id, `{${children.join(',')}}`],
  );
  await q(
    `insert into after_school_windows (district_id, school_id, semester_id, opens_at, closes_at, mode, max_clubs)
     values ($1, $2, $3, $4::timestamptz - interval '1 hour', $4::timestamptz + interval '1 day', 'first_come', 2)`,
    [s.districtId, s.schoolId, s.semesterId, w.clock.current.toISOString()],
  );
  course = await makeCourse(w, s, { name: '抢课足球', capacity: SEATS, grades: [3], weekdays: [2] });
  // the families, as one parent grant over the 500 children (what resolveGrants gives a guardian of each)
  ctx = {
    db: w.db.database.db,
    readDb: w.db.database.db,
    user: { id: parent!.id, districtId: s.districtId, username: 'demo-parent', name: parent!.name, phone: null, mustChangePassword: false, timeZone: 'Asia/Shanghai' },
    roles: ['parent'],
    grants: [{ role: 'parent', districtId: s.districtId, zone: '*', school: [s.schoolId], class: [s.child.classId], student: children, institution: [], subjectId: null, grade: null }],
    actor: { districtId: s.districtId, userId: parent!.id, userName: parent!.name, roles: ['parent'], ip: null, requestId: null },
    now: w.clock.now,
    channels: NO_CHANNELS,
    prepared: w.db.database.prepared,
    sessions: { forgetUser: async () => undefined, revokeUser: async () => undefined },
  };
}, 180_000);
afterAll(() => w.close());

describe(`${FAMILIES} concurrent choices at a ${SEATS}-seat course`, () => {
  it(`seats exactly ${SEATS} and waitlists the rest in arrival order`, async () => {
    const results = await Promise.allSettled(children.map((id) => choose(ctx, id, { courseId: course })));
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.map((f) => String((f as PromiseRejectedResult).reason)).slice(0, 3)).toEqual([]);
    const answers = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof choose>>>).value);
    expect(answers.filter((a) => a.status === 'enrolled')).toHaveLength(SEATS);
    expect(answers.filter((a) => a.status === 'waitlisted')).toHaveLength(FAMILIES - SEATS);

    const [row] = await q<{ enrolled: number; capacity: number }>(`select enrolled, capacity from after_school_courses where district_id = $1 and id = $2`, [s.districtId, course]);
    expect(row!.enrolled).toBe(SEATS);
    const counts = await q<{ status: string; n: number }>(
      `select status, count(*)::int as n from after_school_enrolments where district_id = $1 and course_id = $2 group by status order by status`,
      [s.districtId, course],
    );
    expect(counts).toEqual([
      { status: 'enrolled', n: SEATS },
      { status: 'waitlisted', n: FAMILIES - SEATS },
    ]);
    // the line has no two families at one place, and the enrolled came before every waiter
    const line = await q<{ status: string; position: string }>(`select status, position from after_school_enrolments where district_id = $1 and course_id = $2 order by position`, [s.districtId, course]);
    expect(new Set(line.map((l) => l.position)).size).toBe(FAMILIES);
    const places = answers.filter((a) => a.status === 'waitlisted').map((a) => a.waitPosition);
    expect(new Set(places).size).toBeGreaterThan(1);
    expect(Math.max(...(places as number[]))).toBeLessThanOrEqual(FAMILIES - SEATS);
    // the rollup counts each child holding a seat once
    const [stats] = await q<{ served: number }>(`select students_served as served from after_school_school_stats where district_id = $1 and school_id = $2 and semester_id = $3`, [s.districtId, s.schoolId, s.semesterId]);
    const [live] = await q<{ n: number }>(
      `select count(distinct e.student_id)::int as n from after_school_enrolments e join after_school_courses c on c.district_id = e.district_id and c.id = e.course_id
       where e.district_id = $1 and c.school_id = $2 and c.semester_id = $3 and e.status = 'enrolled'`,
      [s.districtId, s.schoolId, s.semesterId],
    );
    expect(stats!.served).toBe(live!.n);
  }, 300_000);
});

describe('one child, several choices at once', () => {
  it('decides them one after the other: clubs at the same time never both hold a place, the club limit holds', async () => {
    const child = children[0]!;
    // three clubs on the same afternoon at the same time, and a window allowing two clubs
    const clashing = await Promise.all([1, 2, 3].map((n) => makeCourse(w, s, { name: `同时段${n}`, capacity: 10, grades: [3], weekdays: [4], start: '16:40', end: '17:40' })));
    const results = await Promise.allSettled(clashing.map((id) => choose(ctx, child, { courseId: id })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 422, code: 'RULE_VIOLATION' });
    const [held] = await q<{ n: number }>(
      `select count(*)::int as n from after_school_enrolments where district_id = $1 and student_id = $2 and course_id = any($3::uuid[]) and status in ('enrolled', 'waitlisted', 'requested')`,
      [s.districtId, child, `{${clashing.join(',')}}`],
    );
    expect(held!.n).toBe(1);
  }, 60_000);
});
