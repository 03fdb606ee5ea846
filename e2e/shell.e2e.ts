import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, PHONE, shot, signInWithForm } from './harness';

afterAll(() => closeBrowser());

const HOMES: [string, RegExp][] = [
  ['demo-district', /区教育局管理员/],
  ['demo-inspector', /督学/],
  ['demo-principal', /学校管理员/],
  ['demo-classteacher', /班主任/],
  ['demo-teacher', /任课教师/],
  ['demo-parent', /家长/],
  ['demo-institution', /培训机构管理员/],
  ['demo-auditor', /审计管理员/],
];

describe('each demo role signs in and sees its home', () => {
  it('lists the demo accounts on the sign-in page', async () => {
    const { page, context } = await newPage();
    await page.goto('/login');
    await expect.poll(() => page.getByTestId('demo-demo-district').isVisible()).toBe(true);
    await shot(page, 'shell-01-login');
    await context.close();
  });

  it.each(HOMES)('%s', async (username, role) => {
    const { page, context } = await newPage(username === 'demo-parent' ? PHONE : undefined);
    await signInWithForm(page, username);
    await expect.poll(() => page.getByText(role).first().isVisible()).toBe(true);
    await shot(page, `shell-home-${username}`);
    await context.close();
  });
});

describe('a newcomer opening a page signed out', () => {
  it('is sent to the sign-in form and, signed in, lands on the page they opened', async () => {
    const { page, context } = await newPage(PHONE);
    await signInWithForm(page, 'demo-parent', undefined, '/homework/child');
    expect(new URL(page.url()).pathname).toBe('/homework/child');
    await page.getByTestId('child-day-stepper').waitFor();
    expect(new URL(page.url()).pathname).toBe('/homework/child');
    await shot(page, 'shell-02-landed-on-opened-page');
    await context.close();
  });
});
