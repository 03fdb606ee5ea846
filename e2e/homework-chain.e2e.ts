/**
 * The homework review chain in the browser, from the demo accounts: a teacher sets 数学 over the class's daily limit
 * and sees the warning and the fix while typing; the subject leader approves the content beside the class's whole day;
 * the grade leader checks 科学 with a comment; the class teacher is told what must happen before submitting, takes
 * the proposed cut and submits the day; academic affairs approves it; the parent sees the published list on a phone.
 * The demo district has, today in 实验小学 三年级(2)班: 语文 25 min and 英语 15 min ready, 科学 pending content check.
 */
import { addDays, DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

/** Today in the demo district's time zone, computed as the server does. */
const today = todayIn(DEFAULT_TIME_ZONE);
const CLASS = '三年级(2)班';
const CONTENT = '完成练习册第 18 页 1–6 题';

/** antd puts a space between the two characters of a two-character Chinese button ("提 交"). */
const button = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

async function text(page: Page, testId: string) {
  return (await page.getByTestId(testId).first().textContent()) ?? '';
}

describe('homework: set → check → coordinate → approve → published', () => {
  let classId = '';

  it('a. the teacher sets 数学 for 三年级(2)班 and sees it goes over the limit while typing', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-teacher', undefined, '/homework/set');
    // a teacher of one subject finds it chosen already
    await expect.poll(() => page.getByTestId('subject-select').textContent(), { timeout: 15_000 }).toContain('数学');
    await choose(page, page.getByTestId('class-select'), CLASS);
    await page.keyboard.press('Escape');
    await choose(page, page.getByTestId('type-select'), '书面');
    await page.getByText('基础', { exact: true }).click();
    await page.getByText('在家完成', { exact: true }).click();
    await page.getByLabel('作业内容').fill(CONTENT);
    await page.getByLabel('预计用时').fill('30');

    // the load check answers after the teacher pauses: 语文 25 + 英语 15 + this 30 = 70 > 60
    await expect.poll(() => page.getByTestId('load-bar').first().getAttribute('data-over')).toBe('true');
    const entry = await text(page, 'load-entry');
    expect(entry).toContain(CLASS);
    expect(entry).toContain('70 / 60 分钟');
    expect(entry).toContain('本条 +30');
    expect(entry).toContain('语文');
    expect(entry).toContain('英语');
    expect(await text(page, 'load-violations')).toContain('书面作业合计 70 分钟，超过3年级每日 60 分钟的上限');
    expect(await text(page, 'load-blocked')).toContain('才能公示');
    // what would fix it: this item at 20 minutes
    expect(await text(page, 'load-fix')).toContain('本条改为 20 分钟即可在上限内');
    expect(await page.getByTestId('submit-blocked-hint').isVisible()).toBe(true);
    await shot(page, 'homework-01-teacher-over-limit');

    await page.getByTestId('submit-homework').click();
    await page.getByTestId('created-items').waitFor();
    const created = await text(page, 'created-items');
    expect(created).toContain(CLASS);
    expect(created).toContain('待学科组长审核');
    await shot(page, 'homework-02-teacher-created');
    classId = ((await (await page.request.get('/api/me')).json()) as { classes: { id: string; name: string }[] }).classes.find((c) => c.name.endsWith(CLASS))!.id;
    await context.close();
  });

  it('b. the subject leader approves the content on the to-do page, beside the class’s whole day', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-subjectleader', undefined, '/homework/todo');
    const section = page.getByTestId('todo-toCheck');
    const row = section.getByRole('row').filter({ hasText: CONTENT });
    await row.waitFor();
    expect(await row.textContent()).toContain(CLASS);
    // the class's day: 语文 25 + 英语 15 + this 30 against the limit of 60
    expect(await row.getByTestId('check-day').textContent()).toContain('70 / 60 分钟');
    await row.getByRole('checkbox').check();
    await shot(page, 'homework-03-subjectleader-todo');
    await page.getByTestId('check-approve').click();
    await expect.poll(() => section.textContent()).toContain('没有待审核的作业内容');
    await shot(page, 'homework-04-subjectleader-approved');
    await context.close();
  });

  it('b2. the grade leader checks 科学 on its own row, with a comment for the teacher', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-gradeleader', undefined, '/homework/todo');
    const row = page.getByTestId('todo-toCheck').getByRole('row').filter({ hasText: '科学' }).filter({ hasText: CLASS });
    await row.waitFor();
    await row.getByTestId('check-row-approve').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '通过 1 条作业' });
    await modal.getByLabel('意见（可不填）').fill('月相记录表可以做成表格附件，方便学生填写');
    await shot(page, 'homework-04b-gradeleader-approve-row');
    await modal.getByRole('button', { name: button('通过') }).click();
    await expect.poll(() => page.getByTestId('todo-toCheck').getByRole('row').filter({ hasText: '科学' }).filter({ hasText: CLASS }).count()).toBe(0);
    await context.close();
  });

  it('c. the class teacher is told what must happen, takes the proposed cut of 数学 and submits the day', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-classteacher', undefined, '/homework/todo');
    const coordinate = page.getByTestId('todo-toCoordinate');
    const link = coordinate.getByRole('row').filter({ hasText: CLASS }).first().getByTestId('coordinate-link');
    await link.waitFor();
    await shot(page, 'homework-05-classteacher-todo');
    await link.click();
    await page.waitForURL((url) => url.pathname === `/homework/day/${classId}/${today}`);

    await expect.poll(() => page.getByTestId('day-load-bar').getAttribute('data-over')).toBe('true');
    expect(await text(page, 'day-violations')).toContain('超过3年级每日 60 分钟的上限');
    // the submit button says what must happen instead of offering a submit that would be refused
    const submitDay = page.getByTestId('submit-day');
    expect(await submitDay.textContent()).toContain('超出上限：须先缩短或删减 10 分钟才能提交');
    expect(await submitDay.isDisabled()).toBe(true);
    expect(await text(page, 'day-cut')).toContain('由 30 分钟缩短为 20 分钟');
    await shot(page, 'homework-06-classteacher-day-over');

    const math = page.getByRole('row').filter({ hasText: CONTENT });
    await page.getByTestId('day-cut-apply').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '缩短为' });
    expect(await modal.getByLabel('缩短为').inputValue()).toBe('20');
    expect(await text(page, 'shorten-preview')).toContain('缩短后当日书面作业合计 60 / 60 分钟，在上限内');
    await modal.getByLabel('原因').fill('今天语文、英语作业较多，数学减为 20 分钟');
    await shot(page, 'homework-07-classteacher-shorten');
    await modal.getByRole('button', { name: button('缩短') }).click();
    await expect.poll(() => page.getByTestId('day-load-bar').getAttribute('data-over')).toBe('false');
    expect(await math.textContent()).toContain('20 分钟');
    expect(await math.textContent()).toContain('30 分钟'); // the original, struck through

    expect(await submitDay.isDisabled()).toBe(false);
    await submitDay.click();
    const submit = page.locator('.ant-modal').filter({ hasText: '将提交' });
    expect(await submit.textContent()).toMatch(/将提交 4 条作业：.*数学.*科学|将提交 4 条作业：.*科学.*数学/);
    await submit.getByRole('button', { name: button('提交') }).click();
    await expect.poll(() => text(page, 'day-status')).toContain('待教务处审核');
    await shot(page, 'homework-08-classteacher-submitted');
    await context.close();
  });

  it('d. academic affairs approves the day and it is published', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-principal', undefined, '/homework/todo');
    const link = page.getByTestId('todo-toApprove').getByRole('row').filter({ hasText: CLASS }).first().getByTestId('approve-link');
    await link.waitFor();
    await shot(page, 'homework-09-principal-todo');
    await link.click();
    await page.waitForURL((url) => url.pathname === `/homework/day/${classId}/${today}`);
    await page.getByTestId('approve-day').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: button('确定') }).click();
    await expect.poll(() => text(page, 'day-status')).toContain('已公示');
    await page.getByTestId('notice-link').waitFor();
    await shot(page, 'homework-10-principal-published');
    await context.close();
  });

  it('e. the parent sees 数学 20 分钟 in today’s list on a phone, and the printable notice', async () => {
    const { page, context } = await newPage(PHONE);
    await signIn(page, 'demo-parent', undefined, '/homework/child');
    const math = page.getByTestId('child-item').filter({ hasText: '数学' });
    await math.first().waitFor();
    expect(await math.first().textContent()).toContain('20 分钟');
    expect(await page.getByTestId('child-item').filter({ hasText: '科学' }).count()).toBe(1);
    await shot(page, 'homework-11-parent-child-list');

    await page.goto(`/homework/notice/${classId}/${today}`);
    const items = page.getByTestId('notice-item');
    await items.first().waitFor();
    const all = (await items.allTextContents()).join('\n');
    expect(all).toContain('数学');
    expect(all).toContain(CONTENT);
    expect(all).toContain('科学');
    expect(await items.filter({ hasText: '数学' }).textContent()).toContain('20 分钟');
    expect(await text(page, 'notice-totals')).toContain('60 分钟（上限 60 分钟）');
    expect(await text(page, 'notice-meta')).toContain('第 1 版');
    await shot(page, 'homework-12-parent-notice');
    await context.close();
  });

  it('f. the teacher is told in the bell and opens the adjusted item', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-teacher');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.textContent()).toMatch(/[1-9]/);
    await bell.click();
    const note = page.getByTestId('notification').filter({ hasText: '时长由 30 分钟调整为 20 分钟' });
    await note.waitFor();
    expect(await note.textContent()).toContain('今天语文、英语作业较多');
    await shot(page, 'homework-13-teacher-notification');
    await note.click();
    await page.waitForURL((url) => url.pathname === '/homework/set' && url.searchParams.has('item'));
    await page.getByText('班主任调整过这条作业').waitFor();
    expect(await page.locator('body').textContent()).toContain('原预计用时 30 分钟');
    expect(await page.getByLabel('预计用时').inputValue()).toBe('20');
    await shot(page, 'homework-14-teacher-adjusted-item');
    await context.close();
  });
});

describe('policy settings', () => {
  it('the district office adds a future version of the completion target; history shows it as upcoming', async () => {
    const later = addDays(today, 60);
    const { page, context } = await newPage();
    await signIn(page, 'demo-district', undefined, '/settings/policies');
    const card = page.getByTestId('policy-homework.completionTarget');
    await card.waitFor();
    expect(await page.getByTestId('policy-homework.dayLimits').textContent()).toContain('上课日');
    // the review chain's settings: forbidden requests by pattern, the mandatory steps
    expect(await page.getByTestId('policy-homework.forbiddenPatterns').textContent()).toContain('代阅');
    expect(await page.getByTestId('policy-homework.mandatorySteps').textContent()).toContain('学科组长审核内容');
    expect(await page.getByTestId('policy-homework.noWrittenGrades').textContent()).toContain('一年级');
    await card.getByTestId('policy-new-version').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '按时完成率目标' });
    await modal.getByLabel('按时完成率目标').fill('92');
    await modal.getByLabel('生效日期').fill(later);
    await modal.getByLabel('生效日期').press('Enter');
    await modal.getByLabel('原因').fill('下学期起提高按时完成率目标');
    await shot(page, 'homework-15-policy-new-version');
    await modal.getByRole('button', { name: button('确定') }).click();
    await expect.poll(() => card.textContent()).toContain('待生效');
    expect(await card.textContent()).toContain('下学期起提高按时完成率目标');
    expect(await card.textContent()).toContain('92%');
    expect(await card.textContent()).toContain(later);
    await shot(page, 'homework-16-policies');
    await context.close();
  });
});
