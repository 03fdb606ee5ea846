/**
 * 校外培训 registry in the browser: a 学科类 institution (created with its admin through the district's own APIs, so no
 * demo account is added) files a course priced over the cap of its class-size band; the live check and then the
 * server's refusal name the rule (收费上限) with its policy version; at the capped price it files and submits it. The
 * district (demo-district) approves the course from its review queue, then suspends an institution with a reason and
 * sees the lists and the status history follow.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { allowError, apiEnrol, apiSignIn, type Authenticator, closeBrowser, newPage, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const INSTITUTION = '明德学科培训中心';
const ADMIN = 'mingde-admin';
const PASSWORD = 'Mingde#2026';
const COURSE = '初中数学提高班';
/** The institution administrator's authenticator: an administrator signs in with a second factor. */
let mingdeApp: Authenticator;

describe('an institution files a course, the district approves it and suspends an institution', () => {
  it('sets up a 学科类 institution and its admin through the district', async () => {
    const { context } = await newPage();
    await apiSignIn(context, 'demo-district');
    const zones = (await (await context.request.get('/api/zones')).json()) as { id: string }[];
    const inst = await context.request.post('/api/institutions', { data: { zoneId: zones[0]!.id, name: INSTITUTION, licenseNo: '教民140105700088号', category: 'subject', field: '学科类', address: '学府街 88 号' } });
    expect(inst.ok()).toBe(true);
    const { id } = (await inst.json()) as { id: string };
    const staff = await context.request.post('/api/staff', { data: { username: ADMIN, name: '明主任', assignments: [{ role: 'institution_admin', institutionId: id }] } });
    expect(staff.ok()).toBe(true);
    const { credential } = (await staff.json()) as { credential: { initialPassword: string } };
    const admin = (await newPage()).context;
    // a new administrator's first session may only enrol the second factor; then the initial password is changed
    await apiSignIn(admin, ADMIN, credential.initialPassword);
    mingdeApp = await apiEnrol(admin);
    expect((await admin.request.post('/api/auth/password', { data: { currentPassword: credential.initialPassword, newPassword: PASSWORD } })).ok()).toBe(true);
  });

  it('the institution files a course over the price cap and is told which rule', async () => {
    const { page } = await newPage();
    allowError(page, /422/);
    await signIn(page, ADMIN, PASSWORD, '/', mingdeApp);
    await page.getByRole('menuitem', { name: '校外培训' }).click();
    await page.getByRole('menuitem', { name: '机构备案' }).click();
    await page.waitForURL(/\/training\/registry$/);
    await page.getByTestId('training-filing').getByText(INSTITUTION).first().waitFor();
    await shot(page, 'training-registry-01-file');

    await page.getByRole('tab', { name: '课程' }).click();
    await page.getByTestId('course-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('课程名称').fill(COURSE);
    await dialog.getByLabel('适用年级').fill('7–9年级');
    // a small class (≤ 10) at ¥42 a lesson: over ¥35 + 10%
    await dialog.getByTestId('course-price').fill('42');
    const finding = dialog.getByTestId('rule-finding-price_cap');
    await finding.waitFor();
    await expect.poll(async () => finding.getByTestId('rule-citation').innerText()).toMatch(/收费上限/);
    await shot(page, 'training-registry-02-live-check');

    // filing it anyway: the server refuses with the same rule
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/training/registry/courses') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await refused).status()).toBe(422);
    await page.locator('.ant-message').getByText(/不符合规定/).waitFor();
    await dialog.getByTestId('rule-finding-price_cap').waitFor();
    await shot(page, 'training-registry-03-refused');

    await dialog.getByTestId('course-price').fill('35');
    await dialog.getByTestId('rule-findings-ok').waitFor();
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByRole('cell', { name: COURSE }).waitFor();
    await page.getByTestId(`course-submit-${COURSE}`).click();
    await page.getByRole('row', { name: new RegExp(COURSE) }).getByText('待审核').waitFor();
    await shot(page, 'training-registry-04-submitted');
  });

  it('the district approves the course and suspends an institution with a reason', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    await page.getByRole('menuitem', { name: '校外培训' }).click();
    await page.getByRole('menuitem', { name: '备案审核' }).click();
    await page.waitForURL(/\/training\/registry\/review$/);
    const row = page.getByRole('row', { name: new RegExp(COURSE) });
    await row.waitFor();
    await shot(page, 'training-registry-05-queue');
    await row.getByRole('button', { name: /通\s*过/ }).click();
    await expect.poll(() => page.getByRole('row', { name: new RegExp(COURSE) }).count()).toBe(0);

    await page.getByRole('menuitem', { name: '机构档案' }).click();
    await page.waitForURL(/\/training\/registry\/institutions$/);
    await page.getByRole('link', { name: '小科学家科技创新中心' }).first().click();
    await page.getByTestId('training-registry-file').getByTestId('list-white').first().waitFor();
    await page.getByTestId('status-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('status-select').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('暂停', { exact: true }).click();
    await dialog.getByTestId('status-reason').fill('逾期未完成消防整改，暂停招生和培训');
    await shot(page, 'training-registry-06-status-dialog');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const header = page.getByTestId('training-registry-file');
    await header.getByTestId('status-suspended').first().waitFor();
    await header.getByTestId('list-none').first().waitFor();
    await page.getByRole('tab', { name: '状态记录' }).click();
    await page.getByTestId('status-history').getByText('逾期未完成消防整改，暂停招生和培训').waitFor();
    await shot(page, 'training-registry-07-suspended');

    // the public white list no longer shows it
    const list = (await (await page.request.get('/api/public/districts/demo/institutions')).json()) as { name: string; listStatus: string }[];
    expect(list.some((i) => i.name === '小科学家科技创新中心')).toBe(false);
    expect(list.find((i) => i.name === '捷径升学补习班')?.listStatus).toBe('black');
  });
});
