/**
 * 督学检查 in the browser: demo-inspector on a 390×844 phone opens today's plan, records a visit at 启明文化艺术培训学校
 * (demo-institution's own, in the plan of the demo) with a finding, a photo and a deadline; demo-institution finds
 * the rectification, answers it with an evidence photo; the inspector verifies and closes it on the phone. The
 * district's overview, the findings as the server pages, counts and filters them (overdue first; overdue only, a
 * search by institution, closed ones), and the 年检 table close the tour.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, DESKTOP, launch, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const QIMING = '启明文化艺术培训学校';
const FINDING = '三楼舞蹈教室灭火器过期（2025 年 6 月到期），疏散示意图缺失。';
const ANSWER = '已更换 4 具灭火器并张贴疏散示意图，消防维保单位出具了检查记录。';

/** A "photo" taken on site, rendered by the browser. */
async function photo(text: string): Promise<Buffer> {
  const b = await launch();
  const ctx = await b.newContext({ viewport: { width: 480, height: 360 } });
  const p = await ctx.newPage();
  await p.setContent(`<body style="margin:0;background:#c9302c;color:#fff;font:32px sans-serif;display:flex;align-items:center;justify-content:center;height:100vh">${text}</body>`);
  const png = await p.screenshot();
  await ctx.close();
  return png;
}

async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('an inspector records a finding on a phone, the institution answers, the inspector closes it', () => {
  let deadline = '';

  it('the inspector records the visit with a finding, a photo and a deadline', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-inspector', 'Demo#2026', '/training/inspections/today');
    const plan = page.getByTestId('today-plan').first();
    await plan.getByText(QIMING).waitFor();
    await shot(page, 'training-inspections-01-today');
    await fitsPhone(page);

    await plan.getByTestId(`visit-${QIMING}`).click();
    await page.waitForURL(/\/training\/inspections\/visit\?/);
    await page.getByTestId('visit-institution').getByText(QIMING).waitFor();
    await page.getByTestId('check-venue_safe').click();
    await page.getByTestId('visit-summary').fill('证照公示齐全，教师持证；三楼消防设施不合格。');
    await page.getByTestId('add-finding').click();
    const finding = page.getByTestId('finding-form');
    await finding.getByTestId('finding-category').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('场地安全', { exact: true }).click();
    await finding.getByText('较重').click();
    await finding.getByTestId('finding-description').fill(FINDING);
    await finding.locator('input[type=file]').setInputFiles({ name: '灭火器.png', mimeType: 'image/png', buffer: await photo('灭火器 2025-06 到期') });
    await finding.locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').first().waitFor();
    await expect.poll(() => finding.locator('.ant-upload-list-item-uploading').count()).toBe(0);

    // a deadline a week out, picked on the calendar
    const today = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
    deadline = addDays(today, 7);
    await finding.getByTestId('finding-deadline').click();
    const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    if (deadline.slice(0, 7) !== today.slice(0, 7)) await panel.locator('.ant-picker-header-next-btn').click();
    await panel.locator(`td[title="${deadline}"]`).click();
    await shot(page, 'training-inspections-02-visit-form');
    await fitsPhone(page);

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/training/inspections/visits') && r.request().method() === 'POST');
    await page.getByTestId('visit-submit').click();
    const res = await saved;
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { findings: { deadline: string; photoIds: string[] }[] };
    expect(body.findings[0]).toMatchObject({ deadline });
    expect(body.findings[0]!.photoIds).toHaveLength(1);
    await page.waitForURL(/\/training\/inspections\/today$/);
    await page.getByTestId('today-plan').first().getByText('已检查').waitFor();
    await shot(page, 'training-inspections-03-recorded');
  });

  it('the institution answers with what it did and an evidence photo', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-institution', 'Demo#2026', '/training/rectifications');
    const card = page.getByTestId('finding-card').filter({ hasText: FINDING });
    await card.waitFor();
    await card.getByText(`整改期限 ${deadline}`).waitFor();
    await expect.poll(() => card.locator('img').count()).toBeGreaterThan(0);
    await shot(page, 'training-inspections-04-institution-open');
    await card.getByTestId('respond').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('respond-text').fill(ANSWER);
    await dialog.locator('input[type=file]').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: await photo('新灭火器 2031-11 到期') });
    await expect.poll(() => dialog.locator('.ant-upload-list-item-uploading').count()).toBe(0);
    await expect.poll(() => dialog.locator('.ant-upload-list-item').count()).toBe(1);
    await shot(page, 'training-inspections-05-institution-respond');
    const sent = page.waitForResponse((r) => /\/findings\/[^/]+\/response$/.test(r.url()));
    await dialog.getByTestId('respond-submit').click();
    expect((await sent).status()).toBe(200);
    await card.getByText('已提交，等待复核').waitFor();
    await shot(page, 'training-inspections-06-institution-sent');
  });

  it('the inspector verifies the evidence and closes the finding on the phone', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-inspector', 'Demo#2026', '/training/inspections/today');
    await page.getByTestId('to-verify').click();
    await page.waitForURL(/\/training\/inspections\/verify$/);
    const card = page.getByTestId('finding-card').filter({ hasText: FINDING });
    await card.getByText(ANSWER).waitFor();
    await expect.poll(() => card.locator('img').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'training-inspections-07-verify');
    await fitsPhone(page);
    const closed = page.waitForResponse((r) => /\/findings\/[^/]+\/verify$/.test(r.url()));
    await card.getByTestId('verify-close').click();
    const res = await closed;
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('closed');
    await expect.poll(() => page.getByTestId('finding-card').filter({ hasText: FINDING }).count()).toBe(0);
    await shot(page, 'training-inspections-08-verified');
  });

  it('the district sees the overview, the findings paged and filtered by the server, and last year\'s 年检', async () => {
    const { page } = await newPage(DESKTOP);
    type Page = { items: { institutionName: string; status: string; overdue: boolean; description: string }[]; total: number };
    const answer = (test: RegExp) => page.waitForResponse((r) => /\/api\/training\/inspections\/findings\?/.test(r.url()) && test.test(decodeURIComponent(r.url())) && r.status() === 200);
    const first = answer(/page=1&pageSize=20$/);
    await signIn(page, 'demo-district', 'Demo#2026', '/training/inspections');
    await page.getByTestId('insp-kpi-overdue').getByText('1').waitFor();
    // the table is the server's first page: its total counts every finding, the overdue one first
    const table = page.getByTestId('findings-table');
    const shownTotal = page.locator('.ant-pagination-total-text');
    const all = (await (await first).json()) as Page;
    expect(all.total).toBeGreaterThanOrEqual(4);
    await shownTotal.getByText(`共 ${all.total} 条`).waitFor();
    expect(all.items[0]).toMatchObject({ institutionName: '捷径升学补习班', overdue: true });
    await expect.poll(() => table.locator('tbody tr.ant-table-row').first().innerText()).toContain('捷径升学补习班');
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(Math.min(all.total, 20));

    // overdue only: filtered by the server
    const overdueList = answer(/overdue=true&page=1/);
    await page.getByTestId('filter-overdue').click();
    const overdue = (await (await overdueList).json()) as Page;
    expect(overdue.total).toBe(1);
    expect(overdue.items.every((f) => f.overdue)).toBe(true);
    await shownTotal.getByText('共 1 条').waitFor();
    await table.getByRole('row').filter({ hasText: '捷径升学补习班' }).getByTestId('finding-overdue').waitFor();
    await shot(page, 'training-inspections-09-district-overdue');
    await page.getByTestId('filter-overdue').click();
    await shownTotal.getByText(`共 ${all.total} 条`).waitFor();

    // a search by the institution's name, then only its closed findings (the one just verified among them)
    const searched = answer(/q=启明&page=1/);
    const search = page.getByTestId('filter-q').locator('input').or(page.locator('input[data-testid="filter-q"]')).first();
    await search.fill('启明');
    await search.press('Enter');
    const qiming = (await (await searched).json()) as Page;
    expect(qiming.total).toBeGreaterThanOrEqual(3);
    expect(qiming.items.every((f) => f.institutionName === QIMING)).toBe(true);
    await shownTotal.getByText(`共 ${qiming.total} 条`).waitFor();
    const closedList = answer(/status=closed&q=启明&page=1/);
    await choose(page, page.getByTestId('filter-status'), '已销号');
    const closed = (await (await closedList).json()) as Page;
    expect(closed.items.every((f) => f.status === 'closed' && f.institutionName === QIMING)).toBe(true);
    expect(closed.items.map((f) => f.description)).toContain(FINDING);
    await shownTotal.getByText(`共 ${closed.total} 条`).waitFor();
    await table.getByRole('row').filter({ hasText: FINDING.slice(0, 10) }).waitFor();
    await shot(page, 'training-inspections-09b-district-search');

    await page.getByRole('tab', { name: '年检' }).click();
    const annual = page.getByTestId('annual-table');
    await annual.getByRole('row').filter({ hasText: '博学学科辅导中心' }).getByText('基本合格').waitFor();
    await annual.getByRole('row').filter({ hasText: '捷径升学补习班' }).getByText('不合格').waitFor();
    await shot(page, 'training-inspections-10-annual');
  });
});
