import type { EvaluatedCell, EvaluatedRow } from './render';
import type { CellSpan } from './spec';

/**
 * Merged body cells. renderCells notes what a cell's spec asks for (colSpan, rowSpan); once the whole
 * body is evaluated, applySpans decides the actual merges, because a span may reach into rows other parts
 * yield. A merged cell gets rowSpan/colSpan; the cells it covers become blank `covered` cells, so the grid
 * stays one cell per column and row (displayRows, CSV and the seed comparisons read it as before).
 */
const requests = new WeakMap<EvaluatedCell, CellSpan>();

export function requestSpan(cell: EvaluatedCell, span: CellSpan): void {
  requests.set(cell, span);
}

/** The merge a cell asks for, if any (copies of a cell may ask for the same). */
export function spanRequest(cell: EvaluatedCell): CellSpan | undefined {
  return requests.get(cell);
}

const blank = (cell: EvaluatedCell | undefined) => cell !== undefined && !cell.covered && cell.text === '' && cell.fen === undefined;

/**
 * Resolves the requested merges of a table's body in place. `rowParts[r]` is the index of the table's
 * top-level part that yielded row r, `partIds` the ids of those parts. Rows are read top to bottom and
 * cells left to right; a covered cell asks for nothing. A colSpan or a counted / `through` rowSpan takes
 * blank cells only and stops at the first that is not; `"same"` takes the following rows of its part that
 * print the same text (its other columns blank), within the `"same"` merges to its left.
 */
export function applySpans(rows: EvaluatedRow[], rowParts: number[], partIds: (string | undefined)[], columnCount: number): void {
  const count = rows.length;
  // The active "same" merge per column: its last row (-1: none).
  const sameEnd = new Array<number>(columnCount).fill(-1);
  for (let r = 0; r < count; r += 1) {
    const cells = rows[r]?.cells ?? [];
    for (let c = 0; c < columnCount; c += 1) {
      const cell = cells[c];
      if (!cell || cell.covered) continue;
      const request = requests.get(cell);
      if (!request) continue;
      let width = 1;
      const wanted = Math.min(request.colSpan ?? 1, columnCount - c);
      while (width < wanted && blank(cells[c + width])) width += 1;
      const rowBlank = (row: number) => {
        const below = rows[row]?.cells ?? [];
        for (let k = 0; k < width; k += 1) if (!blank(below[c + k])) return false;
        return true;
      };
      let last = r;
      const span = request.rowSpan;
      if (span === 'same') {
        if (cell.text !== '') {
          let bound = lastRowOfPart(rowParts, r);
          for (let left = 0; left < c; left += 1) if (sameEnd[left]! >= r) bound = Math.min(bound, sameEnd[left]!);
          while (last < bound && sameBelow(rows[last + 1]?.cells ?? [], c, width, cell.text)) last += 1;
          sameEnd[c] = last;
        }
      } else if (span !== undefined) {
        const target = typeof span === 'number' ? Math.min(count - 1, r + span - 1) : lastRowThrough(rowParts, partIds, span.through);
        while (last < target && rowBlank(last + 1)) last += 1;
      }
      for (let row = r; row <= last; row += 1) {
        const target = rows[row];
        if (!target) continue;
        for (let k = 0; k < width; k += 1) if (row !== r || k !== 0) target.cells[c + k] = { text: '', covered: true };
      }
      if (width > 1) cell.colSpan = width;
      if (last > r) cell.rowSpan = last - r + 1;
    }
  }
}

/** The next row repeats the text at `column` and is blank in the rest of the merge's width. */
function sameBelow(cells: EvaluatedCell[], column: number, width: number, text: string): boolean {
  const cell = cells[column];
  if (!cell || cell.covered || cell.text !== text) return false;
  for (let k = 1; k < width; k += 1) if (!blank(cells[column + k])) return false;
  return true;
}

function lastRowOfPart(rowParts: number[], row: number): number {
  const part = rowParts[row];
  let last = row;
  while (last + 1 < rowParts.length && rowParts[last + 1] === part) last += 1;
  return last;
}

/** The last row of the part `id` (or of the parts before it, when it yields none); -1 when there is no such part. */
function lastRowThrough(rowParts: number[], partIds: (string | undefined)[], id: string): number {
  const part = partIds.indexOf(id);
  if (part < 0) return -1;
  let last = -1;
  rowParts.forEach((index, row) => {
    if (index <= part) last = row;
  });
  return last;
}
