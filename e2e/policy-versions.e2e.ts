/**
 * Policy as data in the browser: the district office lowers the grade 3–6 daily written-homework limit on school days
 * from 60 to 50 minutes from next Monday, with a reason, and finds the change on the history page; a teacher of a
 * grade-3 class then sets homework bringing next Tuesday (the first school day after Monday) to 55 minutes and is
 * refused by the new limit — the server cites the new version and the panel names it by its effective date and reason —
 * while the same 55 minutes today, before Monday, pass.
 */
import { addDays, DEFAULT_TIME_ZONE, todayIn, weekStart } from '@shuangjian/policy';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSignIn, choose, closeBrowser, newPage, PHONE, shot, signIn, pickDate } from './harness';

afterAll(() => closeBrowser());

const today = todayIn(DEFAULT_TIME_ZONE);
const monday = addDays(weekStart(today), 7);
const REASON = '市教育局通知：三至六年级上课日书面作业降至50分钟';
const GRADES = ['3', '4', '5', '6'];

/** antd puts a space between the two characters of a two-character Chinese button ("确 定"). */
const button = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

const noHorizontalScroll = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

async function text(page: Page, testId: string) {
  return (await page.getByTestId(testId).first().textContent()) ?? '';
}

async function json<T>(page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
  const res = method === 'GET' ? await page.request.get(url) : await page.request.post(url, { data });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

type Version = { id: string; value: { school_day: Record<string, number> }; effectiveFrom: string; reason: string | null };
type LoadEntries = { entries: { classId: string; date: string; check: { written: number; limit: number; dayKind: string; violations: { message: string }[] }; policyVersion: string | null }[] };

describe('a policy change takes effect on its date and is cited', () => {
  let before: Version['value'] | null = null;

  it('the district office lowers the grade 3–6 limit from next Monday, with a reason, and sees it on the history page', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-district');
    // from the home page, through the menu
    await page.getByRole('menuitem', { name: '政策参数' }).click();
    await page.waitForURL('**/settings/policies');
    const card = page.getByTestId('policy-homework.dayLimits');
    await card.waitFor();
    const entry = (await json<{ key: string; current: Version | null; default: Version['value'] }[]>(page, 'GET', '/api/policies')).find((p) => p.key === 'homework.dayLimits')!;
    before = entry.current?.value ?? entry.default;
    for (const g of GRADES) expect(before.school_day[g]).toBe(60);

    await card.getByTestId('policy-new-version').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '每日家庭书面作业时长上限' });
    await modal.waitFor();
    for (const g of GRADES) await modal.getByLabel(`value.school_day.${g}`).fill('50');
    await modal.getByLabel('生效日期').fill(monday);
    await modal.getByLabel('生效日期').press('Enter');
    await modal.getByLabel('原因').fill(REASON);
    await shot(page, 'policy-01-new-version');
    await modal.getByRole('button', { name: button('确定') }).click();
    await expect.poll(() => card.textContent()).toContain(REASON);
    expect(await card.textContent()).toContain('待生效');
    expect(await card.textContent()).toContain(monday);
    await shot(page, 'policy-02-policies');

    // the change on the history page: what it replaced, from when, why, by whom
    await page.getByTestId('policy-history-link').click();
    await page.waitForURL('**/settings/policies/history');
    const row = page.getByTestId('policy-history').locator('tbody tr').filter({ hasText: REASON }).first();
    await row.waitFor();
    const shown = (await row.textContent()) ?? '';
    expect(shown).toContain(monday);
    expect(shown).toContain('待生效');
    expect(shown).toContain('每日家庭书面作业时长上限');
    for (const g of ['三年级', '四年级', '五年级', '六年级']) expect(shown).toContain(`上课日 · ${g}：60 → 50`);
    expect(shown).not.toContain('七年级');
    await shot(page, 'policy-03-history');
    await context.close();
  });

  it('a teacher setting 55 minutes for next Tuesday is refused by the new version; 55 minutes today pass', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-teacher', undefined, '/homework/set');
    const me = await json<{ classes: { id: string; className: string; grade: number; roles: string[]; subjectIds: string[] }[] }>(page, 'GET', '/api/me');
    const classes = me.classes.filter((c) => c.roles.includes('teacher') && c.grade >= 3 && c.grade <= 6);
    // the first school day after Monday, and a class whose days leave room for an item (55 minutes in all)
    const ahead = Array.from({ length: 14 }, (_, i) => addDays(monday, i + 1));
    const load = await json<LoadEntries>(page, 'POST', '/api/homework/load-check', { classIds: classes.map((c) => c.id), dates: [today, ...ahead] });
    const day = ahead.find((d) => load.entries.some((e) => e.date === d && e.check.dayKind === 'school_day'))!;
    const fits = (id: string, d: string) => load.entries.find((e) => e.classId === id && e.date === d)!.check.written <= 50;
    const cls = classes.find((c) => fits(c.id, today) && fits(c.id, day))!;
    expect(cls, 'a grade 3–6 class with room on both days').toBeTruthy();
    const written = (d: string) => load.entries.find((e) => e.classId === cls.id && e.date === d)!.check.written;

    await expect.poll(() => page.getByTestId('subject-select').textContent(), { timeout: 15_000 }).toContain('数学');
    await choose(page, page.getByTestId('class-select'), cls.className);
    await page.keyboard.press('Escape');
    await choose(page, page.getByTestId('type-select'), '书面');
    await page.getByText('基础', { exact: true }).click();
    await page.getByText('在家完成', { exact: true }).click();
    await page.getByLabel('作业内容').fill('完成练习册第 22 页 1–8 题');

    // next Tuesday: the class's day comes to 55 minutes, over the new 50
    await pickDate(page, page.getByLabel('日期', { exact: true }), day);
    await page.getByLabel('预计用时').fill(String(55 - written(day)));
    await expect.poll(() => text(page, 'load-violations')).toContain(`书面作业合计 55 分钟，超过${cls.grade}年级每日 50 分钟的上限`);
    expect(await text(page, 'load-entry')).toContain('55 / 50 分钟');
    // the refusal names the rule's version: its effective date and the district's reason
    expect(await text(page, 'load-citation')).toContain(`依据：作业时长上限（${monday} 起施行的版本，调整原因：${REASON}）`);
    expect(await text(page, 'load-blocked')).toContain('才能公示');
    expect(await page.getByTestId('submit-blocked-hint').isVisible()).toBe(true);
    await shot(page, 'policy-04-teacher-refused');
    // the server's check cites the version it applied: the district's new one
    const policies = await json<{ key: string; versions: Version[] }[]>(page, 'GET', '/api/policies');
    const v50 = policies.find((p) => p.key === 'homework.dayLimits')!.versions.find((v) => v.reason === REASON)!;
    const draft = { subjectId: cls.subjectIds[0], type: 'written', layer: 'basic', place: 'home', minutes: 55 - written(day), content: '练习' };
    const cited = await json<LoadEntries>(page, 'POST', '/api/homework/load-check', { classIds: [cls.id], dates: [day, today], draft });
    expect(cited.entries.find((e) => e.date === day)!.policyVersion).toContain(`homework.dayLimits@${v50.id}`);
    expect(cited.entries.find((e) => e.date === today)!.policyVersion ?? '').not.toContain(v50.id);

    // today, before Monday: the same 55 minutes are within the limit of 60
    await pickDate(page, page.getByLabel('日期', { exact: true }), today);
    await page.getByLabel('预计用时').fill(String(55 - written(today)));
    await expect.poll(() => text(page, 'load-entry')).toContain('55 / 60 分钟');
    expect(await text(page, 'load-check')).toContain('加上本条后各班当天作业量均在上限内');
    expect(await page.getByTestId('submit-blocked-hint').count()).toBe(0);
    await shot(page, 'policy-05-teacher-today-passes');
    await context.close();
  });

  it('school staff read the history on a phone', async () => {
    const { page, context } = await newPage(PHONE);
    await signIn(page, 'demo-teacher', undefined, '/settings/policies/history');
    const card = page.getByTestId('policy-history-row').filter({ hasText: REASON }).first();
    await card.waitFor();
    expect(await card.textContent()).toContain('上课日 · 三年级：60 → 50');
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'policy-06-history-phone');
    // back to 60 from Monday, so the browser tests that follow meet the shipped limit
    await apiSignIn(context, 'demo-district');
    const res = await page.request.post('/api/policies/homework.dayLimits', { data: { value: before, effectiveFrom: monday, reason: '浏览器测试结束：恢复 60 分钟' } });
    expect(res.ok()).toBe(true);
    await context.close();
  });
});
