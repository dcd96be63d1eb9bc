import { placeHeader } from '../../report/header-grid';
import type { BodyPart, CellSpec, TableSpec } from '../../tables/spec';

/**
 * The clerk's correction of what a learned column holds (docs/templates.md, "Learning"): the column takes the
 * amounts of a column of the base table, chosen from the base's own columns by their headings. Only amount
 * cells move (a measure or a prior-year figure); codes, names and sums of the learned row lists stay as read.
 */
export interface ColumnMeaning {
  /** The learned table's id (its base table's id). */
  table: string;
  /** The learned column's id. */
  column: string;
  /** The base table's column whose amounts it holds. */
  as: string;
}

/** The base's columns a learned column may be said to hold: those with amount cells, with their header text. */
export function meaningChoices(base: TableSpec): { id: string; header: string }[] {
  const placed = placeHeader(base.header, base.columnCount);
  const heading = (index: number) =>
    placed
      .filter((cell) => cell.column <= index && index < cell.column + cell.colSpan && cell.text.trim() !== '' && !/^\d+$/.test(cell.text.trim()))
      .map((cell) => cell.text.trim())
      .join(' / ');
  return base.columns.flatMap((id, index) => (base.body.some((part) => amountAt(part, index, 0)) ? [{ id, header: heading(index) || id }] : []));
}

/** `table` with column `column` holding the amounts `base` prints in column `as`; null when either is unknown. */
export function withColumnMeaning(table: TableSpec, base: TableSpec, column: string, as: string): TableSpec | null {
  const target = table.columns.indexOf(column);
  const source = base.columns.indexOf(as);
  if (target < 0 || source < 0) return null;
  const baseParts = new Map(base.body.map((part, index) => [part.id ?? `#${index}:${part.kind}`, part]));
  const body = table.body.map((part, index) => {
    const from = baseParts.get(part.id ?? `#${index}:${part.kind}`) ?? base.body.find((candidate) => candidate.kind === part.kind);
    return from ? copyColumn(part, from, target, source, 0) : part;
  });
  return { ...table, body };
}

function isAmount(cell: CellSpec | undefined): cell is Extract<CellSpec, { measure: unknown } | { prior: string }> {
  return typeof cell === 'object' && cell !== null && ('measure' in cell || 'prior' in cell);
}

function amountAt(part: BodyPart, column: number, offset: number): boolean {
  if (part.kind === 'numbered') return part.parts.some((inner) => amountAt(inner, column, offset + 1));
  if (part.kind === 'rows') return Object.values(part.cells).some((cells) => isAmount(cells?.[column - offset]));
  if ('cells' in part && Array.isArray(part.cells)) return isAmount(part.cells[column - offset]);
  return false;
}

/** Cells at `target` take the amount cell `from` has at `source`, where the learned cell is an amount or blank. */
function moved(cells: CellSpec[], fromCells: CellSpec[] | undefined, target: number, source: number): CellSpec[] {
  const next = fromCells?.[source];
  const current = cells[target];
  if (!isAmount(next) || !(isAmount(current) || current === '' || current === undefined)) return cells;
  const out = [...cells];
  while (out.length <= target) out.push('');
  // The learned cell's spans stay: they belong to the printed layout, not to what is summed.
  const spans = isAmount(current) ? { ...current } : {};
  delete (spans as { measure?: unknown }).measure;
  delete (spans as { prior?: unknown }).prior;
  const amount = 'measure' in next ? { measure: next.measure } : { prior: next.prior };
  out[target] = { ...spans, ...amount } as CellSpec;
  return out;
}

function copyColumn(part: BodyPart, from: BodyPart, target: number, source: number, offset: number): BodyPart {
  if (part.kind === 'numbered' && from.kind === 'numbered') {
    return { ...part, parts: part.parts.map((inner, index) => (from.parts[index] ? copyColumn(inner, from.parts[index] as BodyPart, target, source, offset + 1) : inner)) };
  }
  if (part.kind === 'rows' && from.kind === 'rows') {
    const cells = Object.fromEntries(Object.entries(part.cells).map(([style, list]) => [style, list ? moved(list, from.cells[style as keyof typeof from.cells], target - offset, source - offset) : list]));
    return { ...part, cells: cells as typeof part.cells };
  }
  if ('cells' in part && Array.isArray(part.cells) && 'cells' in from && Array.isArray(from.cells)) {
    return { ...part, cells: moved(part.cells, from.cells as CellSpec[], target - offset, source - offset) } as BodyPart;
  }
  return part;
}
