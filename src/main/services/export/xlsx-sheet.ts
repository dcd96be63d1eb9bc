import type ExcelJS from 'exceljs';
import { cellNumber, contentWidths, displayWidth, placeHeader, tableLayout, type NumberStyle, type ReportTable } from '../../../core/report';
import type { PageSetup } from '../../../core/report/package-spec';

/** Where a table landed on its sheet (1-based rows), for readers and tests. */
export interface SheetPlacement {
  name: string;
  tableId: string;
  titleRow: number;
  headerRows: [number, number] | null;
  bodyStartRow: number;
  bodyRowCount: number;
  orientation: 'portrait' | 'landscape';
}

const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const MAX_WIDTH = 50;
const LINE_HEIGHT_PT = 13.5;

const FORMATS: Record<NumberStyle, string> = { grouped: '#,##0.00', plain: '0.00', general: 'General' };

/**
 * One evaluated table as one sheet: title (merged, bold, larger), the meta line, the merged multi-row
 * header, the body (amounts as numbers in the table's unit, codes and names as text, blank where the
 * table prints blank), the notes; column widths from the text (CJK counts double), thin borders, A4
 * page set-up fitted to one page wide with the header rows repeated on every printed page.
 */
export function writeTableSheet(book: ExcelJS.Workbook, name: string, report: ReportTable, page?: PageSetup): SheetPlacement {
  const { table, money } = report;
  // The template's page set-up, as the PDF uses it: the orientation rule and the margins (mm → inches).
  const layout = page ? tableLayout(table, { orientation: page.tableOrientation, contentWidthMm: contentWidths(page.margins) }) : tableLayout(table);
  const margin = page?.margins[layout.orientation];
  const inches = (mm: number) => Math.round((mm / 25.4) * 100) / 100;
  const columns = Math.max(1, table.columnCount);
  const sheet = book.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: layout.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: margin
        ? { left: inches(margin.left), right: inches(margin.right), top: inches(margin.top), bottom: inches(margin.bottom), header: 0.3, footer: 0.3 }
        : { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页', evenFooter: '&C第 &P 页，共 &N 页' },
  });
  // The PDF's proportions: wide text columns already narrowed to wrap, numbers and codes at full width.
  const widths = layout.columnUnits.map((units) => Math.min(MAX_WIDTH, Math.ceil(units) + 2));
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));

  let row = 1;
  const titleRow = row;
  const title = sheet.getCell(row, 1);
  title.value = table.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (columns > 1) sheet.mergeCells(row, 1, row, columns);
  sheet.getRow(row).height = 30;
  row += 1;

  if (table.meta.length > 0) {
    writeMeta(sheet, row, columns, table.meta);
    row += 1;
  }

  let headerRows: [number, number] | null = null;
  if (table.header.length > 0) {
    const first = row;
    for (const cell of placeHeader(table.header, columns)) {
      const target = sheet.getCell(first + cell.row, cell.column + 1);
      target.value = cell.text;
      if (cell.rowSpan > 1 || cell.colSpan > 1) sheet.mergeCells(first + cell.row, cell.column + 1, first + cell.row + cell.rowSpan - 1, cell.column + cell.colSpan);
    }
    const last = first + table.header.length - 1;
    for (let r = first; r <= last; r += 1) {
      for (let c = 1; c <= columns; c += 1) {
        const target = sheet.getCell(r, c);
        target.font = { name: FONT, size: 10, bold: true };
        target.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        target.border = BORDER;
        target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      }
    }
    for (const cell of placeHeader(table.header, columns)) {
      const span = widths.slice(cell.column, cell.column + cell.colSpan).reduce((sum, width) => sum + width, 0);
      const lines = Math.ceil(displayWidth(cell.text) / Math.max(1, span - 1)) / cell.rowSpan;
      const sheetRow = sheet.getRow(first + cell.row);
      sheetRow.height = Math.max(sheetRow.height ?? 0, Math.ceil(lines) * LINE_HEIGHT_PT + 4);
    }
    headerRows = [first, last];
    row = last + 1;
  }

  const bodyStartRow = row;
  /** Merged body cells (top, left, bottom, right), merged once every row is written. */
  const merges: [number, number, number, number][] = [];
  for (const [rowIndex, bodyRow] of table.rows.entries()) {
    let lines = 1;
    bodyRow.cells.slice(0, columns).forEach((cell, index) => {
      const target = sheet.getCell(row, index + 1);
      target.border = BORDER;
      target.font = { name: FONT, size: 10, bold: bodyRow.style === 'total' };
      // A covered cell keeps its border (the merged cell's outline) and nothing else.
      if (cell.covered) return;
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, columns - index));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, table.rows.length - rowIndex));
      if (colSpan > 1 || rowSpan > 1) merges.push([row, index + 1, row + rowSpan - 1, index + colSpan]);
      const width = widths.slice(index, index + colSpan).reduce((total, one) => total + one, 0) || 10;
      const number = cellNumber(cell, money);
      if (number) {
        target.value = number.value;
        target.numFmt = number.value === 0 && !/\d/.test(cell.text) ? zeroFormat(FORMATS[number.style], cell.text) : FORMATS[number.style];
        target.alignment = { horizontal: 'right', vertical: 'middle' };
      } else if (cell.text !== '') {
        target.value = cell.text;
        target.numFmt = '@';
        target.alignment = { vertical: 'middle', wrapText: true };
        // A cell merged over several rows shares its lines among them.
        lines = Math.max(lines, Math.ceil(Math.ceil(displayWidth(cell.text) / Math.max(1, width - 1)) / rowSpan));
      }
    });
    if (lines > 1) sheet.getRow(row).height = lines * LINE_HEIGHT_PT + 2;
    row += 1;
  }
  for (const [top, left, bottom, right] of merges) sheet.mergeCells(top, left, bottom, right);

  for (const note of table.notes) {
    const target = sheet.getCell(row, 1);
    target.value = note;
    target.font = { name: FONT, size: 9 };
    target.alignment = { vertical: 'top', wrapText: true };
    if (columns > 1) sheet.mergeCells(row, 1, row, columns);
    const span = widths.reduce((sum, width) => sum + width, 0);
    sheet.getRow(row).height = Math.max(1, Math.ceil(displayWidth(note) / span)) * LINE_HEIGHT_PT + 2;
    row += 1;
  }

  if (headerRows) {
    sheet.pageSetup.printTitlesRow = `${headerRows[0]}:${headerRows[1]}`;
    sheet.views = [{ state: 'frozen', ySplit: headerRows[1], xSplit: 0 }];
  }
  return { name, tableId: table.id, titleRow, headerRows, bodyStartRow, bodyRowCount: table.rows.length, orientation: layout.orientation };
}

/** 部门名称 on the left, 单位 (and anything after) on the right. */
function writeMeta(sheet: ExcelJS.Worksheet, row: number, columns: number, meta: string[]): void {
  const [first = '', ...rest] = meta;
  const split = rest.length > 0 && columns >= 2 ? Math.max(1, columns - Math.max(1, Math.floor(columns / 3))) : columns;
  const left = sheet.getCell(row, 1);
  left.value = first;
  left.font = { name: FONT, size: 10 };
  left.alignment = { horizontal: 'left', vertical: 'middle' };
  if (split > 1) sheet.mergeCells(row, 1, row, split);
  if (split < columns) {
    const right = sheet.getCell(row, split + 1);
    right.value = rest.join('　');
    right.font = { name: FONT, size: 10 };
    right.alignment = { horizontal: 'right', vertical: 'middle' };
    if (columns > split + 1) sheet.mergeCells(row, split + 1, row, columns);
  }
  sheet.getRow(row).height = 18;
}

/** A zero printed as text ("-", "0") keeps that text in the sheet while the cell stays a number. */
function zeroFormat(format: string, text: string): string {
  const base = format === 'General' ? '0.00' : format;
  return `${base};-${base};"${text.replace(/"/g, '')}"`;
}
