/** A rectangle of grid cells by visible row and column index, inclusive. */
export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface CellWrite {
  row: number;
  column: number;
  text: string;
}

/**
 * Excel's Ctrl+D: every row of the range takes the range's first row; a range of one row takes the
 * row above it. `textAt` gives a cell's text as copy would give it. Nothing to do → [].
 */
export function fillDown(range: CellRange, textAt: (row: number, column: number) => string): CellWrite[] {
  const single = range.top === range.bottom;
  const source = single ? range.top - 1 : range.top;
  if (source < 0) return [];
  const writes: CellWrite[] = [];
  for (let row = single ? range.top : range.top + 1; row <= range.bottom; row += 1) {
    for (let column = range.left; column <= range.right; column += 1) {
      writes.push({ row, column, text: textAt(source, column) });
    }
  }
  return writes;
}

/** The writes a pasted block makes with its top-left cell at (row, column); columns past `columnCount` are dropped. */
export function pasteWrites(block: readonly (readonly string[])[], row: number, column: number, columnCount: number): CellWrite[] {
  const writes: CellWrite[] = [];
  block.forEach((cells, rowOffset) => {
    cells.forEach((text, columnOffset) => {
      if (column + columnOffset < columnCount) writes.push({ row: row + rowOffset, column: column + columnOffset, text });
    });
  });
  return writes;
}

/**
 * Excel pastes a copied block repeatedly when the selection is a whole multiple of it (one value
 * into a selected column). Returns the block tiled over the selection, or the block itself.
 */
export function tileOver(block: readonly (readonly string[])[], range: CellRange): string[][] {
  const height = block.length;
  const width = block[0]?.length ?? 0;
  const rows = range.bottom - range.top + 1;
  const columns = range.right - range.left + 1;
  if (height === 0 || width === 0 || rows % height !== 0 || columns % width !== 0 || (rows === height && columns === width)) {
    return block.map((cells) => [...cells]);
  }
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => block[r % height]?.[c % width] ?? ''));
}
