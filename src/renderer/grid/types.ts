import type { CellWrite } from '../../core/workbench';
import type { SortSpec } from '../../core/workbench';

/** One column of a grid, as the grid draws it. `id` is the model field the column edits. */
export interface GridColumn {
  id: string;
  header: string;
  width: number;
  align?: 'start' | 'end';
  readOnly?: boolean;
  /** Cells may hold line breaks (notes, texts): Alt+Enter types one, the cell shows the first line. */
  multiline?: boolean;
}

export type MarkLevel = 'error' | 'warning' | 'draft' | 'missing';

/** What a cell carries besides its text: a failed paste, a check finding. `message` is already worded. */
export interface CellMark {
  level: MarkLevel;
  message: string;
}

export interface Suggestion {
  /** Text written into the cell when chosen. */
  value: string;
  label: string;
  detail?: string;
}

export type RowKind = 'record' | 'draft' | 'blank';

/**
 * What the grid needs to know about its rows, asked only for the rows on screen, so a grid over
 * 50,000 records costs what the visible 30 cost. Rows are positions in the visible order.
 */
export interface GridModel {
  columns: GridColumn[];
  rowCount: number;
  rowKey(row: number): string;
  rowKind(row: number): RowKind;
  /** Position of a row key in the visible order, or -1. */
  indexOfKey(key: string): number;
  cellText(row: number, column: number): string;
  /** The editor's starting text, and what copy puts on the clipboard. */
  editText(row: number, column: number): string;
  cellMark(row: number, column: number): CellMark | null;
  /** A row's marks in one sentence, for the row header's tooltip. */
  rowMark?(row: number): CellMark | null;
  /**
   * Typed, pasted, filled or cleared cells: one call is one user action (one undo step). Answers, per row
   * written, the key that row has once the commit lands (a new row saved as a record gets the record's id),
   * so the cursor can stay in the row the clerk typed in wherever the row then sits.
   */
  commit(writes: CellWrite[]): ReadonlyMap<number, string> | void;
  deleteRows(rows: number[]): void;
  suggest?(row: number, column: number, text: string): Suggestion[];
  sort: SortSpec | null;
  filters: Readonly<Record<string, string>>;
  onSort(column: string): void;
  onFilter(column: string, text: string): void;
}

export interface FocusRequest {
  rowKey: string;
  column: string;
  /** Bumped for every request, so asking twice for the same cell still moves there. */
  seq: number;
}
