/** A titled sheet of the module's workbooks (overview, assessment results): a merged title row, a styled header row, rows. */
import type ExcelJS from 'exceljs';

export type Cell = string | number | null;

export interface TitledSheet {
  name: string;
  title: string;
  headers: readonly string[];
  rows: readonly Cell[][];
  /** Columns kept in view beside the frozen header rows. */
  frozenColumns?: number;
  /** A column's width bounds, from its header's length. */
  width?: { min: number; max: number };
  /** The number format of a cell (by its column's header and its value), e.g. '0.0%'. */
  format?: (header: string, value: Cell, column: number) => string | undefined;
}

export function addTitledSheet(wb: ExcelJS.Workbook, sheet: TitledSheet): ExcelJS.Worksheet {
  const { headers, width = { min: 10, max: 36 } } = sheet;
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2, ...(sheet.frozenColumns ? { xSplit: sheet.frozenColumns } : {}) }] });
  ws.columns = headers.map((h) => ({ width: Math.max(width.min, Math.min(width.max, h.length * 2 + 4)) }));
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = sheet.title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  const header = ws.addRow([...headers]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
  for (const r of sheet.rows) {
    const row = ws.addRow(r);
    if (!sheet.format) continue;
    r.forEach((v, i) => {
      const fmt = sheet.format!(headers[i] ?? '', v, i);
      if (fmt) row.getCell(i + 1).numFmt = fmt;
    });
  }
  return ws;
}
