/**
 * 举报 in the browser: an anonymous visitor on a 390×844 phone opens the complaint form from the sign-in page, reports
 * 捷径升学补习班 and keeps the ticket code shown; demo-district finds the ticket, assigns it to the institution's zone,
 * takes it into investigation and answers, and narrows the list (paged by the server) to overdue tickets; the visitor looks the code up and reads the answer and the timeline (without
 * staff names). The handlers' statistics show the chart by category and institution.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, DESKTOP, newPage, PHONE, shot, SIGNED_OUT_ME, signIn } from './harness';

afterAll(() => closeBrowser());

const ANSWER = '经核查，该补习班无证违规开展学科类培训，已会同市场监管部门依法取缔，并责令退还预收费用。';

/** Nothing on the page wider than the phone. */
async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('a complaint filed anonymously on a phone is answered and followed by its code', () => {
  let code = '';

  it('the visitor files from the public page and gets the code', async () => {
    const { page } = await newPage(PHONE, { allowErrors: [SIGNED_OUT_ME] });
    await page.goto('/login');
    await page.getByTestId('public-complaints-link').click();
    await page.waitForURL(/\/public\/complaints\?district=demo/);
    const form = page.getByTestId('complaint-form');
    await form.waitFor();
    await choose(page, page.getByTestId('complaint-institution'), '捷径升学补习班');
    await choose(page, page.getByTestId('complaint-category'), '学科类违规');
    await page.getByTestId('complaint-description').fill('每周六上午在城东商业街二楼给初二学生上数学、英语课，约 30 人，门口有人发传单。');
    await page.getByTestId('complaint-phone').fill('1391234');
    await page.getByTestId('complaint-submit').click();
    await page.getByText('应为 11 位手机号').waitFor();
    await page.getByTestId('complaint-phone').fill('13912345678');
    await shot(page, 'training-complaints-01-form');
    await fitsPhone(page);
    const filed = page.waitForResponse((r) => r.url().endsWith('/api/public/districts/demo/complaints') && r.request().method() === 'POST');
    await page.getByTestId('complaint-submit').click();
    expect((await filed).status()).toBe(200);
    const shown = page.getByTestId('complaint-code');
    await shown.waitFor();
    code = (await shown.innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    await page.getByText(/按规定应在 \d{4}-\d{2}-\d{2} 前答复/).waitFor();
    await shot(page, 'training-complaints-02-code');
    await fitsPhone(page);
  });

  it('the district assigns, investigates and answers it', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-district', 'Demo#2026', `/training/complaints?code=${code}`);
    const drawer = page.getByTestId('complaint-drawer');
    await drawer.getByTestId('complaint-status').getByText('已受理').waitFor();
    // the phone is masked for whoever is not handling it
    await drawer.getByTestId('complaint-phone-shown').getByText('139****5678').waitFor();
    // the institution's zone is proposed
    await drawer.getByTestId('assign-zone').getByText('城东街道教育中心').waitFor();
    await shot(page, 'training-complaints-03-received');
    await drawer.getByTestId('complaint-assign').click();
    await drawer.getByTestId('complaint-status').getByText('已分派').waitFor();
    await drawer.getByTestId('complaint-investigate').click();
    await drawer.getByTestId('complaint-status').getByText('调查中').waitFor();
    // now the handler: the number in full
    await drawer.getByTestId('complaint-phone-shown').getByText('13912345678').waitFor();
    await drawer.getByTestId('complaint-answer-input').fill(ANSWER);
    await drawer.getByTestId('complaint-answer-submit').click();
    await drawer.getByTestId('complaint-status').getByText('已答复').waitFor();
    await drawer.getByTestId('complaint-answer').getByText(ANSWER).waitFor();
    // staff see who did each step
    expect(await drawer.getByTestId('complaint-timeline').innerText()).toContain('周建国');
    await shot(page, 'training-complaints-04-answered');
    await page.keyboard.press('Escape');
    // the list is the server's page: its total counts every ticket; overdue only is filtered by the server, page 1 again
    const table = page.getByTestId('complaints-table');
    const shownTotal = page.locator('.ant-pagination-total-text');
    await shownTotal.getByText(/共 \d+ 条/).waitFor();
    const all = Number((await shownTotal.innerText()).match(/\d+/)![0]);
    expect(all).toBeGreaterThan(1);
    const overdueList = page.waitForResponse((r) => /\/api\/training\/complaints\?.*overdue=true.*page=1/.test(r.url()) && r.status() === 200);
    await page.getByTestId('filter-overdue').click();
    const { items, total } = (await (await overdueList).json()) as { items: { overdue: boolean }[]; total: number };
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(all);
    expect(items.every((c) => c.overdue)).toBe(true);
    await shownTotal.getByText(`共 ${total} 条`).waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(Math.min(total, 20));
    expect(await table.getByTestId('complaint-overdue').count()).toBe(Math.min(total, 20));
    await shot(page, 'training-complaints-04b-overdue');
    // the list as filtered, to Excel
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('complaints-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^举报投诉-.*\.xlsx$/);
    await page.getByRole('tab', { name: '统计' }).click();
    await page.getByTestId('complaint-stats').locator('canvas').first().waitFor();
    await shot(page, 'training-complaints-05-stats');
  });

  it('the visitor looks the code up and reads the answer', async () => {
    const { page } = await newPage(PHONE);
    await page.goto('/public/complaints/track');
    await page.getByTestId('track-code').fill(code.toLowerCase());
    await page.getByTestId('track-search').click();
    const ticket = page.getByTestId('track-ticket');
    await ticket.getByTestId('complaint-status').getByText('已答复').waitFor();
    await ticket.getByTestId('complaint-answer').getByText(ANSWER).waitFor();
    const timeline = await ticket.getByTestId('complaint-timeline').innerText();
    expect(timeline).toContain('分派到学区/街道');
    expect(timeline).not.toContain('周建国');
    expect(await ticket.innerText()).toContain('139****5678');
    await shot(page, 'training-complaints-06-tracked');
    await fitsPhone(page);
  });
});
