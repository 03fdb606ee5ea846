/**
 * Homework views in the browser: a parent on a phone reads a day's list and reports time in one screen; the district
 * dashboard with its drill-down and Excel export; the school overview, the class load calendar, the teacher's week and
 * the library. The figures the pages show are checked against the API's, fetched with the page's own cookies.
 */
import { addDays, DEFAULT_TIME_ZONE, todayIn, weekStart } from '@shuangjian/policy';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, newPage, PHONE, shot, signIn, pickDate } from './harness';

afterAll(() => closeBrowser());

const get = async <T>(page: Page, url: string): Promise<T> => {
  const res = await page.request.get(url);
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};
const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
// no DOM types in the e2e project: the check runs in the page as a string
const noHorizontalScroll = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

type ChildDay = {
  date: string;
  list: { written: number; limit: number; items: { itemId: string; subjectName: string; place: string; type: string; minutes: number }[] } | null;
  feedback: { minutes: number; withinLimit: boolean; stoppedAtBedtime: boolean; items: { itemId: string; done: boolean; minutes: number | null }[] } | null;
};

describe('a parent on a phone', () => {
  it('reads a day’s published list, reports every item in one screen, then opens the week plan and the error notebook', async () => {
    const { page, context } = await newPage(PHONE);
    await signIn(page, 'demo-parent');
    const me = await get<{ children: { id: string; name: string }[] }>(page, '/api/me');
    const child = me.children[0]!;
    const today = todayIn(DEFAULT_TIME_ZONE);

    // the home page is the child's today
    await page.getByTestId('parent-home').waitFor();
    await expect.poll(async () => page.getByTestId('home-child').textContent()).toContain(child.name);
    await shot(page, 'homework-v01-parent-home');

    // the latest school day before today with a published list (the demo publishes the past four weeks' school days)
    let back = 1;
    let day: ChildDay | null = null;
    for (; back <= 7; back++) {
      day = await get<ChildDay>(page, `/api/homework/child/day?studentId=${child.id}&date=${addDays(today, -back)}`);
      if (day.list) break;
    }
    expect(day?.list, 'a published list in the last week').toBeTruthy();
    const date = day!.date;

    await page.goto('/homework/child');
    await page.getByTestId('child-day-stepper').waitFor();
    for (let i = 0; i < back; i++) await page.getByRole('button', { name: '前一天' }).click();
    await page.getByTestId('child-list').waitFor();
    expect(page.url()).toContain(`date=${date}`);

    // the page shows what the API answers: the items and the written minutes against the limit
    const list = day!.list!;
    expect(await page.getByTestId('child-item').count()).toBe(list.items.length);
    expect((await page.getByTestId('child-written').textContent())?.trim()).toBe(`${list.written} / ${list.limit} 分钟`);
    const pane = (await page.getByRole('tabpanel').textContent()) ?? '';
    for (const i of list.items) expect(pane).toContain(i.subjectName);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'homework-v02-parent-day');

    // one screen: every item at home switched to done (minutes prefilled with the estimate), one minute stepper used
    await page.getByTestId('child-go-report').click();
    if (await page.getByTestId('report-result').isVisible()) await page.getByTestId('report-edit').click();
    const form = page.getByTestId('report-form');
    await form.waitFor();
    const rows = form.getByTestId('report-item');
    const atHome = list.items.filter((i) => i.place === 'home');
    expect(await rows.count()).toBe(atHome.length);
    for (let n = 0; n < atHome.length; n++) {
      const sw = rows.nth(n).getByRole('switch');
      if ((await sw.getAttribute('aria-checked')) !== 'true') await sw.click();
      expect(await sw.getAttribute('aria-checked')).toBe('true');
      expect(Number(await rows.nth(n).getByRole('spinbutton').inputValue())).toBeGreaterThan(0);
    }
    await rows.first().getByRole('button', { name: '加 5 分钟' }).click();
    expect(await noHorizontalScroll(page)).toBe(true);
    const counted = (await form.getByTestId('report-counted').textContent())!.trim();
    await form.scrollIntoViewIfNeeded();
    await shot(page, 'homework-v03-parent-report');
    await form.getByTestId('report-submit').click();
    await page.getByTestId('report-result').waitFor();

    // the saved state is the server's judgement of the evening
    const saved = await get<ChildDay>(page, `/api/homework/child/day?studentId=${child.id}&date=${date}`);
    expect(saved.feedback).toBeTruthy();
    expect(saved.feedback!.items.filter((i) => i.done).length).toBe(atHome.length);
    expect(counted).toBe(`${saved.feedback!.minutes} / ${list.limit} 分钟`);
    const outcome = saved.feedback!.stoppedAtBedtime ? '到就寝时间停下了' : saved.feedback!.withinLimit ? '按时完成' : saved.feedback!.minutes > list.limit ? '超出上限' : '没有全部完成';
    expect(await page.getByTestId('report-outcome').textContent()).toContain(outcome);
    expect(await page.getByTestId('report-result').textContent()).toContain(`书面作业用时 ${saved.feedback!.minutes} 分钟`);
    await page.getByTestId('report-result').scrollIntoViewIfNeeded();
    await shot(page, 'homework-v04-parent-report-saved');

    // correction: stopped at bedtime this time, a written item left unfinished (a bedtime stop needs one)
    await page.getByTestId('report-edit').click();
    const written = atHome.findIndex((i) => i.type === 'written');
    await form.getByTestId('report-item').nth(written).getByRole('switch').click();
    await page.getByTestId('report-bedtime').click();
    await page.getByTestId('report-submit').click();
    await expect.poll(async () => page.getByTestId('report-outcome').textContent()).toContain('到就寝时间停下了');
    expect((await get<ChildDay>(page, `/api/homework/child/day?studentId=${child.id}&date=${date}`)).feedback!.stoppedAtBedtime).toBe(true);

    // the week plan: seven days, the reported day among them
    await page.getByRole('tab', { name: '本周安排' }).click();
    await page.getByTestId('child-week').waitFor();
    expect(await page.getByTestId('child-week-day').count()).toBe(7);
    const monday = weekStart(date);
    const range = await get<{ lists: { date: string }[] }>(page, `/api/homework/child/range?studentId=${child.id}&from=${monday}&to=${addDays(monday, 6)}`);
    expect(await page.getByTestId('child-week').locator('li').count()).toBeGreaterThan(0);
    expect(range.lists.some((l) => l.date === date)).toBe(true);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'homework-v05-parent-week');

    // the error notebook: the demo's entry, then one added from the day's math item, then marked mastered
    await page.getByRole('tab', { name: '错题本' }).click();
    await page.getByTestId('child-mistakes').waitFor();
    await expect.poll(() => page.getByTestId('mistake').count()).toBeGreaterThan(0);
    const before = await page.getByTestId('mistake').count();
    await page.getByTestId('mistake-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('mistake-item').click();
    const math = list.items.find((i) => i.subjectName === '数学') ?? list.items[0]!;
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: `${math.subjectName}：` }).first().click();
    await dialog.getByLabel('错题').fill('第 4 题：退位减法忘记借位');
    await dialog.getByLabel('备注').fill('已订正，周末再练 3 题');
    await shot(page, 'homework-v06-parent-mistake-form');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('mistake').count()).toBe(before + 1);
    expect(await page.getByTestId('mistake').first().textContent()).toContain('退位减法忘记借位');
    const mistakes = await get<{ question: string; itemId: string | null; resolved: boolean }[]>(page, `/api/homework/mistakes?studentId=${child.id}`);
    expect(mistakes.find((m) => m.question.includes('退位减法'))?.itemId).toBe(math.itemId);
    await page.getByTestId('mistake').first().getByTestId('mistake-resolve').click();
    await expect.poll(async () => (await get<{ question: string; resolved: boolean }[]>(page, `/api/homework/mistakes?studentId=${child.id}`)).find((m) => m.question.includes('退位减法'))?.resolved).toBe(true);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'homework-v07-parent-mistakes');

    // the day-by-day list over a chosen range: the next two weeks by default, here the last ten days
    await page.getByRole('tab', { name: '假期清单' }).click();
    await expect.poll(async () => (await page.getByRole('tabpanel').textContent()) ?? '').toMatch(/没有公示的作业|月/);
    await pickDate(page, page.getByLabel('开始日期'), addDays(today, -10));
    await pickDate(page, page.getByLabel('结束日期'), addDays(today, -1));
    await page.getByTestId('child-vacation').waitFor();
    expect(await page.getByTestId('child-vacation-day').count()).toBe(10);
    const ten = await get<{ lists: unknown[] }>(page, `/api/homework/child/range?studentId=${child.id}&from=${addDays(today, -10)}&to=${addDays(today, -1)}`);
    expect(await page.getByTestId('child-vacation').locator('li').count()).toBeGreaterThanOrEqual(ten.lists.length);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'homework-v08-parent-vacation');
    await context.close();
  });
});

type Fig = { classDays: number; reporters: number; students: number; withinLimitRate: number | null; overLimitRate: number | null; reportingRate: number | null };
type Week = Fig & { weekStart: string; partial: boolean };
type Weekly = { from: string; to: string; lastDataWeek: string | null; schools: number; weeks: Week[]; total: Fig };
type SchoolsPage = { total: number; rows: (Fig & { schoolId: string; schoolName: string })[] };
type DistrictHome = { week: Week; lastWeek: Week; schools: { schoolName: string }[]; classes: { classId: string; className: string }[] };
type CalendarDay = { date: string; published: boolean; students: number; reporters: number; withinLimit: number; bedtimeStops: number };

const statistic = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('.ant-statistic-content').first().textContent())?.trim();

describe('the district office', () => {
  it('sees this week on the home page and what needs attention', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    await page.getByTestId('home-district').waitFor();
    const home = await get<DistrictHome>(page, '/api/homework/home/district');
    await expect.poll(() => statistic(page, 'home-kpi-within')).toBe(pct(home.week.withinLimitRate));
    expect(await statistic(page, 'home-kpi-reporting')).toBe(pct(home.week.reportingRate));
    expect(await statistic(page, 'home-kpi-over')).toBe(pct(home.week.overLimitRate));
    expect(await page.getByTestId('home-kpi-within').textContent()).toContain(`上周 ${pct(home.lastWeek.withinLimitRate)}`);
    // what each figure counts is written on the page, not only in a tooltip
    expect(await page.getByTestId('home-kpi-within-note').textContent()).toContain('未填报的家庭不计入');
    expect(await page.getByTestId('home-watch-class').count()).toBe(home.classes.length);
    expect(await page.getByTestId('home-watch-school').count()).toBe(home.schools.length);
    await shot(page, 'homework-v09-district-home');
  });

  it('opens on the weeks with data, drills down to a school, a class and a day’s items, and exports every school and class', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district', undefined, '/homework/district');
    await page.getByTestId('district-chart').locator('canvas').first().waitFor();
    await page.getByTestId('district-school').first().waitFor();

    // no range asked: the weeks with published homework (at most eight) up to the latest, the running week marked
    const api = await get<Weekly>(page, '/api/homework/district/weekly');
    expect(api.weeks.length).toBeGreaterThanOrEqual(4);
    expect(api.weeks.length).toBeLessThanOrEqual(8);
    expect(api.weeks.at(-1)!.weekStart).toBe(api.lastDataWeek);
    expect(api.weeks.every((w) => w.classDays > 0)).toBe(true);
    const latest = api.weeks.filter((w) => w.reporters > 0).at(-1)!;
    expect(await statistic(page, 'district-kpi-within')).toBe(pct(latest.withinLimitRate));
    expect(await statistic(page, 'district-kpi-reporting')).toBe(pct(latest.reportingRate));
    expect(await statistic(page, 'district-kpi-over')).toBe(pct(latest.overLimitRate));
    expect(await page.getByTestId('district-kpi-partial').count()).toBe(latest.partial ? 1 : 0);
    expect(await page.getByTestId('district-explain').textContent()).toContain('只统计已填报的家庭');
    const schools = await get<SchoolsPage>(page, `/api/homework/district/schools?from=${api.from}&to=${api.to}`);
    expect(await page.getByTestId('district-school').count()).toBe(Math.min(20, schools.total));
    expect(schools.total).toBe(api.schools);
    await shot(page, 'homework-v10-district');

    // a school: its classes over the same weeks, with the reporting rate beside completion
    const first = schools.rows[0]!;
    await page.getByTestId('district-school').filter({ hasText: first.schoolName }).click();
    const drawer = page.getByTestId('district-drill');
    await drawer.getByTestId('district-drill-table').locator('tbody tr.ant-table-row').first().waitFor();
    const classes = await get<{ classId: string; className: string }[]>(page, `/api/homework/district/classes?schoolId=${first.schoolId}&from=${api.from}&to=${api.to}`);
    expect(await drawer.locator('tbody tr.ant-table-row').count()).toBe(classes.length);
    await shot(page, 'homework-v11-district-drill');

    // a class: its load calendar, read-only, with figures as its calendar gives them
    const cls = classes[0]!;
    await drawer.getByTestId('district-drill-class').filter({ hasText: cls.className }).click();
    await page.waitForURL((url) => url.pathname === '/homework/class' && url.searchParams.get('classId') === cls.classId);
    await page.getByTestId('class-heatmap').locator('canvas').first().waitFor();
    const cal = await get<{ days: CalendarDay[] }>(page, `/api/homework/classes/${cls.classId}/calendar?from=${api.from}&to=${api.to}`);
    const published = cal.days.filter((d) => d.published);
    await expect.poll(() => statistic(page, 'class-fig-published')).toBe(String(published.length));
    const reporters = published.reduce((n, d) => n + d.reporters, 0);
    expect(await statistic(page, 'class-fig-reporting')).toBe(pct(reporters / published.reduce((n, d) => n + d.students, 0)));
    expect(await statistic(page, 'class-fig-within')).toBe(pct(published.reduce((n, d) => n + d.withinLimit, 0) / reporters));
    expect(await page.getByTestId('class-readonly').isVisible()).toBe(true);
    await shot(page, 'homework-v11b-district-class');

    // a day: the published items, and no button to change anything
    const day = published.at(-1)!;
    await page.getByTestId('class-day-link').first().click();
    await page.waitForURL((url) => url.pathname === `/homework/day/${cls.classId}/${day.date}`);
    const dayApi = await get<{ items: { subjectName: string }[] }>(page, `/api/homework/days/${cls.classId}/${day.date}`);
    await expect.poll(async () => (await page.locator('main, .ant-layout-content').first().textContent()) ?? '').toContain(dayApi.items[0]!.subjectName);
    for (const id of ['approve-day', 'submit-day', 'return-day']) expect(await page.getByTestId(id).count(), id).toBe(0);
    await shot(page, 'homework-v11c-district-day');

    // back on the dashboard: the workbook holds every school by week and every class of the range
    await page.goto('/homework/district');
    await page.getByTestId('district-school').first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('district-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await file.path())!) as unknown as ExcelJS.Buffer);
    const exported = await get<{ classes: unknown[] }>(page, `/api/homework/district/export?from=${api.from}&to=${api.to}`);
    const [bySchool, byClass] = [wb.worksheets[0]!, wb.worksheets[1]!];
    expect(bySchool.getCell('B1').value).toBe('学校');
    expect(bySchool.rowCount).toBe(api.schools + 2);
    const totalRow = bySchool.getRow(bySchool.rowCount);
    expect(totalRow.getCell(1).value).toBe('全区合计');
    const col = 8 + 3 * api.weeks.indexOf(latest);
    expect(totalRow.getCell(col).value).toBeCloseTo(latest.withinLimitRate!, 3);
    expect(totalRow.getCell(col + 2).value).toBeCloseTo(latest.reportingRate!, 3);
    expect(byClass.name).toBe('各班');
    expect(byClass.rowCount).toBe(exported.classes.length + 1);
  });
});

describe('in English', () => {
  it('the menu shows whole labels and the policy page names grades in English', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district', undefined, '/settings/policies');
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByText('Policy settings').first().waitFor();
    await page.getByRole('menuitem', { name: 'Homework' }).click();
    await page.getByRole('menuitem', { name: 'District dashboard' }).waitFor();
    await expect.poll(async () => page.locator('table thead').first().textContent()).toContain('Gr. 3');
    // no label of the side menu is cut short (the open groups' items and the top level)
    type El = { scrollWidth: number; clientWidth: number; textContent: string | null };
    const labels = await page.evaluate(() =>
      [...(globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<El> } }).document.querySelectorAll('.ant-layout-sider .ant-menu-title-content')]
        .filter((e) => e.clientWidth > 0)
        .map((e) => ({ text: e.textContent, cut: e.scrollWidth > e.clientWidth + 1 })),
    );
    expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['District dashboard', 'Class load', 'Homework library', 'Staff & accounts', 'Rosters']));
    expect(labels.filter((l) => l.cut).map((l) => l.text)).toEqual([]);
    await shot(page, 'homework-v20-english-policies');
  });
});

describe('school staff', () => {
  it('the principal’s home shows today’s publication progress and what waits for approval', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-principal');
    await page.getByTestId('home-publish-progress').waitFor();
    const home = await get<{ schools: { published: number; classes: number; pendingApproval: number }[] }>(page, '/api/homework/home/school');
    const s = home.schools[0]!;
    expect(s.classes).toBe(18);
    await expect.poll(async () => (await page.getByTestId('home-publish-progress').textContent())?.trim()).toBe(`${s.published} / ${s.classes} 个班`);
    const todo = await get<{ toApprove: unknown[] }>(page, '/api/homework/todo');
    await expect.poll(async () => page.getByTestId('home-homework-todo').textContent()).toContain(`待审批${todo.toApprove.length}`);
    await shot(page, 'homework-v12a-principal-home');
  });

  it('a teacher’s home (on a phone) lists today’s classes with the class-day total against the limit', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-teacher');
    await page.getByTestId('home-teacher-class').first().waitFor();
    const me = await get<{ classes: { id: string; roles: string[] }[] }>(page, '/api/me');
    const ids = me.classes.filter((c) => c.roles.includes('teacher') || c.roles.includes('class_teacher')).map((c) => c.id);
    expect(await page.getByTestId('home-teacher-class').count()).toBe(ids.length);
    const res = await page.request.post('/api/homework/load-check', { data: { classIds: ids, dates: [todayIn(DEFAULT_TIME_ZONE)] } });
    const load = (await res.json()) as { entries: { classId: string; check: { written: number; limit: number } }[] };
    const loads = (await page.getByTestId('home-teacher-load').allTextContents()).map((x) => x.trim());
    for (const e of load.entries) expect(loads).toContain(`${e.check.written} / ${e.check.limit} 分钟`);
    expect(await noHorizontalScroll(page)).toBe(true);
    await shot(page, 'homework-v12b-teacher-home');
  });

  it('the principal sees every class of a school day, worst first, with the API’s flags', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-principal', undefined, '/homework/school');
    await page.getByTestId('school-today').waitFor();
    await shot(page, 'homework-v12-school-today');

    // the latest school day with published lists
    const me = await get<{ schools: { id: string }[] }>(page, '/api/me');
    const schoolId = me.schools[0]!.id;
    let date = addDays(todayIn(DEFAULT_TIME_ZONE), -1);
    type Overview = { today: { className: string; overloaded: boolean; published: boolean }[]; week: unknown[]; teachers: unknown[]; flaggedItems: unknown[] };
    let overview = await get<Overview>(page, `/api/homework/school/overview?schoolId=${schoolId}&date=${date}`);
    for (let i = 0; i < 6 && !overview.today.some((s) => s.published); i++) {
      date = addDays(date, -1);
      overview = await get<Overview>(page, `/api/homework/school/overview?schoolId=${schoolId}&date=${date}`);
    }
    await page.goto(`/homework/school?date=${date}`);
    const table = page.getByTestId('school-today');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('school-teachers-chart').locator('canvas').first().waitFor();
    const classes = await get<unknown[]>(page, `/api/classes?schoolId=${schoolId}`);
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(classes.length);
    const overloaded = overview.today.filter((s) => s.overloaded);
    expect(await table.locator('tbody tr.ant-table-row').filter({ hasText: /超量/ }).filter({ has: page.locator('.anticon-warning') }).count()).toBe(overloaded.length);
    if (overloaded.length) expect(await table.locator('tbody tr.ant-table-row').first().textContent()).toContain('超量');
    await shot(page, 'homework-v13-school-day');
    await context.close();
  });

  it('the class teacher sees the class load calendar as a heat map, the trend and the frequent mistakes', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-classteacher', undefined, '/homework/class');
    await page.getByTestId('class-heatmap').locator('canvas').first().waitFor();
    await page.getByTestId('class-line').locator('canvas').first().waitFor();
    await expect.poll(async () => page.getByTestId('class-mistakes').textContent()).toContain('进位加法算错');
    // each figure says on the page what it counts; completion is split into finished and bedtime stops
    for (const id of ['class-fig-published', 'class-fig-within', 'class-fig-reporting', 'class-fig-overloaded', 'class-fig-bedtime'])
      expect(((await page.getByTestId(`${id}-note`).textContent()) ?? '').length, id).toBeGreaterThan(10);
    expect(await page.getByTestId('class-fig-within-split').textContent()).toMatch(/在上限内完成 .*% · 到点熔断 .*%/);
    await shot(page, 'homework-v14-class-calendar');
    await context.close();
  });

  it('a teacher sees the week with the API’s items and finds a design in the library', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-teacher', undefined, '/homework/week');
    await page.getByTestId('week-items').locator('tbody tr.ant-table-row').first().waitFor();
    const monday = weekStart(todayIn(DEFAULT_TIME_ZONE));
    const week = await get<{ items: unknown[]; stats: { flagged: boolean; medianMinutes: number | null }[] }>(page, `/api/homework/teacher/week?weekStart=${monday}`);
    expect(await page.getByTestId('week-items').locator('tbody tr.ant-table-row').count()).toBe(week.items.length);
    expect(await page.getByTestId('week-items').locator('.anticon-warning').count()).toBe(week.stats.filter((s) => s.flagged && s.medianMinutes !== null).length);
    await shot(page, 'homework-v15-teacher-week');

    await page.goto('/homework/library');
    await page.getByTestId('design-card').first().waitFor();
    await page.getByTestId('library-search').locator('input').fill('购物');
    await expect.poll(() => page.getByTestId('design-card').count()).toBe(1);
    expect(await page.getByTestId('design-card').textContent()).toContain('超市购物小账本');
    await shot(page, 'homework-v16-library-search');
    await page.getByTestId('design-card').click();
    const drawer = page.getByTestId('design-drawer');
    await drawer.getByTestId('design-use').waitFor();
    expect(await drawer.textContent()).toContain('2026 秋季学期优秀作业设计');
    await shot(page, 'homework-v17-library-design');
    await context.close();
  });

  it('a district curator writes a design, marks it excellent, groups it into a new collection and takes it out again', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-district', undefined, '/homework/library');
    await page.getByTestId('design-card').first().waitFor();

    // a new collection
    await page.getByTestId('collection-new').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('三年级数学实践作业');
    await dialog.getByLabel('说明').fill('动手测量、记录与计算');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('collection').filter({ hasText: '三年级数学实践作业' }).waitFor();

    // a new design, written in the form
    await page.getByTestId('design-new').click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('标题').fill('家庭用水小调查');
    await choose(page, dialog.getByLabel('学科'), '数学');
    await choose(page, dialog.getByLabel('年级'), '三年级');
    await dialog.getByLabel('单元').fill('第四单元 万以内的加法和减法');
    await choose(page, dialog.getByLabel('作业类型'), '实践');
    await dialog.getByLabel('作业内容').fill('记录家里一周每天的用水量（看水表），算一算一周一共用了多少升水。');
    await shot(page, 'homework-v18-library-new-design');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const drawer = page.getByTestId('design-drawer');
    await drawer.getByTestId('design-excellent').waitFor();
    expect(await drawer.textContent()).toContain('家庭用水小调查');

    // excellent, then into the new collection
    await drawer.getByTestId('design-excellent').click();
    await expect.poll(async () => drawer.getByTestId('design-excellent').textContent()).toContain('取消优秀');
    // the drawer re-reads the design after marking it: choose the collection once that has settled
    await page.waitForLoadState('networkidle');
    await expect
      .poll(async () => {
        if (!(await drawer.getByTestId('design-add-collection').isEnabled())) await choose(page, drawer.locator('.ant-select'), '三年级数学实践作业');
        return drawer.getByTestId('design-add-collection').isEnabled();
      })
      .toBe(true);
    await drawer.getByTestId('design-add-collection').click();
    await drawer.getByTestId('design-collection').filter({ hasText: '三年级数学实践作业' }).waitFor();
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await shot(page, 'homework-v19-library-curated');
    type Found = { items: { title: string; excellent: boolean; collections: { name: string }[] }[] };
    let found = await get<Found>(page, `/api/homework/designs?q=${encodeURIComponent('家庭用水')}`);
    expect(found.items[0]).toMatchObject({ title: '家庭用水小调查', excellent: true, collections: [{ name: '三年级数学实践作业' }] });

    // filtered by the collection, then taken out of it
    await page.keyboard.press('Escape');
    await page.getByTestId('collection').filter({ hasText: '三年级数学实践作业' }).click();
    await expect.poll(() => page.getByTestId('design-card').count()).toBe(1);
    await page.getByTestId('design-card').click();
    await drawer.getByTestId('design-collection').filter({ hasText: '三年级数学实践作业' }).locator('.ant-tag-close-icon').click();
    await expect.poll(() => drawer.getByTestId('design-collection').count()).toBe(0);
    found = await get<Found>(page, `/api/homework/designs?q=${encodeURIComponent('家庭用水')}`);
    expect(found.items[0]!.collections).toEqual([]);
    await context.close();
  });
});
