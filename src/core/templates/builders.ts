import type { Nature } from '../model';
import type { CellSpec, FixedRow, LineFilter, Measure } from '../tables/spec';

/** Small helpers that keep template data short; they build plain spec objects. */

export const spend = (filter: LineFilter = {}): CellSpec => ({ measure: { source: 'budget', ...filter } });
export const income = (filter: LineFilter = {}): CellSpec => ({ measure: { source: 'income', ...filter } });
export const field = (name: Extract<CellSpec, { field: unknown }>['field']): CellSpec => ({ field: name });
export const sum = (columns: number[], minus?: number[]): CellSpec => (minus ? { sum: columns, minus } : { sum: columns });
export const blank = (count: number): CellSpec[] => Array.from({ length: count }, () => '');

export function row(cells: CellSpec[], options: Omit<FixedRow, 'kind' | 'cells'> = {}): FixedRow {
  return { kind: 'row', cells, ...options };
}

/** Narrows every measure among `cells` by `filter` (e.g. one fund). */
export function within(filter: LineFilter, cells: CellSpec[]): CellSpec[] {
  return cells.map((cell) => (typeof cell === 'object' && 'measure' in cell ? { measure: narrow(cell.measure, filter) } : cell));
}

function narrow(measure: Measure, filter: LineFilter): Measure {
  return { ...filter, ...measure, ...mergeLists(measure, filter) };
}

function mergeLists(measure: Measure, filter: LineFilter): LineFilter {
  const out: LineFilter = {};
  for (const key of Object.keys(filter) as (keyof LineFilter)[]) {
    const a = measure[key];
    const b = filter[key];
    if (Array.isArray(a) && Array.isArray(b)) {
      (out as Record<string, unknown>)[key] = a.filter((x) => (b as string[]).some((y) => x.startsWith(y) || y.startsWith(x)));
    }
  }
  return out;
}

/** Fund groups used by most templates. */
export const FUNDS = {
  general: ['gen'],
  fund: ['fund'],
  capital: ['capital'],
  fiscal: ['gen', 'fund', 'capital'],
  carry: ['carry'],
  thisYear: ['gen', 'fund', 'capital', 'specialAccount', 'unit'],
} as const;

export const NATURE: Record<string, Nature[]> = {
  basic: ['basic'],
  project: ['project'],
};

/** Chinese numerals 1–99 as printed in row labels: 一 … 十 … 二十一 … */
export function chineseNumber(value: number): string {
  const digits = '零一二三四五六七八九';
  if (value < 10) return digits[value] ?? '';
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}
