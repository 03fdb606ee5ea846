/**
 * 课程与课表 in the browser, the school's side: demo-principal imports a class timetable short of PE from the
 * downloaded template and is told the rule (体育与健康 每周应开 4 节…: 折扣课表); the class page shows it and will not
 * publish; the principal fixes the period in the grid and publishes version 2; the public page (no sign-in, on a
 * phone) shows the published timetable.
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, DESKTOP, newPage, PHONE, pickSearched, shot, signIn } from './harness';

afterAll(() => closeBrowser());

describe('课表 (school)', () => {
  it('imports a timetable short of PE, sees the rule, fixes it, publishes; the public page shows it', async () => {
    const { page, context } = await newPage(DESKTOP);
    await signIn(page, 'demo-principal', 'Demo#2026', '/timetable/school');
    await page.getByTestId('timetable-classes').getByText('一年级(1)班').waitFor();
    await shot(page, 'timetable-01-classes');

    // the template holds every class; one sheet is sent back with a PE period turned into 语文
    const href = await page.getByTestId('timetable-template').getAttribute('href');
    const template = new ExcelJS.Workbook();
    await template.xlsx.load((await (await context.request.get(href!)).body()) as unknown as ArrayBuffer);
    const sheet = template.getWorksheet('一年级(1)班')!;
    let changed: { day: number; period: number } | null = null;
    sheet.eachRow((row, r) => {
      if (r === 1 || changed) return;
      for (let c = 2; c <= 6; c++) {
        if (String(row.getCell(c).value ?? '') === '体育与健康') {
          row.getCell(c).value = '语文';
          changed = { day: c - 1, period: r - 1 };
          return;
        }
      }
    });
    expect(changed).not.toBeNull();
    const out = new ExcelJS.Workbook();
    const copy = out.addWorksheet('一年级(1)班');
    sheet.eachRow((row) => copy.addRow((row.values as unknown[]).slice(1)));
    const buffer = Buffer.from(await out.xlsx.writeBuffer());
    await page.locator('input[type=file]').setInputFiles({ name: '课表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    const result = page.getByTestId('timetable-import-result');
    await result.getByText('体育与健康 每周应开 4 节，课表仅 3 节：折扣课表', { exact: false }).waitFor();
    await shot(page, 'timetable-02-imported-short');

    await result.getByRole('link', { name: '一年级(1)班' }).click();
    await page.getByTestId('check-errors').getByText('体育与健康 每周应开 4 节，课表仅 3 节', { exact: false }).waitFor();
    await page.getByTestId('timetable-check').getByText('timetable.plan', { exact: false }).first().waitFor();
    expect(await page.getByTestId('timetable-publish').isDisabled()).toBe(true);
    await shot(page, 'timetable-03-cannot-publish');

    // fixed in the grid: PE goes into the free last period on Friday, checked live, then published as a new version
    await pickSearched(page, page.getByRole('combobox', { name: '周五第7节' }), '体育', '体育与健康');
    await page.getByTestId('check-ok').waitFor();
    const published = page.waitForResponse((r) => r.url().endsWith('/publish') && r.request().method() === 'POST');
    await page.getByTestId('timetable-publish').click();
    expect((await published).status()).toBe(200);
    await page.getByText('已公布第 2 版').first().waitFor();
    await shot(page, 'timetable-04-published');

    // 晒课表: the school's public page, signed out, on a phone
    await page.goto('/timetable/school');
    const publicHref = await page.getByTestId('timetable-public-link').getAttribute('href');
    const phone = await newPage(PHONE);
    await phone.page.goto(publicHref!);
    await phone.page.getByText('示范区实验小学 课表公示（晒课表）').waitFor();
    await choose(phone.page, phone.page.getByTestId('public-class'), '一年级(1)班');
    await phone.page.getByText('第 2 版', { exact: false }).waitFor();
    await phone.page.getByTestId('timetable-grid').getByText('体育与健康').first().waitFor();
    await shot(phone.page, 'timetable-05-public-phone');
    const width = await phone.page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
  });
});
