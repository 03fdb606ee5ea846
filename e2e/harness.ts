/** Browser-test helpers: Debian's Chromium through playwright-core, sign-in, screenshots into test-results/. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseURL = () => inject('baseURL');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 860 };

const shots = resolve(import.meta.dirname, '../test-results');
mkdirSync(shots, { recursive: true });

let browser: Browser | undefined;

export async function launch(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return browser;
}

export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

export async function newPage(viewport = DESKTOP): Promise<{ page: Page; context: BrowserContext }> {
  const b = await launch();
  const context = await b.newContext({ viewport, baseURL: baseURL(), locale: 'zh-CN', isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { page, context };
}

/** Signs in through the form, as a person would, and waits for the shell. */
export async function signIn(page: Page, username: string, password = 'Demo#2026') {
  await page.goto('/login');
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // let opening dialogs and drawers finish their motion: a half-faded modal hides what the picture is for
  await page.waitForFunction("document.getAnimations().every((a) => a.playState !== 'running')", undefined, { timeout: 3000 }).catch(() => undefined);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** Signs a context in through the API (for set-up and look-ups that are not what the test is about). */
export async function apiSignIn(context: BrowserContext, username: string, password = 'Demo#2026') {
  const res = await context.request.post('/api/auth/login', { data: { username, password } });
  if (!res.ok()) throw new Error(`sign-in of ${username} failed: ${res.status()} ${await res.text()}`);
}

/** Opens an antd Select and clicks the option with exactly this label. */
export async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option, { exact: true }).click();
}
