/**
 * 一校一案 in the browser: the school's 教务处 (demo-principal) changes its approved plan by a new version, sees the
 * rule check refuse a plan without homework help first and pass it again, submits; the district (demo-district)
 * finds it waiting in the list of every school, reads it and approves it; the public page (no sign-in, a phone) shows
 * the plan in force.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, PHONE, SIGNED_OUT_ME, shot, signIn } from './harness';

afterAll(() => closeBrowser());

describe('a school files its plan and the district approves it', () => {
  let schoolId = '';

  it('the school makes a new version, checks it live and submits it', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-principal');
    await page.getByRole('menuitem', { name: '课后服务' }).click();
    await page.getByRole('menuitem', { name: '课后服务方案' }).click();
    await page.waitForURL(/\/after-school\/plan$/);
    await page.getByText('在用版本：第 1 版').waitFor();
    await page.getByRole('cell', { name: '少儿国画' }).waitFor();
    await shot(page, 'after-school-plan-01-in-force');

    // a new club in the catalogue, run by one of the school's teachers
    await page.getByRole('button', { name: '新增课程' }).click();
    const dialog = page.getByRole('dialog', { name: '新增课程' });
    await dialog.getByLabel('课程名称').fill('少儿围棋');
    await dialog.getByRole('checkbox', { name: '3年级' }).check();
    await dialog.getByRole('checkbox', { name: '4年级' }).check();
    await dialog.getByRole('checkbox', { name: '周二' }).check();
    // many staff: type to find the teacher, then pick from the filtered list (again until the select holds it: the
    // staff list may still be loading when the dialog opens)
    const teacher = dialog.getByRole('combobox', { name: '教师' });
    const picked = dialog.locator('.ant-select-selection-item', { hasText: '李强' });
    await expect
      .poll(async () => {
        if (await picked.count()) return true;
        await teacher.click();
        await teacher.fill('李强');
        const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('李强', { exact: true });
        if (await option.count()) await option.first().click();
        return (await picked.count()) > 0;
      })
      .toBe(true);
    await dialog.getByLabel('课程名称').click(); // closes the list without Escape (which would close the dialog)
    await shot(page, 'after-school-plan-01b-course-dialog');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByRole('cell', { name: '少儿围棋' }).waitFor();

    await page.getByRole('button', { name: '修改方案（新建版本）' }).click();
    await page.getByTestId('version-2').waitFor();
    const check = page.getByTestId('plan-check');
    await check.getByText('符合区县要求').waitFor();

    // clubs first breaks "1+X": the check names the rule at once, and submitting is not offered
    const firstKind = page.getByTestId('period-0').locator('.ant-select');
    await firstKind.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('社团活动', { exact: true }).click();
    await check.getByText('after-school.service.homeworkFirst').waitFor();
    await expect.poll(() => page.getByRole('button', { name: '提交审核' }).isDisabled()).toBe(true);
    await shot(page, 'after-school-plan-02-finding');

    await firstKind.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('作业辅导', { exact: true }).click();
    await check.getByText('符合区县要求').waitFor();
    await page.getByLabel('接送安排').fill('17:50 起按年级分批放学；雨雪天气在风雨操场等候，家长凭接送卡接孩子。');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已提交，等待区县审核').first().waitFor();
    await page.getByTestId('version-2').getByText('待审核').waitFor();
    await shot(page, 'after-school-plan-03-submitted');
    const me = await (await page.request.get('/api/me')).json();
    schoolId = me.schools[0].id;
  });

  it('the district sees every school, opens the plan and approves it', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    await page.getByRole('menuitem', { name: '课后服务' }).click();
    await page.getByRole('menuitem', { name: '方案审核备案' }).click();
    await page.waitForURL(/\/after-school\/plans\/review/);
    const row = page.getByTestId('status-示范区实验小学');
    await row.getByText('待审核').waitFor();
    await expect.poll(() => row.textContent()).toContain('在用第 1 版');
    await page.getByTestId('status-城西九年一贯制学校').getByText('未提交').waitFor();
    await shot(page, 'after-school-plan-04-district-list');

    await page.locator('tr').filter({ hasText: '示范区实验小学' }).getByRole('button', { name: /查\s*看/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('雨雪天气在风雨操场等候').waitFor();
    await drawer.getByText('符合区县要求').waitFor();
    await shot(page, 'after-school-plan-05-review');
    await drawer.getByRole('button', { name: /审核通过/ }).click();
    const modal = page.getByRole('dialog', { name: /审核通过/ });
    await modal.getByLabel('审核意见（可选）').fill('同意备案，请做好雨雪天气接送。');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已审核通过').first().waitFor();
    await expect.poll(() => row.textContent()).toContain('已备案');
    await expect.poll(() => row.textContent()).toContain('第 2 版');
    await shot(page, 'after-school-plan-06-approved');

    // the white list the school's provider course came from, at its listed price
    await page.getByRole('menuitem', { name: '服务机构白名单' }).click();
    await page.waitForURL(/\/after-school\/providers/);
    const listed = page.locator('tr').filter({ hasText: '少儿国画' });
    await expect.poll(() => listed.textContent()).toContain('¥30.00');
    await expect.poll(() => listed.textContent()).toContain('启明文化艺术培训学校');
    await shot(page, 'after-school-plan-07-white-list');
  });

  it('the public page shows the plan in force without signing in, on a phone', async () => {
    const { page } = await newPage(PHONE, { allowErrors: [SIGNED_OUT_ME] });
    await page.goto(`/public/after-school/${schoolId}`);
    await page.getByText('示范区实验小学 课后服务公示').waitFor();
    const courses = page.getByTestId('public-courses');
    await courses.getByText('少儿国画').waitFor();
    await expect.poll(() => courses.textContent()).toContain('启明文化艺术培训学校');
    await expect.poll(() => page.getByTestId('public-timetable').textContent()).toContain('雨雪天气在风雨操场等候');
    await page.getByTestId('public-fees').getByText(/服务性收费/).waitFor();
    await shot(page, 'after-school-plan-08-public-phone');
  });
});
