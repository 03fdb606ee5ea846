import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let district: string;
let principal: string; // demo-principal, school_admin of 实验小学 (SY01)
let teacher: string; // demo-teacher at SY01
let inspector: string; // demo-inspector, district-wide
let otherAdmin: string; // CX02's school administrator
let otherAdminName: string;
let foreign: string; // other-admin, another district's administrator
let d: string;
let sy01: { id: string; zone_id: string };
let cx02: { id: string; zone_id: string };

const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params) as Promise<[T, ...T[]]>;
const base = '/api/supervision/notices';
const count = async (text: string, params: unknown[]) => Number(Object.values((await q(text, params))[0])[0]);

function send(cookie: string, body: Record<string, unknown>, key?: string) {
  return w.app.inject({ method: 'POST', url: base, payload: body, headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) } });
}
const warning = (extra: Record<string, unknown> = {}) => ({
  kind: 'warning',
  title: '关于作业公示不及时的警示通报',
  body: '请于期限内说明原因并报送整改措施。',
  roles: ['school_admin'],
  schoolIds: [sy01.id],
  replyDue: '2026-12-03',
  ...extra,
});

beforeAll(async () => {
  w = await createWorld();
  [district, principal, teacher, inspector, foreign] = (await Promise.all(['demo-district', 'demo-principal', 'demo-teacher', 'demo-inspector', 'other-admin'].map((u) => w.login(u)))) as [string, string, string, string, string];
  d = (await q<{ id: string }>(`select id from districts where code = 'demo'`))[0].id;
  sy01 = (await q<{ id: string; zone_id: string }>(`select id, zone_id from schools where district_id = $1 and code = 'SY01'`, [d]))[0];
  cx02 = (await q<{ id: string; zone_id: string }>(`select id, zone_id from schools where district_id = $1 and code = 'CX02'`, [d]))[0];
  const [admin] = await q<{ username: string }>(
    `select u.username from role_assignments ra join users u on u.id = ra.user_id where ra.district_id = $1 and ra.school_id = $2 and ra.role = 'school_admin' limit 1`,
    [d, cx02.id],
  );
  otherAdminName = admin.username;
  otherAdmin = await w.login(admin.username);
}, 240_000);
afterAll(() => w.close());

describe('demo notices', () => {
  it('demo-principal finds the unanswered warning to 实验小学 unread, and the district sees the replies of the other schools', async () => {
    const inbox = await call(w.app, principal, 'GET', `${base}/inbox`);
    expect(inbox.status).toBe(200);
    const warn = inbox.body.items.find((i: { title: string }) => i.title.includes('示范区实验小学作业时长超标'));
    expect(warn).toMatchObject({ kind: 'warning', readAt: null, replyRequired: true, replyDue: '2026-12-03', replyState: 'none', overdue: false });
    expect(inbox.body.unread).toBeGreaterThanOrEqual(1);
    expect((await call(w.app, principal, 'GET', `${base}/unread`)).body.unread).toBe(inbox.body.unread);
    const sent = await call(w.app, district, 'GET', `${base}/sent?kind=notice`);
    const report = sent.body.items.find((i: { title: string }) => i.title === '关于报送课后服务开展情况的通知');
    expect(report.replies).toMatchObject({ schools: 4, none: 1, submitted: 1, accepted: 1, returned: 1, overdue: 0 });
    expect(report.read).toBeGreaterThan(0);
  });
});

describe('a warning from send to accepted reply', () => {
  let id: string;

  it('sends once under one Idempotency-Key: one notice, one receipt per school administrator, the bell rung, audited', async () => {
    const first = await send(district, warning(), 'notice-test-0001');
    expect(first.statusCode).toBe(200);
    id = first.json().id;
    const again = await send(district, warning(), 'notice-test-0001');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(id);
    expect(await count(`select count(*) from supervision_notices where district_id = $1 and title = $2`, [d, '关于作业公示不及时的警示通报'])).toBe(1);
    const admins = await count(`select count(distinct user_id) from role_assignments where district_id = $1 and school_id = $2 and role = 'school_admin'`, [d, sy01.id]);
    expect(first.json()).toMatchObject({ kind: 'warning', recipients: admins, read: 0, replyRequired: true, replies: { schools: 1, none: 1, overdue: 0 } });
    expect(await count(`select count(*) from supervision_notice_receipts where notice_id = $1`, [id])).toBe(admins);
    expect(await count(`select count(*) from notifications n join users u on u.id = n.user_id where u.username = 'demo-principal' and n.kind = 'supervision.warning' and n.link like $1`, [`%${id}`])).toBe(1);
    expect(await count(`select count(*) from audit_log where action = 'supervision.notice.send' and entity_id = $1`, [id])).toBe(1);
  });

  it('demo-principal opens it: read once, counted on the district side', async () => {
    const before = (await call(w.app, principal, 'GET', `${base}/unread`)).body.unread;
    const view = await call(w.app, principal, 'GET', `${base}/inbox/${id}`);
    expect(view.body).toMatchObject({ readAt: null, canReply: true, schoolId: sy01.id, schoolName: '示范区实验小学', replies: [] });
    const opened = await call(w.app, principal, 'POST', `${base}/${id}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body.readAt).not.toBeNull();
    w.clock.advance(60_000);
    const reopened = await call(w.app, principal, 'POST', `${base}/${id}/open`);
    expect(reopened.body.readAt).toBe(opened.body.readAt);
    expect((await call(w.app, principal, 'GET', `${base}/unread`)).body.unread).toBe(before - 1);
    const detail = await call(w.app, district, 'GET', `${base}/sent/${id}`);
    expect(detail.body.read).toBe(1);
    expect(detail.body.schools).toEqual([expect.objectContaining({ schoolId: sy01.id, schoolName: '示范区实验小学', read: 1, replyState: 'none', overdue: false })]);
  });

  it('the school replies with a file; a second reply waits for the review', async () => {
    const boundary = 'notice-reply';
    const upload = await w.app.inject({
      method: 'POST',
      url: `${base}/files`,
      headers: { cookie: principal, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="整改方案.txt"\r\nContent-Type: text/plain\r\n\r\n整改方案\r\n--${boundary}--\r\n`,
    });
    expect(upload.statusCode).toBe(200);
    const fileId = upload.json().id;
    const reply = await call(w.app, principal, 'POST', `${base}/${id}/replies`, { body: '已召开年级组会议，作业公示改为每日 16:00 前完成。', attachmentIds: [fileId] });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ replyState: 'submitted', canReply: false, replies: [{ status: 'submitted', repliedByName: '陈慧', files: [{ id: fileId, name: '整改方案.txt' }] }] });
    const twice = await call(w.app, principal, 'POST', `${base}/${id}/replies`, { body: '补充说明' });
    expect(twice.status).toBe(409);
    expect((await call(w.app, district, 'GET', `${base}/files/${fileId}`)).status).toBe(200);
    expect((await call(w.app, otherAdmin, 'GET', `${base}/files/${fileId}`)).status).toBe(404);
    expect(await count(`select count(*) from notifications n join users u on u.id = n.user_id where u.username = 'demo-district' and n.kind = 'supervision.reply.submitted'`, [])).toBe(1);
  });

  it('the district returns it with a note (the school is told), the school replies again, the district accepts', async () => {
    let detail = await call(w.app, district, 'GET', `${base}/sent/${id}`);
    const first = detail.body.schools[0].replies[0];
    expect(detail.body.replies).toMatchObject({ submitted: 1 });
    const noNote = await call(w.app, district, 'POST', `${base}/replies/${first.id}/review`, { decision: 'return' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.message).toContain('审核意见');
    const returned = await call(w.app, district, 'POST', `${base}/replies/${first.id}/review`, { decision: 'return', note: '请写明责任人和检查频次。' });
    expect(returned.status).toBe(200);
    expect(returned.body.schools[0]).toMatchObject({ replyState: 'returned', replies: [{ status: 'returned', reviewNote: '请写明责任人和检查频次。', reviewedByName: '周建国' }] });
    expect(await count(`select count(*) from notifications n join users u on u.id = n.user_id where u.username = 'demo-principal' and n.kind = 'supervision.reply.returned'`, [])).toBe(1);
    expect((await call(w.app, district, 'POST', `${base}/replies/${first.id}/review`, { decision: 'accept' })).status).toBe(409);

    w.clock.advance(5 * 60_000);
    const view = await call(w.app, principal, 'GET', `${base}/inbox/${id}`);
    expect(view.body).toMatchObject({ replyState: 'returned', canReply: true });
    const again = await call(w.app, principal, 'POST', `${base}/${id}/replies`, { body: '责任人：教务主任；年级组长每日检查，教务处每周抽查。' });
    expect(again.body).toMatchObject({ replyState: 'submitted', replies: [{ status: 'submitted' }, { status: 'returned' }] });

    detail = await call(w.app, district, 'GET', `${base}/sent/${id}`);
    const second = detail.body.schools[0].replies[0];
    const accepted = await call(w.app, district, 'POST', `${base}/replies/${second.id}/review`, { decision: 'accept' });
    expect(accepted.body).toMatchObject({ replies: { accepted: 1, none: 0 }, schools: [{ replyState: 'accepted' }] });
    expect((await call(w.app, principal, 'POST', `${base}/${id}/replies`, { body: '再次回复' })).status).toBe(409);
    expect(await count(`select count(*) from audit_log where action like 'supervision.reply.%' and (entity_id = $1 or entity_id = $2)`, [first.id, second.id])).toBe(4);
  });

  it('a teacher of the school never sees the warning addressed to its administrators', async () => {
    expect((await call(w.app, teacher, 'GET', `${base}/inbox/${id}`)).status).toBe(404);
    expect((await call(w.app, teacher, 'GET', `${base}/inbox`)).body.items.some((i: { id: string }) => i.id === id)).toBe(false);
  });
});

describe('audiences', () => {
  const idsOf = async (id: string) => (await q<{ user_id: string }>(`select user_id from supervision_notice_receipts where notice_id = $1 order by user_id`, [id])).map((r) => r.user_id);

  it('roles at a school: every teacher there, once each', async () => {
    const res = await send(district, { kind: 'notice', title: '教研活动安排', body: '本周四下午教研。', roles: ['teacher'], schoolIds: [sy01.id] });
    expect(res.statusCode).toBe(200);
    const expected = (await q<{ user_id: string }>(`select distinct ra.user_id from role_assignments ra join users u on u.id = ra.user_id where ra.district_id = $1 and ra.school_id = $2 and ra.role = 'teacher' and u.status = 'active' order by ra.user_id`, [d, sy01.id])).map((r) => r.user_id);
    expect(await idsOf(res.json().id)).toEqual(expected);
    expect(res.json()).toMatchObject({ recipients: expected.length, replies: null });
  });

  it('a zone: the school administrators of its schools and its inspector, not district staff', async () => {
    const res = await send(district, { kind: 'notice', title: '城西学区工作会议', body: '周五上午开会。', roles: ['school_admin', 'inspector'], zoneIds: [cx02.zone_id] });
    expect(res.statusCode).toBe(200);
    const expected = (
      await q<{ user_id: string }>(
        `select distinct ra.user_id from role_assignments ra join users u on u.id = ra.user_id left join schools s on s.id = ra.school_id
         where ra.district_id = $1 and u.status = 'active' and ((ra.role = 'school_admin' and s.zone_id = $2) or (ra.role = 'inspector' and ra.zone_id = $2)) order by ra.user_id`,
        [d, cx02.zone_id],
      )
    ).map((r) => r.user_id);
    expect(await idsOf(res.json().id)).toEqual(expected);
    expect((await call(w.app, inspector, 'GET', `${base}/inbox`)).body.items.some((i: { id: string }) => i.id === res.json().id)).toBe(false);
  });

  it('everyone: every reader of the district but the sender; an inspector reads it, and cannot send', async () => {
    const res = await send(district, { kind: 'award', title: '表彰通报', body: '表彰先进。' });
    expect(res.statusCode).toBe(200);
    const expected = await count(
      `select count(distinct ra.user_id) from role_assignments ra join users u on u.id = ra.user_id join users me on me.username = 'demo-district'
       where ra.district_id = $1 and u.status = 'active' and ra.user_id <> me.id and ra.role in ('district_admin','inspector','school_admin','grade_leader','subject_leader','class_teacher','teacher','institution_admin')`,
      [d],
    );
    expect(res.json().recipients).toBe(expected);
    const view = await call(w.app, inspector, 'POST', `${base}/${res.json().id}/open`);
    expect(view.body).toMatchObject({ kind: 'award', canReply: false, replyState: null, schoolId: null });
    expect((await send(inspector, { kind: 'notice', title: '督学通知', body: '内容' })).statusCode).toBe(403);
    expect((await call(w.app, inspector, 'GET', `${base}/sent`)).status).toBe(403);
  });

  it('an audience that reaches nobody is refused, naming the field, and nothing is written', async () => {
    const before = await count(`select count(*) from supervision_notices where district_id = $1`, [d]);
    const res = await send(district, { kind: 'notice', title: '无人可收', body: '内容', roles: ['institution_admin'], schoolIds: [sy01.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'schoolIds' }] } });
    expect(res.json().message).toContain('收件范围');
    expect(await count(`select count(*) from supervision_notices where district_id = $1`, [d])).toBe(before);
  });
});

describe('refusals', () => {
  it('a teacher cannot send; bad input is refused field by field', async () => {
    expect((await send(teacher, warning())).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [warning({ replyDue: null }), 'replyDue'],
      [warning({ replyDue: '2026-11-20' }), 'replyDue'],
      [warning({ roles: ['parent'] }), 'roles'],
      [warning({ roles: ['teacher'] }), 'roles'],
      [warning({ schoolIds: ['6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90'] }), 'schoolIds'],
      [warning({ zoneIds: ['6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90'] }), 'zoneIds'],
      [warning({ assessmentId: '6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90' }), 'assessmentId'],
      [{ kind: 'notice', title: '通知', body: '内容', replyDue: '2026-12-01' }, 'replyDue'],
      [warning({ title: '' }), 'title'],
      [warning({ kind: 'memo' }), 'kind'],
    ];
    for (const [body, field] of cases) {
      const res = await send(district, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().code).toBe('VALIDATION');
      expect(JSON.stringify(res.json()), field).toContain(field);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('another school\'s administrator can neither read nor answer a warning to 实验小学; another district sees nothing', async () => {
    const sent = await call(w.app, district, 'GET', `${base}/sent?kind=warning&schoolId=${sy01.id}`);
    const id = sent.body.items.find((i: { title: string }) => i.title.includes('示范区实验小学作业时长超标')).id;
    expect((await call(w.app, otherAdmin, 'GET', `${base}/inbox/${id}`)).status).toBe(404);
    expect((await call(w.app, otherAdmin, 'POST', `${base}/${id}/open`)).status).toBe(404);
    expect((await call(w.app, otherAdmin, 'POST', `${base}/${id}/replies`, { body: '代为回复' })).status).toBe(404);
    expect((await call(w.app, foreign, 'GET', `${base}/sent/${id}`)).status).toBe(404);
    expect((await call(w.app, foreign, 'GET', `${base}/sent`)).body).toEqual({ items: [], total: 0 });
    const reply = (await q<{ id: string }>(`select id from supervision_notice_replies where district_id = $1 limit 1`, [d]))[0].id;
    expect((await call(w.app, foreign, 'POST', `${base}/replies/${reply}/review`, { decision: 'accept' })).status).toBe(404);
    const res = await send(foreign, warning());
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toBe('schoolIds');
  });

  it('a reply where none is asked is refused', async () => {
    const inbox = await call(w.app, principal, 'GET', `${base}/inbox?kind=notice`);
    const plain = inbox.body.items.find((i: { replyRequired: boolean }) => !i.replyRequired);
    const res = await call(w.app, principal, 'POST', `${base}/${plain.id}/replies`, { body: '收到' });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('不要求');
  });
});

describe('warnings that follow an assessment', () => {
  it('are found by the assessment, and a school past the due date without a reply shows overdue', async () => {
    const [me] = await q<{ id: string }>(`select id from users where username = 'demo-district'`);
    const [assessment] = await q<{ id: string }>(
      `insert into supervision_assessments (district_id, name, period_from, period_to, close_date, red_min, yellow_below, black_below, created_by)
       values ($1, '2026 秋季学期考核', '2026-09-01', '2026-11-30', '2026-11-30', 90, 70, 60, $2) returning id`,
      [d, me.id],
    );
    const res = await send(district, warning({ title: '考核黄牌警示', assessmentId: assessment.id, schoolIds: [cx02.id] }));
    expect(res.statusCode).toBe(200);
    const found = await call(w.app, district, 'GET', `${base}/sent?assessmentId=${assessment.id}`);
    expect(found.body).toMatchObject({ total: 1, items: [{ id: res.json().id, assessmentId: assessment.id, schoolIds: [cx02.id] }] });
    w.clock.advance(9 * 24 * 3600_000);
    [district, otherAdmin] = [await w.login('demo-district'), await w.login(otherAdminName)];
    const later = await call(w.app, district, 'GET', `${base}/sent?assessmentId=${assessment.id}`);
    expect(later.body.items[0].replies).toMatchObject({ none: 1, overdue: 1 });
    const inbox = await call(w.app, otherAdmin, 'GET', `${base}/inbox?kind=warning`);
    expect(inbox.body.items.find((i: { id: string }) => i.id === res.json().id)).toMatchObject({ replyState: 'none', overdue: true });
  });
});
