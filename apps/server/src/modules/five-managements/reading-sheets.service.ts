/**
 * 读物管理's spreadsheets: the templates of the district's lists and of a school's filings, and reading them back.
 * Every row is checked; a file with any bad row is refused whole (422) with each row and column named.
 */
import {
  READING_IMPORT_ROWS_MAX,
  READING_KINDS,
  READING_NAME_MAX,
  READING_REASON_MAX,
  READING_SOURCES,
  READING_TITLE_MAX,
  READING_COPIES_MAX,
  readingKindLabels,
  type ReadingKind,
  type ReadingList,
  readingListLabels,
  type ReadingSource,
  readingSourceLabels,
  type RowError,
} from '@shuangjian/contracts';
import { bookTitle, isLocalDate, type LocalDate, parseGrades, parseIsbn, readingEntryKey } from '@shuangjian/policy';
import { AppError } from '../../platform/errors';
import { readSheet, type SheetColumn, type SheetRow } from '../../platform/excel';

const kindNames = READING_KINDS.map((k) => readingKindLabels[k]['zh-CN']).join('/');
const sourceNames = READING_SOURCES.map((s) => readingSourceLabels[s]['zh-CN']).join('/');

export const LIST_COLUMNS = {
  title: '书名',
  author: '作者',
  publisher: '出版社',
  isbn: 'ISBN',
  kind: '类别',
  grades: '适用年级',
  reason: '列入原因',
  addedOn: '列入日期',
} as const;

export const FILING_COLUMNS = {
  title: '书名',
  isbn: 'ISBN',
  publisher: '出版社',
  kind: '类别',
  grades: '年级',
  copies: '册数',
  source: '来源',
} as const;

export function listTemplateColumns(list: ReadingList): SheetColumn[] {
  const c = LIST_COLUMNS;
  return [
    { header: c.title, key: 'title', width: 30, note: `必填。书名或教辅名称，最多 ${READING_TITLE_MAX} 字；《》可写可不写` },
    { header: c.author, key: 'author', width: 16, note: '选填' },
    { header: c.publisher, key: 'publisher', width: 22, note: '选填。没有 ISBN 时按书名 + 出版社比对' },
    { header: c.isbn, key: 'isbn', width: 20, note: '选填。10 位或 13 位，可带连字符，如 978-7-5327-4236-3' },
    { header: c.kind, key: 'kind', width: 12, note: `必填。${kindNames}` },
    { header: c.grades, key: 'grades', width: 12, note: '选填。如 1-6、7-9、3；空为 1-9 年级' },
    { header: c.reason, key: 'reason', width: 36, note: list === 'negative' ? '必填。列入负面清单的原因' : '选填。推荐理由' },
    { header: c.addedOn, key: 'addedOn', width: 14, note: '选填。如 2026-09-01；空为导入当天' },
  ];
}

export function listTemplateInstructions(list: ReadingList): string[] {
  const name = readingListLabels[list]['zh-CN'];
  return [
    `每行一本书或一种材料，导入到区${name}。第一行是列名，请勿修改。`,
    `必填：书名、类别（${kindNames}）${list === 'negative' ? '、列入原因' : ''}。`,
    '同一本书（ISBN 相同；无 ISBN 时书名与出版社相同）再次导入时更新原条目，不会重复。',
    '一本书不能同时在推荐书目和负面清单中；要移到另一份清单，请先从原清单删除。',
    `任何一行有错误时整份文件不导入，并列出每个错误的行号和列名。一次最多 ${READING_IMPORT_ROWS_MAX} 行。`,
    list === 'negative'
      ? '示例：必刷题大全（三年级上）, , 某某文化传播有限公司, , 教辅材料, 3, 未经审定的教辅，题海训练, 2026-09-01'
      : '示例：小王子, 圣埃克苏佩里, 上海译文出版社, 978-7-5327-4236-3, 课外读物, 3-6, , 2026-09-01',
  ];
}

export function filingTemplateColumns(): SheetColumn[] {
  const c = FILING_COLUMNS;
  return [
    { header: c.title, key: 'title', width: 30, note: `必填。书名或教辅名称，最多 ${READING_TITLE_MAX} 字` },
    { header: c.isbn, key: 'isbn', width: 20, note: '选填但建议填写。10 位或 13 位，可带连字符' },
    { header: c.publisher, key: 'publisher', width: 22, note: '选填。没有 ISBN 时按书名 + 出版社比对' },
    { header: c.kind, key: 'kind', width: 12, note: `必填。${kindNames}` },
    { header: c.grades, key: 'grades', width: 12, note: '必填。使用的年级，如 3、3-5、3,4' },
    { header: c.copies, key: 'copies', width: 8, note: '必填。正整数' },
    { header: c.source, key: 'source', width: 12, note: `必填。${sourceNames}` },
  ];
}

export const FILING_TEMPLATE_INSTRUCTIONS: readonly string[] = [
  '每行一种本学期进校园的读物或教辅材料。第一行是列名，请勿修改。',
  `必填：书名、类别（${kindNames}）、年级、册数、来源（${sourceNames}）。`,
  '导入后每一行都会与区推荐书目和负面清单比对：在负面清单中的记为“命中负面清单”并进入本校自查；未列入推荐书目的教辅材料提示学校审核（规范教辅使用）。',
  '同一学期同一本书、同一来源只登记一次：再次导入时已登记的行会跳过。',
  `任何一行有错误时整份文件不导入，并列出每个错误的行号和列名。一次最多 ${READING_IMPORT_ROWS_MAX} 行。`,
  '示例：小王子, 978-7-5327-4236-3, 上海译文出版社, 课外读物, 3-6, 45, 图书室',
];

/** A label or a code of an enum ('教辅材料', '教辅', 'supplementary'). */
function pick<T extends string>(text: string, values: readonly T[], labels: Record<T, { 'zh-CN': string; en: string }>, aliases: Record<string, T> = {}): T | null {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  return values.find((v) => v === t || labels[v]['zh-CN'] === t || labels[v].en.toLowerCase() === t.toLowerCase()) ?? aliases[t] ?? null;
}
const KIND_ALIASES: Record<string, ReadingKind> = { 教辅: 'supplementary', 课外书: 'extracurricular', 读物: 'extracurricular', 杂志: 'periodical', 报刊: 'periodical' };
const SOURCE_ALIASES: Record<string, ReadingSource> = { 订购: 'subscription', 采购: 'subscription', 图书馆: 'library', 图书角: 'class_corner' };

function cellDate(text: string): LocalDate | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isLocalDate(d) ? (d as LocalDate) : null;
}

/** The 422 of a file with bad rows: nothing written. */
export function importInvalid(rows: number, errors: RowError[]): AppError {
  const first = errors[0]!;
  return new AppError(422, 'IMPORT_INVALID', `文件有 ${errors.length} 处错误，未导入任何一行：第 ${first.row} 行「${first.column}」${first.message}`, {
    rows,
    errors: errors.slice(0, 500),
  });
}

interface RowCheck {
  errors: RowError[];
  /** Text of a column, and a recorder of its error. */
  at(row: SheetRow): { v: (header: string) => string; bad: (header: string, message: string) => void };
}
function rowCheck(): RowCheck {
  const errors: RowError[] = [];
  return {
    errors,
    at: (row) => ({
      v: (h) => (row.values[h] ?? '').trim(),
      bad: (column, message) => errors.push({ row: row.rowNumber, column, message }),
    }),
  };
}

async function sheetRows(buffer: Buffer, required: readonly string[]): Promise<SheetRow[]> {
  const rows = await readSheet(buffer, required, READING_IMPORT_ROWS_MAX);
  if (!rows.length) throw new AppError(400, 'VALIDATION', '文件（file）：没有数据行');
  return rows;
}

function isbnCell(text: string, bad: (m: string) => void): string | null {
  if (!text) return null;
  const r = parseIsbn(text);
  if (r.ok) return r.isbn13;
  bad(r.problem === 'checksum' ? `「${text}」校验位不对，请核对` : `「${text}」不是 ISBN（应为 10 位或 13 位）`);
  return null;
}

export interface ParsedEntry {
  row: number;
  key: string;
  title: string;
  author: string | null;
  publisher: string | null;
  isbn: string | null;
  kind: ReadingKind;
  gradeFrom: number;
  gradeTo: number;
  reason: string | null;
  addedOn: LocalDate;
}

/** A list's file; `otherList(key)` names the other list when the book is already on it (a row error). */
export async function readListFile(buffer: Buffer, list: ReadingList, today: LocalDate, otherList: (key: string) => boolean): Promise<ParsedEntry[]> {
  const c = LIST_COLUMNS;
  const rows = await sheetRows(buffer, [c.title, c.kind]);
  const check = rowCheck();
  const seen = new Map<string, number>();
  const out: ParsedEntry[] = [];
  for (const r of rows) {
    const { v, bad } = check.at(r);
    const title = bookTitle(v(c.title));
    if (!title) bad(c.title, '书名不能为空');
    else if (title.length > READING_TITLE_MAX) bad(c.title, `书名过长（最多 ${READING_TITLE_MAX} 字）`);
    for (const h of [c.author, c.publisher]) if (v(h).length > READING_NAME_MAX) bad(h, `过长（最多 ${READING_NAME_MAX} 字）`);
    const isbn = isbnCell(v(c.isbn), (m) => bad(c.isbn, m));
    const kind = pick(v(c.kind), READING_KINDS, readingKindLabels, KIND_ALIASES);
    if (!kind) bad(c.kind, v(c.kind) ? `「${v(c.kind)}」不是类别，应为 ${kindNames}` : `类别不能为空（${kindNames}）`);
    const grades = v(c.grades) ? parseGrades(v(c.grades)) : [1, 9];
    if (!grades) bad(c.grades, `「${v(c.grades)}」不是年级，应如 1-6、7-9、3`);
    const reason = v(c.reason);
    if (list === 'negative' && !reason) bad(c.reason, '列入负面清单须写明原因');
    if (reason.length > READING_REASON_MAX) bad(c.reason, `原因过长（最多 ${READING_REASON_MAX} 字）`);
    const addedOn = v(c.addedOn) ? cellDate(v(c.addedOn)) : today;
    if (!addedOn) bad(c.addedOn, `「${v(c.addedOn)}」不是日期，应如 2026-09-01`);
    if (!title || title.length > READING_TITLE_MAX || !kind || !grades || !addedOn || (v(c.isbn) && !isbn)) continue;
    const publisher = v(c.publisher) || null;
    const key = readingEntryKey({ title, publisher, isbn });
    if (seen.has(key)) {
      bad(isbn ? c.isbn : c.title, `与第 ${seen.get(key)} 行是同一本书`);
      continue;
    }
    seen.set(key, r.rowNumber);
    if (otherList(key)) {
      bad(isbn ? c.isbn : c.title, `已在${readingListLabels[list === 'negative' ? 'recommended' : 'negative']['zh-CN']}中，请先从那份清单删除`);
      continue;
    }
    if (list === 'negative' && !reason) continue;
    out.push({ row: r.rowNumber, key, title, author: v(c.author) || null, publisher, isbn, kind, gradeFrom: grades[0]!, gradeTo: grades[grades.length - 1]!, reason: reason || null, addedOn });
  }
  if (check.errors.length) throw importInvalid(rows.length, check.errors);
  return out;
}

export interface ParsedFiling {
  row: number;
  key: string;
  title: string;
  isbn: string | null;
  publisher: string | null;
  kind: ReadingKind;
  grades: number[];
  copies: number;
  source: ReadingSource;
}

/** A school's filings file; grades must be ones the school teaches. */
export async function readFilingFile(buffer: Buffer, schoolGrades: readonly number[]): Promise<ParsedFiling[]> {
  const c = FILING_COLUMNS;
  const rows = await sheetRows(buffer, [c.title, c.kind, c.grades, c.copies, c.source]);
  const check = rowCheck();
  const seen = new Map<string, number>();
  const out: ParsedFiling[] = [];
  for (const r of rows) {
    const { v, bad } = check.at(r);
    const title = bookTitle(v(c.title));
    if (!title) bad(c.title, '书名不能为空');
    else if (title.length > READING_TITLE_MAX) bad(c.title, `书名过长（最多 ${READING_TITLE_MAX} 字）`);
    if (v(c.publisher).length > READING_NAME_MAX) bad(c.publisher, `过长（最多 ${READING_NAME_MAX} 字）`);
    const isbn = isbnCell(v(c.isbn), (m) => bad(c.isbn, m));
    const kind = pick(v(c.kind), READING_KINDS, readingKindLabels, KIND_ALIASES);
    if (!kind) bad(c.kind, v(c.kind) ? `「${v(c.kind)}」不是类别，应为 ${kindNames}` : `类别不能为空（${kindNames}）`);
    const grades = parseGrades(v(c.grades));
    const outside = grades?.filter((g) => !schoolGrades.includes(g)) ?? [];
    if (!grades) bad(c.grades, v(c.grades) ? `「${v(c.grades)}」不是年级，应如 3、3-5、3,4` : '年级不能为空');
    else if (outside.length) bad(c.grades, `本校没有 ${outside.join('、')} 年级`);
    const copiesText = v(c.copies).replace(/[,，\s]/g, '');
    const copies = /^\d+$/.test(copiesText) ? Number(copiesText) : NaN;
    if (!(copies >= 1 && copies <= READING_COPIES_MAX)) bad(c.copies, v(c.copies) ? `「${v(c.copies)}」应为 1 到 ${READING_COPIES_MAX} 的整数` : '册数不能为空');
    const source = pick(v(c.source), READING_SOURCES, readingSourceLabels, SOURCE_ALIASES);
    if (!source) bad(c.source, v(c.source) ? `「${v(c.source)}」不是来源，应为 ${sourceNames}` : `来源不能为空（${sourceNames}）`);
    if (!title || title.length > READING_TITLE_MAX || !kind || !grades || outside.length || !(copies >= 1 && copies <= READING_COPIES_MAX) || !source || (v(c.isbn) && !isbn)) continue;
    const publisher = v(c.publisher) || null;
    const key = readingEntryKey({ title, publisher, isbn });
    const dup = `${key}\n${source}`;
    if (seen.has(dup)) {
      bad(isbn ? c.isbn : c.title, `与第 ${seen.get(dup)} 行是同一本书、同一来源`);
      continue;
    }
    seen.set(dup, r.rowNumber);
    out.push({ row: r.rowNumber, key, title, isbn, publisher, kind, grades, copies, source });
  }
  if (check.errors.length) throw importInvalid(rows.length, check.errors);
  return out;
}
