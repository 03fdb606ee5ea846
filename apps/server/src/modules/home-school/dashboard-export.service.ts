/** 家校社协同看板 as a workbook: the district total, zones, schools and every class of the schools shown, one sheet each. */
import { HS_FIGURES, type IndicatorFigures } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/access';
import { hsClassRows, hsDistrictDashboard } from './dashboard.service';

const NO_DATA = '暂无数据';
type Cell = string | number;

function addSheet(wb: ExcelJS.Workbook, name: string, title: string, headers: readonly string[], rows: readonly Cell[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = headers.map((h) => ({ width: Math.max(10, Math.min(30, h.length * 2 + 2)) }));
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const header = ws.addRow([...headers]);
  header.font = { bold: true };
  header.alignment = { wrapText: true };
  for (const r of rows) {
    const row = ws.addRow(r);
    r.forEach((v, i) => {
      if (headers[i] === '比率' && typeof v === 'number') row.getCell(i + 1).numFmt = '0.0%';
    });
  }
}

const figureHeaders = HS_FIGURES.flatMap((f) => (f.kind === 'rate' ? [`${f.label['zh-CN']} 分子`, '分母', '比率'] : [f.label['zh-CN']]));
const figureCells = (figures: IndicatorFigures): Cell[] =>
  HS_FIGURES.flatMap((f) => {
    const r = figures[f.key];
    if (f.kind === 'count') return [r?.num ?? 0];
    return r && r.den > 0 ? [r.num, r.den, r.num / r.den] : [r?.num ?? 0, r?.den ?? 0, NO_DATA];
  });

export async function hsDashboardWorkbook(ctx: Ctx, query: { semesterId?: string }) {
  const d = await hsDistrictDashboard(ctx, query);
  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  const period = `${d.semester?.name ?? '—'}（本周自 ${d.weekStart}）`;
  addSheet(wb, '全区', `家校社协同 · 全区 · ${period}`, ['范围', ...figureHeaders], [['全区', ...figureCells(d.total)]]);
  addSheet(wb, '学区', `家校社协同 · 各学区 · ${period}`, ['学区', '学校数', ...figureHeaders], d.zones.map((z) => [z.zoneName, z.schools, ...figureCells(z.figures)]));
  addSheet(wb, '学校', `家校社协同 · 各校 · ${period}`, ['学区', '学校', ...figureHeaders], d.schools.map((s) => [s.zoneName, s.schoolName, ...figureCells(s.figures)]));
  const classes = await hsClassRows(ctx, d.schools.map((s) => s.schoolId), query);
  const classRows: Cell[][] = d.schools.flatMap((s) => (classes.get(s.schoolId) ?? []).map((c) => [s.schoolName, c.className, ...figureCells(c.figures)]));
  addSheet(wb, '班级', `家校社协同 · 各班 · ${period}（特殊学生仅计人数）`, ['学校', '班级', ...figureHeaders], classRows);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `家校社协同看板-${d.weekStart}.xlsx` };
}
