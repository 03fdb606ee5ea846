/**
 * A report's workbook, rendered from its snapshot: 总览 (the district's — for a school report the school's beside its
 * zone's and the district's — figures), 分学校 (every school's rates coloured against the district), one sheet per
 * module with numerators and denominators, and 考核结果 when assessments closed in the period.
 */
import { figureTone, type FigureTone, metricGroups, REPORT_MODULE_LABELS, type ReportFigures, type ReportSnapshot } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';

type Cell = string | number | null;
type Metric = ReportSnapshot['metrics'][number];

const NO_DATA = '暂无数据';
const HEADER_FILL = 'FFE6F4FF';
const TONE_FILL: Record<FigureTone, string | null> = { good: 'FFD9F7BE', watch: 'FFFFF1B8', poor: 'FFFFCCC7', none: null };
export const TONE_LABEL: Record<FigureTone, string> = { good: '不低于全区', watch: '略低于全区', poor: '明显低于全区', none: '—' };
const LIST_LABEL = { red: '红榜', yellow: '黄牌', black: '黑榜' } as const;
const STATUS_LABEL: Record<string, string> = { closed: '已关账', published: '已公布' };
const thin = { style: 'thin' as const, color: { argb: 'FFD9D9D9' } };

export const kindLabel = (s: ReportSnapshot) => (s.kind === 'month' ? '督导月报' : '督导学期报告');
export const scopeName = (s: ReportSnapshot) => s.school?.name ?? s.districtName;

/** A sheet with a title row, a bold header row (frozen with the title) and its rows; `percent` columns as 0.0%. */
function sheet(wb: ExcelJS.Workbook, name: string, title: string, headers: { text: string; width: number; percent?: boolean }[], rows: Cell[][], freezeColumns = 0) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2, xSplit: freezeColumns }],
    // printed: A4 landscape, as wide as the page, the title and heading on every page
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  ws.columns = headers.map((h) => ({ width: h.width }));
  ws.mergeCells(1, 1, 1, Math.max(1, headers.length));
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 13 };
  ws.getRow(1).height = 24;
  const head = ws.addRow(headers.map((h) => h.text));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.height = 36;
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    c.border = { top: thin, bottom: thin, left: thin, right: thin };
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    headers.forEach((h, i) => {
      const c = row.getCell(i + 1);
      c.border = { top: thin, bottom: thin, left: thin, right: thin };
      if (h.percent && typeof r[i] === 'number') c.numFmt = '0.0%';
      if (r[i] === NO_DATA) c.font = { color: { argb: 'FF8C8C8C' } };
    });
  }
  return ws;
}

const rate = (f: ReportFigures[keyof ReportFigures] | undefined): Cell => (f && f.rate !== null ? f.rate : NO_DATA);
const figureOf = (figures: ReportFigures, m: Metric) => figures[m.key];

function overview(wb: ExcelJS.Workbook, s: ReportSnapshot, title: string) {
  const moduleName = (m: Metric) => REPORT_MODULE_LABELS[m.module]?.['zh-CN'] ?? m.module;
  if (s.scope === 'school' && s.schools[0]) {
    const own = s.schools[0].figures;
    const zone = s.zones[0]?.figures;
    sheet(
      wb,
      '总览',
      `${title} · 本校与全区对比`,
      [
        { text: '模块', width: 14 },
        { text: '指标', width: 30 },
        { text: '本校 分子', width: 11 },
        { text: '本校 分母', width: 11 },
        { text: '本校', width: 10, percent: true },
        { text: `学区（${s.school?.zoneName ?? ''}）`, width: 16, percent: true },
        { text: '全区', width: 10, percent: true },
        { text: '与全区比较', width: 14 },
      ],
      s.metrics.map((m) => {
        const f = figureOf(own, m);
        const tone = figureTone(f?.rate ?? null, figureOf(s.district, m)?.rate ?? null, m.better);
        return [moduleName(m), m.label, f?.num ?? 0, f?.den ?? 0, rate(f), rate(zone && figureOf(zone, m)), rate(figureOf(s.district, m)), TONE_LABEL[tone]];
      }),
    );
    return;
  }
  const ws = sheet(
    wb,
    '总览',
    `${title} · 全区合计（${s.schools.length} 所学校）`,
    [
      { text: '模块', width: 14 },
      { text: '指标', width: 30 },
      { text: '分子', width: 12 },
      { text: '分母', width: 12 },
      { text: '比率', width: 10, percent: true },
      { text: '方向', width: 10 },
    ],
    s.metrics.map((m) => {
      const f = figureOf(s.district, m);
      return [moduleName(m), m.label, f?.num ?? 0, f?.den ?? 0, rate(f), m.better === 'higher' ? '越高越好' : '越低越好'];
    }),
  );
  // the zones below the district's figures: rates per zone
  ws.addRow([]);
  const head = ws.addRow(['学区', '学校数', ...s.metrics.map((m) => m.label)]);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.height = 48;
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    c.border = { top: thin, bottom: thin, left: thin, right: thin };
  });
  for (const z of s.zones) {
    const row = ws.addRow([z.zoneName, z.schools, ...s.metrics.map((m) => rate(figureOf(z.figures, m)))]);
    row.eachCell((c) => (c.border = { top: thin, bottom: thin, left: thin, right: thin }));
    s.metrics.forEach((_, i) => typeof row.getCell(i + 3).value === 'number' && (row.getCell(i + 3).numFmt = '0.0%'));
  }
  for (let i = 7; i <= s.metrics.length + 2; i++) ws.getColumn(i).width = Math.max(ws.getColumn(i).width ?? 10, 14);
}

/** 分学校: each school's rates, each cell coloured by how it stands against the district. */
function bySchool(wb: ExcelJS.Workbook, s: ReportSnapshot, title: string) {
  const ws = sheet(
    wb,
    '分学校',
    `${title} · 各校指标（绿：不低于全区；黄：低于全区 10 个百分点以内；红：低于全区超过 10 个百分点）`,
    [{ text: '学区', width: 18 }, { text: '学校代码', width: 10 }, { text: '学校', width: 22 }, ...s.metrics.map((m) => ({ text: m.label, width: 14, percent: true }))],
    [
      ...s.schools.map((r) => [r.zoneName, r.code, r.name, ...s.metrics.map((m) => rate(figureOf(r.figures, m)))]),
      ['全区', '', '合计', ...s.metrics.map((m) => rate(figureOf(s.district, m)))],
    ],
    3,
  );
  s.schools.forEach((r, i) => {
    const row = ws.getRow(i + 3);
    s.metrics.forEach((m, j) => {
      const fill = TONE_FILL[figureTone(figureOf(r.figures, m)?.rate ?? null, figureOf(s.district, m)?.rate ?? null, m.better)];
      if (fill) row.getCell(j + 4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  });
  ws.getRow(s.schools.length + 3).font = { bold: true };
}

/** One sheet per module: numerators, denominators and rates of its figures, per school, zone and the district. */
function byModule(wb: ExcelJS.Workbook, s: ReportSnapshot, title: string) {
  const keys = s.metrics.map((m) => m.key);
  for (const g of metricGroups(keys)) {
    const name = REPORT_MODULE_LABELS[g.module]?.['zh-CN'] ?? g.module;
    const metrics = g.keys.map((k) => s.metrics.find((m) => m.key === k)!);
    const cells = (f: ReportFigures) => metrics.flatMap((m) => [figureOf(f, m)?.num ?? 0, figureOf(f, m)?.den ?? 0, rate(figureOf(f, m))]);
    sheet(
      wb,
      name,
      `${title} · ${name}`,
      [
        { text: '学区', width: 18 },
        { text: '学校', width: 22 },
        ...metrics.flatMap((m) => [
          { text: `${m.label} 分子`, width: 14 },
          { text: '分母', width: 9 },
          { text: '比率', width: 9, percent: true },
        ]),
      ],
      [
        ...s.schools.map((r) => [r.zoneName, r.name, ...cells(r.figures)]),
        ...s.zones.map((z) => [z.zoneName, `学区合计（${z.schools} 所）`, ...cells(z.figures)]),
        ['全区', '合计', ...cells(s.district)],
      ],
      2,
    );
  }
}

function results(wb: ExcelJS.Workbook, s: ReportSnapshot, title: string) {
  if (!s.assessments.length) return;
  sheet(
    wb,
    '考核结果',
    `${title} · 本期关账的学期考核`,
    [
      { text: '考核', width: 28 },
      { text: '关账日期', width: 12 },
      { text: '状态', width: 9 },
      { text: '名次', width: 7 },
      { text: '学区', width: 18 },
      { text: '学校', width: 22 },
      { text: '总分', width: 8 },
      { text: '榜单', width: 8 },
      { text: '表彰', width: 16 },
    ],
    s.assessments.flatMap((a) =>
      a.results.map((r) => [a.name, a.closeDate, STATUS_LABEL[a.status] ?? a.status, r.rank, r.zoneName, r.schoolName, r.total, r.list ? LIST_LABEL[r.list] : '', r.award ?? '']),
    ),
  );
}

export async function reportWorkbook(s: ReportSnapshot): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  wb.created = new Date(s.generatedAt);
  const title = `${scopeName(s)} ${kindLabel(s)} ${s.periodLabel}（${s.periodFrom} 至 ${s.periodTo}）`;
  overview(wb, s, title);
  bySchool(wb, s, title);
  byModule(wb, s, title);
  results(wb, s, title);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
