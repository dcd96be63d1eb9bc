import type { CatalogEntry, CatalogKind } from '../model';
import { asciiDigits, codeLengths, isWellFormedCode, normalizeName } from './codes';

/**
 * Turns the rows of a spreadsheet or CSV holding a year's official code list into catalogue
 * entries. Tolerates what such lists look like in the wild: title rows above the header, header
 * names like 编码/科目编码/代码 and 名称/科目名称 (or no header: the first two used columns),
 * codes stored as numbers, codes split across 类/款/项 columns (filled on every row, or only on
 * the row that opens them), blank rows. A bad row becomes a warning naming its row number.
 */
export interface GridRow {
  /** 1-based row number as the clerk's spreadsheet shows it. */
  number: number;
  cells: string[];
}

/** A problem with one row: a message key in the "catalog" namespace and its parameters. */
export interface ImportWarning {
  code: string;
  params: Record<string, string | number>;
}

export interface GridImport {
  entries: CatalogEntry[];
  warnings: ImportWarning[];
  /** Rows that held anything at all, header included. */
  nonBlankRows: number;
}

export const MAX_WARNINGS = 100;
const HEADER_SCAN_ROWS = 15;
const MAX_VALUE_LENGTH = 40;

const CODE_HEADERS = ['编码', '科目编码', '代码', '科目代码', 'code'];
const NAME_HEADERS = ['名称', '科目名称', 'name'];
const SPLIT_HEADERS = ['类', '款', '项'] as const;

type Layout =
  | { mode: 'single'; code: number; name: number }
  | { mode: 'split'; parts: number[]; name: number };

interface Header {
  layout: Layout | undefined;
  /** Index in `rows` of the first data row. */
  dataStart: number;
}

const isBlank = (row: GridRow) => row.cells.every((cell) => cell.trim() === '');
const compact = (cell: string) => normalizeName(cell);

function findHeader(rows: GridRow[]): Header {
  let codeCol: number | undefined;
  let nameCol: number | undefined;
  const split: number[] = [];
  let last = -1;
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN_ROWS); i++) {
    const cells = rows[i]!.cells.map(compact);
    const code = cells.findIndex((cell) => CODE_HEADERS.includes(cell) || /(编码|代码)$/.test(cell));
    const name = cells.findIndex((cell) => NAME_HEADERS.includes(cell) || cell.includes('名称'));
    const parts = SPLIT_HEADERS.map((label) => cells.indexOf(label)).filter((index) => index >= 0);
    const filled = cells.filter((cell) => cell !== '').length;
    // A title row ("2024年支出功能分类科目名称表") fills one cell; a header row labels several columns.
    const isHeader = filled >= 2 && (code >= 0 || name >= 0 || parts.length >= 2);
    if (!isHeader) {
      if (last >= 0) break;
      continue;
    }
    last = i;
    if (code >= 0 && codeCol === undefined) codeCol = code;
    if (name >= 0 && nameCol === undefined) nameCol = name;
    if (parts.length >= 2 && split.length === 0) split.push(...parts);
  }
  if (last < 0) return { layout: undefined, dataStart: 0 };
  if (split.length >= 2) {
    const name = nameCol ?? Math.max(...split) + 1;
    return { layout: { mode: 'split', parts: split, name }, dataStart: last + 1 };
  }
  if (codeCol === undefined) return { layout: undefined, dataStart: last + 1 };
  return { layout: { mode: 'single', code: codeCol, name: nameCol ?? codeCol + 1 }, dataStart: last + 1 };
}

/** Without a header: the first two columns that hold anything. */
function guessLayout(rows: GridRow[]): Layout {
  const used = new Set<number>();
  for (const row of rows) row.cells.forEach((cell, index) => cell.trim() !== '' && used.add(index));
  const [code = 0, name = code + 1] = [...used].sort((a, b) => a - b);
  return { mode: 'single', code, name };
}

/** A code cell as text: full-width digits folded, spaces dropped, "2101501.0" → "2101501". */
function cleanCode(cell: string): string {
  return asciiDigits(cell).replace(/\s+/g, '').replace(/^(\d+)\.0+$/, '$1');
}

/** Splits "2101501 行政运行" (code and name in one cell) into its parts. */
function splitCombined(cell: string): { code: string; name: string } | undefined {
  const match = /^\s*([0-9０-９]{3,7})[\s\-—_:：、.．]*(\D.*)$/.exec(cell);
  return match ? { code: cleanCode(match[1]!), name: match[2]!.trim() } : undefined;
}

/** Carries 类 and 款 down the rows of a split layout. */
class SplitCodeReader {
  private current: string[] = [];

  constructor(private readonly lengths: readonly number[]) {}

  /** The code this row names, '' when it names none, or undefined when its parts do not fit. */
  read(parts: string[]): string | undefined {
    let deepest = -1;
    for (let level = 0; level < parts.length && level < this.lengths.length; level++) {
      const part = parts[level]!;
      if (part === '') continue;
      const full = this.lengths[level]!;
      const own = level === 0 ? full : full - this.lengths[level - 1]!;
      let code: string;
      if (part.length === full) code = part;
      else if (level > 0 && /^\d+$/.test(part) && part.length <= own) code = (this.current[level - 1] ?? '') + part.padStart(own, '0');
      else return undefined;
      if (code.length !== full) return undefined;
      if (this.current[level] !== code) this.current = [...this.current.slice(0, level), code];
      deepest = level;
    }
    return deepest < 0 ? '' : this.current[deepest];
  }
}

export function entriesFromGrid(rows: GridRow[], kind: CatalogKind): GridImport {
  const nonBlank = rows.filter((row) => !isBlank(row));
  const header = findHeader(nonBlank);
  const layout = header.layout ?? guessLayout(nonBlank.slice(header.dataStart));
  const split = layout.mode === 'split' ? new SplitCodeReader(codeLengths(kind)) : undefined;
  const entries: CatalogEntry[] = [];
  const firstRowOf = new Map<string, { row: number; name: string }>();
  const warnings: ImportWarning[] = [];
  let dropped = 0;
  const warn = (code: string, params: Record<string, string | number>) => {
    if (warnings.length < MAX_WARNINGS) warnings.push({ code: `catalog:${code}`, params });
    else dropped += 1;
  };
  // Without a header, rows above the first code are titles, not bad rows.
  let started = header.layout !== undefined;

  for (const row of nonBlank.slice(header.dataStart)) {
    const cell = (index: number) => (row.cells[index] ?? '').trim();
    let rawCode: string;
    let code: string | undefined;
    let name = cell(layout.name);
    if (layout.mode === 'split') {
      const parts = layout.parts.map((index) => cleanCode(cell(index)));
      rawCode = layout.parts.map(cell).filter((part) => part !== '').join(' ');
      code = split!.read(parts);
    } else {
      rawCode = cell(layout.code);
      code = cleanCode(rawCode);
      const combined = name === '' ? splitCombined(rawCode) : undefined;
      if (combined) ({ code, name } = combined);
    }
    const value = rawCode.slice(0, MAX_VALUE_LENGTH);
    if (code === undefined || (code !== '' && !isWellFormedCode(kind, code))) {
      if (!started) continue;
      const otherKind = code !== undefined && (['function', 'deptEcon', 'govEcon'] as const).some((other) => other !== kind && isWellFormedCode(other, code));
      warn(otherKind ? 'wrongKind' : 'badCode', { row: row.number, value });
      continue;
    }
    if (code === '') {
      if (started && name !== '') warn('missingCode', { row: row.number, name: name.slice(0, MAX_VALUE_LENGTH) });
      continue;
    }
    started = true;
    if (name === '') {
      warn('missingName', { row: row.number, code });
      continue;
    }
    const first = firstRowOf.get(code);
    if (first) {
      if (normalizeName(first.name) !== normalizeName(name)) warn('duplicateCode', { row: row.number, code, firstRow: first.row });
      continue;
    }
    firstRowOf.set(code, { row: row.number, name });
    entries.push({ kind, code, name });
  }
  if (dropped > 0) warnings.push({ code: 'catalog:moreWarnings', params: { count: dropped } });
  return { entries, warnings, nonBlankRows: nonBlank.length };
}
