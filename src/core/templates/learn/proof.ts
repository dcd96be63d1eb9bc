import { FEN_PER, roundFen, type MoneyUnit } from '../../money';
import type { EvaluatedTable } from '../../tables/render';
import { cellRef, isDash, normalizeText, printedNumber, sameNumber, textSimilarity } from './cells';
import type { Block, SheetView } from './blocks';
import type { CellDifference, TableProof } from './types';

/**
 * The proof: the learned template evaluated over the same year's facts must print every number the published
 * table prints, in the same cell. Rows are paired by their labels and codes (a sequence alignment, so a row the
 * template leaves out or adds shows as such), columns by the learned mapping.
 */

/** Row texts used to pair rows: every column that is not an amount. */
export function rowKey(texts: string[], moneyColumns: Set<number>): string {
  return texts
    .map((text, column) => (moneyColumns.has(column) ? '' : normalizeText(text)))
    .join('|')
    .replace(/\|+$/, '');
}

/**
 * Pairs of (published row, our row) in order, maximising matched keys: equal keys count most, similar ones a
 * little (a reworded label), and a row may stay unpaired on either side.
 */
export function alignRows(published: string[], ours: string[]): [number, number][] {
  const n = published.length;
  const m = ours.length;
  const score = (i: number, j: number): number => {
    const a = published[i] as string;
    const b = ours[j] as string;
    if (a === b) return a.replace(/\|/g, '') === '' ? 0.5 : 2;
    const plainA = a.replace(/\|/g, '');
    const plainB = b.replace(/\|/g, '');
    if (plainA === '' || plainB === '') return 0;
    const similar = textSimilarity(plainA, plainB);
    return similar >= 0.6 ? similar : 0;
  };
  const best: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    const row = best[i] as Float64Array;
    const below = best[i + 1] as Float64Array;
    for (let j = m - 1; j >= 0; j -= 1) {
      const here = score(i, j);
      const take = here > 0 ? here + (below[j + 1] as number) : 0;
      row[j] = Math.max(take, below[j] as number, row[j + 1] as number);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = score(i, j);
    const current = (best[i] as Float64Array)[j] as number;
    if (here > 0 && Math.abs(current - (here + ((best[i + 1] as Float64Array)[j + 1] as number))) < 1e-9) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (Math.abs(current - ((best[i + 1] as Float64Array)[j] as number)) < 1e-9) i += 1;
    else j += 1;
  }
  return pairs;
}

/** A published cell is a number cell: digits as printed, or a dash printed for zero in an amount column. */
export function isNumberCell(text: string, moneyColumn: boolean): boolean {
  const plain = text.trim();
  if (plain === '') return false;
  if (isDash(plain)) return moneyColumn;
  return printedNumber(plain) !== null;
}

export interface ProofInput {
  view: SheetView;
  block: Block;
  table: EvaluatedTable;
  /** Published column (block-relative) → evaluated column. */
  columnOf: (number | null)[];
  moneyColumns: Set<number>;
  tableId: string | null;
}

/** Every number cell of one published table against our evaluation of it. */
export function proveTable(input: ProofInput): TableProof {
  const { view, block, table, columnOf, moneyColumns } = input;
  const width = block.right - block.left + 1;
  const publishedRows = block.body.map((row) => {
    const texts: string[] = [];
    for (let c = 0; c < width; c += 1) texts.push(view.raw(row, block.left + c));
    return texts;
  });
  const ourRows = table.rows.map((row) => {
    const texts: string[] = [];
    for (let c = 0; c < width; c += 1) {
      const column = columnOf[c];
      const cell = column === null || column === undefined ? undefined : row.cells[column];
      texts.push(cell && !cell.covered ? cell.text : '');
    }
    return texts;
  });
  const pairs = alignRows(
    publishedRows.map((texts) => rowKey(texts, moneyColumns)),
    ourRows.map((texts) => rowKey(texts, moneyColumns)),
  );
  const pairedOurs = new Map(pairs.map(([i, j]) => [i, j]));
  const proof: TableProof = { sheet: block.sheet, table: input.tableId, title: block.title, numberCells: 0, reproduced: 0, different: [], extra: [], formatDiffers: [] };
  publishedRows.forEach((texts, i) => {
    const j = pairedOurs.get(i);
    const ours = j === undefined ? undefined : ourRows[j];
    texts.forEach((published, c) => {
      const mine = ours?.[c] ?? '';
      const cell = cellRef(block.sheet, block.body[i] as number, block.left + c);
      if (!isNumberCell(published, moneyColumns.has(c))) {
        if (published.trim() === '' && ours && isNumberCell(mine, true) && !sameNumber('0', mine)) proof.extra.push({ cell, published, ours: mine });
        return;
      }
      proof.numberCells += 1;
      if (ours && sameNumber(published, mine)) {
        proof.reproduced += 1;
        if (normalizeText(published) !== normalizeText(mine)) proof.formatDiffers.push({ cell, published, ours: mine });
      } else proof.different.push({ cell, published, ours: ours ? mine : '' });
    });
  });
  return proof;
}

/** How many number cells a candidate evaluation reproduces (for choosing between readings). */
export function agreement(published: string[][], ours: string[][], moneyColumns: Set<number>, columns: number[], unit: MoneyUnit): number[] {
  const pairs = alignRows(
    published.map((texts) => rowKey(texts, moneyColumns)),
    ours.map((texts) => rowKey(texts, moneyColumns)),
  );
  return columns.map((column) => countColumn(published, ours, pairs, column, column, unit));
}

export function countColumn(published: string[][], ours: string[][], pairs: [number, number][], publishedColumn: number, ourColumn: number, unit: MoneyUnit): number {
  let hits = 0;
  for (const [i, j] of pairs) {
    const a = (published[i]?.[publishedColumn] ?? '').trim() || '0';
    const b = (ours[j]?.[ourColumn] ?? '').trim() || '0';
    if (!isNumberCell(a, true) && !isNumberCell(b, true) && !b.startsWith(FEN)) continue;
    if (amountMatches(a, b, unit)) hits += 1;
    else hits -= 1;
  }
  return hits;
}

/** A probe's amount cell: the exact 分 behind the text, so any printed precision can be compared. */
export const FEN = '\u0001';

/** A published amount and ours (text, or FEN + exact 分) are the same at the published precision. */
export function amountMatches(published: string, ours: string, unit: MoneyUnit): boolean {
  if (!ours.startsWith(FEN)) return sameNumber(published, ours);
  const fen = Number(ours.slice(1));
  if (published === '' || isDash(published)) return fen === 0;
  const number = printedNumber(published);
  if (!number || number.percent) return false;
  const decimals = Math.min(number.decimals, Math.round(Math.log10(FEN_PER[unit])));
  if (number.decimals > decimals) return false;
  const shown = roundFen(fen, unit, decimals);
  const [whole = '0', fraction = ''] = number.digits.split('.');
  const value = Number(whole + fraction.padEnd(decimals, '0')) * (number.negative ? -1 : 1);
  return shown === value;
}

export type { CellDifference };
