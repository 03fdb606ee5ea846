/**
 * Timetables in Excel, as schools keep them: one sheet per class named after the class, rows = periods (第1节…),
 * columns = 周一…周五; a cell holds the subject's name, "（实验）" after it for a lab period. The file is taken whole or
 * not at all: every problem names its sheet and cell. Also the template, filled with what is already entered.
 */
import { type TimetableCell, type TimetableImportResult } from '@shuangjian/contracts';
import { DAY_NAMES, LAB_SUBJECTS, periodsPerDay, TIMETABLE_SUBJECTS, type TimetableSubject, timetableSubjectNames } from '@shuangjian/policy';
import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TimetableImportQuery } from '@shuangjian/contracts';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { classDirectory, schoolDirectory, visibleClasses } from '../org';
import { timetableDrafts } from './schema';
import { timetableRulesAt } from './timetable.policy';
import { gridProblems, runCheck, semesterFor } from './timetable.repo';
import { storeDraft } from './timetable.service';

const HELP_SHEET = '填写说明';
const LAB_MARK = /[（(]\s*实验\s*[)）]$|\s+实验$/;

/** Names a cell may use for each plan entry: the full name and the short ones schools write. */
const ALIASES: Record<string, TimetableSubject> = {
  ...Object.fromEntries(TIMETABLE_SUBJECTS.map((s) => [timetableSubjectNames[s], s])),
  体育: 'pe',
  道法: 'morality',
  品德: 'morality',
  综合实践: 'practice',
  综合: 'practice',
  校本: 'local',
  地方: 'local',
  校本课程: 'local',
  地方课程: 'local',
  信息技术: 'it',
  信息: 'it',
  劳动教育: 'labour',
  外语: 'english',
};

export function parseSubject(text: string): { subject: TimetableSubject; lab: boolean } | null {
  const lab = LAB_MARK.test(text);
  const name = text.replace(LAB_MARK, '').replace(/\s+/g, '');
  const subject = ALIASES[name];
  return subject ? { subject, lab } : null;
}

const cellLabel = (c: Pick<TimetableCell, 'subject' | 'lab'>) => `${timetableSubjectNames[c.subject]}${c.lab ? '（实验）' : ''}`;

async function schoolOf(ctx: Ctx, schoolId: string) {
  const [school] = await ctx.db
    .select({ id: schoolDirectory.id, name: schoolDirectory.name })
    .from(schoolDirectory)
    .where(and(scoped(ctx, schoolDirectory, 'timetable.manage'), eq(schoolDirectory.id, schoolId)));
  if (!school) throw notFound('学校');
  const classes = await ctx.db
    .select({ id: classDirectory.id, name: classDirectory.name, grade: classDirectory.grade })
    .from(classDirectory)
    .where(and(scoped(ctx, classDirectory, 'timetable.manage'), eq(classDirectory.schoolId, schoolId)))
    .orderBy(asc(classDirectory.grade), asc(classDirectory.name));
  return { school, classes };
}

/** The template: a sheet per class the user may edit, filled with its draft, and the instructions. */
export async function timetableTemplate(ctx: Ctx, schoolId: string, semesterId?: string): Promise<{ buffer: Buffer; fileName: string }> {
  requirePermission(ctx, 'timetable.manage');
  const { school, classes } = await schoolOf(ctx, schoolId);
  const day = today(ctx);
  const semester = await semesterFor(ctx.db, ctx.user.districtId, semesterId, day);
  const rules = await timetableRulesAt(ctx.db, ctx.user.districtId, day);
  const drafts = await ctx.db
    .select({ classId: timetableDrafts.classId, cells: timetableDrafts.cells })
    .from(timetableDrafts)
    .where(and(scoped(ctx, timetableDrafts, 'timetable.manage'), eq(timetableDrafts.schoolId, schoolId), eq(timetableDrafts.semesterId, semester.id)));
  const draftOf = new Map(drafts.map((d) => [d.classId, d.cells]));
  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  const days = DAY_NAMES.slice(0, rules.grid.daysPerWeek);
  for (const c of classes) {
    const ws = wb.addWorksheet(c.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    ws.columns = [{ header: '节次', key: 'p', width: 8 }, ...days.map((d, i) => ({ header: d, key: `d${i + 1}`, width: 16 }))];
    ws.getRow(1).font = { bold: true };
    const cells = draftOf.get(c.id) ?? [];
    for (let p = 1; p <= periodsPerDay(rules.grid, c.grade); p++) {
      const row: Record<string, string> = { p: `第${p}节` };
      for (const cell of cells.filter((x) => x.period === p)) row[`d${cell.day}`] = cellLabel(cell);
      ws.addRow(row);
    }
  }
  const help = wb.addWorksheet(HELP_SHEET);
  help.getColumn(1).width = 110;
  [
    `${school.name} ${semester.name} 课表导入模板：每个班级一张工作表（表名即班级名称，请勿修改），行为节次，列为${days.join('、')}。`,
    '单元格填写科目名称；实验课在科目后加“（实验）”，如：科学（实验）、物理（实验）。空白表示该节无课。',
    `可填写的科目：${TIMETABLE_SUBJECTS.map((s) => timetableSubjectNames[s]).join('、')}（也可写 体育、道法、综合实践、校本、信息技术）。`,
    `可标为实验课的科目：${LAB_SUBJECTS.map((s) => timetableSubjectNames[s]).join('、')}。`,
    `导入后按课程设置方案（timetable.plan 第 ${rules.planRef.version} 版${rules.planRef.effectiveFrom ? `，${rules.planRef.effectiveFrom} 起` : '，默认值'}）核对每周各科课时；有任何错误整份文件不导入。`,
    ...rules.plan.grades.map((g) => `${g.grade} 年级（每周 ${g.weeklyTotal} 节，实验课 ${g.labPeriods} 节）：${Object.entries(g.subjects).map(([s, n]) => `${timetableSubjectNames[s as TimetableSubject]} ${n}`).join('，')}`),
  ].forEach((line) => help.addRow([line]));
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `${school.name}-课表模板.xlsx` };
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return String(v.result ?? '').trim();
    return '';
  }
  return String(v).trim();
}

type ImportError = { sheet: string; cell: string | null; message: string };

/** Reads the file; refuses it whole with every problem by sheet and cell, else stores each class's draft in one transaction. */
export async function importTimetables(
  ctx: Ctx,
  query: z.output<typeof TimetableImportQuery>,
  file: () => Promise<{ buffer: Buffer }>,
): Promise<TimetableImportResult> {
  requirePermission(ctx, 'timetable.manage');
  const { classes } = await schoolOf(ctx, query.schoolId);
  const { buffer } = await file();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'VALIDATION', '文件（file）：不是有效的 .xlsx 文件，请用模板填写后另存为 Excel 工作簿');
  }
  const day = today(ctx);
  const semester = await semesterFor(ctx.db, ctx.user.districtId, query.semesterId, day);
  const rules = await timetableRulesAt(ctx.db, ctx.user.districtId, day);
  const errors: ImportError[] = [];
  const parsed: { classId: string; className: string; grade: number; cells: TimetableCell[] }[] = [];
  const sheets = wb.worksheets.filter((ws) => ws.name !== HELP_SHEET);
  if (!sheets.length) throw new AppError(400, 'VALIDATION', '文件（file）：没有班级工作表，请使用下载的模板');
  for (const ws of sheets) {
    const cls = classes.find((c) => c.name === ws.name.trim());
    if (!cls) {
      errors.push({ sheet: ws.name, cell: null, message: `工作表「${ws.name}」不是本校可编辑的班级名称` });
      continue;
    }
    if (parsed.some((p) => p.classId === cls.id)) {
      errors.push({ sheet: ws.name, cell: null, message: `班级「${cls.name}」有两张工作表` });
      continue;
    }
    const dayCols = new Map<number, number>();
    ws.getRow(1).eachCell((c, col) => {
      const i = DAY_NAMES.indexOf(text(c.value) as (typeof DAY_NAMES)[number]);
      if (i >= 0) dayCols.set(col, i + 1);
    });
    if (!dayCols.size) {
      errors.push({ sheet: ws.name, cell: 'A1', message: '第 1 行应为表头：节次、周一…周五' });
      continue;
    }
    const cells: TimetableCell[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r === 1) return;
      const head = text(row.getCell(1).value);
      const m = /^第?\s*(\d{1,2})\s*节?$/.exec(head);
      const hasContent = [...dayCols.keys()].some((col) => text(row.getCell(col).value));
      if (!m) {
        if (hasContent) errors.push({ sheet: ws.name, cell: `A${r}`, message: `节次「${head}」应写作 第1节、第2节…` });
        return;
      }
      const period = Number(m[1]);
      for (const [col, d] of dayCols) {
        const cell = row.getCell(col);
        const value = text(cell.value);
        if (!value) continue;
        const s = parseSubject(value);
        if (!s) {
          errors.push({ sheet: ws.name, cell: cell.address, message: `「${value}」不是课程设置方案中的科目` });
          continue;
        }
        cells.push({ day: d, period, subject: s.subject, lab: s.lab, teacher: null, room: null });
      }
    });
    for (const p of gridProblems(rules, cls.grade, cells)) errors.push({ sheet: ws.name, cell: null, message: p.message });
    parsed.push({ classId: cls.id, className: cls.name, grade: cls.grade, cells });
  }
  if (errors.length) {
    throw new AppError(422, 'IMPORT_INVALID', `文件有 ${errors.length} 处错误，整份未导入：${errors.slice(0, 3).map((e) => `${e.sheet}${e.cell ? ` ${e.cell}` : ''}：${e.message}`).join('；')}`, { errors });
  }
  await ctx.db.transaction(async (tx) => {
    const refs = await visibleClasses(ctx, parsed.map((p) => p.classId), 'timetable.manage', tx);
    for (const [i, p] of parsed.entries()) await storeDraft(ctx, tx, refs[i]!, semester.id, p.cells);
  });
  return { classes: parsed.map((p) => ({ classId: p.classId, className: p.className, periods: p.cells.length, check: runCheck(rules, p.grade, p.cells) })) };
}
