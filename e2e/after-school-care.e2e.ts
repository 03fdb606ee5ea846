/**
 * Lunch and summer care in the browser: the school's lunch page shows today's meals per kitchen and takes the day's
 * attendance in one tap with one child on leave; the finance officer reads the month; the district's summer page
 * shows last summer's two sites with their seats; a parent on a phone sees the child's lunch and the summer sites.
 */
import type { LunchDay, LunchOffer } from '@shuangjian/contracts';
import { DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

describe('lunch and summer care', () => {
  it('the school counts meals per kitchen and takes the day in one tap', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-principal');
    await page.getByRole('menuitem', { name: '课后服务' }).click();
    await page.getByRole('menuitem', { name: '午餐午托' }).click();
    await page.waitForURL(/\/after-school\/lunch/);
    const me = (await (await page.request.get('/api/me')).json()) as { schools: { id: string }[] };
    const offers = (await (await page.request.get(`/api/after-school/lunch/offers?schoolId=${me.schools[0]!.id}`)).json()) as { items: LunchOffer[] };
    const offer = offers.items[0]!;
    const today = todayIn(DEFAULT_TIME_ZONE);
    const day = (await (await page.request.get(`/api/after-school/lunch/offers/${offer.id}/day?date=${today}`)).json()) as LunchDay;
    await expect.poll(() => page.getByTestId('kitchen-count').count()).toBe(offer.kitchens.length);
    await shot(page, 'after-school-care-01-lunch');
    if (day.schoolDay && day.children.length) {
      // one child on leave, everyone else present in the same tap
      const first = page.getByRole('row').filter({ hasText: day.children[0]!.name }).first();
      await first.getByText('请假').click();
      await page.getByRole('button', { name: /全部到齐/ }).click();
      await page.getByText(/已登记 \d+ 人的午餐考勤/).waitFor();
      const after = (await (await page.request.get(`/api/after-school/lunch/offers/${offer.id}/day?date=${today}`)).json()) as LunchDay;
      expect(after.taken).toBe(true);
      expect(after.counts.reduce((n, k) => n + k.leave, 0)).toBeGreaterThanOrEqual(1);
      await expect.poll(() => page.getByTestId('kitchen-count').first().textContent()).toContain('请假');
      await shot(page, 'after-school-care-02-lunch-taken');
    }
    await page.getByRole('tab', { name: '当月费用' }).click();
    await page.getByTestId('lunch-month-net').waitFor();
    await shot(page, 'after-school-care-03-lunch-month');
  });

  it('the district sees last summer’s sites', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    await page.goto('/after-school/summer');
    const lastSummer = Number(todayIn(DEFAULT_TIME_ZONE).slice(0, 4)) - (todayIn(DEFAULT_TIME_ZONE).slice(5, 7) < '09' ? 1 : 0);
    await page.getByLabel('年份').fill(String(lastSummer));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('summer-site').count()).toBe(2);
    await page.getByTestId('summer-site').filter({ hasText: '城东社区暑期托管点' }).getByRole('button', { name: /名\s*单/ }).first().click();
    await shot(page, 'after-school-care-04-summer-sites');
    await expect.poll(() => page.getByRole('dialog').locator('.ant-table-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('rota-day').count()).toBeGreaterThan(0);
    await shot(page, 'after-school-care-05-summer-roster');
  });

  it('a parent sees the child’s lunch and summer care on a phone', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent');
    await page.goto('/after-school/care/family');
    await page.getByTestId('family-lunch').getByText(/已报名/).waitFor();
    await shot(page, 'after-school-care-06-phone');
  });
});
