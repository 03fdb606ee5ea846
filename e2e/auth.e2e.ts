/**
 * Account protection in the browser: lockout after wrong passwords, the forced change of an initial password, and the
 * second factor (enrolment with a QR code, the code after the password, a recovery code in its place).
 */
import * as OTPAuth from 'otpauth';
import { afterAll, describe, expect, it } from 'vitest';
import { allowError, choose, closeBrowser, newPage, shot, SIGNED_OUT_ME, signIn, signInWithForm } from './harness';

/** What the person's authenticator app shows for this secret, now or `stepsLater` 30-second steps later. */
const totp = (secret: string, stepsLater = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + stepsLater * 30_000 });

afterAll(() => closeBrowser());

describe('sign-in protection', () => {
  it('tells a locked account so after 5 wrong passwords', async () => {
    // cx02-t002 is used by no other test: locking it disturbs nobody
    // each wrong password is answered 401, the locked account 423: the browser logs both
    const { page, context } = await newPage(undefined, { allowErrors: [/status of (401|423)\b.*\[[^\]]*\/api\/auth\/login\]$/] });
    await page.goto('/login');
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel('用户名或手机号').fill('cx02-t002');
      await page.getByLabel('密码').fill(`Wrong#${i}pass`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await answered;
    }
    const error = page.getByTestId('login-error');
    await expect.poll(() => error.textContent()).toContain('锁定');
    await shot(page, 'auth-01-locked');

    // the right password does not help while locked
    await page.getByLabel('密码').fill('Demo#2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => error.textContent()).toContain('锁定');
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('makes a new account change its initial password first', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'demo-principal', undefined, '/org/staff');
    await page.getByTestId('new-staff').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('e2e-newteacher');
    await dialog.getByLabel('姓名').fill('测试新教师');
    // a school administrator may hand out school roles; 任课教师 needs a class and a subject
    await choose(page, dialog.getByTestId('assignment-class'), '三年级(1)班');
    await choose(page, dialog.getByTestId('assignment-subject'), '数学');
    await shot(page, 'auth-02-new-staff-form');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();

    const password = page.getByTestId('initial-password').first();
    await password.waitFor();
    const initial = (await password.textContent())!.trim();
    expect(initial.length).toBeGreaterThanOrEqual(8);
    await shot(page, 'auth-03-initial-password');
    await page.getByRole('button', { name: '已记录，关闭' }).click();
    await expect.poll(() => page.getByText('测试新教师').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('任课教师 · 数学 · 三年级(1)班').first().isVisible()).toBe(true);
    await context.close();

    const fresh = await newPage();
    await signInWithForm(fresh.page, 'e2e-newteacher', initial);
    await fresh.page.waitForURL((url) => url.pathname === '/password');
    await expect.poll(() => fresh.page.getByText('请先设置新密码').isVisible()).toBe(true);
    await shot(fresh.page, 'auth-04-forced-change');
    // the shell refuses everything else until the password is changed
    await fresh.page.goto('/org/classes');
    await fresh.page.waitForURL((url) => url.pathname === '/password');
    await fresh.page.getByLabel('当前密码').fill(initial);
    await fresh.page.getByLabel('新密码', { exact: true }).fill('Xin#Mima2026');
    await fresh.page.getByLabel('确认新密码').fill('Xin#Mima2026');
    await fresh.page.getByRole('button', { name: /保\s*存/ }).click();
    await fresh.page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => fresh.page.getByText('测试新教师，您好').isVisible()).toBe(true);
    await shot(fresh.page, 'auth-05-home-after-change');
    await fresh.context.close();
  });

  it('lets a teacher turn on the second factor, then asks its code after the password', async () => {
    // cx02-t003 is used by no other test: its factor disturbs nobody
    const { page, context } = await newPage();
    await signInWithForm(page, 'cx02-t003');
    // where a person finds it: the account menu
    await page.getByTestId('account-menu').click();
    await page.getByTestId('account-security').click();
    await page.waitForURL((url) => url.pathname === '/security');
    await expect.poll(() => page.getByTestId('security-status').textContent()).toContain('尚未启用');
    await page.getByTestId('enrol-start').click();
    await page.getByTestId('enrol-qr').waitFor();
    const secret = (await page.getByTestId('enrol-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await shot(page, 'auth-06-enrol-qr');
    await page.getByTestId('enrol-code').fill(totp(secret));
    await page.getByTestId('enrol-confirm').click();
    const shown = page.getByTestId('recovery-codes');
    await shown.waitFor();
    const recovery = (await shown.textContent())!.trim().split(/\s+/);
    expect(recovery).toHaveLength(10);
    await expect.poll(() => page.getByTestId('security-status').textContent()).toContain('已启用');
    await shot(page, 'auth-07-recovery-codes');
    await context.close();

    // the next sign-in: the password, then the code; a wrong code is refused on the page
    const next = await newPage(undefined, { allowErrors: [/status of 400\b.*\[[^\]]*\/api\/auth\/second-factor\/verify\]$/] });
    allowError(next.page, SIGNED_OUT_ME);
    await next.page.goto('/');
    await next.page.waitForURL((url) => url.pathname === '/login');
    await next.page.getByLabel('用户名或手机号').fill('cx02-t003');
    await next.page.getByLabel('密码').fill('Demo#2026');
    await next.page.getByRole('button', { name: /登\s*录/ }).click();
    const step = next.page.getByTestId('login-code-step');
    await step.waitFor();
    // a code is good once (the enrolment used this step's): the app's next code, inside the server's one-step window
    const right = totp(secret, 1);
    await next.page.getByLabel('动态验证码').fill(right === '000000' ? '111111' : '000000');
    await step.getByRole('button', { name: '验证并登录' }).click();
    await next.page.getByTestId('login-error').waitFor();
    await shot(next.page, 'auth-08-code-step-wrong');
    expect(new URL(next.page.url()).pathname).toBe('/login');
    await next.page.getByLabel('动态验证码').fill(right);
    await step.getByRole('button', { name: '验证并登录' }).click();
    await next.page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => next.page.getByText('，您好').first().isVisible()).toBe(true);
    await next.context.close();

    // a lost phone: one recovery code stands in for the code, once
    const lost = await newPage();
    allowError(lost.page, SIGNED_OUT_ME);
    await lost.page.goto('/login');
    await lost.page.getByLabel('用户名或手机号').fill('cx02-t003');
    await lost.page.getByLabel('密码').fill('Demo#2026');
    await lost.page.getByRole('button', { name: /登\s*录/ }).click();
    await lost.page.getByTestId('login-code-step').waitFor();
    await lost.page.getByLabel('动态验证码').fill(recovery[0]!);
    await lost.page.getByTestId('login-code-step').getByRole('button', { name: '验证并登录' }).click();
    await lost.page.waitForURL((url) => url.pathname === '/');
    await lost.page.goto('/security');
    await expect.poll(() => lost.page.getByText('剩余恢复码：9 个').isVisible()).toBe(true);
    await lost.context.close();
  });
});
