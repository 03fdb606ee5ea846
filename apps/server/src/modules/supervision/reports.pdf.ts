/**
 * A report's printable summary (A4 landscape), rendered on the server from its snapshot with pdfkit: title and period,
 * the district's totals (a school's report: the school beside its zone and the district), a table of the schools'
 * key rates coloured against the district, the assessments closed in the period, the time it was made, page numbers.
 * Chinese text needs a CJK font: Noto Sans SC from the npm dependency, else a system font; none found is a 503.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { figureTone, type FigureTone, type MetricKey, type ReportFigures, type ReportSnapshot } from '@shuangjian/contracts';
import PDFDocument from 'pdfkit';
import { AppError } from '../../platform/errors';
import { kindLabel, scopeName, TONE_LABEL } from './reports.excel';

export interface CjkFont {
  regular: string;
  bold: string;
  /** The faces inside a TrueType collection (.ttc), by PostScript name. */
  family?: string;
  boldFamily?: string;
}

function packagedFont(): CjkFont | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    return { regular: join(dir, '400Regular/NotoSansSC_400Regular.ttf'), bold: join(dir, '700Bold/NotoSansSC_700Bold.ttf') };
  } catch {
    return null;
  }
}

const SYSTEM_FONTS: CjkFont[] = [
  { regular: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', bold: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { regular: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', bold: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'NotoSansCJKsc-Regular', boldFamily: 'NotoSansCJKsc-Bold' },
  { regular: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', bold: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
];

/** The fonts tried in order: the packaged Noto Sans SC, then the system's CJK fonts. */
export function cjkFontCandidates(): CjkFont[] {
  const packaged = packagedFont();
  return packaged ? [packaged, ...SYSTEM_FONTS] : SYSTEM_FONTS;
}

const NO_FONT = () => new AppError(503, 'INTERNAL', 'PDF 暂不可用：服务器上没有可用的中文字体（npm 依赖 @expo-google-fonts/noto-sans-sc 或系统字体 wqy-microhei），请先下载 Excel 版本');

let found: CjkFont | undefined;
/** A printer on the first candidate font that is there and opens (a broken file is passed over); none: 503. */
function printer(candidates?: readonly CjkFont[]): Printer {
  const list = candidates ?? (found ? [found] : cjkFontCandidates());
  for (const font of list) {
    if (!existsSync(font.regular) || !existsSync(font.bold)) continue;
    try {
      const p = new Printer(font);
      if (!candidates) found = font;
      return p;
    } catch {
      // not a font pdfkit reads: the next candidate
    }
  }
  throw NO_FONT();
}

/** Column headings short enough for a printed table. */
const SHORT: Partial<Record<MetricKey, string>> = {
  'homework.withinLimit': '作业时长达标',
  'homework.overloadedDays': '作业超时班级日',
  'afterSchool.students': '课后服务学生',
  'afterSchool.teachers': '课后服务教师',
  'homeSchool.visitCoverage': '家访覆盖',
  'homeSchool.specialVisited': '特殊学生家访',
  'five.sleepMeets': '睡眠达标',
  'five.selfcheckRectified': '自查整改',
  'timetable.compliant': '课表合规',
  'exams.filingsAccepted': '考试备案通过',
};
const TONE_FILL: Record<FigureTone, string | null> = { good: '#d9f7be', watch: '#fff1b8', poor: '#ffccc7', none: null };
const LIST_LABEL = { red: '红榜', yellow: '黄牌', black: '黑榜' } as const;
const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}
type Row = { cells: string[]; fills?: (string | null)[]; bold?: boolean };

const M = 36;
const ROW_H = 18;

class Printer {
  readonly doc: PDFKit.PDFDocument;
  constructor(font: CjkFont) {
    this.doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: { top: M, bottom: M + 14, left: M, right: M }, bufferPages: true, info: { Title: '督导报告', Creator: '双减平台' } });
    this.doc.registerFont('cjk', font.regular, font.family);
    this.doc.registerFont('cjk-bold', font.bold, font.boldFamily ?? font.family);
    // both faces are opened now, so a font that cannot be read is found before anything is drawn
    this.doc.font('cjk-bold').font('cjk');
  }
  get width() {
    return this.doc.page.width - 2 * M;
  }
  private fits(h: number) {
    return this.doc.y + h <= this.doc.page.height - this.doc.page.margins.bottom;
  }
  ensure(h: number) {
    if (!this.fits(h)) this.doc.addPage();
  }
  heading(text: string, size = 13) {
    this.ensure(size + ROW_H * 3);
    this.doc.moveDown(0.6).font('cjk-bold').fontSize(size).fillColor('#1f1f1f').text(text, M, this.doc.y).moveDown(0.3).font('cjk');
  }
  note(text: string) {
    this.doc.font('cjk').fontSize(9).fillColor('#595959').text(text, M, this.doc.y, { width: this.width }).fillColor('#000');
  }
  /** Text cut to the cell's width with an ellipsis. */
  private fit(text: string, width: number) {
    if (this.doc.widthOfString(text) <= width) return text;
    let t = text;
    while (t.length > 1 && this.doc.widthOfString(`${t}…`) > width) t = t.slice(0, -1);
    return `${t}…`;
  }
  private row(columns: readonly Column[], row: Row, header: boolean) {
    const { doc } = this;
    // a heading row grows to its longest wrapped title
    if (header) doc.font('cjk-bold').fontSize(8);
    const h = header ? Math.max(ROW_H, ...columns.map((c, i) => doc.heightOfString(row.cells[i] ?? '', { width: c.width - 6 }) + 8)) : ROW_H;
    let x = M;
    const y = doc.y;
    columns.forEach((c, i) => {
      const fill = header ? '#e6f4ff' : (row.fills?.[i] ?? null);
      if (fill) doc.rect(x, y, c.width, h).fill(fill);
      doc.rect(x, y, c.width, h).lineWidth(0.5).strokeColor('#d9d9d9').stroke();
      doc.fillColor('#000').font(header || row.bold ? 'cjk-bold' : 'cjk').fontSize(header ? 8 : 8.5);
      const text = row.cells[i] ?? '';
      if (header) doc.text(text, x + 3, y + 4, { width: c.width - 6, height: h - 6, align: 'center' });
      else doc.text(this.fit(text, c.width - 6), x + 3, y + 5, { width: c.width - 6, align: c.align ?? 'left', lineBreak: false });
      x += c.width;
    });
    doc.x = M;
    doc.y = y + h;
  }
  /** A table whose header row repeats on every page it runs over. */
  table(columns: readonly Column[], rows: readonly Row[]) {
    this.ensure(ROW_H * 4);
    const header: Row = { cells: columns.map((c) => c.title) };
    this.row(columns, header, true);
    for (const r of rows) {
      if (!this.fits(ROW_H)) {
        this.doc.addPage();
        this.row(columns, header, true);
      }
      this.row(columns, r, false);
    }
    this.doc.moveDown(0.5);
  }
}

const toneFill = (own: number | null | undefined, district: number | null | undefined, better: 'higher' | 'lower') => TONE_FILL[figureTone(own ?? null, district ?? null, better)];

function districtTotals(p: Printer, s: ReportSnapshot) {
  p.heading(`全区合计（${s.schools.length} 所学校）`);
  p.table(
    [
      { title: '指标', width: 260 },
      { title: '分子', width: 90, align: 'right' },
      { title: '分母', width: 90, align: 'right' },
      { title: '比率', width: 80, align: 'right' },
      { title: '方向', width: 80, align: 'center' },
    ],
    s.metrics.map((m) => {
      const f = s.district[m.key];
      return { cells: [m.label, String(f?.num ?? 0), String(f?.den ?? 0), pct(f?.rate), m.better === 'higher' ? '越高越好' : '越低越好'] };
    }),
  );
}

function schoolAgainstDistrict(p: Printer, s: ReportSnapshot) {
  const own = s.schools[0]!.figures;
  const zone: ReportFigures | undefined = s.zones[0]?.figures;
  p.heading('本校与学区、全区对比');
  p.table(
    [
      { title: '指标', width: 250 },
      { title: '本校（分子/分母）', width: 120, align: 'right' },
      { title: '本校', width: 70, align: 'right' },
      { title: `学区（${s.school?.zoneName ?? ''}）`, width: 110, align: 'right' },
      { title: '全区', width: 70, align: 'right' },
      { title: '与全区比较', width: 100, align: 'center' },
    ],
    s.metrics.map((m) => {
      const f = own[m.key];
      const tone = figureTone(f?.rate ?? null, s.district[m.key]?.rate ?? null, m.better);
      return {
        cells: [m.label, `${f?.num ?? 0} / ${f?.den ?? 0}`, pct(f?.rate), pct(zone?.[m.key]?.rate), pct(s.district[m.key]?.rate), TONE_LABEL[tone]],
        fills: [null, null, TONE_FILL[tone], null, null, TONE_FILL[tone]],
      };
    }),
  );
}

function schoolsTable(p: Printer, s: ReportSnapshot) {
  p.heading('各校主要指标');
  p.note('绿：不低于全区；黄：低于全区 10 个百分点以内；红：低于全区超过 10 个百分点；—：无数据。');
  p.doc.moveDown(0.3);
  const fixed = 200;
  const w = Math.floor((p.width - fixed) / s.metrics.length);
  p.table(
    [{ title: '学校', width: 120 }, { title: '学区', width: 80 }, ...s.metrics.map((m) => ({ title: SHORT[m.key] ?? m.label, width: w, align: 'right' as const }))],
    [
      ...s.schools.map((r) => ({
        cells: [r.name, r.zoneName, ...s.metrics.map((m) => pct(r.figures[m.key]?.rate))],
        fills: [null, null, ...s.metrics.map((m) => toneFill(r.figures[m.key]?.rate, s.district[m.key]?.rate, m.better))],
      })),
      { cells: ['全区', '', ...s.metrics.map((m) => pct(s.district[m.key]?.rate))], bold: true },
    ],
  );
}

function assessments(p: Printer, s: ReportSnapshot) {
  if (!s.assessments.length) return;
  p.heading('本期关账的学期考核');
  for (const a of s.assessments) {
    p.ensure(ROW_H * 4);
    p.doc.font('cjk-bold').fontSize(10).text(`${a.name}（关账日期 ${a.closeDate}，${a.status === 'published' ? '已公布' : '已关账'}）`, M, p.doc.y).moveDown(0.2);
    p.table(
      [
        { title: '名次', width: 50, align: 'center' },
        { title: '学校', width: 200 },
        { title: '学区', width: 150 },
        { title: '总分', width: 70, align: 'right' },
        { title: '榜单', width: 70, align: 'center' },
        { title: '表彰', width: 160 },
      ],
      a.results.map((r) => ({
        cells: [String(r.rank), r.schoolName, r.zoneName, r.total.toFixed(1), r.list ? LIST_LABEL[r.list] : '', r.award ?? ''],
        fills: [null, null, null, null, r.list === 'red' ? '#ffccc7' : r.list === 'yellow' ? '#fff1b8' : r.list === 'black' ? '#d9d9d9' : null, null],
      })),
    );
  }
}

function generatedAt(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/** The PDF of a report's snapshot; `fonts` replaces the font search (tests). */
export async function reportPdf(s: ReportSnapshot, options: { timeZone?: string; fonts?: readonly CjkFont[] } = {}): Promise<Buffer> {
  const p = printer(options.fonts);
  const { doc } = p;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const made = generatedAt(s.generatedAt, options.timeZone ?? 'Asia/Shanghai');
  doc.font('cjk-bold').fontSize(20).text(`${scopeName(s)} ${kindLabel(s)}`, { align: 'center' });
  doc.font('cjk').fontSize(12).fillColor('#434343').text(`${s.periodLabel} · 数据期间 ${s.periodFrom} 至 ${s.periodTo} · 生成于 ${made}`, { align: 'center' }).fillColor('#000');
  if (s.school) doc.fontSize(10).fillColor('#595959').text(`${s.school.zoneName} · 学校代码 ${s.school.code}`, { align: 'center' }).fillColor('#000');
  if (s.scope === 'school') schoolAgainstDistrict(p, s);
  else {
    districtTotals(p, s);
    schoolsTable(p, s);
  }
  assessments(p, s);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // the footer sits in the bottom margin: lift the margin while writing it, or pdfkit would open a new page
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - M;
    doc.font('cjk').fontSize(8).fillColor('#8c8c8c');
    doc.text(`${s.districtName} · ${kindLabel(s)} ${s.periodLabel} · 生成于 ${made}`, M, y, { lineBreak: false });
    doc.text(`第 ${i + 1 - range.start} 页 / 共 ${range.count} 页`, M, y, { width: p.width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
