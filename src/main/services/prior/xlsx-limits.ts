import { inflateRawSync } from 'node:zlib';
import { UserError } from '../../../shared/api';

/**
 * Bounds an .xlsx must keep before any spreadsheet library loads it (issue 15): a hostile file must
 * be cheap to refuse. exceljs builds an object per cell of every merged area and data-validation
 * range, so one `<mergeCell ref="A1:XFD1048576"/>` in a 44 KB file runs the process out of memory;
 * a zip can claim small sizes and inflate to gigabytes. `inspectXlsx` reads the zip's directory,
 * inflates every part with a cap on its output, and scans the worksheets' XML for their extent,
 * merges and validation ranges — linear in the file, with memory bounded by the limits below.
 *
 * Every import of an .xlsx goes through it: last year's published tables (prior), official code
 * lists (catalog-import), and whatever reads a clerk's spreadsheet next. The limits are far above
 * any real budget package (tens of sheets, a few thousand rows) or code list (about 5,000 rows).
 */
export const XLSX_LIMITS = {
  /** The file as uploaded. */
  fileBytes: 20 * 1024 * 1024,
  /** Parts in the zip (a sheet is two or three). */
  entries: 2_000,
  /** All parts inflated together. */
  unpackedBytes: 64 * 1024 * 1024,
  /** Per sheet: the last row and column used, the cells written, and the area they span. */
  rows: 200_000,
  columns: 16_384,
  cells: 1_000_000,
  area: 5_000_000,
  /** Per sheet: merged areas, the cells one may cover, and the cells all cover together. */
  merges: 100_000,
  mergeCells: 100_000,
  mergedCells: 1_000_000,
  /** Per sheet: cells covered by data-validation ranges. */
  validatedCells: 1_000_000,
} as const;

/** Whose messages the refusals use: prior:xlsx.* or catalog:xlsx.* (the same keys in both). */
export type XlsxImporter = 'prior' | 'catalog';

export interface XlsxSheetEntry {
  name: string;
  /** The part holding the sheet ("xl/worksheets/sheet1.xml"), or null when the workbook names none. */
  part: string | null;
  /** Listed in the workbook but not in the zip: exceljs would drop it without a word. */
  missing: boolean;
}

export interface XlsxInspection {
  /** The workbook's worksheets in its order. */
  sheets: XlsxSheetEntry[];
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Checks an .xlsx against XLSX_LIMITS and lists its worksheets. Throws a UserError: a limit passed
 * (`<importer>:xlsx.<what>`), or a zip that cannot be read (`prior:damagedXlsx` /
 * `catalog:unreadable`). The caller has already told a zip from other files by its first bytes.
 */
export function inspectXlsx(bytes: Uint8Array, fileName: string, importer: XlsxImporter): XlsxInspection {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refuse = (what: string, params: Record<string, string | number> = {}) => new UserError(`${importer}:xlsx.${what}`, { fileName, ...params });
  const damaged = (detail: string) =>
    importer === 'prior' ? new UserError('prior:damagedXlsx', { fileName, detail }) : new UserError('catalog:unreadable', { fileName });
  if (buffer.length > XLSX_LIMITS.fileBytes) throw refuse('fileTooLarge', { size: megabytes(buffer.length), limit: megabytes(XLSX_LIMITS.fileBytes) });
  const entries = readDirectory(buffer, damaged);
  if (entries.length > XLSX_LIMITS.entries) throw refuse('tooManyParts', { count: entries.length, limit: XLSX_LIMITS.entries });
  let unpacked = 0;
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > XLSX_LIMITS.unpackedBytes) throw refuse('unpackedTooLarge', { limit: megabytes(XLSX_LIMITS.unpackedBytes) });
  const parts = new Map<string, ZipEntry>(entries.map((entry) => [entry.name, entry]));
  const read = (entry: ZipEntry): Buffer => {
    const data = inflateEntry(buffer, entry, XLSX_LIMITS.unpackedBytes - unpacked, damaged, () =>
      refuse('unpackedTooLarge', { limit: megabytes(XLSX_LIMITS.unpackedBytes) }),
    );
    unpacked += data.length;
    return data;
  };
  // Every part is inflated once, under the cap, whatever its directory entry claims.
  const texts = new Map<string, string>();
  for (const entry of entries) {
    const data = read(entry);
    if (/\.(xml|rels)$/i.test(entry.name)) texts.set(entry.name, data.toString('latin1'));
  }
  const sheets = listSheets(texts, parts);
  for (const sheet of sheets) {
    const xml = sheet.part ? texts.get(sheet.part) : undefined;
    if (xml !== undefined) checkSheet(xml, sheet.name, refuse);
  }
  return { sheets };
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** The zip's central directory (no zip64: a file within the limits never needs it). */
function readDirectory(buffer: Buffer, damaged: (detail: string) => UserError): ZipEntry[] {
  const end = findEndOfDirectory(buffer);
  if (end < 0) throw damaged('no zip directory');
  const count = buffer.readUInt16LE(end + 10);
  const size = buffer.readUInt32LE(end + 12);
  const offset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) throw damaged('zip64 is not supported');
  if (offset + size > end) throw damaged('zip directory out of bounds');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || buffer.readUInt32LE(at) !== 0x02014b50) throw damaged('zip directory entry damaged');
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localOffset: buffer.readUInt32LE(at + 42),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff) throw damaged('zip64 is not supported');
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
    // Stop counting early: a directory of a million entries is refused without reading them all.
    if (entries.length > XLSX_LIMITS.entries) break;
  }
  return entries;
}

function findEndOfDirectory(buffer: Buffer): number {
  const last = buffer.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at -= 1) if (buffer.readUInt32LE(at) === 0x06054b50) return at;
  return -1;
}

function inflateEntry(buffer: Buffer, entry: ZipEntry, room: number, damaged: (detail: string) => UserError, tooLarge: () => UserError): Buffer {
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== 0x04034b50) throw damaged(`zip entry ${entry.name.slice(0, 80)} damaged`);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buffer.length) throw damaged(`zip entry ${entry.name.slice(0, 80)} cut short`);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > room) throw tooLarge();
    return data;
  }
  if (entry.method !== 8) throw damaged(`zip entry ${entry.name.slice(0, 80)}: compression method ${entry.method}`);
  try {
    // The output cap holds whatever the directory claims: a lying entry stops at the limit.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, room) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw tooLarge();
    throw damaged(`zip entry ${entry.name.slice(0, 80)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const WORKSHEET_TYPE = /\/worksheet$/;

/** The workbook's worksheets, in order, and the part each lives in. */
function listSheets(texts: Map<string, string>, parts: Map<string, ZipEntry>): XlsxSheetEntry[] {
  const workbookPart = workbookPartName(texts);
  const workbook = texts.get(workbookPart);
  if (workbook === undefined) return [];
  const relsPart = workbookPart.replace(/([^/]+)$/, '_rels/$1.rels');
  const targets = new Map<string, { target: string; worksheet: boolean }>();
  for (const [, attributes] of (texts.get(relsPart) ?? '').matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(attributes ?? '', 'Id');
    const target = attribute(attributes ?? '', 'Target');
    const type = attribute(attributes ?? '', 'Type') ?? '';
    if (id && target) targets.set(id, { target: resolvePart(workbookPart, target), worksheet: WORKSHEET_TYPE.test(type) });
  }
  const sheets: XlsxSheetEntry[] = [];
  for (const [, attributes] of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = decodeXml(attribute(attributes ?? '', 'name') ?? '');
    const id = attribute(attributes ?? '', 'r:id') ?? attribute(attributes ?? '', 'id');
    const relation = id ? targets.get(id) : undefined;
    if (relation && !relation.worksheet) continue;
    const part = relation?.target ?? null;
    sheets.push({ name, part, missing: part === null || !parts.has(part) });
  }
  return sheets;
}

function workbookPartName(texts: Map<string, string>): string {
  const root = texts.get('_rels/.rels') ?? '';
  for (const [, attributes] of root.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    if (/\/officeDocument$/.test(attribute(attributes ?? '', 'Type') ?? '')) {
      const target = attribute(attributes ?? '', 'Target');
      if (target) return resolvePart('', target);
    }
  }
  return 'xl/workbook.xml';
}

/** A relationship target relative to the part that names it ("worksheets/sheet1.xml" from xl/workbook.xml). */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? (match[1] ?? match[2] ?? '') : null;
}

function decodeXml(text: string): string {
  // The workbook part was read as latin1 (tags are ASCII); names are UTF-8.
  const utf8 = Buffer.from(text, 'latin1').toString('utf8');
  return utf8.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (whole, decimal: string, hex: string, named: string) => {
    if (decimal) return String.fromCodePoint(Number(decimal));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()] ?? whole;
  });
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3" → row 3, column 2; "B3:D10" → a range; a whole row or column ("A:A", "3:3") spans the sheet. */
function parseRange(text: string): Range | null {
  const match = /^\$?([A-Z]{0,3})\$?(\d{0,7})(?::\$?([A-Z]{0,3})\$?(\d{0,7}))?$/i.exec(text.trim());
  if (!match) return null;
  const [, leftLetters = '', topDigits = '', rightLetters, bottomDigits] = match;
  const second = rightLetters !== undefined || bottomDigits !== undefined;
  const left = leftLetters ? columnNumber(leftLetters) : 1;
  const top = topDigits ? Number(topDigits) : 1;
  const right = second ? (rightLetters ? columnNumber(rightLetters) : 16_384) : leftLetters ? left : 16_384;
  const bottom = second ? (bottomDigits ? Number(bottomDigits) : 1_048_576) : topDigits ? top : 1_048_576;
  if (!leftLetters && !topDigits) return null;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

function area(range: Range): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

function rangeText(range: Range): string {
  const letters = (column: number) => {
    let text = '';
    for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
    return text;
  };
  return `${letters(range.left)}${range.top}:${letters(range.right)}${range.bottom}`;
}

/** One pass over a worksheet's XML: the rows and cells it writes, its merges and validation ranges. */
function checkSheet(xml: string, sheet: string, refuse: (what: string, params?: Record<string, string | number>) => UserError): void {
  let row = 0;
  let column = 0;
  let lastRow = 0;
  let lastColumn = 0;
  let cells = 0;
  let merges = 0;
  let merged = 0;
  let validated = 0;
  const tags = /<(?:\w+:)?(row|c|mergeCell|dataValidation)\b([^>]*)>/g;
  for (let match = tags.exec(xml); match !== null; match = tags.exec(xml)) {
    const [, tag, attributes = ''] = match;
    if (tag === 'row') {
      const r = attribute(attributes, 'r');
      row = r && /^\d+$/.test(r) ? Number(r) : row + 1;
      column = 0;
      lastRow = Math.max(lastRow, row);
    } else if (tag === 'c') {
      cells += 1;
      const reference = attribute(attributes, 'r');
      const at = reference ? parseRange(reference) : null;
      if (at) {
        column = at.left;
        lastRow = Math.max(lastRow, at.top);
      } else {
        column += 1;
      }
      lastColumn = Math.max(lastColumn, column);
      if (cells > XLSX_LIMITS.cells) throw refuse('sheetTooLarge', { sheet, rows: lastRow, columns: lastColumn, cells, limit: XLSX_LIMITS.cells });
    } else if (tag === 'mergeCell') {
      merges += 1;
      const range = parseRange(attribute(attributes, 'ref') ?? '');
      if (!range) continue;
      const cellsCovered = area(range);
      if (cellsCovered > XLSX_LIMITS.mergeCells || range.bottom > XLSX_LIMITS.rows || range.right > XLSX_LIMITS.columns) {
        throw refuse('mergeTooLarge', { sheet, range: rangeText(range), cells: cellsCovered, limit: XLSX_LIMITS.mergeCells });
      }
      merged += cellsCovered;
      if (merges > XLSX_LIMITS.merges || merged > XLSX_LIMITS.mergedCells) {
        throw refuse('tooManyMerges', { sheet, count: merges, cells: merged, limit: XLSX_LIMITS.mergedCells });
      }
    } else {
      for (const piece of (attribute(attributes, 'sqref') ?? '').split(/\s+/)) {
        const range = piece ? parseRange(piece) : null;
        if (!range) continue;
        validated += area(range);
        if (validated > XLSX_LIMITS.validatedCells) throw refuse('validationTooLarge', { sheet, range: rangeText(range), limit: XLSX_LIMITS.validatedCells });
      }
    }
  }
  if (lastRow > XLSX_LIMITS.rows || lastColumn > XLSX_LIMITS.columns || lastRow * lastColumn > XLSX_LIMITS.area) {
    throw refuse('sheetTooLarge', { sheet, rows: lastRow, columns: lastColumn, cells, limit: XLSX_LIMITS.area });
  }
}
