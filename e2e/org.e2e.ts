/** Organisation pages in the browser: a parent's own child only (and the download of its data), roster import errors, classes in the audit log, the calendar. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '@shuangjian/policy';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSignIn, choose, closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const STUDENT_HEADERS = ['学号', '姓名', '性别', '出生日期', '年级', '班级名称', '监护人1姓名', '监护人1手机', '监护人1关系', '监护人2姓名', '监护人2手机', '监护人2关系'];

async function studentsXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学生及监护人');
  ws.addRow(STUDENT_HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('a parent on a phone', () => {
  it('sees only their own child, and another child is refused', async () => {
    // someone else's child, looked up as the principal
    const admin = await newPage();
    await apiSignIn(admin.context, 'demo-principal');
    const other = (await (await admin.context.request.get('/api/students?q=SY0120240101')).json()) as { items: { id: string; name: string }[] };
    const foreign = other.items[0]!;
    await admin.context.close();

    // the foreign child's page asks for that student and is answered 404, which the browser logs
    const { page, context } = await newPage(PHONE, { allowErrors: [/status of 404\b.*\[[^\]]*\/api\/students\/[^/\]]+\]$/] });
    await signIn(page, 'demo-parent');
    await expect.poll(() => page.getByText('张小明').first().isVisible()).toBe(true);
    await shot(page, 'org-01-parent-home');

    await page.goto('/children');
    const cards = page.getByTestId('child-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(1);
    expect(await cards.first().textContent()).toContain('张小明');
    expect(await cards.first().textContent()).toContain('三年级(2)班');
    await shot(page, 'org-02-parent-children');

    await cards.first().click();
    const detail = page.getByTestId('child-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('示范区实验小学');
    expect(await detail.textContent()).toContain('张伟');
    await shot(page, 'org-03-parent-child-detail');
    // the family's copy of everything the platform holds about the child (PIPL access right)
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('child-data-download').click()]);
    const copy = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { child: { name: string }; sections: Record<string, unknown[]> };
    expect(copy.child.name).toBe('张小明');
    expect(Object.keys(copy.sections)).toEqual(expect.arrayContaining(['profile', 'guardians', 'homeworkReports', 'sleepReports', 'afterSchoolBills', 'growthRecords', 'homeVisits']));
    expect((await page.request.get(`/api/personal-data/children/${foreign.id}`)).status()).toBe(404);

    // another student's page and API answer nothing foreign
    await page.goto(`/children?child=${foreign.id}`);
    await page.getByTestId('child-refused').waitFor();
    expect(await page.getByTestId('child-refused').textContent()).toContain('无权访问');
    expect(await page.locator('body').textContent()).not.toContain(foreign.name);
    await shot(page, 'org-04-parent-foreign-child');
    expect((await page.request.get(`/api/students/${foreign.id}`)).status()).toBe(404);
    const list = (await (await page.request.get('/api/students')).json()) as { items: { name: string }[]; total: number };
    expect(list.items.map((s) => s.name)).toEqual(['张小明']);

    // the staff pages are not in a parent's menu and refuse a typed-in address
    await page.goto('/org/students');
    await expect.poll(() => page.getByText('无权访问此页面').isVisible()).toBe(true);
    await context.close();
  });

  it('opens the public white/black list from the sign-in page without signing in', async () => {
    const { page, context } = await newPage(PHONE);
    await page.goto('/login');
    // the link names the demo district once the page knows it is there (the demo accounts listed)
    await page.getByTestId('demo-demo-parent').waitFor();
    await page.getByTestId('public-institutions-link').click();
    await page.waitForURL((url) => url.pathname === '/public/institutions');
    await page.getByTestId('white-list').waitFor();
    expect(await page.getByTestId('white-list').textContent()).toContain('启明文化艺术培训学校');
    expect(await page.getByTestId('black-list').textContent()).toContain('捷径升学补习班');
    expect(await page.getByTestId('white-list').textContent()).not.toContain('捷径升学补习班');
    await shot(page, 'org-05-public-institutions');
    await context.close();
  });
});

describe('roster import', () => {
  it('lists every bad row and imports nothing; the good rows alone then import', async () => {
    // the file with bad rows is answered 422, which the browser logs
    const { page, context } = await newPage(undefined, { allowErrors: [/status of 422\b.*\[[^\]]*\/api\/roster\/students\/import\?[^\]]*\]$/] });
    await signIn(page, 'demo-principal', undefined, '/org/roster');
    await page.getByTestId('roster-entity').getByText('学生及监护人').click();

    const good = ['E2E2026001', '导入测试甲', '男', '2017-03-05', 3, '三年级(1)班', '导入家长甲', '13799990001', '父亲'];
    const bad = ['E2E2026002', '导入测试乙', 'X', '2017-13-45', 3, '三年级(1)班', '导入家长乙', '13799990002', '母亲'];
    await page.getByTestId('roster-import').locator('input[type=file]').setInputFiles({ name: '学生-含错误.xlsx', mimeType: XLSX, buffer: await studentsXlsx([good, bad]) });

    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const rows = errors.locator('tbody tr.ant-table-row');
    const texts = await rows.allTextContents();
    expect(texts.length).toBe(2);
    expect(texts.every((t) => t.startsWith('3'))).toBe(true);
    expect(texts.some((t) => t.includes('性别'))).toBe(true);
    expect(texts.some((t) => t.includes('出生日期'))).toBe(true);
    expect(await page.getByTestId('import-message').textContent()).toContain('未导入任何数据');
    await shot(page, 'org-06-roster-errors');

    // nothing was written: not even the good row
    const before = (await (await page.request.get('/api/students?q=E2E2026001')).json()) as { total: number };
    expect(before.total).toBe(0);

    await page.getByTestId('roster-import').locator('input[type=file]').setInputFiles({ name: '学生-已修改.xlsx', mimeType: XLSX, buffer: await studentsXlsx([good]) });
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-created').textContent()).toBe('1');
    await shot(page, 'org-07-roster-imported');
    const after = (await (await page.request.get('/api/students?q=E2E2026001')).json()) as { total: number; items: { className: string }[] };
    expect(after.total).toBe(1);
    expect(after.items[0]!.className).toBe('三年级(1)班');
    await context.close();
  });
});

describe('students', () => {
  it('a school administrator flags a student, adds a guardian with an account, and moves the student to another class', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-principal', undefined, '/org/classes');
    await page.getByRole('link', { name: '三年级(3)班' }).click();
    await page.waitForURL((url) => url.pathname === '/org/students' && url.search.includes('classId='));
    const row = page.locator('tr.ant-table-row', { hasText: 'SY0120240301' });
    await row.waitFor();
    const name = (await row.locator('td').nth(1).textContent())!.trim();
    await row.click();

    const drawer = page.getByTestId('student-drawer');
    await drawer.getByText('特殊情况').waitFor();
    await drawer.getByRole('button', { name: /编\s*辑/ }).nth(1).click();
    const flags = page.getByRole('dialog', { name: '编辑特殊学生标记' });
    await flags.getByLabel('留守儿童').check();
    await flags.getByLabel('备注').fill('父母在外地务工，由祖父母照顾');
    await flags.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => drawer.locator('.ant-tag', { hasText: '留守' }).count()).toBeGreaterThan(0);
    await expect.poll(() => row.textContent()).toContain('留守');

    await drawer.getByPlaceholder('姓名').fill('测试外婆');
    await drawer.getByPlaceholder('手机号').fill('13799990011');
    await choose(page, drawer.getByTestId('guardian-relation'), '外祖母');
    await drawer.getByRole('button', { name: /添\s*加/ }).click();
    const guardian = drawer.getByTestId('guardians').locator('> div', { hasText: '测试外婆' });
    await guardian.waitFor();
    await guardian.getByRole('button', { name: '开通家长账号' }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).last().click();
    const credentials = page.getByTestId('credentials');
    await credentials.waitFor();
    expect(await credentials.textContent()).toContain('13799990011');
    await shot(page, 'org-07b-student-guardian-account');
    await page.getByRole('button', { name: '已记录，关闭' }).click();
    await expect.poll(() => guardian.textContent()).toContain('已开通账号');
    await shot(page, 'org-07c-student-drawer');

    // 调班: the edit form's class is the transfer; the ID number and home address are entered in the same form
    await drawer.getByRole('button', { name: /编\s*辑/ }).first().click();
    const edit = page.getByRole('dialog', { name: '编辑学生' });
    await choose(page, edit.getByLabel('班级'), '三年级(1)班');
    const { birthDate } = ((await (await page.request.get('/api/students?q=SY0120240301')).json()) as { items: { birthDate: string }[] }).items[0]!;
    const idNumber = makeIdNumber('140105', birthDate, 921);
    // a wrong check digit is refused in the form, in words, before anything is sent
    await edit.getByLabel('身份证号').fill(`${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`);
    await edit.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => edit.textContent()).toContain('校验位（第 18 位）不正确');
    await shot(page, 'org-07e-student-id-number-refused');
    await edit.getByLabel('身份证号').fill(idNumber.toLowerCase());
    await edit.getByLabel('家庭住址').fill('小店区平阳路 88 号书香园 2 号楼 1 单元 302 室');
    await edit.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => drawer.textContent()).toContain('三年级(1)班');
    // the school's administrator sees them in full, the list masked
    await expect.poll(() => drawer.getByTestId('student-id-number').textContent()).toBe(idNumber);
    expect(await drawer.textContent()).toContain('小店区平阳路 88 号书香园');
    await shot(page, 'org-07f-student-id-number');
    const moved = (await (await page.request.get('/api/students?q=SY0120240301')).json()) as { items: { className: string; name: string }[] };
    expect(moved.items[0]).toMatchObject({ name, className: '三年级(1)班' });
    await context.close();
  });

  it('a subject teacher sees no special-student flags', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-teacher', undefined, '/org/students');
    await page.getByRole('row', { name: /SY01/ }).first().waitFor();
    expect(await page.getByRole('columnheader', { name: '特殊情况' }).count()).toBe(0);
    const sample = (await (await page.request.get('/api/students?pageSize=5')).json()) as { items: { sensitive: unknown }[] };
    expect(sample.items.every((s) => s.sensitive === null)).toBe(true);
    await shot(page, 'org-07d-teacher-students');
    await context.close();
  });
});

describe('classes and the audit trail', () => {
  it('the district creates a class; the auditor finds the entry', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-district', undefined, '/org/classes');
    await choose(page, page.getByTestId('school-select'), '示范区实验小学');
    await page.getByRole('row', { name: /三年级\(2\)班/ }).waitFor();
    await page.getByTestId('new-class').click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog.getByLabel('年级'), '六年级');
    await dialog.getByLabel('班级').fill('六年级(9)班');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const row = page.getByRole('row', { name: /六年级\(9\)班/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('六年级');
    await shot(page, 'org-09-class-created');
    await context.close();

    const auditor = await newPage();
    await signIn(auditor.page, 'demo-auditor', undefined, '/audit');
    await auditor.page.getByLabel('内容包含').fill('六年级(9)班');
    await auditor.page.getByRole('button', { name: /搜\s*索/ }).click();
    const entry = auditor.page.getByTestId('audit-table').getByRole('row', { name: /class\.create/ });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('周建国');
    await entry.getByRole('button', { name: /展开|Expand/ }).click();
    const after = auditor.page.getByTestId('audit-after');
    await after.waitFor();
    expect(await after.textContent()).toContain('六年级(9)班');
    await shot(auditor.page, 'org-10-audit-class-create');
    await auditor.context.close();
  });
});

describe('school calendar', () => {
  it('shows 国庆节 in October 2026 for a school', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-teacher', undefined, '/org/calendar');
    const title = page.getByTestId('calendar-month');
    await title.waitFor();
    for (let i = 0; i < 240; i++) {
      const text = (await title.textContent())!;
      const [, y, m] = /(\d{4})年(\d{1,2})月/.exec(text)!;
      const diff = (Number(y) - 2026) * 12 + Number(m) - 10;
      if (diff === 0) break;
      await page.getByTestId(diff > 0 ? 'calendar-prev' : 'calendar-next').click();
      await expect.poll(() => title.textContent()).not.toBe(text);
    }
    for (const d of ['01', '04', '07']) {
      const cell = page.locator(`[data-date="2026-10-${d}"]`);
      await expect.poll(() => cell.getAttribute('data-kind')).toBe('holiday');
      expect(await cell.textContent()).toContain('国庆节');
    }
    expect(await page.locator('[data-date="2026-10-08"]').getAttribute('data-kind')).toBe('school_day');
    expect(await page.locator('[data-date="2026-10-10"]').textContent()).toContain('调休');
    expect(await page.getByTestId('calendar-legend').textContent()).toContain('法定节假日');
    await shot(page, 'org-11-calendar-october');

    await page.setViewportSize(PHONE);
    await shot(page, 'org-12-calendar-october-phone');
    await context.close();
  });
});
