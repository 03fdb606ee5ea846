/**
 * 综合素质评价 in the browser: demo-classteacher records one class activity for the whole class in one go and ticks
 * labour-list tasks in the grid; demo-parent opens 张小明's semester summary on a 390×844 phone and prints it (the
 * print stylesheet; page.pdf stands in for the browser's "save as PDF").
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, DESKTOP, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('the growth record of a class and of a child', () => {
  it('the class teacher records a class activity for everyone and ticks labour tasks', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-classteacher', 'Demo#2026', '/exams/growth');
    await page.getByTestId('growth-complete').waitFor();
    await page.getByTestId('growth-pupil').first().waitFor();
    await shot(page, 'exams-growth-01-class');
    await page.getByTestId('growth-bulk').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('growth-title').fill('冬季安全教育主题班会');
    await shot(page, 'exams-growth-02-bulk');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已为 40 名学生记录').waitFor();
    await page.getByTestId('growth-labour').click();
    const grid = page.locator('.ant-drawer');
    const boxes = grid.locator('[data-testid$="-L05"]');
    await boxes.first().waitFor();
    await boxes.nth(0).click();
    await boxes.nth(1).click();
    await shot(page, 'exams-growth-03-labour');
    await grid.getByTestId('labour-save').click();
    await page.getByText(/已勾选 \d+ 项，取消 \d+ 项/).waitFor();
  });

  it('the parent reads the semester summary on a phone and prints it', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent', 'Demo#2026', '/exams/growth/child');
    const summary = page.getByTestId('growth-summary');
    await summary.getByText('张小明').first().waitFor();
    await summary.getByTestId('growth-overall').waitFor();
    await shot(page, 'exams-growth-04-child');
    await fitsPhone(page);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'exams-growth-05-print');
    const file = join(process.cwd(), 'test-results', 'exams-growth-summary.pdf');
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(file).size).toBeGreaterThan(20_000);
  });
});
