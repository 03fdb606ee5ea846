/**
 * 督导总览 in the benchmark: the after-school and training rollups the district home reads are filled for the synthetic
 * district (as their background jobs fill them; the other modules' figures come from their own stages), then the
 * district home is asked one officer at a time (a different date each request: nothing cached helps), by four
 * officers at once, and one school's drill-down. Target: the district home p99 < 300 ms one at a time.
 */
import { DEFAULT_TIME_ZONE, addDays, todayIn } from '@shuangjian/policy';
import type autocannon from 'autocannon';
import { openDatabase } from '../apps/server/src/platform/db';
import { refreshSchoolStats } from '../apps/server/src/modules/after-school';
import { semesterAt, semestersOf } from '../apps/server/src/modules/calendar';
import { refreshTrainingStats } from '../apps/server/src/modules/training';
import { ADMIN_TOKEN, BENCH_URL, withClient } from './common';

type Scenario = [name: string, options: Parameters<typeof autocannon>[0], warmup: number];
type Result = { rps: number; p50: number; p99: number };

/** Fills the rollups, then the scenarios for bench.ts's runner. */
export async function supervisionScenarios(districtId: string, port: number, duration: number): Promise<Scenario[]> {
  const today = todayIn(DEFAULT_TIME_ZONE);
  const database = await openDatabase(BENCH_URL, { poolSize: 1 });
  try {
    const semester = semesterAt(await semestersOf(database.db, districtId), today);
    if (semester) await refreshSchoolStats(database.db, districtId, semester);
    await refreshTrainingStats(database.db, districtId, today);
  } finally {
    await database.close();
  }
  const schools = await withClient(BENCH_URL, async (c) => (await c.query(`select id from schools where district_id = $1 order by code`, [districtId])).rows.map((r) => r.id as string));
  const url = `http://127.0.0.1:${port}`;
  const headers = { cookie: `sj_session=${ADMIN_TOKEN}` };
  let k = 0;
  let s = 0;
  return [
    [
      'supervision home, one at a time',
      { url, connections: 1, amount: 40, requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: `/api/supervision/home?date=${addDays(today, -(k++ % 40))}`, headers }) }] },
      3,
    ],
    ['supervision home (4 officers)', { url: `${url}/api/supervision/home`, connections: 4, duration, headers }, 20],
    ['supervision school page', { url, connections: 4, duration, requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: `/api/supervision/home/schools/${schools[s++ % schools.length]}`, headers }) }] }, 20],
  ];
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/** The checks, in bench.ts's form: the target of issue 15. */
export const supervisionChecks: [string, string, (r: Result) => [boolean, string]][] = [
  ['督导总览 p99 < 300 ms (one officer at a time, a different date each request)', 'supervision home, one at a time', (r) => [r.p99 < 300, ms(r.p99)]],
];
