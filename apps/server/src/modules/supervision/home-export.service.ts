/**
 * 督导考核 district home as a workbook: the schools this week and this semester (each figure as numerator, denominator
 * and rate), the zones and the district, and the training institutions per zone — the same figures as the page.
 */
import { type Figure, type InstitutionFigures, METRIC_KEYS, METRICS, type SpanFigures, type SupervisionHomeQuery } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/access';
import { supervisionHome } from './home.service';
import { addTitledSheet, type Cell } from './workbook';

const NO_DATA = '暂无数据';

/** The overview's sheets: the zone and school columns stay in view; rate columns as percentages. */
const sheet = (wb: ExcelJS.Workbook, name: string, title: string, headers: readonly string[], rows: Cell[][]) =>
  addTitledSheet(wb, { name, title, headers, rows, frozenColumns: 2, width: { min: 9, max: 28 }, format: (h, v) => (h.endsWith('比率') && typeof v === 'number' ? '0.0%' : undefined) });

const figureHeaders = METRIC_KEYS.flatMap((k) => [`${METRICS[k].label} 分子`, '分母', '比率']);
const figureCells = (f: Figure): Cell[] => [f.num, f.den, f.rate ?? NO_DATA];
const spanCells = (figures: SpanFigures, span: keyof SpanFigures): Cell[] => METRIC_KEYS.flatMap((k) => figureCells(figures[span][k]));
const rateOnly = (figures: SpanFigures): Cell[] => METRIC_KEYS.flatMap((k) => [figures.week[k].rate ?? NO_DATA, figures.semester[k].rate ?? NO_DATA]);
const institutionCells = (i: InstitutionFigures): Cell[] => [
  i.institutions,
  i.byStatus.active,
  i.byStatus.rectifying,
  i.byStatus.suspended,
  i.byStatus.closed,
  ...figureCells(i.custody),
  i.complaintsOpen,
  i.complaintsOverdue,
];

export async function supervisionHomeWorkbook(ctx: Ctx, query: SupervisionHomeQuery) {
  const home = await supervisionHome(ctx, query);
  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  const weekText = `本周（${home.week.from} 至 ${home.week.to}）`;
  const termText = home.semester ? `本学期（${home.semester.name}，截至 ${home.date < home.semester.endDate ? home.week.to : home.semester.endDate}）` : '本学期（无学期）';
  const schoolHead = ['学区', '学校', '学校代码', ...figureHeaders];
  const schoolRows = (span: keyof SpanFigures) => home.schools.map((s) => [s.zoneName, s.name, s.code, ...spanCells(s.figures, span)]);
  sheet(wb, '各校本周', `督导考核 · 各校 · ${weekText}`, schoolHead, schoolRows('week'));
  sheet(wb, '各校本学期', `督导考核 · 各校 · ${termText}`, schoolHead, schoolRows('semester'));
  const zoneHead = ['学区', '学校数', ...METRIC_KEYS.flatMap((k) => [`${METRICS[k].label}（本周）比率`, `（本学期）比率`])];
  sheet(wb, '学区与全区', `督导考核 · 各学区与全区 · ${weekText} / ${termText}`, zoneHead, [
    ...home.zones.map((z) => [z.zoneName, z.schools, ...rateOnly(z.figures)]),
    ['全区', home.schools.length, ...rateOnly(home.total)],
  ]);
  const trainingHead = ['学区', '机构数', '正常', '整改', '暂停', '注销', '资金监管覆盖 分子', '分母', '比率', '投诉未办结', '投诉超期'];
  sheet(wb, '校外培训机构', `督导考核 · 校外培训机构 · ${home.date}`, trainingHead, [
    ...home.zones.map((z) => [z.zoneName, ...institutionCells(z.institutions)]),
    ['全区', ...institutionCells(home.institutions)],
  ]);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `督导总览-${home.date}.xlsx` };
}
