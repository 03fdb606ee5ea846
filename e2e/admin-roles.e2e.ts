/**
 * 三员分立 in the browser: the system administrator disables and re-enables an account on 账号管理 and reads 系统设置;
 * the security administrator (signed in with her second factor) grants and revokes 督学 on 角色授权 and is refused a
 * grant that would break the separation; a grant asked again for the code (step-up) once the sign-in's code is older
 * than the window; the auditor reads all of it, in words, in 审计日志.
 *
 * Accounts of this file only: cx02-t005 (disabled and re-enabled), cx02-t006 and cx02-t007 (granted 督学 and revoked),
 * demo-security (gets a second factor here), demo-system.
 */
import { type APIRequestContext, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowError, Authenticator, baseURL, choose, closeBrowser, newPage, shot, SIGNED_OUT_ME, signIn, signInWithForm } from './harness';

afterAll(() => closeBrowser());

const DISABLED = 'cx02-t005';
const GRANTEE = 'cx02-t006';
const STEPPED = 'cx02-t007';

/** demo-security's authenticator app, from the enrolment in beforeAll (each code used once). */
let app: Authenticator;
const nextCode = () => app.code();
/** A code that is not the right one now (nor one step either way). */
const wrongCode = (right: string) => (right === '000000' ? '111111' : '000000');

/** The names the audit log shows for the accounts acted on. */
const names: Record<string, string> = {};
/** The security administrator's session opened by the enrolment (its code is the step-up that test 3 waits out). */
let earlierSession: Awaited<ReturnType<APIRequestContext['storageState']>>['cookies'] = [];

beforeAll(async () => {
  // demo-security gets a second factor, as a real district's security administrator has: through the API, the
  // enrolment is auth.e2e.ts's subject
  const security = await request.newContext({ baseURL: baseURL() });
  const login = await security.post('/api/auth/login', { data: { username: 'demo-security', password: 'Demo#2026' } });
  expect(login.ok()).toBe(true);
  const started = await security.post('/api/auth/second-factor/enrolment');
  expect(started.ok()).toBe(true);
  app = new Authenticator(((await started.json()) as { secret: string }).secret);
  const confirmed = await security.post('/api/auth/second-factor/enrolment/confirm', { data: { code: await nextCode() } });
  expect(confirmed.status()).toBe(200);
  earlierSession = (await security.storageState()).cookies;
  await security.dispose();

  const system = await request.newContext({ baseURL: baseURL() });
  expect((await system.post('/api/auth/login', { data: { username: 'demo-system', password: 'Demo#2026' } })).ok()).toBe(true);
  for (const username of [DISABLED, GRANTEE, STEPPED]) {
    const found = (await (await system.get(`/api/system/accounts?q=${username}`)).json()) as { items: { username: string; name: string }[] };
    names[username] = found.items.find((i) => i.username === username)!.name;
  }
  await system.dispose();
});

const menu = async (page: Page, label: string, path: string) => {
  await page.getByRole('menuitem', { name: label }).click();
  await page.waitForURL((url) => url.pathname === path);
};
const rowOf = (page: Page, username: string) => page.locator('.ant-table-row').filter({ has: page.getByRole('cell', { name: username, exact: true }) });
const search = async (page: Page, text: string) => {
  const box = page.getByPlaceholder('姓名或用户名');
  await box.fill(text);
  await box.press('Enter');
  await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
  await rowOf(page, text).waitFor();
};

describe('三员分立: accounts, grants and the audit log, each by its own administrator', () => {
  it('the system administrator disables an account, which can no longer sign in, and enables it again', async () => {
    const { page } = await newPage();
    await signInWithForm(page, 'demo-system');
    await menu(page, '账号管理', '/system/accounts');
    await search(page, DISABLED);
    const row = rowOf(page, DISABLED);
    await expect.poll(() => row.textContent()).toContain('正常');
    expect(await page.locator('.ant-table-thead').textContent()).toContain('最近登录');
    await shot(page, 'admin-01-account-found');

    await row.getByRole('button', { name: /^停\s*用$/ }).click();
    // disabling ends the person's sessions: the page asks first
    const confirm = page.locator('.ant-popconfirm').filter({ hasText: '停用' });
    await confirm.waitFor();
    await shot(page, 'admin-01b-disable-confirm');
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
    await row.getByText('已停用').waitFor();
    await row.getByRole('button', { name: /^启\s*用$/ }).waitFor();
    await shot(page, 'admin-02-account-disabled');

    // the account's owner, elsewhere: the password is right, the account is not
    const owner = await newPage(undefined, { allowErrors: [SIGNED_OUT_ME, /status of 403\b.*\[[^\]]*\/api\/auth\/login\]$/] });
    await owner.page.goto('/login');
    await owner.page.getByLabel('用户名或手机号').fill(DISABLED);
    await owner.page.getByLabel('密码').fill('Demo#2026');
    await owner.page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => owner.page.getByTestId('login-error').textContent()).toContain('账号已停用');
    expect(new URL(owner.page.url()).pathname).toBe('/login');
    await shot(owner.page, 'admin-03-disabled-cannot-sign-in');

    await row.getByRole('button', { name: /^启\s*用$/ }).click();
    await row.getByText('正常').waitFor();
    await row.getByRole('button', { name: /^停\s*用$/ }).waitFor();
    await shot(page, 'admin-04-account-enabled');
    // and the owner signs in again
    await owner.page.getByRole('button', { name: /登\s*录/ }).click();
    await owner.page.waitForURL((url) => url.pathname === '/');

    await menu(page, '系统设置', '/system/settings');
    const settings = page.getByTestId('system-settings');
    await expect.poll(() => settings.textContent()).toContain('必须二次验证的角色');
    expect(await settings.textContent()).toContain('角色授权与撤销');
    expect(await settings.textContent()).toContain('连续输错锁定');
    await shot(page, 'admin-05-settings');

    // 后台任务: every job with its schedule; the engine says where due runs are shared
    await menu(page, '后台任务', '/system/jobs');
    const jobs = page.getByTestId('jobs-table');
    await expect.poll(() => jobs.textContent()).toContain('审计日志上链（防篡改）');
    expect(await jobs.textContent()).toContain('课消 48 小时自动确认');
    expect(await jobs.textContent()).toContain('每 5 分钟');
    expect(await page.getByTestId('jobs-engine').textContent()).toMatch(/本进程内运行|所有服务器共用队列/);
    // failures by run id: an error may name another district's data, so it is only in the server's log
    expect(await page.getByTestId('jobs-error-in-log').textContent()).toContain('错误详情只写在服务器日志中（按运行编号查找）');
    const failures = await page.getByTestId('jobs-failures').textContent();
    expect(failures).toContain('运行编号');
    expect(failures).not.toContain('错误');
    await shot(page, 'admin-05b-jobs');
  });

  it('the security administrator grants 督学 and revokes it, and is refused a grant that breaks 三员分立', async () => {
    // the separation's refusal is answered 400, which the browser logs
    const { page } = await newPage(undefined, { allowErrors: [/status of 400\b.*\[[^\]]*\/api\/security\/grants\]$/] });
    allowError(page, SIGNED_OUT_ME);
    // her account has a second factor: the code after the password
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('用户名或手机号').fill('demo-security');
    await page.getByLabel('密码').fill('Demo#2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const step = page.getByTestId('login-code-step');
    await step.waitFor();
    await page.getByLabel('动态验证码').fill(await nextCode());
    await step.getByRole('button', { name: '验证并登录' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await menu(page, '角色授权', '/security/grants');
    await search(page, GRANTEE);
    const row = rowOf(page, GRANTEE);
    await choose(page, row.locator('.ant-select'), '督学');
    await row.getByRole('button', { name: /^授\s*予$/ }).click();
    const granted = row.locator('.ant-tag').filter({ hasText: '督学' });
    await granted.waitFor();
    await shot(page, 'admin-06-inspector-granted');

    // revoking: the tag's close mark, then the confirmation
    await granted.locator('.ant-tag-close-icon').click();
    const confirm = page.locator('.ant-popconfirm').filter({ hasText: '撤销' });
    await expect.poll(() => confirm.textContent()).toContain('督学');
    await shot(page, 'admin-06b-revoke-confirm');
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
    await granted.waitFor({ state: 'detached' });
    expect(await row.locator('.ant-tag').count()).toBeGreaterThan(0); // the school role stays
    await shot(page, 'admin-07-inspector-revoked');

    // an auditor may hold no other role: the teacher's account is refused, in words
    await choose(page, row.locator('.ant-select'), '审计管理员');
    await row.getByRole('button', { name: /^授\s*予$/ }).click();
    const error = page.getByTestId('grants-error');
    await expect.poll(() => error.textContent()).toContain('三员分立');
    expect(await error.textContent()).toContain('审计管理员不能兼任其他角色');
    expect(await row.locator('.ant-tag').filter({ hasText: '审计管理员' }).count()).toBe(0);
    await shot(page, 'admin-08-separation-refused');
  });

  it('asks the security administrator for the code again once her last one is older than the window', { timeout: 150_000 }, async () => {
    // STEP_UP_REQUIRED is answered 403 and the wrong code 400: the browser logs both
    const { page, context } = await newPage(undefined, {
      allowErrors: [/status of 403\b.*\[[^\]]*\/api\/security\/grants\]$/, /status of 400\b.*\[[^\]]*\/api\/auth\/step-up\]$/],
    });
    // she signed in (her code) a while ago, in the session the enrolment opened; the e2e servers' window is 1 minute
    await context.addCookies(earlierSession);
    await expect
      .poll(async () => ((await (await context.request.get('/api/auth/second-factor')).json()) as { stepUpUntil: string | null }).stepUpUntil, { timeout: 90_000, interval: 1000 })
      .toBeNull();
    await page.goto('/');
    await menu(page, '角色授权', '/security/grants');
    await search(page, STEPPED);
    const row = rowOf(page, STEPPED);
    await choose(page, row.locator('.ant-select'), '督学');
    await row.getByRole('button', { name: /^授\s*予$/ }).click();

    const dialog = page.getByTestId('step-up-dialog');
    await dialog.getByText('此操作较为敏感').waitFor();
    await expect.poll(() => dialog.textContent()).toContain('1 分钟内有效');
    await shot(page, 'admin-09-step-up-asked');

    const right = await nextCode();
    await page.getByTestId('step-up-code').fill(wrongCode(right));
    await dialog.getByRole('button', { name: /验\s*证/ }).click();
    await expect.poll(() => dialog.locator('.ant-alert').textContent()).toContain('不正确');
    expect(await row.locator('.ant-tag').filter({ hasText: '督学' }).count()).toBe(0);
    await shot(page, 'admin-10-step-up-wrong-code');

    await page.getByTestId('step-up-code').fill(right);
    await dialog.getByRole('button', { name: /验\s*证/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const granted = row.locator('.ant-tag').filter({ hasText: '督学' });
    await granted.waitFor();
    await expect.poll(() => page.getByTestId('grants-error').count()).toBe(0);
    await shot(page, 'admin-11-step-up-granted');

    // within the window the revocation asks for no code (only the confirmation)
    await granted.locator('.ant-tag-close-icon').click();
    await page.locator('.ant-popconfirm').filter({ hasText: '撤销' }).getByRole('button', { name: /确\s*定|OK/ }).click();
    await granted.waitFor({ state: 'detached' });
    expect(await dialog.count()).toBe(0);
  });

  it('the auditor reads these actions in words, by person', async () => {
    // the actions of the tests above: run after them
    const { page } = await newPage();
    await signIn(page, 'demo-auditor');
    await menu(page, '审计日志', '/audit');
    const table = page.getByTestId('audit-table');
    const byPerson = async (name: string) => {
      await page.getByLabel('操作人').fill(name);
      await page.getByRole('button', { name: /搜\s*索/ }).click();
      await expect.poll(async () => (await table.locator('.ant-table-row').allTextContents()).every((t) => t.includes(name))).toBe(true);
    };

    await byPerson('冯立新');
    const system = table.locator('.ant-table-row').filter({ hasText: names[DISABLED]! });
    await system.filter({ hasText: '修改账号（系统管理员）' }).first().waitFor();
    expect(await system.filter({ hasText: '修改账号（系统管理员）' }).count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'admin-12-audit-system-admin');

    await byPerson('韩雪');
    for (const [what, whom] of [
      ['授予岗位权限（安全管理员）', names[GRANTEE]!],
      ['收回岗位权限（安全管理员）', names[GRANTEE]!],
      ['授予岗位权限（安全管理员）', names[STEPPED]!],
      ['收回岗位权限（安全管理员）', names[STEPPED]!],
    ]) {
      await table.locator('.ant-table-row').filter({ hasText: what }).filter({ hasText: whom }).first().waitFor();
    }
    await table.locator('.ant-table-row').filter({ hasText: '敏感操作前再次验证' }).first().waitFor();
    await shot(page, 'admin-13-audit-security-admin');
  });
});
