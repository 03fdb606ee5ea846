/**
 * 课后服务收费结算 in the browser. The school's finance officer (demo-principal) generates this month's bills, imports
 * a bank export (two lines matched by student number and by name and class, one left for matching by hand), matches
 * it, pages through the month's payments (the server's pages and total), settles the semester with its statements per teacher and provider, then reverses (冲正) a payment recorded by
 * mistake with its reason and is told to settle again; the parent reads the bills, the reversal shown, on a phone.
 */
import { DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
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
    // dated today in this month (the demo's own payments of the month are dated up to today; the list is newest first)
    const today = todayIn(DEFAULT_TIME_ZONE);
    const day = today.startsWith(month) ? today : `${month}-02`;
    const csv = [
      '交易时间,金额,付款人,备注,流水号',
      `${day} 10:15:00,${yuan(a.dueFen - a.paidFen)},${a.studentName}家长,学号${a.studentNo} 课后服务费,E2E${stamp}1`,
      `${day} 11:02:00,${yuan(b.dueFen - b.paidFen)},${b.studentName}家长,${b.className}${b.studentName},E2E${stamp}2`,
      `${day} 09:00:00,150.00,周先生,课后服务,E2E${stamp}3`,
    ].join('\r\n');

    await page.getByRole('tab', { name: '缴费' }).click();
    await page.getByTestId('money-import').waitFor();
    // the import template: the columns the import reads and a 填写说明 sheet
    const template = await context.request.get((await page.getByTestId('money-template').getAttribute('href'))!);
    expect(template.status()).toBe(200);
    expect(template.headers()['content-type']).toContain('spreadsheetml');
    await page.locator('input[type=file]').setInputFiles({ name: '银行流水.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('money-import-result').innerText()).toMatch(/共 3 行：新记录 3 笔（匹配 2 笔）/);
    const line = page.getByRole('row').filter({ hasText: `E2E${stamp}3` }).filter({ has: page.getByRole('combobox') });
    await line.waitFor();
    await shot(page, 'after-school-money-02-imported');

    // the month's payments are the server's pages: its total counts every payment of the month, page 2 holds the next
    const payments = page.getByTestId('money-payments');
    const { total } = (await (await context.request.get(`/api/after-school/money/payments?schoolId=${schoolId}&month=${month}&pageSize=1`)).json()) as { total: number };
    expect(total).toBeGreaterThan(20);
    await payments.locator('.ant-pagination-total-text').getByText(`共 ${total} 条`).waitFor();
    expect(await payments.locator('tbody tr.ant-table-row').count()).toBe(20);
    const firstOnOne = await payments.locator('tbody tr.ant-table-row').first().innerText();
    const second = page.waitForResponse((r) => /\/api\/after-school\/money\/payments\?.*month=.*page=2/.test(r.url()) && r.status() === 200);
    await payments.locator('.ant-pagination-item-2').click();
    const body = (await (await second).json()) as { items: { id: string }[]; total: number };
    expect(body.total).toBe(total);
    expect(body.items.length).toBe(Math.min(20, total - 20));
    await expect.poll(() => payments.locator('tbody tr.ant-table-row').first().innerText()).not.toBe(firstOnOne);
    await shot(page, 'after-school-money-02b-payments-page-2');
    await payments.locator('.ant-pagination-item-1').click();
    await expect.poll(() => payments.locator('tbody tr.ant-table-row').first().innerText()).toBe(firstOnOne);

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

    // b's payment was a mistake: 冲正 with the reason; the bill reopens and the settled semester must be settled again
    await page.getByRole('tab', { name: '缴费' }).click();
    const paid = page.getByRole('row').filter({ hasText: `E2E${stamp}2` });
    await paid.getByRole('button', { name: /冲\s*正/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('冲正用于登记错误的缴费').waitFor();
    await dialog.getByRole('button', { name: /冲\s*正/ }).click();
    await dialog.getByText('请填写冲正原因').waitFor();
    await dialog.getByLabel('冲正原因').fill('登记到了错误的学生');
    await dialog.getByRole('button', { name: /冲\s*正/ }).click();
    await expect.poll(() => page.getByTestId('money-reversal-result').innerText()).toMatch(/已冲正 ¥[\d,.]+：从账单退回/);
    await expect.poll(() => page.getByTestId('money-reversal-result').innerText()).toMatch(/请重新结算 .*整个学期（当前第 \d+ 版）/);
    await paid.getByTestId('money-reversed-tag').waitFor();
    await expect.poll(() => paid.getByRole('button', { name: /冲\s*正/ }).count()).toBe(0);
    const after = (await (await context.request.get(`/api/after-school/money/bills?schoolId=${schoolId}&month=${month}`)).json()).bills as BillRow[];
    expect(after.find((x) => x.studentId === b.studentId)!.paidFen).toBe(b.paidFen);
    await shot(page, 'after-school-money-05-reversed');

    // the saved semester settlement is kept as it was, and says it must be settled again
    await page.getByRole('tab', { name: '结算' }).click();
    await page.getByText('整个学期', { exact: true }).click();
    await expect.poll(() => page.getByTestId('money-settlement-outdated').innerText()).toMatch(/有 \d+ 笔缴费冲正.*请重新结算/);
    await shot(page, 'after-school-money-06-resettle');

    await page.getByRole('tab', { name: '减免与经费' }).click();
    await page.getByText('减免名单').first().waitFor();
    await shot(page, 'after-school-money-07-waivers');
  });
});

describe('the parent reads the bills on a phone', () => {
  it('fits a 390-wide screen', async () => {
    // the school enters a payment for demo-parent's child a second time by hand and reverses it (冲正)
    const { page: office } = await newPage();
    await signIn(office, 'demo-principal', undefined, '/after-school/finance');
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent', undefined, '/after-school/bills');
    const child = (await (await page.request.get('/api/me')).json()).children[0] as { id: string; schoolId: string };
    const dup = await office.request.post('/api/after-school/money/payments', {
      data: { schoolId: child.schoolId, studentId: child.id, amountFen: 100, paidOn: '2026-11-30', payer: '张伟', remark: '窗口缴费', reference: `E2E${Date.now().toString(36)}M` },
    });
    expect(dup.status()).toBe(200);
    const undo = await office.request.post(`/api/after-school/money/payments/${(await dup.json()).id}/reverse`, { data: { reason: '重复登记' } });
    expect(undo.status()).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: '课后服务缴费' }).waitFor();
    await page.waitForLoadState('networkidle');
    // the payment the school reversed shows as such, struck through, with the reason
    await page.getByTestId('family-payment').filter({ hasText: '已冲正' }).first().scrollIntoViewIfNeeded();
    await shot(page, 'after-school-money-08-family');
    const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
  });
});
