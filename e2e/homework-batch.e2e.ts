/**
 * Academic affairs approves a school day's class lists at once: on the to-do page the principal selects every day that
 * is ready and approves them in one request; a day another administrator approved meanwhile is listed with why, the
 * others are published. The school's review steps show the district's mandatory ones locked.
 * Set-up through the API: the district keeps only 教务处审核 mandatory, the school runs no content check or
 * coordination step, so each class's checked day waits for academic affairs; everything is put back afterwards.
 */
import { addDays, DEFAULT_TIME_ZONE, isoWeekday, todayIn } from '@shuangjian/policy';
import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, baseURL, closeBrowser, launch, newPage, shot, signIn } from './harness';

const today = todayIn(DEFAULT_TIME_ZONE);
// a weekday a week or more ahead: nothing else of the tests is set on it
const DATE = [7, 8, 9].map((n) => addDays(today, n)).find((d) => isoWeekday(d) <= 5)!;
const ALL_STEPS = ['contentCheck', 'classCoordination', 'schoolApproval'];

let schoolId = '';
let classes: { id: string; name: string }[] = [];

async function as(username: string): Promise<APIRequestContext> {
  const b = await launch();
  const context = await b.newContext({ baseURL: baseURL() });
  await apiSignIn(context, username);
  return context.request;
}
/** A set-up answer, read as the caller says the API documents it. */
async function ok<T = unknown>(res: Awaited<ReturnType<APIRequestContext['post']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  const district = await as('demo-district');
  await ok(await district.post('/api/policies/homework.mandatorySteps', { data: { value: ['schoolApproval'], effectiveFrom: today, reason: '批量审核演示' } }));
  const teacher = await as('demo-teacher');
  const me = await ok<{ schools: { id: string }[]; classes: { id: string; name: string }[] }>(await teacher.get('/api/me'));
  schoolId = me.schools[0]!.id;
  classes = me.classes.sort((a, b) => a.name.localeCompare(b.name));
  const principal = await as('demo-principal');
  await ok(await principal.put(`/api/homework/settings/${schoolId}`, { data: { contentCheck: false, classCoordination: false, schoolApproval: true } }));
  const subjects = await ok<{ id: string; code: string }[]>(await teacher.get('/api/subjects'));
  await ok(
    await teacher.post('/api/homework/items', {
      data: {
        classIds: classes.map((c) => c.id),
        subjectId: subjects.find((s) => s.code === 'math')!.id,
        entries: [{ date: DATE, content: '口算练习 20 题，订正错题', type: 'written', layer: 'basic', place: 'home', minutes: 20 }],
      },
    }),
  );
}, 120_000);

afterAll(async () => {
  const principal = await as('demo-principal');
  await principal.put(`/api/homework/settings/${schoolId}`, { data: { contentCheck: true, classCoordination: true, schoolApproval: true } });
  const district = await as('demo-district');
  await district.post('/api/policies/homework.mandatorySteps', { data: { value: ALL_STEPS, effectiveFrom: today, reason: '恢复三级审核' } });
  await closeBrowser();
});

describe('batch approval', () => {
  it('the principal selects every ready day and approves them at once; one approved meanwhile is listed with why', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-principal', undefined, '/homework/todo');
    const section = page.getByTestId('todo-toApprove');
    await section.getByRole('row').filter({ hasText: '三年级(1)班' }).first().waitFor();
    await page.getByTestId('select-ready').click();
    const approve = page.getByTestId('approve-selected');
    await expect.poll(() => approve.textContent()).toMatch(/批量通过并公示（[3-9]）/);
    // the school's steps: 教务处审核 is the district's, locked on
    expect(await page.getByTestId('setting-schoolApproval').getByTestId('step-mandatory').count()).toBe(1);
    expect(await page.getByTestId('setting-contentCheck').getByTestId('step-mandatory').count()).toBe(0);
    await shot(page, 'homework-batch-01-selected');

    // meanwhile another administrator approves 三年级(3)班 on its own
    const other = await as('demo-principal');
    await ok(await other.post(`/api/homework/days/${classes[2]!.id}/${DATE}/approve`, { data: {} }));

    await approve.click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    const result = page.getByTestId('batch-result');
    await result.waitFor();
    const said = (await result.textContent()) ?? '';
    expect(said).toMatch(/已公示 \d+ 个班级日，1 个不能通过/);
    expect(said).toContain('三年级(3)班');
    expect(said).toContain('已不在待审核状态');
    await shot(page, 'homework-batch-02-result');

    // the lists are out: each class's day carries version 1
    const principal = await as('demo-principal');
    for (const c of classes) {
      const notice = await ok(await principal.get(`/api/homework/notice/${c.id}/${DATE}`));
      expect(notice).toMatchObject({ version: 1, written: 20 });
    }
    expect(await section.getByRole('row').filter({ hasText: '三年级(1)班' }).count()).toBe(0);
    await context.close();
  });
});
