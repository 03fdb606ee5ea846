/**
 * The district's training dashboard and an alert case in the browser: the officer opens the dashboard from the menu at
 * `/`, reads the figures (matching the API's), drills into a zone and an institution, opens one of its alerts, gives
 * it to an inspector and closes it with an outcome.
 */
import type { TrainingAlertRow, TrainingDistrictOverview } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { choose, closeBrowser, newPage, shot, signIn } from './harness';

afterAll(() => closeBrowser());

describe('the district training dashboard', () => {
  it('drills from the district into a zone and an institution, then handles one of its alerts', async () => {
    const { page } = await newPage();
    await signIn(page, 'demo-district');
    await page.getByRole('menuitem', { name: '校外培训' }).click();
    await page.getByRole('menuitem', { name: '校外培训看板' }).click();
    await page.waitForURL(/\/training\/district/);

    const data = (await (await page.request.get('/api/training/district')).json()) as TrainingDistrictOverview;
    expect(data.total.institutions).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.getByTestId('tr-kpi-institutions').textContent()).toContain(String(data.total.institutions));
    await expect.poll(() => page.getByTestId('tr-kpi-alerts').textContent()).toContain(String(data.total.openAlerts));
    expect(data.total.openAlerts).toBeGreaterThan(0);
    await shot(page, 'training-district-01-overview');

    // the institution with an open case, its zone first
    const alerts = (await (await page.request.get('/api/training/alerts?status=open')).json()) as TrainingAlertRow[];
    const target = alerts[0]!;
    await page.getByTestId('zone-link').filter({ hasText: target.zoneName }).click();
    await page.waitForURL(/zone=/);
    await expect.poll(() => page.getByRole('cell', { name: target.institutionName, exact: true }).count()).toBe(1);
    await shot(page, 'training-district-02-zone');

    await page.getByRole('cell', { name: target.institutionName, exact: true }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('institution-figures').waitFor();
    await shot(page, 'training-district-03-institution');

    // one of its cases opens on the alerts page
    await drawer.locator(`a[href*="alert=${target.id}"]`).click();
    await page.waitForURL(/\/training\/alerts/);
    const alert = page.getByRole('dialog');
    await alert.getByTestId('alert-evidence').waitFor();
    await expect.poll(() => alert.getByTestId('alert-evidence').textContent()).toContain('规则');
    await shot(page, 'training-district-04-alert');

    await choose(page, alert.getByRole('combobox', { name: '指派给' }), /督学/);
    await alert.getByRole('button', { name: /^指\s?派$/ }).click();
    await expect.poll(() => alert.getByTestId('alert-head').textContent()).toContain('处置中');

    await alert.getByRole('textbox', { name: '添加记录' }).fill('已约谈机构负责人，要求三日内说明情况');
    await alert.getByRole('button', { name: '添加记录' }).click();
    await alert.getByText('已约谈机构负责人，要求三日内说明情况').waitFor();

    await choose(page, alert.getByRole('combobox', { name: '处置结果' }), '责令整改');
    await alert.getByRole('textbox', { name: '办结说明' }).fill('机构已补交说明，责令限期整改');
    await alert.getByRole('button', { name: /^办\s?结$/ }).click();
    await expect.poll(() => alert.getByTestId('alert-head').textContent()).toContain('已办结');
    await expect.poll(() => alert.getByTestId('alert-head').textContent()).toContain('责令整改');
    await shot(page, 'training-district-05-closed');

    const after = (await (await page.request.get(`/api/training/alerts/${target.id}`)).json()) as { status: string; outcome: string; notes: unknown[] };
    expect(after).toMatchObject({ status: 'closed', outcome: 'rectification_ordered' });
    expect(after.notes.length).toBeGreaterThanOrEqual(2);

    // the workbook: zones, institutions, open cases
    await page.goto('/training/district');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['学区汇总', '机构明细', '未结预警']);
    expect(wb.getWorksheet('机构明细')!.rowCount).toBe(data.institutions.length + 1);
  });
});
