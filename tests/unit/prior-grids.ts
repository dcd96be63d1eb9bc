import type { CellRange, SheetGrid } from '../../src/core/prior/grid';
import type { PublishedTable } from '../support/seeds';

/**
 * Sheets laid out like the published tables (tests/fixtures/seeds/<seed>/tables.json), the way a
 * clerk would type them into Excel: title, 部门/单位 line, header rows with their merged cells,
 * the body, the notes. Variations make them look hand-made.
 */

export interface HandMadeOptions {
  /** Blank rows after the title, after the header and in the middle of the body. */
  blankRows?: boolean;
  /** A 单位 line worded "金额单位：…" instead of "单位：…". */
  unitWording?: boolean;
  /** The 合计 label moved into the first column and merged across the label columns. */
  mergedTotalLabel?: boolean;
}

export function publishedGrid(table: PublishedTable, options: HandMadeOptions = {}, name?: string): SheetGrid {
  const width = Math.max(table.header[0]?.length ?? 0, ...table.rows.map((row) => row.length), 1);
  const rows: string[][] = [];
  const merges: CellRange[] = [];
  const push = (row: string[]) => rows.push([...row]);
  push([table.title]);
  merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 });
  if (options.blankRows) push([]);
  for (const line of table.meta) push([options.unitWording ? line.replace(/^单位：/, '金额单位：') : line]);
  const headerTop = rows.length;
  for (const row of table.header) push(row);
  merges.push(...headerMerges(table.header, headerTop));
  if (options.blankRows) push([]);
  table.rows.forEach((row, index) => {
    let cells = [...row];
    if (options.mergedTotalLabel) {
      const at = cells.findIndex((text) => text === '合计');
      if (at > 0 && cells.slice(0, at).every((text) => text === '')) {
        cells = ['合计', ...cells.slice(1, at).map(() => ''), '', ...cells.slice(at + 1)];
        merges.push({ top: rows.length, left: 0, bottom: rows.length, right: at });
      }
    }
    push(cells);
    if (options.blankRows && index === Math.floor(table.rows.length / 2)) push([]);
  });
  for (const note of table.notes) push([note]);
  return { name: name ?? (table.number || table.id).slice(0, 31), rows, merges };
}

/**
 * Merged header cells as the published layout implies them: a heading spans the empty cells to
 * its right that have headings below them, and the empty cells below it.
 */
function headerMerges(header: string[][], top: number): CellRange[] {
  const merges: CellRange[] = [];
  const taken = new Set<string>();
  header.forEach((row, r) => {
    row.forEach((text, c) => {
      if (text === '' || taken.has(`${r}:${c}`)) return;
      let right = c;
      while (right + 1 < row.length && row[right + 1] === '' && !taken.has(`${r}:${right + 1}`) && r + 1 < header.length && (header[r + 1]?.[right + 1] ?? '') !== '') right += 1;
      let bottom = r;
      while (bottom + 1 < header.length && Array.from({ length: right - c + 1 }, (_, k) => header[bottom + 1]?.[c + k] ?? '').every((below) => below === '')) bottom += 1;
      for (let rr = r; rr <= bottom; rr += 1) for (let cc = c; cc <= right; cc += 1) taken.add(`${rr}:${cc}`);
      if (right > c || bottom > r) merges.push({ top: top + r, left: c, bottom: top + bottom, right });
    });
  });
  return merges;
}

/** The same table with its 类/款/项 columns joined into one 科目编码 column (codes "2101501"). */
export function withJoinedCodes(table: PublishedTable): PublishedTable {
  const joinRow = (row: string[]) => [row.slice(0, 3).join(''), ...row.slice(3)];
  return {
    ...table,
    header: table.header.map((row, index) => (index === 0 ? ['科目编码', ...row.slice(3)] : ['', ...row.slice(3)])),
    rows: table.rows.map(joinRow),
  };
}

/** The same table with a 类 code left blank where it repeats the row above (as clerks type it). */
export function withBlankRepeatedClass(table: PublishedTable): PublishedTable {
  let previous = '';
  return {
    ...table,
    rows: table.rows.map((row) => {
      const [first = '', ...rest] = row;
      const blank = /^\d{3}$/.test(first) && first === previous;
      if (/^\d{3}$/.test(first)) previous = first;
      return blank ? ['', ...rest] : row;
    }),
  };
}
