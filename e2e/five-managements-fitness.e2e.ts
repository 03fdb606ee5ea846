/**
 * 体质管理 in the browser: demo-classteacher records the class's day on a 390×844 phone with a short 大课间 and is told
 * which rule it misses (with the setting and version); demo-principal imports a fitness test file for four grade-1
 * pupils (built here with exceljs from the downloaded template's pupils) and sees the pass rate per grade.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, DESKTOP, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('体质管理', () => {
  it('the class teacher records a short 大课间 on the phone and is told the rule it misses', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-classteacher', 'Demo#2026', '/five/fitness/day');
    const form = page.getByTestId('fitness-day-form');
    await form.waitFor();
    await shot(page, 'five-fitness-01-prefilled');
    await fitsPhone(page);
    const bigBreak = page.locator('input[data-testid="fitness-bigBreakMinutes"], [data-testid="fitness-bigBreakMinutes"] input');
    await bigBreak.fill('20');
    await bigBreak.blur();
    // checked live while typing, then by the server on save
    await page.getByTestId('fitness-miss-bigBreak').getByText('每天大课间不少于 30 分钟').waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/five-managements/fitness/days') && r.request().method() === 'PUT');
    await page.getByTestId('fitness-save').click();
    expect((await saved).status()).toBe(200);
    const findings = page.getByTestId('fitness-saved-findings');
    await findings.getByText(/每天大课间不少于 30 分钟.*实际 20/).waitFor();
    await findings.getByText(/five-managements\.fitness/).waitFor();
    await shot(page, 'five-fitness-02-missed-rule');
    await fitsPhone(page);
  });

  it('the principal imports a fitness test file and sees the pass rate per grade', async () => {
    const { page, context } = await newPage(DESKTOP);
    await signIn(page, 'demo-principal', 'Demo#2026', '/five/fitness/tests');
    await page.getByTestId('fitness-grade-table').waitFor();
    // the template names the school's pupils: four of grade 1 get results
    const href = await page.getByTestId('fitness-template').getAttribute('href');
    const template = new ExcelJS.Workbook();
    await template.xlsx.load((await (await context.request.get(href!)).body()) as unknown as ArrayBuffer);
    const sheet = template.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (h: string) => headers.indexOf(h);
    const pupils: { no: string; name: string; className: string }[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(col('年级编号')).value) === '11' && pupils.length < 4)
        pupils.push({ no: String(row.getCell(col('学籍号')).value), name: String(row.getCell(col('姓名')).value), className: String(row.getCell(col('班级名称')).value) });
    });
    expect(pupils).toHaveLength(4);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成绩');
    ws.addRow(['年级编号', '班级名称', '学籍号', '姓名', '性别', '身高', '体重', '肺活量', '肺活量得分', '肺活量等级', '一分钟跳绳', '一分钟跳绳得分', '一分钟跳绳等级', '标准分', '附加分', '总分', '等级']);
    const totals = [[93, '优秀'], [84.5, '良好'], [72, '及格'], [58, '不及格']] as const;
    pupils.forEach((p, i) => ws.addRow(['11', p.className, p.no, p.name, i % 2 ? '2' : '1', '121.5', '23.0', '1050', '80', '良好', '120', '90', '优秀', totals[i]![0], 0, totals[i]![0], totals[i]![1]]));
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.locator('input[type=file]').setInputFiles({ name: '体质健康测试成绩.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.getByTestId('fitness-import-result').getByText('已导入 4 名学生的成绩').waitFor();
    const grade1 = page.getByTestId('fitness-grade-table').locator('tr', { hasText: '1 年级' });
    await grade1.getByText('75.0%').waitFor();
    await page.getByTestId('fitness-school-results').locator('canvas').first().waitFor();
    await shot(page, 'five-fitness-03-pass-rate');
  });
});
