/**
 * 综合素质评价: the class teacher's class view and completion list, entries by a teacher of the class, one entry for
 * the whole class, the labour grid, corrections and deletions (audited), comments, the family's summary, the
 * growthComplete indicator kept on every change, and the refusals (rule-cited, other school, other district, other
 * child, bad input). No answer carries a rank.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let d: string;
let classId: string; // demo-classteacher's class, SY01 grade 3
let semester: string;
let child: { id: string }; // 张小明
let pupils: { studentId: string; name: string; complete: boolean; missingComment: boolean; missingDimensions: string[] }[];
let otherSchoolTeacher: string;
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);
const as = async (user: string, method: string, url: string, body?: unknown) => call(w.app, await w.login(user), method, url, body);
const indicator = async () =>
  (await q<{ num: number; den: number }>(`select num::int, den::int from indicator_rollups where district_id = $1 and indicator = 'exams.growth.complete' and class_id = $2 and period = $3`, [d, classId, `semester:${semester}`]))[0];
const entry = (over: Record<string, unknown> = {}) => ({ studentId: pupils[5]!.studentId, dimension: 'intellect', kind: 'activity', date: '2026-11-20', title: '数学游戏闯关', ...over });

beforeAll(async () => {
  w = await createWorld({ homework: true, afterSchool: true, training: true, managements: true });
  [{ id: d }] = (await q<{ id: string }>(`select id from districts where code = 'demo'`)) as [{ id: string }];
  [{ id: semester }] = (await q<{ id: string }>(`select id from semesters where district_id = $1 and start_date = '2026-09-01'`, [d])) as [{ id: string }];
  [{ class_id: classId }] = (await q<{ class_id: string }>(
    `select ra.class_id from role_assignments ra join users u on u.district_id = ra.district_id and u.id = ra.user_id where u.username = 'demo-classteacher' and ra.role = 'class_teacher'`,
  )) as [{ class_id: string }];
  child = (await as('demo-parent', 'GET', '/api/me')).body.children[0];
  [{ username: otherSchoolTeacher }] = (await q<{ username: string }>(
    `select u.username from users u join role_assignments ra on ra.district_id = u.district_id and ra.user_id = u.id join schools s on s.district_id = ra.district_id and s.id = ra.school_id
      where s.district_id = $1 and s.code = 'CX02' and ra.role = 'class_teacher' order by u.username limit 1`,
    [d],
  )) as [{ username: string }];
}, 300_000);
afterAll(() => w.close());

describe('the class view', () => {
  it('lists the pupils by student number with what each lacks, skills, the grade-3 labour list, and no rank', async () => {
    const res = await as('demo-classteacher', 'GET', `/api/exams/growth/classes/${classId}`);
    expect(res.status).toBe(200);
    const v = res.body;
    expect(v.semester.id).toBe(semester);
    expect(v.canBulk).toBe(true);
    expect(v.targets).toEqual({ sports: 2, art: 1 });
    expect(v.labourTasks.map((t: { code: string }) => t.code)).toEqual(['L02', 'L03', 'L04', 'L05']);
    expect(v.total).toBe(40);
    const nos = v.pupils.map((p: { studentNo: string }) => p.studentNo);
    expect(nos).toEqual([...nos].sort());
    expect(v.complete).toBeGreaterThan(20);
    expect(v.complete).toBeLessThan(40);
    expect(JSON.stringify(v)).not.toMatch(/rank|position|score/i);
    pupils = v.pupils;
    // the indicator agrees with the list (written by the demo, set-based)
    expect(await indicator()).toEqual({ num: v.complete, den: 40 });
    const incomplete = v.pupils.find((p: { complete: boolean }) => !p.complete);
    expect(incomplete.missingComment || incomplete.missingDimensions.length > 0).toBe(true);
  });

  it('lists the classes a person reaches with their figure: the principal every class of the school', async () => {
    const mine = (await as('demo-classteacher', 'GET', '/api/exams/growth/classes')).body;
    expect(mine.classes.map((c: { id: string }) => c.id)).toEqual([classId]);
    expect(mine.classes[0]).toMatchObject({ total: 40 });
    const school = (await as('demo-principal', 'GET', '/api/exams/growth/classes')).body;
    expect(school.classes.length).toBe(18);
    expect((await as('demo-principal', 'GET', `/api/exams/growth/classes/${classId}`)).body.canBulk).toBe(true);
    expect((await as('demo-teacher', 'GET', `/api/exams/growth/classes/${classId}`)).body.canBulk).toBe(false);
  });

  it('hides the class from another school, another district and a family (same 404 / 403)', async () => {
    expect((await as(otherSchoolTeacher, 'GET', `/api/exams/growth/classes/${classId}`)).status).toBe(404);
    expect((await as('other-teacher', 'GET', `/api/exams/growth/classes/${classId}`)).status).toBe(404);
    expect((await as('demo-classteacher', 'GET', `/api/exams/growth/classes/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await as('demo-parent', 'GET', `/api/exams/growth/classes/${classId}`)).status).toBe(403);
    expect((await as('demo-classteacher', 'GET', `/api/exams/growth/classes/${classId}?semesterId=${crypto.randomUUID()}`)).status).toBe(404);
  });
});

describe('entries', () => {
  let mathEntry: string;
  it('a teacher of the class records for a pupil; the audit log keeps it', async () => {
    const res = await as('demo-teacher', 'POST', '/api/exams/growth/entries', entry());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dimension: 'intellect', kind: 'activity', title: '数学游戏闯关', recordedByName: '李强', editable: true, semesterId: semester });
    mathEntry = res.body.id;
    const [log] = await q<{ after: { title: string } }>(`select after from audit_log where action = 'exams.growth.record' and entity_id = $1`, [mathEntry]);
    expect(log!.after.title).toBe('数学游戏闯关');
  });

  it('a labour task takes the list name for the grade; off the list it is refused citing exams.growth', async () => {
    const ok = await as('demo-teacher', 'POST', '/api/exams/growth/entries', entry({ dimension: 'labour', kind: 'labour', labourCode: 'L05', title: undefined, studentId: pupils[6]!.studentId }));
    if (ok.status !== 200) expect(ok.body.message).toContain('已记录过');
    else expect(ok.body.title).toBe('种植一种植物并记录生长');
    const off = await as('demo-teacher', 'POST', '/api/exams/growth/entries', entry({ dimension: 'labour', kind: 'labour', labourCode: 'L06' }));
    expect(off.status).toBe(422);
    expect(off.body.code).toBe('RULE_VIOLATION');
    expect(off.body.message).toContain('exams.growth');
    expect(off.body.message).toContain('L02 洗红领巾');
    expect(off.body.details).toMatchObject({ rule: 'exams.growth.labourList', policy: 'exams.growth', version: null, fields: [{ field: 'labourCode' }] });
    expect((await as('demo-teacher', 'POST', '/api/exams/growth/entries', entry({ dimension: 'labour', kind: 'labour' }))).body.details.rule).toBe('exams.growth.labourList');
  });

  it('refuses a skill in the wrong dimension, a date outside the semester or in the future, and bad input', async () => {
    const wrong = await as('demo-teacher', 'POST', '/api/exams/growth/entries', entry({ kind: 'sports_skill', dimension: 'moral', title: '跳绳' }));
    expect(wrong.status).toBe(422);
    expect(wrong.body.details).toMatchObject({ rule: 'exams.growth.kindDimension', fields: [{ field: 'dimension' }] });
    expect((await as('demo-teacher', 'POST', '/api/exams/growth/entries', entry({ date: '2026-11-27' }))).body.details.rule).toBe('exams.growth.date');
    expect((await as('demo-teacher', 'POST', '/api/exams/growth/entries', entry({ date: '2026-08-31' }))).status).toBe(422);
    expect((await as('demo-teacher', 'POST', '/api/exams/growth/entries', entry({ title: undefined }))).status).toBe(400);
    expect((await as('demo-teacher', 'POST', '/api/exams/growth/entries', entry({ dimension: 'rank' }))).status).toBe(400);
    expect((await as('demo-teacher', 'POST', '/api/exams/growth/entries', entry({ title: 'x'.repeat(61) }))).status).toBe(400);
    expect((await as('demo-teacher', 'POST', '/api/exams/growth/entries', entry({ labourCode: 'L03' }))).body.details.rule).toBe('exams.growth.labourOnly');
  });

  it('refuses a pupil of another school, another district, and a family', async () => {
    expect((await as(otherSchoolTeacher, 'POST', '/api/exams/growth/entries', entry())).status).toBe(404);
    expect((await as('other-teacher', 'POST', '/api/exams/growth/entries', entry())).status).toBe(404);
    expect((await as('demo-parent', 'POST', '/api/exams/growth/entries', entry({ studentId: child.id }))).status).toBe(403);
  });

  it('is corrected by its author or the class teacher, not by another teacher; a deletion keeps its audit entry', async () => {
    const fixed = await as('demo-teacher', 'PUT', `/api/exams/growth/entries/${mathEntry}`, { dimension: 'intellect', kind: 'award', date: '2026-11-21', title: '数学小达人' });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ kind: 'award', title: '数学小达人' });
    expect((await as('demo-classteacher', 'PUT', `/api/exams/growth/entries/${mathEntry}`, { dimension: 'intellect', kind: 'award', date: '2026-11-21', title: '数学之星' })).status).toBe(200);
    const mine = (await as('demo-classteacher', 'POST', '/api/exams/growth/entries', entry({ title: '语文朗诵' }))).body;
    expect((await as('demo-teacher', 'PUT', `/api/exams/growth/entries/${mine.id}`, { dimension: 'intellect', kind: 'activity', date: '2026-11-21', title: '改' })).status).toBe(403);
    expect((await as('demo-teacher', 'DELETE', `/api/exams/growth/entries/${mine.id}`)).status).toBe(403);
    expect((await as(otherSchoolTeacher, 'DELETE', `/api/exams/growth/entries/${mine.id}`)).status).toBe(404);
    expect((await as('demo-classteacher', 'DELETE', `/api/exams/growth/entries/${mathEntry}`)).status).toBe(200);
    const [log] = await q<{ before: { title: string } }>(`select before from audit_log where action = 'exams.growth.delete' and entity_id = $1`, [mathEntry]);
    expect(log!.before.title).toBe('数学之星');
    expect((await as('demo-classteacher', 'DELETE', `/api/exams/growth/entries/${mathEntry}`)).status).toBe(404);
  });
});

describe('bulk and the labour grid', () => {
  it('the class teacher records one class activity for the whole class in one request', async () => {
    const ids = pupils.map((p) => p.studentId);
    const res = await as('demo-classteacher', 'POST', `/api/exams/growth/classes/${classId}/bulk`, { studentIds: ids, dimension: 'moral', kind: 'activity', date: '2026-11-25', title: '感恩节主题班会' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 40, skipped: 0 });
    const [{ n }] = (await q<{ n: number }>(`select count(distinct batch_id)::int as n from growth_entries where district_id = $1 and class_id = $2 and title = '感恩节主题班会'`, [d, classId])) as [{ n: number }];
    expect(n).toBe(1);
    expect((await q(`select 1 from audit_log where action = 'exams.growth.bulk'`)).length).toBe(1);
  });

  it('refuses bulk from a subject teacher, a pupil of another class, and a rule breach', async () => {
    const body = { studentIds: [pupils[0]!.studentId], dimension: 'moral', kind: 'activity', date: '2026-11-25', title: '班会' };
    expect((await as('demo-teacher', 'POST', `/api/exams/growth/classes/${classId}/bulk`, body)).status).toBe(403);
    const [other] = await q<{ id: string }>(`select id from students where district_id = $1 and class_id <> $2 limit 1`, [d, classId]);
    expect((await as('demo-classteacher', 'POST', `/api/exams/growth/classes/${classId}/bulk`, { ...body, studentIds: [other!.id] })).status).toBe(404);
    expect((await as('demo-classteacher', 'POST', `/api/exams/growth/classes/${classId}/bulk`, { ...body, studentIds: [] })).status).toBe(400);
    const labour = await as('demo-classteacher', 'POST', `/api/exams/growth/classes/${classId}/bulk`, { ...body, dimension: 'labour', kind: 'labour', labourCode: 'L07', title: undefined });
    expect(labour.status).toBe(422);
    expect((await as('other-teacher', 'POST', `/api/exams/growth/classes/${classId}/bulk`, body)).status).toBe(404);
  });

  it('ticks and clears labour-list tasks per pupil; a tick already there is kept once', async () => {
    const [a, b] = [pupils[1]!.studentId, pupils[2]!.studentId];
    await q(`delete from growth_entries where district_id = $1 and student_id in ($2, $3) and labour_code = 'L05'`, [d, a, b]);
    const res = await as('demo-classteacher', 'PUT', `/api/exams/growth/classes/${classId}/labour`, {
      date: '2026-11-24',
      ticks: [{ studentId: a, code: 'L05', done: true }, { studentId: b, code: 'L05', done: true }],
    });
    expect(res.body).toEqual({ ticked: 2, cleared: 0 });
    const again = await as('demo-classteacher', 'PUT', `/api/exams/growth/classes/${classId}/labour`, {
      date: '2026-11-24',
      ticks: [{ studentId: a, code: 'L05', done: true }, { studentId: b, code: 'L05', done: false }],
    });
    expect(again.body).toEqual({ ticked: 0, cleared: 1 });
    const [log] = await q<{ before: { cleared: { title: string }[] } }>(`select before from audit_log where action = 'exams.growth.labour-grid' order by at desc limit 1`);
    expect(log!.before.cleared[0]!.title).toBe('种植一种植物并记录生长');
    const view = (await as('demo-classteacher', 'GET', `/api/exams/growth/classes/${classId}`)).body;
    expect(view.pupils.find((p: { studentId: string }) => p.studentId === a).labourDone).toContain('L05');
    expect(view.pupils.find((p: { studentId: string }) => p.studentId === b).labourDone).not.toContain('L05');
    const off = await as('demo-classteacher', 'PUT', `/api/exams/growth/classes/${classId}/labour`, { date: '2026-11-24', ticks: [{ studentId: a, code: 'L01', done: true }] });
    expect(off.status).toBe(422);
    expect(off.body.details.rule).toBe('exams.growth.labourList');
    expect((await as('demo-teacher', 'PUT', `/api/exams/growth/classes/${classId}/labour`, { date: '2026-11-24', ticks: [{ studentId: a, code: 'L05', done: true }] })).status).toBe(403);
  });
});

describe('comments, completion and the family', () => {
  it('keeps growthComplete on every change: completing a pupil moves the figure by one', async () => {
    const before = (await as('demo-classteacher', 'GET', `/api/exams/growth/classes/${classId}`)).body;
    expect(await indicator()).toEqual({ num: before.complete, den: 40 });
    const gap = before.pupils.find((p: { complete: boolean }) => !p.complete);
    for (const dimension of gap.missingDimensions)
      expect((await as('demo-classteacher', 'POST', '/api/exams/growth/entries', { studentId: gap.studentId, dimension, kind: 'activity', date: '2026-11-25', title: '补记活动' })).status).toBe(200);
    if (gap.missingComment)
      expect((await as('demo-teacher', 'PUT', '/api/exams/growth/comments', { studentId: gap.studentId, scope: 'intellect', text: '思维敏捷，乐于提问。' })).status).toBe(200);
    expect(await indicator()).toEqual({ num: before.complete + 1, den: 40 });
  });

  it('the overall comment is the class teacher’s; writing it tells the family', async () => {
    expect((await as('demo-teacher', 'PUT', '/api/exams/growth/comments', { studentId: child.id, scope: 'overall', text: '好' })).status).toBe(403);
    expect((await as('demo-classteacher', 'PUT', '/api/exams/growth/comments', { studentId: child.id, scope: 'overall', text: '  ' })).status).toBe(400);
    await q(`delete from growth_comments where district_id = $1 and student_id = $2 and scope = 'overall'`, [d, child.id]);
    const res = await as('demo-classteacher', 'PUT', '/api/exams/growth/comments', { studentId: child.id, scope: 'overall', text: '小明本学期进步很大，继续加油！' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ scope: 'overall', authorName: '王芳' });
    const notes = (await as('demo-parent', 'GET', '/api/notifications')).body;
    expect(JSON.stringify(notes)).toContain('综合素质评价已有班主任评语');
    expect((await as('other-teacher', 'PUT', '/api/exams/growth/comments', { studentId: child.id, scope: 'physical', text: '好' })).status).toBe(404);
  });

  it('the family reads its own child’s semester summary, not another’s', async () => {
    const res = await as('demo-parent', 'GET', `/api/exams/growth/students/${child.id}`);
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.student).toMatchObject({ name: '张小明', grade: 3 });
    expect(s.complete).toBe(true);
    expect(s.skills.sports).toMatchObject({ count: 2, target: 2, met: true });
    expect(s.skills.art).toMatchObject({ count: 1, met: true });
    expect(s.comments[0]).toMatchObject({ scope: 'overall', text: '小明本学期进步很大，继续加油！' });
    expect(s.canRecord).toBe(false);
    expect(s.entries.every((e: { editable: boolean }) => !e.editable)).toBe(true);
    expect(s.dimensions.map((x: { dimension: string }) => x.dimension)).toEqual(['moral', 'intellect', 'physical', 'aesthetic', 'labour']);
    expect(JSON.stringify(s)).not.toMatch(/rank|position|score/i);
    expect((await as('demo-parent', 'GET', `/api/exams/growth/students/${pupils[3]!.studentId}`)).status).toBe(404);
    expect((await as('other-parent', 'GET', `/api/exams/growth/students/${child.id}`)).status).toBe(404);
    expect((await as(otherSchoolTeacher, 'GET', `/api/exams/growth/students/${child.id}`)).status).toBe(404);
    const staff = (await as('demo-classteacher', 'GET', `/api/exams/growth/students/${child.id}`)).body;
    expect(staff).toMatchObject({ canRecord: true, canCommentOverall: true });
  });
});
