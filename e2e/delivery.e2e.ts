/**
 * What a first visit costs on the wire, cold cache: the sign-in page, and a parent's day page on a phone. Bytes are
 * what the browser received (headers and encoded bodies of every response until the network is idle); 1 kB = 1000 B.
 * Beside them, for reference, the same pages with each built file counted as its brotli file (apps/web/dist/*.br).
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSignIn, closeBrowser, newPage, PHONE } from './harness';

afterAll(() => closeBrowser());

const dist = resolve(import.meta.dirname, '../apps/web/dist');
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

interface Transfer {
  /** Bytes received: response headers and encoded bodies. */
  bytes: number;
  /** The same, with each built file's body counted as its .br file. */
  brotli: number;
}

/** The built file a response served, if any: the app's assets, and index.html for a page address. */
function builtFile(response: Response): string | undefined {
  const path = new URL(response.url()).pathname;
  const file = response.request().resourceType() === 'document' ? join(dist, 'index.html') : join(dist, path);
  return path.startsWith('/api/') || !existsSync(file) || !statSync(file).isFile() ? undefined : file;
}

/** Opens a page in a fresh context and adds up what came over the network until it was idle. */
async function transferOf(page: Page, url: string): Promise<Transfer> {
  const sizes: Promise<Transfer>[] = [];
  page.on('response', (response) => {
    sizes.push(
      response
        .request()
        .sizes()
        .then((s) => {
          const bytes = s.responseHeadersSize + s.responseBodySize;
          const file = builtFile(response);
          const br = file && existsSync(`${file}.br`) ? statSync(`${file}.br`).size : undefined;
          return { bytes, brotli: br === undefined ? bytes : s.responseHeadersSize + br };
        }),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const all = await Promise.all(sizes);
  return { bytes: all.reduce((n, s) => n + s.bytes, 0), brotli: all.reduce((n, s) => n + s.brotli, 0) };
}

describe('delivery', () => {
  it('sends the sign-in page and a parent’s day page within budget', async () => {
    const login = await newPage();
    const signIn = await transferOf(login.page, '/login');
    await login.page.getByTestId('demo-demo-parent').waitFor();
    await login.context.close();

    const parent = await newPage(PHONE);
    await apiSignIn(parent.context, 'demo-parent');
    const day = await transferOf(parent.page, '/homework/child');
    await parent.page.getByTestId('child-day-stepper').waitFor();
    await parent.context.close();

    console.log(`transfer: sign-in ${kB(signIn.bytes)}, parent day page ${kB(day.bytes)}`);
    console.log(`as brotli files: sign-in ${kB(signIn.brotli)}, parent day page ${kB(day.brotli)}`);
    expect(signIn.bytes).toBeLessThanOrEqual(250_000);
    expect(day.bytes).toBeLessThanOrEqual(400_000);
  });
});
