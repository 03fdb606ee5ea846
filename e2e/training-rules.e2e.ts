/**
 * Rule checks in the browser: demo-institution (启明, 非学科类) files a Saturday evening timetable entry and is told,
 * as notices, which rules the late 60-minute class would break for 学科类; it offers a 72-lesson package and is refused
 * (the violation is recorded); the district finds that violation with the rule and policy version cited and resolves
 * it with a note; the rules page lists the rules in force.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiSignIn, choose, closeBrowser, DESKTOP, newPage, shot, signIn } from './harness';

afterAll(() => closeBrowser());

describe('rule checks cite their rule and are followed up by the district', () => {
  it('the institution files a timetable entry and reads the notices', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-institution', 'Demo#2026', '/training/schedules');
    await page.getByTestId('schedules-page').waitFor();
    await choose(page, page.getByTestId('schedule-course'), '少儿国画（非学科类·线下）');
    await choose(page, page.getByTestId('schedule-weekday'), '周六');
    await page.getByTestId('schedule-start').fill('20:00');
    await page.getByTestId('schedule-end').fill('21:00');
    await page.getByTestId('schedule-add').click();
    const result = page.getByTestId('schedule-result');
    await result.getByTestId('rule-finding-end_time_offline').waitFor();
    await expect.poll(() => result.getByTestId('rule-finding-end_time_offline').innerText()).toContain('21:00结束，晚于线下培训最晚结束时间20:30');
    await expect.poll(() => result.getByTestId('rule-citation').first().innerText()).toContain('培训时间 默认值');
    await page.getByTestId('schedule-row').filter({ hasText: '每周六 20:00–21:00' }).waitFor();
    await shot(page, 'training-rules-01-schedule');
  });

  it('a 72-lesson package is refused and recorded; the district resolves it', async () => {
    const { page, context } = await newPage(DESKTOP);
    await apiSignIn(context, 'demo-institution');
    const courses = (await (await context.request.get('/api/training/schedules/courses')).json()) as { id: string; name: string }[];
    const course = courses.find((c) => c.name === '书法')!;
    const refused = await context.request.post('/api/training/registry/packages', { data: { courseId: course.id, name: '书法 72 课时年卡', lessons: 72, months: 12, priceFen: 200_000 } });
    expect(refused.status()).toBe(422);
    await context.clearCookies();

    await signIn(page, 'demo-district', 'Demo#2026', '/training/violations?status=open&rule=package_lessons');
    const row = page.getByTestId('violation-row').filter({ hasText: '启明文化艺术培训学校' }).first();
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('一次收取72课时的费用，超过上限60课时');
    await expect.poll(() => row.innerText()).toContain('一次收费时间跨度不超过3个月，且不超过60课时');
    await shot(page, 'training-rules-02-violations');
    await row.getByTestId('resolve').click();
    await page.getByTestId('resolve-note').fill('已约谈机构负责人，课时包已撤回');
    await page.locator('#resolve-ok').click();
    await page.getByText('已标记为已处理').waitFor();
    await page.goto('/training/violations?status=resolved&rule=package_lessons');
    await page.getByTestId('violation-row').filter({ hasText: '已约谈机构负责人，课时包已撤回' }).first().waitFor();
    await shot(page, 'training-rules-03-resolved');

    await page.goto('/training/rules');
    await page.getByTestId('rules-page').getByText('学科类以45分钟为标准课时').waitFor();
    await shot(page, 'training-rules-04-rules');
  });
});
