import type { CellRange } from '../../core/workbench';

export interface CellPos {
  row: number;
  column: number;
}

export function rangeOf(anchor: CellPos, active: CellPos): CellRange {
  return {
    top: Math.min(anchor.row, active.row),
    bottom: Math.max(anchor.row, active.row),
    left: Math.min(anchor.column, active.column),
    right: Math.max(anchor.column, active.column),
  };
}

export function inRange(range: CellRange, row: number, column: number): boolean {
  return row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;
}

export function clampPos(pos: CellPos, rowCount: number, columnCount: number): CellPos {
  return {
    row: Math.max(0, Math.min(rowCount - 1, pos.row)),
    column: Math.max(0, Math.min(columnCount - 1, pos.column)),
  };
}

/** What a key does to the active cell when the grid is not editing; null when the key is not a move. */
export function moveFor(key: string, ctrl: boolean, pos: CellPos, rowCount: number, columnCount: number, pageRows: number): CellPos | null {
  switch (key) {
    case 'ArrowUp':
      return { row: ctrl ? 0 : pos.row - 1, column: pos.column };
    case 'ArrowDown':
      return { row: ctrl ? rowCount - 1 : pos.row + 1, column: pos.column };
    case 'ArrowLeft':
      return { row: pos.row, column: ctrl ? 0 : pos.column - 1 };
    case 'ArrowRight':
      return { row: pos.row, column: ctrl ? columnCount - 1 : pos.column + 1 };
    case 'PageUp':
      return { row: pos.row - pageRows, column: pos.column };
    case 'PageDown':
      return { row: pos.row + pageRows, column: pos.column };
    case 'Home':
      return ctrl ? { row: 0, column: 0 } : { row: pos.row, column: 0 };
    case 'End':
      return ctrl ? { row: rowCount - 1, column: columnCount - 1 } : { row: pos.row, column: columnCount - 1 };
    default:
      return null;
  }
}
