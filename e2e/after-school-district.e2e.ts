/**
 * The district's after-school dashboard in the browser: an officer opens it from the menu at `/`, reads the figures,
 * which match the API's, opens a school's courses and downloads the workbook.
 */
import type { AfterSchoolDistrictOverview, AfterSchoolSchoolDetail } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const pct = (n: number, d: number) => (d > 0 ? `${((n / d) * 100).toFixed(1)}%` : '–');

describe('the district after-school dashboard', () => {
  it('shows every school’s participation from the menu, drills into a school and exports', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    await page.getByRole('menuitem', { name: '课后服务' }).click();
    await page.getByRole('menuitem', { name: '课后服务看板' }).click();
    await page.waitForURL(/\/after-school\/district/);

    const res = await page.request.get('/api/after-school/district');
    expect(res.ok()).toBe(true);
    const data = (await res.json()) as AfterSchoolDistrictOverview;
    const t = data.total;
    await expect.poll(() => page.getByTestId('as-kpi-students').textContent()).toContain(pct(t.studentsServed, t.students));
    await expect.poll(() => page.getByTestId('as-kpi-teachers').textContent()).toContain(pct(t.teachersServing, t.teachers));
    expect(t.studentsServed).toBeGreaterThan(0);
    await shot(page, 'after-school-district-01-overview');

    // the demo school's row opens its courses
    const school = data.schools.find((s) => s.schoolName === '示范区实验小学')!;
    await page.getByRole('cell', { name: '示范区实验小学' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('示范区实验小学').first().waitFor();
    const detail = (await (await page.request.get(`/api/after-school/district/schools/${school.schoolId}`)).json()) as AfterSchoolSchoolDetail;
    expect(detail.courses.length).toBeGreaterThan(0);
    await drawer.getByRole('cell', { name: detail.courses[0]!.name, exact: true }).waitFor();
    await shot(page, 'after-school-district-02-school');
    await page.keyboard.press('Escape');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(data.schools.length + 1);
  });
});
