/**
 * 课后服务 daily running in the browser. demo-teacher takes today's roll call on a 390×844 phone ("全部到" in one tap,
 * then a tap on each exception, save) and signs a child out to the grandparent who came; the family's leave page on
 * a phone (its leaves and sign-outs paged by the server); the school's 教务处 records a patrol and reads the month's assessment and the teachers' flexible hours.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

/** The page's full width: nothing may be wider than the phone. */
const pageWidth = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);

describe('a teacher takes attendance on a phone', () => {
  it('all present in one tap, then the exceptions, save; then a pick-up', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-teacher', undefined, '/after-school/daily');
    await page.getByRole('heading', { name: '课后服务点名' }).waitFor();
    const cards = page.getByTestId('course-card');
    const none = page.getByText('这一天没有您带的课后服务课程');
    await cards.or(none).first().waitFor();
    if (await none.isVisible()) {
      // no school day today in the demo calendar: the page says so
      await shot(page, 'after-school-daily-00-no-course');
      return;
    }
    const card = cards.filter({ has: page.getByTestId('roster-child') }).first();
    await card.waitFor();
    await shot(page, 'after-school-daily-01-today');

    await card.getByTestId('all-present').click();
    const open = card.locator('[data-testid="roster-child"]:not([disabled])');
    await expect.poll(() => open.first().getAttribute('data-status')).toBe('present');
    // one child absent (one tap), another late (two taps)
    await open.nth(0).click();
    await open.nth(1).click();
    await open.nth(1).click();
    await expect.poll(() => open.nth(0).getAttribute('data-status')).toBe('absent');
    await expect.poll(() => open.nth(1).getAttribute('data-status')).toBe('late');
    await shot(page, 'after-school-daily-02-exceptions');

    await card.getByTestId('save-attendance').click();
    await page.getByText(/已保存：到 \d+ 人，应到 \d+ 人/).waitFor();
    await card.getByTestId('session-taken').waitFor();
    await shot(page, 'after-school-daily-03-saved');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    const panel = page.getByTestId('pickup-panel');
    await panel.scrollIntoViewIfNeeded();
    const child = panel.getByTestId('uncollected-child').first();
    await child.waitFor();
    const before = await panel.getByTestId('uncollected-child').count();
    await child.getByRole('button', { name: '登记接走' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('接走人姓名').fill('王建华');
    await dialog.getByRole('button', { name: /^爷\s*爷$/ }).click();
    await expect.poll(() => dialog.getByLabel('与孩子关系').inputValue()).toBe('爷爷');
    await shot(page, 'after-school-daily-04-pickup');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText(/已登记：.+由王建华接走/).waitFor();
    await expect.poll(() => panel.getByTestId('uncollected-child').count()).toBe(before - 1);
    await shot(page, 'after-school-daily-05-picked-up');
  });
});

describe('the family and the school', () => {
  it("the parent's leave page fits a phone", async () => {
    const { page } = await newPage(PHONE);
    // the leaves and sign-outs come a page at a time from the server, with the count of all
    const leaves = page.waitForResponse((r) => /\/api\/after-school\/daily\/leaves\?.*page=1/.test(r.url()) && r.status() === 200);
    const pickups = page.waitForResponse((r) => /\/api\/after-school\/daily\/pickups\?.*page=1/.test(r.url()) && r.status() === 200);
    await signIn(page, 'demo-parent', undefined, '/after-school/leave');
    await page.getByRole('heading', { name: '课后服务请假' }).waitFor();
    await page.getByTestId('leave-submit').waitFor();
    for (const [res, row, pages] of [[leaves, 'leave-row', 'leave-pages'], [pickups, 'pickup-row', 'pickup-pages']] as const) {
      const { items, total } = (await (await res).json()) as { items: unknown[]; total: number };
      expect(items.length).toBe(Math.min(total, 10));
      await expect.poll(() => page.getByTestId(row).count()).toBe(items.length);
      expect(await page.getByTestId(pages).count()).toBe(total > 10 ? 1 : 0);
    }
    await shot(page, 'after-school-daily-06-leave');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  it('the school records a patrol and reads the assessment and flexible hours', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-principal', undefined, '/after-school/quality');
    await page.getByRole('heading', { name: '巡视与月度考核' }).waitFor();
    await page.getByTestId('new-patrol').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('或巡视地点').fill('东门接送区');
    await dialog.getByLabel('巡视情况').fill('接送有序，值班教师到位');
    await dialog.getByLabel('发现的问题').fill('个别家长车辆占道');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('巡视已记录').waitFor();
    await page.getByTestId('patrol-row').filter({ hasText: '东门接送区' }).waitFor();
    await shot(page, 'after-school-daily-07-patrols');

    await page.getByRole('tab', { name: '月度考核' }).click();
    await page.getByTestId('school-figure').waitFor();
    await shot(page, 'after-school-daily-08-assessment');

    await page.goto('/after-school/flex-hours');
    await page.getByRole('heading', { name: '弹性上下班' }).waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'after-school-daily-09-flex-hours');
  });
});
