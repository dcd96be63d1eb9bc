import { FEN_PER, formatMoney, type Fen } from '../money';
import type { Project, Unit, Workbook } from '../model';
import type { Facts } from './facts';
import type { FilterLookups } from './filter';
import { PATH_PLACEHOLDER, resolvePath, type RowScope } from './paths';
import { requestSpan } from './spans';
import type { CellSpan, CellSpec, HeaderCell, RowFields, RowStyle, TemplateSpec } from './spec';

/** Names of codes, from the catalogue (built-in plus the workbook's imported entries). */
export interface NameResolver {
  functionName(code: string): string | undefined;
  deptEconName(code: string): string | undefined;
  govEconName(code: string): string | undefined;
}

export interface EvaluatedCell {
  text: string;
  /** Set for money cells: the exact amount before rounding. */
  fen?: Fen;
  /** Rows this cell takes when merged with the cells below it (absent: 1). */
  rowSpan?: number;
  /** Columns this cell takes when merged with the cells to its right (absent: 1). */
  colSpan?: number;
  /** Covered by a merged cell above or to the left: prints nothing, kept so every row has a cell per column. */
  covered?: true;
}

export interface EvaluatedRow {
  style: RowStyle;
  cells: EvaluatedCell[];
}

export interface EvaluatedTable {
  id: string;
  number: string;
  title: string;
  meta: string[];
  header: HeaderCell[][];
  columnCount: number;
  rows: EvaluatedRow[];
  notes: string[];
  /** No amount in the whole body: the template's empty note is among the notes. */
  empty: boolean;
}

/** What every body part evaluator sees. */
export interface Context extends FilterLookups {
  workbook: Workbook;
  template: TemplateSpec;
  names: NameResolver;
  placeholders: Record<string, string>;
  zero: string;
  /** The project of a table repeated per project (TableSpec.perProject). */
  project?: Project;
  /** Whether another table of the template (by spec id) holds no amount, every copy of it evaluated. */
  tableIsEmpty?: (tableId: string) => boolean;
  /** The workbook's lines aggregated for fast measures (facts.ts). */
  facts?: Facts;
  /** Sums already computed in this evaluation, by measure. */
  sums?: Map<string, Fen>;
}

export const PROJECT_TYPE_NAMES: Record<Project['type'], string> = {
  operation: '其他运转类',
  specificGoal: '特定目标类',
  general: '一般性项目',
  special: '专项项目',
};

export function projectFields(project: Project, unit: Unit): Partial<RowFields> {
  return {
    code: project.code,
    name: project.name,
    projectCode: project.code,
    projectName: project.name,
    projectType: PROJECT_TYPE_NAMES[project.type],
    unitCode: unit.code,
    unitName: unit.name,
  };
}

export function unitFields(unit: Unit): Partial<RowFields> {
  return { code: unit.code, name: unit.name, unitCode: unit.code, unitName: unit.name };
}

export function codeFields(code: string, name: string): Partial<RowFields> {
  return { code, name, classCode: code.slice(0, 3), sectionCode: code.slice(3, 5), itemCode: code.slice(5, 7) };
}


/**
 * A row's cells from their specs. `amounts` are the measures the part summed, by column; `fields` and
 * `attributes` what the row's field and attribute cells show; `scope` the objects path cells read besides
 * the workbook's (the table's project stands in for a missing `project`).
 */
export function renderCells(
  cells: CellSpec[],
  amounts: (Fen | undefined)[],
  fields: Partial<RowFields>,
  context: Context,
  attributes: Record<string, string> = {},
  scope: RowScope = {},
): EvaluatedCell[] {
  const moneyCell = (fen: Fen): EvaluatedCell => ({ text: moneyText(fen, context), fen });
  const rowScope = rowScopeOf(scope, context);
  const values: (Fen | undefined)[] = [...amounts];
  const pathTexts: (string | undefined)[] = [];
  cells.forEach((cell, index) => {
    if (typeof cell !== 'object') return;
    if ('prior' in cell) values[index] = context.workbook.priorYear.figures[cell.prior] ?? 0;
    else if ('money' in cell) values[index] = values[index] ?? 0;
    else if ('measure' in cell) values[index] = values[index] ?? 0;
    else if ('path' in cell) {
      const value = resolvePath(cell.path, context.workbook, rowScope, cell.names);
      if ('fen' in value) values[index] = value.fen;
      else pathTexts[index] = value.text;
    }
  });
  // Sums may refer to other sums in any column order: resolve them depth-first.
  const resolving = new Set<number>();
  const valueOf = (index: number): Fen => {
    const cell = cells[index];
    if (cell === undefined || typeof cell !== 'object' || !('sum' in cell)) return values[index] ?? 0;
    if (values[index] !== undefined) return values[index];
    if (resolving.has(index)) throw new Error(`circular sum in column ${index}`);
    resolving.add(index);
    const plus = cell.sum.reduce((total, column) => total + valueOf(column), 0);
    const minus = (cell.minus ?? []).reduce((total, column) => total + valueOf(column), 0);
    values[index] = plus - minus;
    return values[index];
  };
  cells.forEach((_, index) => valueOf(index));
  const literal = (text: string) => fill(fillPaths(text, context, rowScope), { ...context.placeholders, ...stringFields(fields), ...attributes });
  return cells.map((cell, index) => {
    if (typeof cell === 'string') return { text: literal(cell) };
    let out: EvaluatedCell;
    if ('text' in cell) out = { text: literal(cell.text) };
    else if ('field' in cell) out = { text: fields[cell.field] ?? '' };
    else if ('attribute' in cell) out = { text: attributes[cell.attribute] ?? workbookAttribute(cell.attribute, context) };
    else if ('path' in cell && pathTexts[index] !== undefined) out = { text: pathTexts[index] };
    else out = moneyCell(values[index] ?? 0);
    if (cell.colSpan !== undefined || cell.rowSpan !== undefined) requestSpan(out, cell);
    return out;
  });
}

/** An amount as the table prints money. */
export function moneyText(fen: Fen, context: Context): string {
  const money = context.template.money;
  const plain = money.plainBelow !== undefined && Math.abs(fen) < money.plainBelow * FEN_PER[money.unit];
  const trimZeros = money.trimZeros === true || plain;
  return formatMoney(fen, money.unit, { separators: money.separators && !plain, zero: context.zero, trimZeros });
}

/** The row's objects, with the table's project (and that project's unit) where the row has none. */
function rowScopeOf(scope: RowScope, context: Context): RowScope {
  const project = scope.project ?? context.project;
  if (!project || (scope.project && scope.unit)) return scope;
  const unit = scope.unit ?? context.unitsById.get(project.unitId);
  return { ...scope, project, ...(unit ? { unit } : {}) };
}

/** Path placeholders in literal text replaced by their values ("{project.plannedStart}" → 2024年1月). */
function fillPaths(text: string, context: Context, scope: RowScope): string {
  if (!text.includes('.')) return text;
  return text.replace(PATH_PLACEHOLDER, (_, path: string) => {
    const value = resolvePath(path, context.workbook, scope);
    return 'fen' in value ? moneyText(value.fen, context) : value.text;
  });
}

/**
 * Whether every fact the cells read through paths (path cells and path placeholders) is empty, and they
 * read at least one: a row with `skipWhenEmpty` is then left out.
 */
export function pathsEmpty(cells: CellSpec[], context: Context, scope: RowScope = {}): boolean {
  const rowScope = rowScopeOf(scope, context);
  let read = false;
  for (const cell of cells) {
    const texts = typeof cell === 'string' ? [cell] : 'text' in cell ? [cell.text] : [];
    for (const text of texts) {
      for (const match of text.matchAll(PATH_PLACEHOLDER)) {
        read = true;
        const value = resolvePath(match[1] ?? '', context.workbook, rowScope);
        if ('fen' in value ? value.fen !== 0 : value.text !== '') return false;
      }
    }
    if (typeof cell === 'object' && 'path' in cell) {
      read = true;
      const value = resolvePath(cell.path, context.workbook, rowScope, cell.names);
      if ('fen' in value ? value.fen !== 0 : value.text !== '') return false;
    }
  }
  return read;
}

/** A money cell in place of `cell` (whose amount the part supplies), keeping the cell's merges. */
export function asMoneyCell(cell: CellSpec): CellSpec {
  if (typeof cell !== 'object') return { money: 'zero' };
  const span: CellSpan = {};
  if (cell.colSpan !== undefined) span.colSpan = cell.colSpan;
  if (cell.rowSpan !== undefined) span.rowSpan = cell.rowSpan;
  return { money: 'zero', ...span };
}

/** Workbook-wide text any row may show: { attribute: 'annualGoal' }. */
function workbookAttribute(name: string, context: Context): string {
  switch (name) {
    case 'annualGoal':
      return context.workbook.departmentPerformance.annualGoal;
    case 'departmentName':
      return context.workbook.department.name;
    default:
      return '';
  }
}

function stringFields(fields: Partial<RowFields>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Body rows as the template displays them: what the CLI prints and the seed fixtures hold. */
export function displayRows(table: EvaluatedTable): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => cell.text));
}
