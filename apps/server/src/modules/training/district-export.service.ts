/** 区级校外培训看板 as a workbook: zones, institutions and open cases, one sheet each, the figures of the page. */
import {
  custodyModeLabels,
  trainingAlertKindLabels,
  trainingAlertStatusLabels,
  trainingStatusLabels,
  type TrainingDistrictQuery,
  type TrainingStatus,
} from '@shuangjian/contracts';
import { formatYuan, type Fen } from '@shuangjian/policy';
import ExcelJS from 'exceljs';
import { type Ctx, readingCtx } from '../../platform/access';
import { today } from '../../platform/clock';
import { listAlerts } from './alerts.service';
import { trainingDistrictOverview } from './district.service';

const yuan = (fen: number) => formatYuan(fen as Fen, { locale: 'zh-CN', symbol: false });
const pct = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '');
const statusLabel = (s: string) => trainingStatusLabels[s as TrainingStatus]?.['zh-CN'] ?? s;
const categoryLabel = (c: string) => (c === 'subject' ? '学科类' : '非学科类');

type Cell = string | number | null;
function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly [string, number?][], rows: readonly Cell[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map(([header, width]) => ({ header, width: width ?? Math.max(10, header.length * 2 + 4) }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
  for (const r of rows) ws.addRow(r);
}

export async function trainingDistrictWorkbook(ctx: Ctx, q: TrainingDistrictQuery) {
  const overview = await trainingDistrictOverview(ctx, q);
  // read-only: the overview reads ctx.readDb itself, the open cases go there too
  const alerts = (await listAlerts(readingCtx(ctx), { zoneId: q.zoneId })).filter((a) => a.status !== 'closed');
  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  const money = ['托管余额（元）', '应退未消（元）', '已划拨（元）', '已退费（元）', '保证金（元）'] as const;
  addSheet(
    wb,
    '学区汇总',
    [['学区', 16], ['机构数'], ['有欠课机构'], ['资金已覆盖'], ['覆盖率'], ...money.map((m) => [m] as [string]), ['在读订单'], ['未结预警'], ['投诉未办结'], ['投诉超期']],
    [...overview.zones, { ...overview.total, zoneName: '全区' }].map((z) => [
      z.zoneName,
      z.institutions,
      z.owing,
      z.covered,
      pct(z.covered, z.owing),
      yuan(z.heldFen),
      yuan(z.owedFen),
      yuan(z.releasedFen),
      yuan(z.refundedFen),
      yuan(z.depositFen),
      z.ordersActive,
      z.openAlerts,
      z.complaintsOpen,
      z.complaintsOverdue,
    ]),
  );
  addSheet(
    wb,
    '机构明细',
    [['学区', 16], ['机构', 28], ['状态'], ['类别'], ['资金监管方式'], ['资金覆盖'], ...money.map((m) => [m] as [string]), ['在读订单'], ['最近课消'], ['窗口内退费申请'], ['窗口内投诉'], ['未结预警']],
    overview.institutions.map((r) => [
      r.zoneName,
      r.institutionName,
      statusLabel(r.status),
      categoryLabel(r.category),
      custodyModeLabels[r.custodyMode]['zh-CN'],
      r.covered === null ? '无欠课' : r.covered ? '已覆盖' : '不足',
      yuan(r.heldFen),
      yuan(r.owedFen),
      yuan(r.releasedFen),
      yuan(r.refundedFen),
      yuan(r.depositFen),
      r.ordersActive,
      r.lastConsumptionOn ?? '',
      r.refundsInWindow,
      r.complaintsInWindow,
      r.openAlerts,
    ]),
  );
  addSheet(
    wb,
    '未结预警',
    [['学区', 16], ['机构', 28], ['预警类型', 28], ['状态'], ['处置人'], ['发出时间', 20]],
    alerts.map((a) => [
      a.zoneName,
      a.institutionName,
      trainingAlertKindLabels[a.kind]['zh-CN'],
      trainingAlertStatusLabels[a.status]['zh-CN'],
      a.assigneeName ?? '',
      a.openedAt.slice(0, 16).replace('T', ' '),
    ]),
  );
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `校外培训监管-${today(ctx)}.xlsx` };
}
