/**
 * 睡眠 and 手机 on a 390×844 phone: demo-parent reports last night's sleep, then the night before with one tap "as
 * usual", reads the school's phone rule with the class teacher's hotline and files a written request; demo-classteacher
 * approves it on the phone and marks today's hand-in in the register (统一保管).
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

const answered = (page: Page, path: string, method: string) => page.waitForResponse((r) => r.url().includes(path) && r.request().method() === method);

describe('a family reports sleep and asks to bring a phone; the class teacher approves and keeps it', () => {
  it('the parent reports last night, then the night before "as usual", and files a phone request', async () => {
    const { page } = await newPage(PHONE);
    // the home page asks about last night and leads to the report
    await signIn(page, 'demo-parent');
    await page.getByTestId('home-sleep').getByText('昨晚的睡眠还没填报').waitFor();
    await page.getByTestId('home-sleep').click();
    await page.waitForURL((url) => url.pathname === '/five/sleep');
    await page.getByTestId('sleep-rule').getByText('每天睡眠不少于 10 小时，最晚 21:20 就寝').waitFor();
    // from 04:00 to 07:15 in Beijing last night has not ended at the 07:15 this test reports: report the night before
    const beijing = new Date(Date.now() + 8 * 3_600_000).toISOString();
    if (beijing.slice(11, 16) >= '04:00' && beijing.slice(11, 16) < '07:20') {
      const nightBefore = new Date(Date.parse(`${beijing.slice(0, 10)}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(5, 10);
      await choose(page, page.getByTestId('sleep-date'), `${nightBefore} 晚`);
    }
    await page.getByTestId('sleep-bedtime').fill('21:05');
    await page.getByTestId('sleep-wake').fill('07:15');
    let saved = answered(page, '/api/five-managements/sleep/family/reports', 'PUT');
    await page.getByTestId('sleep-submit').click();
    const night = await (await saved).json();
    expect(night).toMatchObject({ bedtime: '21:05', wakeTime: '07:15', minutes: 610, meetsMinimum: true });
    // on time, unless the family's homework report of that evening (another browser test's) ended after 21:20
    expect(night.bedtimeOk).toBe(!night.homework?.ranPastBedtime);
    await page.getByText('已记录：睡了 10 小时 10 分').waitFor();
    await page.getByTestId('sleep-night').first().getByText('睡够了').waitFor();
    await shot(page, 'five-family-01-sleep-reported');
    await fitsPhone(page);

    // the night before: one tap, the last report's times
    const before = new Date(Date.parse(`${night.date}T00:00:00Z`) - 86_400_000).toISOString().slice(5, 10);
    await choose(page, page.getByTestId('sleep-date'), `${before} 晚`);
    saved = answered(page, '/api/five-managements/sleep/family/reports', 'PUT');
    await page.getByTestId('sleep-as-usual').click();
    expect(await (await saved).json()).toMatchObject({ bedtime: '21:05', wakeTime: '07:15', asUsual: true });
    await page.getByTestId('sleep-night').nth(1).getByText('同平时').waitFor();
    await shot(page, 'five-family-02-sleep-as-usual');

    await page.goto('/five/phones');
    await page.getByTestId('phone-rule').getByText('家长书面申请', { exact: false }).waitFor();
    await page.getByTestId('phone-hotline').waitFor();
    await page.getByTestId('phone-reason').fill('放学后独自乘公交回家，路上需要和家长联系');
    await page.getByTestId('phone-agree').click();
    await shot(page, 'five-family-03-phone-form');
    await fitsPhone(page);
    const filed = answered(page, '/api/five-managements/phones/requests', 'POST');
    await page.getByTestId('phone-submit').click();
    expect((await filed).status()).toBe(200);
    await page.getByTestId('phone-request').first().getByText('待审批').waitFor();
    await shot(page, 'five-family-04-phone-filed');
  });

  it('the class teacher approves on the phone and marks today’s hand-in', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-classteacher', 'Demo#2026', '/five/phones/class');
    const mine = page.getByTestId('phone-request').filter({ hasText: '张小明' });
    await mine.waitFor();
    await shot(page, 'five-family-05-teacher-pending');
    await fitsPhone(page);
    const decided = answered(page, '/decision', 'POST');
    await mine.getByTestId('phone-approve').click();
    expect((await decided).status()).toBe(200);
    const row = page.getByTestId('phone-register-row').filter({ hasText: '张小明' });
    await row.waitFor();
    await row.getByTestId('phone-handed-in').click();
    const marked = answered(page, '/marks', 'PUT');
    await page.getByTestId('phone-save-marks').click();
    const register = await (await marked).json();
    expect(register.register.find((r: { studentName: string }) => r.studentName === '张小明')).toMatchObject({ handedIn: true, returned: false });
    await page.getByText('已登记').waitFor();
    await shot(page, 'five-family-06-register');
    await fitsPhone(page);
  });
});
