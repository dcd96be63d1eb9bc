import { placeHeader, type PlacedHeaderCell } from '../report/header-grid';
import type { BodyPart, CellSpec, HeaderCell, TableSpec } from '../tables/spec';
import type { ColumnChanges, NewColumn } from './document';
import type { ProblemList } from './problems';

/**
 * A variant's column changes on one table: columns removed, replaced or added by id. Every body row's cells
 * move with their column, `sum` cells follow (a sum over a replaced column sums its replacements), and the
 * header's spans grow or shrink so new columns sit under the same header cells as the column they follow.
 */
export function changeColumns(table: TableSpec, changes: ColumnChanges, problems: ProblemList, path: string): TableSpec {
  let current = table;
  const known = (id: string, where: string) => {
    if (current.columns.includes(id)) return true;
    problems.add(where, 'template:unknownColumn', { id, table: table.id, columns: current.columns.join(', ') });
    return false;
  };
  const unaligned = table.body.find((part) => part.kind === 'projectIndicatorGrid');
  if (unaligned && (changes.remove?.length || changes.replace || changes.add?.length)) {
    problems.add(`${path}`, 'template:columnsNotAligned', { table: table.id, part: unaligned.id ?? unaligned.kind });
    return table;
  }
  for (const [id, text] of Object.entries(changes.headers ?? {})) {
    if (known(id, `${path}.headers[${JSON.stringify(id)}]`)) current = renameHeader(current, current.columns.indexOf(id), text);
  }
  for (const [id, columns] of Object.entries(changes.replace ?? {})) {
    if (!known(id, `${path}.replace[${JSON.stringify(id)}]`)) continue;
    const position = current.columns.indexOf(id);
    current = insertColumns(current, position + 1, position, columns);
    current = removeColumn(current, position, position + 1, columns.length);
  }
  for (const [index, addition] of (changes.add ?? []).entries()) {
    if (addition.after !== undefined && !known(addition.after, `${path}.add[${index}].after`)) continue;
    const after = addition.after === undefined ? -1 : current.columns.indexOf(addition.after);
    current = insertColumns(current, after + 1, after, addition.columns);
  }
  for (const [index, id] of (changes.remove ?? []).entries()) {
    if (known(id, `${path}.remove[${index}]`)) current = removeColumn(current, current.columns.indexOf(id));
  }
  return current;
}

/** Column `position` leaves; a `sum` over it sums `replacement` columns instead (`count` of them from `replacementStart`). */
function removeColumn(table: TableSpec, position: number, replacementStart?: number, count = 0): TableSpec {
  const remap = (index: number): number[] => {
    if (index === position) return replacementStart === undefined ? [] : Array.from({ length: count }, (_, k) => replacementStart + k - 1);
    return [index > position ? index - 1 : index];
  };
  const header = rebuildHeader(
    placeHeader(table.header, table.columnCount).flatMap((cell) => {
      if (cell.column <= position && position < cell.column + cell.colSpan) return cell.colSpan === 1 ? [] : [{ ...cell, colSpan: cell.colSpan - 1 }];
      return [cell.column > position ? { ...cell, column: cell.column - 1 } : cell];
    }),
  );
  return {
    ...table,
    columns: table.columns.filter((_, index) => index !== position),
    columnCount: table.columnCount - 1,
    header,
    body: table.body.map((part) => mapPartCells(part, 0, (cells, offset) => spliceCells(cells, position - offset, 1, [], remap, offset))),
  };
}

/** New columns at `position`, siblings in the header of column `sibling` (-1: at the start, under no header cell). */
function insertColumns(table: TableSpec, position: number, sibling: number, columns: NewColumn[]): TableSpec {
  const count = columns.length;
  const placed = placeHeader(table.header, table.columnCount);
  const leaf = sibling >= 0 ? deepestCell(placed, sibling) : undefined;
  const moved = placed.map((cell) => {
    if (cell.column >= position) return { ...cell, column: cell.column + count };
    // A header cell above the sibling takes the new columns in (the sibling's leaf stays its own width).
    if (leaf && cell !== leaf && cell.column <= sibling && sibling < cell.column + cell.colSpan && cell.row < leaf.row) return { ...cell, colSpan: cell.colSpan + count };
    return cell;
  });
  const leafRow = leaf?.row ?? 0;
  const leafSpan = leaf ? leaf.rowSpan : Math.max(1, table.header.length);
  const added: PlacedHeaderCell[] =
    table.header.length === 0 ? [] : columns.map((column, k) => ({ text: column.header, row: leafRow, column: position + k, rowSpan: leafSpan, colSpan: 1 }));
  const remap = (index: number) => [index >= position ? index + count : index];
  return {
    ...table,
    columns: [...table.columns.slice(0, position), ...columns.map((column) => column.id), ...table.columns.slice(position)],
    columnCount: table.columnCount + count,
    header: rebuildHeader([...moved, ...added]),
    body: table.body.map((part) =>
      mapPartCells(part, 0, (cells, offset, style) => spliceCells(cells, position - offset, 0, columns.map((column) => cellFor(column, part.id, style)), remap, offset)),
    ),
  };
}

function cellFor(column: NewColumn, partId: string | undefined, style: string | undefined): CellSpec {
  const specific = (partId === undefined ? undefined : column.cells?.[partId]) as CellSpec | Record<string, CellSpec> | undefined;
  if (specific !== undefined) {
    if (typeof specific === 'string' || !isStyleMap(specific)) return specific as CellSpec;
    const byStyle: Record<string, CellSpec> = specific;
    return (style !== undefined ? byStyle[style] : undefined) ?? (column.cell as CellSpec);
  }
  return column.cell as CellSpec;
}

/** A per-style map ({ leaf: …, total: … }) rather than a cell. */
function isStyleMap(value: object): value is Record<string, CellSpec> {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => ['total', 'department', 'unit', 'group', 'leaf'].includes(key));
}

/**
 * Cells at body position `at` (after the part's offset) replaced; `sum` indexes mapped. Rows shorter than the
 * position are padded with blanks first so every row keeps its columns aligned.
 */
function spliceCells(cells: CellSpec[], at: number, remove: number, insert: CellSpec[], remap: (index: number) => number[], offset: number): CellSpec[] {
  // Existing cells' sums are remapped; the inserted cells' sums already count the changed table's columns.
  const mapped = cells.map((cell, index) => resizeSpan(remapSum(cell, remap, offset), index, at, insert.length - remove));
  if (at < 0 || (mapped.length <= at && remove > 0)) return mapped;
  while (mapped.length < at) mapped.push('');
  mapped.splice(at, remove, ...insert);
  return mapped;
}

/** A cell merged across the changed column grows or shrinks with it (`by` columns). */
function resizeSpan(cell: CellSpec, index: number, at: number, by: number): CellSpec {
  if (typeof cell !== 'object' || at < 0) return cell;
  const span = (cell as { colSpan?: unknown }).colSpan;
  if (typeof span !== 'number' || index >= at || index + span <= at) return cell;
  return { ...cell, colSpan: Math.max(1, span + by) } as CellSpec;
}

function remapSum(cell: CellSpec, remap: (index: number) => number[], offset: number): CellSpec {
  if (typeof cell !== 'object' || !('sum' in cell)) return cell;
  // Sum indexes are columns of the row as the part writes it (its own cells), so the part's offset applies.
  const map = (list: (number | string)[]): number[] =>
    list.flatMap((index): (number | string)[] => (typeof index === 'string' ? [index] : remap(index + offset).map((mapped) => mapped - offset))) as number[];
  // Spans and any other property of the cell stay as they were.
  return cell.minus ? { ...cell, sum: map(cell.sum), minus: map(cell.minus) } : { ...cell, sum: map(cell.sum) };
}

type CellsMapper = (cells: CellSpec[], offset: number, style?: string) => CellSpec[];

/** Every cells array of a part that lines up with the table's columns, mapped; `offset` is where the part's first cell prints. */
function mapPartCells(part: BodyPart, offset: number, map: CellsMapper): BodyPart {
  switch (part.kind) {
    case 'rows': {
      const cells = Object.fromEntries(Object.entries(part.cells).map(([style, list]) => [style, list && list.length > 0 ? map(list, offset, style) : list]));
      return { ...part, cells: cells as typeof part.cells };
    }
    case 'numbered':
      return { ...part, parts: part.parts.map((inner) => mapPartCells(inner, offset + 1, map)) };
    case 'procurementRows':
      return {
        ...part,
        itemCells: map(part.itemCells, offset),
        ...(part.totalCells ? { totalCells: map(part.totalCells, offset) } : {}),
        ...(part.unitCells ? { unitCells: map(part.unitCells, offset) } : {}),
      };
    case 'projectTree':
      return { ...part, cells: map(part.cells, offset), levels: part.levels.map((level) => ({ ...level, cells: map(level.cells, offset) })) };
    case 'projectIndicatorGrid':
      return part;
    default:
      return { ...part, cells: map(part.cells, offset) };
  }
}

function renameHeader(table: TableSpec, position: number, text: string): TableSpec {
  const placed = placeHeader(table.header, table.columnCount);
  const leaf = deepestCell(placed, position);
  if (!leaf) return table;
  return { ...table, header: rebuildHeader(placed.map((cell) => (cell === leaf ? { ...cell, text } : cell))) };
}

/** The lowest header cell over a column: its own header. */
function deepestCell(placed: PlacedHeaderCell[], column: number): PlacedHeaderCell | undefined {
  return placed.filter((cell) => cell.column <= column && column < cell.column + cell.colSpan).sort((a, b) => b.row - a.row)[0];
}

function rebuildHeader(placed: PlacedHeaderCell[]): HeaderCell[][] {
  const rows: HeaderCell[][] = [];
  for (const cell of [...placed].sort((a, b) => a.row - b.row || a.column - b.column)) {
    while (rows.length <= cell.row) rows.push([]);
    const out: HeaderCell = { text: cell.text };
    if (cell.colSpan !== 1) out.colSpan = cell.colSpan;
    if (cell.rowSpan !== 1) out.rowSpan = cell.rowSpan;
    rows[cell.row]?.push(out);
  }
  return rows;
}
