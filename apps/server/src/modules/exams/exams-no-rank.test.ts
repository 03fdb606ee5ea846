/**
 * "No rank anywhere" (seed 003 "严禁基于考试结果的排名", seed 004 #22 "成绩以等级制呈现"): no response of any route carries
 * a rank, a position or a score; result lists come back in 学号 order whatever the levels; a typed mark is converted
 * and kept nowhere — not in any table, not in the audit log, not in the server's log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import type { JsonSchema } from '../../../test/openapi-walk';

/** Names a pupil's rank would go by: forbidden in every response of every route. */
const RANK = /rank|名次|排名/i;
/**
 * Names a pupil's exam mark or place would go by: forbidden in the exams and growth routes. (Elsewhere "score" is the
 * national fitness standard's own item score, which the standard reports per pupil, or a family's rating of a club.)
 */
const MARK = /score|分数|position|^marks?$/i;
const EXAM_ROUTES = /^\/api\/exams\//;
/**
 * Routes that rank schools, never pupils: the district's semester assessment (督导考核 ranks schools on its indicators;
 * DOMAIN.md M8). They carry no pupil's record.
 */
const SCHOOL_RANK_ROUTES = /^\/api\/supervision\/(assessments|results)(\/|$)/;

let w: World;
const logLines: string[] = [];
const ids: Record<string, string> = {};
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);

beforeAll(async () => {
  w = await createWorld({
    homework: true,
    afterSchool: true,
    training: true,
    managements: true,
    logger: { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } },
  });
  const [d] = await q<{ id: string }>(`select id from districts where code = 'demo'`);
  ids.district = d!.id;
  const one = async (text: string) => (await q<{ id: string }>(text, [ids.district]))[0]!.id;
  ids.sy01 = await one(`select id from schools where district_id = $1 and code = 'SY01'`);
  ids.unit = await one(`select f.id from exam_filings f join schools s on s.id = f.school_id where f.district_id = $1 and s.code = 'SY01' and f.type = 'unit'`);
  ids.math = await one(`select id from subjects where district_id = $1 and code = 'math'`);
  ids.class = await one(`select c.id from classes c join schools s on s.id = c.school_id where c.district_id = $1 and s.code = 'SY01' and c.grade = 3 order by c.name offset 2 limit 1`);
}, 400_000); // the first file of a run seeds the shared world
afterAll(async () => w?.close());

/** Every property name reachable in a schema, with its path. */
function propertyNames(schema: JsonSchema | undefined, path: string, out: { name: string; path: string }[], seen = new Set<JsonSchema>()) {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    out.push({ name, path: `${path}.${name}` });
    propertyNames(sub, `${path}.${name}`, out, seen);
  }
  propertyNames(schema.items, `${path}[]`, out, seen);
  for (const list of [schema.anyOf, schema.oneOf, schema.allOf]) for (const s of list ?? []) propertyNames(s, path, out, seen);
  const extra = (schema as { additionalProperties?: JsonSchema }).additionalProperties;
  if (extra && typeof extra === 'object') propertyNames(extra, `${path}{}`, out, seen);
}

describe('no rank anywhere', () => {
  it('no response schema of any route has a rank property, and no exams or growth route a score or position', async () => {
    const doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>>;
    };
    const found: string[] = [];
    let routes = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        routes += 1;
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          for (const content of Object.values(response.content ?? {})) {
            const names: { name: string; path: string }[] = [];
            propertyNames(content.schema, `${method.toUpperCase()} ${path} ${status}`, names);
            for (const n of names) if ((RANK.test(n.name) && !SCHOOL_RANK_ROUTES.test(path)) || (EXAM_ROUTES.test(path) && MARK.test(n.name))) found.push(n.path);
          }
        }
      }
    }
    expect(routes).toBeGreaterThan(100);
    expect(doc.paths['/api/exams/filings/{id}/results']).toBeDefined();
    expect(found).toEqual([]);
  });

  it('a sheet lists pupils in 学号 order whatever their levels, and a summary has counts only', async () => {
    const teacher = await w.login('demo-teacher');
    const url = `/api/exams/filings/${ids.unit}/results`;
    const sheet = (await call(w.app, teacher, 'GET', `${url}?classId=${ids.class}&subjectId=${ids.math}`)).body as { pupils: { studentId: string; studentNo: string }[] };
    const byNo = [...sheet.pupils].sort((a, b) => a.studentNo.localeCompare(b.studentNo));
    // the later the 学号, the better the level: a list sorted by level would come back reversed
    const levels = ['not_yet', 'pass', 'good', 'excellent'] as const;
    const entries = byNo.map((p, i) => ({ studentId: p.studentId, level: levels[Math.floor((i * levels.length) / byNo.length)]! }));
    const shuffled = [...entries].sort((a, b) => a.studentId.localeCompare(b.studentId));
    const res = await call(w.app, teacher, 'PUT', url, { classId: ids.class, subjectId: ids.math, entries: shuffled });
    expect(res.status).toBe(200);
    for (const answer of [res.body, (await call(w.app, teacher, 'GET', `${url}?classId=${ids.class}&subjectId=${ids.math}`)).body]) {
      const nos = answer.pupils.map((p: { studentNo: string }) => p.studentNo);
      expect(nos).toEqual([...nos].sort());
      expect(answer.pupils.map((p: { level: string }) => p.level)).toEqual(entries.map((e) => e.level));
    }
    const summary = (await call(w.app, await w.login('demo-principal'), 'GET', `/api/exams/filings/${ids.unit}/summary`)).body;
    for (const row of summary.rows) expect(Object.keys(row).sort()).toEqual(['classId', 'className', 'counts', 'pupils', 'subjectId', 'subjectName']);
    const parent = (await call(w.app, await w.login('demo-parent'), 'GET', `/api/exams/family/levels?studentId=${(await q<{ id: string }>(`select id from students where name = '张小明'`))[0]!.id}`)).body;
    expect(JSON.stringify(parent)).not.toMatch(/rank|score|position/i);
  });

  it('a typed mark becomes a level and is kept nowhere: no table, no audit entry, no log line', async () => {
    const teacher = await w.login('demo-teacher');
    const url = `/api/exams/filings/${ids.unit}/results`;
    const sheet = (await call(w.app, teacher, 'GET', `${url}?classId=${ids.class}&subjectId=${ids.math}`)).body as { pupils: { studentId: string }[] };
    const mark = 73.25; // of 91: 8049 bp → 良好
    const tables = await q<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
    expect(tables.length).toBeGreaterThan(20);
    // the whole row as text: every column of every row, numbers and JSON included (counted before and after, since
    // demo figures elsewhere may happen to contain the same digits)
    const holdingMark = async () => {
      const counts = new Map<string, number>();
      for (const { table_name } of tables) {
        const [hit] = await q<{ n: number }>(`select count(*)::int as n from "${table_name}" t where t::text like '%73.25%' or t::text like '%73,25%'`);
        counts.set(table_name, hit!.n);
      }
      return counts;
    };
    const before = await holdingMark();
    const res = await call(w.app, teacher, 'PUT', url, { classId: ids.class, subjectId: ids.math, entries: [{ studentId: sheet.pupils[0]!.studentId, score: mark, fullMarks: 91 }] });
    expect(res.status).toBe(200);
    expect(res.body.pupils[0].level).toBe('good');
    expect(JSON.stringify(res.body)).not.toContain('73.25');
    const after = await holdingMark();
    const holding = [...after].filter(([table, n]) => n > (before.get(table) ?? 0)).map(([table]) => table);
    expect(holding).toEqual([]);
    const [audited] = await q<{ after: unknown }>(`select after from audit_log where action = 'exams.results.record' order by at desc limit 1`);
    expect(JSON.stringify(audited!.after)).not.toMatch(/73\.25|score/);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((l) => l.includes('73.25'))).toEqual([]);
  });
});
