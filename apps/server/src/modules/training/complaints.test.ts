import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, pagedList, type World } from '../../../test/harness';
import { hashPassword } from '../../platform/auth/password';
import { COMPLAINT_STATUSES } from '@shuangjian/contracts';
import { and, inArray, not } from 'drizzle-orm';
import { isOverdue, newTicketCode, overdueSql } from './complaints.repo';
import { trainingComplaints } from './complaints.schema';

let w: World;
let districtId: string;
let zones: { east: string; west: string };
let inst: Record<string, string>;
const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params) as Promise<[T, ...T[]]>;

/** The public form from an address of its own (the rate limit counts per address). */
let nextIp = 1;
async function pub(method: 'GET' | 'POST', url: string, payload?: unknown, ip = `10.9.0.${nextIp++}`) {
  const res = await w.app.inject({ method, url, remoteAddress: ip, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  return { status: res.statusCode, body: res.json() };
}
const filing = (over: Record<string, unknown> = {}) => ({
  category: 'subject_violation',
  institutionId: inst['捷径升学补习班'],
  description: '周末在商业街二楼开初中数学班，约 30 名学生。',
  replyPhone: '13912345678',
  ...over,
});

beforeAll(async () => {
  // a small rate limit for the public form (the other tests use an address each)
  w = await createWorld({ training: true, config: { complaintRateLimit: { max: 3, lookupMax: 4, timeWindowMs: 600_000 } } });
  [{ id: districtId }] = await q<{ id: string }>(`select id from districts where code = 'demo'`);
  const z = await q<{ id: string; name: string }>(`select id, name from zones where district_id = $1`, [districtId]);
  zones = { east: z.find((r) => r.name.startsWith('城东'))!.id, west: z.find((r) => r.name.startsWith('城西'))!.id };
  inst = Object.fromEntries((await q<{ id: string; name: string }>(`select id, name from institutions where district_id = $1`, [districtId])).map((r) => [r.name, r.id]));
  // a second parent of the demo district, to read demo-parent's tickets
  const [g] = await q<{ id: string }>(`select g.id from guardians g where g.district_id = $1 and g.user_id is null limit 1`, [districtId]);
  const [u] = await q<{ id: string }>(
    `insert into users (district_id, username, name, password_hash, must_change_password) values ($1, 'complaint-parent2', '李家长', $2, false) returning id`,
    [districtId, await hashPassword('Demo#2026')],
  );
  await q(`update guardians set user_id = $1 where district_id = $2 and id = $3`, [u.id, districtId, g.id]);
}, 300_000);
afterAll(() => w.close());

describe('the public form', () => {
  let code: string;
  it('files without signing in and answers a ticket code to keep', async () => {
    const res = await pub('POST', '/api/public/districts/demo/complaints', filing());
    expect(res.status).toBe(200);
    expect(res.body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(res.body.status).toBe('received');
    // 15 working days from Thursday 2026-11-26: the day itself not counted, weekends skipped
    expect(res.body.receivedOn).toBe('2026-11-26');
    expect(res.body.deadline).toBe('2026-12-17');
    code = res.body.code;
    const [row] = await q<{ reply_phone: string; zone_id: string | null; policy_version: string | null }>(`select reply_phone, zone_id, policy_version from training_complaints where code = $1`, [code]);
    expect(row.reply_phone).toBe('13912345678');
    expect(row.zone_id).toBeNull();
    // the audit log masks the number
    const [log] = await q<{ after: string }>(`select after::text from audit_log where action = 'training.complaint.file' order by at desc limit 1`);
    expect(log.after).toContain('139****5678');
    expect(log.after).not.toContain('13912345678');
  });

  it('shows progress by code (case-insensitive), phone masked; an unknown code is 404', async () => {
    const res = await pub('GET', `/api/public/complaints/${code.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code, institutionName: '捷径升学补习班', status: 'received', replyPhone: '139****5678', overdue: false, answer: null });
    expect(res.body.timeline).toEqual([expect.objectContaining({ status: 'received', actorName: null })]);
    expect((await pub('GET', '/api/public/complaints/ZZZZZZZZZZ')).status).toBe(404);
    expect((await pub('GET', '/api/public/complaints/abc')).status).toBe(400);
    expect((await pub('GET', '/api/public/districts/nowhere/complaints', undefined)).status).toBe(404);
  });

  it('files against a name typed in when the institution is not on the list', async () => {
    const res = await pub('POST', '/api/public/districts/demo/complaints', filing({ institutionId: null, institutionName: '小区里的英语家教班', category: 'unlicensed' }));
    expect(res.status).toBe(200);
    const [row] = await q<{ institution_id: string | null; institution_name: string }>(`select institution_id, institution_name from training_complaints where code = $1`, [res.body.code]);
    expect(row).toEqual({ institution_id: null, institution_name: '小区里的英语家教班' });
  });

  it('refuses bad input naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ description: '' }, '描述'],
      [{ description: '太短了' }, '描述'],
      [{ replyPhone: '12345' }, '联系电话'],
      [{ replyPhone: undefined }, '联系电话'],
      [{ category: 'nonsense' }, '类别'],
      [{ institutionId: null, institutionName: null }, '机构名称'],
    ];
    for (const [over, field] of cases) {
      const res = await pub('POST', '/api/public/districts/demo/complaints', filing(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.message).toContain(field);
    }
    // an institution of another district reads as one that does not exist
    const [other] = await q<{ id: string }>(`select id from institutions where district_id <> $1 limit 1`, [districtId]);
    for (const id of [other?.id ?? '6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90', '6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90']) {
      const res = await pub('POST', '/api/public/districts/demo/complaints', filing({ institutionId: id }));
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('机构');
    }
  });

  it('limits filings and look-ups per address with 429 and a Chinese message', async () => {
    const ip = '10.99.0.1';
    for (let i = 0; i < 3; i++) expect((await pub('POST', '/api/public/districts/demo/complaints', filing(), ip)).status).toBe(200);
    const refused = await pub('POST', '/api/public/districts/demo/complaints', filing(), ip);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(refused.body.message).toMatch(/10 分钟内最多提交 3 次举报/);
    // another address still files
    expect((await pub('POST', '/api/public/districts/demo/complaints', filing(), '10.99.0.2')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await pub('GET', '/api/public/complaints/ZZZZZZZZZZ', undefined, ip)).status).toBe(404);
    const lookups = await pub('GET', '/api/public/complaints/ZZZZZZZZZZ', undefined, ip);
    expect(lookups.status).toBe(429);
    expect(lookups.body.message).toContain('查询过于频繁');
  });
});

describe('a parent', () => {
  let id: string;
  it('files and lists their own tickets; the reply phone defaults to the account', async () => {
    const parent = await w.login('demo-parent');
    const res = await call(w.app, parent, 'POST', '/api/training/family/complaints', {
      category: 'refund',
      institutionId: inst['启明文化艺术培训学校'],
      description: '申请退还剩余课时费两个月了，机构一直没有办理。',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ channel: 'parent', fromParent: true, status: 'received', institutionName: '启明文化艺术培训学校' });
    id = res.body.id;
    const mine = await call(w.app, parent, 'GET', '/api/training/family/complaints');
    expect(mine.body.map((c: { id: string }) => c.id)).toContain(id);
    // the demo's own ticket of demo-parent is there too; nobody else's
    expect(mine.body.every((c: { channel: string }) => c.channel === 'parent')).toBe(true);
  });

  it("cannot read another parent's ticket, nor the handlers' list", async () => {
    const other = await w.login('complaint-parent2');
    expect((await call(w.app, other, 'GET', `/api/training/family/complaints/${id}`)).status).toBe(404);
    expect((await call(w.app, other, 'GET', '/api/training/family/complaints')).body).toEqual([]);
    expect((await call(w.app, other, 'GET', '/api/training/complaints')).status).toBe(403);
    const otherDistrict = await w.login('other-parent');
    expect((await call(w.app, otherDistrict, 'GET', `/api/training/family/complaints/${id}`)).status).toBe(404);
  });
});

describe('handling', () => {
  let id: string;
  let code: string;
  it('goes received → assigned → investigating → answered → closed, with the timeline, the parent told', async () => {
    const parent = await w.login('demo-parent');
    const filed = await call(w.app, parent, 'POST', '/api/training/family/complaints', {
      category: 'overcharge',
      institutionId: inst['博学学科辅导中心'],
      description: '数学课每节 45 分钟收 90 元，超过区里的标准。',
      replyPhone: '13711112222',
    });
    id = filed.body.id;
    code = filed.body.code;
    const district = await w.login('demo-district');
    const zoneInspector = await w.login('zone-inspector'); // 城西学区
    // not yet assigned: the district's alone
    expect((await call(w.app, zoneInspector, 'GET', `/api/training/complaints/${id}`)).status).toBe(404);
    const seen = await call(w.app, district, 'GET', `/api/training/complaints/${id}`);
    expect(seen.body).toMatchObject({ suggestedZoneId: zones.west, replyPhone: '137****2222', status: 'received' });
    // only the district assigns
    expect((await call(w.app, zoneInspector, 'POST', `/api/training/complaints/${id}/assign`, { zoneId: zones.west })).status).toBe(404);
    const assigned = await call(w.app, district, 'POST', `/api/training/complaints/${id}/assign`, { zoneId: zones.west, note: '请城西学区核查' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', zoneName: '城西学区' });
    expect((await call(w.app, zoneInspector, 'POST', `/api/training/complaints/${id}/assign`, { zoneId: zones.east })).status).toBe(403);
    // cannot answer before investigating
    const early = await call(w.app, zoneInspector, 'POST', `/api/training/complaints/${id}/answer`, { answer: '已核查' });
    expect(early.status).toBe(409);
    const inv = await call(w.app, zoneInspector, 'POST', `/api/training/complaints/${id}/investigate`, { note: '明日现场核查' });
    expect(inv.status).toBe(200);
    // the handler sees the number in full; the district, not handling, masked
    expect(inv.body).toMatchObject({ status: 'investigating', handlerName: '郑国强', replyPhone: '13711112222' });
    expect((await call(w.app, district, 'GET', `/api/training/complaints/${id}`)).body.replyPhone).toBe('137****2222');
    expect((await call(w.app, zoneInspector, 'POST', `/api/training/complaints/${id}/answer`, { answer: '  ' })).status).toBe(400);
    const answered = await call(w.app, zoneInspector, 'POST', `/api/training/complaints/${id}/answer`, { answer: '经核查属实，已责令机构按标准退还多收费用。' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answeredOn: '2026-11-26', overdue: false });
    const note = await call(w.app, parent, 'GET', '/api/notifications');
    expect(JSON.stringify(note.body)).toContain('举报已答复');
    const pubView = await pub('GET', `/api/public/complaints/${code}`);
    expect(pubView.body.answer).toContain('已责令机构');
    expect(pubView.body.timeline.map((e: { status: string }) => e.status)).toEqual(['received', 'assigned', 'investigating', 'answered']);
    expect(pubView.body.timeline.every((e: { actorName: string | null }) => e.actorName === null)).toBe(true);
    expect(JSON.stringify(pubView.body)).not.toContain('郑国强');
    const closed = await call(w.app, district, 'POST', `/api/training/complaints/${id}/close`, {});
    expect(closed.body.status).toBe('closed');
    expect(closed.body.timeline.map((e: { actorName: string | null }) => e.actorName)[2]).toBe('郑国强');
    const actions = await q<{ action: string }>(`select action from audit_log where entity_id = $1 order by at`, [id]);
    expect(actions.map((a) => a.action)).toEqual(['training.complaint.file', 'training.complaint.assigned', 'training.complaint.investigating', 'training.complaint.answered', 'training.complaint.closed']);
  });

  it("refuses another zone's inspector and another district's staff with 404", async () => {
    const [row] = await q<{ id: string }>(`select id from training_complaints where district_id = $1 and zone_id = $2 limit 1`, [districtId, zones.east]);
    const zoneInspector = await w.login('zone-inspector');
    expect((await call(w.app, zoneInspector, 'GET', `/api/training/complaints/${row.id}`)).status).toBe(404);
    expect((await call(w.app, zoneInspector, 'POST', `/api/training/complaints/${row.id}/investigate`, {})).status).toBe(404);
    const list = await call(w.app, zoneInspector, 'GET', '/api/training/complaints');
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((c: { zoneId: string }) => c.zoneId === zones.west)).toBe(true);
    const other = await w.login('other-admin');
    expect((await call(w.app, other, 'GET', `/api/training/complaints/${row.id}`)).status).toBe(404);
    expect((await call(w.app, other, 'POST', `/api/training/complaints/${row.id}/assign`, { zoneId: zones.east })).status).toBe(404);
    expect((await call(w.app, other, 'GET', '/api/training/complaints')).body).toEqual({ items: [], total: 0 });
  });

  it('marks a ticket overdue from the day after its deadline (test clock)', async () => {
    const res = await pub('POST', '/api/public/districts/demo/complaints', filing({ category: 'safety', institutionId: inst['小科学家科技创新中心'] }));
    const [{ id: ticket }] = await q<{ id: string }>(`select id from training_complaints where code = $1`, [res.body.code]);
    const district = await w.login('demo-district');
    await call(w.app, district, 'POST', `/api/training/complaints/${ticket}/assign`, { zoneId: zones.east });
    const start = w.clock.current;
    try {
      w.clock.current = new Date('2026-12-17T15:00:00Z'); // 23:00 in the district: still the deadline day
      const onDeadline = await call(w.app, await w.login('demo-district'), 'GET', `/api/training/complaints/${ticket}`);
      expect(onDeadline.body).toMatchObject({ deadline: '2026-12-17', overdue: false });
      w.clock.current = new Date('2026-12-17T16:00:00Z'); // 00:00 on the 18th
      const after = await call(w.app, await w.login('demo-district'), 'GET', `/api/training/complaints/${ticket}`);
      expect(after.body.overdue).toBe(true);
      const overdue = await call(w.app, await w.login('demo-district'), 'GET', '/api/training/complaints?overdue=true');
      expect(overdue.body.items.map((c: { id: string }) => c.id)).toContain(ticket);
      const notOverdue = await call(w.app, await w.login('demo-district'), 'GET', '/api/training/complaints?overdue=false&pageSize=500');
      expect(notOverdue.body.items.map((c: { id: string }) => c.id)).not.toContain(ticket);
      expect((await pub('GET', `/api/public/complaints/${res.body.code}`)).body.overdue).toBe(true);
      const stats = await call(w.app, await w.login('demo-district'), 'GET', '/api/training/complaints/stats');
      expect(stats.body.overdue).toBeGreaterThanOrEqual(1);
    } finally {
      w.clock.current = start;
    }
  });

  it('counts by category, institution and zone; the demo holds every status', async () => {
    const stats = await call(w.app, await w.login('demo-district'), 'GET', '/api/training/complaints/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.byStatus.every((s: { count: number }) => s.count > 0)).toBe(true);
    const jiejing = stats.body.byInstitution.find((i: { institutionName: string }) => i.institutionName === '捷径升学补习班');
    expect(jiejing.count).toBeGreaterThanOrEqual(2);
    expect(stats.body.byCategory.find((c: { category: string }) => c.category === 'subject_violation').count).toBeGreaterThan(0);
    const filtered = await call(w.app, await w.login('demo-district'), 'GET', `/api/training/complaints?status=answered&institutionId=${inst['启明文化艺术培训学校']}`);
    expect(filtered.body.items.length).toBeGreaterThan(0);
    expect((await call(w.app, await w.login('demo-district'), 'GET', '/api/training/complaints?overdue=maybe')).status).toBe(400);
  });

  it('exports the list as filtered, one row per ticket, phones as the reader sees them; a zone sees its own, a parent none', async () => {
    const district = await w.login('demo-district');
    const list = await call(w.app, district, 'GET', '/api/training/complaints?status=received&pageSize=500');
    expect(list.body.items.length).toBeGreaterThan(0);
    const file = await call(w.app, district, 'GET', '/api/training/complaints.xlsx?status=received');
    expect(file.status).toBe(200);
    expect(file.raw.headers['content-type']).toContain('spreadsheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('举报投诉')!;
    expect(ws.getRow(1).getCell(1).value).toBe('单号');
    expect(ws.rowCount - 1).toBe(list.body.total);
    const codes = new Set(list.body.items.map((c: { code: string }) => c.code));
    for (let r = 2; r <= ws.rowCount; r++) {
      expect(codes.has(String(ws.getRow(r).getCell(1).value))).toBe(true);
      expect(ws.getRow(r).getCell(6).value).toBe('已受理');
      const phone = String(ws.getRow(r).getCell(11).value ?? '');
      expect(phone === '' || /\*{4}/.test(phone)).toBe(true); // the district office is not the handler: masked
    }
    const zone = await call(w.app, await w.login('zone-inspector'), 'GET', '/api/training/complaints.xlsx');
    expect(zone.status).toBe(200);
    const zwb = new ExcelJS.Workbook();
    await zwb.xlsx.load(zone.raw.rawPayload as unknown as ArrayBuffer);
    const zoneRows = zwb.getWorksheet('举报投诉')!.getColumn(5).values.slice(2).map(String);
    expect(zoneRows.length).toBeGreaterThan(0);
    expect(zoneRows.every((z) => z === '城西学区')).toBe(true);
    expect((await call(w.app, await w.login('demo-parent'), 'GET', '/api/training/complaints.xlsx')).status).toBe(403);
    expect((await call(w.app, district, 'GET', '/api/training/complaints.xlsx?overdue=maybe')).status).toBe(400);
  });
});

describe('the list, page by page, every filter in the database', () => {
  const TODAY = '2026-11-26'; // the test clock's day in the district
  const DEADLINES = ['2026-11-25', '2026-11-26', '2026-11-27'] as const; // the day before, the day itself, the day after
  let boundary: { id: string; status: (typeof COMPLAINT_STATUSES)[number]; deadline: string }[] = [];
  type Item = { id: string; code: string; status: string; category: string; institutionId: string | null; zoneId: string | null; overdue: boolean };
  const { list, all } = pagedList<Item>(() => w.app, '/api/training/complaints');
  /** The hand count: the district's tickets by a condition written out in SQL here, newest filed first. */
  const byHand = async (where: string, params: unknown[] = []) =>
    (await q<{ id: string }>(`select id from training_complaints where district_id = $1 and (${where}) order by created_at desc, id desc`, [districtId, ...params])).map((r) => r.id);

  beforeAll(async () => {
    // one ticket in each status due the day before, on, and after today, all filed at one instant (the id orders them)
    const filedAt = new Date('2026-11-20T01:00:00Z');
    const rows = COMPLAINT_STATUSES.flatMap((status) =>
      DEADLINES.map((deadline) => ({
        districtId,
        code: newTicketCode(),
        channel: 'public' as const,
        category: 'false_ads' as const,
        institutionId: inst['小科学家科技创新中心']!,
        institutionName: '小科学家科技创新中心',
        description: '宣传单写着“保证提分 30 分”，与实际不符。',
        replyPhone: '13800001111',
        zoneId: status === 'received' ? null : zones.east,
        status,
        receivedOn: '2026-11-05',
        deadline,
        answerDays: 15,
        answer: status === 'answered' || status === 'closed' ? '已核查并责令整改。' : null,
        createdAt: filedAt,
        updatedAt: filedAt,
      })),
    );
    boundary = await w.db.database.db.insert(trainingComplaints).values(rows).returning({ id: trainingComplaints.id, status: trainingComplaints.status, deadline: trainingComplaints.deadline });
  });

  it('overdue in SQL and overdue in memory agree on the deadline day, the days around it and every status', async () => {
    const ids = boundary.map((b) => b.id);
    const t = trainingComplaints;
    const inSql = async (cond: ReturnType<typeof overdueSql>) =>
      new Set((await w.db.database.db.select({ id: t.id }).from(t).where(and(inArray(t.id, ids), cond))).map((r) => r.id));
    const overdueIds = await inSql(overdueSql(TODAY));
    const notOverdueIds = await inSql(not(overdueSql(TODAY)));
    for (const b of boundary) {
      expect(overdueIds.has(b.id), `${b.status} due ${b.deadline}`).toBe(isOverdue(b, TODAY));
      expect(notOverdueIds.has(b.id), `${b.status} due ${b.deadline}`).toBe(!isOverdue(b, TODAY));
    }
    // by hand: overdue are the open statuses due the day before, nothing else
    expect([...overdueIds].sort()).toEqual(boundary.filter((b) => ['received', 'assigned', 'investigating'].includes(b.status) && b.deadline === '2026-11-25').map((b) => b.id).sort());
    expect(overdueIds.size).toBe(3);
  });

  it('pages through every ticket once, newest first with the id settling ties, and counts them all', async () => {
    const district = await w.login('demo-district');
    const expected = await byHand('true');
    expect(expected.length).toBeGreaterThan(20);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const got = await list(district, `pageSize=7&page=${page}`);
      expect(got.total).toBe(expected.length);
      if (!got.items.length) break;
      seen.push(...got.items.map((c) => c.id));
    }
    expect(seen).toEqual(expected);
    // page 2 holds the next rows
    const second = await list(district, 'pageSize=7&page=2');
    expect(second.items.map((c) => c.id)).toEqual(expected.slice(7, 14));
    // past the last page: nothing, and still the total
    expect(await list(district, 'pageSize=50&page=999')).toEqual({ items: [], total: expected.length });
    // the default page is the first 50
    const first = await list(district, '');
    expect(first.items.map((c) => c.id)).toEqual(expected.slice(0, 50));
  });

  it('applies each filter, overdue both ways included, as a hand count of the rows says', async () => {
    const district = await w.login('demo-district');
    const open = `status in ('received', 'assigned', 'investigating') and deadline < '${TODAY}'`;
    const cases: [string, string, unknown[]][] = [
      ['status=received', `status = 'received'`, []],
      ['status=closed', `status = 'closed'`, []],
      ['category=false_ads', `category = 'false_ads'`, []],
      [`institutionId=${inst['捷径升学补习班']}`, 'institution_id = $2', [inst['捷径升学补习班']]],
      [`zoneId=${zones.east}`, 'zone_id = $2', [zones.east]],
      ['overdue=true', open, []],
      ['overdue=false', `not (${open})`, []],
      [`overdue=true&status=assigned&zoneId=${zones.east}`, `${open} and status = 'assigned' and zone_id = $2`, [zones.east]],
      [`overdue=false&category=false_ads&institutionId=${inst['小科学家科技创新中心']}`, `not (${open}) and category = 'false_ads' and institution_id = $2`, [inst['小科学家科技创新中心']]],
    ];
    for (const [query, where, params] of cases) {
      const expected = await byHand(where, params);
      const got = await all(district, query);
      expect(got.items.map((c) => c.id), query).toEqual(expected);
      // and the mark on each row says the same as the filter
      if (query.includes('overdue=true')) expect(got.items.every((c) => c.overdue)).toBe(true);
      if (query.includes('overdue=false')) expect(got.items.every((c) => !c.overdue)).toBe(true);
    }
    expect((await all(district, 'overdue=true')).total).toBeGreaterThanOrEqual(3);
    // the two halves make the whole
    const [yes, no, every] = await Promise.all([list(district, 'overdue=true'), list(district, 'overdue=false'), list(district, '')]);
    expect(yes.total + no.total).toBe(every.total);
    // one ticket by its code, in any case
    const [{ code }] = await q<{ code: string }>(`select code from training_complaints where id = $1`, [boundary[0]!.id]);
    const one = await list(district, `code=${code.toLowerCase()}`);
    expect(one).toMatchObject({ total: 1, items: [{ id: boundary[0]!.id, code }] });
  });

  it('a zone inspector pages through its zone only; another district and a foreign institution see none', async () => {
    const zone = await w.login('zone-inspector'); // 城西学区
    const own = await all(zone, '');
    expect(own.items.map((c) => c.id)).toEqual(await byHand('zone_id = $2', [zones.west]));
    expect(await list(zone, `zoneId=${zones.east}`)).toEqual({ items: [], total: 0 });
    // the boundary tickets are 城东's or not yet assigned: not on any of the inspector's views, overdue or not
    const boundaryIds = new Set(boundary.map((b) => b.id));
    for (const query of ['overdue=true', 'overdue=false', 'category=false_ads']) expect((await all(zone, query)).items.some((c) => boundaryIds.has(c.id)), query).toBe(false);
    const other = await w.login('other-admin');
    expect(await list(other, '')).toEqual({ items: [], total: 0 });
    expect(await list(other, 'overdue=false')).toEqual({ items: [], total: 0 });
    // an institution of another district (or none at all) filters to nothing, not to another district's tickets
    const [foreign] = await q<{ id: string }>(`select id from institutions where district_id <> $1 limit 1`, [districtId]);
    for (const id of [foreign?.id ?? '6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90', '6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90'])
      expect(await list(await w.login('demo-district'), `institutionId=${id}`)).toEqual({ items: [], total: 0 });
    // and the other district filtering by the demo's institution sees none of its tickets
    expect(await list(other, `institutionId=${inst['捷径升学补习班']}`)).toEqual({ items: [], total: 0 });
    expect((await call(w.app, await w.login('demo-parent'), 'GET', '/api/training/complaints?page=2')).status).toBe(403);
  });

  it('refuses bad page parameters and a bad code with 400 naming the field', async () => {
    const district = await w.login('demo-district');
    const cases: [string, string][] = [
      ['page=0', '页码（page）'],
      ['page=-1', '页码（page）'],
      ['page=abc', '页码（page）'],
      ['page=1.5', '页码（page）'],
      ['pageSize=0', '每页条数（pageSize）'],
      ['pageSize=501', '每页条数（pageSize）'],
      ['pageSize=x', '每页条数（pageSize）'],
      ['code=abc', '（code）'],
      ['overdue=maybe', '是否逾期（overdue）'],
    ];
    for (const [query, field] of cases) {
      const res = await call(w.app, district, 'GET', `/api/training/complaints?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.message, query).toContain(field);
    }
  });
});
