/**
 * The auditor's audit log in the browser: the hash chain's status card, verification on demand, rows in words (the
 * action's name, the object's kind and name), a search by person, and the export of a date range with its chain proof.
 */
import { DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const today = todayIn(DEFAULT_TIME_ZONE);

describe('the auditor checks the chain and exports a range with its proof', () => {
  it('verifies the chain, reads rows in words, searches by person and exports', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-auditor', undefined, '/audit');
    const card = page.getByTestId('audit-chain');
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('已入链');
    await shot(page, 'audit-01-chain-card');

    await page.getByTestId('audit-verify').click();
    await card.getByText('完整').waitFor();
    // everything is chained but the verification's own entry, written after it (chained within seconds by the server's job)
    expect(Number(await page.getByTestId('audit-unchained').textContent())).toBeLessThanOrEqual(1);
    expect(Number(await page.getByTestId('audit-chained').textContent())).toBeGreaterThan(0);

    // rows in words: the sign-in of the auditor herself, by name
    await page.getByLabel('操作人').fill('钱红梅');
    await page.getByRole('button', { name: /搜\s*索/ }).click();
    const table = page.getByTestId('audit-table');
    await table.getByText('校验审计日志链').first().waitFor();
    await table.getByText('登录', { exact: true }).first().waitFor();
    expect(await table.getByText('钱红梅').count()).toBeGreaterThan(0);
    await shot(page, 'audit-02-rows-in-words');

    // an export needs a range: today's rows, with the chain's proof beside them
    await page.goto(`/audit?from=${today}&to=${today}`);
    const exportButton = page.getByTestId('audit-export');
    await expect.poll(() => exportButton.getAttribute('href')).toContain('/api/audit/export');
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const rows = wb.getWorksheet('审计日志')!;
    expect(rows.rowCount).toBeGreaterThan(1);
    const proof = wb.getWorksheet('链证明')!.getColumn(1).values.filter(Boolean).map(String);
    expect(proof.find((l) => l.startsWith('本文件内链条完整：'))).toBe('本文件内链条完整：是');
    expect(Number(proof.find((l) => l.startsWith('记录条数：'))!.slice(5))).toBe(rows.rowCount - 1);
    expect(proof.find((l) => l.startsWith('末条哈希（hash）：'))).toMatch(/[0-9a-f]{64}$/);
    await shot(page, 'audit-03-export-range');
  });

  it('is not offered to a teacher, and the API refuses one', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-teacher');
    expect((await page.request.get('/api/audit/chain')).status()).toBe(403);
    expect((await page.request.post('/api/audit/verify')).status()).toBe(403);
  });
});
