/** Spreadsheets in and out (exceljs): schools live on .xlsx files, so every roster has a template, an import and an export. */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { sendDownload } from './download';
import { AppError } from './errors';

export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
  /** Shown as the header cell's comment: what to type here. */
  note?: string;
}

export interface SheetSpec {
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly Record<string, string | number | null | undefined>[];
  /** Lines for a second sheet named 填写说明 (or `instructionsName`). */
  instructions?: readonly string[];
  instructionsName?: string;
}

export async function buildWorkbook(spec: SheetSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
  spec.columns.forEach((c, i) => {
    if (c.note) ws.getCell(1, i + 1).note = c.note;
    ws.getColumn(i + 1).numFmt = '@'; // text: keeps 学号 and phone numbers from turning into numbers
  });
  for (const row of spec.rows) ws.addRow(row);
  if (spec.instructions?.length) {
    const help = wb.addWorksheet(spec.instructionsName ?? '填写说明');
    help.getColumn(1).width = 100;
    spec.instructions.forEach((line) => help.addRow([line]));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetRow {
  /** The row number a person sees in the spreadsheet program. */
  rowNumber: number;
  values: Record<string, string>;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/**
 * Reads the first sheet: row 1 holds the headers; every header in `required` must be there (order free). Blank rows
 * are skipped. Values come back as trimmed text keyed by header.
 */
export async function readSheet(buffer: Buffer, required: readonly string[], maxRows = 20_000): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(400, 'VALIDATION', '文件（file）：不是有效的 .xlsx 文件，请用模板填写后另存为 Excel 工作簿');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError(400, 'VALIDATION', '文件（file）：没有工作表');
  const headers = new Map<number, string>();
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cellText(cell.value).trim();
    if (text) headers.set(col, text);
  });
  const missing = required.filter((h) => ![...headers.values()].includes(h));
  if (missing.length)
    throw new AppError(400, 'VALIDATION', `文件（file）：缺少列「${missing.join('」「')}」，请使用下载的模板`, { missing });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    let any = false;
    for (const [col, header] of headers) {
      const text = cellText(row.getCell(col).value).trim();
      values[header] = text;
      if (text) any = true;
    }
    if (any) rows.push({ rowNumber, values });
  });
  if (rows.length > maxRows) throw new AppError(400, 'VALIDATION', `文件（file）：一次最多导入 ${maxRows} 行`);
  return rows;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sendXlsx(reply: FastifyReply, file: { buffer: Buffer; fileName: string }) {
  return sendDownload(reply, { data: file.buffer, fileName: file.fileName, mime: XLSX_TYPE });
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV file's text: UTF-8 (a BOM dropped), or GBK when it is not valid UTF-8. */
function csvText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(buffer);
  }
}

/** A CSV file (a bank's export, say) as rows like readSheet's: row 1 holds the headers, blank rows are skipped. */
export function readCsv(buffer: Buffer): SheetRow[] {
  const [header, ...body] = parseCsv(csvText(buffer));
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return body
    .map((cells, i) => ({ rowNumber: i + 2, values: Object.fromEntries(names.map((h, j) => [h, (cells[j] ?? '').trim()])) }))
    .filter((r) => Object.values(r.values).some((v) => v !== ''));
}
