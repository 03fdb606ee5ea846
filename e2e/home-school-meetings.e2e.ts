/**
 * 家长会 and 家长学校 in the browser: demo-classteacher schedules a parent meeting for 三年级(2)班 (its parents are
 * told), records one held with the minutes and each family's attendance (all present, then one family absent) and this
 * week's online parent lecture; demo-district creates a lecture with a number of places; demo-parent sees it on a
 * phone, signs up (the district sees the name on the list), then cancels; demo-principal picks a class's meetings,
 * and records the attendance of a school lecture held today that took its one place.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { choose, closeBrowser, DESKTOP, newPage, PHONE, shot, signIn } from './harness';

afterAll(() => closeBrowser());

async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

const MEETING = '家长会：本周学习与安全提醒';
const LECTURE = '家长学校：青春期前的亲子沟通';

describe('家长会 and 家长学校', () => {
  it('a class teacher schedules a meeting, records one held with attendance, and this week’s online lecture', async () => {
    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-classteacher', 'Demo#2026', '/home-school/meetings');
    const rule = page.getByTestId('hs-meetings-rule');
    await rule.getByText('每班每学期至少召开 1 次家长会').waitFor();
    await rule.getByText('依据：区定规则 home-school.meetings', { exact: false }).waitFor();
    await page.getByTestId('hs-meeting-row').filter({ hasText: '期末家长会：寒假安排与安全教育' }).getByText('会后登记').waitFor();
    await shot(page, 'home-school-meetings-1-class-teacher');
    await fitsPhone(page);

    // schedule: today by default, so it can be recorded held right after
    await page.getByTestId('hs-meeting-plan').click();
    const plan = page.getByRole('dialog');
    await plan.getByLabel('主题').fill(MEETING);
    await plan.getByLabel('地点').fill('三年级(2)班教室');
    await shot(page, 'home-school-meetings-2-schedule');
    await plan.getByRole('button', { name: '安排家长会' }).click();
    await page.getByText('已安排，已通知本班家长').waitFor();
    const row = page.getByTestId('hs-meeting-row').filter({ hasText: MEETING });
    await row.getByText('待召开').waitFor();

    // held: the minutes, everyone present in one tap, then the one family that did not come
    await row.getByTestId('hs-meeting-hold').click();
    const dialog = page.getByTestId('hs-meeting-dialog');
    await dialog.getByLabel('会议纪要').fill('通报本周学习情况，提醒冬季出行安全；家长就作业时长提出建议。');
    await dialog.getByTestId('hs-meeting-all').click();
    const families = dialog.getByTestId('hs-meeting-family');
    const total = await families.count();
    expect(total).toBeGreaterThan(5);
    await dialog.getByTestId('hs-meeting-count').getByText(`出席 ${total} / ${total} 户`).waitFor();
    await families.nth(1).click();
    await dialog.getByTestId('hs-meeting-count').getByText(`出席 ${total - 1} / ${total} 户`).waitFor();
    await shot(page, 'home-school-meetings-3-attendance');
    await dialog.getByTestId('hs-meeting-hold-save').click();
    await page.getByText('已登记召开').waitFor();
    await row.getByText('已召开').waitFor();
    await row.getByText(`出勤 ${total - 1}/${total} 户`).waitFor();
    await rule.getByText('已达标').waitFor();

    // this week's 家长教育大讲堂
    await page.getByTestId('hs-lecture-add').click();
    const lecture = page.getByRole('dialog');
    await lecture.getByLabel('主题').fill('冬季作息与睡眠');
    await lecture.getByLabel('参加家庭数').fill('31');
    await lecture.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已登记本周大讲堂').waitFor();
    await page.getByTestId('hs-class-lecture').filter({ hasText: '冬季作息与睡眠' }).getByText('31 户参加').waitFor();
    await rule.getByText('本周已登记').waitFor();
    await shot(page, 'home-school-meetings-4-held');
    await fitsPhone(page);
  });

  it('the district creates a lecture with places; a parent signs up on the phone, then cancels', async () => {
    const district = await newPage(DESKTOP);
    await signIn(district.page, 'demo-district', 'Demo#2026', '/home-school/lectures');
    await district.page.getByText('家庭教育专题讲座：“双减”下如何陪伴孩子').waitFor();
    await district.page.getByTestId('hs-lecture-new').click();
    const form = district.page.getByRole('dialog');
    await form.getByLabel('讲座主题').fill(LECTURE);
    await form.getByLabel('主讲人').fill('区家庭教育指导中心');
    await form.getByLabel('地点').fill('区青少年活动中心');
    await form.getByLabel('线上链接').fill('https://live.example.cn/qc');
    await form.getByLabel('名额').fill('2');
    await shot(district.page, 'home-school-meetings-5-new-lecture');
    await form.getByRole('button', { name: '创建讲座' }).click();
    await district.page.getByText('讲座已创建').waitFor();
    const row = district.page.getByRole('row').filter({ hasText: LECTURE });
    await row.getByText('已报名 0/2').waitFor();
    await shot(district.page, 'home-school-meetings-6-lectures');

    const { page } = await newPage(PHONE);
    await signIn(page, 'demo-parent', 'Demo#2026', '/');
    await page.getByTestId('home-hs-family').click();
    await page.waitForURL((url) => url.pathname === '/home-school/family');
    await page.getByTestId('hs-family-meetings').getByText('期末家长会：寒假安排与安全教育').waitFor();
    const card = page.getByTestId('hs-family-lecture').filter({ hasText: LECTURE });
    await card.getByText('剩余名额 2/2').waitFor();
    await card.getByTestId('hs-family-signup').click();
    await page.getByText('报名成功').waitFor();
    await card.getByTestId('hs-family-signed').waitFor();
    await card.getByText('剩余名额 1/2').waitFor();
    await shot(page, 'home-school-meetings-7-parent-signed');
    await fitsPhone(page);

    // the district sees the family on the sign-up list
    await district.page.reload();
    await district.page.getByRole('row').filter({ hasText: LECTURE }).getByText('已报名 1/2').waitFor();
    await district.page.getByRole('row').filter({ hasText: LECTURE }).getByTestId('hs-lecture-open').click();
    const drawer = district.page.getByTestId('hs-lecture-drawer');
    await drawer.getByText('张小明', { exact: false }).waitFor();
    await drawer.getByText('讲座举办后再登记出勤').waitFor();
    await shot(district.page, 'home-school-meetings-8-signups');

    await card.getByTestId('hs-family-cancel').click();
    await page.getByRole('tooltip').getByRole('button', { name: '取消报名' }).click();
    await page.getByText('已取消报名').waitFor();
    await card.getByTestId('hs-family-signup').waitFor();
    await card.getByText('剩余名额 2/2').waitFor();
    await shot(page, 'home-school-meetings-9-parent-cancelled');
  });

  it('a school administrator picks a class, and records a lecture’s attendance after it', async () => {
    const { page } = await newPage(DESKTOP);
    await signIn(page, 'demo-principal', 'Demo#2026', '/home-school/meetings');
    await choose(page, page.getByTestId('hs-meetings-class'), '示范区实验小学 三年级(1)班');
    await page.getByTestId('hs-meetings-rule').getByText('三年级(1)班', { exact: false }).waitFor();
    await shot(page, 'home-school-meetings-10-principal-class');

    // a school lecture today with one place
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await page.goto('/home-school/lectures');
    await page.getByTestId('hs-lecture-new').click();
    const form = page.getByRole('dialog');
    await form.getByTestId('hs-lecture-host').getByText('示范区实验小学').waitFor();
    await form.getByLabel('讲座主题').fill('校级讲座：陪孩子读一本书');
    await form.getByLabel('日期').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await form.getByLabel('地点').fill('学校图书馆');
    await form.getByLabel('名额').fill('1');
    await form.getByRole('button', { name: '创建讲座' }).click();
    await page.getByText('讲座已创建').waitFor();

    // the demo parent takes the one place: the lecture is full
    const parent = await newPage(PHONE);
    await signIn(parent.page, 'demo-parent', 'Demo#2026', '/home-school/family');
    const card = parent.page.getByTestId('hs-family-lecture').filter({ hasText: '校级讲座：陪孩子读一本书' });
    await card.getByTestId('hs-family-signup').click();
    await card.getByText('剩余名额 0/1').waitFor();

    const row = page.getByRole('row').filter({ hasText: '校级讲座：陪孩子读一本书' });
    await page.reload();
    await row.getByText('名额已满').waitFor();
    await row.getByTestId('hs-lecture-open').click();
    const drawer = page.getByTestId('hs-lecture-drawer');
    await drawer.getByTestId('hs-lecture-all').click();
    await shot(page, 'home-school-meetings-11-lecture-attendance');
    await drawer.getByTestId('hs-lecture-attendance-save').click();
    await page.getByText('出勤已登记').waitFor();
    await drawer.getByText('已举办 · 出勤 1').waitFor();
    await drawer.getByRole('cell', { name: '出席' }).waitFor();

    await parent.page.reload();
    await card.getByText('讲座已举办').waitFor();
    await shot(parent.page, 'home-school-meetings-12-parent-held');
  });
});
