import { createHash } from 'node:crypto';
import { PHONE_UNDERTAKING_DEFAULT } from '@shuangjian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let parent: string; // demo-parent, 张小明 (三年级(2)班)
let classTeacher: string; // demo-classteacher, 三年级(2)班
let teacher: string; // demo-teacher: teaches the class, not its class teacher
let principal: string;
let district: string;
let districtId: string;
let child: { id: string; classId: string };
let classmate: string;
let otherClass: string;
let requestId: string;

const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params) as Promise<[T, ...T[]]>;
const file = (body: Record<string, unknown> = {}) =>
  call(w.app, parent, 'POST', '/api/five-managements/phones/requests', { studentId: child.id, reason: '放学后独自乘公交回家，需要联系家长', undertaking: PHONE_UNDERTAKING_DEFAULT, ...body });
const figure = async (indicator: string, period: string) =>
  (await q<{ num: number; den: number }>(`select num::int, den::int from indicator_rollups where indicator = $1 and class_id = $2 and period = $3`, [indicator, child.classId, period]))[0] ?? { num: 0, den: 0 };

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true });
  [parent, classTeacher, teacher, principal, district] = (await Promise.all(['demo-parent', 'demo-classteacher', 'demo-teacher', 'demo-principal', 'demo-district'].map((u) => w.login(u)))) as [string, string, string, string, string];
  child = (await call(w.app, parent, 'GET', '/api/me')).body.children[0];
  districtId = (await q<{ id: string }>(`select id from districts where demo`))[0].id;
  classmate = (await q<{ id: string }>(`select id from students where class_id = $1 and id <> $2 order by student_no limit 1`, [child.classId, child.id]))[0].id;
  otherClass = (await q<{ id: string }>(`select c.id from classes c join schools s on s.id = c.school_id where s.code = 'CX02' limit 1`))[0].id;
}, 180_000);
afterAll(() => w.close());

describe('the rule page', () => {
  it('a parent reads the national rule and the class teacher’s hotline', async () => {
    const res = await call(w.app, parent, 'GET', `/api/five-managements/phones/family/${child.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ studentName: '张小明', rule: { rule: 'five-managements.phones', value: 'request', requestValidDays: 140, policyVersions: null }, latestValidUntil: '2027-04-15' });
    expect(res.body.rule.text).toContain('书面申请');
    expect(res.body.hotline).toMatchObject({ classId: child.classId, teacherName: '王芳' });
    expect(res.body.hotline.phone).toMatch(/^1\d{10}$/);
    expect((await call(w.app, parent, 'GET', `/api/five-managements/phones/family/${classmate}`)).status).toBe(404);
  });
  it('the class teacher changes the hotline; the school sees every class’s', async () => {
    const res = await call(w.app, classTeacher, 'PUT', `/api/five-managements/phones/classes/${child.classId}/hotline`, { phone: '13912345678' });
    expect(res.status).toBe(200);
    expect(res.body.phone).toBe('13912345678');
    expect((await call(w.app, classTeacher, 'PUT', `/api/five-managements/phones/classes/${child.classId}/hotline`, { phone: '12345' })).status).toBe(400);
    expect((await call(w.app, teacher, 'PUT', `/api/five-managements/phones/classes/${child.classId}/hotline`, { phone: '13912345679' })).status).toBe(403);
    const school = (await q<{ school_id: string }>(`select school_id from classes where id = $1`, [child.classId]))[0].school_id;
    const page = await call(w.app, principal, 'GET', `/api/five-managements/phones/schools/${school}/rule`);
    expect(page.status).toBe(200);
    expect(page.body.hotlines).toHaveLength(18);
    expect(page.body.hotlines.find((h: { classId: string }) => h.classId === child.classId).phone).toBe('13912345678');
    const other = (await q<{ school_id: string }>(`select school_id from classes where id = $1`, [otherClass]))[0].school_id;
    expect((await call(w.app, principal, 'GET', `/api/five-managements/phones/schools/${other}/rule`)).status).toBe(404);
  });
});

describe('a written request', () => {
  it('is filed with its undertaking hashed, the class teacher told; a second is refused', async () => {
    for (const bad of [{ reason: '' }, { validUntil: '2026-11-26' }, { validUntil: '2027-04-16' }, { undertaking: '' }]) {
      const res = await file(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const res = await file({ validUntil: '2027-01-22' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'pending', validUntil: '2027-01-22', undertakingHash: createHash('sha256').update(PHONE_UNDERTAKING_DEFAULT).digest('hex'), studentName: '张小明' });
    requestId = res.body.id;
    const told = await q<{ n: number }>(`select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.username = 'demo-classteacher' and n.kind = 'five-managements.phones.request'`);
    expect(told[0].n).toBe(1);
    expect((await file()).status).toBe(409);
    expect((await call(w.app, parent, 'POST', '/api/five-managements/phones/requests', { studentId: classmate, reason: '接送', undertaking: '承诺' })).status).toBe(404);
  });

  it('only the class teacher decides; a rejection needs a note; approval tells the family and moves the figure', async () => {
    const url = `/api/five-managements/phones/requests/${requestId}/decision`;
    expect((await call(w.app, teacher, 'POST', url, { approve: true })).status).toBe(403);
    expect((await call(w.app, parent, 'POST', url, { approve: true })).status).toBe(403);
    expect((await call(w.app, classTeacher, 'POST', url, { approve: false })).status).toBe(400);
    const register = await call(w.app, classTeacher, 'GET', `/api/five-managements/phones/classes/${child.classId}/register`);
    expect(register.body.pending.some((p: { id: string }) => p.id === requestId)).toBe(true);
    const semester = (await q<{ id: string }>(`select id from semesters where district_id = $1 and start_date <= '2026-11-26' and end_date >= '2026-11-26'`, [districtId]))[0].id;
    const before = await figure('five-managements.phones.approved', `semester:${semester}`);
    const res = await call(w.app, classTeacher, 'POST', url, { approve: true, note: '同意，进校交班主任保管' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', decidedByName: '王芳', decisionNote: '同意，进校交班主任保管' });
    expect(await figure('five-managements.phones.approved', `semester:${semester}`)).toEqual({ num: before.num + 1, den: before.den + 1 });
    expect((await call(w.app, classTeacher, 'POST', url, { approve: false, note: '不同意' })).status).toBe(409);
    const told = await q<{ n: number }>(`select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.username = 'demo-parent' and n.kind = 'five-managements.phones.decision'`);
    expect(told[0].n).toBe(1);
  });

  it('the register marks today’s hand-in and return (统一保管); bad marks and days are refused', async () => {
    const url = `/api/five-managements/phones/classes/${child.classId}/marks`;
    const ok = await call(w.app, classTeacher, 'PUT', url, { date: '2026-11-26', marks: [{ requestId, handedIn: true, returned: false }] });
    expect(ok.status).toBe(200);
    const row = ok.body.register.find((r: { requestId: string }) => r.requestId === requestId);
    expect(row).toMatchObject({ studentName: '张小明', handedIn: true, returned: false });
    expect(ok.body.kept).toBeGreaterThanOrEqual(1);
    const kept = await figure('five-managements.phones.kept', 'day:2026-11-26');
    expect(kept.num).toBe(ok.body.kept);
    expect(kept.den).toBe(ok.body.register.length);
    expect((await call(w.app, classTeacher, 'PUT', url, { date: '2026-11-27', marks: [{ requestId, handedIn: true, returned: false }] })).status).toBe(400);
    expect((await call(w.app, classTeacher, 'PUT', url, { date: '2026-11-26', marks: [{ requestId, handedIn: false, returned: true }] })).status).toBe(400);
    expect((await call(w.app, teacher, 'PUT', url, { date: '2026-11-26', marks: [{ requestId, handedIn: true, returned: true }] })).status).toBe(403);
    expect((await call(w.app, classTeacher, 'PUT', `/api/five-managements/phones/classes/${otherClass}/marks`, { date: '2026-11-26', marks: [{ requestId, handedIn: true, returned: false }] })).status).toBe(404);
  });

  it('an approval is revoked with a reason; the parent withdraws a new pending one', async () => {
    expect((await call(w.app, classTeacher, 'POST', `/api/five-managements/phones/requests/${requestId}/revoke`, { reason: '' })).status).toBe(400);
    const revoked = await call(w.app, classTeacher, 'POST', `/api/five-managements/phones/requests/${requestId}/revoke`, { reason: '课间多次使用手机' });
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: '课间多次使用手机' });
    expect((await call(w.app, classTeacher, 'POST', `/api/five-managements/phones/requests/${requestId}/revoke`, { reason: '再次' })).status).toBe(409);
    const again = await file();
    expect(again.status).toBe(200);
    const withdrawn = await call(w.app, parent, 'POST', `/api/five-managements/phones/requests/${again.body.id}/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await call(w.app, parent, 'POST', `/api/five-managements/phones/requests/${again.body.id}/withdraw`)).status).toBe(409);
    const page = await call(w.app, parent, 'GET', `/api/five-managements/phones/family/${child.id}`);
    expect(page.body.requests.map((r: { status: string }) => r.status).sort()).toEqual(['revoked', 'withdrawn']);
  });

  it('under the district’s ban (seed 004) a request is refused citing the rule', async () => {
    const set = await call(w.app, district, 'POST', '/api/policies/five-managements.phones', { value: { rule: 'ban', requestValidDays: 140 }, effectiveFrom: '2026-11-26', reason: '禁止学生手机入校' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const res = await file();
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('禁止学生手机入校');
    expect(res.body.details).toMatchObject({ rule: 'five-managements.phones', value: 'ban' });
    expect(res.body.details.policyVersions).toMatch(/^five-managements\.phones@/);
    const page = await call(w.app, parent, 'GET', `/api/five-managements/phones/family/${child.id}`);
    expect(page.body.rule).toMatchObject({ value: 'ban' });
    expect(page.body.rule.text).toContain('班主任沟通热线');
  });
});
