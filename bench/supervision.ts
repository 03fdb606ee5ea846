/**
 * 督导总览 in the benchmark: the after-school and training rollups the district home reads are filled for the synthetic
 * district (as their background jobs fill them; the other modules' figures come from their own stages), then the
 * district home is asked one officer at a time (a different date each request: nothing cached helps), by four
 * officers at once, and one school's drill-down. Target: the district home p99 < 300 ms one at a time. Then an
 * assessment in scoring: inspectors' scores (the module's busiest write) and the live preview over every school.
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
  const assessment = await scoringAssessment(url, headers, today);
  const json = { ...headers, 'content-type': 'application/json' };
  let k = 0;
  let s = 0;
  let w = 0;
  return [
    [
      'supervision home, one at a time',
      { url, connections: 1, amount: 40, requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: `/api/supervision/home?date=${addDays(today, -(k++ % 40))}`, headers }) }] },
      3,
    ],
    ['supervision home (4 officers)', { url: `${url}/api/supervision/home`, connections: 4, duration, headers }, 20],
    ['supervision school page', { url, connections: 4, duration, requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: `/api/supervision/home/schools/${schools[s++ % schools.length]}`, headers }) }] }, 20],
    // the module's busiest write: inspectors scoring schools (each request a school's score with its evidence)
    [
      'supervision inspector score',
      {
        url,
        connections: 4,
        duration,
        requests: [
          {
            setupRequest: (req) => {
              const i = w++;
              const body = { indicatorId: assessment.indicatorId, schoolId: schools[i % schools.length], score: 60 + (i % 41), evidence: `现场督导记录 ${i}：查阅课后服务签到与活动记录` };
              return { ...req, method: 'PUT', path: `/api/supervision/assessments/${assessment.id}/scores`, headers: json, body: JSON.stringify(body) };
            },
          },
        ],
      },
      20,
    ],
    // the live preview while scoring: every school's figures over the semester, scores, totals, ranks and lists
    ['supervision assessment preview, one at a time', { url: `${url}/api/supervision/assessments/${assessment.id}/preview`, connections: 1, amount: 20, headers }, 3],
  ];
}

/** An assessment of the last 90 days in scoring: two computed indicators and one scored by inspectors. */
async function scoringAssessment(url: string, headers: Record<string, string>, today: string): Promise<{ id: string; indicatorId: string }> {
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; indicators: { id: string; kind: string }[] };
  };
  const created = await send('POST', '/api/supervision/assessments', { name: `基准测评 ${today}`, periodFrom: addDays(today, -90), periodTo: today, closeDate: today, redMin: 90, yellowBelow: 60, blackBelow: 40 });
  await send('PUT', `/api/supervision/assessments/${created.id}/indicators`, {
    indicators: [
      { name: '作业时长达标', weight: 30, kind: 'metric', metric: 'homework.withinLimit', formula: 'target', target: 0.9 },
      { name: '课后服务参与', weight: 30, kind: 'metric', metric: 'afterSchool.students', formula: 'rate' },
      { name: '现场督导', weight: 40, kind: 'inspector', guidance: '查阅课后服务签到与活动记录' },
    ],
  });
  const opened = await send('POST', `/api/supervision/assessments/${created.id}/open`);
  return { id: created.id, indicatorId: opened.indicators.find((i) => i.kind === 'inspector')!.id };
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/** The checks, in bench.ts's form: the target of issue 15. */
export const supervisionChecks: [string, string, (r: Result) => [boolean, string]][] = [
  ['督导总览 p99 < 300 ms (one officer at a time, a different date each request)', 'supervision home, one at a time', (r) => [r.p99 < 300, ms(r.p99)]],
  ['督学评分 p99 < 100 ms (4 inspectors at once)', 'supervision inspector score', (r) => [r.p99 < 100, ms(r.p99)]],
  ['测评预览 p99 < 300 ms (one officer at a time)', 'supervision assessment preview, one at a time', (r) => [r.p99 < 300, ms(r.p99)]],
];
