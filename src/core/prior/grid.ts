/**
 * A worksheet as recognition sees it: the text of every cell, nothing else. The xlsx reader
 * (src/main/services/prior/read-xlsx.ts) produces it; tests may write it by hand.
 */
export interface SheetGrid {
  name: string;
  /** Cell text by row and column, 0-based; a merged area's text sits in its top-left cell only. */
  rows: string[][];
  merges: CellRange[];
}

/** 0-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function cellText(grid: SheetGrid, row: number, column: number): string {
  return grid.rows[row]?.[column] ?? '';
}

/** The grid with every merged area's text copied into each of its cells (for reading headers and labels). */
export function fillMerges(grid: SheetGrid): string[][] {
  const rows = grid.rows.map((row) => [...row]);
  for (const range of grid.merges) {
    const text = cellText(grid, range.top, range.left);
    for (let r = range.top; r <= range.bottom; r += 1) {
      const row = (rows[r] ??= []);
      for (let c = range.left; c <= range.right; c += 1) {
        while (row.length <= c) row.push('');
        if (row[c] === '') row[c] = text;
      }
    }
  }
  return rows;
}

/** Excel's name of a cell: (0, 0) → "A1". */
export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}
