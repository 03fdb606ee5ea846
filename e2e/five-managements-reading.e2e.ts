/**
 * 读物管理 in the browser: demo-district imports a negative-list Excel file (an unapproved 作文 教辅 with its ISBN-13);
 * demo-principal files that book with its ISBN-10 and is told at once that it is on the negative list, naming the entry
 * and its reason; the filing is listed as flagged and has gone to the school's self-check.
 */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const TITLE = '课堂作文速成秘籍（五年级）';
const REASON = '未经审定的教辅材料，套作模板化写作';

async function negativeList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('负面清单');
  ws.addRow(['书名', '作者', '出版社', 'ISBN', '类别', '适用年级', '列入原因', '列入日期']);
  ws.addRow([`《${TITLE}》`, '', '速成文化有限公司', '978-7-5099-4410-3', '教辅材料', '3-6', REASON, '2026-11-20']);
  ws.addRow(['课外阅读满分练', '', '速成文化有限公司', '', '教辅', '3-6', '题海训练，违规征订', '2026-11-20']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a book on the district negative list is flagged when a school files it', () => {
  it('demo-district imports the negative list from Excel', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district', 'Demo#2026', '/five/reading/lists');
    await page.getByTestId('reading-entry-row').first().waitFor();
    const input = page.getByTestId('reading-list-import').locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]');
    await input.setInputFiles({ name: '负面清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await negativeList() });
    await page.getByTestId('reading-list-result').getByText('已导入 2 行：新增 2').waitFor();
    await page.getByRole('searchbox').fill('速成');
    await page.getByRole('searchbox').press('Enter');
    await page.getByTestId('reading-entry-row').filter({ hasText: TITLE }).filter({ hasText: REASON }).waitFor();
    await shot(page, 'five-reading-01-imported');
  });

  it('demo-principal files it and sees the flag naming the entry and its reason', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-principal', 'Demo#2026', '/five/reading/filings');
    await page.getByTestId('reading-filing-row').first().waitFor();
    await page.getByTestId('reading-file').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('书名').fill(TITLE);
    await dialog.getByLabel('ISBN').fill('7-5099-4410-4');
    await dialog.getByLabel('类别').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('教辅材料', { exact: true }).click();
    await dialog.getByLabel('来源').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('捐赠', { exact: true }).click();
    await dialog.getByLabel('年级').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('5 年级', { exact: true }).click();
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByLabel('册数').fill('40');
    await shot(page, 'five-reading-02-filing');
    const filed = page.waitForResponse((r) => r.url().endsWith('/api/five-managements/reading/filings') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await filed).status()).toBe(200);
    const alert = page.getByTestId('reading-filed');
    await alert.getByText(`已登记：命中负面清单《${TITLE}》，已进入本校自查整改`).waitFor();
    expect(await alert.innerText()).toContain(REASON);
    expect(await alert.innerText()).toContain('ISBN 相同');
    const row = page.locator('[data-testid="reading-filing-row"][data-status="flagged"]').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.innerText()).toContain('已进入本校自查整改');
    await shot(page, 'five-reading-03-flagged');
  });
});
