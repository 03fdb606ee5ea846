/**
 * The families' side in the browser. A parent with two children on a phone: the home shows today's list first, the
 * bottom tab bar replaces the menu, the report is pre-filled with the estimates and sent in one tap, a bedtime stop is
 * refused while every written item is marked done, a late end is shown, and the homework rules page. Then the class
 * teacher's list of who reported a day, with the reminder to the families still to report.
 *
 * Set-up through the API: today's 数学 list of 实验小学 三年级(1)班 is taken through the review chain to publication, and
 * a child of that class is linked to demo-parent (unlinked at the end, so the other tests see one child).
 */
import { addDays, DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSignIn, closeBrowser, DESKTOP, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const today = todayIn(DEFAULT_TIME_ZONE);
const CONTENT = '口算练习第 12 组，订正昨天的错题';

async function json<T>(request: APIRequestContext, method: 'get' | 'post' | 'put' | 'delete', url: string, data?: unknown): Promise<T> {
  const res = await request[method](url, data === undefined ? undefined : { data });
  if (!res.ok()) throw new Error(`${method.toUpperCase()} ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A signed-in API context for set-up. */
async function as(username: string) {
  const { context } = await newPage();
  await apiSignIn(context, username);
  return context.request;
}

type Me = { children: { id: string; name: string; classId: string; schoolId: string }[] };
type ChildDay = {
  date: string;
  bedtime: string;
  list: { limit: number; items: { itemId: string; subjectName: string; minutes: number; type: string; place: string; layer: string }[] } | null;
  feedback: { minutes: number; withinLimit: boolean; stoppedAtBedtime: boolean; endedAt: string | null; lateMinutes: number } | null;
};
type Reports = { students: number; reporters: number; lateNights: number; rows: { studentId: string; studentName: string; reported: boolean; guardians: { phone: string }[] | null }[] };

/** Publishes today's 数学 item for 三年级(1)班 through the chain and links one of its children to demo-parent. */
async function setUp() {
  const principal = await as('demo-principal');
  const parentMe = await json<Me>(await as('demo-parent'), 'get', '/api/me');
  const first = parentMe.children[0]!;
  const detail = await json<{ guardians: { id: string; name: string; phone: string; hasAccount: boolean }[] }>(principal, 'get', `/api/students/${first.id}`);
  const guardian = detail.guardians.find((g) => g.hasAccount)!;
  const classes = await json<{ id: string; name: string; schoolId: string; grade: number }[]>(principal, 'get', '/api/classes');
  const c1 = classes.find((c) => c.schoolId === first.schoolId && c.name.includes('三年级(1)班'))!;
  const students = await json<{ items: { id: string; name: string }[] }>(principal, 'get', `/api/students?classId=${c1.id}&pageSize=5`);
  const second = students.items[0]!;

  const teacher = await as('demo-teacher');
  const subjects = await json<{ id: string; code: string }[]>(teacher, 'get', '/api/subjects');
  const math = subjects.find((s) => s.code === 'math')!.id;
  const published = await json<{ list: unknown }>(principal, 'get', `/api/homework/notice/${c1.id}/${today}`).catch(() => null);
  if (!published) {
    const created = await json<{ items: { id: string }[] }>(teacher, 'post', '/api/homework/items', {
      classIds: [c1.id],
      subjectId: math,
      entries: [{ date: today, content: CONTENT, type: 'written', layer: 'basic', place: 'home', minutes: 20 }],
      submit: true,
    });
    await json(await as('demo-subjectleader'), 'post', '/api/homework/check', { itemIds: created.items.map((i) => i.id), decision: 'approve' });
    const staff = await json<{ items: { username: string; assignments: { role: string; classId: string | null }[] }[] }>(
      principal,
      'get',
      `/api/staff?schoolId=${first.schoolId}&role=class_teacher&pageSize=500`,
    );
    const classTeacher = staff.items.find((s) => s.assignments.some((a) => a.role === 'class_teacher' && a.classId === c1.id))!;
    const day = await json<{ status: string }>(await as(classTeacher.username), 'post', `/api/homework/days/${c1.id}/${today}/submit`, {});
    if (day.status !== 'published') await json(principal, 'post', `/api/homework/days/${c1.id}/${today}/approve`, {});
  }
  const linked = await json<{ guardians: { id: string; phone: string }[] }>(principal, 'post', `/api/students/${second.id}/guardians`, {
    name: guardian.name,
    phone: guardian.phone,
    relation: '父亲',
  });
  const link = linked.guardians.find((g) => g.phone === guardian.phone)!;
  return {
    first,
    second,
    unlink: () => json(principal, 'delete', `/api/students/${second.id}/guardians/${link.id}`),
  };
}

const get = async <T>(page: Page, url: string) => json<T>(page.request, 'get', url);
const noHorizontalScroll = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

describe('a parent with two children, on a phone', () => {
  it('sees today’s list first, reports it in one tap, is told a bedtime stop needs something unfinished, and reads the rules', async () => {
    const { first, second, unlink } = await setUp();
    try {
      const { page } = await newPage(PHONE);
      await signIn(page, 'demo-parent');

      // the home: header names the school, a tab bar instead of the menu button, the child switcher
      await page.getByTestId('parent-home').waitFor();
      expect(await page.getByTestId('header-place').textContent()).toBe('示范区实验小学');
      expect(await page.getByRole('button', { name: 'menu' }).count()).toBe(0);
      await page.getByTestId('parent-tabs').waitFor();
      expect(await page.getByTestId('tab-today').getAttribute('aria-current')).toBe('page');
      const picker = page.getByTestId('child-picker');
      await picker.waitFor();
      expect(await picker.textContent()).toContain(first.name);
      expect(await picker.textContent()).toContain(second.name);
      await picker.getByText(second.name).click();
      await expect.poll(() => page.getByTestId('home-child').textContent()).toContain('三年级(1)班');
      const home = page.getByTestId('home-today');
      await home.waitFor();
      expect(await home.getByTestId('child-item').filter({ hasText: '数学' }).textContent()).toContain(CONTENT);
      expect(await page.getByTestId('child-written').textContent()).toContain('/ 60 分钟');
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, 'family-01-parent-home-today');

      // the report: minutes pre-filled with the teachers' estimates
      await page.getByTestId('home-report').click();
      await page.waitForURL((url) => url.pathname === '/homework/child' && url.hash === '#report');
      const form = page.getByTestId('report-form');
      await form.waitFor();
      const day = await get<ChildDay>(page, `/api/homework/child/day?studentId=${second.id}&date=${today}`);
      const atHome = day.list!.items.filter((i) => i.place === 'home');
      const rows = form.getByTestId('report-item');
      expect(await rows.count()).toBe(atHome.length);
      for (let n = 0; n < atHome.length; n++) {
        expect(Number(await rows.nth(n).getByRole('spinbutton').inputValue())).toBe(atHome[n]!.minutes);
        expect(await rows.nth(n).getByRole('switch').getAttribute('aria-checked')).toBe('true');
      }
      await form.scrollIntoViewIfNeeded();
      await shot(page, 'family-02-report-prefilled');

      // a bedtime stop with every written item done is refused on the spot, in plain words
      await form.getByTestId('report-bedtime').click();
      const refused = page.getByTestId('report-bedtime-refused');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('不能选这一项');
      expect(await form.getByTestId('report-submit').isDisabled()).toBe(true);
      expect(await form.textContent()).not.toContain('熔断');
      await refused.scrollIntoViewIfNeeded();
      await shot(page, 'family-03-bedtime-refused');
      // the server says the same, naming the field
      const direct = await page.request.put('/api/homework/feedback', {
        data: { studentId: second.id, date: today, items: atHome.map((i) => ({ itemId: i.itemId, done: true, minutes: i.minutes })), stoppedAtBedtime: true },
      });
      expect(direct.status()).toBe(400);
      expect(((await direct.json()) as { details: { fields: { field: string }[] } }).details.fields[0]!.field).toBe('stoppedAtBedtime');
      await form.getByTestId('report-bedtime').click();
      await expect.poll(() => refused.count()).toBe(0);

      // one tap: everything as the teachers estimated
      await form.getByTestId('report-as-expected').click();
      await page.getByTestId('report-result').waitFor();
      expect(await page.getByTestId('report-outcome').textContent()).toBe('按时完成');
      const saved = await get<ChildDay>(page, `/api/homework/child/day?studentId=${second.id}&date=${today}`);
      expect(saved.feedback).toMatchObject({ withinLimit: true, stoppedAtBedtime: false, minutes: atHome.filter((i) => i.type === 'written' && i.layer !== 'extension').reduce((s, i) => s + i.minutes, 0) });
      await page.getByTestId('report-result').scrollIntoViewIfNeeded();
      await shot(page, 'family-04-reported-as-expected');

      // corrected: 数学 left unfinished at bedtime — now accepted, and said plainly
      await page.getByTestId('report-edit').click();
      const math = form.getByTestId('report-item').filter({ hasText: '数学' });
      await math.getByRole('switch').click();
      await form.getByTestId('report-bedtime').click();
      expect(await page.getByTestId('report-bedtime-refused').count()).toBe(0);
      await form.getByTestId('report-submit').click();
      await expect.poll(() => page.getByTestId('report-outcome').textContent()).toBe('到就寝时间停下了');
      expect((await get<ChildDay>(page, `/api/homework/child/day?studentId=${second.id}&date=${today}`)).feedback!.stoppedAtBedtime).toBe(true);

      // the home now says it was reported
      await page.getByTestId('tab-today').click();
      await page.getByTestId('home-reported').waitFor();
      expect(await page.getByTestId('home-reported').textContent()).toContain('到就寝时间停下了');

      // the first child: the latest published day, reported with the time homework ended, after bedtime
      await page.getByTestId('child-picker').getByText(first.name).click();
      let date = '';
      let past: ChildDay | null = null;
      for (let back = 1; back <= 7 && !past?.list; back++) {
        date = addDays(today, -back);
        past = await get<ChildDay>(page, `/api/homework/child/day?studentId=${first.id}&date=${date}`);
      }
      await page.goto(`/homework/child?child=${first.id}&date=${date}#report`);
      const edit = page.getByTestId('report-edit');
      await Promise.race([edit.waitFor(), form.waitFor()]);
      if (await edit.isVisible()) await edit.click();
      await form.getByTestId('report-ended').fill('22:05');
      await expect.poll(() => form.getByTestId('report-ended-hint').textContent()).toContain(`比就寝时间（${past!.bedtime}）晚了 45 分钟`);
      await form.getByTestId('report-ended').scrollIntoViewIfNeeded();
      await shot(page, 'family-05-report-ended-late');
      await form.getByTestId('report-submit').click();
      await page.getByTestId('report-ended-result').waitFor();
      expect(await page.getByTestId('report-ended-result').textContent()).toContain('作业做到 22:05，比就寝时间（21:20）晚 45 分钟');
      expect((await get<ChildDay>(page, `/api/homework/child/day?studentId=${first.id}&date=${date}`)).feedback).toMatchObject({ endedAt: '22:05', lateMinutes: 45 });

      // the rules, from the tab bar: the grade's limits, bedtime, what teachers never ask, how to report
      await page.getByTestId('tab-rules').click();
      await page.getByTestId('rules-page').waitFor();
      await page.getByTestId('rules-limits').waitFor();
      const rules = await get<{ limits: { school_day: number }; bedtime: string }>(page, `/api/homework/child/rules?studentId=${first.id}`);
      expect(await page.getByTestId('rules-intro').textContent()).toContain('示范区实验小学 三年级执行的作业规则');
      expect(await page.getByTestId('rules-limits').textContent()).toContain(`平均不超过 ${rules.limits.school_day} 分钟`);
      expect(await page.getByTestId('rules-bedtime').textContent()).toContain(rules.bedtime);
      expect(await page.getByTestId('rules-forbidden').textContent()).toContain('检查、批改、签字、代阅');
      expect(await page.getByTestId('rules-report').textContent()).toContain('都按预计时间做完了');
      expect(await page.getByTestId('tab-rules').getAttribute('aria-current')).toBe('page');
      expect(await noHorizontalScroll(page)).toBe(true);
      await shot(page, 'family-06-rules');

      // the children tab lists both; "more" opens the rest of the menu
      await page.getByTestId('tab-children').click();
      await expect.poll(() => page.getByTestId('child-card').count()).toBe(2);
      await page.getByTestId('tab-more').click();
      const drawer = page.getByRole('dialog');
      await drawer.waitFor();
      expect(await drawer.textContent()).toContain('孩子的作业');
      await shot(page, 'family-07-more-menu');
    } finally {
      await unlink();
    }
  });
});

describe('the class teacher on a published day', () => {
  it('sees which families reported and which have not, with masked phones, and reminds those still to report', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-classteacher');
    const me = await get<{ classes: { id: string; name: string; roles: string[] }[] }>(page, '/api/me');
    const cls = me.classes.find((c) => c.roles.includes('class_teacher'))!;
    let date = '';
    let reports: Reports | null = null;
    for (let back = 1; back <= 7; back++) {
      date = addDays(today, -back);
      const r = await get<Reports & { publishedVersion: number }>(page, `/api/homework/days/${cls.id}/${date}/reports`);
      if (r.publishedVersion > 0) {
        reports = r;
        break;
      }
    }
    expect(reports, 'a published day in the last week').toBeTruthy();
    expect(await page.getByTestId('header-place').textContent()).toContain('示范区实验小学');

    await page.goto(`/homework/day/${cls.id}/${date}`);
    const panel = page.getByTestId('day-reports');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('day-reports-summary').textContent()).toBe(`已填报 ${reports!.reporters} / ${reports!.students} 人`);
    expect(await panel.getByTestId('day-reports-figures').textContent()).toContain(`超过就寝时间 ${reports!.lateNights} 人`);
    // not reported first, each with a guardian's masked phone
    const missing = reports!.rows.filter((r) => !r.reported);
    expect(missing.length).toBeGreaterThan(0);
    const rows = panel.getByTestId('day-report-row');
    expect(await rows.count()).toBe(missing.length);
    const firstRow = (await rows.first().textContent()) ?? '';
    expect(firstRow).toContain(missing[0]!.studentName);
    expect(firstRow).toMatch(/1\d{2}\*{4}\d{4}/);
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'family-08-classteacher-reports-missing');

    await panel.getByTestId('day-reports-filter').getByText(`已填报 ${reports!.reporters}`).click();
    await expect.poll(() => rows.count()).toBe(reports!.reporters);
    await shot(page, 'family-09-classteacher-reports-reported');

    // the reminder goes to the families still to report
    await panel.getByTestId('day-reports-filter').getByText(`未填报 ${missing.length}`).click();
    await panel.getByTestId('day-reports-remind').click();
    const toast = page.locator('.ant-message-notice');
    await toast.first().waitFor();
    expect(await toast.first().textContent()).toMatch(/已提醒 \d+ 个家庭/);
    await shot(page, 'family-10-classteacher-reminded');
  });
});
