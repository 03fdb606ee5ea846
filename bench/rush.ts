/**
 * The enrolment rush (选课开放): the state of earlier runs is cleared (no choices, no seats taken), the families'
 * enrolment page is read once each (warming sessions and statements, and measured as a read), then every family
 * chooses two clubs as fast as the connections allow. Each choice is one request, answered 200 with a seat or a place
 * on the waiting list; afterwards no course may hold more children than seats.
 */
import type { Request as AutocannonRequest } from 'autocannon';
import { BENCH_URL, parentToken, withClient } from './common';
import { type Options, printLine, type Results, spread } from './servers';

export interface RushStage {
  districtId: string;
  students: string[];
  /** Each family's clubs: the school's popular one first. */
  rushClubs: string[][];
}

/**
 * One rush against `servers` servers; results land in `results` under `suffix`-ed names, and every course holding
 * more children than seats (or a counter not matching its rows) is added to `oversold`.
 */
export async function rush(port: number, connections: number, info: RushStage, results: Results, oversold: string[], servers = 1, suffix = '') {
  await withClient(BENCH_URL, async (c) => {
    await c.query(`delete from after_school_enrolments where district_id = $1`, [info.districtId]);
    await c.query(`update after_school_courses set enrolled = 0 where district_id = $1`, [info.districtId]);
    await c.query(`update after_school_school_stats set students_served = 0 where district_id = $1`, [info.districtId]);
  });
  const families = info.students.map((_, i) => i).filter((i) => info.rushClubs[i]!.length >= 2);
  const measure = async (name: string, options: Options) => {
    const r = await spread(options, servers);
    results[name] = r;
    printLine(`${name}${suffix}`, r);
  };
  let n = 0;
  const page = (req: AutocannonRequest): AutocannonRequest => {
    const i = families[n++ % families.length]!;
    return { ...req, method: 'GET', path: `/api/after-school/children/${info.students[i]}/enrol`, headers: { cookie: `sj_session=${parentToken(i)}` } };
  };
  const url = `http://127.0.0.1:${port}`;
  // warm-up: every family's session once on every server (each caches resolved sessions), then the measured pass
  await spread({ url, connections, amount: families.length * servers, requests: [{ setupRequest: page }] }, servers);
  n = 0;
  await measure('enrolment page (families)', { url, connections, amount: families.length, requests: [{ setupRequest: page }] });
  n = 0;
  const choice = (req: AutocannonRequest): AutocannonRequest => {
    const k = n++;
    const i = families[k % families.length]!;
    const clubs = info.rushClubs[i]!;
    // first round: the popular club; second round: one of the others
    const courseId = k < families.length ? clubs[0]! : clubs[1 + (i % (clubs.length - 1))]!;
    return { ...req, method: 'POST', path: `/api/after-school/children/${info.students[i]}/choices`, headers: { cookie: `sj_session=${parentToken(i)}`, 'content-type': 'application/json' }, body: JSON.stringify({ courseId }) };
  };
  await measure('enrolment rush (choices)', { url, connections, amount: families.length * 2, requests: [{ setupRequest: choice }] });
  await withClient(BENCH_URL, async (c) => {
    const rows = (
      await c.query(
        `select c.name, c.capacity, c.enrolled, count(e.*) filter (where e.status = 'enrolled')::int as seated, count(e.*) filter (where e.status = 'waitlisted')::int as waiting
         from after_school_courses c left join after_school_enrolments e on e.district_id = c.district_id and e.course_id = c.id
         where c.district_id = $1 group by c.id, c.name, c.capacity, c.enrolled order by c.name`,
        [info.districtId],
      )
    ).rows as { name: string; capacity: number; enrolled: number; seated: number; waiting: number }[];
    for (const r of rows) if (r.enrolled > r.capacity || r.enrolled !== r.seated) oversold.push(`${r.name}: ${r.seated} seated / ${r.enrolled} counted / ${r.capacity} seats`);
    const total = rows.reduce((a, r) => ({ seated: a.seated + r.seated, waiting: a.waiting + r.waiting, seats: a.seats + r.capacity }), { seated: 0, waiting: 0, seats: 0 });
    console.log(`enrolment rush${suffix}: ${families.length} families × 2 choices → ${total.seated} seated (of ${total.seats} seats in ${rows.length} courses), ${total.waiting} waiting`);
  });
}
