/**
 * 假期作业天天交、天天清 on the demo's winter vacation (寒假 from 2027-01-23): a family hands in a day's work with a photo
 * or as done, the class's teachers see who handed in and mark excellent work, and academic affairs publishes the
 * grade's excellent-work list after the vacation, with the district's threshold cited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let d: string;
let cls: string; // 实验小学 三年级(2)班
let schoolId: string;
let child: string;
let math: string;
const DAY1 = '2027-01-25';
const DAY2 = '2027-01-26';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1d8e30000000049454e44ae426082', 'hex');

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => w.db.database.query<T>(sql, params);
const at = (date: string) => {
  w.clock.current = new Date(`${date}T02:00:00Z`); // 10:00 in the district
};

async function upload(username: string, studentId: string, filename: string, data: Buffer) {
  const boundary = 'handin';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await w.app.inject({
    method: 'POST',
    url: `/api/homework/vacation/files?studentId=${studentId}`,
    headers: { cookie: await w.login(username), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  return { status: res.statusCode, body: res.json() };
}

/** Sets a day's vacation math for the class and walks it through the school's review chain to publication. */
async function publishVacationDay(date: string) {
  const created = await call(w.app, await w.login('demo-teacher'), 'POST', '/api/homework/items', {
    classIds: [cls],
    subjectId: math,
    planKind: 'vacation',
    entries: [{ date, content: '寒假口算天天练第 3 页', type: 'written', layer: 'basic', place: 'home', minutes: 20 }],
  });
  expect(created.status).toBe(200);
  const item = created.body.items[0];
  if (item.status === 'pending_check') expect((await call(w.app, await w.login('demo-subjectleader'), 'POST', '/api/homework/check', { itemIds: [item.id], decision: 'approve' })).status).toBe(200);
  const submitted = await call(w.app, await w.login('demo-classteacher'), 'POST', `/api/homework/days/${cls}/${date}/submit`, {});
  expect(submitted.status).toBe(200);
  if (submitted.body.status !== 'published') expect((await call(w.app, await w.login('demo-principal'), 'POST', `/api/homework/days/${cls}/${date}/approve`, {})).status).toBe(200);
  const notice = await call(w.app, await w.login('demo-parent'), 'GET', `/api/homework/notice/${cls}/${date}`);
  expect(notice.body.dayKind).toBe('vacation');
}

beforeAll(async () => {
  w = await createWorld({ homework: true });
  const me = (await call(w.app, await w.login('demo-parent'), 'GET', '/api/me')).body;
  child = me.children[0].id;
  cls = me.children[0].classId;
  schoolId = me.children[0].schoolId;
  d = (await q<{ id: string }>(`select id from districts where code = 'demo'`))[0]!.id;
  math = (await q<{ id: string }>(`select id from subjects where district_id = $1 and code = 'math'`, [d]))[0]!.id;
  at(DAY1);
  await publishVacationDay(DAY1);
  await publishVacationDay(DAY2);
}, 180_000);
afterAll(() => w.close());

describe('a family hands in a vacation day', () => {
  let photo: string;
  let handInId: string;

  it('uploads a photo; refuses other kinds, files over 8 MB and another family’s child', async () => {
    const ok = await upload('demo-parent', child, '口算.png', PNG);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: '口算.png', mime: 'image/png', size: PNG.length });
    photo = ok.body.id;
    expect((await upload('demo-parent', child, 'run.exe', PNG)).status).toBe(415);
    expect((await upload('demo-parent', child, 'big.jpg', Buffer.alloc(8 * 1024 * 1024 + 1, 1))).status).toBe(413);
    const other = (await q<{ id: string }>(`select id from students where district_id = $1 and class_id = $2 and id <> $3 limit 1`, [d, cls, child]))[0]!.id;
    expect((await upload('demo-parent', other, 'x.png', PNG)).status).toBe(404);
    expect((await upload('demo-teacher', child, 'x.png', PNG)).status).toBe(403);
  });

  it('hands in today’s work with the photo and a note; tomorrow is refused, a re-hand-in replaces it', async () => {
    const parent = await w.login('demo-parent');
    const early = await call(w.app, parent, 'PUT', '/api/homework/vacation/hand-ins', { studentId: child, date: DAY2, attachmentIds: [] });
    expect(early.status).toBe(400);
    expect(early.body.details.fields[0].field).toBe('date');
    const first = await call(w.app, parent, 'PUT', '/api/homework/vacation/hand-ins', { studentId: child, date: DAY1, attachmentIds: [], note: '先交，照片晚点补' });
    expect(first.status).toBe(200);
    const again = await call(w.app, parent, 'PUT', '/api/homework/vacation/hand-ins', { studentId: child, date: DAY1, attachmentIds: [photo], note: '口算全对' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ studentId: child, date: DAY1, note: '口算全对', files: [{ id: photo, name: '口算.png' }], handedInBy: '张伟', reviews: [] });
    expect(again.body.id).toBe(first.body.id);
    handInId = again.body.id;
    const log = await q<{ action: string }>(`select action from audit_log where district_id = $1 and entity_id in ($2, $3) order by id`, [d, child, photo]);
    // the upload, the hand-in, the change; the refused ones left nothing
    expect(log.map((l) => l.action)).toEqual(['homework.handin.upload', 'homework.handin', 'homework.handin.update']);
  });

  it('refuses a file that is not the family’s, and a day without a published vacation list', async () => {
    const teacherFile = (await q<{ id: string }>(`insert into homework_attachments (district_id, school_id, uploaded_by, file_name, mime, size, sha256, data)
      select $1, $2, id, 'x.pdf', 'application/pdf', 1, 'x', '\\x00' from users where username = 'demo-teacher' returning id`, [d, schoolId]))[0]!.id;
    const parent = await w.login('demo-parent');
    const notMine = await call(w.app, parent, 'PUT', '/api/homework/vacation/hand-ins', { studentId: child, date: DAY1, attachmentIds: [teacherFile] });
    expect(notMine.status).toBe(400);
    expect(notMine.body.details.fields[0].field).toBe('attachmentIds');
    const schoolDay = await call(w.app, parent, 'PUT', '/api/homework/vacation/hand-ins', { studentId: child, date: '2027-01-20', attachmentIds: [] });
    expect(schoolDay.status).toBe(409);
  });

  it('the class’s teacher sees who handed in the day, opens the photo and marks it excellent; the family is told', async () => {
    const teacher = await w.login('demo-teacher');
    const day = await call(w.app, teacher, 'GET', `/api/homework/vacation/classes/${cls}/${DAY1}`);
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({ dayKind: 'vacation', canReview: true, handedIn: 1 });
    expect(day.body.students.length).toBe(40);
    expect(day.body.items).toEqual([expect.objectContaining({ subjectName: '数学', minutes: 20 })]);
    const mine = day.body.students.find((s: { studentId: string }) => s.studentId === child);
    expect(mine.handIn.files[0].id).toBe(photo);
    const file = await w.app.inject({ method: 'GET', url: `/api/homework/vacation/files/${photo}`, headers: { cookie: teacher } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);

    const empty = await call(w.app, teacher, 'PUT', `/api/homework/vacation/hand-ins/${handInId}/review`, { excellent: false });
    expect(empty.status).toBe(400);
    const r = await call(w.app, teacher, 'PUT', `/api/homework/vacation/hand-ins/${handInId}/review`, { excellent: true, comment: '书写工整，全对' });
    expect(r.status).toBe(200);
    expect(r.body.reviews).toEqual([expect.objectContaining({ teacherName: '李强', excellent: true, comment: '书写工整，全对' })]);
    const bell = await call(w.app, await w.login('demo-parent'), 'GET', '/api/notifications');
    expect(bell.body.items[0]).toMatchObject({ kind: 'homework.handin.review', title: `${DAY1} 的假期作业被评为优秀` });
    const mineNow = await call(w.app, await w.login('demo-parent'), 'GET', `/api/homework/vacation/child?studentId=${child}&from=2027-01-23&to=2027-02-21`);
    expect(mineNow.body.handIns[0].reviews[0]).toMatchObject({ excellent: true });
  });

  it('another school and district find neither the hand-in nor its photo; a parent cannot review', async () => {
    for (const username of ['cx02-t001', 'other-admin']) {
      const cookie = await w.login(username);
      expect((await call(w.app, cookie, 'PUT', `/api/homework/vacation/hand-ins/${handInId}/review`, { excellent: true })).status).toBe(404);
      expect((await w.app.inject({ method: 'GET', url: `/api/homework/vacation/files/${photo}`, headers: { cookie } })).statusCode).toBe(404);
      expect((await call(w.app, cookie, 'GET', `/api/homework/vacation/classes/${cls}/${DAY1}`)).status).toBe(404);
    }
    expect((await call(w.app, await w.login('demo-parent'), 'PUT', `/api/homework/vacation/hand-ins/${handInId}/review`, { excellent: true })).status).toBe(403);
  });
});

describe('the excellent-work list after the vacation', () => {
  it('cites the district’s threshold in force on the vacation’s last day; not before the vacation ends', async () => {
    at(DAY2);
    const set = await call(w.app, await w.login('demo-district'), 'POST', '/api/policies/homework.vacationExcellentMin', {
      value: 1,
      effectiveFrom: DAY2,
      reason: '本学期试行：获评一次优秀即可入选',
    });
    expect(set.status).toBe(200);
    const principal = await w.login('demo-principal');
    const preview = await call(w.app, principal, 'GET', `/api/homework/vacation/excellent/preview?schoolId=${schoolId}&grade=3&date=${DAY1}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ vacation: { name: '寒假', from: '2027-01-23', to: '2027-02-21' }, minExcellent: 1, ended: false, published: null });
    expect(preview.body.policyVersions).toContain('homework.vacationExcellentMin@');
    expect(preview.body.candidates).toEqual([expect.objectContaining({ studentId: child, name: '张小明', excellent: 1, handedIn: 1 })]);
    const early = await call(w.app, principal, 'POST', '/api/homework/vacation/excellent', { schoolId, grade: 3, date: DAY1 });
    expect(early.status).toBe(409);
    const notVacation = await call(w.app, principal, 'GET', `/api/homework/vacation/excellent/preview?schoolId=${schoolId}&grade=3&date=2027-03-01`);
    expect(notVacation.status).toBe(400);
  });

  it('academic affairs publishes it once; the grade’s family and the school’s staff read it; hand-ins close', async () => {
    at('2027-02-22');
    expect((await call(w.app, await w.login('demo-teacher'), 'POST', '/api/homework/vacation/excellent', { schoolId, grade: 3, date: DAY1 })).status).toBe(403);
    const principal = await w.login('demo-principal');
    const r = await call(w.app, principal, 'POST', '/api/homework/vacation/excellent', { schoolId, grade: 3, date: DAY1 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ grade: 3, minExcellent: 1, vacation: { name: '寒假' }, students: [{ studentId: child, excellent: 1 }], publishedBy: '陈慧' });
    const again = await call(w.app, principal, 'POST', '/api/homework/vacation/excellent', { schoolId, grade: 3, date: '2027-02-01' });
    expect(again.status).toBe(409);
    const family = await call(w.app, await w.login('demo-parent'), 'GET', `/api/homework/vacation/excellent?studentId=${child}`);
    expect(family.body.map((l: { id: string }) => l.id)).toEqual([r.body.id]);
    const staff = await call(w.app, await w.login('demo-teacher'), 'GET', `/api/homework/vacation/excellent?schoolId=${schoolId}`);
    expect(staff.body.map((l: { id: string }) => l.id)).toEqual([r.body.id]);
    const foreign = await call(w.app, await w.login('cx02-t001'), 'GET', `/api/homework/vacation/excellent?schoolId=${schoolId}`);
    expect(foreign.body).toEqual([]);
    const closed = await call(w.app, await w.login('demo-parent'), 'PUT', '/api/homework/vacation/hand-ins', { studentId: child, date: DAY2, attachmentIds: [] });
    expect(closed.status).toBe(409);
    await expect(q(`update homework_excellent_lists set min_excellent = 9 where district_id = $1`, [d])).rejects.toThrow(/append-only|permission denied/);
  });
});
