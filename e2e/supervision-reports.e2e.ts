/**
 * 督导报告 in the browser: demo-district opens the reports from the menu (last month's, made by the scheduled run on
 * first start), generates the month before for the district and every school, and downloads the district report as
 * an Excel workbook (its sheets and the snapshot's numbers) and as a PDF; demo-principal, on a phone, sees and
 * downloads only the school's own reports.
 */
import type { ReportList } from '@shuangjian/contracts';
import { DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const button = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);
const noHorizontalScroll = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

/** 'YYYY-MM' months before today's month. */
function monthsBack(n: number) {
  const [y, m] = todayIn(DEFAULT_TIME_ZONE).split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) - n;
  return { period: `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, label: `${Math.floor(k / 12)}年${(k % 12) + 1}月` };
}

async function openFromMenu(page: Page) {
  const group = page.getByRole('menuitem', { name: /督导考核$/ });
  const entry = page.getByRole('menuitem', { name: '督导报告' });
  await group.click();
  await expect
    .poll(
      async () => {
        if (!/\/supervision\/reports/.test(page.url())) {
          if (!(await entry.isVisible())) await group.click();
          await entry.click({ timeout: 2000 }).catch(() => undefined);
        }
        return page.url();
      },
      { timeout: 15_000, interval: 1000 },
    )
    .toMatch(/\/supervision\/reports/);
}

describe('督导报告', () => {
  it('the district generates a month’s reports and downloads the district report as Excel and PDF', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    await openFromMenu(page);
    const last = monthsBack(1);
    const before = monthsBack(2);

    // last month's reports are there from the scheduled run: the district's first, then every school's
    const rows = page.getByTestId('reports').locator('tbody tr.ant-table-row');
    await expect.poll(() => page.getByTestId('report-period').textContent()).toContain(last.label);
    const listed = (await (await page.request.get(`/api/supervision/reports?kind=month&period=${last.period}`)).json()) as ReportList;
    expect(listed.items.length).toBeGreaterThan(1);
    await expect.poll(() => rows.count()).toBe(listed.items.length);
    expect(await rows.first().textContent()).toContain('全区');
    expect(await rows.first().textContent()).toContain('系统定时生成');
    await shot(page, 'supervision-reports-01-list');

    // the month before: generated now, for the district and every school
    await page.getByTestId('generate-reports').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '生成督导报告' });
    await modal.waitFor();
    await choose(page, modal.getByTestId('generate-period'), new RegExp(`^${before.label}`));
    await shot(page, 'supervision-reports-02-generate');
    await modal.getByRole('button', { name: button('确定') }).click();
    await page.getByText(`已生成 ${listed.items.length} 份报告`).waitFor();
    await page.waitForURL(new RegExp(`period=${before.period}`));
    await expect.poll(() => rows.count()).toBe(listed.items.length);
    const made = (await (await page.request.get(`/api/supervision/reports?kind=month&period=${before.period}`)).json()) as ReportList;
    const district = made.items[0]!;
    expect(district).toMatchObject({ scope: 'district', period: before.period });
    expect(district.generatedBy).not.toBeNull();
    // the table follows the new period once its list has loaded (the old period's rows are as many)
    await expect.poll(() => rows.first().textContent()).toContain(district.generatedBy!);
    expect(await rows.first().textContent()).toContain(before.label);

    // the district report's workbook: its sheets, and the schools' figures of the snapshot
    const [xlsx] = await Promise.all([page.waitForEvent('download'), rows.first().getByTestId('report-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe(`督导月报-示范区-${before.label}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name).slice(0, 8)).toEqual(['总览', '分学校', '作业管理', '课后服务', '家校社协同', '五项管理', '课程与课表', '考试与评价']);
    const bySchool = wb.getWorksheet('分学校')!;
    expect(bySchool.rowCount).toBe(2 + (made.items.length - 1) + 1);
    const names = made.items.slice(1).map((i) => i.schoolName);
    expect(Array.from({ length: names.length }, (_, i) => bySchool.getRow(3 + i).getCell(3).value)).toEqual(names);

    // and its PDF
    const [pdf] = await Promise.all([page.waitForEvent('download'), rows.first().getByTestId('report-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe(`督导月报-示范区-${before.label}.pdf`);
    const bytes = readFileSync((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/Type \/Page\b/);
    await shot(page, 'supervision-reports-03-generated');
  });

  it('the principal, on a phone, sees the school’s own reports only and downloads them', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-principal', undefined, '/supervision/reports');
    const cards = page.getByTestId('report-row');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(1);
    expect(await cards.first().textContent()).toContain('示范区实验小学');
    expect(await page.getByText('全区', { exact: true }).count()).toBe(0);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'supervision-reports-04-principal-phone');
    const [pdf] = await Promise.all([page.waitForEvent('download'), cards.first().getByTestId('report-pdf').click()]);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
