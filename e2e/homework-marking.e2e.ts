/**
 * Marking and vacation hand-in in the browser. 批改: a teacher records how a published item was marked (part of the
 * class, the demo child face to face), academic affairs and the district office see the marking rate, the parent sees
 * "老师已面批" on the child's list, and the class's weekly record (作业登记) prints and exports. 假期作业天天交: in
 * 城西第二小学, given a vacation day from the calendar and a published vacation list, a parent hands in the day's work
 * with a photo and the class teacher marks it excellent; the parent sees it.
 */
import { addDays, DEFAULT_TIME_ZONE, todayIn, weekStart } from '@shuangjian/policy';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { type APIRequestContext, type APIResponse, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, choose, closeBrowser, DESKTOP, launch, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const today = todayIn(DEFAULT_TIME_ZONE);
const CLASS = '三年级(2)班';
/** "11月27日": how the pages write a date. */
const shortDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const button = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

/** Pages wait on the server: on a busy machine an answer may take seconds. */
const SLOW = { timeout: 20_000 };

const sessions: APIRequestContext[] = [];
afterAll(() => Promise.all(sessions.map((s) => s.dispose())));

/** A signed-in API session, for set-up and look-ups that are not what the test is about. */
async function as(username: string, password = 'Demo#2026') {
  const s = await request.newContext({ baseURL: baseURL() });
  sessions.push(s);
  const res = await s.post('/api/auth/login', { data: { username, password } });
  if (!res.ok()) throw new Error(`sign-in of ${username}: ${res.status()} ${await res.text()}`);
  return s;
}
async function json<T>(res: APIResponse | Promise<APIResponse>): Promise<T> {
  const r = await res;
  if (!r.ok()) throw new Error(`${r.url()}: ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

type Row = { itemId: string; classId: string; className: string; subjectName: string; date: string; marking: unknown; editable: boolean };

describe('marking (批改)', () => {
  let item: Row;
  let childName = '';

  it('a teacher records marking of a published item: part of the class, the demo child face to face', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-teacher', undefined, '/homework/marking');
    const from = addDays(weekStart(today), -7);
    const list = await json<{ rows: Row[] }>(page.request.get(`/api/homework/marking/mine?from=${from}&to=${addDays(weekStart(today), 6)}`));
    // the demo leaves the teacher's last three school days to mark
    item = list.rows.find((r) => r.className === CLASS && !r.marking && r.editable)!;
    expect(item).toBeTruthy();
    const detail = await json<{ students: { name: string; studentNo: string }[] }>(page.request.get(`/api/homework/marking/items/${item.itemId}`));
    const child = detail.students.find((s) => s.name === '张小明')!;
    childName = `${child.name}（${child.studentNo.slice(-2)}）`;

    await page.getByTestId('marking-summary').waitFor();
    await shot(page, 'marking-01-teacher-worklist');
    const row = page.getByTestId('marking-row').filter({ hasText: shortDay(item.date) }).filter({ hasText: CLASS });
    await row.getByTestId('record-marking').click();
    const dialog = page.getByRole('dialog', { name: '登记批改' });
    await dialog.getByText('部分批改', { exact: true }).click();
    await dialog.getByLabel('批改人数').fill('30');
    await choose(page, dialog.getByTestId('face-to-face-names'), childName);
    await expect.poll(() => dialog.getByLabel('面批人数').inputValue(), SLOW).toBe('1');
    await dialog.getByLabel('面批人数').fill('3');
    await dialog.getByLabel('说明').fill('抽批 30 本，3 人当面订正');
    await shot(page, 'marking-02-teacher-dialog');
    await dialog.getByRole('button', { name: button('保存') }).click();
    await expect.poll(() => row.getByTestId('marking-tag').textContent(), SLOW).toContain('部分批改 30/40 · 面批 3 人');
    await shot(page, 'marking-03-teacher-recorded');
  });

  it('academic affairs sees the school’s marking rate, and the teacher’s; the district office opens the school', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-principal', undefined, '/homework/marking/rates');
    const me = await json<{ schools: { id: string }[] }>(page.request.get('/api/me'));
    const from = addDays(weekStart(today), -21);
    const rates = await json<{ total: { published: number; marked: number }; teachers: { teacherName: string; marked: number; published: number }[] }>(
      page.request.get(`/api/homework/marking/school?schoolId=${me.schools[0]!.id}&from=${from}&to=${today}`),
    );
    const pct = `${((rates.total.marked / rates.total.published) * 100).toFixed(1)}%`;
    await expect.poll(() => page.getByTestId('marking-rate').textContent(), SLOW).toContain(pct);
    const li = rates.teachers.find((t) => t.teacherName === '李强')!;
    expect(li.marked).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('marking-teachers').locator('tr', { hasText: '李强' }).textContent(), SLOW).toContain(`${li.marked}/${li.published}`);
    await shot(page, 'marking-04-principal-rates');

    const district = await newPage(DESKTOP);
    await signIn(district.page, 'demo-district', undefined, '/homework/marking/rates');
    const schools = district.page.getByTestId('marking-schools');
    await schools.locator('tr', { hasText: '示范区实验小学' }).waitFor();
    await shot(district.page, 'marking-05-district-schools');
    await schools.getByText('示范区实验小学').click();
    await expect.poll(() => district.page.getByTestId('marking-rate').textContent(), SLOW).toContain(pct);
    await shot(district.page, 'marking-06-district-school');
  });

  it('the parent sees on the phone that the teacher marked the child’s work face to face', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent', undefined, `/homework/child?date=${item.date}`);
    const math = page.getByTestId('child-item').filter({ hasText: '数学' });
    await expect.poll(() => math.getByTestId('child-marked').textContent(), SLOW).toBe('老师已面批');
    await math.scrollIntoViewIfNeeded();
    await shot(page, 'marking-07-parent-marked');
  });

  it('the class’s weekly record (作业登记) shows list, completion and marking, prints without the app’s frame and exports', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-classteacher', undefined, `/homework/register?classId=${item.classId}&week=${weekStart(item.date)}`);
    const register = page.getByTestId('register');
    await expect.poll(() => register.textContent(), SLOW).toContain('部分批改 30/40 · 面批 3 人');
    expect(await register.textContent()).toContain(`${CLASS} 作业登记`);
    await shot(page, 'marking-08-register');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    await shot(page, 'marking-09-register-print');
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-export').click()]);
    expect(download.suggestedFilename()).toContain('作业登记');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const lines: string[] = [];
    wb.worksheets[0]!.eachRow((r) => lines.push((r.values as unknown[]).join('|')));
    expect(lines.some((l) => l.includes('数学') && l.includes('部分批改 30/40'))).toBe(true);
  });
});

describe('vacation homework handed in (假期作业天天交)', () => {
  const PASSWORD = 'Hanjia#Zuoye2027';
  let classId = '';
  let parentUsername = '';
  let classTeacher = '';
  let studentName = '';
  let principal = '';

  /** A "photo" of the day's work: a page of sums, rendered by the browser. */
  async function photo(): Promise<Buffer> {
    const b = await launch();
    const ctx = await b.newContext({ viewport: { width: 480, height: 360 } });
    const p = await ctx.newPage();
    await p.setContent(
      `<body style="margin:0;background:#fffdf5;font:28px serif;padding:24px;background-image:repeating-linear-gradient(#fffdf5 0 46px,#9ec5e8 46px 48px)">
       <div>寒假口算天天练 第 3 页</div><div>25 + 17 = 42 ✓</div><div>63 − 28 = 35 ✓</div><div>8 × 7 = 56 ✓</div><div>72 ÷ 9 = 8 ✓</div></body>`,
    );
    const png = await p.screenshot();
    await ctx.close();
    return png;
  }

  beforeAll(async () => {
    const district = await as('demo-district');
    const schools = await json<{ id: string; code: string }[]>(district.get('/api/schools'));
    const school = schools.find((s) => s.code === 'CX02')!;
    const subjects = await json<{ id: string; code: string }[]>(district.get('/api/subjects'));
    const chinese = subjects.find((s) => s.code === 'chinese')!.id;
    const classes = await json<{ id: string; name: string }[]>(district.get(`/api/classes?schoolId=${school.id}&grade=3`));
    classId = classes.find((c) => c.name === '三年级(1)班')!.id;
    const staff = await json<{ items: { username: string; assignments: { role: string; classId: string | null; subjectId: string | null }[] }[] }>(
      district.get(`/api/staff?schoolId=${school.id}&pageSize=500`),
    );
    const holder = (role: string, f: (a: { classId: string | null; subjectId: string | null }) => boolean) =>
      staff.items.find((s) => s.assignments.some((a) => a.role === role && f(a)))!.username;
    classTeacher = holder('class_teacher', (a) => a.classId === classId);
    const chineseLeader = holder('subject_leader', (a) => a.subjectId === chinese);
    principal = holder('school_admin', () => true);

    // the school's winter vacation starts today (a school entry of the calendar)
    await json(district.post('/api/calendar/entries', { data: { kind: 'vacation', name: '寒假', startDate: today, endDate: addDays(today, 13), schoolId: school.id } }));

    // a parent account for the first child of the class
    const students = await json<{ items: { id: string; name: string }[] }>(district.get(`/api/students?classId=${classId}&pageSize=5`));
    const student = students.items[0]!;
    studentName = student.name;
    const detail = await json<{ guardians: { id: string }[] }>(district.get(`/api/students/${student.id}`));
    const credential = await json<{ username: string; initialPassword: string }>(district.post(`/api/students/${student.id}/guardians/${detail.guardians[0]!.id}/account`));
    parentUsername = credential.username;
    const parent = await as(parentUsername, credential.initialPassword);
    await json(parent.post('/api/auth/password', { data: { currentPassword: credential.initialPassword, newPassword: PASSWORD } }));

    // today's vacation list: set by the class teacher (语文), checked, submitted, approved
    const teacher = await as(classTeacher);
    const created = await json<{ items: { id: string; status: string }[] }>(
      teacher.post('/api/homework/items', {
        data: {
          classIds: [classId],
          subjectId: chinese,
          planKind: 'vacation',
          entries: [{ date: today, content: '寒假每日一练：读一篇课外短文，写 3 个好词', type: 'written', layer: 'basic', place: 'home', minutes: 20 }],
        },
      }),
    );
    if (created.items[0]!.status === 'pending_check') await json((await as(chineseLeader)).post('/api/homework/check', { data: { itemIds: [created.items[0]!.id], decision: 'approve' } }));
    const day = await json<{ status: string }>(teacher.post(`/api/homework/days/${classId}/${today}/submit`, { data: {} }));
    if (day.status !== 'published') await json((await as(principal)).post(`/api/homework/days/${classId}/${today}/approve`, { data: {} }));
  }, 120_000);

  it('a parent hands in today’s work with a photo from the phone', async () => {
    const png = await photo();
    const { page } = await newPage(PHONE);
    await signIn(page, parentUsername, PASSWORD, '/homework/child?tab=vacation');
    const card = page.getByTestId('handin').first();
    await expect.poll(() => card.getByTestId('handin-status').textContent(), SLOW).toBe('还没交');
    await shot(page, 'marking-10-parent-vacation-day');
    await card.getByTestId('handin-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: '口算.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => dialog.locator('.ant-upload-list-item-done').count(), SLOW).toBe(1);
    await dialog.getByLabel('说明').fill('口算全部做完，自己检查了一遍');
    await shot(page, 'marking-11-parent-handin-dialog');
    await page.getByTestId('handin-submit').click();
    await expect.poll(() => card.getByTestId('handin-status').textContent(), SLOW).toContain('已交 1 张照片/文件');
    await shot(page, 'marking-12-parent-handed-in');
  });

  it('the class teacher sees who handed in and marks the work excellent; the parent sees it', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, classTeacher, undefined, `/homework/vacation?classId=${classId}&date=${today}`);
    await expect.poll(() => page.getByTestId('vacation-handed-in').textContent(), SLOW).toContain('已交 1 /');
    const row = page.getByTestId('vacation-student-in').filter({ hasText: studentName });
    await row.locator('img').first().waitFor();
    await shot(page, 'marking-13-teacher-vacation-day');
    await row.getByTestId('review-open').click();
    const dialog = page.getByRole('dialog');
    // a click that lands while the dialog is still moving in is lost: tick until the box shows ticked
    const excellent = dialog.getByRole('checkbox');
    await expect
      .poll(async () => {
        if (!(await excellent.isChecked())) await dialog.getByTestId('review-excellent').click();
        return excellent.isChecked();
      }, SLOW)
      .toBe(true);
    await dialog.getByLabel('评语').fill('书写工整，计算全对');
    await shot(page, 'marking-14-teacher-review');
    await dialog.getByRole('button', { name: button('保存') }).click();
    await expect.poll(() => row.textContent(), SLOW).toContain('书写工整，计算全对');
    await shot(page, 'marking-15-teacher-reviewed');

    const parent = await newPage(PHONE);
    await signIn(parent.page, parentUsername, PASSWORD, '/homework/child?tab=vacation');
    const reviews = parent.page.getByTestId('handin').first().getByTestId('handin-reviews');
    await expect.poll(() => reviews.textContent(), SLOW).toContain('优秀');
    expect(await reviews.textContent()).toContain('书写工整，计算全对');
    await shot(parent.page, 'marking-16-parent-sees-excellent');
  });

  it('academic affairs sees who would be listed; the list waits for the end of the vacation', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, principal, undefined, `/homework/vacation?tab=excellent&classId=${classId}&date=${today}`);
    await page.getByText('寒假（').first().waitFor();
    expect(await page.getByTestId('excellent-publish').isDisabled()).toBe(true);
    expect(await page.getByText(`假期到 ${addDays(today, 13)} 结束`).count()).toBe(1);
    await shot(page, 'marking-17-principal-excellent-preview');
  });
});

