/**
 * The district's 五项管理 dashboard in the browser: demo-district opens it from the menu, reads this week's figures
 * (matching the API's, as rate and numerator/denominator, or 暂无数据), drills into a school (its classes, those below
 * the sleep threshold) and into a class (its weeks), and exports the workbook.
 */
import { FIVE_INDICATORS as F, type FiveDistrictDashboard } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, shot, signIn } from './harness';

afterAll(() => closeBrowser());

describe('the district 五项管理 dashboard', () => {
  it('drills from the district into a school and a class, and exports the workbook', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    await page.getByRole('menuitem', { name: /五项管理$/ }).click();
    await page.getByRole('menuitem', { name: '五项管理看板' }).click();
    await page.waitForURL(/\/five\/dashboard$/);

    const data = (await (await page.request.get('/api/five-managements/dashboard')).json()) as FiveDistrictDashboard;
    const sleep = data.total[F.sleepMeets];
    const card = page.getByTestId('five-card-sleep').getByTestId(`five-figure-${F.sleepMeets}`);
    if (sleep && sleep.den > 0) await expect.poll(() => card.textContent()).toContain(`${sleep.num}/${sleep.den}`);
    else await expect.poll(() => card.textContent()).toContain('暂无数据');
    await page.getByTestId('five-schools').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'five-dashboard-01-district');

    // the school with the most sleep reports this week (else the first)
    const school = [...data.schools].sort((a, b) => (b.figures[F.sleepMeets]?.den ?? 0) - (a.figures[F.sleepMeets]?.den ?? 0))[0]!;
    await page.getByTestId('five-schools').getByRole('link', { name: school.schoolName, exact: true }).click();
    await page.waitForURL(new RegExp(`/five/dashboard/schools/${school.schoolId}`));
    await page.getByTestId('five-below').waitFor();
    await expect.poll(() => page.getByTestId('five-below').textContent()).toMatch(/five-managements\.sleep/);
    await page.getByTestId('five-classes').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'five-dashboard-02-school');

    const firstClass = page.getByTestId('five-classes').locator('tbody tr.ant-table-row').first().getByRole('link').first();
    const className = (await firstClass.innerText()).trim();
    await firstClass.click();
    await page.waitForURL(/\/five\/dashboard\/classes\//);
    await page.getByTestId('five-trend').locator('canvas').first().waitFor();
    await expect.poll(() => page.locator('h4').first().textContent()).toContain(className);
    await shot(page, 'five-dashboard-03-class');

    // back to the district through the breadcrumb, then the workbook
    await page.getByRole('link', { name: '五项管理看板' }).first().click();
    await page.waitForURL(/\/five\/dashboard$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('five-export').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['全区汇总', '按学区', '按学校', '睡眠未达标班级']);
    expect(wb.getWorksheet('按学校')!.rowCount).toBe(data.schools.length + 2);
  });
});
