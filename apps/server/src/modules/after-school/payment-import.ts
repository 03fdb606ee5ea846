/**
 * Reading a bank or payment-platform export (.xlsx, or .csv in UTF-8 or GBK as Chinese banks write it): the columns
 * are found by their usual names (交易时间, 金额, 付款人, 备注, 流水号 and their variants), every row is checked, and a
 * file with a bad row is refused whole with each row and column named. Matching a line's remark to a child.
 */
import { isLocalDate, type LocalDate, parseYuan } from '@shuangjian/policy';
import type { RowError } from '@shuangjian/contracts';
import { AppError } from '../../platform/errors';
import { readCsv, readSheet, type SheetColumn } from '../../platform/excel';

export const MAX_PAYMENT_ROWS = 5000;

/** Each field and the header names banks and payment platforms give it (the first is the template's). */
export const PAYMENT_COLUMNS = {
  paidOn: ['交易时间', '交易日期', '支付时间', '日期', '入账时间', '记账日期'],
  amount: ['金额', '交易金额', '收入金额', '贷方金额', '支付金额', '收款金额'],
  payer: ['付款人', '付款方', '对方户名', '付款人姓名', '对方名称'],
  remark: ['备注', '学生姓名或学号', '摘要', '附言', '用途', '交易备注'],
  reference: ['流水号', '交易流水号', '交易单号', '订单号', '参考号', '凭证号'],
} as const;
const REQUIRED = ['paidOn', 'amount', 'remark', 'reference'] as const;

/** The import template's columns: each field's first name, in the order banks usually give them. */
export const PAYMENT_TEMPLATE_COLUMNS: readonly SheetColumn[] = [
  { header: PAYMENT_COLUMNS.paidOn[0], key: 'paidOn', width: 20, note: '必填。如 2026-11-03 或 2026-11-03 10:22:01' },
  { header: PAYMENT_COLUMNS.amount[0], key: 'amount', width: 12, note: '必填。元，精确到分，如 200.00；只导入收入' },
  { header: PAYMENT_COLUMNS.payer[0], key: 'payer', width: 14, note: '选填。付款人姓名' },
  { header: PAYMENT_COLUMNS.remark[0], key: 'remark', width: 30, note: '必填列。写学生学号，或班级和姓名，用于自动匹配到学生' },
  { header: PAYMENT_COLUMNS.reference[0], key: 'reference', width: 24, note: '必填。银行或支付平台的流水号，同一流水号不会重复记录' },
];
export const PAYMENT_TEMPLATE_INSTRUCTIONS: readonly string[] = [
  '每行一笔家长缴费。第一行是列名，请勿修改；也可直接导入银行或支付平台导出的 .xlsx 或 .csv 流水（列名如 交易日期、交易金额、对方户名、摘要、交易流水号 也能识别）。',
  `必填：${PAYMENT_COLUMNS.paidOn[0]}、${PAYMENT_COLUMNS.amount[0]}、${PAYMENT_COLUMNS.reference[0]}，以及${PAYMENT_COLUMNS.remark[0]}列（内容可空，空的行需手工匹配）。`,
  '金额以元为单位，精确到分，须大于 0。流水号用于防止重复导入：同一份文件导入两次，已记录的行会跳过。',
  '备注中写学生学号（最可靠），或班级和姓名，如“三年级(2)班张小明”；匹配不上的行列在“未匹配的流水”中，可手工匹配到学生。',
  `任何一行有错误时整份文件不导入，并列出每个错误的行号和列名。一次最多 ${MAX_PAYMENT_ROWS} 行。`,
  '示例：2026-11-03 10:22:01, 200.00, 张伟, 20240301 张小明 课后服务费, 4200123456789',
];

export interface ParsedLine {
  row: number;
  paidOn: LocalDate;
  amountFen: number;
  payer: string | null;
  remark: string | null;
  reference: string;
}




/** '2026-11-03 10:22:01', '2026/11/3', '20261103' … → LocalDate, or null. */
export function paymentDate(text: string): LocalDate | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:[ T].*)?$/.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isLocalDate(date) ? (date as LocalDate) : null;
}

/** Reads and checks the file; throws 400 for an unreadable file or missing columns, 422 listing every bad row. */
export async function readPaymentFile(buffer: Buffer, fileName: string): Promise<ParsedLine[]> {
  const isCsv = /\.csv$/i.test(fileName) || (buffer.length > 0 && buffer[0] !== 0x50); // .xlsx is a zip: 'PK'
  const rows = isCsv ? readCsv(buffer) : await readSheet(buffer, [], MAX_PAYMENT_ROWS);
  const headers = new Set(rows.flatMap((r) => Object.keys(r.values)));
  if (!rows.length) throw new AppError(400, 'VALIDATION', '文件（file）：没有数据行');
  const column: Partial<Record<keyof typeof PAYMENT_COLUMNS, string>> = {};
  for (const [field, names] of Object.entries(PAYMENT_COLUMNS) as [keyof typeof PAYMENT_COLUMNS, readonly string[]][]) {
    const hit = names.find((n) => headers.has(n));
    if (hit) column[field] = hit;
  }
  const missing = REQUIRED.filter((f) => !column[f]).map((f) => PAYMENT_COLUMNS[f][0]);
  if (missing.length) throw new AppError(400, 'VALIDATION', `文件（file）：缺少列「${missing.join('」「')}」`, { missing });
  if (rows.length > MAX_PAYMENT_ROWS) throw new AppError(400, 'VALIDATION', `文件（file）：一次最多导入 ${MAX_PAYMENT_ROWS} 行`);

  const errors: RowError[] = [];
  const lines: ParsedLine[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const v = (f: keyof typeof PAYMENT_COLUMNS) => (column[f] ? (r.values[column[f]] ?? '').trim() : '');
    const bad = (f: keyof typeof PAYMENT_COLUMNS, message: string) => errors.push({ row: r.rowNumber, column: column[f] ?? PAYMENT_COLUMNS[f][0], message });
    const paidOn = paymentDate(v('paidOn'));
    if (!paidOn) bad('paidOn', v('paidOn') ? `「${v('paidOn')}」不是日期，应如 2026-11-03` : '交易时间不能为空');
    const amount = parseYuan(v('amount'));
    if (!amount.ok) bad('amount', amount.problem === 'empty' ? '金额不能为空' : `「${v('amount')}」不是金额（精确到分）`);
    else if (amount.value <= 0) bad('amount', '只导入收入（金额应大于 0）');
    const reference = v('reference');
    if (!reference) bad('reference', '流水号不能为空（用于防止重复导入）');
    else if (reference.length > 64) bad('reference', '流水号过长（最多 64 个字符）');
    else if (seen.has(reference)) bad('reference', `与第 ${seen.get(reference)} 行的流水号重复`);
    else seen.set(reference, r.rowNumber);
    if (v('remark').length > 200) bad('remark', '备注过长（最多 200 个字符）');
    if (v('payer').length > 60) bad('payer', '付款人过长（最多 60 个字符）');
    if (paidOn && amount.ok && amount.value > 0 && reference && reference.length <= 64)
      lines.push({ row: r.rowNumber, paidOn, amountFen: amount.value, payer: v('payer') || null, remark: v('remark') || null, reference });
  }
  if (errors.length)
    throw new AppError(422, 'IMPORT_INVALID', `文件有 ${errors.length} 处错误，未导入任何一行：第 ${errors[0]!.row} 行「${errors[0]!.column}」${errors[0]!.message}`, {
      rows: rows.length,
      errors: errors.slice(0, 500),
    });
  return lines;
}

export interface SchoolStudent {
  id: string;
  name: string;
  studentNo: string;
  className: string;
}

/**
 * The child a remark names: a student number in it, else a name in it that only one child of the school has (or
 * only one of those of that name whose class is also named). Null when none or several fit.
 */
export function matchRemark(students: readonly SchoolStudent[], remark: string | null): SchoolStudent | null {
  if (!remark) return null;
  const text = remark.normalize('NFKC').replace(/\s+/g, '');
  const byNo = students.filter((s) => s.studentNo.length >= 4 && text.includes(s.studentNo));
  if (byNo.length === 1) return byNo[0]!;
  if (byNo.length > 1) return null;
  const byName = students.filter((s) => s.name.length >= 2 && text.includes(s.name));
  if (byName.length === 1) return byName[0]!;
  if (!byName.length) return null;
  const inClass = byName.filter((s) => text.includes(s.className.normalize('NFKC').replace(/\s+/g, '')));
  return inClass.length === 1 ? inClass[0]! : null;
}
