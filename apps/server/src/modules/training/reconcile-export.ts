/** The differences of one reconciliation as a workbook: a summary sheet (figures both sides, balance) and the list. */
import { statementDirectionLabels, statementMatchLabels, transferKindLabels } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/access';
import { reconcileDetail } from './reconcile.service';

const yuan = (f: number | null) => (f === null ? '' : formatYuan(f as Fen, { locale: 'zh-CN' }));

export async function reconcileWorkbook(ctx: Ctx, id: string): Promise<{ buffer: Buffer; fileName: string }> {
  const d = await reconcileDetail(ctx, id, 'differences');
  const imp = d.import;
  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  const summary = wb.addWorksheet('对账汇总');
  summary.getColumn(1).width = 26;
  summary.getColumn(2).width = 40;
  const facts: [string, string | number][] = [
    ['机构', imp.institutionName],
    ['托管银行', imp.bank ?? ''],
    ['对账期间', `${imp.periodFrom} 至 ${imp.periodTo}`],
    ['对账单文件', imp.fileName],
    ['流水行数', imp.lines],
    ['银行收入合计', yuan(imp.bankInFen)],
    ['账本收入合计（购课入托管）', yuan(imp.ledgerInFen)],
    ['银行支出合计', yuan(imp.bankOutFen)],
    ['账本支出合计（课消划拨、退费）', yuan(imp.ledgerOutFen)],
    ['已对平', imp.matched],
    ['金额不符', imp.amountDiffers],
    ['银行有、账本无', imp.unmatchedBank],
    ['账本有、银行无', imp.missingBank],
    ['银行期末余额', imp.statementClosingFen === null ? '对账单未提供' : yuan(imp.statementClosingFen)],
    ['账本期末托管余额', yuan(imp.ledgerClosingFen)],
    ['余额差额（银行 − 账本）', imp.balanceDiffFen === null ? '' : yuan(imp.balanceDiffFen)],
    ['结论', imp.clean ? '账实相符' : '存在差异，见“差异明细”'],
    ['对账时间', imp.reconciledAt],
  ];
  for (const [k, v] of facts) summary.addRow([k, v]).getCell(1).font = { bold: true };

  const list = wb.addWorksheet('差异明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: '差异类型', key: 'type', width: 16 },
    { header: '日期', key: 'date', width: 12 },
    { header: '收/支', key: 'direction', width: 8 },
    { header: '银行金额', key: 'bank', width: 14 },
    { header: '账本金额', key: 'ledger', width: 14 },
    { header: '差额', key: 'diff', width: 12 },
    { header: '订单编号', key: 'orderCode', width: 18 },
    { header: '账本类型', key: 'kind', width: 12 },
    { header: '流水号', key: 'serialNo', width: 22 },
    { header: '行号', key: 'row', width: 6 },
    { header: '对方户名', key: 'counterparty', width: 16 },
    { header: '摘要/附言', key: 'remark', width: 30 },
    { header: '说明', key: 'note', width: 36 },
  ];
  list.getRow(1).font = { bold: true };
  for (const l of d.lines)
    list.addRow({
      type: statementMatchLabels[l.status]['zh-CN'],
      date: l.date,
      direction: statementDirectionLabels[l.direction]['zh-CN'],
      bank: yuan(l.amountFen),
      ledger: yuan(l.ledgerAmountFen),
      diff: yuan(l.diffFen),
      orderCode: l.orderCode ?? '',
      kind: l.transferKind ? transferKindLabels[l.transferKind]['zh-CN'] : '',
      serialNo: l.serialNo,
      row: l.row,
      counterparty: l.counterparty ?? '',
      remark: l.remark ?? '',
      note: l.note ?? '',
    });
  for (const g of d.gaps)
    list.addRow({
      type: statementMatchLabels.missing_bank['zh-CN'],
      date: g.date,
      direction: statementDirectionLabels[g.direction]['zh-CN'],
      ledger: yuan(g.amountFen),
      orderCode: g.orderCode ?? '',
      kind: transferKindLabels[g.kind]['zh-CN'],
      note: g.note ?? '',
    });
  if (!d.lines.length && !d.gaps.length) list.addRow({ type: '无差异' });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, fileName: `${imp.institutionName}-对账差异-${imp.periodFrom}至${imp.periodTo}.xlsx` };
}
