/**
 * 全区督导总览 in the browser: demo-district signs in at '/', sees the overview's card, opens the overview from the
 * menu, reads this week's figures (as the API answers them), switches to this semester, drills zone → school, clicks
 * a figure and lands on the module page behind it, and downloads the workbook; the zone inspector sees one zone, on
 * a phone too.
 */
import type { SupervisionHome } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

/** The group, then the entry; a click lost while the group is still opening (a busy machine) is made again. */
async function openFromMenu(page: Page) {
  const group = page.getByRole('menuitem', { name: /督导考核$/ });
  const entry = page.getByRole('menuitem', { name: '全区督导总览' });
  await group.click();
  await expect
    .poll(
      async () => {
        if (!/\/supervision\/home/.test(page.url())) {
          if (!(await entry.isVisible())) await group.click();
          await entry.click({ timeout: 2000 }).catch(() => undefined);
        }
        return page.url();
      },
      { timeout: 15_000, interval: 1000 },
    )
    .toMatch(/\/supervision\/home/);
}

const figureText = (f: { num: number; den: number }) => `${f.num}/${f.den}`;

describe('全区督导总览', () => {
  it('demo-district switches week and semester, drills zone → school, follows a figure and downloads the workbook', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    await page.getByTestId('sv-home-card').getByText('作业超时班级日占比').waitFor();
    await page.getByTestId('sv-home-card').scrollIntoViewIfNeeded();
    await shot(page, 'supervision-home-00-home-card');
    await openFromMenu(page);

    const home = (await (await page.request.get('/api/supervision/home')).json()) as SupervisionHome;
    expect(home.zones.length).toBeGreaterThan(1);
    const over = home.total.week['homework.overloadedDays'];
    expect(over.den).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('sv-total-homework.overloadedDays').textContent()).toContain(figureText(over));
    await page.getByTestId('sv-chart').locator('canvas').first().waitFor();
    expect(await page.getByTestId('sv-zones').locator('tbody tr.ant-table-row').count()).toBe(home.zones.length);
    await expect.poll(() => page.getByTestId('sv-card-institutions').textContent()).toContain(String(home.institutions.byStatus.active));
    await shot(page, 'supervision-home-01-district-week');

    // this semester
    await page.getByTestId('sv-span').getByText('本学期').click();
    await page.waitForURL(/span=semester/);
    const visits = home.total.semester['homeSchool.visitCoverage'];
    expect(visits.den).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('sv-total-homeSchool.visitCoverage').textContent()).toContain(figureText(visits));
    await expect.poll(() => page.getByTestId('sv-period').textContent()).toContain(home.semester!.name);
    await shot(page, 'supervision-home-02-district-semester');

    // a zone, then a school of it
    const zone = home.zones.find((z) => z.schools > 1) ?? home.zones[0]!;
    await page.getByTestId(`sv-open-${zone.zoneId}`).click();
    await page.waitForURL(new RegExp(`zone=${zone.zoneId}`));
    const schools = home.schools.filter((s) => s.zoneId === zone.zoneId);
    await expect.poll(() => page.getByTestId('sv-schools').locator('tbody tr.ant-table-row').count()).toBe(schools.length);
    await expect.poll(() => page.getByTestId(`sv-total-afterSchool.students`).textContent()).toContain(figureText(zone.figures.semester['afterSchool.students']));
    await shot(page, 'supervision-home-03-zone');
    const school = schools.find((s) => s.figures.semester['homeSchool.visitCoverage'].den > 0) ?? schools[0]!;
    await page.getByTestId(`sv-open-${school.schoolId}`).click();
    await page.waitForURL(new RegExp(`school=${school.schoolId}`));
    await expect.poll(() => page.getByTestId('sv-school').textContent()).toContain(school.name);
    await expect.poll(() => page.getByTestId('sv-classes').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByTestId('sv-weeks').locator('canvas').first().waitFor();
    await shot(page, 'supervision-home-04-school');

    // a figure opens the page with its records
    await page.getByTestId('sv-school-homeSchool.visitCoverage').click();
    await page.waitForURL(/\/home-school\/district\?semester=/);
    await expect.poll(() => page.locator('h4').first().textContent()).toContain('家校社协同看板');
    await page.goBack();
    await page.waitForURL(/\/supervision\/home/);
    await page.getByTestId('sv-school').waitFor();

    // the workbook of the district
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sv-export').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['各校本周', '各校本学期', '学区与全区', '校外培训机构']);
    expect(wb.getWorksheet('各校本学期')!.rowCount).toBe(home.schools.length + 2);
  });

  it('the zone inspector sees only the zone, on a phone too', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'zone-inspector', 'Demo#2026', '/supervision/home');
    const home = (await (await page.request.get('/api/supervision/home')).json()) as SupervisionHome;
    expect(home.zones).toHaveLength(1);
    await expect.poll(() => page.getByTestId('sv-schools').locator('tbody tr.ant-table-row').count()).toBe(home.schools.length);
    const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'supervision-home-05-zone-inspector-phone');
  });
});
