import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let sy01: { id: string; zoneId: string };
let demoClass: { id: string; name: string };
let child: { id: string; name: string };
beforeAll(async () => {
  w = await createWorld();
  const principal = await w.login('demo-principal');
  sy01 = (await call(w.app, principal, 'GET', '/api/schools')).body[0];
  const me = await call(w.app, await w.login('demo-parent'), 'GET', '/api/me');
  child = me.body.children[0];
  demoClass = { id: me.body.children[0].classId, name: me.body.children[0].className };
});
afterAll(() => w.close());

describe('what each role sees', () => {
  it('the district admin sees the whole district', async () => {
    const o = await call(w.app, await w.login('demo-district'), 'GET', '/api/org/overview');
    expect(o.body).toMatchObject({ zones: 2, schools: 4, institutions: 5 });
    expect(o.body.students).toBeGreaterThan(2000);
  });

  it('a zone inspector sees the schools of the zone only', async () => {
    const schools = await call(w.app, await w.login('zone-inspector'), 'GET', '/api/schools');
    expect(schools.body.map((s: { code: string }) => s.code).sort()).toEqual(['CX02', 'JN01']);
  });

  it('a principal sees one school; a class teacher one class; a grade leader the classes of the grade', async () => {
    expect((await call(w.app, await w.login('demo-principal'), 'GET', '/api/classes')).body).toHaveLength(18);
    const ct = await call(w.app, await w.login('demo-classteacher'), 'GET', '/api/classes');
    expect(ct.body.map((c: { id: string }) => c.id)).toEqual([demoClass.id]);
    const gl = await call(w.app, await w.login('demo-gradeleader'), 'GET', '/api/classes');
    expect(gl.body).toHaveLength(3);
    expect(gl.body.every((c: { grade: number }) => c.grade === 3)).toBe(true);
  });

  it('a teacher sees the students of the classes taught', async () => {
    const list = await call(w.app, await w.login('demo-teacher'), 'GET', '/api/students?pageSize=500');
    expect(list.body.total).toBe(120); // 数学 in the three grade-3 classes
  });

  it('a parent sees their own child and nobody else', async () => {
    const parent = await w.login('demo-parent');
    const list = await call(w.app, parent, 'GET', '/api/students?pageSize=500');
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([child.id]);
    const classmates = await call(w.app, await w.login('demo-classteacher'), 'GET', `/api/students?classId=${demoClass.id}&pageSize=50`);
    const classmate = classmates.body.items.find((s: { id: string }) => s.id !== child.id);
    expect((await call(w.app, parent, 'GET', `/api/students/${classmate.id}`)).status).toBe(404);
    expect((await call(w.app, parent, 'GET', `/api/students/${child.id}`)).body.name).toBe('张小明');
  });

  it('an institution admin sees their institution and no school', async () => {
    const inst = await w.login('demo-institution');
    expect((await call(w.app, inst, 'GET', '/api/institutions')).body).toHaveLength(1);
    expect((await call(w.app, inst, 'GET', '/api/schools')).body).toEqual([]);
    expect((await call(w.app, inst, 'GET', '/api/students')).body.total).toBe(0);
  });

  it('the auditor reads the audit log and nothing else', async () => {
    const auditor = await w.login('demo-auditor');
    expect((await call(w.app, auditor, 'GET', '/api/students')).body.total).toBe(0);
    expect((await call(w.app, auditor, 'POST', '/api/zones', { name: '新街道', kind: 'street' })).status).toBe(403);
    expect((await call(w.app, auditor, 'GET', '/api/audit')).status).toBe(200);
  });
});

describe('sensitive student data', () => {
  it('is set by the class teacher and shown only to roles that care for the child', async () => {
    const ct = await w.login('demo-classteacher');
    const set = await call(w.app, ct, 'PUT', `/api/students/${child.id}/sensitive`, {
      leftBehind: true,
      singleParent: false,
      hardship: true,
      disability: false,
      note: '父母在外地务工，由祖母照看',
    });
    expect(set.status).toBe(200);
    expect(set.body.sensitive).toMatchObject({ leftBehind: true, hardship: true });
    for (const user of ['demo-principal', 'demo-district', 'demo-classteacher'])
      expect((await call(w.app, await w.login(user), 'GET', `/api/students/${child.id}`)).body.sensitive.leftBehind).toBe(true);
    for (const user of ['demo-teacher', 'demo-parent', 'demo-gradeleader', 'demo-inspector']) {
      const r = await call(w.app, await w.login(user), 'GET', `/api/students/${child.id}`);
      expect(r.status).toBe(200);
      expect(r.body.sensitive).toBeNull();
      expect(JSON.stringify(r.body)).not.toContain('务工');
    }
  });

  it('cannot be set by a subject teacher', async () => {
    const r = await call(w.app, await w.login('demo-teacher'), 'PUT', `/api/students/${child.id}/sensitive`, {
      leftBehind: false,
      singleParent: false,
      hardship: false,
      disability: false,
    });
    expect(r.status).toBe(403);
  });

  it('is masked in the audit log', async () => {
    const log = await call(w.app, await w.login('demo-auditor'), 'GET', `/api/audit?entityId=${child.id}&action=student.sensitive`);
    expect(log.body.items[0].after).toMatchObject({ leftBehind: '***', note: '***' });
    expect(JSON.stringify(log.body)).not.toContain('务工');
  });
});

describe("guardians' phone numbers", () => {
  const MASKED = /^1[3-9]\d\*{4}\d{4}$/;
  const FULL = /^1[3-9]\d{9}$/;
  it('are shown in full to the class teacher and the school administrator, masked to every other role', async () => {
    const phonesAs = async (user: string) =>
      ((await call(w.app, await w.login(user), 'GET', `/api/students/${child.id}`)).body.guardians as { phone: string }[]).map((g) => g.phone);
    for (const user of ['demo-classteacher', 'demo-principal']) expect(await phonesAs(user)).toEqual([expect.stringMatching(FULL), expect.stringMatching(FULL)]);
    for (const user of ['demo-teacher', 'demo-gradeleader', 'demo-district'])
      expect(await phonesAs(user)).toEqual([expect.stringMatching(MASKED), expect.stringMatching(MASKED)]);
    // a parent sees their own number and the other guardian's masked
    const own = await phonesAs('demo-parent');
    expect(own.filter((p) => FULL.test(p))).toHaveLength(1);
    expect(own.filter((p) => MASKED.test(p))).toHaveLength(1);
  });

  it('are masked in the staff list for those who do not manage accounts', async () => {
    const principal = await w.login('demo-principal');
    const created = await call(w.app, principal, 'POST', '/api/staff', {
      username: 'phone-staff',
      name: '有手机的老师',
      phone: '13733334444',
      assignments: [{ role: 'grade_leader', schoolId: sy01.id, grade: 3 }],
    });
    expect(created.status).toBe(200);
    const asGradeLeader = (await call(w.app, await w.login('demo-gradeleader'), 'GET', '/api/staff?pageSize=200')).body.items as { phone: string | null; username: string }[];
    const withPhone = asGradeLeader.filter((s) => s.phone && s.username !== 'demo-gradeleader');
    expect(withPhone.length).toBeGreaterThan(0);
    expect(withPhone.every((s) => MASKED.test(s.phone!))).toBe(true);
    const asPrincipal = (await call(w.app, await w.login('demo-principal'), 'GET', '/api/staff?pageSize=200')).body.items as { phone: string | null }[];
    expect(asPrincipal.filter((s) => s.phone).every((s) => FULL.test(s.phone!))).toBe(true);
  });
});

describe('organisation admin', () => {
  it('creates a zone, a school with its grades, a class and a student, each audited', async () => {
    const admin = await w.login('demo-district');
    const zone = await call(w.app, admin, 'POST', '/api/zones', { name: '高新区学区', kind: 'zone' });
    expect(zone.status).toBe(200);
    const school = await call(w.app, admin, 'POST', '/api/schools', { zoneId: zone.body.id, code: 'GX01', name: '高新区小学', type: 'primary' });
    expect(school.status).toBe(200);
    expect(school.body.grades).toEqual([1, 2, 3, 4, 5, 6]);
    const noGrade = await call(w.app, admin, 'POST', '/api/classes', { schoolId: school.body.id, grade: 8, name: '八年级(1)班', entryYear: 2025 });
    expect(noGrade.status).toBe(400);
    expect(noGrade.body.message).toContain('年级');
    const cls = await call(w.app, admin, 'POST', '/api/classes', { schoolId: school.body.id, grade: 1, name: '一年级(1)班', entryYear: 2026 });
    expect(cls.status).toBe(200);
    const dup = await call(w.app, admin, 'POST', '/api/classes', { schoolId: school.body.id, grade: 1, name: '一年级(1)班', entryYear: 2026 });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('该年级已有同名班级');
    const student = await call(w.app, admin, 'POST', '/api/students', {
      classId: cls.body.id,
      studentNo: 'GX0120260101',
      name: '李小花',
      gender: 'F',
      birthDate: '2020-03-01',
    });
    expect(student.status).toBe(200);
    const guardian = await call(w.app, admin, 'POST', `/api/students/${student.body.id}/guardians`, { name: '李大山', phone: '13511112222', relation: '父亲' });
    expect(guardian.body.guardians).toHaveLength(1);
    const account = await call(w.app, admin, 'POST', `/api/students/${student.body.id}/guardians/${guardian.body.guardians[0].id}/account`);
    expect(account.body.username).toBe('13511112222');
    const parentLogin = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '13511112222', password: account.body.initialPassword } });
    expect(parentLogin.json()).toEqual({ mustChangePassword: true, secondFactor: 'none' });
    const log = await call(w.app, await w.login('demo-auditor'), 'GET', `/api/audit?entityId=${student.body.id}`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['student.create', 'guardian.link']));
    expect(JSON.stringify(log.body)).toContain('135****2222');
    expect(JSON.stringify(log.body)).not.toContain('13511112222');
  });

  it('refuses bad input with a field-naming Chinese message and writes nothing', async () => {
    const admin = await w.login('demo-principal');
    const bad = await call(w.app, admin, 'POST', '/api/students', { classId: demoClass.id, studentNo: '1', name: '', gender: 'X', birthDate: '2020-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');
    const fields = bad.body.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['studentNo', 'name', 'gender', 'birthDate']));
    expect(bad.body.message).toMatch(/（studentNo）/);
    const unknownClass = await call(w.app, admin, 'POST', '/api/students', {
      classId: '00000000-0000-4000-8000-000000000000',
      studentNo: 'ZZ000001',
      name: '某某',
      gender: 'M',
      birthDate: '2018-01-01',
    });
    expect(unknownClass.status).toBe(404);
    expect((await call(w.app, admin, 'GET', '/api/students?q=ZZ000001')).body.total).toBe(0);
  });

  it('a principal may not touch another school', async () => {
    const other = (await call(w.app, await w.login('demo-district'), 'GET', '/api/schools')).body.find((s: { code: string }) => s.code === 'CX02');
    const r = await call(w.app, await w.login('demo-principal'), 'POST', '/api/classes', { schoolId: other.id, grade: 1, name: '一年级(9)班', entryYear: 2026 });
    expect(r.status).toBe(404);
  });

  it('transfers a student between classes of the school', async () => {
    const principal = await w.login('demo-principal');
    const classes = (await call(w.app, principal, 'GET', '/api/classes?grade=3')).body;
    const target = classes.find((c: { id: string }) => c.id !== demoClass.id);
    const moved = await call(w.app, principal, 'PATCH', `/api/students/${child.id}`, { classId: target.id });
    expect(moved.body.classId).toBe(target.id);
    // the class teacher of the old class no longer sees the child; the parent still does
    expect((await call(w.app, await w.login('demo-classteacher'), 'GET', `/api/students/${child.id}`)).status).toBe(404);
    await call(w.app, principal, 'PATCH', `/api/students/${child.id}`, { classId: demoClass.id });
  });
});

describe('staff and roles', () => {
  it('a principal appoints a teacher in their school but no district role', async () => {
    const principal = await w.login('demo-principal');
    const subjects = (await call(w.app, principal, 'GET', '/api/subjects')).body;
    const english = subjects.find((s: { code: string }) => s.code === 'english');
    const created = await call(w.app, principal, 'POST', '/api/staff', {
      username: 'sy01-new',
      name: '赵老师',
      phone: '13600001111',
      assignments: [{ role: 'teacher', classId: demoClass.id, subjectId: english.id }],
    });
    expect(created.status).toBe(200);
    expect(created.body.credential.initialPassword).toMatch(/^Sj/);
    expect(created.body.staff.assignments[0]).toMatchObject({ role: 'teacher', className: demoClass.name, subjectName: '英语' });
    const refused = await call(w.app, principal, 'POST', '/api/staff', { username: 'sy01-boss', name: '钱局长', assignments: [{ role: 'district_admin' }] });
    expect(refused.status).toBe(403);
    const missing = await call(w.app, principal, 'POST', '/api/staff', { username: 'sy01-x', name: '孙老师', assignments: [{ role: 'teacher', classId: demoClass.id }] });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('学科');
  });

  it('keeps the auditor apart from every other role (三员分立)', async () => {
    const admin = await w.login('demo-district');
    const both = await call(w.app, admin, 'POST', '/api/staff', { username: 'dual', name: '兼职', assignments: [{ role: 'auditor' }, { role: 'district_admin' }] });
    expect(both.status).toBe(400);
    expect(both.body.message).toContain('三员分立');
    const staff = await call(w.app, admin, 'GET', '/api/staff?role=auditor');
    const auditor = staff.body.items[0];
    const add = await call(w.app, admin, 'POST', `/api/staff/${auditor.id}/assignments`, { role: 'district_admin' });
    expect(add.status).toBe(400);
  });

  it('picks up a new role on the next request, without signing in again', async () => {
    const admin = await w.login('demo-district');
    const teacher = await w.login('demo-teacher');
    const staff = await call(w.app, admin, 'GET', '/api/staff?q=demo-teacher');
    const id = staff.body.items[0].id;
    const before = await call(w.app, teacher, 'GET', '/api/me');
    expect(before.body.roles).toEqual(['teacher']);
    await call(w.app, admin, 'POST', `/api/staff/${id}/assignments`, { role: 'grade_leader', schoolId: sy01.id, grade: 4 });
    const after = await call(w.app, teacher, 'GET', '/api/me');
    expect(after.body.roles.sort()).toEqual(['grade_leader', 'teacher']);
    const assignment = after.body.roles && (await call(w.app, admin, 'GET', `/api/staff/${id}`)).body.assignments.find((a: { role: string }) => a.role === 'grade_leader');
    await call(w.app, admin, 'DELETE', `/api/staff/${id}/assignments/${assignment.id}`);
    expect((await call(w.app, teacher, 'GET', '/api/me')).body.roles).toEqual(['teacher']);
  });

  it('resets a password (must change at next sign-in) and unlocks', async () => {
    const admin = await w.login('demo-principal');
    const staff = await call(w.app, admin, 'GET', '/api/staff?q=sy01-t002');
    const id = staff.body.items[0].id;
    for (let i = 0; i < 5; i++) await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sy01-t002', password: 'Wrong#pass1' } });
    expect((await call(w.app, admin, 'GET', `/api/staff/${id}`)).body.locked).toBe(true);
    expect((await call(w.app, admin, 'POST', `/api/staff/${id}/unlock`)).body.locked).toBe(false);
    const reset = await call(w.app, admin, 'POST', `/api/staff/${id}/reset-password`);
    const login = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sy01-t002', password: reset.body.initialPassword } });
    expect(login.json()).toEqual({ mustChangePassword: true, secondFactor: 'none' });
  });

  it('disabling an account ends its sessions', async () => {
    const admin = await w.login('demo-district');
    const cookie = await w.login('sy01-t003');
    const id = (await call(w.app, admin, 'GET', '/api/staff?q=sy01-t003')).body.items[0].id;
    expect((await call(w.app, admin, 'PATCH', `/api/staff/${id}`, { status: 'disabled' })).status).toBe(200);
    expect((await call(w.app, cookie, 'GET', '/api/me')).status).toBe(401);
    const again = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sy01-t003', password: 'Demo#2026' } });
    expect(again.json().code).toBe('ACCOUNT_DISABLED');
  });
});

describe('parent accounts', () => {
  it('are not managed as staff, and a school resets a parent password through the child', async () => {
    const admin = await w.login('demo-district');
    const parentMe = (await call(w.app, await w.login('demo-parent'), 'GET', '/api/me')).body;
    // staff routes answer 404 for a parent, and write nothing
    expect((await call(w.app, admin, 'POST', `/api/staff/${parentMe.user.id}/unlock`)).status).toBe(404);
    expect((await call(w.app, admin, 'PATCH', `/api/staff/${parentMe.user.id}`, { status: 'disabled' })).status).toBe(404);
    const principal = await w.login('demo-principal');
    const detail = (await call(w.app, principal, 'GET', `/api/students/${child.id}`)).body;
    const guardian = detail.guardians.find((g: { hasAccount: boolean }) => g.hasAccount);
    const reset = await call(w.app, principal, 'POST', `/api/students/${child.id}/guardians/${guardian.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect(reset.body.username).toBe('demo-parent');
    const login = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-parent', password: reset.body.initialPassword } });
    expect(login.json()).toEqual({ mustChangePassword: true, secondFactor: 'none' });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await call(w.app, cookie, 'POST', '/api/auth/password', { currentPassword: reset.body.initialPassword, newPassword: 'Zhang#Mima2026' })).status).toBe(200);
    const otherSchool = await w.login('cx02-t001');
    expect((await call(w.app, otherSchool, 'POST', `/api/students/${child.id}/guardians/${guardian.id}/reset-password`)).status).toBe(404);
  });

  it('the public pages know the districts', async () => {
    const r = await call(w.app, null, 'GET', '/api/public/districts');
    expect(r.body).toEqual(expect.arrayContaining([{ code: 'demo', name: '示范区' }]));
  });
});

describe('institutions', () => {
  it('publishes the white and black lists without sign-in', async () => {
    const r = await call(w.app, null, 'GET', '/api/public/districts/demo/institutions');
    expect(r.status).toBe(200);
    expect(r.body.filter((i: { listStatus: string }) => i.listStatus === 'white')).toHaveLength(3);
    expect(r.body.filter((i: { listStatus: string }) => i.listStatus === 'black')).toHaveLength(1);
    expect((await call(w.app, null, 'GET', '/api/public/districts/nowhere/institutions')).status).toBe(404);
  });

  it('the district registers and blacklists an institution', async () => {
    const admin = await w.login('demo-district');
    const zones = (await call(w.app, admin, 'GET', '/api/zones')).body;
    const created = await call(w.app, admin, 'POST', '/api/institutions', {
      zoneId: zones[0].id,
      name: '新星舞蹈培训',
      licenseNo: '教民140105700099号',
      category: 'non_subject',
      field: '文化艺术',
    });
    expect(created.status).toBe(200);
    const black = await call(w.app, admin, 'PATCH', `/api/institutions/${created.body.id}`, { listStatus: 'black', status: 'suspended' });
    expect(black.body).toMatchObject({ listStatus: 'black', status: 'suspended' });
  });
});
