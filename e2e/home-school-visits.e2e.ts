/**
 * 家访 in the browser: demo-teacher (李强, no visit yet this week in the demo) is reminded on the home page, records a
 * phone call to 张小明's mother on a phone, sees the week's rule met and the visit in the list, and marks its follow-up
 * done; demo-classteacher reads 三年级(2)班's progress per teacher and per pupil on a desktop.
 */
import { addDays } from '@shuangjian/policy';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, DESKTOP, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('家访', () => {
  it('a teacher is reminded, records a phone visit on the phone and meets the week', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-teacher');
    const card = page.getByTestId('home-visits-card');
    await card.getByTestId('home-visits-week').getByText('本周还未家访', { exact: false }).waitFor();
    await card.getByTestId('home-visits-due').getByText('名学生待家访', { exact: false }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'home-school-visits-01-home-card');

    await card.getByTestId('home-visits-open').click();
    await page.waitForURL((url) => url.pathname === '/home-school/visits');
    const week = page.getByTestId('visits-week');
    await expect.poll(() => week.getAttribute('data-done')).toBe('false');
    await week.getByText('依据：区定规则 home-school.visits', { exact: false }).waitFor();
    await page.getByTestId('visits-due').getByTestId('visits-due-pupil').first().waitFor();
    await shot(page, 'home-school-visits-02-page');
    await fitsPhone(page);

    await page.getByTestId('visit-open').click();
    const form = page.getByTestId('visit-form');
    await choose(page, form.getByTestId('visit-class'), '三年级(2)班');
    await choose(page, form.getByTestId('visit-pupil'), /^张小明 /);
    await form.getByTestId('visit-mode').getByText('电话', { exact: true }).click();
    const today = await form.getByTestId('visit-date').inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByTestId('visit-met').getByText('母亲', { exact: true }).click();
    await form.getByTestId('visit-met-name').fill('张妈妈');
    await form.getByTestId('visit-topics').getByText('作业', { exact: true }).click();
    await form.getByTestId('visit-topics').getByText('睡眠', { exact: true }).click();
    await form.getByTestId('visit-notes').fill('电话了解孩子本周作业和睡眠情况，家长反映每晚九点前入睡。');
    await form.getByTestId('visit-follow-up').fill('下周电话回访作业完成情况');
    await form.getByTestId('visit-follow-up-due').fill(addDays(today, 7));
    await shot(page, 'home-school-visits-03-form');
    await fitsPhone(page);

    await form.getByTestId('visit-submit').click();
    await page.getByText('家访已记录').waitFor();
    await expect.poll(() => week.getAttribute('data-done')).toBe('true');
    await week.getByText('本周已完成：1 次', { exact: false }).waitFor();
    const visit = page.getByTestId('visits-mine').getByTestId('visit-item').first();
    await visit.getByText('张小明', { exact: false }).waitFor();
    await visit.getByText('电话', { exact: true }).waitFor();
    await visit.getByText(today, { exact: false }).waitFor();
    await shot(page, 'home-school-visits-04-week-met');

    await visit.getByTestId('visit-follow-up-done').click();
    await visit.getByText('已跟进', { exact: true }).waitFor();
    await visit.scrollIntoViewIfNeeded();
    await shot(page, 'home-school-visits-05-follow-up-done');
    await fitsPhone(page);

    // the home page now says the week is done
    await page.goto('/');
    await page.getByTestId('home-visits-week').getByText('本周已完成', { exact: false }).waitFor();
  });

  it('the class teacher reads the class’s progress per teacher and per pupil', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-classteacher', 'Demo#2026', '/home-school/visits');
    await page.getByTestId('visits-classes').getByText('三年级(2)班', { exact: false }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/home-school/visits/classes/'));
    const byTeacher = page.getByTestId('class-visits-by-teacher');
    await byTeacher.getByText('王芳', { exact: true }).waitFor();
    await byTeacher.getByText('李强', { exact: true }).waitFor();
    await byTeacher.getByText('班主任', { exact: true }).waitFor();
    const byPupil = page.getByTestId('class-visits-by-pupil');
    // the class teacher reads whole names
    await byPupil.getByText('张小明', { exact: false }).first().waitFor();
    await page.getByTestId('visits-rule').getByText('home-school.visits', { exact: false }).waitFor();
    await shot(page, 'home-school-visits-06-class-progress');

    const all = await byPupil.locator('tbody tr.ant-table-row').count();
    await page.getByTestId('class-visits-only-due').click();
    await expect.poll(() => byPupil.locator('tbody tr.ant-table-row').count()).toBeLessThanOrEqual(all);
    await byPupil.getByText('位教师未入户', { exact: false }).first().waitFor();
    await shot(page, 'home-school-visits-07-class-due');
  });
});
