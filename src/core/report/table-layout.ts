import type { EvaluatedTable } from '../tables/evaluate';
import { placeHeader } from './header-grid';
import { displayWidth } from './text-width';

/** Where a table prints and how big: the same measure drives the PDF's page and the sheet's page set-up. */
export interface TableLayout {
  orientation: 'portrait' | 'landscape';
  /** Body font size in the PDF, chosen so the table fits the page width. */
  fontSizePt: number;
  /** Each column's share of the width, in half-width character units (see displayWidth). */
  columnUnits: number[];
  /** Each column's natural width in character units (a spreadsheet column's width). */
  naturalUnits: number[];
  /** Each column's share of the printed table's width (padding included), summing to 1. */
  columnShares: number[];
}

/** Text wraps beyond this width; numbers and codes never wrap. */
const WRAP_UNITS = 36;
/** A wrapping column is not squeezed below this. */
const MIN_TEXT_UNITS = 10;
const MIN_UNITS = 4;
/** Header labels up to this wide stay on one line; longer ones wrap onto two or more. */
const HEADER_UNITS = 14;
/** Cell padding and borders, in units per column. */
const PADDING_UNITS = 1.6;
/** Digits are a little wider than half an em. */
const DIGIT_FACTOR = 1.12;
/**
 * The printable width (mm) a table is measured for where no page set-up is given (the spreadsheet, the
 * preview): A4 less 15 mm (portrait) or 12 mm (landscape) a side. The package passes its template's margins.
 */
export const CONTENT_WIDTH_MM: Readonly<ContentWidths> = { portrait: 180, landscape: 273 };
const MAX_FONT_PT = 10;
const PORTRAIT_MIN_FONT_PT = 8.5;
const MIN_FONT_PT = 6;
const MM_PER_PT = 25.4 / 72;

export interface ContentWidths {
  portrait: number;
  landscape: number;
}

export interface LayoutOptions {
  /** auto (default): portrait when the table fits a portrait page, else landscape; or fixed. */
  orientation?: 'auto' | 'portrait' | 'landscape';
  /** The printable width of each orientation in mm; default CONTENT_WIDTH_MM. */
  contentWidthMm?: ContentWidths;
}

/** The printable widths (mm) of A4 pages with these margins (mm). */
export function contentWidths(margins: Record<'portrait' | 'landscape', { left: number; right: number }>): ContentWidths {
  return { portrait: 210 - margins.portrait.left - margins.portrait.right, landscape: 297 - margins.landscape.left - margins.landscape.right };
}

export function tableLayout(table: EvaluatedTable, options: LayoutOptions = {}): TableLayout {
  const layout = measure(table, options.orientation ?? 'auto', options.contentWidthMm ?? CONTENT_WIDTH_MM);
  const padded = layout.columnUnits.map((width) => width + PADDING_UNITS);
  const total = padded.reduce((sum, width) => sum + width, 0);
  return { ...layout, columnShares: padded.map((width) => width / total) };
}

function measure(table: EvaluatedTable, choice: NonNullable<LayoutOptions['orientation']>, widths: ContentWidths): Omit<TableLayout, 'columnShares'> {
  const count = Math.max(1, table.columnCount);
  const natural = new Array<number>(count).fill(MIN_UNITS);
  const rigid = new Array<boolean>(count).fill(true);
  /** The widest number or code in the column: it never wraps, so the column never gets narrower. */
  const floor = new Array<number>(count).fill(MIN_UNITS);
  /** Merged body cells: their text shares the width of the columns they take, measured after single cells. */
  const merged: { column: number; span: number; width: number }[] = [];
  for (const row of table.rows) {
    row.cells.forEach((cell, column) => {
      if (column >= count) return;
      const width = Math.min(printedUnits(cell.text), WRAP_UNITS);
      if ((cell.colSpan ?? 1) > 1) {
        merged.push({ column, span: Math.min(cell.colSpan ?? 1, count - column), width });
        return;
      }
      natural[column] = Math.max(natural[column] ?? 0, width);
      if (isToken(cell.text)) floor[column] = Math.max(floor[column] ?? 0, width);
      else if (displayWidth(cell.text) > MIN_TEXT_UNITS) rigid[column] = false;
    });
  }
  for (const cell of merged) {
    const columns = Array.from({ length: cell.span }, (_, index) => cell.column + index);
    const have = columns.reduce((total, column) => total + (natural[column] ?? 0), 0) + (cell.span - 1) * PADDING_UNITS;
    if (cell.width > have) for (const column of columns) natural[column] = (natural[column] ?? 0) + (cell.width - have) / columns.length;
  }
  const placed = placeHeader(table.header, count);
  for (const cell of placed.filter((candidate) => candidate.colSpan === 1)) {
    natural[cell.column] = Math.max(natural[cell.column] ?? 0, headerUnits(displayWidth(cell.text)));
  }
  for (const cell of placed.filter((candidate) => candidate.colSpan > 1)) {
    const wanted = Math.min(displayWidth(cell.text), HEADER_UNITS * 2);
    const columns = Array.from({ length: cell.colSpan }, (_, index) => cell.column + index);
    const have = columns.reduce((total, column) => total + (natural[column] ?? 0), 0);
    if (wanted > have) for (const column of columns) natural[column] = (natural[column] ?? 0) + (wanted - have) / columns.length;
  }
  const minimum = natural.map((width, column) => (rigid[column] ? width : Math.max(floor[column] ?? 0, Math.min(width, MIN_TEXT_UNITS))));
  const fits = (units: number[], orientation: TableLayout['orientation']) => fontToFit(units, widths[orientation]);

  if (choice !== 'landscape') {
    const isForm = table.header.length === 0;
    const naturalPortrait = fits(natural, 'portrait');
    if (naturalPortrait >= PORTRAIT_MIN_FONT_PT) {
      return { orientation: 'portrait', fontSizePt: Math.min(MAX_FONT_PT, naturalPortrait), columnUnits: natural, naturalUnits: natural };
    }
    if (isForm && fits(minimum, 'portrait') >= PORTRAIT_MIN_FONT_PT) {
      const columnUnits = squeeze(natural, minimum, unitsAt(PORTRAIT_MIN_FONT_PT + 0.5, widths.portrait, count));
      return { orientation: 'portrait', fontSizePt: PORTRAIT_MIN_FONT_PT + 0.5, columnUnits, naturalUnits: natural };
    }
  }
  const orientation = choice === 'portrait' ? 'portrait' : 'landscape';
  const size = fits(natural, orientation);
  if (size >= MIN_FONT_PT) {
    return { orientation, fontSizePt: Math.min(MAX_FONT_PT, size), columnUnits: natural, naturalUnits: natural };
  }
  // Halfway between the size the natural widths need and the largest the minimum allows: text wraps, but not into slivers.
  const fontSizePt = Math.floor(Math.max(MIN_FONT_PT, Math.min(MAX_FONT_PT, (size + fits(minimum, orientation)) / 2)) * 10) / 10;
  const columnUnits = squeeze(natural, minimum, unitsAt(fontSizePt, widths[orientation], count));
  return { orientation, fontSizePt, columnUnits, naturalUnits: natural };
}

/** The largest font size (pt, 2 decimals, rounded down) at which columns of these widths fill the page. */
function fontToFit(units: number[], widthMm: number): number {
  const total = units.reduce((sum, width) => sum + width + PADDING_UNITS, 0);
  const unitMm = widthMm / total;
  return Math.floor((unitMm / (0.5 * MM_PER_PT)) * 100) / 100;
}

/** The text width the page holds at a font size, after padding. */
function unitsAt(fontPt: number, widthMm: number, columns: number): number {
  return widthMm / (0.5 * fontPt * MM_PER_PT) - columns * PADDING_UNITS;
}

/** Narrows the wrapping columns (never below their minimum) until the total fits `available`. */
function squeeze(natural: number[], minimum: number[], available: number): number[] {
  const total = natural.reduce((sum, width) => sum + width, 0);
  const slack = natural.reduce((sum, width, column) => sum + (width - (minimum[column] ?? width)), 0);
  const excess = total - available;
  if (excess <= 0 || slack <= 0) return natural;
  const share = Math.min(1, excess / slack);
  return natural.map((width, column) => width - (width - (minimum[column] ?? width)) * share);
}

/** Display width with digits a little wider than half an em, as they print in Noto Sans. */
function printedUnits(text: string): number {
  const digits = text.match(/[0-9]/g)?.length ?? 0;
  return displayWidth(text) + digits * (DIGIT_FACTOR - 1);
}

function headerUnits(width: number): number {
  return width <= HEADER_UNITS ? width + 0.5 : Math.min(HEADER_UNITS, Math.ceil(width / 2) + 1);
}

/** Numbers and codes ("036001", "13050023P00935510016A", "≥90%"): one line, never wrapped. */
export function isToken(text: string): boolean {
  return /^[0-9A-Za-z.,%≥≤<>=+\-]+$/.test(text);
}
