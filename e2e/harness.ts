/**
 * Browser-test helpers: Debian's Chromium through playwright-core, sign-in, screenshots into test-results/. Every page
 * opened with newPage() is watched: a console error or an uncaught page error fails the test that opened it (the
 * afterEach below), unless that test allowed that very error (newPage's allowErrors, allowError()).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as OTPAuth from 'otpauth';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterEach, expect, inject } from 'vitest';
import type { ServersOfDay } from './global-setup';

let pinned: string | undefined;

/**
 * This worker's server (global-setup.ts starts one per worker; VITEST_POOL_ID counts workers from 1), the same for the
 * whole test file: the first call reads the servers of the day, waiting while a new day's are starting (the demo is
 * loaded for the district's date, so a file that starts after midnight gets the new day's servers).
 */
export const baseURL = (): string => {
  if (pinned) return pinned;
  const file = inject('e2eServers');
  for (let waited = 0; ; waited += 1) {
    const day = JSON.parse(readFileSync(file, 'utf8')) as ServersOfDay;
    if (day.urls) return (pinned = day.urls[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % day.urls.length]!);
    if (waited === 600) throw new Error(`the servers of ${day.date} did not come up in 10 minutes (test-results/e2e-server*.log)`);
    // nothing else of this file runs before it has a server: a blocking second is fine
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
};
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

interface Watch {
  context: BrowserContext;
  errors: string[];
  allowed: RegExp[];
}

/** The contexts the running test opened, with what their pages logged. */
let watching: Watch[] = [];
const watchOf = new WeakMap<Page, Watch>();

function watch(page: Page, w: Watch) {
  watchOf.set(page, w);
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const { url } = m.location();
    w.errors.push(`console error: ${m.text()}${url ? ` [${url}]` : ''}`);
  });
  page.on('pageerror', (e) => w.errors.push(`page error: ${e.message} [${page.url()}]\n${(e.stack ?? '').split('\n').slice(1, 4).join('\n')}`));
}

/**
 * A fresh browser context and page. `allowErrors`: console errors this test provokes on purpose (a wrong password's
 * 401 …), matched against "console error: <text> [<url>]"; anything else logged fails the test.
 */
export async function newPage(viewport = DESKTOP, { allowErrors = [] }: { allowErrors?: RegExp[] } = {}): Promise<{ page: Page; context: BrowserContext }> {
  const b = await launch();
  const context = await b.newContext({ viewport, baseURL: baseURL(), locale: 'zh-CN', isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
  const w: Watch = { context, errors: [], allowed: [...allowErrors] };
  watching.push(w);
  context.on('page', (p) => watch(p, w));
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { page, context };
}

/** Allows one more expected error on this page's context (see newPage). */
export function allowError(page: Page, pattern: RegExp) {
  watchOf.get(page)?.allowed.push(pattern);
}

// every test ends here: its contexts closed, and what their pages logged checked
afterEach(async (ctx) => {
  const done = watching;
  watching = [];
  // a failed test leaves a picture of each of its pages as they were at the failure
  if (ctx.task.result?.state === 'fail') {
    const name = ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    const pages = done.flatMap((w) => w.context.pages());
    await Promise.all(pages.map((p, i) => p.screenshot({ path: join(shots, `FAILED-${name}-${i}.png`), fullPage: true }).catch(() => undefined)));
  }
  await Promise.all(done.map((w) => w.context.close().catch(() => undefined)));
  const unexpected = done.flatMap((w) => w.errors.filter((e) => !w.allowed.some((a) => a.test(e))));
  if (unexpected.length) throw new Error(`the browser logged ${unexpected.length} unexpected error(s):\n${unexpected.join('\n')}`);
});

/** A signed-out visit asks the server who is there: GET /api/me answers 401, which the browser logs. */
export const SIGNED_OUT_ME = /401.*\[[^\]]*\/api\/me\]$/;

/**
 * Signs in as a newcomer does, through the form: opens `at` (the home page unless told), is sent to the sign-in form,
 * signs in there and lands back on `at` (or on the forced password change). For the tests about signing in; the others
 * use signIn.
 */
export async function signInWithForm(page: Page, username: string, password = 'Demo#2026', at = '/') {
  allowError(page, SIGNED_OUT_ME);
  await page.goto(at);
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname + url.search === at || url.pathname === '/password');
}

/**
 * Opens `at` (the home page unless told) signed in: the session comes from the API, so the page loads once, already
 * signed in (an account with an initial password lands on the forced change). Signing in through the form is
 * auth.e2e.ts's and shell.e2e.ts's subject (signInWithForm).
 */
export async function signIn(page: Page, username: string, password = 'Demo#2026', at = '/', app?: Authenticator) {
  await apiSignIn(page.context(), username, password, app);
  await page.goto(at);
  await page.waitForURL((url) => url.pathname + url.search === at || url.pathname === '/password');
}

export async function shot(page: Page, name: string) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // let opening dialogs and drawers finish their motion: a half-faded modal hides what the picture is for
  // a function, not a string: a string is eval'ed in the page, which the app's Content-Security-Policy refuses
  const settled = () => (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document.getAnimations().every((a) => a.playState !== 'running');
  await page.waitForFunction(settled, undefined, { timeout: 3000 }).catch(() => undefined);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/**
 * An authenticator app holding one secret. A code is good once and the server allows one 30-second step of drift, so
 * each code asked for is this step's or the next one's; it waits for the clock only when both were spent.
 */
export class Authenticator {
  private spent = 0;
  constructor(readonly secret: string) {}
  async code(): Promise<string> {
    const now = () => Math.floor(Date.now() / 30_000);
    while (this.spent > now()) await new Promise((r) => setTimeout(r, 250));
    this.spent = Math.max(now(), this.spent + 1);
    return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(this.secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: this.spent * 30_000 });
  }
}

/** Enrols a second factor for the account the context is signed in as (through the API); answers its authenticator. */
export async function apiEnrol(context: BrowserContext): Promise<Authenticator> {
  const started = await context.request.post('/api/auth/second-factor/enrolment');
  if (!started.ok()) throw new Error(`enrolment failed: ${started.status()} ${await started.text()}`);
  const app = new Authenticator(((await started.json()) as { secret: string }).secret);
  const confirmed = await context.request.post('/api/auth/second-factor/enrolment/confirm', { data: { code: await app.code() } });
  if (!confirmed.ok()) throw new Error(`enrolment failed: ${confirmed.status()} ${await confirmed.text()}`);
  return app;
}

/**
 * Signs a context in through the API (for set-up and look-ups that are not what the test is about); an account with a
 * second factor gives its authenticator's code.
 */
export async function apiSignIn(context: BrowserContext, username: string, password = 'Demo#2026', app?: Authenticator) {
  const res = await context.request.post('/api/auth/login', { data: { username, password } });
  if (!res.ok()) throw new Error(`sign-in of ${username} failed: ${res.status()} ${await res.text()}`);
  if (((await res.json()) as { secondFactor?: string }).secondFactor !== 'code') return;
  if (!app) throw new Error(`sign-in of ${username} needs its second factor's code`);
  const verified = await context.request.post('/api/auth/second-factor/verify', { data: { code: await app.code() } });
  if (!verified.ok()) throw new Error(`second factor of ${username} refused: ${verified.status()} ${await verified.text()}`);
}

/**
 * Types `query` into a searching single select (a student by 学号, say) and picks the option showing `option`, trying
 * again when the click landed while the dropdown was still opening and the select stayed empty.
 */
export async function pickSearched(page: Page, input: Locator, query: string, option: string) {
  const root = input.locator('xpath=ancestor-or-self::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  for (let attempt = 1; ; attempt++) {
    await input.fill(query);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
    const shown = await expect
      .poll(async () => (await root.innerText()).includes(option), { timeout: 1500 })
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
    if (shown || attempt === 3) return;
  }
}

/**
 * Opens an antd Select, clicks the option with exactly this label and leaves the select closed: a dropdown still open
 * (a multiple select stays open) or still fading out covers what is under it, such as a dialog's OK button.
 */
export async function choose(page: Page, select: Locator, option: string | RegExp) {
  // the select's root, whether `select` is its input (getByLabel) or the root itself (a test id)
  const root = select.locator('xpath=ancestor-or-self::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  // a click that lands while the dropdown is still moving in is lost: try again until the select shows the option
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await (typeof option === 'string' ? open.getByTitle(option, { exact: true }) : open.getByTitle(option)).first().click();
    const closed = await expect
      .poll(() => open.count(), { timeout: 1500 })
      .toBe(0)
      .then(
        () => true,
        () => false,
      );
    if (!closed) {
      await page.keyboard.press('Escape');
      await expect.poll(() => open.count()).toBe(0);
    }
    const shown = await expect
      .poll(async () => { const text = await root.innerText(); return typeof option === 'string' ? text.includes(option) : option.test(text); }, { timeout: 1500 })
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
    if (shown || attempt === 3) return;
  }
}

/** Opens an antd date picker and clicks the day, paging months as needed. */
export async function pickDate(page: Page, input: Locator, date: string) {
  await input.click();
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').last();
  await panel.waitFor();
  for (let i = 0; i < 24 && !(await panel.locator(`td[title="${date}"].ant-picker-cell-in-view`).count()); i++) {
    const shown = (await panel.locator('td.ant-picker-cell-in-view').first().getAttribute('title')) ?? date;
    await panel.locator(shown.slice(0, 7) < date.slice(0, 7) ? '.ant-picker-header-next-btn' : '.ant-picker-header-prev-btn').click();
  }
  await panel.locator(`td[title="${date}"].ant-picker-cell-in-view`).click();
  await panel.waitFor({ state: 'hidden' });
}
