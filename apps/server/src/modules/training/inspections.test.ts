/**
 * Inspections and annual review against a real database: a plan, a visit with a finding and its photo, the deadline
 * from the policy (cited), the institution's response with evidence, the inspector's verification and a send-back;
 * the overdue job at the deadline boundary moving the institution to 整改; 年检 不合格 moving it onto the black list;
 * refusals (another zone's inspector, another institution, another district, bad input).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let d: string;
const inst: Record<string, { id: string; zone_id: string }> = {};
let inspector: string;
let zoneInspector: string;
let institution: string;
let district: string;
let other: string;

const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC', 'base64');

async function upload(cookie: string, filename = 'site.png', data = PNG) {
  const boundary = 'insp';
  const res = await w.app.inject({
    method: 'POST',
    url: '/api/training/inspections/photos',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

beforeAll(async () => {
  w = await createWorld({ training: true });
  [{ id: d }] = (await q<{ id: string }>(`select id from districts where code = 'demo'`)) as [{ id: string }];
  for (const r of await q<{ id: string; zone_id: string; name: string }>(`select id, zone_id, name from institutions where district_id = $1`, [d])) inst[r.name] = r;
  [inspector, zoneInspector, institution, district, other] = (await Promise.all(['demo-inspector', 'zone-inspector', 'demo-institution', 'demo-district', 'other-admin'].map((u) => w.login(u)))) as [string, string, string, string, string];
});
afterAll(() => w?.close());

const QIMING = '启明文化艺术培训学校';
const FEIYUE = '飞跃少儿体育俱乐部';

describe('plan → visit → finding with photo → response → verification', () => {
  let findingId: string;
  let photoId: string;

  it('plans a round in a zone and lists it as the inspector\'s', async () => {
    const people = await call(w.app, district, 'GET', '/api/training/inspections/inspectors');
    const me = (people.body as { id: string; name: string }[]).find((p) => p.name === '吴志刚')!;
    const plan = await call(w.app, district, 'POST', '/api/training/inspections/plans', {
      zoneId: inst[QIMING]!.zone_id, title: '十二月专项检查', plannedDate: '2026-11-27', inspectorIds: [me.id], institutionIds: [inst[QIMING]!.id],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body.institutions).toEqual([{ id: inst[QIMING]!.id, name: QIMING, visitId: null }]);
    const mine = await call(w.app, inspector, 'GET', '/api/training/inspections/plans?from=2026-11-27&to=2026-11-27&mine=true');
    expect(mine.body.map((p: { id: string }) => p.id)).toContain(plan.body.id);
    // an institution of the other zone cannot join a plan of this zone
    const wrong = await call(w.app, district, 'POST', '/api/training/inspections/plans', {
      zoneId: inst[QIMING]!.zone_id, title: '错误', plannedDate: '2026-11-27', inspectorIds: [me.id], institutionIds: [inst[FEIYUE]!.id],
    });
    expect(wrong.status).toBe(400);
  });

  it('records a visit with a finding and its photo; the deadline comes from the policy and cites it', async () => {
    const up = await upload(inspector);
    expect(up.status).toBe(200);
    photoId = up.body.id;
    const visit = await call(w.app, inspector, 'POST', '/api/training/inspections/visits', {
      institutionId: inst[QIMING]!.id, visitDate: '2026-11-26', summary: '例行检查', checklist: [{ item: 'venue_safe', ok: false, note: '通道堵塞' }],
      findings: [{ category: 'venue_safety', description: '消防通道堆放杂物', severity: 'major', photoIds: [photoId] }],
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(200);
    const f = visit.body.findings[0];
    findingId = f.id;
    expect(f).toMatchObject({ status: 'open', deadline: '2026-12-26', photoIds: [photoId], overdue: false });
    expect(f.citation).toMatchObject({ rule: 'training.handling.rectificationDays', days: 30, chosen: false });
    // the institution is told and sees the photo of its finding
    const photo = await w.app.inject({ method: 'GET', url: `/api/training/inspections/photos/${photoId}`, headers: { cookie: institution } });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
  });

  it('the institution lists its open rectification and responds with evidence', async () => {
    const list = await call(w.app, institution, 'GET', '/api/training/inspections/findings?status=open');
    expect(list.body.items.map((f: { id: string }) => f.id)).toContain(findingId);
    expect(list.body.items.every((f: { institutionId: string }) => f.institutionId === inst[QIMING]!.id)).toBe(true);
    const ev = await upload(institution, 'fixed.jpg');
    const res = await call(w.app, institution, 'POST', `/api/training/inspections/findings/${findingId}/response`, { text: '已清理通道并更换指示灯', photoIds: [ev.body.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('responded');
    // the inspector's photo cannot be passed off as the institution's evidence
    const again = await call(w.app, institution, 'POST', `/api/training/inspections/findings/${findingId}/response`, { text: '再交一次', photoIds: [] });
    expect(again.status).toBe(409);
  });

  it('the inspector sends it back with a reason, the institution answers again, the inspector closes it', async () => {
    const noReason = await call(w.app, inspector, 'POST', `/api/training/inspections/findings/${findingId}/verify`, { decision: 'send_back' });
    expect(noReason.status).toBe(400);
    const back = await call(w.app, inspector, 'POST', `/api/training/inspections/findings/${findingId}/verify`, { decision: 'send_back', reason: '指示灯仍不亮' });
    expect(back.body).toMatchObject({ status: 'open', deadline: '2026-12-26' });
    const re = await call(w.app, institution, 'POST', `/api/training/inspections/findings/${findingId}/response`, { text: '已请电工修好指示灯', photoIds: [] });
    expect(re.body.status).toBe('responded');
    const done = await call(w.app, inspector, 'POST', `/api/training/inspections/findings/${findingId}/verify`, { decision: 'close' });
    expect(done.body.status).toBe('closed');
    expect(done.body.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'responded', 'sent_back', 'responded', 'closed']);
    const audit = await q<{ n: number }>(`select count(*)::int n from audit_log where entity = 'training_finding' and entity_id = $1`, [findingId]);
    expect(audit[0]!.n).toBe(4);
  });
});

describe('overdue escalation at the deadline boundary', () => {
  it('marks nothing on the deadline day, marks and escalates the day after, once', async () => {
    await q(`update institutions set status = 'active' where id = $1`, [inst[FEIYUE]!.id]);
    const visit = await call(w.app, district, 'POST', '/api/training/inspections/visits', {
      institutionId: inst[FEIYUE]!.id, visitDate: '2026-11-26', summary: '抽查', findings: [{ category: 'time_rules', description: '晚上 21:00 仍在上课', deadline: '2026-11-28' }],
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(200);
    const id = visit.body.findings[0].id;
    const clock = w.clock.current;
    try {
      w.clock.current = new Date('2026-11-28T15:59:00Z'); // 23:59 on the deadline day in Shanghai
      await w.runJob('training.rectificationOverdue');
      expect((await call(w.app, await w.login('demo-district'), 'GET', `/api/training/inspections/findings/${id}`)).body.overdue).toBe(false);
      w.clock.current = new Date('2026-11-28T16:01:00Z'); // 00:01 the day after
      await w.runJob('training.rectificationOverdue');
      const f = (await call(w.app, await w.login('demo-district'), 'GET', `/api/training/inspections/findings/${id}`)).body;
      expect(f.overdue).toBe(true);
      expect(f.events.at(-1).kind).toBe('overdue');
      const [row] = await q<{ status: string }>(`select status from institutions where id = $1`, [inst[FEIYUE]!.id]);
      expect(row!.status).toBe('rectifying');
      const history = await q<{ reason: string }>(`select reason from training_status_history where institution_id = $1 order by at desc limit 1`, [inst[FEIYUE]!.id]);
      expect(history[0]!.reason).toContain('training.rectification.overdue');
      const note = await q<{ n: number }>(`select count(*)::int n from notifications where kind = 'training.rectification.overdue' and title like '%飞跃%'`);
      expect(note[0]!.n).toBeGreaterThan(0);
      await w.runJob('training.rectificationOverdue');
      const events = await q<{ n: number }>(`select count(*)::int n from training_finding_events where finding_id = $1 and kind = 'overdue'`, [id]);
      expect(events[0]!.n).toBe(1);
      const overdue = await call(w.app, await w.login('demo-district'), 'GET', '/api/training/inspections/findings?overdue=true');
      expect(overdue.body.items.map((x: { id: string }) => x.id)).toContain(id);
    } finally {
      w.clock.current = clock;
      // sessions used at the moved clock are stale back at the test's time: sign in again
      [inspector, zoneInspector, institution, district, other] = (await Promise.all(['demo-inspector', 'zone-inspector', 'demo-institution', 'demo-district', 'other-admin'].map((u) => w.login(u)))) as [string, string, string, string, string];
    }
  });
});

describe('年检', () => {
  it('不合格 puts the institution on the black list and into 整改; only the district decides; no result for a year to come', async () => {
    const id = inst['小科学家科技创新中心']!.id;
    await q(`update institutions set status = 'active', list_status = 'white' where id = $1`, [id]);
    const fail = await call(w.app, district, 'POST', '/api/training/inspections/annual', { institutionId: id, year: 2026, result: 'fail', notes: '超范围招生' });
    expect(fail.status, JSON.stringify(fail.body)).toBe(200);
    expect(fail.body.effect).toMatchObject({ rule: 'training.annual.fail', listStatus: 'black', status: 'rectifying', applied: true });
    const [row] = await q<{ status: string; list_status: string }>(`select status, list_status from institutions where id = $1`, [id]);
    expect(row).toEqual({ status: 'rectifying', list_status: 'black' });
    const list = await call(w.app, inspector, 'GET', '/api/training/inspections/annual?year=2026');
    expect(list.body.find((r: { institutionId: string }) => r.institutionId === id).result).toBe('fail');
    // inspectors read results but the district decides them
    const byInspector = await call(w.app, inspector, 'POST', '/api/training/inspections/annual', { institutionId: id, year: 2026, result: 'pass' });
    expect(byInspector.status).toBe(403);
    const future = await call(w.app, district, 'POST', '/api/training/inspections/annual', { institutionId: id, year: 2027, result: 'pass' });
    expect(future.status).toBe(400);
  });
});

describe('refusals', () => {
  it('an inspector of another zone sees nothing of 启明 and cannot visit or verify there', async () => {
    const visit = await call(w.app, zoneInspector, 'POST', '/api/training/inspections/visits', { institutionId: inst[QIMING]!.id, visitDate: '2026-11-26', summary: 'x', findings: [] });
    expect(visit.status).toBe(404);
    const list = await call(w.app, zoneInspector, 'GET', '/api/training/inspections/findings');
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((f: { zoneId: string }) => f.zoneId === inst[FEIYUE]!.zone_id)).toBe(true);
    const [open] = await q<{ id: string }>(`select id from training_findings where institution_id = $1 and status = 'open' limit 1`, [inst[QIMING]!.id]);
    expect((await call(w.app, zoneInspector, 'GET', `/api/training/inspections/findings/${open!.id}`)).status).toBe(404);
    expect((await call(w.app, zoneInspector, 'POST', `/api/training/inspections/findings/${open!.id}/deadline`, { deadline: '2027-01-10' })).status).toBe(404);
  });

  it('an institution cannot respond to another institution\'s finding, nor another district read it', async () => {
    const [theirs] = await q<{ id: string }>(`select id from training_findings where institution_id <> $1 and status = 'open' limit 1`, [inst[QIMING]!.id]);
    const res = await call(w.app, institution, 'POST', `/api/training/inspections/findings/${theirs!.id}/response`, { text: '不是我们的', photoIds: [] });
    expect(res.status).toBe(404);
    expect((await call(w.app, other, 'GET', `/api/training/inspections/findings/${theirs!.id}`)).status).toBe(404);
    expect((await call(w.app, other, 'GET', '/api/training/inspections/findings')).body).toEqual({ items: [], total: 0 });
    const visit = await call(w.app, other, 'POST', '/api/training/inspections/visits', { institutionId: inst[QIMING]!.id, visitDate: '2026-11-26', summary: 'x', findings: [] });
    expect(visit.status).toBe(404);
    expect((await call(w.app, institution, 'GET', '/api/training/inspections/plans')).status).toBe(403);
  });

  it('bad input: a deadline in the past, an empty finding, a photo not one\'s own, a file that is not a photo', async () => {
    const base = { institutionId: inst[QIMING]!.id, visitDate: '2026-11-26', summary: '检查' };
    const past = await call(w.app, inspector, 'POST', '/api/training/inspections/visits', { ...base, findings: [{ category: 'other', description: '问题', deadline: '2026-11-20' }] });
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('deadline');
    const empty = await call(w.app, inspector, 'POST', '/api/training/inspections/visits', { ...base, findings: [{ category: 'other', description: '   ' }] });
    expect(empty.status).toBe(400);
    const [demoPhoto] = await q<{ id: string }>(`select p.id from training_inspection_photos p join users u on u.id = p.uploaded_by where u.username = 'demo-institution' limit 1`);
    const stolen = await call(w.app, inspector, 'POST', '/api/training/inspections/visits', { ...base, findings: [{ category: 'other', description: '问题', photoIds: [demoPhoto!.id] }] });
    expect(stolen.status).toBe(400);
    expect((await upload(inspector, 'notes.exe')).status).toBe(415);
    const [open] = await q<{ id: string }>(`select id from training_findings where institution_id = $1 and status = 'open' limit 1`, [inst[QIMING]!.id]);
    expect((await call(w.app, inspector, 'POST', `/api/training/inspections/findings/${open!.id}/deadline`, { deadline: '2026-11-26' })).status).toBe(400);
    const emptyResponse = await call(w.app, institution, 'POST', `/api/training/inspections/findings/${open!.id}/response`, { text: '' });
    expect(emptyResponse.status).toBe(400);
  });

  it('the district sees the demo\'s overdue item and the overview counts', async () => {
    const res = await call(w.app, district, 'GET', '/api/training/inspections/overview?year=2025');
    expect(res.status).toBe(200);
    expect(res.body.overdue).toBeGreaterThan(0);
    expect(res.body.annual).toMatchObject({ pass: 3, basic_pass: 1, fail: 1 });
  });
});
