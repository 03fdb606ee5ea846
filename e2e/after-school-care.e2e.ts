/**
 * Lunch and summer care in the browser: the school's lunch page shows today's meals per kitchen and takes the day's
 * attendance in one tap with one child on leave; the finance officer reads the month and downloads it; the school
 * enrols a child for lunch and ends it; the district's summer page shows last summer's two sites with their seats,
 * sets a day's rota, takes a day's attendance and enrols a child with a waiver; a parent on a phone sees the child's
 * lunch and the summer sites.
 */
import type { LunchDay, LunchEnrolment, LunchOffer, SummerSite } from '@shuangjian/contracts';
import { DEFAULT_TIME_ZONE, todayIn } from '@shuangjian/policy';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, newPage, PHONE, pickSearched, shot, signIn } from './harness';

afterAll(() => closeBrowser());

describe('lunch and summer care', () => {
  it('the school counts meals per kitchen and takes the day in one tap', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-principal');
    await page.getByRole('menuitem', { name: '课后服务' }).click();
    await page.getByRole('menuitem', { name: '午餐午托' }).click();
    await page.waitForURL(/\/after-school\/lunch/);
    const me = (await (await page.request.get('/api/me')).json()) as { schools: { id: string }[] };
    const offers = (await (await page.request.get(`/api/after-school/lunch/offers?schoolId=${me.schools[0]!.id}`)).json()) as { items: LunchOffer[] };
    const offer = offers.items[0]!;
    const today = todayIn(DEFAULT_TIME_ZONE);
    const day = (await (await page.request.get(`/api/after-school/lunch/offers/${offer.id}/day?date=${today}`)).json()) as LunchDay;
    await expect.poll(() => page.getByTestId('kitchen-count').count()).toBe(offer.kitchens.length);
    await shot(page, 'after-school-care-01-lunch');
    if (day.schoolDay && day.children.length) {
      // one child on leave, everyone else present in the same tap
      const first = page.getByRole('row').filter({ hasText: day.children[0]!.name }).first();
      await first.getByText('请假').click();
      await page.getByRole('button', { name: /全部到齐/ }).click();
      await page.getByText(/已登记 \d+ 人的午餐考勤/).waitFor();
      const after = (await (await page.request.get(`/api/after-school/lunch/offers/${offer.id}/day?date=${today}`)).json()) as LunchDay;
      expect(after.taken).toBe(true);
      expect(after.counts.reduce((n, k) => n + k.leave, 0)).toBeGreaterThanOrEqual(1);
      await expect.poll(() => page.getByTestId('kitchen-count').first().textContent()).toContain('请假');
      await shot(page, 'after-school-care-02-lunch-taken');
    }
    await page.getByRole('tab', { name: '当月费用' }).click();
    await page.getByTestId('lunch-month-net').waitFor();
    await shot(page, 'after-school-care-03-lunch-month');
    // the month as a spreadsheet, from the button's own link
    const href = await page.getByTestId('lunch-month-export').getAttribute('href');
    const file = await page.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
  });

  it('the school enrols a child for lunch and ends it', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-principal', undefined, '/after-school/lunch');
    const me = (await (await page.request.get('/api/me')).json()) as { schools: { id: string }[] };
    const school = me.schools[0]!.id;
    const offer = ((await (await page.request.get(`/api/after-school/lunch/offers?schoolId=${school}`)).json()) as { items: LunchOffer[] }).items[0]!;
    const list = async () => ((await (await page.request.get(`/api/after-school/lunch/offers/${offer.id}/enrolments`)).json()) as { items: LunchEnrolment[] }).items;
    const before = await list();
    // a child of a grade the demo never put on lunch (an ended enrolment cannot be taken again this semester)
    const students = (await (await page.request.get(`/api/students?schoolId=${school}&grade=5&pageSize=5`)).json()) as { items: { id: string; name: string; studentNo: string; status: string }[] };
    const child = students.items.find((s) => s.status === 'active' && !before.some((e) => e.studentId === s.id));
    await page.getByRole('tab', { name: /报名 \d+ 人/ }).click();
    await page.getByRole('button', { name: '报名学生' }).click();
    const dialog = page.locator('.ant-modal');
    await pickSearched(page, dialog.getByLabel('学生', { exact: true }), child!.studentNo, child!.name);
    await dialog.getByText(offer.kitchens[offer.kitchens.length - 1]!, { exact: true }).click();
    await shot(page, 'after-school-care-07-lunch-enrol');
    await dialog.getByRole('button', { name: '报名学生' }).click();
    await page.getByText(`${child!.name} 已报名午餐（${offer.kitchens[offer.kitchens.length - 1]}）`).waitFor();
    await expect.poll(async () => (await list()).length).toBe(before.length + 1);
    await page.getByLabel('按姓名或班级查找').fill(child!.name);
    await page.getByLabel('按姓名或班级查找').press('Enter');
    const row = page.getByTestId('lunch-enrolments').getByRole('row').filter({ hasText: child!.name });
    await row.waitFor();
    await shot(page, 'after-school-care-08-lunch-enrolled');
    // ended from today on: off the list, the day no longer counted
    await row.getByRole('button', { name: '退出午餐' }).click();
    await page.locator('.ant-modal').getByRole('button', { name: '退出午餐' }).click();
    await page.getByText(new RegExp(`${child!.name} 自 \\d{4}-\\d{2}-\\d{2} 起不再用餐`)).waitFor();
    await expect.poll(async () => (await list()).some((e) => e.studentId === child!.id)).toBe(false);
    await expect.poll(() => row.count()).toBe(0);
  });

  it('the district sees last summer’s sites', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district', undefined, '/after-school/summer');
    const lastSummer = Number(todayIn(DEFAULT_TIME_ZONE).slice(0, 4)) - (todayIn(DEFAULT_TIME_ZONE).slice(5, 7) < '09' ? 1 : 0);
    await page.getByLabel('年份').fill(String(lastSummer));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('summer-site').count()).toBe(2);
    await page.getByTestId('summer-site').filter({ hasText: '城东社区暑期托管点' }).getByRole('button', { name: /名\s*单/ }).first().click();
    await shot(page, 'after-school-care-04-summer-sites');
    const drawer = page.locator('.ant-drawer');
    const pane = drawer.locator('[role="tabpanel"]:not([aria-hidden="true"])');
    await expect.poll(() => pane.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await shot(page, 'after-school-care-05-summer-roster');

    const sites = (await (await page.request.get(`/api/after-school/summer/sites?year=${lastSummer}`)).json()) as { items: SummerSite[] };
    const site = sites.items.find((x) => x.name === '城东社区暑期托管点')!;
    const session = site.sessions[0]!;
    const rotaOf = async (date: string) =>
      ((await (await page.request.get(`/api/after-school/summer/sites/${site.id}/rota?from=${date}&to=${date}`)).json()) as { items: { staff: { userId: string }[] }[] }).items[0]?.staff ?? [];

    // the rota: one more teacher on the session's first day
    await drawer.getByRole('tab', { name: '值班表' }).click();
    await expect.poll(() => page.getByTestId('rota-day').count()).toBeGreaterThan(0);
    const first = session.startDate;
    const onFirst = (await rotaOf(first)).map((s) => s.userId);
    const staff = (await (await page.request.get('/api/staff?role=teacher&pageSize=100')).json()) as { items: { id: string; name: string; username: string; assignments: { role: string; schoolName: string | null }[] }[] };
    const extra = staff.items.find((s) => !onFirst.includes(s.id) && s.assignments.some((a) => a.role === 'teacher' && a.schoolName))!;
    await pane.getByRole('row').filter({ hasText: first.slice(5) }).getByRole('button', { name: /排\s*班/ }).click();
    const rotaDialog = page.locator('.ant-modal');
    await rotaDialog.getByLabel('值班教师', { exact: true }).fill(extra.username);
    await page.locator('.ant-select-item-option').filter({ hasText: extra.name }).first().click();
    // a multiple select stays open: click away from it so it closes over the OK button
    await rotaDialog.locator('.ant-modal-title').click();
    await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
    await shot(page, 'after-school-care-09-summer-rota-day');
    await rotaDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText(`已排好 ${first} 的值班`).waitFor();
    await expect.poll(async () => (await rotaOf(first)).map((s) => s.userId).sort()).toEqual([...onFirst, extra.id].sort());
    await shot(page, 'after-school-care-10-summer-rota');

    // the session's last day: all present in one tap, one child on leave
    await drawer.getByRole('tab', { name: '托管考勤' }).click();
    await page.getByTestId('summer-day-count').waitFor();
    const day = (await (await page.request.get(`/api/after-school/summer/sessions/${session.id}/day?date=${session.endDate}`)).json()) as { taken: boolean; children: { name: string; studentId: string }[] };
    expect(day.taken).toBe(false);
    const kid = day.children[0]!;
    await pane.getByRole('row').filter({ hasText: kid.name }).first().getByText('请假').click();
    await pane.getByRole('button', { name: /全部到齐/ }).click();
    await page.getByText(`已登记 ${day.children.length} 人的托管考勤`).waitFor();
    const after = (await (await page.request.get(`/api/after-school/summer/sessions/${session.id}/day?date=${session.endDate}`)).json()) as { taken: boolean; children: { studentId: string; mark: string }[] };
    expect(after.taken).toBe(true);
    expect(after.children.filter((c) => c.mark === 'leave').map((c) => c.studentId)).toContain(kid.studentId);
    expect(after.children.filter((c) => c.mark === 'present')).toHaveLength(day.children.length - after.children.filter((c) => c.mark !== 'present').length);
    await expect.poll(() => page.getByTestId('summer-day-count').textContent()).toMatch(/请假 [1-9]/);
    await shot(page, 'after-school-care-11-summer-day');
  });

  it('the district enrols a child in a coming session with a waiver', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    const now = todayIn(DEFAULT_TIME_ZONE);
    const year = Number(now.slice(0, 4)) + (now.slice(5, 7) < '07' ? 0 : 1);
    const made = await page.request.post(`/api/after-school/summer/sites?year=${year}`, {
      data: { schoolId: null, kind: 'community', name: '城西社区暑期托管点', address: '城西街道文化站', capacity: 30, feeMode: 'week', feeFen: 30000 },
    });
    expect(made.status(), await made.text()).toBe(200);
    const siteId = ((await made.json()) as SummerSite).id;
    const withSession = await page.request.post(`/api/after-school/summer/sites/${siteId}/sessions`, { data: { name: '第一期', startDate: `${year}-07-12`, endDate: `${year}-07-23` } });
    expect(withSession.status(), await withSession.text()).toBe(200);
    const students = (await (await page.request.get('/api/students?pageSize=5&grade=2')).json()) as { items: { id: string; name: string; studentNo: string; status: string }[] };
    const child = students.items.find((s) => s.status === 'active')!;

    await page.goto('/after-school/summer');
    await page.getByLabel('年份').fill(String(year));
    await page.keyboard.press('Enter');
    const card = page.getByTestId('summer-site').filter({ hasText: '城西社区暑期托管点' });
    await card.getByRole('button', { name: /名\s*单/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('button', { name: '报名学生' }).click();
    const dialog = page.locator('.ant-modal');
    await pickSearched(page, dialog.getByLabel('学生', { exact: true }), child.studentNo, child.name);
    await choose(page, dialog.getByLabel('减免', { exact: true }), '家庭经济困难学生（100%）');
    await shot(page, 'after-school-care-12-summer-enrol-waiver');
    await dialog.getByRole('button', { name: /报\s*名/ }).click();
    await page.getByText(`${child.name} 已报名，应收 ¥0.00`).waitFor();
    await expect.poll(() => drawer.locator('[role="tabpanel"]:not([aria-hidden="true"]) .ant-table-row').filter({ hasText: child.name }).filter({ hasText: '家庭经济困难学生' }).count()).toBe(1);
    await expect.poll(() => card.textContent()).toContain('1 / 30');
    const sessionId = ((await withSession.json()) as SummerSite).sessions[0]!.id;
    const list = (await (await page.request.get(`/api/after-school/summer/sessions/${sessionId}/enrolments`)).json()) as {
      items: { studentId: string; waiverCode: string | null; grossFen: number; waivedFen: number; dueFen: number }[];
    };
    expect(list.items).toEqual([expect.objectContaining({ studentId: child.id, waiverCode: 'low_income', dueFen: 0 })]);
    expect(list.items[0]!.waivedFen).toBe(list.items[0]!.grossFen);
    expect(list.items[0]!.grossFen).toBeGreaterThan(0);
    await shot(page, 'after-school-care-13-summer-waived');
  });

  it('a parent sees the child’s lunch and summer care on a phone', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent', undefined, '/after-school/care/family');
    await page.getByTestId('family-lunch').getByText(/已报名/).waitFor();
    await shot(page, 'after-school-care-06-phone');
  });
});
