import type { MoneyUnit } from '../../money';
import type { TableSpec, TemplateSpec } from '../../tables/spec';
import { fillMerges, type SheetGrid } from '../grid';
import { normalizeLabel, normalizeText, textSimilarity } from '../text';

/**
 * Which template table a sheet is: its title against the table's title, its header rows against
 * the table's header words. Both come from the template spec, so a new province's template is
 * recognized without code. Reads the sheet's own statements on the way: year, department, 单位.
 */

export interface SheetLayout {
  /** The sheet with merged areas spread over their cells. */
  filled: string[][];
}

export interface TableMatch {
  template: TemplateSpec;
  table: TableSpec;
  score: number;
  titleScore: number;
  headerScore: number;
  /** Sheet rows of the header (inclusive), or null for a form without header. */
  header: { from: number; to: number } | null;
  /** First row after the header (or after the title, for a form). */
  dataFrom: number;
  title: string;
  year: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  /** The money unit the sheet states ("单位：万元", "（万元）"), or null when it states none. */
  unit: MoneyUnit | null;
}

const SEARCH_ROWS = 15;
const ACCEPT_SCORE = 0.7;

export function sheetLayout(grid: SheetGrid): SheetLayout {
  return { filled: fillMerges(grid) };
}

/** The best acceptable table of `template` for the sheet, or null. */
export function matchSheet(grid: SheetGrid, layout: SheetLayout, template: TemplateSpec): TableMatch | null {
  let best: TableMatch | null = null;
  for (const table of template.tables) {
    const match = matchTable(grid, layout, template, table);
    if (match && (!best || match.score > best.score)) best = match;
  }
  return best;
}

export function matchTable(grid: SheetGrid, layout: SheetLayout, template: TemplateSpec, table: TableSpec): TableMatch | null {
  const rows = layout.filled;
  const words = headerWords(table);
  const header = words.size > 0 ? headerRegion(rows, words) : null;
  if (words.size > 0 && !header) return null;
  const headerScore = header ? header.found / words.size : 1;
  const titleLimit = header ? header.from : Math.min(rows.length, 6);
  const title = bestTitle(rows, titleLimit, table.title);
  if (table.title.trim() !== '' && !title) return null;
  const titleScore = title?.score ?? 1;
  const score = table.title.trim() === '' ? headerScore : words.size === 0 ? titleScore : 0.6 * titleScore + 0.4 * headerScore;
  const accepted = score >= ACCEPT_SCORE && titleScore >= 0.6 && headerScore >= 0.4 && (words.size > 0 || titleScore >= 0.9);
  if (!accepted) return null;
  const dataFrom = header ? header.to + 1 : (title?.row ?? 0) + 1;
  // A form states its unit anywhere ("资金金额 (万元)"); a grid above its data.
  const statements = statementsAbove(rows, header ? dataFrom : rows.length, table, title?.text ?? '');
  return {
    template,
    table,
    score,
    titleScore,
    headerScore,
    header: header ? { from: header.from, to: header.to } : null,
    dataFrom,
    title: title?.text ?? '',
    year: title?.year ?? statements.year,
    departmentCode: statements.departmentCode,
    departmentName: statements.departmentName,
    unit: statements.unit,
  };
}

/** The distinct wordings of a table's header cells (column numbers and placeholders left out). */
function headerWords(table: TableSpec): Set<string> {
  const words = new Set<string>();
  for (const row of table.header) {
    for (const cell of row) {
      const word = normalizeText(cell.text).replace(/\{\w+\}|20\d{2}/g, '');
      if (word !== '' && !/^\d+$/.test(word)) words.add(word);
    }
  }
  return words;
}

/**
 * The header rows: from the first row with at least two of the header's words (one for a header
 * of one or two words) down through the rows that still hold header words and no amounts, and a
 * 栏次 row of column numbers.
 */
function headerRegion(rows: string[][], words: Set<string>): { from: number; to: number; found: number } | null {
  const limit = Math.min(rows.length, SEARCH_ROWS);
  const need = words.size <= 2 ? 1 : 2;
  const wordsIn = (row: string[] | undefined) => new Set((row ?? []).map(normalizeText).filter((text) => words.has(text)));
  for (let from = 0; from < limit; from += 1) {
    const first = wordsIn(rows[from]);
    if (first.size < need) continue;
    const found = new Set(first);
    let to = from;
    while (to + 1 < rows.length) {
      const next = rows[to + 1] ?? [];
      const inNext = wordsIn(next);
      const numbers = next.filter((text) => /^\d{1,2}$/.test(normalizeText(text))).length;
      const isColumnNumbers = normalizeText(next[0] ?? '') === '栏次' || (numbers >= 2 && next.every((text) => text === '' || /^\d{1,2}$/.test(normalizeText(text))));
      if (!isColumnNumbers && (inNext.size === 0 || next.some(looksLikeAmount))) break;
      for (const word of inNext) found.add(word);
      to += 1;
    }
    return { from, to, found: found.size };
  }
  return null;
}

function looksLikeAmount(text: string): boolean {
  return /^-?\d[\d,]*(\.\d+)?$/.test(normalizeText(text));
}

interface TitleCandidate {
  text: string;
  row: number;
  score: number;
  year: number | null;
}

/**
 * The longest cell text read as a title or a statement ("单位：万元", "部门名称：…"); a longer cell
 * is prose or noise. Together with the bounded placeholders below, this keeps matching linear.
 */
const MAX_TITLE_CHARS = 200;
/** What a placeholder in a title or meta line ({departmentName} …) may stand for, at most. */
const PLACEHOLDER = '.{1,80}?';

/** The cell above the header that reads most like the table's title. */
function bestTitle(rows: string[][], limit: number, title: string): TitleCandidate | null {
  if (title.trim() === '') return null;
  const pattern = titlePattern(title);
  const plain = normalizeText(title).replace(/\{\w+\}/g, '');
  let best: TitleCandidate | null = null;
  for (let row = 0; row < limit; row += 1) {
    for (const cell of new Set(rows[row] ?? [])) {
      if (cell.length > MAX_TITLE_CHARS * 4) continue;
      const text = normalizeText(cell);
      if (text.length < 2 || text.length > MAX_TITLE_CHARS) continue;
      const match = pattern.exec(text);
      const score = match ? 1 : textSimilarity(text.replace(/\d{4}/g, ''), plain);
      const year = match?.groups?.year ? Number(match.groups.year) : null;
      if (!best || score > best.score) best = { text: cell.trim(), row, score, year };
    }
  }
  return best && best.score >= 0.6 ? best : null;
}

/**
 * The title as a pattern: placeholders stand for at most PLACEHOLDER characters, and the title may
 * sit inside a longer cell ("附表1 2024年…表（万元）"), which is at most MAX_TITLE_CHARS long.
 */
function titlePattern(title: string): RegExp {
  const source = normalizeText(title)
    .split(/(\{\w+\})/)
    .map((part) => {
      if (part === '{year}') return '(?<year>\\d{4})';
      if (/^\{\w+\}$/.test(part)) return PLACEHOLDER;
      return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(source);
}

interface Statements {
  year: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  unit: MoneyUnit | null;
}

/** What the rows above the data say, read through the table's meta lines ("部门名称：{departmentName}"). */
function statementsAbove(rows: string[][], dataFrom: number, table: TableSpec, title: string): Statements {
  const out: Statements = { year: null, departmentCode: null, departmentName: null, unit: null };
  const cells = rows.slice(0, dataFrom).flatMap((row) => [...new Set(row)]).filter((text) => text.trim() !== '' && text.trim() !== title);
  const metaPatterns = table.meta.filter((line) => /\{(year|departmentName|departmentCode)\}/.test(line)).map(metaPattern);
  // "预算年度：2024　单位：万元" states two things in one cell: try the cell and its parts.
  const texts = cells
    .filter((cell) => cell.length <= MAX_TITLE_CHARS * 4)
    .flatMap((cell) => [cell, ...cell.split(/\u3000+|\s{2,}/)])
    .map(normalizeText)
    .filter((text) => text !== '' && text.length <= MAX_TITLE_CHARS);
  for (const text of texts) {
    for (const pattern of metaPatterns) {
      const groups = pattern.exec(text)?.groups;
      if (!groups) continue;
      if (groups.year && out.year === null) out.year = Number(groups.year);
      if (groups.departmentCode && out.departmentCode === null) out.departmentCode = groups.departmentCode;
      if (groups.departmentName && out.departmentName === null) out.departmentName = groups.departmentName;
    }
    out.unit ??= unitIn(text);
  }
  return out;
}

function metaPattern(line: string): RegExp {
  const source = normalizeText(line)
    .split(/(\{\w+\})/)
    .map((part) => {
      if (part === '{year}') return '(?<year>\\d{4})';
      if (part === '{departmentCode}') return '(?<departmentCode>\\d+)';
      if (part === '{departmentName}') return `(?<departmentName>${PLACEHOLDER})`;
      if (/^\{\w+\}$/.test(part)) return '.{0,80}?';
      return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** "单位：万元", "金额单位:元", "项目金额（万元）". */
function unitIn(text: string): MoneyUnit | null {
  const stated = /单位:?(万元|元)/.exec(text) ?? /\((万元|元)\)/.exec(text);
  if (!stated) return null;
  return stated[1] === '万元' ? 'wan' : 'yuan';
}

/** A label as written in the template, filled with what the importing workbook knows, for comparing. */
export function templateLabel(label: string, values: Record<string, string>): string {
  return normalizeLabel(label.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole));
}
