/**
 * Reading the custody bank's statement (.xlsx, or .csv in UTF-8 or GBK as Chinese banks write it): columns found by
 * their usual names (交易日期, 收/支, 金额(元), 对方户名, 摘要/附言, 流水号, 余额 and variants; a signed amount or
 * separate 收入/支出 columns also do), every row checked, amounts parsed exactly (parseYuan, never a float), and a
 * file with a bad row refused whole with each row and column named.
 */
import { createHash } from 'node:crypto';
import { STATEMENT_MAX_ROWS, STATEMENT_SERIAL_MAX, STATEMENT_TEXT_MAX, type RowError, type StatementDirection } from '@shuangjian/contracts';
import { isLocalDate, type LocalDate, parseYuan } from '@shuangjian/policy';
import { AppError } from '../../platform/errors';
import { readCsv, readSheet, type SheetColumn } from '../../platform/excel';

/** Each field and the header names custody banks give it (the first is the template's). */
export const STATEMENT_COLUMNS = {
  date: ['交易日期', '交易时间', '记账日期', '入账日期', '日期'],
  direction: ['收/支', '收支', '收支方向', '借贷', '借贷标志', '交易方向'],
  amount: ['金额(元)', '金额（元）', '金额', '交易金额', '发生额'],
  income: ['收入金额', '贷方金额', '贷方发生额', '收入'],
  expense: ['支出金额', '借方金额', '借方发生额', '支出'],
  counterparty: ['对方户名', '对方名称', '对方账户名', '收/付款人'],
  remark: ['摘要/附言', '摘要', '附言', '用途', '备注', '交易附言'],
  serialNo: ['流水号', '交易流水号', '银行流水号', '凭证号', '参考号'],
  balance: ['余额(元)', '余额（元）', '余额', '账户余额'],
} as const;
type Field = keyof typeof STATEMENT_COLUMNS;

export const STATEMENT_TEMPLATE_COLUMNS: readonly SheetColumn[] = [
  { header: STATEMENT_COLUMNS.date[0], key: 'date', width: 14, note: '必填。如 2026-11-03 或 2026/11/3' },
  { header: STATEMENT_COLUMNS.direction[0], key: 'direction', width: 8, note: '必填：收 或 支（也可留空，改在金额中用负数表示支出）' },
  { header: STATEMENT_COLUMNS.amount[0], key: 'amount', width: 14, note: '必填。元，精确到分，如 1,800.00' },
  { header: STATEMENT_COLUMNS.counterparty[0], key: 'counterparty', width: 20, note: '选填。付款家长或收款方户名' },
  { header: STATEMENT_COLUMNS.remark[0], key: 'remark', width: 32, note: '必填列。须含订单编号（合同和付款附言上的编号），用于匹配账本' },
  { header: STATEMENT_COLUMNS.serialNo[0], key: 'serialNo', width: 24, note: '必填。银行流水号，同一份对账单内不可重复' },
  { header: STATEMENT_COLUMNS.balance[0], key: 'balance', width: 14, note: '选填。交易后余额；最后一行的余额作为期末余额与账本核对' },
];
export const STATEMENT_TEMPLATE_INSTRUCTIONS: readonly string[] = [
  '每行一笔托管账户的收支。第一行是列名，请勿修改；也可直接导入托管银行导出的 .xlsx 或 .csv 对账单（列名如 记账日期、借贷标志、交易金额、对方名称、摘要、交易流水号、账户余额 也能识别；借方发生额/贷方发生额两列也可）。',
  '收：家长购课款转入托管账户（摘要含订单编号）。支：退费给家长、或按课消划拨给机构自有账户（摘要含订单编号）。',
  '金额以元为单位，精确到分，须大于 0；没有“收/支”列时，金额为负数表示支出。',
  '对账期间在导入时选择，每行的交易日期须在期间之内。期末余额取最后一行的余额，没有余额列时可在导入时填写。',
  '同一份文件（内容完全相同）只能导入一次；账本变动后可对已导入的对账单“重新对账”。',
  `任何一行有错误时整份文件不导入，并列出每个错误的行号和列名。一次最多 ${STATEMENT_MAX_ROWS} 行。`,
  '示例：2026-11-03, 收, 1800.00, 张伟, 购课 TO-2611-0001, 4200123456789, 1800.00',
];

export interface StatementRow {
  row: number;
  date: LocalDate;
  direction: StatementDirection;
  amountFen: number;
  counterparty: string | null;
  remark: string | null;
  serialNo: string;
  balanceFen: number | null;
}

export interface StatementFile {
  sha256: string;
  rows: StatementRow[];
  /** 余额 of the last line (by date, then row), when the file has a balance column. */
  closingFen: number | null;
}



/** '2026-11-03 10:22:01', '2026/11/3', '20261103', '2026年11月3日' → LocalDate, or null. */
export function statementDate(text: string): LocalDate | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:[ T].*)?$/.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isLocalDate(date) ? (date as LocalDate) : null;
}

const IN_WORDS = ['收', '收入', '贷', '贷方', '入', '转入', 'C', 'CR'];
const OUT_WORDS = ['支', '支出', '借', '借方', '出', '转出', 'D', 'DR'];
/** Amount text without thousands separators or a currency sign. */
const amountText = (s: string) => s.replace(/[,，\s¥￥]/g, '');

/**
 * Reads and checks the statement; every line's date must lie in the period. Throws 400 for an unreadable file or
 * missing columns, 422 listing every bad row (row number and column).
 */
export async function readStatementFile(buffer: Buffer, fileName: string, period: { from: LocalDate; to: LocalDate }): Promise<StatementFile> {
  const isCsv = /\.csv$/i.test(fileName) || (buffer.length > 0 && buffer[0] !== 0x50); // .xlsx is a zip: 'PK'
  const rows = isCsv ? readCsv(buffer) : await readSheet(buffer, [], STATEMENT_MAX_ROWS);
  if (!rows.length) throw new AppError(400, 'VALIDATION', '文件（file）：没有数据行');
  if (rows.length > STATEMENT_MAX_ROWS) throw new AppError(400, 'VALIDATION', `文件（file）：一次最多导入 ${STATEMENT_MAX_ROWS} 行`);
  const headers = new Set(rows.flatMap((r) => Object.keys(r.values)));
  const column: Partial<Record<Field, string>> = {};
  for (const [field, names] of Object.entries(STATEMENT_COLUMNS) as [Field, readonly string[]][]) {
    const hit = names.find((n) => headers.has(n));
    if (hit) column[field] = hit;
  }
  const split = !column.amount && column.income && column.expense;
  const missing = [
    ...(['date', 'remark', 'serialNo'] as const).filter((f) => !column[f]).map((f) => STATEMENT_COLUMNS[f][0]),
    ...(column.amount || split ? [] : [STATEMENT_COLUMNS.amount[0]]),
  ];
  if (missing.length) throw new AppError(400, 'VALIDATION', `文件（file）：缺少列「${missing.join('」「')}」，请使用下载的模板`, { missing });

  const errors: RowError[] = [];
  const out: StatementRow[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const v = (f: Field) => (column[f] ? (r.values[column[f]] ?? '').trim() : '');
    const bad = (f: Field, message: string) => errors.push({ row: r.rowNumber, column: column[f] ?? STATEMENT_COLUMNS[f][0], message });
    const date = statementDate(v('date'));
    if (!date) bad('date', v('date') ? `「${v('date')}」不是日期，应如 2026-11-03` : '交易日期不能为空');
    else if (date < period.from || date > period.to) bad('date', `${date} 不在对账期间 ${period.from} 至 ${period.to} 内`);

    let direction: StatementDirection | null = null;
    let amountFen: number | null = null;
    if (split) {
      const inc = v('income') ? parseYuan(amountText(v('income'))) : null;
      const exp = v('expense') ? parseYuan(amountText(v('expense'))) : null;
      if (inc && !inc.ok) bad('income', `「${v('income')}」不是金额（精确到分）`);
      else if (exp && !exp.ok) bad('expense', `「${v('expense')}」不是金额（精确到分）`);
      else if (inc?.ok && inc.value !== 0 && exp?.ok && exp.value !== 0) bad('income', '一行只能有收入或支出之一');
      else if (inc?.ok && inc.value > 0) [direction, amountFen] = ['in', inc.value];
      else if (exp?.ok && exp.value > 0) [direction, amountFen] = ['out', exp.value];
      else bad('income', '收入金额或支出金额应大于 0');
    } else {
      const amount = parseYuan(amountText(v('amount')));
      const word = v('direction').toUpperCase();
      if (!amount.ok) bad('amount', amount.problem === 'empty' ? '金额不能为空' : `「${v('amount')}」不是金额（精确到分）`);
      else if (amount.value === 0) bad('amount', '金额应大于 0');
      else if (word && !IN_WORDS.includes(word) && !OUT_WORDS.includes(word)) bad('direction', `「${v('direction')}」应为 收 或 支`);
      else if (word && amount.value < 0) bad('amount', '已写明收/支时金额应为正数');
      else {
        direction = word ? (IN_WORDS.includes(word) ? 'in' : 'out') : amount.value > 0 ? 'in' : 'out';
        amountFen = Math.abs(amount.value);
      }
    }

    const serialNo = v('serialNo');
    if (!serialNo) bad('serialNo', '流水号不能为空');
    else if (serialNo.length > STATEMENT_SERIAL_MAX) bad('serialNo', `流水号过长（最多 ${STATEMENT_SERIAL_MAX} 个字符）`);
    else if (seen.has(serialNo)) bad('serialNo', `与第 ${seen.get(serialNo)} 行的流水号重复`);
    else seen.set(serialNo, r.rowNumber);
    if (v('remark').length > STATEMENT_TEXT_MAX) bad('remark', `摘要过长（最多 ${STATEMENT_TEXT_MAX} 个字符）`);
    if (v('counterparty').length > STATEMENT_TEXT_MAX) bad('counterparty', `对方户名过长（最多 ${STATEMENT_TEXT_MAX} 个字符）`);
    let balanceFen: number | null = null;
    if (v('balance')) {
      const b = parseYuan(amountText(v('balance')));
      if (!b.ok) bad('balance', `「${v('balance')}」不是金额（精确到分）`);
      else balanceFen = b.value;
    }
    if (date && direction && amountFen && serialNo && !errors.some((e) => e.row === r.rowNumber))
      out.push({ row: r.rowNumber, date, direction, amountFen, counterparty: v('counterparty') || null, remark: v('remark') || null, serialNo, balanceFen });
  }
  if (errors.length)
    throw new AppError(422, 'IMPORT_INVALID', `文件有 ${errors.length} 处错误，未导入任何一行：第 ${errors[0]!.row} 行「${errors[0]!.column}」${errors[0]!.message}`, {
      rows: rows.length,
      errors: errors.slice(0, 500),
    });
  const last = [...out].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row)).at(-1);
  return { sha256: createHash('sha256').update(buffer).digest('hex'), rows: out, closingFen: column.balance ? (last?.balanceFen ?? null) : null };
}
