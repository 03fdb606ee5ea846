/**
 * 督导通知 in the browser: demo-district sends 实验小学 a warning (警示通报) with a reply due in a week; demo-principal
 * signs in on a phone, sees the unread count on the home page, opens the warning from the home card and replies with a
 * file; demo-district finds the reply in the warning's receipts and accepts it; the school sees it accepted.
 */
import { addDays, DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, DESKTOP, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const TITLE = `关于作业公示不及时的警示通报（浏览器测试 ${Date.now() % 100000}）`;
const REPLY = '已召开年级组会议，作业公示改为每日 16:00 前完成，教务处每周抽查。';
const DUE = addDays(todayIn(DEFAULT_TIME_ZONE), 7);

async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('督导通知', () => {
  it('the district sends 实验小学 a warning with a reply due next week', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-district', 'Demo#2026', '/supervision/notices/sent');
    // the demo: a report asked of every school, one reply awaiting review
    const report = page.getByTestId('sv-sent-row').filter({ hasText: '关于报送课后服务开展情况的通知' });
    await report.getByText('待审核 1').waitFor();
    await shot(page, 'supervision-notices-1-sent');

    await page.getByTestId('sv-compose').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('label').filter({ hasText: '警示通报' }).click();
    await dialog.getByLabel('标题').fill(TITLE);
    await dialog.getByLabel('正文').fill('近两周作业公示多次晚于 18:00，请说明原因并报送整改措施。');
    await choose(page, dialog.getByLabel('接收角色'), '学校管理员（教务处）');
    await choose(page, dialog.getByLabel('学校'), '示范区实验小学');
    const due = dialog.getByLabel('回复期限');
    await due.click();
    await due.fill(DUE);
    await due.press('Enter');
    await shot(page, 'supervision-notices-2-compose');
    await page.getByTestId('sv-compose-send').click();
    await page.getByText('已发布，送达 1 人').waitFor();
    // the sent warning opens with its receipts: 实验小学 reached, not read, no reply
    const drawer = page.getByTestId('sv-receipts-drawer');
    await drawer.getByText(TITLE).waitFor();
    const row = drawer.getByTestId('sv-receipts').locator('tr').filter({ hasText: '示范区实验小学' });
    await row.getByText('未回复').waitFor();
    await row.getByText('0/1').waitFor();
    await shot(page, 'supervision-notices-3-receipts');
  });

  it('demo-principal sees the unread badge at home, opens the warning and replies on a phone', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-principal', 'Demo#2026', '/');
    const card = page.getByTestId('home-sv-notices-card');
    await card.waitFor();
    const badge = card.getByTestId('home-sv-notices-badge');
    await expect.poll(async () => Number((await badge.textContent())?.replace(/\D/g, '') || 0)).toBeGreaterThanOrEqual(2);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'supervision-notices-4-home-badge');
    await fitsPhone(page);

    await card.getByTestId('home-sv-notice').filter({ hasText: TITLE }).click();
    const view = page.getByTestId('sv-notice-view');
    await view.getByText(TITLE).waitFor();
    await view.getByText(/请于 .* 前回复/).waitFor();
    await view.getByTestId('sv-reply-state').getByText('未回复').waitFor();
    await shot(page, 'supervision-notices-5-open');

    await view.getByTestId('sv-reply-body').fill(REPLY);
    await view.locator('input[type=file]').setInputFiles({ name: '整改方案.txt', mimeType: 'text/plain', buffer: Buffer.from('作业公示整改方案') });
    await view.getByText('整改方案.txt').waitFor();
    await expect.poll(() => view.getByTestId('sv-reply-submit').isEnabled()).toBe(true);
    await view.getByTestId('sv-reply-submit').click();
    await page.getByText('已提交回复，等待区教育局审核').waitFor();
    await view.getByTestId('sv-reply-state').getByText('已回复，待审核').waitFor();
    await view.getByTestId('sv-reply-history').getByText(REPLY).waitFor();
    await shot(page, 'supervision-notices-6-replied');
    await fitsPhone(page);

    // back in the list: read now, the school's reply awaiting review
    await page.getByRole('button', { name: /close|关闭/i }).click();
    const item = page.getByTestId('sv-inbox-item').filter({ hasText: TITLE });
    await item.getByText('已回复，待审核').waitFor();
    await expect.poll(() => item.getAttribute('data-unread')).toBeNull();
    await shot(page, 'supervision-notices-7-inbox');
    await fitsPhone(page);
  });

  it('the district reads the reply and accepts it; the school sees it accepted', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-district', 'Demo#2026', '/supervision/notices/sent');
    await page.getByTestId('sv-sent-row').filter({ hasText: TITLE }).getByText('待审核 1').click();
    const drawer = page.getByTestId('sv-receipts-drawer');
    const row = drawer.getByTestId('sv-receipts').locator('tr').filter({ hasText: '示范区实验小学' });
    await row.getByText(REPLY).waitFor();
    await row.getByText('1/1').waitFor();
    await row.getByText('整改方案.txt').waitFor();
    await shot(page, 'supervision-notices-8-reply');
    await row.getByTestId('sv-reply-accept').click();
    await page.getByText('已采纳', { exact: true }).first().waitFor();
    await row.getByTestId('sv-reply-state').getByText('已采纳').waitFor();
    await shot(page, 'supervision-notices-9-accepted');

    // the demo's report asked of every school: one reply to review, one returned, one accepted, one school silent
    await page.getByRole('button', { name: /close|关闭/i }).click();
    await page.getByTestId('sv-sent-row').filter({ hasText: '关于报送课后服务开展情况的通知' }).click();
    const receipts = page.getByTestId('sv-receipts-drawer').getByTestId('sv-receipts');
    for (const state of ['未回复', '已回复，待审核', '已退回，请重新回复', '已采纳']) await receipts.getByText(state).waitFor();
    await shot(page, 'supervision-notices-10-report');

    const school = await newPage(PHONE);
    await signIn(school.page, 'demo-principal', 'Demo#2026', '/supervision/notices');
    await school.page.getByTestId('sv-inbox-item').filter({ hasText: TITLE }).getByText('已采纳').waitFor();
  });
});
