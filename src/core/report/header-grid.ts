import type { HeaderCell } from '../tables/spec';

/** A header cell at its place in the grid (0-based), as HTML's table layout would put it. */
export interface PlacedHeaderCell {
  text: string;
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Places the multi-level header: each row's cells fill the columns left free by cells above that
 * span down into it. Spans are clipped to the table's width and the header's height.
 */
export function placeHeader(header: HeaderCell[][], columnCount: number): PlacedHeaderCell[] {
  const taken = header.map(() => new Array<boolean>(columnCount).fill(false));
  const placed: PlacedHeaderCell[] = [];
  header.forEach((cells, row) => {
    let column = 0;
    for (const cell of cells) {
      while (column < columnCount && taken[row]?.[column]) column += 1;
      if (column >= columnCount) break;
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, columnCount - column));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, header.length - row));
      for (let down = 0; down < rowSpan; down += 1) {
        for (let across = 0; across < colSpan; across += 1) {
          const target = taken[row + down];
          if (target) target[column + across] = true;
        }
      }
      placed.push({ text: cell.text, row, column, rowSpan, colSpan });
      column += colSpan;
    }
  });
  return placed;
}
