import { FEN_PER, formatMoney, type Fen } from '../money';
import type { Project, Unit, Workbook } from '../model';
import type { Facts } from './facts';
import type { FilterLookups } from './filter';
import type { CellSpec, HeaderCell, RowFields, RowStyle, TemplateSpec } from './spec';

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


export function renderCells(
  cells: CellSpec[],
  amounts: (Fen | undefined)[],
  fields: Partial<RowFields>,
  context: Context,
  attributes: Record<string, string> = {},
): EvaluatedCell[] {
  const money = context.template.money;
  const moneyCell = (fen: Fen): EvaluatedCell => {
    const plain = money.plainBelow !== undefined && Math.abs(fen) < money.plainBelow * FEN_PER[money.unit];
    const trimZeros = money.trimZeros === true || plain;
    return { text: formatMoney(fen, money.unit, { separators: money.separators && !plain, zero: context.zero, trimZeros }), fen };
  };
  const values: (Fen | undefined)[] = [...amounts];
  cells.forEach((cell, index) => {
    if (typeof cell !== 'object') return;
    if ('prior' in cell) values[index] = context.workbook.priorYear.figures[cell.prior] ?? 0;
    else if ('money' in cell) values[index] = values[index] ?? 0;
    else if ('measure' in cell) values[index] = values[index] ?? 0;
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
  return cells.map((cell, index) => {
    if (typeof cell === 'string') return { text: fill(cell, { ...context.placeholders, ...stringFields(fields), ...attributes }) };
    if ('field' in cell) return { text: fields[cell.field] ?? '' };
    if ('attribute' in cell) return { text: attributes[cell.attribute] ?? workbookAttribute(cell.attribute, context) };
    return moneyCell(values[index] ?? 0);
  });
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
