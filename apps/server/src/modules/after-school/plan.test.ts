/**
 * 一校一案 end to end through the API: the white list, the course catalogue, a plan's versions through submit (refused
 * with cited findings when a rule fails), district approval or return, the district's status list, the rollup's plan
 * status and the public page; and the refusals (another school, another district, a provider off the list, bad input).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let principal: string;
let district: string;
let teacher: string;
let otherAdmin: string;
let schoolId: string; // 示范区实验小学 (demo-principal's)
let otherSchoolId: string; // 城西第二小学
let semesterId: string;
let institutions: { id: string; name: string; listStatus: string }[];
let teacherId: string;

const body = (over: Record<string, unknown> = {}) => ({
  weekdays: [1, 2, 3, 4, 5],
  periods: [
    { start: '15:40', end: '16:40', kind: 'homework' },
    { start: '16:50', end: '17:50', kind: 'club' },
  ],
  staffing: { ownTeachers: 60, totalTeachers: 66, volunteers: 8, providers: 1, note: null },
  fees: { mode: 'monthly', serviceFeeFen: 20000, passThroughNote: '机构课程按白名单价格代收' },
  safetyPlan: '校门分时段开放，值班教师全程在岗。',
  pickupPlan: '17:50 起按年级分批放学，家长凭接送卡接孩子。',
  principles: '家长自愿参加。',
  ...over,
});
const course = (over: Record<string, unknown> = {}) => ({
  schoolId,
  semesterId,
  name: '三年级作业辅导',
  category: 'homework',
  grades: [3],
  capacity: 120,
  weekdays: [1, 2, 3, 4, 5],
  startTime: '15:40',
  endTime: '16:40',
  room: '各班教室',
  staffing: 'teacher',
  teacherIds: [teacherId],
  ...over,
});
const auditOf = (entityId: string) => w.db.database.query<{ action: string; after: Record<string, unknown> }>(`select action, after from audit_log where entity_id = $1 order by id`, [entityId]);
const planStatusOf = async (school: string) =>
  (await w.db.database.query<{ plan_status: string }>(`select plan_status from after_school_school_stats where school_id = $1 and semester_id = $2`, [school, semesterId]))[0]?.plan_status;

beforeAll(async () => {
  w = await createWorld();
  [principal, district, teacher, otherAdmin] = (await Promise.all(['demo-principal', 'demo-district', 'demo-teacher', 'other-admin'].map((u) => w.login(u)))) as [string, string, string, string];
  const me = (await call(w.app, principal, 'GET', '/api/me')).body;
  schoolId = me.schools[0].id;
  teacherId = (await call(w.app, teacher, 'GET', '/api/me')).body.user.id;
  const semesters = (await call(w.app, district, 'GET', '/api/semesters')).body as { id: string; startDate: string }[];
  semesterId = semesters.find((s) => s.startDate === '2026-09-01')!.id;
  const schools = (await call(w.app, district, 'GET', '/api/schools')).body as { id: string; name: string }[];
  otherSchoolId = schools.find((s) => s.name === '城西第二小学')!.id;
  institutions = (await call(w.app, district, 'GET', '/api/institutions')).body;
}, 120_000);
afterAll(() => w.close());

let providerId: string;

describe('the white list (白名单)', () => {
  it('lists an active white-listed institution’s item at its per-lesson price', async () => {
    const inst = institutions.find((i) => i.name === '启明文化艺术培训学校')!;
    const r = await call(w.app, district, 'POST', '/api/after-school/providers', { institutionId: inst.id, item: '少儿国画', category: 'arts', pricePerLessonFen: 3000, listedFrom: '2026-09-01' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ institutionName: '启明文化艺术培训学校', item: '少儿国画', pricePerLessonFen: 3000, status: 'listed', courses: 0 });
    providerId = r.body.id;
    expect((await auditOf(providerId))[0]!.action).toBe('after-school.provider.list');
  });

  it('refuses a black-listed institution, another district’s, a schools’ listing and a duplicate', async () => {
    const black = institutions.find((i) => i.listStatus === 'black')!;
    const r1 = await call(w.app, district, 'POST', '/api/after-school/providers', { institutionId: black.id, item: '补习', category: 'other', pricePerLessonFen: 3000, listedFrom: '2026-09-01' });
    expect(r1.status).toBe(400);
    expect(r1.body.message).toContain('白名单');
    const r2 = await call(w.app, otherAdmin, 'POST', '/api/after-school/providers', { institutionId: institutions[0]!.id, item: '国画', category: 'arts', pricePerLessonFen: 3000, listedFrom: '2026-09-01' });
    expect(r2.status).toBe(404);
    const r3 = await call(w.app, principal, 'POST', '/api/after-school/providers', { institutionId: institutions[0]!.id, item: '国画', category: 'arts', pricePerLessonFen: 3000, listedFrom: '2026-09-01' });
    expect(r3.status).toBe(403);
    const inst = institutions.find((i) => i.name === '启明文化艺术培训学校')!;
    const r4 = await call(w.app, district, 'POST', '/api/after-school/providers', { institutionId: inst.id, item: '少儿国画', category: 'arts', pricePerLessonFen: 2500, listedFrom: '2026-09-01' });
    expect(r4.status).toBe(409);
  });

  it('refuses a price in yuan or zero, and homework help as a provider item', async () => {
    const inst = institutions.find((i) => i.name === '启明文化艺术培训学校')!;
    for (const bad of [{ pricePerLessonFen: 30.5 }, { pricePerLessonFen: 0 }, { category: 'homework' }, { listedFrom: '2026-13-01' }]) {
      const r = await call(w.app, district, 'POST', '/api/after-school/providers', { institutionId: inst.id, item: '书法', category: 'arts', pricePerLessonFen: 3000, listedFrom: '2026-09-01', ...bad });
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('is readable by the school, not by the other district', async () => {
    expect((await call(w.app, principal, 'GET', '/api/after-school/providers')).body.map((p: { id: string }) => p.id)).toContain(providerId);
    expect((await call(w.app, otherAdmin, 'GET', '/api/after-school/providers')).body).toEqual([]);
  });
});

describe('the course catalogue', () => {
  let clubId: string;
  it('adds homework help and clubs by own teachers, volunteers and a listed provider at the listed price', async () => {
    const hw = await call(w.app, principal, 'POST', '/api/after-school/courses', course());
    expect(hw.status, JSON.stringify(hw.body)).toBe(200);
    expect(hw.body.teacherNames).toEqual(['李强']);
    const vol = await call(w.app, principal, 'POST', '/api/after-school/courses', course({ name: '亲子阅读', category: 'reading', grades: [1, 2], capacity: 30, weekdays: [2, 4], startTime: '16:50', endTime: '17:50', staffing: 'volunteer', teacherIds: [], volunteers: ['张小明妈妈'] }));
    expect(vol.status, JSON.stringify(vol.body)).toBe(200);
    const club = await call(w.app, principal, 'POST', '/api/after-school/courses', course({ name: '国画社', category: 'arts', grades: [3, 4], capacity: 25, weekdays: [1, 3], startTime: '16:50', endTime: '17:50', staffing: 'provider', teacherIds: [teacherId], providerId }));
    expect(club.status, JSON.stringify(club.body)).toBe(200);
    expect(club.body).toMatchObject({ providerName: '启明文化艺术培训学校', pricePerLessonFen: 3000, enrolled: 0 });
    clubId = club.body.id;
    const list = (await call(w.app, principal, 'GET', `/api/after-school/courses?schoolId=${schoolId}&semesterId=${semesterId}`)).body;
    expect(list.map((c: { name: string }) => c.name)[0]).toBe('三年级作业辅导'); // homework help first
    expect(list.map((c: { name: string }) => c.name).sort()).toEqual(['三年级作业辅导', '亲子阅读', '国画社'].sort());
  });

  it('refuses a provider not on the list, a delisted one, and staffing without people', async () => {
    const notListed = await call(w.app, principal, 'POST', '/api/after-school/courses', course({ name: '机构课', category: 'arts', staffing: 'provider', providerId: '00000000-0000-4000-8000-000000000000' }));
    expect(notListed.status).toBe(400);
    expect(notListed.body.message).toContain('白名单');
    const noTeacher = await call(w.app, principal, 'POST', '/api/after-school/courses', course({ name: '无教师', teacherIds: [] }));
    expect(noTeacher.status).toBe(400);
    const times = await call(w.app, principal, 'POST', '/api/after-school/courses', course({ name: '倒序', startTime: '17:00', endTime: '16:00' }));
    expect(times.status).toBe(400);
    const inst = institutions.find((i) => i.name === '小科学家科技创新中心')!;
    const p = await call(w.app, district, 'POST', '/api/after-school/providers', { institutionId: inst.id, item: '机器人', category: 'science', pricePerLessonFen: 4000, listedFrom: '2026-09-01' });
    expect((await call(w.app, district, 'PATCH', `/api/after-school/providers/${p.body.id}`, { status: 'delisted' })).body.status).toBe('delisted');
    const delisted = await call(w.app, principal, 'POST', '/api/after-school/courses', course({ name: '机器人', category: 'science', staffing: 'provider', providerId: p.body.id, startTime: '16:50', endTime: '17:50' }));
    expect(delisted.status).toBe(400);
  });

  it('keeps capacity at or above the children seated', async () => {
    await w.db.database.query(`update after_school_courses set enrolled = 20 where id = $1`, [clubId]);
    const r = await call(w.app, principal, 'PATCH', `/api/after-school/courses/${clubId}`, { capacity: 19 });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('20');
    const ok = await call(w.app, principal, 'PATCH', `/api/after-school/courses/${clubId}`, { capacity: 20, room: '美术室' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ capacity: 20, room: '美术室', pricePerLessonFen: 3000 });
  });

  it('refuses another school’s catalogue and another district', async () => {
    const foreign = await call(w.app, principal, 'POST', '/api/after-school/courses', course({ schoolId: otherSchoolId, teacherIds: [], staffing: 'volunteer', volunteers: ['志愿者'] }));
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(404);
    expect((await call(w.app, principal, 'GET', `/api/after-school/courses?schoolId=${otherSchoolId}&semesterId=${semesterId}`)).status).toBe(404);
    expect((await call(w.app, otherAdmin, 'PATCH', `/api/after-school/courses/${clubId}`, { capacity: 30 })).status).toBe(404);
    expect((await call(w.app, teacher, 'PATCH', `/api/after-school/courses/${clubId}`, { capacity: 30 })).status).toBe(403);
  });
});

describe('a plan through review (一校一案)', () => {
  let planId: string;
  it('needs a body for the first version, then drafts it', async () => {
    expect((await call(w.app, principal, 'POST', '/api/after-school/plans', { schoolId, semesterId })).status).toBe(400);
    const r = await call(w.app, principal, 'POST', '/api/after-school/plans', { schoolId, semesterId, body: body({ periods: [{ start: '15:40', end: '16:40', kind: 'club' }, { start: '16:50', end: '17:20', kind: 'homework' }], weekdays: [1, 2, 3, 4] }) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ version: 1, status: 'draft', schoolName: '示范区实验小学' });
    planId = r.body.id;
    expect(await planStatusOf(schoolId)).toBe('draft');
    expect((await call(w.app, principal, 'POST', '/api/after-school/plans', { schoolId, semesterId, body: body() })).status).toBe(409);
  });

  it('refuses to submit a plan that breaks the rules, naming each rule and the policy version, and audits it', async () => {
    const r = await call(w.app, principal, 'POST', `/api/after-school/plans/${planId}/submit`);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('RULE_VIOLATION');
    const rules = r.body.details.check.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['after-school.service.weekdays', 'after-school.service.minMinutesPerDay', 'after-school.service.endNotBefore', 'after-school.service.homeworkFirst', 'after-school.plan.courses']));
    const weekdays = r.body.details.check.findings.find((f: { rule: string }) => f.rule === 'after-school.service.weekdays');
    expect(weekdays.dates.length).toBeGreaterThan(10);
    expect(weekdays.dates).not.toContain('2026-10-02'); // 国庆 holiday: not a school day
    expect((await auditOf(planId)).map((a) => a.action)).toContain('after-school.plan.submit.refused');
    expect((await call(w.app, principal, 'GET', `/api/after-school/plans/${planId}`)).body.status).toBe('draft');
  });

  it('cites the district’s own setting version when it has one', async () => {
    const p = await call(w.app, district, 'POST', '/api/policies/after-school.service', { value: { weekdays: [1, 2, 3, 4, 5], minMinutesPerDay: 120, endNotBefore: '17:40', homeworkFirst: true }, effectiveFrom: '2026-11-26', reason: '区教育局通知' });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const ctx = await call(w.app, principal, 'GET', `/api/after-school/plans/context?schoolId=${schoolId}&semesterId=${semesterId}`);
    expect(ctx.status).toBe(200);
    expect(ctx.body.setting.endNotBefore).toBe('17:40');
    expect(ctx.body.policyVersion).toContain('after-school.service@');
    expect(ctx.body.days.filter((d: { schoolDay: boolean }) => d.schoolDay).length).toBeGreaterThan(80);
    const r = await call(w.app, principal, 'POST', `/api/after-school/plans/${planId}/submit`);
    expect(r.body.details.policyVersion).toBe(ctx.body.policyVersion);
    expect(r.body.details.check.findings.every((f: { policyVersion: string }) => f.policyVersion === ctx.body.policyVersion)).toBe(true);
  });

  it('submits a plan that meets every rule, with the check and catalogue stored, and tells the district', async () => {
    expect((await call(w.app, principal, 'PUT', `/api/after-school/plans/${planId}`, { body: body() })).status).toBe(200);
    const r = await call(w.app, principal, 'POST', `/api/after-school/plans/${planId}/submit`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('submitted');
    expect(r.body.check).toMatchObject({ ok: true, minutesPerDay: 120, endTime: '17:50' });
    expect(r.body.courses).toHaveLength(3);
    expect(r.body.policyVersion).toContain('after-school.service@');
    expect(await planStatusOf(schoolId)).toBe('submitted');
    const bell = (await call(w.app, district, 'GET', '/api/notifications')).body;
    expect(JSON.stringify(bell)).toContain('示范区实验小学提交了课后服务方案');
    expect((await call(w.app, principal, 'PUT', `/api/after-school/plans/${planId}`, { body: body() })).status).toBe(409);
  });

  it('lets only the district review, and refuses another district', async () => {
    expect((await call(w.app, principal, 'POST', `/api/after-school/plans/${planId}/approve`, {})).status).toBe(403);
    expect((await call(w.app, otherAdmin, 'POST', `/api/after-school/plans/${planId}/approve`, {})).status).toBe(404);
    expect((await call(w.app, otherAdmin, 'GET', `/api/after-school/plans/${planId}`)).status).toBe(404);
    expect((await call(w.app, district, 'POST', `/api/after-school/plans/${planId}/return`, { reason: '' })).status).toBe(400);
  });

  it('returns it with reasons, the school fixes and resubmits, the district approves', async () => {
    const ret = await call(w.app, district, 'POST', `/api/after-school/plans/${planId}/return`, { reason: '请补充雨雪天气接送安排' });
    expect(ret.body).toMatchObject({ status: 'returned', reviewNote: '请补充雨雪天气接送安排' });
    expect(await planStatusOf(schoolId)).toBe('returned');
    expect(JSON.stringify((await call(w.app, principal, 'GET', '/api/notifications')).body)).toContain('被退回修改');
    await call(w.app, principal, 'PUT', `/api/after-school/plans/${planId}`, { body: body({ pickupPlan: '17:50 起分批放学；雨雪天气在风雨操场等候。' }) });
    expect((await call(w.app, principal, 'POST', `/api/after-school/plans/${planId}/submit`)).body.status).toBe('submitted');
    const ok = await call(w.app, district, 'POST', `/api/after-school/plans/${planId}/approve`, { note: '同意备案' });
    expect(ok.body).toMatchObject({ status: 'approved', reviewNote: '同意备案' });
    expect(await planStatusOf(schoolId)).toBe('approved');
    expect((await call(w.app, district, 'POST', `/api/after-school/plans/${planId}/approve`, {})).status).toBe(409);
    expect((await auditOf(planId)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['after-school.plan.create', 'after-school.plan.submit', 'after-school.plan.return', 'after-school.plan.approve']),
    );
  });

  it('makes a later change a new version copied from the one in force; approving it supersedes the old', async () => {
    const v2 = await call(w.app, principal, 'POST', '/api/after-school/plans', { schoolId, semesterId });
    expect(v2.status, JSON.stringify(v2.body)).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, status: 'draft' });
    expect(v2.body.body.pickupPlan).toContain('风雨操场');
    expect(await planStatusOf(schoolId)).toBe('approved'); // the version in force still counts
    await call(w.app, principal, 'POST', `/api/after-school/plans/${v2.body.id}/submit`);
    const rows = (await call(w.app, district, 'GET', `/api/after-school/plans/district?semesterId=${semesterId}`)).body as { schoolId: string; status: string; version: number; approvedVersion: number | null }[];
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.schoolId === schoolId)).toMatchObject({ status: 'submitted', version: 2, approvedVersion: 1 });
    expect(rows.find((r) => r.schoolId === otherSchoolId)).toMatchObject({ status: 'none', version: null });
    await call(w.app, district, 'POST', `/api/after-school/plans/${v2.body.id}/approve`, {});
    const versions = (await call(w.app, principal, 'GET', `/api/after-school/plans?schoolId=${schoolId}&semesterId=${semesterId}`)).body as { version: number; status: string }[];
    expect(versions.map((v) => [v.version, v.status])).toEqual([[2, 'approved'], [1, 'superseded']]);
  });

  it('keeps the district list to the district', async () => {
    expect((await call(w.app, principal, 'GET', `/api/after-school/plans/district?semesterId=${semesterId}`)).status).toBe(403);
    expect((await call(w.app, otherAdmin, 'GET', `/api/after-school/plans/district?semesterId=${semesterId}`)).status).toBe(404);
  });

  it('refuses bad plan input with the field named', async () => {
    const r = await call(w.app, principal, 'POST', '/api/after-school/plans', { schoolId: otherSchoolId, semesterId, body: body({ weekdays: [1, 1] }) });
    expect(r.status).toBe(400);
    const fee = await call(w.app, principal, 'POST', '/api/after-school/plans', { schoolId: otherSchoolId, semesterId, body: body({ fees: { mode: 'monthly', serviceFeeFen: 199.5, passThroughNote: null } }) });
    expect(fee.status).toBe(400);
    expect((await call(w.app, principal, 'POST', '/api/after-school/plans', { schoolId: otherSchoolId, semesterId, body: body() })).status).toBe(404);
  });
});

describe('the public page (三单公开)', () => {
  it('shows the timetable, courses with providers and prices and the fee standard without signing in', async () => {
    const r = await call(w.app, null, 'GET', `/api/public/after-school/schools/${schoolId}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.schoolName).toBe('示范区实验小学');
    expect(r.body.plan).toMatchObject({ version: 2, weekdays: [1, 2, 3, 4, 5], fees: { mode: 'monthly', serviceFeeFen: 20000 } });
    expect(r.body.courses.find((c: { name: string }) => c.name === '国画社')).toMatchObject({ providerName: '启明文化艺术培训学校', pricePerLessonFen: 3000 });
    expect(r.body.homework).toEqual([]);
    expect(JSON.stringify(r.body)).not.toContain('李强');
  });

  it('lists today’s published homework of each class, latest version only, without teachers’ names', async () => {
    const [cls] = await w.db.database.query<{ id: string; district_id: string }>(`select id, district_id from classes where school_id = $1 and grade = 3 order by name limit 1`, [schoolId]);
    const item = (content: string, minutes: number) => ({ itemId: '00000000-0000-4000-8000-00000000000' + minutes % 10, subjectName: '数学', teacherName: '李强', title: null, content, type: 'written', layer: 'basic', place: 'home', minutes, links: [], attachments: [] });
    for (const [version, items] of [[1, [item('口算第 1 页', 11)]], [2, [item('口算第 2 页', 12), item('课外阅读', 23)]]] as const)
      await w.db.database.query(
        `insert into homework_published (district_id, class_id, date, version, school_id, grade, day_kind, limit_minutes, written, optional, other, in_school, items, published_by, published_by_name)
         values ($1, $2, '2026-11-26', $3, $4, 3, 'school_day', 60, 35, 0, 0, 0, $5, $6, '陈慧')`,
        [cls!.district_id, cls!.id, version, schoolId, JSON.stringify(items), teacherId],
      );
    const r = await call(w.app, null, 'GET', `/api/public/after-school/schools/${schoolId}`);
    expect(r.body.homework).toEqual([
      { className: '三年级(1)班', grade: 3, items: [{ subjectName: '数学', content: '口算第 2 页', minutes: 12, place: 'home', layer: 'basic' }, { subjectName: '数学', content: '课外阅读', minutes: 23, place: 'home', layer: 'basic' }] },
    ]);
    expect(JSON.stringify(r.body)).not.toContain('李强');
  });

  it('shows a school without an approved plan as such, and 404 for an unknown school', async () => {
    expect((await call(w.app, null, 'GET', `/api/public/after-school/schools/${otherSchoolId}`)).body).toMatchObject({ plan: null, courses: [] });
    expect((await call(w.app, null, 'GET', '/api/public/after-school/schools/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call(w.app, null, 'GET', '/api/public/after-school/schools/not-an-id')).status).toBe(400);
  });
});
