/**
 * 批改 and 作业登记: a teacher records marking of published items within the window; the school, the district and the
 * family see it; the class's weekly record reads lists, completion and marking, and exports to Excel.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

const TODAY = '2026-11-26'; // a Thursday
const WEEK = { from: '2026-11-23', to: '2026-11-29' }; // this week: the demo left demo-teacher's marking to do
const DAY = '2026-11-25';
let w: World;
let d: string;
let schoolId: string;
let cls: { id: string; name: string }; // 实验小学 三年级(2)班
let child: { id: string };
let otherChild: string;
let teacherId: string;

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => w.db.database.query<T>(sql, params);

/** The demo teacher's math items on the latest published lists of a day in a class. */
async function mathItem(classId: string, date: string) {
  const [row] = await q<{ id: string }>(
    `select i.id from homework_items i
     join lateral (select items from homework_published p where p.district_id = i.district_id and p.class_id = i.class_id and p.date = i.date order by version desc limit 1) l on true
     where i.district_id = $1 and i.class_id = $2 and i.date = $3 and i.teacher_id = $4 and l.items @> jsonb_build_array(jsonb_build_object('itemId', i.id::text))`,
    [d, classId, date, teacherId],
  );
  return row!.id;
}

beforeAll(async () => {
  w = await createWorld({ homework: true });
  const me = (await call(w.app, await w.login('demo-parent'), 'GET', '/api/me')).body;
  child = me.children[0];
  cls = { id: me.children[0].classId, name: me.children[0].className };
  schoolId = me.children[0].schoolId;
  d = (await q<{ id: string }>(`select id from districts where code = 'demo'`))[0]!.id;
  teacherId = (await q<{ id: string }>(`select id from users where username = 'demo-teacher'`))[0]!.id;
  otherChild = (await q<{ id: string }>(`select id from students where district_id = $1 and class_id <> $2 and school_id = $3 limit 1`, [d, cls.id, schoolId]))[0]!.id;
}, 120_000);
afterAll(() => w.close());

describe('a teacher records marking', () => {
  let itemId: string;
  let faceToFaceKid: string;

  it('lists this week’s published items the teacher set, none marked yet, editable until Sunday of next week', async () => {
    const r = await call(w.app, await w.login('demo-teacher'), 'GET', `/api/homework/marking/mine?from=${WEEK.from}&to=${WEEK.to}`);
    expect(r.status).toBe(200);
    const [row] = await q<{ n: number }>(
      `select count(*)::int as n from homework_items where district_id = $1 and teacher_id = $2 and date between $3 and $4 and date < $5`,
      [d, teacherId, WEEK.from, WEEK.to, TODAY],
    );
    expect(r.body.rows.length).toBe(row!.n);
    expect(new Set(r.body.rows.map((x: { subjectName: string }) => x.subjectName))).toEqual(new Set(['数学']));
    expect(r.body.rows.every((x: { editable: boolean; editableUntil: string; marking: unknown }) => x.editable && x.editableUntil === '2026-12-06' && x.marking === null)).toBe(true);
    itemId = await mathItem(cls.id, DAY);
    expect(r.body.rows.find((x: { itemId: string }) => x.itemId === itemId)).toMatchObject({ className: cls.name, marking: null });
    // last week the demo marked most of it
    const last = await call(w.app, await w.login('demo-teacher'), 'GET', `/api/homework/marking/mine?from=2026-11-16&to=2026-11-22`);
    expect(last.body.rows.some((x: { marking: unknown }) => x.marking !== null)).toBe(true);
  });

  it('records 全批全改 for the whole class, audited', async () => {
    const teacher = await w.login('demo-teacher');
    const r = await call(w.app, teacher, 'PUT', `/api/homework/marking/items/${itemId}`, { scope: 'all', faceToFace: 0, note: '订正已收齐' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ itemId, scope: 'all', students: 40, marked: 40, faceToFace: 0, note: '订正已收齐', markedBy: '李强' });
    const [audit] = await q<{ action: string; after: { marked: number; class: string } }>(
      `select action, after from audit_log where district_id = $1 and entity_id = $2 order by id desc limit 1`,
      [d, itemId],
    );
    expect(audit).toMatchObject({ action: 'homework.marking.record', after: { marked: 40, class: cls.name } });
  });

  it('refuses part marking without a count, counts over the class or the marked, and a student of another class, naming the field', async () => {
    const teacher = await w.login('demo-teacher');
    const url = `/api/homework/marking/items/${itemId}`;
    const cases: [Record<string, unknown>, string][] = [
      [{ scope: 'part' }, 'marked'],
      [{ scope: 'part', marked: 41 }, 'marked'],
      [{ scope: 'part', marked: 10, faceToFace: 11 }, 'faceToFace'],
      [{ scope: 'part', marked: 10, faceToFace: 1, faceToFaceStudentIds: [otherChild] }, 'faceToFaceStudentIds.0'],
      [{ scope: 'part', marked: 10, faceToFace: 0, faceToFaceStudentIds: [child.id] }, 'faceToFace'],
    ];
    for (const [body, field] of cases) {
      const r = await call(w.app, teacher, 'PUT', url, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.details.fields[0].field).toBe(field);
    }
  });

  it('changes it to part marking with the child marked face to face; the change is audited with what it was', async () => {
    faceToFaceKid = child.id;
    const r = await call(w.app, await w.login('demo-teacher'), 'PUT', `/api/homework/marking/items/${itemId}`, {
      scope: 'part',
      marked: 20,
      faceToFace: 3,
      faceToFaceStudentIds: [faceToFaceKid],
      note: '抽批一半，3 人面批',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ scope: 'part', marked: 20, faceToFace: 3, faceToFaceStudentIds: [faceToFaceKid] });
    const [audit] = await q<{ action: string; before: { marked: number } }>(
      `select action, before from audit_log where district_id = $1 and entity_id = $2 order by id desc limit 1`,
      [d, itemId],
    );
    expect(audit).toMatchObject({ action: 'homework.marking.update', before: { marked: 40 } });
    const detail = await call(w.app, await w.login('demo-teacher'), 'GET', `/api/homework/marking/items/${itemId}`);
    expect(detail.body.students.length).toBe(40);
    expect(detail.body.marking.note).toBe('抽批一半，3 人面批');
  });

  it('the family sees the item marked, face to face for their child', async () => {
    const r = await call(w.app, await w.login('demo-parent'), 'GET', `/api/homework/child/marks?studentId=${child.id}&date=${DAY}`);
    expect(r.status).toBe(200);
    expect(r.body.find((m: { itemId: string }) => m.itemId === itemId)).toMatchObject({ itemId, scope: 'part', faceToFace: true });
    // items of the day marked by others, the child not named face to face
    expect(r.body.filter((m: { faceToFace: boolean }) => m.faceToFace).length).toBe(1);
    const other = await call(w.app, await w.login('demo-parent'), 'GET', `/api/homework/child/marks?studentId=${otherChild}&date=${DAY}`);
    expect(other.status).toBe(404);
  });

  it('refuses another subject’s teacher (403), another school and another district (404, as an unknown id)', async () => {
    const byChinese = await call(w.app, await w.login('demo-classteacher'), 'PUT', `/api/homework/marking/items/${itemId}`, { scope: 'all' });
    expect(byChinese.status).toBe(403);
    for (const username of ['cx02-t001', 'other-admin']) {
      const r = await call(w.app, await w.login(username), 'PUT', `/api/homework/marking/items/${itemId}`, { scope: 'all' });
      expect([403, 404]).toContain(r.status);
      const read = await call(w.app, await w.login(username), 'GET', `/api/homework/marking/items/${itemId}`);
      expect(read.status).toBe(404);
      expect(JSON.stringify(read.body)).not.toContain(itemId);
    }
    const unknown = await call(w.app, await w.login('demo-teacher'), 'GET', `/api/homework/marking/items/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
  });

  it('closes after the following week; an item not on a published list cannot be marked', async () => {
    const old = await mathItem(cls.id, '2026-11-13');
    const late = await call(w.app, await w.login('demo-teacher'), 'PUT', `/api/homework/marking/items/${old}`, { scope: 'all' });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('2026-11-22');
    const [pending] = await q<{ id: string }>(`select id from homework_items where district_id = $1 and class_id = $2 and date = $3 limit 1`, [d, cls.id, TODAY]);
    const unpublished = await call(w.app, await w.login('demo-teacher'), 'GET', `/api/homework/marking/items/${pending!.id}`);
    expect(unpublished.status).toBe(409);
  });
});

describe('marking rates', () => {
  const range = `from=${WEEK.from}&to=${WEEK.to}`;
  let published: { n: number; math: number; grade3: number; marked: number; mathMarked: number; grade3Marked: number; face: number; mine: number };

  beforeAll(async () => {
    // a second item marked: 三年级(1)班's math of the same day, 全批全改 with two face to face
    const item = await mathItem((await q<{ id: string }>(`select id from classes where district_id = $1 and school_id = $2 and name = '三年级(1)班'`, [d, schoolId]))[0]!.id, DAY);
    expect((await call(w.app, await w.login('demo-teacher'), 'PUT', `/api/homework/marking/items/${item}`, { scope: 'all', faceToFace: 2 })).status).toBe(200);
    // the demo publishes one version a day, so every published list is the latest; the demo marked some of the week too
    const [row] = await q<typeof published>(
      `select count(*)::int as n, (count(*) filter (where s.code = 'math'))::int as math, (count(*) filter (where i.grade = 3))::int as grade3,
         count(m.id)::int as marked, (count(m.id) filter (where s.code = 'math'))::int as "mathMarked",
         (count(m.id) filter (where i.grade = 3))::int as "grade3Marked", (count(m.id) filter (where m.face_to_face > 0))::int as face,
         (count(*) filter (where i.teacher_id = $5))::int as mine
       from homework_published p cross join lateral jsonb_array_elements(p.items) e
       join homework_items i on i.district_id = p.district_id and i.id = (e->>'itemId')::uuid
       join subjects s on s.district_id = i.district_id and s.id = i.subject_id
       left join homework_markings m on m.district_id = i.district_id and m.item_id = i.id
       where p.district_id = $1 and p.school_id = $2 and p.date between $3 and $4`,
      [d, schoolId, WEEK.from, WEEK.to, teacherId],
    );
    published = row!;
  });

  it('the principal sees the school’s rate per week, teacher and class', async () => {
    const r = await call(w.app, await w.login('demo-principal'), 'GET', `/api/homework/marking/school?schoolId=${schoolId}&${range}`);
    expect(r.status).toBe(200);
    expect(published.marked).toBeGreaterThan(2);
    expect(r.body).toMatchObject({ reach: 'school', total: { published: published.n, marked: published.marked, faceToFace: published.face } });
    expect(r.body.weeks).toEqual([{ weekStart: '2026-11-23', published: published.n, marked: published.marked, faceToFace: published.face }]);
    const li = r.body.teachers.find((t: { teacherName: string }) => t.teacherName === '李强');
    expect(li).toMatchObject({ published: published.mine, marked: 2, faceToFace: 2, subjects: ['数学'] });
    expect(r.body.teachers.reduce((s: number, t: { marked: number }) => s + t.marked, 0)).toBe(published.marked);
    expect(r.body.classes.reduce((s: number, c: { published: number }) => s + c.published, 0)).toBe(published.n);
  });

  it('the math subject leader sees math only, the grade-3 leader grade 3 only', async () => {
    const math = await call(w.app, await w.login('demo-subjectleader'), 'GET', `/api/homework/marking/school?schoolId=${schoolId}&${range}`);
    expect(math.body).toMatchObject({ reach: 'subject', total: { published: published.math, marked: published.mathMarked } });
    const grade = await call(w.app, await w.login('demo-gradeleader'), 'GET', `/api/homework/marking/school?schoolId=${schoolId}&${range}`);
    expect(grade.body).toMatchObject({ reach: 'classes', total: { published: published.grade3, marked: published.grade3Marked } });
    expect(grade.body.classes.every((c: { grade: number }) => c.grade === 3)).toBe(true);
  });

  it('the district sees every school, the zone inspector the zone’s; another school is not found', async () => {
    const r = await call(w.app, await w.login('demo-district'), 'GET', `/api/homework/marking/district?${range}`);
    expect(r.status).toBe(200);
    expect(r.body.schools.length).toBe(4);
    expect(r.body.schools.find((s: { schoolId: string }) => s.schoolId === schoolId)).toMatchObject({ published: published.n, marked: published.marked });
    const zone = await call(w.app, await w.login('zone-inspector'), 'GET', `/api/homework/marking/district?${range}`);
    expect(zone.body.schools.length).toBe(2);
    expect(zone.body.schools.some((s: { schoolId: string }) => s.schoolId === schoolId)).toBe(false);
    const foreign = await call(w.app, await w.login('cx02-t001'), 'GET', `/api/homework/marking/school?schoolId=${schoolId}&${range}`);
    expect(foreign.status).toBe(404);
    const parent = await call(w.app, await w.login('demo-parent'), 'GET', `/api/homework/marking/district?${range}`);
    expect(parent.status).toBe(403);
  });
});

describe('作业登记: the class’s weekly record', () => {
  it('lists each day’s published items with completion from families and marking', async () => {
    const r = await call(w.app, await w.login('demo-classteacher'), 'GET', `/api/homework/register?classId=${cls.id}&weekStart=2026-11-24`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ className: cls.name, weekStart: '2026-11-23', weekEnd: '2026-11-29', students: 40 });
    expect(r.body.days.map((x: { date: string }) => x.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    const wednesday = r.body.days[2];
    const [stat] = await q<{ reporters: number }>(`select reporters from homework_class_day_stats where district_id = $1 and class_id = $2 and date = $3`, [d, cls.id, DAY]);
    expect(wednesday.reporters).toBe(stat!.reporters);
    expect(wednesday.items.length).toBeGreaterThan(0);
    for (const item of wednesday.items) {
      const [row] = await q<{ done: number }>(`select count(*)::int as done from homework_feedback where district_id = $1 and item_id = $2 and done`, [d, item.itemId]);
      expect(item.done).toBe(row!.done);
    }
    expect(wednesday.items.find((i: { subjectName: string }) => i.subjectName === '数学').marking).toMatchObject({ scope: 'part', marked: 20 });
    // today's list is not out yet: the day shows no items
    expect(r.body.days[3]).toMatchObject({ date: TODAY, version: null, items: [] });
    expect(r.body.days[5]).toMatchObject({ dayKind: 'weekend', items: [] });
  });

  it('exports the same week as a workbook', async () => {
    const r = await call(w.app, await w.login('demo-principal'), 'GET', `/api/homework/register/export?classId=${cls.id}&weekStart=2026-11-23`);
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-disposition']).toContain(encodeURIComponent('作业登记'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('日期');
    const texts: string[] = [];
    ws.eachRow((row) => texts.push((row.values as unknown[]).join('|')));
    expect(texts.some((t) => t.includes('数学') && t.includes('部分批改 20/40'))).toBe(true);
    expect(texts.some((t) => t.includes('2026-11-28') && t.includes('无公示作业'))).toBe(true);
  });

  it('a parent and another school cannot read it', async () => {
    expect((await call(w.app, await w.login('demo-parent'), 'GET', `/api/homework/register?classId=${cls.id}&weekStart=2026-11-23`)).status).toBe(403);
    expect((await call(w.app, await w.login('cx02-t001'), 'GET', `/api/homework/register?classId=${cls.id}&weekStart=2026-11-23`)).status).toBe(404);
  });
});
