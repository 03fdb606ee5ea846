/**
 * 五项管理 self-checks against a real database: the district drafts a checklist from the default negative list and
 * publishes it; a school answers with evidence (text, files), a 不符合 answer opens a rectification with the policy's
 * deadline, submission is refused naming the items until complete; the fix, the district's close and send-back; the
 * overdue job at its boundary; findings raised by other areas (raiseFinding) inside their transaction, once per
 * record; the district's overview and the demo's self-checks; refusals (another school, another zone, a parent,
 * another district, bad input, bad files).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { raiseFinding } from './selfcheck-findings';

let w: World;
let d: string;
const school: Record<string, string> = {};
let district: string;
let principal: string;
let teacher: string;
let parent: string;
let otherHead: string;
let inspector: string;
let zoneInspector: string;
let other: string;
let spring: string;
const base = '/api/five-managements/selfcheck';

const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC', 'base64');

async function upload(cookie: string, filename = 'evidence.png', data = PNG) {
  const boundary = 'scb';
  const res = await w.app.inject({
    method: 'POST',
    url: `${base}/files`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

const figure = async (indicator: string, schoolId: string, semesterId: string) =>
  (await q<{ num: string; den: string }>(`select num::int, den::int from indicator_rollups where indicator = $1 and scope_id = $2 and period = $3`, [indicator, schoolId, `semester:${semesterId}`]))[0];

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true });
  [{ id: d }] = (await q<{ id: string }>(`select id from districts where code = 'demo'`)) as [{ id: string }];
  for (const r of await q<{ id: string; code: string }>(`select id, code from schools where district_id = $1`, [d])) school[r.code] = r.id;
  [{ id: spring }] = (await q<{ id: string }>(`select id from semesters where district_id = $1 and start_date = '2027-02-22'`, [d])) as [{ id: string }];
  [district, principal, teacher, parent, otherHead, inspector, zoneInspector, other] = (await Promise.all(
    ['demo-district', 'demo-principal', 'demo-teacher', 'demo-parent', 'cx02-t001', 'demo-inspector', 'zone-inspector', 'other-admin'].map((u) => w.login(u)),
  )) as [string, string, string, string, string, string, string, string];
}, 400_000); // the first file of a run seeds the shared world
afterAll(() => w?.close());

describe('the demo: this semester\'s checklist and the schools\' self-checks', () => {
  it('shows SY01 submitted with a 不符合 item under rectification, CX02 half answered, a closed one at CZ01', async () => {
    const o = await call(w.app, district, 'GET', `${base}/overview`);
    expect(o.status, JSON.stringify(o.body)).toBe(200);
    expect(o.body.checklist.status).toBe('published');
    const row = (code: string) => o.body.schools.find((s: { schoolId: string }) => s.schoolId === school[code]);
    expect(row('SY01')).toMatchObject({ status: 'submitted', answered: o.body.checklist.items });
    expect(row('SY01').open).toBeGreaterThanOrEqual(1);
    expect(row('CX02').status).toBe('draft');
    expect(row('CX02').answered).toBe(Math.floor(o.body.checklist.items / 2));
    expect(row('CZ01').closed).toBe(1);
    const sc = await call(w.app, principal, 'GET', `${base}/school`);
    expect(sc.status).toBe(200);
    const failed = sc.body.rectifications.find((r: { origin: string }) => r.origin === 'answer');
    expect(failed).toMatchObject({ status: 'open', responsible: '教务处 刘建华', citation: { rule: 'five-managements.selfcheck.rectifyDays', days: 30 } });
  });
});

describe('checklist → answers with evidence → submission → rectification', () => {
  let checklist: { id: string; items: { id: string; no: number; evidence: string }[] };
  let rectId: string;

  it('the district drafts the spring checklist from the default negative list; others may not', async () => {
    expect((await call(w.app, principal, 'POST', `${base}/checklists`, { semesterId: spring, title: '春季自查' })).status).toBe(403);
    const res = await call(w.app, district, 'POST', `${base}/checklists`, { semesterId: spring, title: '2027 春季“五项管理”自查' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('draft');
    expect(res.body.items.length).toBeGreaterThanOrEqual(14);
    expect(res.body.items[0]).toMatchObject({ no: 1, management: 'homework', text: '一二年级布置书面家庭作业', evidence: 'both' });
    const again = await call(w.app, district, 'POST', `${base}/checklists`, { semesterId: spring, title: '重复' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('该学期已有自查清单');
    checklist = res.body;
  });

  it('edits the draft down to three items, then publishes it to every school', async () => {
    const items = [
      { management: 'homework', text: '一二年级布置书面家庭作业', evidence: 'both', basis: '双减意见 §5' },
      { management: 'phones', text: '学生手机带入课堂', evidence: 'text' },
      { management: 'fitness', text: '大课间少于 30 分钟', evidence: 'files', basis: 'seed 004 #23' },
    ];
    expect((await call(w.app, district, 'PUT', `${base}/checklists/${checklist.id}`, { title: 'x', items: [{ ...items[0], evidence: 'photo' }] })).status).toBe(400);
    expect((await call(w.app, other, 'PUT', `${base}/checklists/${checklist.id}`, { title: 'x', items })).status).toBe(404);
    const upd = await call(w.app, district, 'PUT', `${base}/checklists/${checklist.id}`, { title: '2027 春季“五项管理”自查', items });
    expect(upd.status, JSON.stringify(upd.body)).toBe(200);
    expect(upd.body.items.map((i: { no: number }) => i.no)).toEqual([1, 2, 3]);
    // not visible to schools while a draft
    expect((await call(w.app, principal, 'GET', `${base}/school?semesterId=${spring}`)).body.checklist).toBeNull();
    const pub = await call(w.app, district, 'POST', `${base}/checklists/${checklist.id}/publish`);
    expect(pub.status).toBe(200);
    checklist = pub.body;
    expect((await call(w.app, district, 'PUT', `${base}/checklists/${checklist.id}`, { title: 'x', items })).status).toBe(409);
    const notes = await q<{ title: string }>(`select n.title from notifications n join users u on u.district_id = n.district_id and u.id = n.user_id where u.username = 'demo-principal' and n.kind = 'five-managements.selfcheck.published'`);
    expect(notes.map((n) => n.title).join()).toContain('2027 春季');
    expect(await figure('five-managements.selfcheck.answered', school.SY01!, spring)).toEqual({ num: 0, den: 3 });
  });

  it('refuses bad files and answers from people who may not answer', async () => {
    expect((await upload(principal, 'virus.exe')).status).toBe(415);
    expect((await upload(principal, 'empty.png', Buffer.alloc(0))).status).toBe(400);
    expect((await upload(teacher)).status).toBe(403);
    expect((await upload(parent)).status).toBe(403);
    const item = checklist.items[0]!;
    const answer = { checklistId: checklist.id, schoolId: school.SY01, itemId: item.id, result: 'pass', text: 'x' };
    expect((await call(w.app, teacher, 'PUT', `${base}/answers`, answer)).status).toBe(403);
    expect((await call(w.app, otherHead, 'PUT', `${base}/answers`, answer)).status).toBe(404);
    expect((await call(w.app, other, 'PUT', `${base}/answers`, answer)).status).toBe(403);
    expect((await call(w.app, principal, 'PUT', `${base}/answers`, { ...answer, result: 'maybe' })).status).toBe(400);
    expect((await call(w.app, principal, 'PUT', `${base}/answers`, { ...answer, itemId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    // another school's file cannot be claimed
    const theirs = await upload(otherHead);
    expect(theirs.status).toBe(200);
    const stolen = await call(w.app, principal, 'PUT', `${base}/answers`, { ...answer, fileIds: [theirs.body.id] });
    expect(stolen.status).toBe(400);
    expect(stolen.body.message).toContain('fileIds');
  });

  it('answers with text and a file; a 不符合 answer opens a rectification due in rectifyDays', async () => {
    const file = await upload(principal, '作业公示.png');
    expect(file.status).toBe(200);
    const [one, two, three] = checklist.items as unknown as [{ id: string }, { id: string }, { id: string }];
    const a1 = await call(w.app, principal, 'PUT', `${base}/answers`, { checklistId: checklist.id, schoolId: school.SY01, itemId: one.id, result: 'pass', text: '各班作业公示，一二年级无书面作业', fileIds: [file.body.id] });
    expect(a1.status, JSON.stringify(a1.body)).toBe(200);
    expect(a1.body.answers[one.id]).toMatchObject({ result: 'pass', files: [{ id: file.body.id, name: '作业公示.png' }] });
    const a3 = await call(w.app, principal, 'PUT', `${base}/answers`, { checklistId: checklist.id, schoolId: school.SY01, itemId: three.id, result: 'fail', text: '大课间只有 20 分钟' });
    expect(a3.status).toBe(200);
    const rect = a3.body.rectifications.find((r: { itemId: string }) => r.itemId === three.id);
    expect(rect).toMatchObject({ status: 'open', origin: 'answer', openedOn: '2026-11-26', deadline: '2026-12-26', citation: { rule: 'five-managements.selfcheck.rectifyDays', days: 30, policyVersion: null } });
    rectId = rect.id;
    expect(await figure('five-managements.selfcheck.answered', school.SY01!, spring)).toEqual({ num: 2, den: 3 });
    expect(await figure('five-managements.selfcheck.rectified', school.SY01!, spring)).toEqual({ num: 0, den: 1 });

    const refused = await call(w.app, principal, 'POST', `${base}/submit`, { checklistId: checklist.id, schoolId: school.SY01 });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('自查尚不能提交：第 2 项未作答；第 3 项未指定整改责任人');
    expect(refused.body.details.rule).toBe('five-managements.selfcheck.evidence');

    await call(w.app, principal, 'PUT', `${base}/answers`, { checklistId: checklist.id, schoolId: school.SY01, itemId: two.id, result: 'pass', text: '手机统一保管' });
    const named = await call(w.app, principal, 'PUT', `${base}/answers`, { checklistId: checklist.id, schoolId: school.SY01, itemId: three.id, result: 'fail', text: '大课间只有 20 分钟', responsible: '体育组 王磊' });
    expect(named.body.rectifications.filter((r: { itemId: string }) => r.itemId === three.id)).toHaveLength(1);
    const ok = await call(w.app, principal, 'POST', `${base}/submit`, { checklistId: checklist.id, schoolId: school.SY01 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('submitted');
    expect((await call(w.app, principal, 'PUT', `${base}/answers`, { checklistId: checklist.id, schoolId: school.SY01, itemId: two.id, result: 'fail', text: 'x' })).status).toBe(409);
    const notes = await q<{ title: string }>(`select n.title from notifications n join users u on u.district_id = n.district_id and u.id = n.user_id where u.username = 'demo-district' and n.kind = 'five-managements.selfcheck.submitted'`);
    expect(notes.length).toBeGreaterThanOrEqual(1);
  });

  it('a 不符合 changed back to 符合 before submitting withdraws its rectification', async () => {
    const item = checklist.items[2]!;
    const fail = await call(w.app, otherHead, 'PUT', `${base}/answers`, { checklistId: checklist.id, schoolId: school.CX02, itemId: item.id, result: 'fail', text: '不足' });
    expect(fail.body.rectifications).toHaveLength(1);
    const file = await upload(otherHead);
    const pass = await call(w.app, otherHead, 'PUT', `${base}/answers`, { checklistId: checklist.id, schoolId: school.CX02, itemId: item.id, result: 'pass', fileIds: [file.body.id] });
    expect(pass.body.rectifications).toHaveLength(0);
    expect(await figure('five-managements.selfcheck.rectified', school.CX02!, spring)).toEqual({ num: 0, den: 0 });
  });

  it('evidence files: the district and the school read them, another school and another district do not', async () => {
    const sc = await call(w.app, district, 'GET', `${base}/school?schoolId=${school.SY01}&semesterId=${spring}`);
    const fileId = sc.body.answers[checklist.items[0]!.id].files[0].id;
    const got = await w.app.inject({ method: 'GET', url: `${base}/files/${fileId}`, headers: { cookie: district } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect((await call(w.app, teacher, 'GET', `${base}/files/${fileId}`)).status).toBe(200);
    expect((await call(w.app, otherHead, 'GET', `${base}/files/${fileId}`)).status).toBe(404);
    expect((await call(w.app, zoneInspector, 'GET', `${base}/files/${fileId}`)).status).toBe(404);
    expect((await call(w.app, other, 'GET', `${base}/files/${fileId}`)).status).toBe(404);
    expect((await call(w.app, district, 'GET', `${base}/files/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await call(w.app, otherHead, 'GET', `${base}/school?schoolId=${school.SY01}`)).status).toBe(404);
    expect((await call(w.app, parent, 'GET', `${base}/school?schoolId=${school.SY01}`)).status).toBe(403);
  });

  it('the school records its fix; the district sends it back with a reason, then closes it', async () => {
    const fixNoFiles = await call(w.app, principal, 'POST', `${base}/rectifications/${rectId}/fix`, { text: '' });
    expect(fixNoFiles.status).toBe(400);
    expect((await call(w.app, otherHead, 'POST', `${base}/rectifications/${rectId}/fix`, { text: '改了' })).status).toBe(404);
    expect((await call(w.app, district, 'POST', `${base}/rectifications/${rectId}/decision`, { decision: 'close' })).status).toBe(409);
    const photo = await upload(principal, '大课间.png');
    const fixed = await call(w.app, principal, 'POST', `${base}/rectifications/${rectId}/fix`, { text: '调整作息，大课间延长到 30 分钟', fileIds: [photo.body.id] });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.status).toBe('fixed');
    expect(fixed.body.events.at(-1)).toMatchObject({ kind: 'fixed', files: [{ name: '大课间.png' }] });
    expect((await call(w.app, principal, 'POST', `${base}/rectifications/${rectId}/decision`, { decision: 'close' })).status).toBe(403);
    expect((await call(w.app, zoneInspector, 'POST', `${base}/rectifications/${rectId}/decision`, { decision: 'close' })).status).toBe(404);
    expect((await call(w.app, district, 'POST', `${base}/rectifications/${rectId}/decision`, { decision: 'send_back' })).status).toBe(400);
    const back = await call(w.app, district, 'POST', `${base}/rectifications/${rectId}/decision`, { decision: 'send_back', reason: '请附作息时间表' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'open', deadline: '2026-12-26' });
    const told = await q<{ title: string }>(`select n.title from notifications n join users u on u.district_id = n.district_id and u.id = n.user_id where u.username = 'demo-principal' and n.kind = 'five-managements.selfcheck.send_back'`);
    expect(told[0]?.title).toContain('整改被退回');
    await call(w.app, principal, 'POST', `${base}/rectifications/${rectId}/fix`, { text: '附作息时间表' });
    const closed = await call(w.app, inspector, 'POST', `${base}/rectifications/${rectId}/decision`, { decision: 'close', reason: '已核实' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(await figure('five-managements.selfcheck.rectified', school.SY01!, spring)).toEqual({ num: 1, den: 1 });
    const audits = await q<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [rectId]);
    expect(audits.map((a) => a.action)).toEqual(['five-managements.selfcheck.fix', 'five-managements.selfcheck.send_back', 'five-managements.selfcheck.fix', 'five-managements.selfcheck.close']);
  });
});

describe('findings raised by other areas', () => {
  it('opens one item per source record inside the caller\'s transaction, with no checklist for the semester', async () => {
    const db = w.db.database.db;
    const input = {
      districtId: d, schoolId: school.JN01!, management: 'reading' as const, source: { area: 'reading' as const, refId: 'filing-42' },
      title: '进校读物《某某》在负面清单上', rule: { key: 'five-managements.reading', version: null }, date: '2027-03-01', actorId: null,
    };
    const [first, second] = await db.transaction(async (tx) => [await raiseFinding(tx, input), await raiseFinding(tx, input)]);
    expect(second!.id).toBe(first!.id);
    // a rolled-back caller leaves nothing behind
    await expect(db.transaction(async (tx) => {
      await raiseFinding(tx, { ...input, source: { area: 'reading', refId: 'filing-43' } });
      throw new Error('caller failed');
    })).rejects.toThrow('caller failed');
    expect(await q(`select 1 from five_selfcheck_rectifications where source_ref_id = 'filing-43'`)).toHaveLength(0);
    const list = await call(w.app, district, 'GET', `${base}/rectifications?schoolId=${school.JN01}&semesterId=${spring}`);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ origin: 'finding', source: { area: 'reading', refId: 'filing-42' }, deadline: '2027-03-31', responsible: null, status: 'open' });
    const sc = await call(w.app, district, 'GET', `${base}/school?schoolId=${school.JN01}&semesterId=${spring}`);
    expect(sc.body.rectifications.map((r: { id: string }) => r.id)).toEqual([first!.id]);
    // the school must name the person before recording a fix
    const jnHead = await w.login('jn01-t001');
    expect((await call(w.app, jnHead, 'POST', `${base}/rectifications/${first!.id}/fix`, { text: '已下架' })).status).toBe(400);
    expect((await call(w.app, jnHead, 'POST', `${base}/rectifications/${first!.id}/responsible`, { responsible: '图书室 周敏' })).status).toBe(200);
  });
});

describe('the overdue job', () => {
  it('marks open rectifications the day after their deadline, once, and tells the school', async () => {
    const [open] = await q<{ id: string; deadline: string; school_id: string }>(
      `select id, deadline::text, school_id from five_selfcheck_rectifications where status = 'open' and overdue_at is null order by deadline limit 1`,
    );
    const dayAfter = new Date(`${open!.deadline}T16:00:00Z`); // 00:00 Beijing the next day
    w.clock.current = new Date(dayAfter.getTime() - 60_000);
    await w.runJob('five-managements.selfcheckOverdue');
    expect((await q<{ overdue_at: string | null }>(`select overdue_at from five_selfcheck_rectifications where id = $1`, [open!.id]))[0]!.overdue_at).toBeNull();
    w.clock.current = dayAfter;
    expect(await w.runJob('five-managements.selfcheckOverdue')).toBeGreaterThanOrEqual(1);
    expect(await w.runJob('five-managements.selfcheckOverdue')).toBe(0);
    const notes = await q(`select 1 from notifications n join role_assignments r on r.district_id = n.district_id and r.user_id = n.user_id where r.school_id = $1 and r.role = 'school_admin' and n.kind = 'five-managements.selfcheck.overdue'`, [open!.school_id]);
    expect(notes.length).toBeGreaterThanOrEqual(1);
    const district2 = await w.login('demo-district');
    const list = await call(w.app, district2, 'GET', `${base}/rectifications?overdue=true`);
    expect(list.body.map((r: { id: string }) => r.id)).toContain(open!.id);
    w.clock.current = new Date('2026-11-26T02:00:00Z');
  });
});

describe('the district overview is scoped', () => {
  it('a zone inspector sees their zone\'s schools; a principal their own; a parent nothing', async () => {
    const zone = await call(w.app, zoneInspector, 'GET', `${base}/overview`);
    expect(zone.status).toBe(200);
    expect(zone.body.schools.map((s: { schoolId: string }) => s.schoolId).sort()).toEqual([school.CX02, school.JN01].sort());
    const own = await call(w.app, principal, 'GET', `${base}/overview`);
    expect(own.body.schools.map((s: { schoolId: string }) => s.schoolId)).toEqual([school.SY01]);
    expect((await call(w.app, parent, 'GET', `${base}/overview`)).status).toBe(403);
    expect((await call(w.app, other, 'GET', `${base}/overview?semesterId=${spring}`)).status).toBe(404);
  });
});
