/**
 * 考试管理 in the browser: demo-principal files a paper exam for grade 2 and is told which rule forbids it (the rule in
 * words and its policy version on screen), then files a non-paper assessment that is accepted; demo-teacher records a
 * class's levels on a phone; demo-parent sees the child's levels on a phone (390×844).
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { allowError, choose, closeBrowser, DESKTOP, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const fitsPhone = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
/** A school day ahead, in the district's zone (the filing must come before the exam). */
const ahead = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

async function pickDate(page: Page, date: string) {
  await page.getByTestId('filing-date').click();
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').last();
  await panel.waitFor();
  for (let i = 0; i < 12 && !(await panel.locator(`td[title="${date}"].ant-picker-cell-in-view`).count()); i++) await panel.locator('.ant-picker-header-next-btn').click();
  await panel.locator(`td[title="${date}"].ant-picker-cell-in-view`).click();
  await panel.waitFor({ state: 'hidden' });
}

describe('an exam is filed against the rules, levels recorded and read by the family', () => {
  it('the principal is told which rule forbids a paper exam in grade 2, then files a non-paper assessment', async () => {
    const { page } = await newPage(DESKTOP);
    allowError(page, /422/);
    await signIn(page, 'demo-principal', 'Demo#2026', '/exams/filings');
    await page.getByTestId('filing-row-accepted').first().waitFor();
    await page.getByTestId('filing-new').click();
    const drawer = page.getByTestId('filing-drawer');
    await drawer.getByTestId('filing-name').fill('二年级语文期末笔试');
    await drawer.getByTestId('filing-grades').getByText('2年级').click();
    await choose(page, drawer.getByTestId('filing-subjects'), '语文');
    await choose(page, drawer.getByTestId('filing-type'), '期末考试');
    await drawer.getByTestId('filing-form-kind').getByText('纸笔考试').click();
    await pickDate(page, ahead(9));
    await drawer.getByTestId('filing-submit').click();
    const finding = drawer.getByTestId('exam-finding-no_paper_grades');
    await finding.waitFor();
    await expect.poll(() => finding.innerText()).toContain('2年级不得进行纸笔考试');
    await expect.poll(() => finding.getByTestId('exam-citation').innerText()).toContain('1、2年级不进行纸笔考试');
    await expect.poll(() => finding.getByTestId('exam-citation').innerText()).toContain('考试管理设置（exams.limits） 默认值（第 0 版）');
    await shot(page, 'exams-filings-01-refused');

    await drawer.getByTestId('filing-name').fill('二年级语文乐学闯关');
    await choose(page, drawer.getByTestId('filing-type'), '单元检测');
    await drawer.getByTestId('filing-form-kind').getByText('非纸笔测评').click();
    await drawer.getByTestId('filing-submit').click();
    await page.getByText('已备案：符合考试管理规定').waitFor();
    await page.getByTestId('filing-row-accepted').filter({ hasText: '二年级语文乐学闯关' }).waitFor();
    await shot(page, 'exams-filings-02-accepted');
    await page.getByRole('tab', { name: '违规记录' }).click();
    await page.getByTestId('filing-row-refused').filter({ hasText: '二年级语文期末笔试' }).waitFor();
    await shot(page, 'exams-filings-03-violations');
  });

  it('the teacher records a class on a phone', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-teacher', 'Demo#2026', '/exams/results');
    await page.getByTestId('level-sheet').waitFor();
    await choose(page, page.getByTestId('results-class'), '三年级(3)班');
    const rows = page.getByTestId('level-row');
    await rows.first().waitFor();
    // the class as it is now (another browser test may have moved a pupil out of it)
    const pupils = await rows.count();
    await expect.poll(() => page.getByTestId('level-counts').innerText()).toContain(`未录入 ${pupils}`);
    await rows.nth(0).getByText('优', { exact: true }).click();
    await rows.nth(1).getByText('合', { exact: true }).click();
    await choose(page, page.getByTestId('levels-fill'), '良好');
    await page.getByTestId('levels-save').click();
    await page.getByText(`已保存 ${pupils} 名学生的等级`).waitFor();
    await expect.poll(() => page.getByTestId('level-counts').innerText()).toContain('未录入 0');
    expect(await fitsPhone(page)).toBe(true);
    await shot(page, 'exams-filings-04-levels');
  });

  it('the parent sees the child levels on a phone', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent', 'Demo#2026', '/exams/levels/child');
    const exam = page.getByTestId('family-exam').filter({ hasText: '第三单元学习检测' });
    await exam.waitFor();
    await expect.poll(async () => (await exam.getByTestId('family-level').count())).toBe(2);
    expect(await exam.innerText()).not.toMatch(/名次|排名|分数/);
    expect(await fitsPhone(page)).toBe(true);
    await shot(page, 'exams-filings-05-family');
  });
});
