/** 考试与评价看板 as a workbook: the district's figures, per zone and per school, one sheet each (num, den, rate). */
import { EXAMS_DASHBOARD_FIGURES, type ExamsDashboardQuery, type IndicatorFigures } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/access';
import { today } from '../../platform/clock';
import { examsDistrictDashboard } from './dashboard.service';

const NO_DATA = '暂无数据';
type Cell = string | number;
interface Column {
  header: string;
  width?: number;
  percent?: boolean;
}

function addSheet(wb: ExcelJS.Workbook, name: string, title: string, columns: readonly Column[], rows: readonly Cell[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    columns.forEach((c, i) => {
      if (c.percent && typeof r[i] === 'number') row.getCell(i + 1).numFmt = '0.0%';
    });
  }
}

const figureColumns: Column[] = EXAMS_DASHBOARD_FIGURES.flatMap((f) => [
  { header: `${f.label['zh-CN']} 分子`, width: 14 },
  { header: '分母', width: 8 },
  { header: '比率', width: 10, percent: true },
]);
const figureCells = (figures: IndicatorFigures): Cell[] =>
  EXAMS_DASHBOARD_FIGURES.flatMap((f) => {
    const r = figures[f.key];
    return r && r.den > 0 ? [r.num, r.den, r.num / r.den] : [r?.num ?? 0, r?.den ?? 0, NO_DATA];
  });

export async function examsDashboardWorkbook(ctx: Ctx, q: ExamsDashboardQuery) {
  const view = await examsDistrictDashboard(ctx, q);
  const period = view.semester?.name ?? '无学期';
  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  addSheet(
    wb,
    '全区汇总',
    `考试与评价全区汇总（${period}）`,
    [{ header: '指标', width: 22 }, { header: '分子', width: 10 }, { header: '分母', width: 10 }, { header: '比率', width: 10, percent: true }],
    EXAMS_DASHBOARD_FIGURES.map((f) => {
      const r = view.total[f.key];
      return [f.label['zh-CN'], r?.num ?? 0, r?.den ?? 0, r && r.den > 0 ? r.num / r.den : NO_DATA];
    }),
  );
  addSheet(wb, '按学区', `考试与评价按学区（${period}）`, [{ header: '学区', width: 16 }, { header: '学校数', width: 8 }, ...figureColumns], view.zones.map((z) => [z.zoneName, z.schools, ...figureCells(z.figures)]));
  addSheet(
    wb,
    '按学校',
    `考试与评价按学校（${period}）`,
    [{ header: '学区', width: 16 }, { header: '学校代码', width: 10 }, { header: '学校', width: 24 }, ...figureColumns],
    view.schools.map((s) => [s.zoneName, s.schoolCode, s.schoolName, ...figureCells(s.figures)]),
  );
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `考试与评价看板-${today(ctx)}.xlsx` };
}
