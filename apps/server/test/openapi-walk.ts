/**
 * Walks the OpenAPI document: one probe per operation with a request built from its schemas (ids aimed at `target`'s
 * records, plausible values by field name). Used by the cross-tenant walk and the bad-input walk.
 */
import { STANDARD_CONTRACT } from '../src/modules/training/custody-contract';
import { call, type World } from './harness';
export type JsonSchema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
};
export type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};

const ID_BY_NAME: Record<string, string> = {
  schoolId: 'school',
  classId: 'class',
  studentId: 'student',
  zoneId: 'zone',
  subjectId: 'subject',
  institutionId: 'institution',
  guardianId: 'guardian',
  assignmentId: 'assignment',
  assessmentId: 'assessment',
};
const ID_BY_RESOURCE: Record<string, string> = {
  zones: 'zone',
  schools: 'school',
  classes: 'class',
  students: 'student',
  staff: 'staff',
  institutions: 'institution',
  semesters: 'semester',
  entries: 'entry',
  items: 'item',
  designs: 'design',
  collections: 'collection',
  mistakes: 'mistake',
  attachments: 'attachment',
  settings: 'school',
  assessments: 'assessment',
  notices: 'notice',
  sent: 'notice',
  inbox: 'notice',
  replies: 'noticeReply',
  reports: 'report',
  evidence: 'evidence',
};
/** Routes whose resource word names several kinds of record. */
const ID_BY_PATH: Record<string, string> = {
  '/api/supervision/notices/files/{id}': 'noticeFile',
};
/** An example that leaves an optional field out (a field that excludes another, as an exam mark excludes a level). */
const OMIT = Symbol('omit');
const EXAMPLES: Record<string, unknown[]> = {
  name: ['巡查测试'],
  code: ['WALK01', 'walk_code'],
  studentNo: ['WALK0001'],
  username: ['walker01'],
  phone: ['13699990000'],
  relation: ['父亲'],
  role: ['teacher'],
  kind: ['vacation', 'zone'],
  type: ['primary'],
  grade: [3],
  grades: [[1, 2, 3, 4, 5, 6]],
  entryYear: [2024],
  schoolYear: ['2030-2031'],
  term: [1],
  gender: ['M'],
  birthDate: ['2017-05-01'],
  startDate: ['2030-12-01'],
  endDate: ['2030-12-02'],
  from: ['2026-12-01'],
  to: ['2026-12-07'],
  date: ['2026-12-01'],
  licenseNo: ['WALK-LICENSE-1'],
  category: ['non_subject'],
  field: ['体育'],
  entity: ['students'],
  status: ['active'],
  listStatus: ['white'],
  dryRun: ['1'],
  effectiveFrom: ['2030-01-01'],
  key: ['homework.dayLimits'],
  links: [['https://example.com/walk']],
  weekStart: ['2026-11-23'],
  decision: ['approve'],
  action: ['drop'],
  reason: ['巡查测试原因'],
  note: ['巡查测试'],
  question: ['巡查错题'],
  title: ['巡查作业设计'],
  content: ['巡查作业内容'],
  minutes: [20],
  layer: ['basic'],
  place: ['home'],
  planKind: ['daily'],
  dates: [['2026-11-27']],
  endedAt: ['20:30'],
  year: [2026],
  kitchens: [['巡查厨房']],
  kitchen: ['巡查厨房'],
  bedtime: ['21:00'],
  wakeTime: ['07:00'],
  validUntil: ['2027-01-15'],
  isbn: ['978-7-5327-4236-3'],
  fullMarks: [100],
  score: [OMIT],
  addedOn: ['2026-09-01'],
  waiverCode: ['low_income'],
  opensOn: ['2026-11-26'],
  closesOn: ['2026-12-03'],
  questions: [[{ kind: 'rating', text: '巡查满意度', options: [], required: true, satisfaction: true }]],
  startTime: ['16:50'],
  endTime: ['17:50'],
  start: ['15:40'],
  end: ['17:50'],
  listedFrom: ['2026-09-01'],
  listedUntil: ['2027-01-22'],
  fromDate: ['2026-12-01'],
  toDate: ['2026-12-01'],
  plannedDate: ['2026-11-27'],
  visitDate: ['2026-11-26'],
  followUpDue: ['2026-12-03'],
  time: ['19:30'],
  deadline: ['2026-12-20'],
  month: ['2026-11'],
  paidOn: ['2026-11-20'],
  // a rollup period ('2026-11') or a timetable period (第 1 节)
  period: ['2026-11', 1],
  opensAt: ['2030-03-01T08:00:00+08:00'],
  closesAt: ['2030-03-08T20:00:00+08:00'],
  textHash: ['a'.repeat(64)],
  ticket: ['WA1KWA1K00'],
  description: ['巡查测试：机构周末开设学科类培训班'],
  replyPhone: ['13699990001'],
  answer: ['巡查答复内容'],
  institutionName: ['巡查测试机构'],
  contactPhone: ['13699990002'],
  lessonMinutes: [45],
  maxClassSize: [10],
  pricePerLessonFen: [3000],
  priceFen: [30000],
  lessons: [10],
  months: [2],
  areaSqm: [120],
  capacity: [30],
  licenseValidUntil: ['2029-08-31'],
  backgroundCheckedOn: ['2026-10-01'],
  // the standard training contract's fingerprint as shown to families (a request with another is refused as stale)
  contractHash: [STANDARD_CONTRACT.sha256],
  periodFrom: ['2026-11-01'],
  periodTo: ['2026-11-30'],
  closeDate: ['2026-12-05'],
  weight: [10],
};

export type Targets = Record<string, string>;

function example(target: Targets, name: string, schema: JsonSchema): unknown {
  const idKey = ID_BY_NAME[name];
  if (idKey && (schema.format === 'uuid' || schema.anyOf)) return target[idKey];
  const candidates = EXAMPLES[name];
  if (candidates) {
    const fit = candidates.find(
      (c) =>
        (!schema.enum || schema.enum.includes(c)) &&
        (typeof c !== 'string' || !schema.pattern || new RegExp(schema.pattern).test(c)) &&
        (c === OMIT || !schema.type || (typeof c === 'number') === (schema.type === 'integer' || schema.type === 'number')),
    );
    if (fit !== undefined) return fit;
  }
  return generate(target, schema, name);
}

export function generate(target: Targets, schema: JsonSchema, name = ''): unknown {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return generate(target, options.find((o) => o.type !== 'null' && !(o.enum && o.enum[0] === null)) ?? options[0]!, name);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => generate(target, s, name)));
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).flatMap(([k, v]) => {
          const value = example(target, k, v);
          if (value !== OMIT) return [[k, value]];
          return schema.required?.includes(k) ? [[k, generate(target, v, k)]] : [];
        }),
      );
    case 'array':
      return [example(target, name, schema.items ?? {})];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return target[ID_BY_NAME[name] ?? 'school'];
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return null;
  }
}

export interface Probe {
  route: string;
  method: string;
  url: string;
  body: unknown;
  aimsAtPrivate: boolean;
}

export function probes(doc: { paths: Record<string, Record<string, Operation>> }, target: Targets, skip: ReadonlySet<string> = new Set()): Probe[] {
  const out: Probe[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const route = `${method.toUpperCase()} ${path}`;
      if (skip.has(route)) continue;
      const resource = path.split('/').filter((p) => !p.startsWith('{')).at(-1) ?? '';
      const pathResource = path.replace(/\/\{[^}]+\}.*$/, '').split('/').at(-1) ?? '';
      let url = path;
      const query = new URLSearchParams();
      let aimsAtPrivate = false;
      for (const p of op.parameters ?? []) {
        let value: unknown;
        if (p.in === 'path') {
          value = p.name === 'id' ? target[ID_BY_PATH[path] ?? ID_BY_RESOURCE[pathResource] ?? ID_BY_RESOURCE[resource] ?? 'school'] : example(target, p.name, p.schema);
          if (p.schema.format === 'uuid' || p.name === 'id' || ID_BY_NAME[p.name]) aimsAtPrivate = true;
          url = url.replace(`{${p.name}}`, String(value));
        } else if (p.in === 'query') {
          value = example(target, p.name, p.schema);
          if (!p.required && !ID_BY_NAME[p.name] && p.name !== 'from' && p.name !== 'to') continue;
          if (ID_BY_NAME[p.name]) aimsAtPrivate = true;
          if (value !== undefined && value !== null) query.set(p.name, String(value));
        }
      }
      const schema = op.requestBody?.content['application/json']?.schema;
      const body = schema ? generate(target, schema) : undefined;
      if (body && JSON.stringify(body).match(/"(schoolId|classId|studentId|zoneId|institutionId)"/)) aimsAtPrivate = true;
      out.push({ route, method: method.toUpperCase(), url: query.size ? `${url}?${query}` : url, body, aimsAtPrivate });
    }
  }
  return out;
}


/**
 * Ids of the demo school's records to aim the walks at: the district, its zone, a class, a pupil, a teacher, the
 * subjects, an institution, homework, 督导 records. Adds a calendar entry and a homework attachment of the school's own.
 */
export async function demoSchoolTargets(w: World): Promise<Targets> {
  const q = async <T = Record<string, string>>(sql: string, params: unknown[] = []) => w.db.database.query<T>(sql, params);
  const [demo] = await q(`select id from districts where code = 'demo'`);
  const d = demo!.id!;
  const [school] = await q(`select id, zone_id from schools where district_id = $1 and code = 'SY01'`, [d]);
  const entry = await call(w.app, await w.login('demo-principal'), 'POST', '/api/calendar/entries', {
    kind: 'vacation',
    name: '校运会调休',
    startDate: '2026-12-04',
    endDate: '2026-12-04',
    schoolId: school!.id,
  });
  if (entry.status !== 200) throw new Error(`calendar entry: ${entry.status} ${JSON.stringify(entry.body)}`);
  const one = async (sql: string) => (await q<{ id: string }>(sql, [d, school!.id]))[0]?.id ?? '';
  const target: Targets = {
    district: d!,
    school: school!.id!,
    zone: school!.zone_id!,
    class: await one(`select id from classes where district_id = $1 and school_id = $2 order by grade, name limit 1`),
    student: await one(`select id from students where district_id = $1 and school_id = $2 order by student_no limit 1`),
    staff: await one(`select user_id as id from role_assignments where district_id = $1 and school_id = $2 and role = 'teacher' limit 1`),
    assignment: await one(`select id from role_assignments where district_id = $1 and school_id = $2 and role = 'teacher' limit 1`),
    subject: await one(`select id from subjects where district_id = $1 and $2::uuid is not null order by sort limit 1`),
    institution: await one(`select id from institutions where district_id = $1 and $2::uuid is not null limit 1`),
    semester: await one(`select id from semesters where district_id = $1 and $2::uuid is not null limit 1`),
    entry: entry.body.id,
    item: await one(`select id from homework_items where district_id = $1 and school_id = $2 order by date desc limit 1`),
    design: await one(`select id from homework_designs where district_id = $1 and school_id = $2 limit 1`),
    collection: await one(`select id from homework_collections where district_id = $1 and $2::uuid is not null limit 1`),
    mistake: await one(`select id from homework_mistakes where district_id = $1 and school_id = $2 limit 1`),
    assessment: await one(`select id from supervision_assessments where district_id = $1 and $2::uuid is not null and status = 'published' limit 1`),
    notice: await one(`select id from supervision_notices where district_id = $1 and audience_school_ids = array[$2::uuid] limit 1`),
    noticeReply: await one(`select id from supervision_notice_replies where district_id = $1 and $2::uuid is not null limit 1`),
    report: await one(`select id from supervision_reports where district_id = $1 and school_id = $2 limit 1`),
  };
  const upload = await w.app.inject({
    method: 'POST',
    url: '/api/homework/attachments',
    headers: { cookie: await w.login('demo-teacher'), 'content-type': 'multipart/form-data; boundary=walk' },
    payload: '--walk\r\nContent-Disposition: form-data; name="file"; filename="walk.txt"\r\nContent-Type: text/plain\r\n\r\n走查附件\r\n--walk--\r\n',
  });
  if (upload.statusCode !== 200) throw new Error(`attachment: ${upload.statusCode} ${upload.body}`);
  target.attachment = upload.json().id;
  // 督导: a school's reply file (the principal's) and a scorer's evidence (the inspector's)
  const file = async (username: string, url: string) => {
    const res = await w.app.inject({
      method: 'POST',
      url,
      headers: { cookie: await w.login(username), 'content-type': 'multipart/form-data; boundary=walk' },
      payload: '--walk\r\nContent-Disposition: form-data; name="file"; filename="walk.txt"\r\nContent-Type: text/plain\r\n\r\n走查材料\r\n--walk--\r\n',
    });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  target.noticeFile = await file('demo-principal', '/api/supervision/notices/files');
  target.evidence = await file('demo-inspector', '/api/supervision/evidence');
  target.guardian = (await q(`select guardian_id as id from guardian_links where district_id = $1 and student_id = $2 limit 1`, [d, target.student]))[0]!.id!;
  return target;
}
