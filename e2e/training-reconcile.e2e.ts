/**
 * 资金监管对账 in the browser: the district's custody officer (demo-district) opens 资金监管, reads each institution's
 * custody and coverage, downloads the statement template, and imports the custody bank's statement of
 * 启明文化艺术培训学校 — generated here from the demo ledger's transfer journal, one release paid out ¥0.01 too much —
 * and sees every fen accounted for: in and out both sides, the one amount difference named with its order code, the
 * closing balance off by that fen; a bad file is refused with its row named.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { allowError, choose, closeBrowser, newPage, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const INSTITUTION = '启明文化艺术培训学校';
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
const localDate = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

interface TransferRow {
  createdAt: string;
  kind: string;
  amountFen: number;
  orderCode: string | null;
}

describe('the custody officer reconciles a bank statement', () => {
  it('downloads the template, imports a statement with one difference and sees it named', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-district', undefined, '/training/custody');
    await page.getByRole('heading', { name: '资金监管' }).waitFor();
    await page.getByTestId('custody-row').filter({ hasText: INSTITUTION }).waitFor();
    await shot(page, 'training-reconcile-01-overview');

    // the statement, from the ledger's own journal of the institution
    const summary = await (await context.request.get('/api/training/custody/summary')).json();
    const institutionId: string = summary.rows.find((r: { institutionName: string }) => r.institutionName === INSTITUTION).institutionId;
    const journal = await (await context.request.get(`/api/training/custody/transfers?institutionId=${institutionId}&pageSize=500`)).json();
    const transfers = (journal.items as TransferRow[])
      .filter((t) => ['purchase', 'consume', 'refund'].includes(t.kind) && t.orderCode)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(transfers.length).toBeGreaterThan(2);
    const wrong = transfers.findIndex((t) => t.kind === 'consume');
    expect(wrong).toBeGreaterThanOrEqual(0);
    const today = localDate(new Date().toISOString());
    const from = `${localDate(transfers[0]!.createdAt).slice(0, 8)}01`;
    const last = localDate(transfers.at(-1)!.createdAt);
    const to = last > today ? last : today;
    let balance = 0;
    const lines = transfers.map((t, i) => {
      const amount = t.amountFen + (i === wrong ? 1 : 0);
      const out = t.kind !== 'purchase';
      balance += out ? -amount : amount;
      const word = t.kind === 'purchase' ? '购课' : t.kind === 'refund' ? '退费' : '课消划拨';
      return [localDate(t.createdAt), out ? '支' : '收', yuan(amount), out && t.kind === 'consume' ? INSTITUTION : '家长', `${word} ${t.orderCode}`, `E2E${String(i + 1).padStart(5, '0')}`, yuan(balance)].join(',');
    });
    const csv = Buffer.from(['交易日期,收/支,金额(元),对方户名,摘要/附言,流水号,余额', ...lines].join('\r\n') + '\r\n');
    const ledgerIn = transfers.filter((t) => t.kind === 'purchase').reduce((s, t) => s + t.amountFen, 0);
    const ledgerOut = transfers.filter((t) => t.kind !== 'purchase').reduce((s, t) => s + t.amountFen, 0);

    await page.getByRole('tab', { name: '银行对账' }).click();
    const download = page.waitForEvent('download');
    await page.getByTestId('rec-template').click();
    expect((await download).suggestedFilename()).toMatch(/对账单.*模板\.xlsx$/);

    // a bad file first: refused whole, its row named
    allowError(page, /422/);
    await page.getByTestId('rec-import').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '导入对账单' });
    await choose(page, dialog.getByTestId('rec-institution'), INSTITUTION);
    const [start, end] = [dialog.getByPlaceholder('开始日期'), dialog.getByPlaceholder('结束日期')];
    await start.click();
    await start.fill(from);
    await start.press('Enter');
    await end.fill(to);
    await end.press('Enter');
    await dialog.getByTestId('rec-bank').fill('重庆银行');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`交易日期,收/支,金额(元),对方户名,摘要/附言,流水号\r\n${from},收,12.345,x,y,Z1\r\n`) });
    await dialog.getByTestId('rec-submit').click();
    await dialog.getByTestId('rec-errors').getByText(/第 2 行「金额\(元\)」/).waitFor();
    await shot(page, 'training-reconcile-02-bad-file');

    await dialog.locator('input[type=file]').setInputFiles({ name: `启明-托管对账单-${from}至${to}.csv`, mimeType: 'text/csv', buffer: csv });
    await dialog.getByTestId('rec-submit').click();
    const summaryCard = page.getByTestId('rec-summary');
    await summaryCard.waitFor();
    await page.getByTestId('rec-differs').getByText('2 处差异').waitFor();
    const differs = page.locator('[data-testid="rec-line"][data-status="amount_differs"]');
    await expect.poll(() => differs.count()).toBe(1);
    const text = await differs.innerText();
    expect(text).toContain(transfers[wrong]!.orderCode!);
    expect(text).toContain('金额不符');
    expect(text).toContain('0.01');
    expect(await page.locator('[data-testid="rec-line"][data-status="unmatched_bank"]').count()).toBe(0);
    expect(await page.getByTestId('rec-gap').count()).toBe(0);
    const figures = await summaryCard.innerText();
    for (const f of [ledgerIn, ledgerOut + 1, ledgerOut]) expect(figures.replace(/,/g, '')).toContain(yuan(f));
    expect(await page.getByTestId('rec-balance-diff').innerText()).toMatch(/-.*0\.01/);
    await shot(page, 'training-reconcile-03-differences');

    await page.getByTestId('rec-show').getByText('全部流水').click();
    await expect.poll(() => page.locator('[data-testid="rec-line"][data-status="matched"]').count()).toBe(Math.min(50, transfers.length) - (wrong < 50 ? 1 : 0));
    await shot(page, 'training-reconcile-04-all-lines');

    const exported = page.waitForEvent('download');
    await page.getByTestId('rec-export').click();
    expect((await exported).suggestedFilename()).toMatch(/对账差异.*\.xlsx$/);

    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByTestId('rec-import-row').filter({ hasText: '2 处差异' }).first().waitFor();
    await shot(page, 'training-reconcile-05-list');

    await page.getByRole('tab', { name: '资金流水' }).click();
    await page.getByText(/共 \d+ 笔，合计/).waitFor();
    await shot(page, 'training-reconcile-06-journal');
  });
});
