import type { BodyPart, CellSpec, RowFields } from '../../tables/spec';

/**
 * A table's body laid out on other columns: each new column says where its cells come from — a column of the
 * base table (moved, kept), several base code columns printed as one (类/款/项 joined into 科目编码), one base
 * code column printed split, or a new column with its own cell (a measure the heading names). Every row list
 * gets its cells in the new order, `sum`s follow their columns, and a sum over a column that is gone is
 * dropped (the column's meaning is then read from its heading instead).
 */

export type ColumnSource =
  | { kind: 'base'; base: number }
  | { kind: 'join'; bases: number[] }
  | { kind: 'split'; base: number; part: number }
  /** A column of its own: `money` cells where the row has amounts, `text` elsewhere (a label typed per row later). */
  | { kind: 'new'; money: CellSpec | null; text?: CellSpec };

export interface Recolumned {
  body: BodyPart[];
  /** New columns whose `sum` cells referred to a column that is gone. */
  brokenSums: Set<number>;
}

const CODE_SPLIT: Record<string, (keyof RowFields)[]> = {
  code: ['classCode', 'sectionCode', 'itemCode'],
  govCode: ['govClassCode', 'govSectionCode'],
};
const JOINED: Partial<Record<keyof RowFields, keyof RowFields>> = {
  classCode: 'code',
  sectionCode: 'code',
  itemCode: 'code',
  govClassCode: 'govCode',
  govSectionCode: 'govCode',
};

export function recolumnBody(body: BodyPart[], layout: ColumnSource[]): Recolumned {
  const brokenSums = new Set<number>();
  // New position of each base column (where it is printed as itself).
  const newIndexOf = new Map<number, number>();
  layout.forEach((source, index) => {
    if (source.kind === 'base') newIndexOf.set(source.base, index);
  });
  const mapCells = (cells: CellSpec[], offset: number, newOffset: number, hasMoney: boolean): CellSpec[] => {
    const out: CellSpec[] = [];
    for (let index = newOffset; index < layout.length; index += 1) {
      const source = layout[index] as ColumnSource;
      out.push(cellFor(source, cells, offset, newOffset, hasMoney, newIndexOf, () => brokenSums.add(index)));
    }
    // Blanks padded past the row's own cells are left off (the engine pads every row).
    while (out.length > cells.length && out[out.length - 1] === '') out.pop();
    return fixSpans(out);
  };
  const visit = (part: BodyPart, offset: number, newOffset: number): BodyPart => {
    switch (part.kind) {
      case 'numbered': {
        // Hebei's 序号 stays in front when the sheet prints it there; otherwise the parts stand on their own.
        const keeps = layout[newOffset]?.kind === 'base' && (layout[newOffset] as { base: number }).base === offset;
        if (keeps) return { ...part, parts: part.parts.map((inner) => visit(inner, offset + 1, newOffset + 1)) };
        return { ...part, parts: part.parts.map((inner) => visit(inner, offset + 1, newOffset)) };
      }
      case 'rows': {
        const cells = Object.fromEntries(
          Object.entries(part.cells).map(([style, list]) => [style, list && list.length > 0 ? mapCells(list, offset, newOffset, true) : list]),
        ) as typeof part.cells;
        return { ...part, cells };
      }
      case 'projectIndicatorGrid':
        return part;
      case 'procurementRows':
        return {
          ...part,
          itemCells: mapCells(part.itemCells, offset, newOffset, true),
          ...(part.totalCells ? { totalCells: mapCells(part.totalCells, offset, newOffset, true) } : {}),
          ...(part.unitCells ? { unitCells: mapCells(part.unitCells, offset, newOffset, true) } : {}),
        };
      case 'projectTree':
        return {
          ...part,
          cells: mapCells(part.cells, offset, newOffset, true),
          levels: part.levels.map((level) => ({ ...level, cells: mapCells(level.cells, offset, newOffset, true) })),
        };
      case 'row':
        return { ...part, cells: mapCells(part.cells, offset, newOffset, part.cells.some(isMoneyCell)) };
      default:
        return { ...part, cells: mapCells(part.cells, offset, newOffset, part.cells.some(isMoneyCell)) } as BodyPart;
    }
  };
  const out = body.map((part) => visit(part, 0, 0));
  // A numbered part that lost its 序号 column is replaced by its parts.
  const flat = out.flatMap((part, index) => {
    const original = body[index];
    if (part.kind === 'numbered' && original?.kind === 'numbered' && !(layout[0]?.kind === 'base' && (layout[0] as { base: number }).base === 0)) return part.parts;
    return [part];
  });
  return { body: flat, brokenSums };
}

export function isMoneyCell(cell: CellSpec | undefined): boolean {
  return typeof cell === 'object' && cell !== null && ('measure' in cell || 'sum' in cell || 'money' in cell || 'prior' in cell);
}

function cellFor(
  source: ColumnSource,
  cells: CellSpec[],
  offset: number,
  newOffset: number,
  hasMoney: boolean,
  newIndexOf: Map<number, number>,
  broken: () => void,
): CellSpec {
  const at = (base: number): CellSpec => (base - offset >= 0 ? (cells[base - offset] ?? '') : '');
  switch (source.kind) {
    case 'base': {
      const cell = at(source.base);
      if (typeof cell === 'object' && 'sum' in cell) {
        const remap = (list: (number | string)[]) =>
          list.map((index) => {
            if (typeof index === 'string') return index;
            const moved = newIndexOf.get(index + offset);
            return moved === undefined ? null : moved - newOffset;
          });
        const sum = remap(cell.sum);
        const minus = cell.minus ? remap(cell.minus) : undefined;
        if (sum.some((index) => index === null) || minus?.some((index) => index === null)) {
          broken();
          return '';
        }
        const out: CellSpec = { ...cell, sum: sum as number[] };
        if (minus) (out as { minus?: number[] }).minus = minus as number[];
        return out;
      }
      return cell;
    }
    case 'join': {
      const parts = source.bases.map(at);
      const field = parts.find((cell): cell is Extract<CellSpec, { field: keyof RowFields }> => typeof cell === 'object' && 'field' in cell);
      if (field) return { field: JOINED[field.field] ?? field.field };
      return parts.map((cell) => (typeof cell === 'string' ? cell : typeof cell === 'object' && 'text' in cell ? cell.text : '')).join('');
    }
    case 'split': {
      const cell = at(source.base);
      if (typeof cell === 'object' && 'field' in cell) {
        const fields = CODE_SPLIT[cell.field];
        if (fields) return fields[source.part] ? { field: fields[source.part] as keyof RowFields } : '';
        return source.part === 0 ? { field: cell.field } : '';
      }
      return source.part === 0 ? cell : '';
    }
    case 'new':
      return hasMoney && source.money !== null ? source.money : (source.text ?? '');
  }
}

/** A cell spanning columns covers only blanks; where the new order puts text under it, the span goes. */
function fixSpans(cells: CellSpec[]): CellSpec[] {
  return cells.map((cell, index) => {
    if (typeof cell !== 'object' || !('colSpan' in cell) || cell.colSpan === undefined) return cell;
    const span = cell.colSpan;
    const fits = index + span <= cells.length && cells.slice(index + 1, index + span).every((other) => other === '');
    if (fits) return cell;
    const rest: Record<string, unknown> = { ...(cell as object) };
    delete rest.colSpan;
    return rest as unknown as CellSpec;
  });
}
