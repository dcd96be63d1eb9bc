import ExcelJS from 'exceljs';
import type { CellRange, SheetGrid } from '../../../core/prior/grid';
import { UserError } from '../../../shared/api';
import { inspectXlsx } from './xlsx-limits';

/**
 * Reads an .xlsx into grids of cell text for recognition. Numbers become exact decimal strings
 * ("5497.6"), formulas their cached result, rich text its plain text. Files that are not a
 * readable .xlsx are refused before anything else happens: an Excel 97–2003 .xls, a
 * password-protected workbook (both are OLE compound files), anything damaged, and anything
 * past the limits of xlsx-limits.ts (checked before exceljs sees a byte). `unreadable` names the
 * sheets the workbook lists that the file does not hold (exceljs would drop them silently).
 */
export async function readXlsxSheets(bytes: Uint8Array, fileName: string): Promise<{ grids: SheetGrid[]; unreadable: string[] }> {
  const kind = containerKind(bytes);
  if (kind === 'encrypted') throw new UserError('prior:encryptedXlsx', { fileName });
  if (kind === 'legacy') throw new UserError('prior:legacyXls', { fileName });
  if (kind !== 'zip') throw new UserError('prior:damagedXlsx', { fileName, detail: 'not a zip container' });
  const inspection = inspectXlsx(bytes, fileName, 'prior');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(bytes));
  } catch (error) {
    throw new UserError('prior:damagedXlsx', { fileName, detail: error instanceof Error ? error.message.slice(0, 200) : String(error) });
  }
  return { grids: workbook.worksheets.map(sheetGrid), unreadable: inspection.sheets.filter((sheet) => sheet.missing).map((sheet) => sheet.name) };
}

/** The grids alone (see readXlsxSheets; a caller that must know of missing sheets uses that). */
export async function readXlsxGrids(bytes: Uint8Array, fileName: string): Promise<SheetGrid[]> {
  return (await readXlsxSheets(bytes, fileName)).grids;
}

/** Excel's own limit on a cell's text; a longer one only comes from a file made to be hostile. */
export const MAX_CELL_TEXT = 32_767;

type ContainerKind = 'zip' | 'encrypted' | 'legacy' | 'unknown';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** An encrypted OOXML file is an OLE container holding an "EncryptionInfo" stream (name in UTF-16LE). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export function containerKind(bytes: Uint8Array): ContainerKind {
  const startsWith = (magic: number[]) => magic.every((byte, index) => bytes[index] === byte);
  if (startsWith(ZIP_MAGIC)) return 'zip';
  if (startsWith(OLE_MAGIC)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO) ? 'encrypted' : 'legacy';
  return 'unknown';
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // Only a merged area's top-left cell holds its value; exceljs echoes it in the others.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = cellValueText(cell.value).slice(0, MAX_CELL_TEXT);
      if (text === '') return;
      while (cells.length < columnNumber - 1) cells.push('');
      cells[columnNumber - 1] = text;
    });
    rows[rowNumber - 1] = cells;
  });
  for (let index = 0; index < rows.length; index += 1) rows[index] ??= [];
  return { name: sheet.name, rows, merges: mergedRanges(sheet) };
}

function mergedRanges(sheet: ExcelJS.Worksheet): CellRange[] {
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  return merges.flatMap((text) => {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(text);
    if (!match) return [];
    const [, left = 'A', top = '1', right = 'A', bottom = '1'] = match;
    return [{ top: Number(top) - 1, left: columnIndex(left), bottom: Number(bottom) - 1, right: columnIndex(right) }];
  });
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

export function cellValueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return typeof result === 'object' && result !== null && 'error' in result ? String(result.error) : cellValueText(result ?? null);
  }
  if ('text' in value) return String(value.text);
  return '';
}

/** A spreadsheet number as an exact decimal string, to the 分 of 万元 (6 decimals) at most. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  return value.toFixed(6).replace(/\.?0+$/, '');
}
