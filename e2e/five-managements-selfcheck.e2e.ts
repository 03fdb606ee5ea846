/**
 * 五项管理 self-checks in the browser: demo-district opens the semester's overview, drills into 示范区实验小学 and sees
 * its open rectification (a 不符合 answer) with its deadline and the rule that set it; demo-principal (whose
 * self-check is submitted in the demo) records the fix with a text and an evidence file, and it waits for verification.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, newPage, shot, signIn } from './harness';

afterAll(() => closeBrowser());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC', 'base64');

describe('the district follows a school\'s self-check', () => {
  it('drills from the overview into SY01 and sees its open item with the deadline', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district', 'Demo#2026', '/five/selfcheck');
    const row = page.locator('tr', { hasText: '示范区实验小学' });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('已提交');
    await shot(page, 'five-selfcheck-01-overview');
    await row.getByTestId('school-link').click();
    await page.waitForURL(/\/five\/selfcheck\/school\//);
    const open = page.getByTestId('rectification').filter({ hasText: '体育课被挤占' });
    await open.waitFor();
    await expect.poll(() => open.getByTestId('rect-deadline').innerText()).toMatch(/整改期限 \d{4}-\d{2}-\d{2}.*five-managements\.selfcheck\.rectifyDays/);
    expect(await open.innerText()).toContain('待整改');
    await shot(page, 'five-selfcheck-02-school');
  });
});

describe('the school records its fix', () => {
  it('demo-principal records the fix with a text and a file', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-principal', 'Demo#2026', '/five/selfcheck/school');
    await page.getByRole('tab', { name: /整改事项/ }).click();
    const open = page.getByTestId('rectification').filter({ hasText: '体育课被挤占' });
    await open.getByTestId('rect-fix').click();
    await page.getByTestId('step-text').fill('已调整四年级课表，体育课由体育组专人巡查，不再被占用。');
    await page.getByTestId('fix-upload').locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]').setInputFiles({ name: '课表.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.ant-upload-list').getByText('课表.png').waitFor();
    await expect.poll(() => page.locator('.ant-upload-list-item-done').count()).toBeGreaterThan(0);
    await shot(page, 'five-selfcheck-03-fix');
    await page.getByTestId('step-save').click();
    await open.getByText('待复核').waitFor();
    await open.getByTestId('evidence-file').filter({ hasText: '课表.png' }).waitFor();
    await shot(page, 'five-selfcheck-04-fixed');
  });
});
