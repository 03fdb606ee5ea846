/**
 * 课程与课表 in the browser, 巡课 and families: demo-inspector records on a phone that 数学 was taught in a 语文 period
 * of 三年级(1)班 and is told it is a 阴阳课表 finding; demo-district sees the finding and the monitor's figures;
 * demo-parent sees the child's class timetable today and this week on a phone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, DEFAULT_TIME_ZONE, isoWeekday, todayIn } from '@shuangjian/policy';
import { choose, closeBrowser, DESKTOP, newPage, PHONE, pickDate, shot, signIn } from './harness';

afterAll(() => closeBrowser());

async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('巡课 and 阴阳课表', () => {
  it('an inspector records a period taught differently; the district sees the finding', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-inspector', 'Demo#2026', '/timetable/patrol');
    await page.getByTestId('patrol-class').waitFor();
    await page.waitForLoadState('networkidle');
    // an inspector of several schools picks the school first
    const school = page.getByTestId('patrol-school');
    if (await school.count()) await choose(page, school, '示范区实验小学');
    await choose(page, page.getByTestId('patrol-class'), '三年级(1)班');
    // on a weekend (no periods) the inspector records a patrol of last Thursday: the demo's own patrols of this class
    // fall on the school days before today, period 1 on the last of them (Friday)
    const today = todayIn(DEFAULT_TIME_ZONE);
    let day = today;
    while (isoWeekday(day) > 5) day = addDays(day, -1);
    if (day !== today) await pickDate(page, page.getByTestId('patrol-date'), addDays(day, -1));
    await choose(page, page.getByTestId('patrol-period'), '第1节');
    // the demo's grade-3 timetable opens every day with 语文
    await page.getByTestId('patrol-timetabled').getByText('课表此节为：语文').waitFor();
    await choose(page, page.getByTestId('patrol-subject'), '数学');
    await page.getByTestId('patrol-record').click();
    await page.getByTestId('patrol-result').getByText('与课表不一致：已记为阴阳课表问题').waitFor();
    await page.getByTestId('patrol-result').getByText('课表为 语文，实际上 数学', { exact: false }).waitFor();
    await shot(page, 'timetable-11-patrol-differs');
    await fitsPhone(page);

    const district = await newPage(DESKTOP);
    await signIn(district.page, 'demo-district', 'Demo#2026', '/timetable/findings');
    await district.page.getByTestId('finding-card').filter({ hasText: '三年级(1)班' }).filter({ hasText: '实际上 数学' }).first().waitFor();
    await shot(district.page, 'timetable-12-district-findings');
    await district.page.goto('/timetable/district');
    await district.page.getByTestId('timetable-schools').getByText('城西第二小学').waitFor();
    await district.page.locator('canvas').first().waitFor();
    const open = await district.page.getByTestId('yinyang-open').locator('.ant-statistic-content-value').innerText();
    expect(Number(open)).toBeGreaterThanOrEqual(2);
    await shot(district.page, 'timetable-13-district-monitor');
  });

  it('a parent sees the child’s timetable on the phone', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent', 'Demo#2026', '/timetable/child');
    const child = page.getByTestId('child-timetable').first();
    await child.waitFor();
    await child.getByTestId('timetable-grid').getByText('语文').first().waitFor();
    await child.getByText('三年级(2)班', { exact: false }).waitFor();
    await shot(page, 'timetable-14-parent-phone');
    await fitsPhone(page);
  });
});
