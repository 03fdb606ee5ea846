/**
 * 选课 in the browser: demo-parent opens after-school choosing from the home page on a 390×844 phone, reads and signs
 * the service agreement, chooses a club with seats left, sees it among the child's courses, and withdraws it again
 * (so the demo stays as found). Then the school's 教务处 sees the seats per course and the club's roster.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

describe('a parent chooses a club on a phone and signs', () => {
  let club = '';

  it('signs the agreement and takes a seat in a club', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent');
    await page.getByTestId('home-after-school-enrol').click();
    await page.waitForURL(/\/after-school\/enrol\/child/);
    await page.getByTestId('enrol-window').getByText('选课进行中').waitFor();
    await page.getByTestId('agreement-text').getByText('自愿参加').waitFor();
    const first = page.getByTestId('course-card').first();
    await first.waitFor();
    // choosing waits for the agreement
    await expect.poll(() => page.getByTestId('course-choose').first().isDisabled()).toBe(true);
    await shot(page, 'after-school-enrol-01-agreement');

    await page.getByTestId('agreement-agree').click();
    await page.getByTestId('agreement-sign').click();
    await page.getByText('协议已签订，可以选课了').waitFor();
    await page.getByTestId('agreement').getByText(/已签订/).waitFor();

    // a club (not homework help) with seats left
    const open = page.getByTestId('course-card').filter({ hasNot: page.getByText('作业辅导', { exact: true }) }).filter({ has: page.getByText(/余 \d+ 个名额/) });
    const card = open.first();
    club = (await card.getAttribute('data-course')) ?? '';
    expect(club).not.toBe('');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'after-school-enrol-02-signed');
    await card.getByTestId('course-choose').click();
    await page.getByText(`已选上“${club}”`).waitFor();
    await page.getByTestId('enrol-mine').getByText(club).waitFor();
    await page.getByTestId('enrol-mine').getByText('已选上').waitFor();
    await page.getByTestId('enrol-mine').scrollIntoViewIfNeeded();
    await shot(page, 'after-school-enrol-03-chosen');
    // the page fits the phone: nothing wider than the screen
    // a function, not a string: the app's Content-Security-Policy refuses eval
    const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
  });

  it('the school sees the seats and the club’s roster', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-principal');
    await page.getByRole('menuitem', { name: '课后服务' }).click();
    await page.getByRole('menuitem', { name: '选课与名单' }).click();
    await page.waitForURL(/\/after-school\/enrol$/);
    await page.getByRole('cell', { name: '先到先得' }).first().waitFor();
    const row = page.getByRole('row').filter({ hasText: club });
    await row.getByTestId('roster-open').click();
    await page.getByTestId('roster').getByText('张小明').waitFor();
    await shot(page, 'after-school-enrol-04-roster');
  });

  it('the parent withdraws the club again', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent', undefined, '/after-school/enrol/child');
    const card = page.getByTestId('course-card').filter({ hasText: club });
    await card.getByTestId('course-withdraw').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已退选').first().waitFor();
    await page.getByTestId('enrol-mine').getByText('还没有选课').waitFor();
    await shot(page, 'after-school-enrol-05-withdrawn');
  });
});
