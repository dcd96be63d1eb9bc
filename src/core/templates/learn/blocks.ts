import type { CellRange, SheetGrid } from '../../prior/grid';
import type { HeaderCell } from '../../tables/spec';
import { isDash, normalizeText, printedNumber } from './cells';

/**
 * A published sheet cut into tables. A sheet may hold one table or several, each led by its title; a table is
 * its title, meta lines (部门名称, 单位), header rows with their merges, body rows and notes. The cut is made
 * from the sheet alone; which template table a block is comes later (match.ts), and a form (a table without
 * header rows) is read again as one when its base table is a form.
 */

export interface Block {
  sheet: string;
  /** 0-based, within the sheet. */
  index: number;
  /** Rows and columns the block takes, inclusive. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  titleRow: number | null;
  title: string;
  /** Rows between the title and the header (部门名称, 单位 …) and their texts, split where one cell states two things. */
  metaRows: number[];
  meta: string[];
  /** Header rows (inclusive), or null. */
  header: { from: number; to: number } | null;
  /** Body rows in order (blank rows left out). */
  body: number[];
  notes: { row: number; text: string }[];
}

/** A sheet with its merged areas spread over their cells, for reading headers and labels. */
export interface SheetView {
  grid: SheetGrid;
  /** Text of the cell itself (a merged area's in its top-left cell only), trimmed. */
  raw(row: number, column: number): string;
  /** Text with merged areas spread. */
  filled(row: number, column: number): string;
  /** The merged area a cell lies in, if any. */
  mergeAt(row: number, column: number): CellRange | undefined;
  width: number;
  height: number;
}

export function sheetView(grid: SheetGrid): SheetView {
  const mergeIndex = new Map<string, CellRange>();
  for (const range of grid.merges) {
    // Guard against absurd merges in damaged files: a merge is indexed over at most 20,000 cells.
    const cells = (range.bottom - range.top + 1) * (range.right - range.left + 1);
    if (cells > 20_000) continue;
    for (let r = range.top; r <= range.bottom; r += 1) for (let c = range.left; c <= range.right; c += 1) mergeIndex.set(`${r}:${c}`, range);
  }
  const raw = (row: number, column: number) => (grid.rows[row]?.[column] ?? '').trim();
  // Merged areas reaching far past the last cell with text (a title merged over the whole row) count only a little.
  const textWidth = grid.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const width = Math.max(textWidth, ...grid.merges.map((range) => Math.min(range.right + 1, textWidth + 64)));
  return {
    grid,
    raw,
    filled(row, column) {
      const range = mergeIndex.get(`${row}:${column}`);
      return range ? raw(range.top, range.left) : raw(row, column);
    },
    mergeAt: (row, column) => mergeIndex.get(`${row}:${column}`),
    width,
    height: grid.rows.length,
  };
}

/** The distinct texts of a row (merged areas counted once), left to right. */
export function rowTexts(view: SheetView, row: number, left = 0, right = view.width - 1): { column: number; text: string }[] {
  const out: { column: number; text: string }[] = [];
  for (let column = left; column <= right; column += 1) {
    const text = view.raw(row, column);
    if (text !== '') out.push({ column, text });
  }
  return out;
}

const TITLE_END = /(表|目录|情况|清单|明细)(\(续\)|\(\d+\))?$/;
const META = /单位[:：]|金额单位[:：]|部门名称[:：]|单位名称[:：]|预算年度[:：]|编制单位[:：]|编制部门[:：]|^部门[:：]|^\(?\d{4}年度?\)?$|^\d{2,}\s+\S|截止时间[:：]|填报单位[:：]/;

function isMetaText(text: string): boolean {
  const plain = text.normalize('NFKC').trim();
  // "2023 年下达…资金绩效目标表" is a title that starts with a year, not "417 邢台市医疗保障局".
  if (/^(19|20)\d{2}\s*年/.test(plain) || TITLE_END.test(normalizeText(plain))) return /单位[:：]\s*(万元|元)/.test(plain);
  return META.test(plain) || /^[(（]?(单位|金额单位)[:：]?(万元|元)[)）]?$/.test(plain);
}

function isNoteText(text: string): boolean {
  return /^(注|说明|备注)\s*[:：]?/.test(text.normalize('NFKC').trim());
}

/** Said of a table that prints no amount ("本部门2024年度没有…，故本表无数据", "无…，空表列示"). */
export function isEmptyTableNote(text: string): boolean {
  return /无数据|空表|没有.*(支出|收入|预算|资金|经费)|本表无|无.*预算.*(列示|公开)|不涉及/.test(normalizeText(text));
}

function isTitleText(text: string, merged: boolean, first: boolean): boolean {
  const plain = normalizeText(text);
  if (plain.length < 2 || plain.length > 80) return false;
  if (isNoteText(text) || isMetaText(text) || printedNumber(plain) || isEmptyTableNote(text)) return false;
  // Sentences and numbered lines are notes, not titles.
  if (/[。；;！!，,]$|，/.test(plain) || /^(\d+|[(（]\d+[)）])[、.．]/.test(plain)) return false;
  return TITLE_END.test(plain) || (merged && (/表/.test(plain) || first));
}

/** A row is blank when none of its cells (in the block's columns) has text. */
function blank(view: SheetView, row: number): boolean {
  return rowTexts(view, row).length === 0;
}

/** A row holding one text only, spread over the sheet's width or standing alone. */
function singleText(view: SheetView, row: number): { text: string; merged: boolean } | null {
  const texts = rowTexts(view, row);
  if (texts.length !== 1) return null;
  const [only] = texts as [{ column: number; text: string }];
  const range = view.mergeAt(row, only.column);
  return { text: only.text, merged: range !== undefined && range.right > range.left };
}

function isTitleRow(view: SheetView, row: number, first: boolean): boolean {
  const single = singleText(view, row);
  return single !== null && isTitleText(single.text, single.merged, first);
}

/** Cut a sheet into table blocks at its title rows. */
export function sheetBlocks(grid: SheetGrid): Block[] {
  const view = sheetView(grid);
  const starts: number[] = [];
  const firstFilled = [...Array(view.height).keys()].find((row) => !blank(view, row));
  if (firstFilled === undefined) return [];
  for (let row = 0; row < view.height; row += 1) if (isTitleRow(view, row, row === firstFilled)) starts.push(row);
  // Text above the first title (or a sheet without titles) is a block of its own, untitled.
  if (starts.length === 0 || (starts[0] as number) > firstFilled) starts.unshift(-1 - firstFilled);
  const blocks: Block[] = [];
  starts.forEach((start, index) => {
    const untitled = start < 0;
    const top = untitled ? -1 - start : start;
    const next = starts[index + 1];
    const bottom = (next === undefined ? view.height : next < 0 ? -1 - next : next) - 1;
    blocks.push(cutBlock(view, grid.name, index, top, bottom, untitled ? null : top));
  });
  return blocks.filter((block) => block.title !== '' || block.body.length > 0 || block.header !== null);
}

function cutBlock(view: SheetView, sheet: string, index: number, top: number, bottom: number, titleRow: number | null): Block {
  let row = titleRow === null ? top : titleRow + 1;
  const title = titleRow === null ? '' : (singleText(view, titleRow)?.text ?? '');
  const skipBlank = () => {
    while (row <= bottom && blank(view, row)) row += 1;
  };
  skipBlank();
  const metaRows: number[] = [];
  const meta: string[] = [];
  while (row <= bottom && metaRows.length < 4) {
    const texts = rowTexts(view, row);
    if (texts.length === 0 || texts.length > 3 || !texts.every(({ text }) => isMetaText(text) || isMetaPiece(text))) break;
    const metaTexts = texts.filter(({ text }) => isMetaText(text)).length;
    // A meta row states things: one or two cells, or every cell a statement (a header row holds headings).
    if (metaTexts === 0 || (texts.length > 2 && metaTexts < texts.length)) break;
    metaRows.push(row);
    for (const { text } of texts) meta.push(...splitMeta(text));
    row += 1;
    skipBlank();
  }
  const notesFrom = noteStart(view, row, bottom);
  const notes: { row: number; text: string }[] = [];
  for (let r = notesFrom; r <= bottom; r += 1) {
    const single = rowTexts(view, r);
    if (single.length > 0) notes.push({ row: r, text: single.map(({ text }) => text).join('') });
  }
  const contentEnd = notesFrom - 1;
  const header = headerRows(view, row, contentEnd);
  const bodyFrom = header ? header.to + 1 : row;
  const body: number[] = [];
  // A header repeated inside the body (a table printed over pages) is not a row of it.
  const headerKeys = new Set<string>();
  if (header) for (let r = header.from; r <= header.to; r += 1) headerKeys.add(rowTexts(view, r).map(({ text }) => normalizeText(text)).join('|'));
  for (let r = bodyFrom; r <= contentEnd; r += 1) {
    if (blank(view, r)) continue;
    const key = rowTexts(view, r).map(({ text }) => normalizeText(text)).join('|');
    if (headerKeys.has(key) && rowTexts(view, r).length > 1) continue;
    body.push(r);
  }
  const columns = [header ? [header.from, header.to] : null, ...body.map((r) => [r, r])].filter((range): range is number[] => range !== null);
  let left = Infinity;
  let right = -1;
  for (const [from, to] of columns as [number, number][]) {
    for (let r = from; r <= to; r += 1) {
      for (let c = 0; c < view.width; c += 1) {
        const range = view.mergeAt(r, c);
        if (view.raw(r, c) === '' && !range) continue;
        left = Math.min(left, range ? range.left : c);
        right = Math.max(right, range ? range.right : c);
      }
    }
  }
  if (right < 0) {
    left = 0;
    right = Math.max(0, view.width - 1);
  }
  return { sheet, index, top, bottom, left: left === Infinity ? 0 : left, right, titleRow, title, metaRows, meta, header, body, notes };
}

/** "2024年度", "预算年度：2024", "417 邢台市医疗保障局" sit beside a meta text in its row. */
function isMetaPiece(text: string): boolean {
  return text.length <= 40 && !printedNumber(text);
}

/** "预算年度：2024　单位：万元" states two things: split at ideographic or double spaces. */
export function splitMeta(text: string): string[] {
  return text
    .split(/\u3000+|\s{2,}/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Notes run from the first trailing row starting "注" (or a trailing empty-table note) to the block's end. */
function noteStart(view: SheetView, from: number, bottom: number): number {
  let start = bottom + 1;
  let candidate = bottom + 1;
  for (let row = bottom; row >= from; row -= 1) {
    if (blank(view, row)) continue;
    const single = singleText(view, row);
    if (!single || printedNumber(single.text)) break;
    // A note is one text over the table's width, or a text standing alone below the table.
    candidate = row;
    if (isNoteText(single.text) || isEmptyTableNote(single.text)) start = candidate;
  }
  return start;
}

/**
 * Header rows: from `from`, the rows before the first one holding an amount, a code or a total's label, at most
 * six; a 栏次 row of column numbers belongs to the header.
 */
function headerRows(view: SheetView, from: number, to: number): { from: number; to: number } | null {
  let last = -1;
  for (let row = from; row <= to && row < from + 7; row += 1) {
    const texts = rowTexts(view, row);
    if (texts.length === 0) {
      if (last >= 0) break;
      continue;
    }
    if (isColumnNumbers(texts.map(({ text }) => text))) {
      if (last < 0) return null;
      last = row;
      break;
    }
    // Headings under a heading merged over them (一般公共预算 over 小计 | 其中：财政拨款) are header rows.
    const underMerged = last >= 0 && texts.every(({ column, text }) => !printedNumber(text) && ((range) => range !== undefined && range.right > range.left && range.bottom < row)(view.mergeAt(row - 1, column)));
    if (!underMerged && isDataRow(texts.map(({ text }) => text))) break;
    last = row;
  }
  if (last < 0) return null;
  return { from, to: last };
}

export function isColumnNumbers(texts: string[]): boolean {
  const plain = texts.map(normalizeText).filter((text) => text !== '');
  if (plain[0] === '栏次') return true;
  const numbers = plain.filter((text) => /^\d{1,2}$/.test(text));
  return numbers.length >= 3 && numbers.length === plain.length && numbers.every((text, index) => index === 0 || Number(text) === Number(numbers[index - 1]) + 1);
}

function isDataRow(texts: string[]): boolean {
  // A total's label starts the body when the row holds amounts or nothing else (an empty table's 合计 row);
  // beside other headings it heads a column.
  const labels = texts.filter((text) => !printedNumber(normalizeText(text))).length;
  const amounts = texts.length - labels;
  // A row that is mostly numbers (counts, 元 without decimals) is a body row.
  if (amounts > 0 && amounts * 2 >= texts.length) return true;
  return texts.some((text) => {
    const plain = normalizeText(text);
    const number = printedNumber(plain);
    if (number && (number.decimals > 0 || number.grouped)) return true;
    if (/^(合计|总计|小计|本年收入合计|收入总计)$/.test(plain) && (amounts > 0 || labels === 1)) return true;
    if (/^[一二三四五六七八九十]+、/.test(plain)) return true;
    if (/^\d{3}(\d{2}){0,2}$/.test(plain) || isDash(plain)) return true;
    return false;
  });
}

/** The header as template header cells: merged areas become spans; a sheet typed without merges gets the merges its layout implies. */
export function headerCells(view: SheetView, block: Block): HeaderCell[][] {
  if (!block.header) return [];
  const { from, to } = block.header;
  const { left, right } = block;
  const height = to - from + 1;
  const width = right - left + 1;
  const taken = Array.from({ length: height }, () => new Array<boolean>(width).fill(false));
  const anyMerge = [...Array(height).keys()].some((r) => [...Array(width).keys()].some((c) => view.mergeAt(from + r, left + c)));
  const text = (r: number, c: number) => view.raw(from + r, left + c);
  const rows: HeaderCell[][] = Array.from({ length: height }, () => []);
  for (let r = 0; r < height; r += 1) {
    for (let c = 0; c < width; c += 1) {
      if (taken[r]?.[c]) continue;
      const range = view.mergeAt(from + r, left + c);
      let rowSpan = 1;
      let colSpan = 1;
      if (range && (range.top !== from + r || range.left !== left + c)) {
        // Covered by a merge that starts above the header or left of the block: a cell of its own.
      } else if (range) {
        rowSpan = Math.min(range.bottom, to) - (from + r) + 1;
        colSpan = Math.min(range.right, right) - (left + c) + 1;
      } else if (!anyMerge && text(r, c) !== '') {
        // Typed without merges: a heading spans the blanks to its right that have headings below, and the blanks below it.
        const below = (column: number) => [...Array(height - r - 1).keys()].some((k) => text(r + 1 + k, column) !== '');
        while (c + colSpan < width && text(r, c + colSpan) === '' && !taken[r]?.[c + colSpan] && r + 1 < height && below(c + colSpan)) colSpan += 1;
        while (r + rowSpan < height && [...Array(colSpan).keys()].every((k) => text(r + rowSpan, c + k) === '' && !taken[r + rowSpan]?.[c + k])) rowSpan += 1;
      }
      for (let dr = 0; dr < rowSpan; dr += 1) for (let dc = 0; dc < colSpan; dc += 1) (taken[r + dr] as boolean[])[c + dc] = true;
      const cell: HeaderCell = { text: text(r, c) };
      if (colSpan > 1) cell.colSpan = colSpan;
      if (rowSpan > 1) cell.rowSpan = rowSpan;
      rows[r]?.push(cell);
    }
  }
  return rows;
}

/** Each column's header path (texts top-down, merged areas spread), for telling columns apart. */
export function columnPaths(view: SheetView, block: Block): string[][] {
  const width = block.right - block.left + 1;
  const paths: string[][] = Array.from({ length: width }, () => []);
  if (!block.header) return paths;
  for (let r = block.header.from; r <= block.header.to; r += 1) {
    const texts: string[] = [];
    for (let c = 0; c < width; c += 1) texts.push(view.filled(r, block.left + c));
    // Column numbers (a 栏次 row) say nothing of a column's meaning.
    texts.forEach((text, c) => {
      const path = paths[c] as string[];
      const plain = normalizeText(text);
      if (text !== '' && plain !== '栏次' && !/^\d{1,3}$/.test(plain) && path[path.length - 1] !== text) path.push(text);
    });
  }
  return paths;
}
