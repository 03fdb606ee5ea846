/**
 * The 家校社协同看板 in the browser: demo-district opens it from the menu, reads the semester's figures (matching the
 * API's, as rate and numerator/denominator) and the charts per school, drills into 实验小学 and its classes, and
 * exports the workbook; demo-principal sees only the own school.
 */
import type { HsDistrictDashboard } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

/** The group, then the entry; a click lost while the group is still opening (a busy machine) is made again. */
async function openFromMenu(page: Page) {
  const group = page.getByRole('menuitem', { name: /家校社协同$/ });
  const entry = page.getByRole('menuitem', { name: '家校社协同看板' });
  await group.click();
  await expect
    .poll(
      async () => {
        if (!/\/home-school\/district$/.test(page.url())) {
          if (!(await entry.isVisible())) await group.click();
          await entry.click({ timeout: 2000 }).catch(() => undefined);
        }
        return page.url();
      },
      { timeout: 15_000, interval: 1000 },
    )
    .toMatch(/\/home-school\/district$/);
}

describe('the 家校社协同看板', () => {
  it('demo-district reads the figures, drills into a school and exports the workbook', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    await openFromMenu(page);

    const data = (await (await page.request.get('/api/home-school/dashboard')).json()) as HsDistrictDashboard;
    expect(data.schools.length).toBeGreaterThan(1);
    const coverage = data.total.visitCoverage!;
    expect(coverage.den).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('hs-figure-visitCoverage').textContent()).toContain(`${coverage.num}/${coverage.den}`);
    await expect.poll(() => page.getByTestId('hs-figure-visits').textContent()).toContain(data.total.visits!.num.toLocaleString('en-US'));
    for (const key of ['visitCoverage', 'specialCared', 'meetingClasses']) await page.getByTestId(`hs-chart-${key}`).locator('canvas').first().waitFor();
    const schools = page.getByTestId('hs-schools');
    await schools.getByRole('link', { name: '示范区实验小学', exact: true }).waitFor();
    expect(await schools.getByRole('link').count()).toBe(data.schools.length);
    await page.getByTestId('hs-timetable').getByRole('link', { name: '打开课表监测' }).waitFor();
    await shot(page, 'home-school-district-01-district');

    await schools.getByRole('link', { name: '示范区实验小学', exact: true }).click();
    await page.waitForURL(/\/home-school\/district\/schools\//);
    await expect.poll(() => page.locator('h4').first().textContent()).toContain('示范区实验小学');
    const classes = page.getByTestId('hs-classes');
    await classes.getByRole('link', { name: '三年级(2)班' }).waitFor();
    expect(await classes.getByRole('link', { name: '三年级(2)班' }).getAttribute('href')).toMatch(/^\/home-school\/visits\/classes\/[0-9a-f-]{36}$/);
    await shot(page, 'home-school-district-02-school');

    // back through the breadcrumb, then the workbook
    await page.getByRole('link', { name: '家校社协同看板' }).first().click();
    await page.waitForURL(/\/home-school\/district$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hs-export').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['全区', '学区', '学校', '班级']);
    expect(wb.getWorksheet('学校')!.rowCount).toBe(data.schools.length + 2);
  });

  it('demo-principal sees only the own school', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-principal');
    await openFromMenu(page);
    const schools = page.getByTestId('hs-schools');
    await schools.getByRole('link', { name: '示范区实验小学', exact: true }).waitFor();
    expect(await schools.getByRole('link').count()).toBe(1);
    await page.getByTestId('hs-chart-visitCoverage').locator('canvas').first().waitFor();
    await shot(page, 'home-school-district-03-principal');
    await page.getByRole('link', { name: '查看示范区实验小学各班' }).click();
    await page.getByTestId('hs-classes').getByRole('link', { name: '三年级(2)班' }).waitFor();
    // a head reading it on the phone: the page fits the screen, the tables scroll inside their cards
    await page.setViewportSize(PHONE);
    await page.getByTestId('hs-figure-visitCoverage').waitFor();
    // measured once the page has laid itself out again for the narrower screen (right after the resize the tables
    // can still hold their desktop widths for a frame)
    const width = () => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    await expect.poll(width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'home-school-district-04-school-phone');
  });
});
