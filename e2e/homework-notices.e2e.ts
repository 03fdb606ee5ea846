/**
 * Parents are told: a day of 实验小学 三年级(2)班 is set, checked, submitted and approved through the API as the demo
 * accounts do it in the browser (homework-chain.e2e.ts walks those pages), then the parent, on a phone, finds the
 * publication notice in the bell on the home page and opens the day's list from it.
 * The next school day is used, so the walk does not depend on what other tests did with today.
 */
import { addDays, DEFAULT_TIME_ZONE, isoWeekday, todayIn } from '@shuangjian/policy';
import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSignIn, closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const CLASS = '三年级(2)班';
const CONTENT = '阅读课文《秋天的雨》，完成课后第 2 题';

/** The next Monday–Friday after today in the demo district. */
function nextWeekday() {
  let d = addDays(todayIn(DEFAULT_TIME_ZONE), 1);
  while (isoWeekday(d) > 5) d = addDays(d, 1);
  return d;
}
const date = nextWeekday();
const monthDay = `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

async function as(context: BrowserContext, username: string, method: 'get' | 'post', url: string, data?: unknown) {
  await context.clearCookies();
  await apiSignIn(context, username);
  const res = await context.request[method](url, data === undefined ? {} : { data });
  if (!res.ok()) throw new Error(`${username} ${method.toUpperCase()} ${url}: ${res.status()} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

describe('homework: parents are told when the list is published', () => {
  it('the chain publishes a day through the API; the parent sees the notice in the bell on a phone and opens the list', async () => {
    // set-up through the API: teacher → subject leader → class teacher → academic affairs
    const { page: api, context: apiContext } = await newPage();
    await apiSignIn(apiContext, 'demo-teacher');
    const me = (await (await apiContext.request.get('/api/me')).json()) as { classes: { id: string; name: string }[] };
    const classId = me.classes.find((c) => c.name.endsWith(CLASS))!.id;
    const subjects = (await (await apiContext.request.get('/api/subjects')).json()) as { id: string; code: string }[];
    const chinese = subjects.find((s) => s.code === 'chinese')!.id;
    const created = (await as(apiContext, 'demo-classteacher', 'post', '/api/homework/items', {
      classIds: [classId],
      subjectId: chinese,
      entries: [{ date, content: CONTENT, type: 'reading', layer: 'basic', place: 'home', minutes: 20 }],
    })) as { items: { id: string; status: string }[] };
    const item = created.items[0]!;
    if (item.status === 'pending_check') await as(apiContext, 'demo-gradeleader', 'post', '/api/homework/check', { itemIds: [item.id], decision: 'approve' });
    await as(apiContext, 'demo-classteacher', 'post', `/api/homework/days/${classId}/${date}/submit`, {});
    const published = await as(apiContext, 'demo-principal', 'post', `/api/homework/days/${classId}/${date}/approve`, {});
    expect(published.status).toBe('published');
    await api.close();

    // the parent, on a phone
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.textContent()).toMatch(/[1-9]/);
    await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
    await shot(page, 'notices-01-parent-home-bell');
    await bell.click();
    const notice = page.getByTestId('notification').filter({ hasText: `${CLASS} ${monthDay}的作业清单已公示` });
    await notice.first().waitFor();
    expect(await notice.first().textContent()).toContain('共 1 项，无书面作业，非书面 20 分钟');
    // the whole notice is on the screen
    const box = (await page.getByTestId('notifications').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'notices-02-parent-bell-open');
    await notice.first().click();
    await page.waitForURL((url) => url.pathname === '/homework/child' && url.searchParams.get('date') === date);
    const listed = page.getByTestId('child-item').filter({ hasText: '秋天的雨' });
    await listed.first().waitFor();
    expect(await listed.first().textContent()).toContain('20 分钟');
    await shot(page, 'notices-03-parent-list-from-notice');
  });
});

describe('the evening reminder is a district setting', () => {
  it('the district office reads it as a sentence and opens its editor', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district', undefined, '/settings/policies');
    const card = page.getByTestId('policy-homework.eveningReminder');
    await card.waitFor();
    expect(await card.getByTestId('reminder-value').first().textContent()).toContain('上课日 20:30 提醒当日清单已公示、还没填报的家庭');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'notices-04-policy-evening-reminder');
    await card.getByTestId('policy-new-version').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '晚间填报提醒' });
    expect(await modal.getByLabel('提醒时间').inputValue()).toBe('20:30');
    expect(await modal.getByRole('checkbox', { name: '上课日' }).isChecked()).toBe(true);
    await shot(page, 'notices-05-policy-evening-reminder-editor');
  });
});
