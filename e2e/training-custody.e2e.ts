/**
 * 校外培训 资金监管 in the browser, every fen followed: demo-parent opens 校外培训 from the home page on a 390×844 phone,
 * reads the standard contract (合同示范文本) in full and buys a package of 启明文化艺术培训学校 for 张小明; the
 * institution's admin (demo-institution) finds the order in its orders (paged and searched by the server) and records a
 * lesson with it from its home, the attendees being the course's orders with lessons left as the server lists them; the
 * parent confirms the lesson and sees its price released to the institution, then asks for the refund of the rest; the
 * institution records the refund paid from custody; the parent sees the rest refunded and paid = released + refunded.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const INSTITUTION = '启明文化艺术培训学校';
/** "¥1,234.50" → 123450 fen. */
const fenOf = (text: string) => {
  const m = /(-?)[¥$]?([\d,]+)\.(\d{2})/.exec(text.replace(/\s/g, ''));
  if (!m) throw new Error(`no amount in "${text}"`);
  return (m[1] ? -1 : 1) * (Number(m[2]!.replaceAll(',', '')) * 100 + Number(m[3]));
};

/** Nothing on the page wider than the phone. */
async function fitsPhone(page: Page) {
  // a function, not a string: the app's Content-Security-Policy refuses eval
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('a parent buys a package on a phone; lessons release money; a refund returns the rest', () => {
  let code = '';
  let course = '';
  let price = 0;
  let perLesson = 0;

  it('the parent reads the contract and buys a package from the home page', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent');
    // a newcomer finds it on the home page
    await page.getByTestId('home-training').scrollIntoViewIfNeeded();
    await shot(page, 'training-custody-00-parent-home');
    await page.getByTestId('home-training').click();
    await page.waitForURL(/\/training\/family/);
    await page.getByTestId('training-tabs').getByText('购买课包').click();
    await page.getByTestId('training-contract-line').getByText(/合同/).waitFor();
    const card = page.getByTestId('package-card').filter({ hasText: INSTITUTION }).first();
    await card.waitFor();
    await card.getByTestId('package-white').waitFor();
    price = fenOf(await card.getByTestId('package-total').innerText());
    course = (await card.getByTestId('package-course').innerText()).trim();
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'training-custody-01-packages');
    await fitsPhone(page);

    await card.getByTestId('package-buy').click();
    const drawer = page.getByTestId('buy-drawer');
    await drawer.getByTestId('buy-contract-text').waitFor();
    await drawer.getByTestId('buy-contract-version').getByText(/版本/).waitFor();
    expect((await drawer.getByTestId('buy-contract-text').innerText()).length).toBeGreaterThan(200);
    // paying waits for the contract to be accepted
    expect(await page.getByTestId('buy-pay').isDisabled()).toBe(true);
    await shot(page, 'training-custody-02-contract');
    await page.getByTestId('buy-agree').click();
    const placed = page.waitForResponse((r) => r.url().endsWith('/api/training/orders') && r.request().method() === 'POST');
    await page.getByTestId('buy-pay').click();
    const res = await placed;
    expect(res.status()).toBe(200);
    expect(res.request().headers()['idempotency-key']).toBeTruthy();
    const order = (await res.json()) as { code: string; pricePerLessonFen: number; priceFen: number };
    code = order.code;
    perLesson = order.pricePerLessonFen;
    expect(order.priceFen).toBe(price);
    await page.getByText(/已购买/).first().waitFor();

    const mine = page.getByTestId('order-card').filter({ hasText: code });
    await mine.waitFor();
    expect(fenOf(await mine.getByTestId('order-held').innerText())).toBe(price);
    expect(fenOf(await mine.getByTestId('order-released').innerText())).toBe(0);
    await mine.scrollIntoViewIfNeeded();
    await shot(page, 'training-custody-03-bought');
    await fitsPhone(page);
  });

  it('the institution records a lesson with that order from its home', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-institution');
    await page.getByTestId('home-training-card').getByText(INSTITUTION).waitFor();
    await shot(page, 'training-custody-04-institution-home');
    await page.getByTestId('home-training-institution').click();
    await page.waitForURL(/\/training\/institution/);
    await page.getByTestId('inst-money-held').waitFor();
    await page.getByRole('cell', { name: code }).waitFor();
    await shot(page, 'training-custody-04-institution-desk');

    // the orders are the server's page: its total counts them all; the code (typed in lower case) finds the one order
    const orders = page.getByTestId('orders-table');
    // the table's pager sits beside the table, in the open tab (the others' are hidden)
    const ordersTotal = page.locator('.ant-pagination-total-text').filter({ visible: true });
    await ordersTotal.getByText(/共 \d+ 条/).waitFor();
    const allOrders = Number((await ordersTotal.innerText()).match(/\d+/)![0]);
    expect(allOrders).toBeGreaterThan(1);
    const searched = page.waitForResponse((r) => r.url().includes('/api/training/institution/orders?') && new URL(r.url()).searchParams.get('q') === code.toLowerCase() && r.status() === 200);
    const search = page.getByPlaceholder('学生姓名或订单号');
    await search.fill(code.toLowerCase());
    await search.press('Enter');
    const found = (await (await searched).json()) as { items: { code: string }[]; total: number };
    expect(found.total).toBe(1);
    expect(found.items.map((o) => o.code)).toEqual([code]);
    await ordersTotal.getByText('共 1 条').waitFor();
    expect(await orders.getByTestId('order-row').count()).toBe(1);
    await shot(page, 'training-custody-04b-orders-search');

    await page.getByTestId('record-open').click();
    const drawer = page.getByTestId('record-lesson');
    // the attendees: the course's active orders with lessons left, as the server lists them
    const attendees = page.waitForResponse((r) => {
      const u = new URL(r.url());
      return u.pathname === '/api/training/institution/orders' && u.searchParams.get('withLessonsLeft') === 'true' && u.searchParams.get('status') === 'active' && !!u.searchParams.get('courseId') && r.status() === 200;
    });
    await choose(page, drawer.getByTestId('record-course'), course);
    const listed = (await (await attendees).json()) as { items: { code: string; lessonsLeft: number; status: string }[]; total: number };
    expect(listed.items.some((o) => o.code === code)).toBe(true);
    expect(listed.items.every((o) => o.lessonsLeft > 0 && o.status === 'active')).toBe(true);
    expect(await drawer.getByTestId('record-attendee').count()).toBe(listed.items.length);
    await drawer.getByTestId('record-teacher').fill('赵老师');
    await drawer.getByTestId('record-attendee').filter({ hasText: code }).click();
    await shot(page, 'training-custody-05-record');
    await drawer.getByTestId('record-submit').click();
    const result = drawer.getByTestId('record-result');
    await result.waitFor();
    await result.getByTestId('record-outcome').filter({ hasText: '待家长确认' }).waitFor();
    await result.getByTestId('rule-findings-ok').or(result.getByTestId('rule-findings')).first().waitFor();
    await shot(page, 'training-custody-06-recorded');
    await drawer.getByTestId('record-done').click();

    await page.getByRole('tab', { name: '上课记录' }).click();
    await page.getByTestId('lesson-row').filter({ hasText: course }).filter({ hasText: '待确认' }).first().waitFor();
    await page.locator('.ant-pagination-total-text').filter({ visible: true }).getByText(/共 \d+ 条/).waitFor();
    await shot(page, 'training-custody-07-lessons');
  });

  it('the parent confirms the lesson and sees its price released', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent');
    await page.getByTestId('home-training').click();
    await page.waitForURL(/\/training\/family/);
    await page.getByTestId('training-tabs').getByText('我的课程').click();
    await page.getByTestId('training-pending-alert').waitFor();
    const mine = page.getByTestId('order-card').filter({ hasText: code });
    await mine.getByTestId('pending-lesson').waitFor();
    await mine.scrollIntoViewIfNeeded();
    await shot(page, 'training-custody-08-to-confirm');
    await mine.getByTestId('lesson-confirm').click();
    await page.getByText(/已确认，.*已划给机构/).first().waitFor();
    await expect.poll(async () => fenOf(await mine.getByTestId('order-released').innerText())).toBe(perLesson);
    expect(fenOf(await mine.getByTestId('order-held').innerText())).toBe(price - perLesson);
    await mine.getByTestId('order-left').getByText(/剩余 \d+ \/ \d+ 节/).waitFor();
    await shot(page, 'training-custody-09-confirmed');
    await fitsPhone(page);
  });

  it('the parent asks for the refund of the rest', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent', undefined, '/training/family?tab=orders');
    const mine = page.getByTestId('order-card').filter({ hasText: code });
    await mine.getByTestId('order-refund-open').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '申请退还' });
    await expect.poll(async () => fenOf(await dialog.locator('.ant-statistic-content').innerText())).toBe(price - perLesson);
    await dialog.getByTestId('refund-reason').fill('孩子想换别的兴趣班');
    await shot(page, 'training-custody-10-refund');
    await dialog.getByTestId('refund-submit').click();
    await page.getByText(/已申请退费 .*前办结/).first().waitFor();
    await mine.getByTestId('order-refund').filter({ hasText: '待退费' }).waitFor();
    await mine.getByTestId('order-refund').getByText(/前办结/).waitFor();
    await mine.scrollIntoViewIfNeeded();
    await shot(page, 'training-custody-11-refund-requested');
  });

  it('the institution records the refund paid from custody', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-institution', undefined, '/training/institution?tab=refunds');
    // the newest request is on the first page; the total counts every refund of the institution
    const row = page.getByTestId('refund-row').filter({ hasText: code });
    await row.waitFor();
    await page.locator('.ant-pagination-total-text').filter({ visible: true }).getByText(/共 \d+ 条/).waitFor();
    expect(fenOf(await row.getByRole('cell').nth(2).innerText())).toBe(price - perLesson);
    await row.getByTestId('refund-pay').click();
    await page.getByTestId('refund-reference').fill(`E2E${Date.now().toString(36).toUpperCase()}`);
    await page.getByTestId('refund-pay-submit').click();
    await page.getByText(/已登记退费/).first().waitFor();
    await row.getByText('已退费').waitFor();
    await shot(page, 'training-custody-12-refund-paid');
  });

  it('the parent sees the rest refunded: paid = released + refunded', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent', undefined, '/training/family?tab=orders');
    const mine = page.getByTestId('order-card').filter({ hasText: code });
    await mine.getByText('已退费').first().waitFor();
    const paid = fenOf(await mine.getByTestId('order-paid').innerText());
    const released = fenOf(await mine.getByTestId('order-released').innerText());
    const refunded = fenOf(await mine.getByTestId('order-refunded').innerText());
    expect(paid).toBe(price);
    expect(released).toBe(perLesson);
    expect(refunded).toBe(price - perLesson);
    expect(fenOf(await mine.getByTestId('order-held').innerText())).toBe(0);
    await mine.getByTestId('order-refund').getByText(/已退回/).waitFor();
    await mine.scrollIntoViewIfNeeded();
    await shot(page, 'training-custody-13-refunded');
    await fitsPhone(page);
  });
});
