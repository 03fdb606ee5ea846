/**
 * 一人一档 in the browser: demo-classteacher opens the register of special students, opens a left-behind pupil's file,
 * records a care given on a phone and changes the stand-in parent; demo-teacher (a subject teacher) is refused the
 * register and the file; demo-principal designates demo-teacher as 关爱专干, after which the register opens to them, and
 * takes it back; demo-auditor finds the reads of the file in the audit log.
 */
import type { SpecialStudent } from '@shuangjian/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, choose, closeBrowser, DESKTOP, newPage, PHONE, pickSearched, shot, signIn } from './harness';

afterAll(() => closeBrowser());

/** The browser logs the refusals the pages answer with a result page. */
const REFUSED = /status of 40[34].*\/api\/home-school\/special/;

async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

/** A left-behind pupil of demo-classteacher's class (the demo draws its special students at random each time it loads). */
let pupil: SpecialStudent;

beforeAll(async () => {
  const { context } = await newPage();
  await apiSignIn(context, 'demo-classteacher');
  const register = async () => ((await (await context.request.get('/api/home-school/special')).json()) as { items: SpecialStudent[] }).items;
  let items = await register();
  if (!items.some((s) => s.flags.leftBehind)) {
    // none drawn this time: the class teacher marks a pupil of the class as left-behind, as the org pages let them
    const me = (await (await context.request.get('/api/me')).json()) as { classes: { id: string; roles: string[] }[] };
    const classId = me.classes.find((c) => c.roles.includes('class_teacher'))!.id;
    const pupils = (await (await context.request.get(`/api/students?classId=${classId}`)).json()) as { items: { id: string; name: string }[] };
    const target = pupils.items.find((p) => p.name !== '张小明')!;
    const res = await context.request.put(`/api/students/${target.id}/sensitive`, {
      data: { leftBehind: true, singleParent: false, hardship: false, disability: false, learningDifficulty: false, note: '父母在外务工，由祖辈照看' },
    });
    expect(res.ok()).toBe(true);
    items = await register();
  }
  const leftBehind = items.filter((s) => s.flags.leftBehind);
  pupil = leftBehind.find((s) => s.hasFile) ?? leftBehind[0]!;
  expect(pupil).toBeTruthy();
  await context.close();
});

describe('一人一档', () => {
  it('the class teacher opens the register and a file, records care on a phone and changes the stand-in parent', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-classteacher', 'Demo#2026', '/home-school/special');
    const table = page.getByTestId('special-table');
    await table.getByRole('link', { name: pupil.name }).waitFor();
    await expect.poll(() => page.getByTestId('special-rule').innerText()).toContain('不少于 3 次');
    await shot(page, 'home-school-special-01-register');
    await choose(page, page.getByTestId('special-flag'), '留守');
    await page.waitForURL(/[?&]flag=leftBehind/);
    await expect.poll(async () => {
      const rows = await table.locator('tbody tr.ant-table-row').allInnerTexts();
      return rows.length > 0 && rows.every((text) => text.includes('留守'));
    }).toBe(true);
    await table.getByRole('link', { name: pupil.name }).click();
    await page.waitForURL(`**/home-school/special/${pupil.studentId}`);
    await page.getByTestId('special-file-name').getByText(pupil.name).waitFor();
    await page.getByTestId('special-audited').getByText('本次查看已记入审计日志', { exact: false }).waitFor();
    await page.getByTestId('care-plan').waitFor();
    await shot(page, 'home-school-special-02-file');

    // the care plan: a file not opened yet is opened with it; a left-behind pupil needs a stand-in parent of the school
    await page.getByTestId('plan-edit').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('plan-stand-in').waitFor();
    if (!pupil.hasFile) {
      await dialog.getByLabel('关爱目标').fill('情绪稳定，按时完成作业，与父母每周通话');
      await dialog.getByLabel('帮扶措施').fill('每周谈心一次；每两周亲情电话');
    }
    const current = pupil.standInName ?? '';
    await dialog.getByTestId('plan-stand-in').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    const names = (await options.allInnerTexts()).map((n) => n.trim()).filter((n) => n && n !== current);
    await page.keyboard.press('Escape');
    const next = names[0]!;
    await choose(page, dialog.getByTestId('plan-stand-in'), next);
    await shot(page, 'home-school-special-03-plan-dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('关爱计划已保存').waitFor();
    await expect.poll(() => page.getByTestId('stand-in').innerText()).toBe(next);

    // on a phone, the class teacher records a family call just made
    const phone = await newPage(PHONE);
    await signIn(phone.page, 'demo-classteacher', 'Demo#2026', `/home-school/special/${pupil.studentId}`);
    const form = phone.page.getByTestId('care-record-form');
    await form.waitFor();
    await choose(phone.page, phone.page.getByTestId('care-kind'), '亲情电话');
    const note = `与在外务工的父亲视频通话，孩子很开心（${Date.now() % 100000}）`;
    await phone.page.getByTestId('care-content').fill(note);
    await phone.page.getByTestId('care-follow-up').fill('两周后再安排一次');
    await phone.page.getByTestId('care-add').click();
    await phone.page.getByText('关爱记录已保存').waitFor();
    const record = phone.page.getByTestId('care-record').filter({ hasText: note });
    await record.getByText('亲情电话').waitFor();
    await record.getByText('跟进：两周后再安排一次').waitFor();
    await shot(phone.page, 'home-school-special-04-file-phone');
    await fitsPhone(phone.page);
    await phone.page.getByRole('button', { name: '返回名册' }).click();
    await phone.page.getByTestId('special-cards').getByRole('link', { name: pupil.name }).waitFor();
    await shot(phone.page, 'home-school-special-04b-register-phone');
    await fitsPhone(phone.page);
  });

  it('a subject teacher is refused the register and the file', async () => {
    const { page } = await newPage(DESKTOP, { allowErrors: [REFUSED] });
    await signIn(page, 'demo-teacher', 'Demo#2026', '/home-school/special');
    await page.getByTestId('special-refused').getByText('无权查看特殊学生名册').waitFor();
    await shot(page, 'home-school-special-05-teacher-refused-register');
    await page.goto(`/home-school/special/${pupil.studentId}`);
    await page.getByTestId('special-file-refused').getByText('无权查看该学生档案').waitFor();
    expect(await page.content()).not.toContain(pupil.name);
    await shot(page, 'home-school-special-06-teacher-refused-file');
  });

  it('the principal designates a care staff member, who then reads the register, and removes them again', async () => {
    const teacher = await newPage(DESKTOP, { allowErrors: [REFUSED] });
    await apiSignIn(teacher.context, 'demo-teacher');
    const teacherName = ((await (await teacher.context.request.get('/api/me')).json()) as { user: { name: string } }).user.name;

    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-principal', 'Demo#2026', '/home-school/care-staff');
    const table = page.getByTestId('care-staff-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    // the school's whole staff is on offer: search by name
    await pickSearched(page, page.getByTestId('care-candidate').locator('input'), teacherName, teacherName);
    await page.getByTestId('care-designate').click();
    await page.getByText(`已指定 ${teacherName} 为关爱专干`).waitFor();
    const row = table.locator('tbody tr.ant-table-row').filter({ hasText: teacherName });
    await row.waitFor();
    await shot(page, 'home-school-special-07-care-staff');

    // as care staff of the school, the subject teacher now reads the whole school's register (a page at a time: found by name) and the file
    await teacher.page.goto('/home-school/special');
    await teacher.page.getByTestId('special-table').locator('tbody tr.ant-table-row').first().waitFor();
    await teacher.page.getByTestId('special-search').locator('input').fill(pupil.name);
    await teacher.page.getByTestId('special-search').locator('input').press('Enter');
    await teacher.page.getByTestId('special-table').getByRole('link', { name: pupil.name }).waitFor();
    await teacher.page.getByTestId('special-table').getByRole('link', { name: pupil.name }).click();
    await teacher.page.getByTestId('special-file-name').getByText(pupil.name).waitFor();

    await row.getByRole('button', { name: '取消指定' }).click();
    // the bubble's OK once the bubble has finished opening: a click while it zooms in is lost
    const ok = page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ });
    await ok.waitFor();
    await page.waitForFunction(() => (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document.getAnimations().every((a) => a.playState !== 'running'));
    await ok.click();
    await page.getByText('已取消').waitFor();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').filter({ hasText: teacherName }).count()).toBe(0);
  });

  it('the district reads the whole register and the file', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-district', 'Demo#2026', '/home-school/special');
    const table = page.getByTestId('special-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    // the whole district's register comes a page at a time: the next page is the next pupils
    const register = (await (await page.context().request.get('/api/home-school/special?pageSize=1')).json()) as { total: number };
    expect(register.total).toBeGreaterThan(50);
    await expect.poll(() => page.getByTestId('special-count').innerText()).toBe(`共 ${register.total} 名`);
    const firstPage = await table.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(firstPage).toHaveLength(50);
    await page.locator('.ant-table-pagination .ant-pagination-item-2').click();
    await page.waitForURL('**/home-school/special?page=2');
    await expect.poll(async () => (await table.locator('tbody tr.ant-table-row').allInnerTexts())[0]).not.toBe(firstPage[0]);
    const secondPage = await table.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(secondPage.length).toBe(Math.min(50, register.total - 50));
    expect(secondPage.some((row) => firstPage.includes(row))).toBe(false);
    await shot(page, 'home-school-special-09a-district-page-2');
    // the district's schools and classes are many: search for them
    await pickSearched(page, page.getByTestId('special-school').locator('input'), pupil.schoolName, pupil.schoolName);
    await pickSearched(page, page.getByTestId('special-class').locator('input'), pupil.className, pupil.className);
    // the server answers the filtered page: wait for it
    await page.waitForURL(/[?&]class=/);
    await expect.poll(async () => (await table.locator('tbody tr.ant-table-row').allInnerTexts()).every((text) => text.includes(pupil.className))).toBe(true);
    await table.getByRole('link', { name: pupil.name }).click();
    await page.getByTestId('special-file-name').getByText(pupil.name).waitFor();
    // the district reads; the class teacher, the care staff and the school keep the file
    await page.getByText('只有班主任、关爱专干和学校管理员可以修改', { exact: false }).waitFor();
    expect(await page.getByTestId('plan-edit').count()).toBe(0);
    await page.goBack();
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await choose(page, page.getByTestId('special-flag'), '留守');
    await expect.poll(async () => (await table.locator('tbody tr.ant-table-row').allInnerTexts()).every((text) => text.includes('留守') && text.includes(pupil.className))).toBe(true);
    await shot(page, 'home-school-special-09-district-register');
  });

  it('the auditor finds the reads of the file in the audit log', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-auditor', 'Demo#2026', `/audit?action=home-school.special.read&entityId=${pupil.studentId}`);
    const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const text = (await rows.allInnerTexts()).join('\n');
    expect(text).toContain('home-school.special.read');
    expect(text).toContain('班主任');
    expect(text).toContain('区教育局管理员');
    await shot(page, 'home-school-special-08-audit');
  });
});
