/**
 * Every district setting is edited in the browser: the district office opens 新增版本 of a setting without an editor of
 * its own (the prepaid package limits, sleep, price caps, home visits, the curriculum plan) and gets fields built from
 * the setting's value shape — labelled groups, whole numbers, times of day, options, price bands as an editable table
 * with caps in yuan. It lowers the lesson limit of a prepaid package from 60 to 48 with an effective date and a reason,
 * finds the version on the setting's card and on 政策变更记录; a refused value is marked where it was typed.
 */
import { addDays, DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const today = todayIn(DEFAULT_TIME_ZONE);
// far enough ahead that no other browser test meets these versions
const from = addDays(today, 400);
const REASON = '市教育局通知：预收费一次不超过48课时';

/**
 * antd puts a space between the two characters of a two-character Chinese button ("确 定"); after a save the button's
 * loading icon may linger in its leave motion and lend the button its name ("loading 确 定").
 */
const button = (text: string) => new RegExp(`^\\s*(loading\\s*)?${[...text].join('\\s*')}\\s*$`);

type Entry = { key: string; current: { value: unknown; effectiveFrom: string; reason: string | null } | null; default: unknown; versions: { value: unknown; effectiveFrom: string; reason: string | null }[] };

/** A picture of one part of the page (a dialog, a card): the full page is too long to read. */
async function shotOf(part: Locator, name: string) {
  const page = part.page();
  await page.waitForTimeout(400);
  const box = (await part.boundingBox())!;
  const scrollY = await page.evaluate<number>('window.scrollY');
  await page.screenshot({ path: join(import.meta.dirname, '../test-results', `${name}.png`), fullPage: true, clip: { ...box, y: box.y + scrollY } });
}

async function policies(page: Page): Promise<Entry[]> {
  const res = await page.request.get('/api/policies');
  expect(res.ok()).toBe(true);
  return (await res.json()) as Entry[];
}

async function openEditor(page: Page, key: string, title: string): Promise<{ card: Locator; modal: Locator }> {
  const card = page.getByTestId(`policy-${key}`);
  await card.scrollIntoViewIfNeeded();
  await card.getByTestId('policy-new-version').click();
  const modal = page.locator('.ant-modal').filter({ hasText: title });
  await modal.getByTestId('policy-value-editor').waitFor();
  return { card, modal };
}

async function setDateAndReason(modal: Locator, date: string, reason: string) {
  await modal.getByLabel('生效日期').fill(date);
  await modal.getByLabel('生效日期').press('Enter');
  await modal.getByLabel('原因').fill(reason);
}

describe('the district office edits any setting in the browser', () => {
  it('lowers the prepaid package’s lesson limit from 60 to 48 with a date and a reason, and finds it in the versions and the history', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district', undefined, '/settings/policies');
    const { card, modal } = await openEditor(page, 'training.packages', '预收费限制');
    // prefilled with the value in force, each field labelled
    const lessons = modal.getByLabel('一次收费最多课时');
    expect(await lessons.inputValue()).toBe('60');
    expect(await modal.getByLabel('一次收费最多月数').inputValue()).toBe('3');
    await lessons.fill('48');
    await setDateAndReason(modal, from, REASON);
    await shotOf(modal, 'policy-editors-01-packages');
    await modal.getByRole('button', { name: button('确定') }).click();
    await expect.poll(() => card.textContent()).toContain(REASON);
    const row = card.locator('tbody tr').filter({ hasText: REASON });
    expect(await row.textContent()).toContain(from);
    expect(await row.textContent()).toContain('待生效');
    expect(await row.textContent()).toContain('一次收费最多课时：48');
    const saved = (await policies(page)).find((p) => p.key === 'training.packages')!.versions.find((v) => v.reason === REASON)!;
    expect(saved).toMatchObject({ value: { maxMonths: 3, maxLessons: 48 }, effectiveFrom: from });
    await shotOf(card, 'policy-editors-02-packages-card');

    await page.getByTestId('policy-history-link').click();
    await page.waitForURL('**/settings/policies/history');
    const entry = page.getByTestId('policy-history').locator('tbody tr').filter({ hasText: REASON }).first();
    await entry.waitFor();
    const shown = (await entry.textContent()) ?? '';
    expect(shown).toContain(from);
    expect(shown).toContain('待生效');
    expect(shown).toContain('预收费限制');
    expect(shown).toContain('60 → 48');
    await shot(page, 'policy-editors-03-history');
  });

  it('sleep: groups for primary and junior, minutes and 24-hour bedtimes prefilled, a changed minimum saved', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district', undefined, '/settings/policies');
    const { card, modal } = await openEditor(page, 'five-managements.sleep', '睡眠管理');
    const primary = modal.getByTestId('group-primary');
    expect(await primary.textContent()).toContain('小学');
    expect(await primary.getByLabel('每天最少睡眠（分钟）').inputValue()).toBe('600');
    expect(await primary.getByLabel('最晚就寝时间').inputValue()).toBe('21:20');
    expect(await modal.getByTestId('group-junior').getByLabel('最晚就寝时间').inputValue()).toBe('22:00');
    // basis points are typed as a percentage
    expect(await modal.getByLabel('班级达标率阈值（%）').inputValue()).toBe('80.00');
    await primary.getByLabel('每天最少睡眠（分钟）').fill('620');
    const bedtime = modal.getByTestId('group-junior').getByLabel('最晚就寝时间');
    await bedtime.click();
    await bedtime.fill('21:50');
    await bedtime.press('Enter');
    await setDateAndReason(modal, from, '初中最晚就寝提前到21:50，小学最少睡眠620分钟');
    await shotOf(modal, 'policy-editors-04-sleep');
    await modal.getByRole('button', { name: button('确定') }).click();
    await expect.poll(() => card.textContent()).toContain('初中最晚就寝提前到21:50');
    const v = (await policies(page)).find((p) => p.key === 'five-managements.sleep')!.versions[0]!;
    expect(v.value).toEqual({ primary: { minMinutes: 620, latestBedtime: '21:20' }, junior: { minMinutes: 540, latestBedtime: '21:50' }, classThresholdBp: 8000, reportDays: 3 });
  });

  it('price caps: bands as a table in yuan; bands out of order are refused under the table, then a cap of ¥36 is saved as 3600 fen', async () => {
    const { page } = await newPage(undefined, { allowErrors: [/400 \(Bad Request\) \[[^\]]*\/api\/policies\/training\.prices\]$/] });
    await signIn(page, 'demo-district', undefined, '/settings/policies');
    const { card, modal } = await openEditor(page, 'training.prices', '学科类培训收费上限');
    const bands = modal.getByTestId('rows-value.bands');
    expect(await bands.getByLabel('每生每课时上限（元） 1').inputValue()).toBe('35.00');
    expect(await modal.getByLabel('上浮幅度（%）').inputValue()).toBe('10.00');
    // the second band's size below the first: the server's rule (bands from small to large) is shown under the table
    await bands.getByLabel('班额上限（人） 2').fill('5');
    await setDateAndReason(modal, from, '学科类培训收费上限调整');
    await modal.getByRole('button', { name: button('确定') }).click();
    await expect.poll(() => bands.textContent()).toContain('班额分档应从小到大排列');
    await shotOf(modal, 'policy-editors-05-prices-refused');
    await bands.getByLabel('班额上限（人） 2').fill('35');
    await bands.getByLabel('每生每课时上限（元） 1').fill('36');
    // a fourth band, added and removed again
    await bands.getByRole('button', { name: /添加一行/ }).click();
    expect(await bands.locator('tbody tr.ant-table-row').count()).toBe(4);
    await bands.locator('tbody tr.ant-table-row').nth(3).getByRole('button', { name: '删除' }).click();
    await modal.getByRole('button', { name: button('确定') }).click();
    await expect.poll(() => card.textContent()).toContain('学科类培训收费上限调整');
    const v = (await policies(page)).find((p) => p.key === 'training.prices')!.versions[0]!;
    expect(v.value).toMatchObject({ bands: [{ maxClassSize: 10, capFen: 3600 }, { maxClassSize: 35, capFen: 2500 }, { maxClassSize: 50, capFen: 1500 }], floatBp: 1000 });
    expect(await card.locator('tbody tr').filter({ hasText: '学科类培训收费上限调整' }).textContent()).toContain('¥36.00');
  });

  it('home visits, waivers and the curriculum plan open with their options, tables and subject rows', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district', undefined, '/settings/policies');
    let { modal } = await openEditor(page, 'home-school.visits', '家访');
    expect(await modal.getByTestId('policy-value-editor').textContent()).toContain('入户家访');
    expect(await modal.getByTestId('policy-value-editor').textContent()).toContain('电话家访');
    await shotOf(modal, 'policy-editors-06-visits');
    await modal.getByRole('button', { name: button('取消') }).click();
    ({ modal } = await openEditor(page, 'after-school.waivers', '减免类别'));
    expect(await modal.getByLabel('减免比例（%） 1').inputValue()).toBe('100.00');
    await shotOf(modal, 'policy-editors-07-waivers');
    await modal.getByRole('button', { name: button('取消') }).click();
    ({ modal } = await openEditor(page, 'timetable.plan', '课程设置方案'));
    expect(await modal.getByTestId('record-rows').first().textContent()).toContain('语文');
    await shotOf(modal, 'policy-editors-08-plan');
    await modal.getByRole('button', { name: button('取消') }).click();
    await shot(page, 'policy-editors-09-page');
    for (const key of ['timetable.plan', 'training.prices', 'five-managements.sleep', 'after-school.waivers']) await shotOf(page.getByTestId(`policy-${key}`), `policy-editors-09-card-${key}`);
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  });
});

describe('school staff read the settings on a phone', () => {
  it('the principal sees every module’s settings in words, money in yuan, and no sideways scrolling', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-principal', undefined, '/settings/policies');
    const prices = page.getByTestId('policy-training.prices');
    await prices.waitFor();
    expect(await prices.textContent()).toContain('¥35.00');
    expect(await page.getByTestId('policy-new-version').count()).toBe(0);
    expect(await page.getByTestId('policy-five-managements.sleep').textContent()).toContain('21:20');
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await prices.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(import.meta.dirname, '../test-results', 'policy-editors-12-phone.png') });
  });
});

describe('in English', () => {
  it('the generic editor reads in English', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district', undefined, '/settings/policies');
    await page.getByRole('button', { name: /English/ }).click();
    const { modal } = await openEditor(page, 'five-managements.sleep', 'Sleep');
    expect(await modal.getByTestId('policy-value-editor').textContent()).toContain('Min minutes');
    await shotOf(modal, 'policy-editors-10-english');
    await modal.getByRole('button', { name: /Cancel/ }).click();
    await shotOf(page.getByTestId('policy-training.prices'), 'policy-editors-11-english-card');
  });
});
