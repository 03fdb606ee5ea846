/**
 * 校外培训监管 · registry through the API: an institution's file (profile, venues, staff, materials, courses,
 * packages) from draft to the district's approval or return; rule refusals citing the rule (学科类 for-profit, a
 * 学科类 teacher without a certificate, a course over the price cap, a package over the limits); status changes with a
 * reason moving the public lists; and the refusals (another institution's file, another district, parents, teachers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let district: string;
let qiming: string; // demo-institution (启明, 非学科类)
let mingde: string; // a 学科类 institution created here, with its own admin
let inspector: string;
let parent: string;
let teacher: string;
let otherAdmin: string;
let inst: Record<string, { institutionId: string; status: string; listStatus: string; zoneId: string }>;
let mingdeId: string;

const PASSWORD = 'Mingde#2026';
const file = (cookie: string, id: string) => call(w.app, cookie, 'GET', `/api/training/registry/institutions/${id}`);
const publicList = async () => (await call(w.app, null, 'GET', '/api/public/districts/demo/institutions')).body as { name: string; listStatus: string }[];

beforeAll(async () => {
  w = await createWorld({ training: true });
  [district, qiming, inspector, parent, teacher, otherAdmin] = (await Promise.all(
    ['demo-district', 'demo-institution', 'demo-inspector', 'demo-parent', 'demo-teacher', 'other-admin'].map((u) => w.login(u)),
  )) as [string, string, string, string, string, string];
  const list = (await call(w.app, district, 'GET', '/api/training/registry/institutions')).body as { institutionId: string; institutionName: string; status: string; listStatus: string; zoneId: string }[];
  inst = Object.fromEntries(list.map((i) => [i.institutionName, i]));
  // a new 学科类 institution and its admin, through the district's own APIs
  const created = await call(w.app, district, 'POST', '/api/institutions', { zoneId: inst['启明文化艺术培训学校']!.zoneId, name: '明德学科培训中心', licenseNo: '教民140105700099号', category: 'subject', field: '学科类', address: '学府街 99 号' });
  expect(created.status).toBe(200);
  mingdeId = created.body.id;
  const staff = await call(w.app, district, 'POST', '/api/staff', { username: 'mingde-admin', name: '明主任', assignments: [{ role: 'institution_admin', institutionId: mingdeId }] });
  expect(staff.status).toBe(200);
  await w.exemptFromSecondFactor('mingde-admin');
  const first = await w.login('mingde-admin', staff.body.credential.initialPassword);
  expect((await call(w.app, first, 'POST', '/api/auth/password', { currentPassword: staff.body.credential.initialPassword, newPassword: PASSWORD })).status).toBe(200);
  mingde = await w.login('mingde-admin', PASSWORD);
}, 300_000);
afterAll(async () => {
  await w?.close();
});

describe('the demo registry', () => {
  it('has institutions in every status, with the lists following', () => {
    expect(inst['启明文化艺术培训学校']).toMatchObject({ status: 'active', listStatus: 'white' });
    expect(inst['小科学家科技创新中心']).toMatchObject({ status: 'rectifying' });
    expect(inst['博学学科辅导中心']).toMatchObject({ status: 'suspended', listStatus: 'none' });
    expect(inst['捷径升学补习班']).toMatchObject({ status: 'closed', listStatus: 'black' });
  });

  it('shows an institution its own file with its approved packages, and the district what waits', async () => {
    const mine = (await call(w.app, qiming, 'GET', '/api/training/registry/institutions')).body as { institutionName: string }[];
    expect(mine.map((i) => i.institutionName)).toEqual(['启明文化艺术培训学校']);
    const f = await file(qiming, inst['启明文化艺术培训学校']!.institutionId);
    expect(f.status).toBe(200);
    expect(f.body.canFile).toBe(true);
    expect(f.body.packages.map((p: { name: string; priceFen: number }) => [p.name, p.priceFen])).toContainEqual(['少儿国画 12 课时', 36000]);
    expect(f.body.staff[0].phone).toMatch(/^1\d{10}$/);
    const queue = (await call(w.app, district, 'GET', '/api/training/registry/queue')).body as { kind: string; title: string }[];
    expect(queue.map((q) => `${q.kind}:${q.title}`)).toEqual(expect.arrayContaining(['course:少儿游泳', 'material:机器人编程（初级）']));
  });

  it('lets inspectors and the district read any file in scope, phones masked', async () => {
    const f = await file(inspector, inst['博学学科辅导中心']!.institutionId);
    expect(f.status).toBe(200);
    expect(f.body.canFile).toBe(false);
    expect(f.body.staff[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(f.body.courses[0]).toMatchObject({ name: '初中数学小班', category: 'subject', status: 'approved' });
    expect(f.body.history[0]).toMatchObject({ toStatus: 'suspended' });
  });
});

describe('a 学科类 institution files', () => {
  it('refuses a for-profit legal form, citing the rule', async () => {
    const r = await call(w.app, mingde, 'PATCH', `/api/training/registry/institutions/${mingdeId}/profile`, { legalForm: 'for_profit' });
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('非营利性');
    expect(r.body.details.findings[0]).toMatchObject({ rule: 'subject_non_profit', citation: { key: 'national' } });
  });

  it('refuses a teacher without a certificate number', async () => {
    const r = await call(w.app, mingde, 'POST', '/api/training/registry/staff', { institutionId: mingdeId, name: '张老师', role: 'teacher', subtype: 'maths' });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('教师资格证');
    const ok = await call(w.app, mingde, 'POST', '/api/training/registry/staff', { institutionId: mingdeId, name: '张老师', role: 'teacher', subtype: 'maths', certificateNo: '20221400122000001', phone: '13912345678', backgroundCheck: 'passed', backgroundCheckedOn: '2026-10-01' });
    expect(ok.status).toBe(200);
    expect(ok.body.staff[0].phone).toBe('13912345678');
  });

  it('refuses a course over the price cap, naming the rule and its policy version, and records the violation', async () => {
    const r = await call(w.app, mingde, 'POST', '/api/training/registry/courses', { institutionId: mingdeId, name: '小学数学思维', subtype: 'maths', mode: 'offline', lessonMinutes: 45, maxClassSize: 10, pricePerLessonFen: 4000 });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('RULE_VIOLATION');
    expect(r.body.message).toContain('小学数学思维');
    const cap = r.body.details.findings.find((f: { rule: string }) => f.rule === 'price_cap');
    expect(cap).toMatchObject({ severity: 'error', citation: { key: 'training.prices' } });
    expect(typeof cap.citation.version).toBe('number');
    const v = await w.db.database.query<{ rule: string }>(`select rule from training_violations where institution_id = $1`, [mingdeId]);
    expect(v.map((x) => x.rule)).toContain('price_cap');
    const f = await file(mingde, mingdeId);
    expect(f.body.courses).toHaveLength(0);
  });

  it('refuses a non-subject institution filing a 学科类 course', async () => {
    const r = await call(w.app, qiming, 'POST', '/api/training/registry/courses', { institutionId: inst['启明文化艺术培训学校']!.institutionId, name: '奥数', subtype: 'maths', mode: 'offline', lessonMinutes: 45, maxClassSize: 10, pricePerLessonFen: 3000 });
    expect(r.status).toBe(400);
  });

  it('files the profile, is sent back with a reason, re-files and is approved onto the white list', async () => {
    const incomplete = await call(w.app, mingde, 'POST', `/api/training/registry/institutions/${mingdeId}/submit`);
    expect(incomplete.status).toBe(400);
    const patch = await call(w.app, mingde, 'PATCH', `/api/training/registry/institutions/${mingdeId}/profile`, {
      legalForm: 'non_profit', licenseIssuer: '区教育局', licenseValidUntil: '2029-08-31', legalPerson: '明德', contactPhone: '13811112222', custodyMode: 'custody', custodyBank: '中国银行', custodyAccountNo: '6216000099990001',
    });
    expect(patch.status).toBe(200);
    expect((await call(w.app, mingde, 'POST', '/api/training/registry/venues', { institutionId: mingdeId, address: '学府街 99 号二层', areaSqm: 200, capacity: 40, fireCertificateNo: '消验字〔2026〕第0999号' })).status).toBe(200);
    expect((await call(w.app, mingde, 'POST', `/api/training/registry/institutions/${mingdeId}/submit`)).body.profile.filingStatus).toBe('submitted');
    expect((await call(w.app, mingde, 'PATCH', `/api/training/registry/institutions/${mingdeId}/profile`, { legalPerson: '改' })).status).toBe(409);

    expect((await call(w.app, district, 'POST', '/api/training/registry/review', { kind: 'profile', id: mingdeId, decision: 'return' })).status).toBe(400);
    const back = await call(w.app, district, 'POST', '/api/training/registry/review', { kind: 'profile', id: mingdeId, decision: 'return', note: '请补充消防验收材料' });
    expect(back.body.profile).toMatchObject({ filingStatus: 'returned', reviewNote: '请补充消防验收材料' });
    const notes = (await call(w.app, mingde, 'GET', '/api/notifications')).body;
    expect(JSON.stringify(notes)).toContain('请补充消防验收材料');

    await call(w.app, mingde, 'PATCH', `/api/training/registry/institutions/${mingdeId}/profile`, { legalPerson: '明德' });
    await call(w.app, mingde, 'POST', `/api/training/registry/institutions/${mingdeId}/submit`);
    const ok = await call(w.app, district, 'POST', '/api/training/registry/review', { kind: 'profile', id: mingdeId, decision: 'approve' });
    expect(ok.body.profile).toMatchObject({ filingStatus: 'approved', status: 'active', listStatus: 'white' });
    expect((await publicList()).find((i) => i.name === '明德学科培训中心')?.listStatus).toBe('white');
  });

  it('files a course within the caps and a package, approved by the district; refuses a package over 3 months', async () => {
    const c = await call(w.app, mingde, 'POST', '/api/training/registry/courses', { institutionId: mingdeId, name: '初一数学小班', subtype: 'maths', mode: 'offline', lessonMinutes: 45, maxClassSize: 10, pricePerLessonFen: 3500 });
    expect(c.status).toBe(200);
    const course = c.body.courses[0];
    expect(course).toMatchObject({ status: 'draft', category: 'subject' });
    const long = await call(w.app, mingde, 'POST', '/api/training/registry/packages', { courseId: course.id, name: '一学期包', lessons: 40, months: 5, priceFen: 140000 });
    expect(long.status).toBe(422);
    expect(long.body.details.findings.map((f: { rule: string }) => f.rule)).toContain('package_months');
    const dear = await call(w.app, mingde, 'POST', '/api/training/registry/packages', { courseId: course.id, name: '贵包', lessons: 10, months: 1, priceFen: 40000 });
    expect(dear.status).toBe(422);
    const p = await call(w.app, mingde, 'POST', '/api/training/registry/packages', { courseId: course.id, name: '初一数学 20 课时', lessons: 20, months: 2, priceFen: 70000 });
    expect(p.status).toBe(200);
    const pkg = p.body.packages[0];
    await call(w.app, mingde, 'POST', `/api/training/registry/courses/${course.id}/submit`);
    await call(w.app, mingde, 'POST', `/api/training/registry/packages/${pkg.id}/submit`);
    expect((await call(w.app, mingde, 'PATCH', `/api/training/registry/courses/${course.id}`, { pricePerLessonFen: 3000 })).status).toBe(409);
    const early = await call(w.app, district, 'POST', '/api/training/registry/review', { kind: 'package', id: pkg.id, decision: 'approve' });
    expect(early.status).toBe(400);
    expect((await call(w.app, district, 'POST', '/api/training/registry/review', { kind: 'course', id: course.id, decision: 'approve' })).body.courses[0].status).toBe('approved');
    expect((await call(w.app, district, 'POST', '/api/training/registry/review', { kind: 'package', id: pkg.id, decision: 'approve' })).body.packages[0].status).toBe('approved');
    expect((await call(w.app, district, 'POST', '/api/training/registry/review', { kind: 'package', id: pkg.id, decision: 'approve' })).status).toBe(409);
  });

  it('files and submits a material for review', async () => {
    const m = await call(w.app, mingde, 'POST', '/api/training/registry/materials', { institutionId: mingdeId, title: '初一数学讲义', subtype: 'maths', gradeRange: '7年级', publisher: '机构自编' });
    const id = m.body.materials[0].id;
    await call(w.app, mingde, 'POST', `/api/training/registry/materials/${id}/submit`);
    const queue = (await call(w.app, district, 'GET', '/api/training/registry/queue')).body as { id: string }[];
    expect(queue.map((q) => q.id)).toContain(id);
    expect((await call(w.app, district, 'POST', '/api/training/registry/review', { kind: 'material', id, decision: 'approve' })).body.materials[0].status).toBe('approved');
  });
});

describe('status changes', () => {
  it('need a reason, move the lists, keep a history and tell the institution', async () => {
    expect((await call(w.app, district, 'POST', `/api/training/registry/institutions/${mingdeId}/status`, { status: 'suspended' })).status).toBe(400);
    expect((await call(w.app, district, 'POST', `/api/training/registry/institutions/${mingdeId}/status`, { status: 'suspended', reason: ' ' })).status).toBe(400);
    const s = await call(w.app, district, 'POST', `/api/training/registry/institutions/${mingdeId}/status`, { status: 'suspended', reason: '周末开展学科类培训' });
    expect(s.body.profile).toMatchObject({ status: 'suspended', listStatus: 'none' });
    expect(s.body.history[0]).toMatchObject({ fromStatus: 'active', toStatus: 'suspended', fromList: 'white', toList: 'none', reason: '周末开展学科类培训' });
    expect((await publicList()).some((i) => i.name === '明德学科培训中心')).toBe(false);
    expect(JSON.stringify((await call(w.app, mingde, 'GET', '/api/notifications')).body)).toContain('周末开展学科类培训');
    // a suspended institution files no new course
    const c = await call(w.app, mingde, 'POST', '/api/training/registry/courses', { institutionId: mingdeId, name: '新课', subtype: 'maths', mode: 'offline', lessonMinutes: 45, maxClassSize: 10, pricePerLessonFen: 3000 });
    expect(c.status).toBe(409);
    expect((await call(w.app, district, 'POST', `/api/training/registry/institutions/${mingdeId}/status`, { status: 'suspended', reason: '再次' })).status).toBe(409);

    const back = await call(w.app, district, 'POST', `/api/training/registry/institutions/${mingdeId}/status`, { status: 'active', reason: '整改完成，恢复办学' });
    expect(back.body.profile).toMatchObject({ status: 'active', listStatus: 'white' });
    const serious = await call(w.app, district, 'POST', `/api/training/registry/institutions/${mingdeId}/status`, { status: 'rectifying', reason: '隐瞒收费', serious: true });
    expect(serious.body.profile).toMatchObject({ status: 'rectifying', listStatus: 'black' });
    const closed = await call(w.app, district, 'POST', `/api/training/registry/institutions/${mingdeId}/status`, { status: 'closed', reason: '主动申请注销' });
    expect(closed.body.profile).toMatchObject({ status: 'closed', listStatus: 'black' });
    expect(closed.body.history).toHaveLength(5);
    expect((await publicList()).find((i) => i.name === '明德学科培训中心')?.listStatus).toBe('black');
    const audits = await w.db.database.query<{ action: string }>(`select action from audit_log where entity_id = $1 and action = 'training.institution.status'`, [mingdeId]);
    expect(audits.length).toBe(5);
  });
});

describe('refusals', () => {
  it("hides another institution's file from an institution (404), and refuses its writes", async () => {
    const other = inst['飞跃少儿体育俱乐部']!.institutionId;
    expect((await file(qiming, other)).status).toBe(404);
    expect((await call(w.app, qiming, 'POST', '/api/training/registry/venues', { institutionId: other, address: '别人家', areaSqm: 10, capacity: 5 })).status).toBe(404);
    const theirs = (await file(district, other)).body;
    expect((await call(w.app, qiming, 'PATCH', `/api/training/registry/staff/${theirs.staff[0].id}`, { name: '改名' })).status).toBe(404);
    expect((await call(w.app, qiming, 'POST', `/api/training/registry/courses/${theirs.courses[0].id}/submit`)).status).toBe(404);
    expect((await call(w.app, qiming, 'POST', '/api/training/registry/packages', { courseId: theirs.courses[0].id, name: 'x', lessons: 1, months: 1, priceFen: 100 })).status).toBe(400);
  });

  it('keeps another district out and refuses people without the permission', async () => {
    const id = inst['启明文化艺术培训学校']!.institutionId;
    expect((await file(otherAdmin, id)).status).toBe(404);
    expect((await call(w.app, otherAdmin, 'POST', `/api/training/registry/institutions/${id}/status`, { status: 'closed', reason: 'x' })).status).toBe(404);
    expect((await call(w.app, otherAdmin, 'GET', '/api/training/registry/queue')).body).toEqual([]);
    expect((await file(parent, id)).status).toBe(403);
    expect((await file(teacher, id)).status).toBe(403);
    expect((await call(w.app, parent, 'GET', '/api/training/registry/institutions')).status).toBe(403);
    expect((await call(w.app, qiming, 'POST', `/api/training/registry/institutions/${id}/status`, { status: 'closed', reason: '自己注销' })).status).toBe(403);
    expect((await call(w.app, qiming, 'GET', '/api/training/registry/queue')).status).toBe(403);
    expect((await call(w.app, inspector, 'PATCH', `/api/training/registry/institutions/${id}/profile`, { legalPerson: 'x' })).status).toBe(403);
  });
});
