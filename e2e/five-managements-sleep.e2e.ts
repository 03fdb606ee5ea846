/**
 * 睡眠管理 for staff in the browser: demo-district reads the district's classes 20 a page (the lowest share of nights
 * long enough first), turns to page 2, picks a school and keeps only the classes below the threshold, then opens a
 * class's week; demo-principal sees the school's own classes, with no school picker.
 */
import type { SleepClasses } from '@shuangjian/contracts';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, newPage, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const listed = (page: Page, test: (url: URL) => boolean) =>
  page.waitForResponse((r) => r.url().includes('/api/five-managements/sleep/classes?') && r.request().method() === 'GET' && test(new URL(r.url())));
const rows = (page: Page) => page.getByTestId('sleep-class-row');
const names = async (page: Page) => (await rows(page).locator('.ant-typography strong').allInnerTexts()).map((s) => s.trim());

describe('睡眠管理: the classes a page at a time', () => {
  it('the district pages through every class, picks a school and keeps those below the threshold', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district', 'Demo#2026', '/five/sleep/classes');
    const all = (await (await page.request.get('/api/five-managements/sleep/classes?pageSize=20')).json()) as SleepClasses;
    expect(all.total).toBeGreaterThan(20);
    await expect.poll(() => rows(page).count()).toBe(20);
    await expect.poll(() => page.getByTestId('sleep-total').textContent()).toContain(`共 ${all.total} 个班级`);
    expect(await names(page)).toEqual(all.items.map((i) => `${i.schoolName} ${i.className}`));
    await shot(page, 'five-sleep-01-district');

    // page 2: the next twenty
    const second = listed(page, (u) => u.searchParams.get('page') === '2');
    await page.getByTestId('sleep-pages').getByTitle('2', { exact: true }).click();
    const next = (await (await second).json()) as SleepClasses;
    await expect.poll(() => names(page)).toEqual(next.items.map((i) => `${i.schoolName} ${i.className}`));
    expect(next.items.some((i) => all.items.some((j) => j.classId === i.classId))).toBe(false);

    // one school, only the classes below the threshold
    const school = all.items[0]!.schoolName;
    const picked = listed(page, (u) => !!u.searchParams.get('schoolId'));
    await choose(page, page.getByTestId('school-select'), school);
    const ofSchool = (await (await picked).json()) as SleepClasses;
    expect(ofSchool.page).toBe(1);
    await expect.poll(async () => (await names(page)).every((n) => n.startsWith(`${school} `))).toBe(true);
    const belowOnly = listed(page, (u) => u.searchParams.get('below') === 'true' && !!u.searchParams.get('schoolId'));
    await page.getByTestId('sleep-below').click();
    const below = (await (await belowOnly).json()) as SleepClasses;
    expect(below.total).toBeGreaterThan(0);
    expect(below.total).toBeLessThan(ofSchool.total);
    await expect.poll(() => rows(page).count()).toBe(Math.min(20, below.total));
    await expect.poll(() => rows(page).filter({ hasText: '低于阈值' }).count()).toBe(Math.min(20, below.total));
    await expect.poll(() => page.getByTestId('sleep-total').textContent()).toContain(`共 ${below.total} 个班级`);
    await shot(page, 'five-sleep-02-school-below');

    // a class's week opens from its card
    await rows(page).first().click();
    await page.locator('.ant-drawer-open').waitFor();
    await shot(page, 'five-sleep-03-class-week');
  });

  it('the school’s staff see their own classes, with no school picker', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-principal', 'Demo#2026', '/five/sleep/classes');
    // the demo school's 18 classes, and any a browser test before this one added on the same server
    const own = (await (await page.request.get('/api/five-managements/sleep/classes?pageSize=20')).json()) as SleepClasses;
    expect(own.total).toBeGreaterThanOrEqual(18);
    await expect.poll(() => rows(page).count()).toBe(Math.min(20, own.total));
    await expect.poll(() => page.getByTestId('sleep-total').textContent()).toContain(`共 ${own.total} 个班级`);
    expect(await page.getByTestId('school-select').count()).toBe(0);
    expect((await names(page)).every((n) => n.startsWith('示范区实验小学 '))).toBe(true);
    expect(await page.getByTestId('sleep-pages').count()).toBe(own.total > 20 ? 1 : 0);
    await shot(page, 'five-sleep-04-school');
  });
});
