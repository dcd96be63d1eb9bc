import ExcelJS from 'exceljs';
import type { CatalogEntry, CatalogKind } from '../../core/model';
import { parseDelimited } from '../../core/catalog/csv';
import { entriesFromGrid, type GridRow, type ImportWarning } from '../../core/catalog/grid-import';
import { UserError } from '../../shared/api';
import { inspectXlsx } from './prior/xlsx-limits';

export type { ImportWarning } from '../../core/catalog/grid-import';

/**
 * Imports a year's official code list (支出功能分类 or an economic classification) from an .xlsx
 * workbook or a CSV / tab-separated text file in UTF-8 (with or without BOM), UTF-16 or GB18030.
 * Either it returns the entries, with a warning per bad row, or it throws a UserError and the
 * workbook stays as it was: nothing is half-imported.
 */
export async function importCatalogFile(
  fileName: string,
  bytes: Uint8Array,
  kind: CatalogKind,
): Promise<{ entries: CatalogEntry[]; warnings: ImportWarning[] }> {
  if (bytes.length > MAX_BYTES) throw new UserError('catalog:tooLarge', { fileName, limitMb: MAX_BYTES / 1024 / 1024 });
  const rows = await readRows(fileName, bytes);
  const result = entriesFromGrid(rows, kind);
  if (result.nonBlankRows === 0) throw new UserError('catalog:unreadable', { fileName });
  if (result.entries.length === 0) throw new UserError('catalog:noCodes', { fileName, rows: result.nonBlankRows });
  return { entries: result.entries, warnings: result.warnings };
}

const MAX_BYTES = 20 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46];

async function readRows(fileName: string, bytes: Uint8Array): Promise<GridRow[]> {
  if (bytes.length === 0) throw new UserError('catalog:unreadable', { fileName });
  if (startsWith(bytes, ZIP)) return readXlsx(fileName, bytes);
  if (startsWith(bytes, OLE)) throw new UserError('catalog:xlsNotSupported', { fileName });
  if (startsWith(bytes, PDF) || /\.(xlsx|xlsm|xls|pdf|docx?)$/i.test(fileName)) throw new UserError('catalog:unreadable', { fileName });
  return parseDelimited(decodeText(fileName, bytes));
}

/** UTF-8 (BOM or not) and UTF-16 by their marks; anything that is not valid UTF-8 is read as GB18030. */
function decodeText(fileName: string, bytes: Uint8Array): string {
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
  }
  // NUL bytes or a run of undecodable characters: a binary file, not a list.
  if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 10) throw new UserError('catalog:unreadable', { fileName });
  return text;
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<GridRow[]> {
  // Bounded before exceljs sees it: one merge over the whole sheet would exhaust memory.
  inspectXlsx(bytes, fileName, 'catalog');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new UserError('catalog:unreadable', { fileName });
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new UserError('catalog:unreadable', { fileName });
  const rows: GridRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value).slice(0, 32_767));
    rows.push({ number, cells });
  });
  return rows;
}

/** A cell's value as the clerk sees it; numbers keep their digits (codes are often stored as numbers). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean' || value instanceof Date) return '';
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}
