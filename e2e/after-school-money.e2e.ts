/**
 * 课后服务收费结算 in the browser. The school's finance officer (demo-principal) generates this month's bills, imports
 * a bank export (two lines matched by student number and by name and class, one left for matching by hand), matches
 * it, and settles the month with its statements per teacher and provider; the parent reads the bills on a phone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

interface BillRow {
  studentId: string;
  studentName: string;
  studentNo: string;
  className: string;
  dueFen: number;
  paidFen: number;
}

describe('the finance officer imports payments and settles the month', () => {
  it('generates the bills, imports a bank export, matches the rest by hand, settles', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-principal', undefined, '/after-school/finance');
    await page.getByRole('heading', { name: '课后服务收费结算' }).waitFor();

    await page.getByRole('button', { name: '生成本月账单' }).click();
    await page.getByText(/已生成 \d+ 份、更新 \d+ 份/).waitFor();
    await page.getByTestId('money-due-total').waitFor();
    await shot(page, 'after-school-money-01-bills');

    // a bank export: one line names the student number, one the class and name, one nobody
    const me = await (await context.request.get('/api/me')).json();
    const schoolId: string = me.schools[0].id;
    const month = new URL(page.url()).searchParams.get('month') ?? (await page.getByTestId('money-month').innerText()).trim();
    const bills = (await (await context.request.get(`/api/after-school/money/bills?schoolId=${schoolId}&month=${month}`)).json()).bills as BillRow[];
    const open = bills.filter((b) => b.paidFen < b.dueFen);
    expect(open.length).toBeGreaterThan(2);
    const [a, b] = [open[0]!, open[open.length - 1]!];
    const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    const stamp = Date.now().toString(36).toUpperCase();
    const csv = [
      '交易时间,金额,付款人,备注,流水号',
      `${month}-02 10:15:00,${yuan(a.dueFen - a.paidFen)},${a.studentName}家长,学号${a.studentNo} 课后服务费,E2E${stamp}1`,
      `${month}-02 11:02:00,${yuan(b.dueFen - b.paidFen)},${b.studentName}家长,${b.className}${b.studentName},E2E${stamp}2`,
      `${month}-03 09:00:00,150.00,周先生,课后服务,E2E${stamp}3`,
    ].join('\r\n');

    await page.getByRole('tab', { name: '缴费' }).click();
    await page.getByTestId('money-import').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '银行流水.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('money-import-result').innerText()).toMatch(/共 3 行：新记录 3 笔（匹配 2 笔）/);
    const line = page.getByRole('row').filter({ hasText: `E2E${stamp}3` }).filter({ has: page.getByRole('combobox') });
    await line.waitFor();
    await shot(page, 'after-school-money-02-imported');

    // the unmatched line: to the first child by hand
    await line.getByRole('combobox').click();
    await page.keyboard.type(a.studentNo);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    await line.getByRole('button', { name: /匹\s*配/ }).click();
    await page.getByText('已匹配').first().waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: `E2E${stamp}3` }).count()).toBeLessThanOrEqual(1);
    await shot(page, 'after-school-money-03-matched');

    // the same file again records nothing twice
    await page.locator('input[type=file]').setInputFiles({ name: '银行流水.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('money-import-result').innerText()).toMatch(/新记录 0 笔.*已导入过 3 笔/);

    await page.getByRole('tab', { name: '结算' }).click();
    // the semester so far: the teachers' sessions of last month are in it
    await page.getByText('整个学期').click();
    await page.getByTestId('money-settlement-state').waitFor();
    await page.getByTestId('money-settle').click();
    await page.getByText(/已结算（第 \d+ 版）/).waitFor();
    await expect.poll(() => page.getByTestId('money-settlement-state').innerText()).toMatch(/第 \d+ 版/);
    await expect.poll(() => page.getByTestId('money-remainder').innerText()).toBe('¥0.00');
    await shot(page, 'after-school-money-04-settled');

    await page.getByRole('tab', { name: '减免与经费' }).click();
    await page.getByText('减免名单').first().waitFor();
    await shot(page, 'after-school-money-05-waivers');
  });
});

describe('the parent reads the bills on a phone', () => {
  it('fits a 390-wide screen', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent', undefined, '/after-school/bills');
    await page.getByRole('heading', { name: '课后服务缴费' }).waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'after-school-money-06-family');
    const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
  });
});
