/**
 * A satisfaction survey in the browser: a district officer builds a questionnaire for 示范区实验小学's grade 3 families
 * and sends it; demo-parent answers it on a phone (390×844), once; the officer reads the results — the school group
 * withheld until it has enough answers — and the demo's closed survey shows its charts per question and its text answers
 * a page at a time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const TITLE = `三年级课后服务问卷 ${Date.now() % 100000}`;

describe('a satisfaction survey', () => {
  it('the district builds and sends it, a parent answers on a phone, the results show', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    await page.getByRole('menuitem', { name: '课后服务' }).click();
    await page.getByRole('menuitem', { name: '满意度调查' }).click();
    await page.waitForURL(/\/after-school\/surveys$/);
    await page.getByRole('button', { name: /新建问卷/ }).click();
    const drawer = page.getByRole('dialog');
    await shot(page, 'after-school-survey-00-new');
    await drawer.getByLabel('问卷标题').fill(TITLE);
    await drawer.getByLabel('调查学校').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('示范区实验小学', { exact: true }).click();
    await page.keyboard.press('Escape');
    await drawer.getByLabel('年级').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('3年级', { exact: true }).click();
    await page.keyboard.press('Escape');
    // a multiple-choice question beside the three the builder starts with
    await drawer.getByRole('button', { name: /添加题目/ }).click();
    const last = drawer.locator('.ant-card').last();
    await choose(page, last.getByLabel('题型'), '多选');
    await last.getByLabel('题目内容').fill('您希望增加哪些课程');
    await last.getByLabel('选项（每行一个）').fill('体育\n艺术\n科技');
    await shot(page, 'after-school-survey-01-builder');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.waitFor();
    await row.getByRole('button', { name: /发\s*送/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => row.textContent()).toMatch(/填写中/);
    await expect.poll(() => row.textContent()).toMatch(/0 \/ \d+/);
    await shot(page, 'after-school-survey-02-sent');

    // the parent, on a phone
    const phone = (await newPage(PHONE)).page;
    await signIn(phone, 'demo-parent', undefined, '/after-school/surveys/family');
    const card = phone.getByTestId('family-survey').filter({ hasText: TITLE });
    await card.getByRole('button', { name: /填\s*写/ }).click();
    await phone.getByRole('button', { name: /提交问卷/ }).click();
    await phone.getByText('请回答这道题').first().waitFor(); // required questions refuse an empty sheet
    const questions = phone.getByTestId('question');
    await questions.nth(0).locator('.ant-rate-star').nth(3).click();
    await questions.nth(1).getByRole('radio', { name: '合适' }).check();
    await questions.nth(2).getByRole('textbox').fill('老师很负责');
    await questions.nth(3).getByRole('checkbox', { name: '体育' }).check();
    await questions.nth(3).getByRole('checkbox', { name: '科技' }).check();
    await shot(phone, 'after-school-survey-03-phone-answer');
    await phone.getByRole('button', { name: /提交问卷/ }).click();
    await phone.getByText('已提交，谢谢您的反馈').waitFor();
    await expect.poll(() => card.textContent()).toContain('已填写');
    await shot(phone, 'after-school-survey-04-phone-answered');

    // one answer: the school's group is withheld
    await page.reload();
    await expect.poll(() => row.textContent()).toMatch(/1 \/ \d+/);
    await row.getByRole('button', { name: /结\s*果/ }).click();
    await page.waitForURL(/\/after-school\/surveys\/[0-9a-f-]{36}$/);
    await page.getByText(/答卷 1 份，少于 5 份，不显示结果/).waitFor();
    expect(await page.getByText('老师很负责').count()).toBe(0);
    await shot(page, 'after-school-survey-05-withheld');

    // the demo's closed survey has enough answers: charts per question and the text answers
    await page.goto('/after-school/surveys');
    await page.getByRole('row', { name: /2026年秋季学期课后服务家长满意度调查/ }).getByRole('button', { name: /结\s*果/ }).click();
    await page.getByText(/平均 \d\.\d\d 分/).first().waitFor();
    expect(await page.locator('canvas').count()).toBeGreaterThan(2);
    await page.getByText(/文字回答（\d+ 条）/).waitFor();
    await shot(page, 'after-school-survey-06-results');
    // the text answers: the first 10 with the results, the next page from the server, the count of all
    const texts = page.getByTestId('survey-texts').first();
    const n = Number((await texts.getByText(/文字回答（\d+ 条）/).innerText()).match(/\d+/)![0]);
    expect(n).toBeGreaterThan(10);
    expect(await texts.locator('.ant-list-item').count()).toBe(10);
    const next = page.waitForResponse((r) => /\/api\/after-school\/surveys\/[0-9a-f-]{36}\/texts\?.*page=2/.test(r.url()) && r.status() === 200);
    await texts.locator('.ant-pagination-item-2').click();
    const page2 = (await (await next).json()) as { items: string[]; total: number };
    expect(page2.total).toBe(n);
    await expect.poll(() => texts.locator('.ant-list-item').count()).toBe(Math.min(10, n - 10));
    expect(await texts.locator('.ant-list-item').first().innerText()).toBe(page2.items[0]);
    await texts.scrollIntoViewIfNeeded();
    await shot(page, 'after-school-survey-06b-texts-page-2');
    await page.getByRole('radio', { name: '按年级' }).click({ force: true }).catch(() => page.getByText('按年级').click());
    await page.getByRole('cell', { name: '3年级' }).waitFor();
    await shot(page, 'after-school-survey-07-by-grade');
  });
});
