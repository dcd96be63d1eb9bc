import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellRange, SheetGrid } from '../../../core/prior/grid';
import { UserError } from '../../../shared/api';
import { cellValueText, containerKind, MAX_CELL_TEXT } from '../prior/read-xlsx';
import { inspectXlsx, XLSX_LIMITS } from '../prior/xlsx-limits';

/**
 * A published package's .xlsx as the learner reads it: every cell's text as Excel displays it — a number in
 * its number format ("#,##0.00" → "5,497.60", a zero section "-" → "-"), text as typed — and the merged areas.
 * The same refusals and limits as last year's import (docs/prior-year.md, src/main/services/prior/xlsx-limits.ts):
 * an .xls, a password-protected or damaged file, a file past XLSX_LIMITS (checked before exceljs reads a byte);
 * only a regular file is read (a pipe never blocks).
 */

export const MAX_PUBLISHED_BYTES = XLSX_LIMITS.fileBytes;

export function readPublishedFile(path: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'cli:fileNotFound' : 'template:learn.unreadable', { path, fileName: basename(path) });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UserError('template:learn.notAFile', { path });
    if (stat.size > MAX_PUBLISHED_BYTES) throw new UserError('template:learn.tooLarge', { fileName: basename(path), limit: `${MAX_PUBLISHED_BYTES / 1024 / 1024} MB` });
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const count = readSync(fd, buffer, read, stat.size - read, read);
      if (count === 0) break;
      read += count;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, read);
  } finally {
    closeSync(fd);
  }
}

/** The sheets of a published .xlsx, or a UserError saying why it cannot be read. */
export async function readPublishedGrids(bytes: Uint8Array, fileName: string): Promise<SheetGrid[]> {
  return (await readPublishedSheets(bytes, fileName)).grids;
}

/** The sheets, and the names of sheets the workbook lists but the file does not hold. */
export async function readPublishedSheets(bytes: Uint8Array, fileName: string): Promise<{ grids: SheetGrid[]; unreadable: string[] }> {
  if (bytes.length > MAX_PUBLISHED_BYTES) throw new UserError('template:learn.tooLarge', { fileName, limit: `${MAX_PUBLISHED_BYTES / 1024 / 1024} MB` });
  const kind = containerKind(bytes);
  if (kind === 'encrypted') throw new UserError('template:learn.encrypted', { fileName });
  if (kind === 'legacy') throw new UserError('template:learn.legacyXls', { fileName });
  if (kind !== 'zip') throw new UserError('template:learn.damaged', { fileName, detail: 'not a zip container' });
  let inspection: ReturnType<typeof inspectXlsx>;
  try {
    inspection = inspectXlsx(bytes, fileName, 'prior');
  } catch (error) {
    // A damaged zip is said in this command's words; a limit passed keeps the import's own message.
    if (error instanceof UserError && error.code === 'prior:damagedXlsx') throw new UserError('template:learn.damaged', { fileName, detail: String(error.params.detail ?? '') });
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new UserError('template:learn.damaged', { fileName, detail: error instanceof Error ? error.message.slice(0, 200) : String(error) });
  }
  return { grids: workbook.worksheets.map(sheetGrid), unreadable: inspection.sheets.filter((sheet) => sheet.missing).map((sheet) => sheet.name) };
}

function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = displayText(cell);
      if (text === '') return;
      while (cells.length < columnNumber - 1) cells.push('');
      cells[columnNumber - 1] = text;
    });
    rows[rowNumber - 1] = cells;
  });
  for (let index = 0; index < rows.length; index += 1) rows[index] ??= [];
  return { name: sheet.name, rows, merges: mergedRanges(sheet) };
}

/** A cell as displayed: numbers (and formulas' numeric results) through their number format. */
function displayText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  const number =
    typeof value === 'number'
      ? value
      : value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value) && typeof (value as { result?: unknown }).result === 'number'
        ? ((value as { result: number }).result)
        : null;
  if (number !== null) return formatNumber(number, cell.numFmt ?? '');
  return cellValueText(value).trim().slice(0, MAX_CELL_TEXT);
}

function mergedRanges(sheet: ExcelJS.Worksheet): CellRange[] {
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  return merges.flatMap((text) => {
    const match = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(text);
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

/**
 * A number in an Excel number format, as far as published tables use them: sections for positive; negative;
 * zero, quoted and escaped literal text, decimals (0 and #), thousands separators, percent; colours, spacing
 * (_x) and fill (*x) ignored. "General" and unknown formats give the number's own decimal digits.
 */
export function formatNumber(value: number, format: string): string {
  if (!Number.isFinite(value)) return '';
  const sections = splitSections(format);
  const plain = sections.length === 0 || /^general$/i.test(sections[0]?.trim() ?? '') || sections[0] === '@';
  if (plain) return generalNumber(value);
  let section = sections[0] as string;
  let negative = value < 0;
  if (value < 0 && sections[1] !== undefined) {
    section = sections[1];
    negative = false; // the section prints its own sign, if any
  } else if (value === 0 && sections[2] !== undefined) section = sections[2];
  const body = section.replace(/\[[^\]]*\]/g, '');
  const digits = body.replace(/"[^"]*"|\\.|_.|\*./g, '');
  if (!/[0#?]/.test(digits)) return literalText(body);
  const point = digits.indexOf('.');
  const decimals = point < 0 ? 0 : (digits.slice(point + 1).match(/[0#?]/g) ?? []).length;
  const grouped = /[0#?],[0#?]/.test(digits);
  const percent = digits.includes('%');
  const magnitude = Math.abs(percent ? value * 100 : value);
  let text = roundDecimal(magnitude, decimals);
  // Optional decimals (#) are dropped when zero.
  const optional = point < 0 ? 0 : (digits.slice(point + 1).match(/#/g) ?? []).length;
  if (optional > 0 && text.includes('.')) {
    const [whole, fraction = ''] = text.split('.');
    const keep = Math.max(decimals - optional, fraction.replace(/0+$/, '').length);
    text = keep > 0 ? `${whole}.${fraction.slice(0, keep)}` : (whole as string);
  }
  if (grouped) {
    const [whole = '', fraction] = text.split('.');
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction !== undefined ? `.${fraction}` : '');
  }
  const [prefix, suffix] = literalAround(body);
  return `${negative && magnitude !== 0 ? '-' : ''}${prefix}${text}${suffix}${percent ? '%' : ''}`.trim();
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < format.length; index += 1) {
    const char = format[index] as string;
    if (char === '"') quoted = !quoted;
    if (char === '\\' && !quoted) {
      current += char + (format[index + 1] ?? '');
      index += 1;
      continue;
    }
    if (char === ';' && !quoted) {
      out.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (format !== '') out.push(current);
  return out;
}

/** A section without digit placeholders: its literal text ("-", "" for a blank zero). */
function literalText(section: string): string {
  let out = '';
  section.replace(/"([^"]*)"|\\(.)|_.|\*.|([^"\\_*])/g, (_whole, quoted: string | undefined, escaped: string | undefined, other: string | undefined) => {
    out += quoted ?? escaped ?? (other && !/[@]/.test(other) ? other : '');
    return '';
  });
  return out.trim();
}

/** Literal text before the first and after the last digit placeholder ("¥#,##0.00" → "¥"). */
function literalAround(section: string): [string, string] {
  const first = section.search(/[0#?]/);
  let last = -1;
  for (let index = section.length - 1; index >= 0; index -= 1) if (/[0#?]/.test(section[index] as string)) {
    last = index;
    break;
  }
  const clean = (part: string) => literalText(part.replace(/[.,%]/g, ''));
  return [clean(section.slice(0, first)), clean(section.slice(last + 1))];
}

/** Round half away from zero on the decimal digits (not the binary float). */
function roundDecimal(value: number, decimals: number): string {
  const exact = generalNumber(value);
  const [whole = '0', fraction = ''] = exact.split('.');
  if (fraction.length <= decimals) return decimals > 0 ? `${whole}.${fraction.padEnd(decimals, '0')}` : whole;
  const digits = BigInt(whole + fraction.slice(0, decimals));
  const next = Number(fraction[decimals]);
  const rounded = (next >= 5 ? digits + 1n : digits).toString().padStart(decimals + 1, '0');
  return decimals > 0 ? `${rounded.slice(0, -decimals)}.${rounded.slice(-decimals)}` : rounded;
}

/** The number as its shortest exact decimal (15 significant digits, as Excel shows "General"). */
function generalNumber(value: number): string {
  const text = Number(value.toPrecision(15)).toString();
  if (!/e/i.test(text)) return text;
  return value.toFixed(6).replace(/\.?0+$/, '');
}
