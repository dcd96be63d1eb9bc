import { normalizeName } from '../catalog';

export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  column: string;
  direction: SortDirection;
}

export interface ViewSpec {
  sort: SortSpec | null;
  /** Per column: words that must all occur in the cell's text ("2101 行政"). */
  filters: Readonly<Record<string, string>>;
}

export interface ViewAccess<R> {
  /** The cell's text as shown, for filters. */
  text(record: R, column: string): string;
  /** The value to sort by: numbers for amounts, text otherwise. */
  key(record: R, column: string): string | number;
}

export const NO_VIEW: ViewSpec = { sort: null, filters: {} };

export function isPlainView(view: ViewSpec): boolean {
  return view.sort === null && Object.values(view.filters).every((text) => text.trim() === '');
}

/**
 * The positions of `records` a grid shows, in order: filtered by every column filter, then sorted
 * (stable: equal keys keep workbook order). Null when the view is plain and every record shows in
 * workbook order, so callers can skip building a 50,000-entry index.
 */
export function viewOrder<R>(records: readonly R[], view: ViewSpec, access: ViewAccess<R>): number[] | null {
  if (isPlainView(view)) return null;
  const filters = Object.entries(view.filters)
    .map(([column, text]) => ({ column, words: text.trim().split(/\s+/).map(normalizeName).filter((word) => word !== '') }))
    .filter((filter) => filter.words.length > 0);
  let order: number[] = [];
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index] as R;
    const shown = filters.every(({ column, words }) => {
      const text = normalizeName(access.text(record, column));
      return words.every((word) => text.includes(word));
    });
    if (shown) order.push(index);
  }
  const sort = view.sort;
  if (sort) {
    const keys = new Map<number, string | number>();
    for (const index of order) keys.set(index, access.key(records[index] as R, sort.column));
    const sign = sort.direction === 'asc' ? 1 : -1;
    order = order.sort((a, b) => {
      const compared = compareKeys(keys.get(a) ?? '', keys.get(b) ?? '');
      return compared === 0 ? a - b : sign * compared;
    });
  }
  return order;
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Header clicks cycle a column through ascending, descending and unsorted. */
export function nextSort(current: SortSpec | null, column: string): SortSpec | null {
  if (current?.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}
