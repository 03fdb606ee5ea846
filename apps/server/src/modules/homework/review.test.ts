/**
 * The review chain's rules, second pass: forbidden requests to parents in any wording, each date judged by its own
 * policy version (cited, recorded, refusals audited), no submission ahead of a content check, district-mandatory steps,
 * grades without written homework and non-written caps as settings, batch approval, copying last week's homework and
 * the content check beside the class's whole day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

const TODAY = '2026-11-26'; // a Thursday
let w: World;
let classes: { id: string; name: string }[]; // 三年级(1)(2)(3)班, all taught math by demo-teacher
let math: string;
let schoolId: string;

beforeAll(async () => {
  w = await createWorld({ homework: true });
  const teacher = (await call(w.app, await w.login('demo-teacher'), 'GET', '/api/me')).body;
  classes = (teacher.classes as { id: string; name: string }[]).sort((a, b) => a.name.localeCompare(b.name));
  schoolId = teacher.schools[0].id;
  const subjects = (await call(w.app, await w.login('demo-teacher'), 'GET', '/api/subjects')).body as { id: string; code: string }[];
  math = subjects.find((s) => s.code === 'math')!.id;
}, 120_000);
afterAll(() => w.close());

const entry = (over: Record<string, unknown> = {}) => ({ date: '2026-12-01', content: '练习册第 20 页', type: 'written', layer: 'basic', place: 'home', minutes: 20, ...over });

async function setPolicy(key: string, value: unknown, effectiveFrom: string) {
  const r = await call(w.app, await w.login('demo-district'), 'POST', `/api/policies/${key}`, { value, effectiveFrom, reason: '区教育局通知' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
const defaultOf = async (key: string) => (await call(w.app, await w.login('demo-district'), 'GET', '/api/policies')).body.find((p: { key: string }) => p.key === key).default;
const auditOf = (entityId: string) =>
  w.db.database.query<{ action: string; after: Record<string, unknown> }>(`select action, after from audit_log where entity_id = $1 order by id`, [entityId]);

describe('1.1 forbidden requests to parents, in any wording', () => {
  it.each(['请家长签字', '家长代阅', '请家长检查作业', '家长检查并签字', '请家长监督孩子完成并签字'])('the load check refuses “%s” and names the phrase', async (content) => {
    const r = await call(w.app, await w.login('demo-teacher'), 'POST', '/api/homework/load-check', {
      classIds: [classes[0]!.id],
      dates: ['2026-12-03'],
      draft: { type: 'reading', layer: 'basic', place: 'home', minutes: 10, content: `朗读课文三遍，${content}` },
    });
    const violation = r.body.entries[0].check.violations.find((v: { rule: string }) => v.rule === 'homework.forbiddenContent');
    expect(violation).toBeDefined();
    expect(content).toContain(violation.phrase.replace(/并签字$/, '').slice(0, 2));
    expect(violation.message).toContain(`“${violation.phrase}”`);
    expect(r.body.blocked).toBe(true);
  });

  it.each(['亲子阅读 20 分钟', '和家长一起运动 30 分钟', '家长陪伴孩子阅读'])('allows “%s”', async (content) => {
    const r = await call(w.app, await w.login('demo-teacher'), 'POST', '/api/homework/load-check', {
      classIds: [classes[0]!.id],
      dates: ['2026-12-03'],
      draft: { type: 'reading', layer: 'basic', place: 'home', minutes: 10, content },
    });
    expect(r.body.entries[0].check.violations).toEqual([]);
  });

  it('the patterns are a district setting: a new parent word applies from its date', async () => {
    const patterns = await defaultOf('homework.forbiddenPatterns');
    await setPolicy('homework.forbiddenPatterns', { ...patterns, parentWords: [...patterns.parentWords, '奶奶'] }, '2026-12-04');
    const check = async (date: string) =>
      (
        await call(w.app, await w.login('demo-teacher'), 'POST', '/api/homework/load-check', {
          classIds: [classes[0]!.id],
          dates: [date],
          draft: { type: 'reading', layer: 'basic', place: 'home', minutes: 10, content: '背诵古诗，请奶奶签字' },
        })
      ).body.entries[0];
    expect((await check('2026-12-03')).check.violations).toEqual([]);
    const after = await check('2026-12-04');
    expect(after.check.violations).toEqual([expect.objectContaining({ rule: 'homework.forbiddenContent', phrase: '奶奶签字' })]);
    expect(after.policyVersion).toContain('homework.forbiddenPatterns@');
  });
});

describe('1.2 each date judged by the policy version in force on it', () => {
  it('a week plan across a change of the limit: the load check and the create judge and cite each date by its own version', async () => {
    const limits = await defaultOf('homework.dayLimits');
    limits.school_day['3'] = 40;
    await setPolicy('homework.dayLimits', limits, '2026-12-09');
    const teacher = await w.login('demo-teacher');
    const dates = ['2026-12-08', '2026-12-09'];
    const draft = { type: 'written', layer: 'basic', place: 'home', minutes: 45, content: '单元练习' };
    const check = await call(w.app, teacher, 'POST', '/api/homework/load-check', { classIds: [classes[2]!.id], dates, draft });
    const [before, after] = check.body.entries;
    expect(before.check).toMatchObject({ limit: 60, over: false });
    expect(before.policyVersion ?? '').not.toContain('homework.dayLimits@');
    expect(after.check).toMatchObject({ limit: 40, over: true });
    expect(after.policyVersion).toContain('homework.dayLimits@');

    const created = await call(w.app, teacher, 'POST', '/api/homework/items', {
      classIds: [classes[2]!.id],
      subjectId: math,
      planKind: 'weekly',
      entries: dates.map((date) => entry({ date, minutes: 45, content: '单元练习' })),
    });
    expect(created.status).toBe(200);
    expect(created.body.checks.map((c: { date: string; check: { limit: number; over: boolean } }) => [c.date, c.check.limit, c.check.over])).toEqual([
      ['2026-12-08', 60, false],
      ['2026-12-09', 40, true],
    ]);
    expect(created.body.checks[1].policyVersion).toContain('homework.dayLimits@');
    const [log] = await auditOf(created.body.items[1].id);
    expect(log).toMatchObject({ action: 'homework.create', after: { check: { rules: ['homework.dayLimits'], limit: 40, policyVersion: expect.stringContaining('homework.dayLimits@') } } });
  });

  it('a refusal at submit is audited with its check and version (also under an Idempotency-Key); a publication records its versions', async () => {
    const cls = classes[2]!;
    const leader = await w.login('demo-subjectleader');
    const items = (await call(w.app, leader, 'GET', '/api/homework/todo')).body.toCheck.filter((i: { classId: string }) => i.classId === cls.id);
    await call(w.app, leader, 'POST', '/api/homework/check', { itemIds: items.map((i: { id: string }) => i.id), decision: 'approve' });
    const staff = (await call(w.app, await w.login('demo-principal'), 'GET', `/api/staff?schoolId=${schoolId}&role=class_teacher&pageSize=200`)).body.items;
    const ct = await w.login(staff.find((s: { assignments: { classId: string; role: string }[] }) => s.assignments.some((a) => a.classId === cls.id && a.role === 'class_teacher')).username);

    const refused = await w.app.inject({ method: 'POST', url: `/api/homework/days/${cls.id}/2026-12-09/submit`, payload: {}, headers: { cookie: ct, 'idempotency-key': 'submit-over-0001' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().details.policyVersion).toContain('homework.dayLimits@');
    const log = (await auditOf(`${cls.id}/2026-12-09`)).filter((e) => e.action === 'homework.day.submit.refused');
    expect(log).toHaveLength(1);
    expect(log[0]!.after).toMatchObject({ rules: ['homework.dayLimits'], written: 45, limit: 40, policyVersion: expect.stringContaining('homework.dayLimits@') });

    expect((await call(w.app, ct, 'POST', `/api/homework/days/${cls.id}/2026-12-08/submit`, {})).status).toBe(200);
    expect((await call(w.app, await w.login('demo-principal'), 'POST', `/api/homework/days/${cls.id}/2026-12-08/approve`, {})).status).toBe(200);
    const [published] = await w.db.database.query<{ policy_versions: string | null }>(`select policy_versions from homework_published where class_id = $1 and date = '2026-12-08'`, [cls.id]);
    expect(published!.policy_versions).toContain('homework.forbiddenPatterns@');
    expect(published!.policy_versions).not.toContain('homework.dayLimits@');
    const day = await call(w.app, ct, 'GET', `/api/homework/days/${cls.id}/2026-12-08`);
    expect(day.body.history[0].policyVersion).toBe(published!.policy_versions);
  });
});

describe('1.3 a day cannot be submitted while an item waits for its content check', () => {
  it('after an edit of a published item, the correction waits for the check, then publishes the item', async () => {
    const cls = classes[1]!; // 三年级(2)班: demo-classteacher
    const teacher = await w.login('demo-teacher');
    const ct = await w.login('demo-classteacher');
    const leader = await w.login('demo-subjectleader');
    const item = (await call(w.app, teacher, 'POST', '/api/homework/items', { classIds: [cls.id], subjectId: math, entries: [entry({ date: '2026-12-02' })] })).body.items[0];
    await call(w.app, leader, 'POST', '/api/homework/check', { itemIds: [item.id], decision: 'approve' });
    expect((await call(w.app, ct, 'POST', `/api/homework/days/${cls.id}/2026-12-02/submit`, {})).status).toBe(200);
    expect((await call(w.app, await w.login('demo-principal'), 'POST', `/api/homework/days/${cls.id}/2026-12-02/approve`, {})).body.publishedVersion).toBe(1);

    const edited = await call(w.app, teacher, 'PATCH', `/api/homework/items/${item.id}`, { content: '练习册第 20 页 1–3 题', version: item.version + 1 });
    expect(edited.body.status).toBe('pending_check');
    const early = await call(w.app, ct, 'POST', `/api/homework/days/${cls.id}/2026-12-02/submit`, { note: '题量调整' });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('数学作业还在等待学科组长审核');
    expect(early.body.details.pending).toEqual([item.id]);

    await call(w.app, leader, 'POST', '/api/homework/check', { itemIds: [item.id], decision: 'approve' });
    expect((await call(w.app, ct, 'POST', `/api/homework/days/${cls.id}/2026-12-02/submit`, { note: '题量调整' })).status).toBe(200);
    await call(w.app, await w.login('demo-principal'), 'POST', `/api/homework/days/${cls.id}/2026-12-02/approve`, {});
    const notice = await call(w.app, ct, 'GET', `/api/homework/notice/${cls.id}/2026-12-02`);
    expect(notice.body).toMatchObject({ version: 2, written: 20 });
    expect(notice.body.items.map((i: { content: string }) => i.content)).toEqual(['练习册第 20 页 1–3 题']);
  });

  it('an empty first submission is refused', async () => {
    const r = await call(w.app, await w.login('demo-classteacher'), 'POST', `/api/homework/days/${classes[1]!.id}/2026-12-18/submit`, {});
    expect(r.status).toBe(409);
    expect(r.body.message).toContain('没有可提交的作业');
  });
});

describe('1.4 mandatory review steps', () => {
  it('by default all three are mandatory: a school cannot switch one off, and is told which', async () => {
    const principal = await w.login('demo-principal');
    const settings = await call(w.app, principal, 'GET', `/api/homework/settings/${schoolId}`);
    expect(settings.body).toMatchObject({ contentCheck: true, classCoordination: true, schoolApproval: true, mandatory: ['contentCheck', 'classCoordination', 'schoolApproval'] });
    const off = await call(w.app, principal, 'PUT', `/api/homework/settings/${schoolId}`, { contentCheck: true, classCoordination: false, schoolApproval: true });
    expect(off.status).toBe(400);
    expect(off.body.message).toContain('班主任协调总量');
    expect(off.body.details.fields[0].field).toBe('classCoordination');
  });

  it('with fewer mandatory steps, a school drops the others; a step switched off before stays on once the district requires it', async () => {
    await setPolicy('homework.mandatorySteps', ['contentCheck', 'schoolApproval'], TODAY);
    const principal = await w.login('demo-principal');
    const saved = await call(w.app, principal, 'PUT', `/api/homework/settings/${schoolId}`, { contentCheck: true, classCoordination: false, schoolApproval: true });
    expect(saved.body).toMatchObject({ classCoordination: false, mandatory: ['contentCheck', 'schoolApproval'] });
    expect((await call(w.app, principal, 'GET', `/api/homework/days/${classes[0]!.id}/${TODAY}`)).body.settings).toMatchObject({ classCoordination: false });
    await setPolicy('homework.mandatorySteps', ['contentCheck', 'classCoordination', 'schoolApproval'], TODAY);
    expect((await call(w.app, principal, 'GET', `/api/homework/settings/${schoolId}`)).body).toMatchObject({ classCoordination: true });
  });
});

describe('1.8 grades without written homework, and non-written caps, as settings', () => {
  it('a grade the district adds gets no written homework; a non-written cap refuses 240 minutes of practical work', async () => {
    await setPolicy('homework.noWrittenGrades', [1, 2, 3], '2026-12-14');
    const caps = await defaultOf('homework.nonWrittenCaps');
    await setPolicy('homework.nonWrittenCaps', { ...caps, 3: 60 }, '2026-12-14');
    const teacher = await w.login('demo-teacher');
    const r = await call(w.app, teacher, 'POST', '/api/homework/load-check', {
      classIds: [classes[0]!.id],
      dates: ['2026-12-11', '2026-12-14'],
      draft: { type: 'practical', layer: 'basic', place: 'home', minutes: 240, content: '做一份家乡美食的调查报告' },
    });
    const [before, after] = r.body.entries;
    expect(before.check).toMatchObject({ nonWritten: 240, nonWrittenCap: null, noWrittenGrade: false, violations: [] });
    expect(after.check).toMatchObject({ nonWritten: 240, nonWrittenCap: 60, noWrittenGrade: true });
    expect(after.check.violations).toEqual([expect.objectContaining({ rule: 'homework.nonWrittenCap', message: expect.stringContaining('240 分钟，超过3年级每日 60 分钟') })]);
    const written = await call(w.app, teacher, 'POST', '/api/homework/load-check', {
      classIds: [classes[0]!.id],
      dates: ['2026-12-14'],
      draft: { type: 'written', layer: 'basic', place: 'home', minutes: 10, content: '口算' },
    });
    expect(written.body.entries[0].check.violations).toEqual([expect.objectContaining({ rule: 'homework.noWrittenAtHome', message: expect.stringContaining('3年级不布置家庭书面作业') })]);
  });
});

describe('2.8 the content check beside the class’s whole day; a comment reaches the teacher', () => {
  it('the subject leader’s to-do carries each item’s class-day total with its limit', async () => {
    const teacher = await w.login('demo-teacher');
    const item = (await call(w.app, teacher, 'POST', '/api/homework/items', { classIds: [classes[0]!.id], subjectId: math, entries: [entry({ date: '2026-12-03', minutes: 35 })] })).body.items[0];
    const leader = await w.login('demo-subjectleader');
    const todo = (await call(w.app, leader, 'GET', '/api/homework/todo')).body;
    const day = todo.checkDays.find((d: { classId: string; date: string }) => d.classId === classes[0]!.id && d.date === '2026-12-03');
    expect(day.check).toMatchObject({ written: 35, limit: 60 });
    const ok = await call(w.app, leader, 'POST', '/api/homework/check', { itemIds: [item.id], decision: 'approve', reason: '第 3 题可换成分层题' });
    expect(ok.status).toBe(200);
    const notes = (await call(w.app, teacher, 'GET', '/api/notifications')).body.items;
    expect(notes[0]).toMatchObject({ kind: 'homework.checked', body: expect.stringContaining('第 3 题可换成分层题') });
  });
});

describe('2.8 copy last week’s homework', () => {
  it('a dry run lists what would be set, skips days gone by, and judges each day against its limit', async () => {
    const teacher = await w.login('demo-teacher');
    const r = await call(w.app, teacher, 'POST', '/api/homework/items/copy-week', { classIds: [classes[0]!.id], subjectId: math, fromWeek: '2026-11-16', toWeek: '2026-11-23', dryRun: true });
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
    expect(r.body.planned.length).toBeGreaterThan(0);
    expect(r.body.planned.every((p: { date: string }) => p.date >= TODAY && p.date <= '2026-11-29')).toBe(true);
    expect(r.body.skipped.some((s: { reason: string }) => s.reason.includes('已经过去'))).toBe(true);
    expect(r.body.checks.map((c: { date: string }) => c.date)).toEqual([...new Set(r.body.planned.map((p: { date: string }) => p.date))]);
    expect(r.body.checks[0].check.written).toBeGreaterThanOrEqual(r.body.planned.find((p: { date: string }) => p.date === r.body.checks[0].date).minutes);
  });

  it('copies as drafts on the same weekdays, audited with their source; refuses a class the teacher does not teach', async () => {
    const teacher = await w.login('demo-teacher');
    const r = await call(w.app, teacher, 'POST', '/api/homework/items/copy-week', { classIds: [classes[0]!.id], fromWeek: '2026-11-16', toWeek: '2026-11-30', submit: false });
    expect(r.body.items.length).toBe(r.body.planned.length);
    expect(r.body.items.every((i: { status: string; planKind: string }) => i.status === 'draft' && i.planKind === 'weekly')).toBe(true);
    const source = r.body.planned[0];
    expect(r.body.items.some((i: { date: string; content: string }) => i.date === source.date && i.content === source.content)).toBe(true);
    const [log] = await auditOf(r.body.items[0].id);
    expect(log).toMatchObject({ action: 'homework.copy', after: { sourceItemId: expect.any(String) } });
    const grade4 = (await call(w.app, await w.login('demo-principal'), 'GET', '/api/classes?grade=4')).body[0];
    expect((await call(w.app, teacher, 'POST', '/api/homework/items/copy-week', { classIds: [grade4.id], fromWeek: '2026-11-16', toWeek: '2026-11-30' })).status).toBe(404);
    expect((await call(w.app, teacher, 'POST', '/api/homework/items/copy-week', { classIds: [classes[0]!.id], fromWeek: '2026-11-16', toWeek: '2026-11-18' })).status).toBe(400);
  });
});

describe('2.1 batch approval', () => {
  it('approves every ready day in one request, each on its own; lists the ones that cannot be, with why', async () => {
    // a school without the coordination step: a checked item passes straight to academic affairs
    await setPolicy('homework.mandatorySteps', ['schoolApproval'], TODAY);
    const principal = await w.login('demo-principal');
    await call(w.app, principal, 'PUT', `/api/homework/settings/${schoolId}`, { contentCheck: false, classCoordination: false, schoolApproval: true });
    const date = '2026-12-10';
    const teacher = await w.login('demo-teacher');
    const created = await call(w.app, teacher, 'POST', '/api/homework/items', { classIds: classes.map((c) => c.id), subjectId: math, entries: [entry({ date, minutes: 25 })] });
    expect(created.body.items.every((i: { dayStatus: string }) => i.dayStatus === 'pending_approval')).toBe(true);
    const todo = (await call(w.app, principal, 'GET', '/api/homework/todo')).body.toApprove.filter((d: { date: string }) => d.date === date);
    expect(todo).toHaveLength(3);
    expect(todo.every((d: { violations: number; written: number }) => d.violations === 0 && d.written === 25)).toBe(true);

    // since submitted, the district lowered 三年级 to 20 minutes from that date: 25 can no longer be published
    const limits = await defaultOf('homework.dayLimits');
    limits.school_day['3'] = 20;
    await setPolicy('homework.dayLimits', limits, date);
    const other = (await call(w.app, await w.login('other-admin'), 'GET', '/api/classes')).body[0];
    const days = [...classes.map((c) => ({ classId: c.id, date })), { classId: classes[0]!.id, date: '2026-12-21' }];
    expect((await call(w.app, teacher, 'POST', '/api/homework/days/approve', { days })).status).toBe(403);
    // a class of another district in the batch: 404 for the whole request, like any foreign id
    expect((await call(w.app, principal, 'POST', '/api/homework/days/approve', { days: [...days, { classId: other.id, date }] })).status).toBe(404);
    const r = await call(w.app, principal, 'POST', '/api/homework/days/approve', { days });
    expect(r.status).toBe(200);
    expect(r.body.approved).toEqual([]);
    expect(r.body.refused.map((x: { code: string }) => x.code)).toEqual(['RULE_VIOLATION', 'RULE_VIOLATION', 'RULE_VIOLATION', 'CONFLICT']);
    expect(r.body.refused[0].message).toContain('超过3年级每日 20 分钟');
    expect((await auditOf(`${classes[0]!.id}/${date}`)).filter((e) => e.action === 'homework.day.approve.refused')).toHaveLength(1);

    // the district restores the limit: all three go out in one request, a repeat with the same key answers the same
    limits.school_day['3'] = 60;
    await setPolicy('homework.dayLimits', limits, date);
    const send = () => w.app.inject({ method: 'POST', url: '/api/homework/days/approve', payload: { days: days.slice(0, 3) }, headers: { cookie: principal, 'idempotency-key': 'batch-approve-0001' } });
    const first = (await send()).json();
    expect(first.approved.map((a: { className: string; version: number }) => [a.className, a.version])).toEqual(classes.map((c) => [c.name.split(' ').pop(), 1]));
    expect(first.refused).toEqual([]);
    expect((await send()).json()).toEqual(first);
    const parent = (await call(w.app, principal, 'GET', `/api/homework/notice/${classes[1]!.id}/${date}`)).body;
    expect(parent).toMatchObject({ version: 1, written: 25 });
    await setPolicy('homework.mandatorySteps', ['contentCheck', 'classCoordination', 'schoolApproval'], TODAY);
  });
});
