import { parseMoney, type Fen, type MoneyUnit } from '../../money';
import { cellAddress, type SheetGrid } from '../grid';
import type { PriorMessage } from '../identity';
import type { CodeDimension, Scope } from '../keys';
import { CODE_FAMILIES } from '../keys';
import { normalizeLabel, normalizeText } from '../text';
import { alignColumns, sheetColumnPaths, templateColumnPaths } from './header';
import { templateLabel, type SheetLayout, type TableMatch } from './match';
import { tablePlan, type CodeRowsPlan, type FixedCellPlan, type ProjectFormPlan, type ProjectRowsPlan } from './table-plan';

/**
 * Reads a recognized sheet through its table's plan: each written-out row found by its label,
 * each generated row by its code, each amount parsed in the sheet's unit. Whatever cannot be read
 * is said (a note naming the cell), never filled in.
 */

export interface FoundFigure {
  key: string;
  fen: Fen;
  /** Where it was read: "Sheet!C12", or several cells for a sum of rows or columns. */
  cells: string[];
  scope: Scope;
  /** Summed from rows of longer codes (a 类 from its 项 rows) rather than read from a row of its own. */
  derived: boolean;
}

export interface FoundIndicator {
  level1: string;
  level3: string;
  value: string;
}

export interface FoundProject {
  code: string;
  name: string;
  unitCode: string;
  amount: Fen | null;
  indicators: FoundIndicator[];
  cell: string;
}

export interface SheetReading {
  figures: FoundFigure[];
  projects: FoundProject[];
  notes: PriorMessage[];
}

export interface ReadContext {
  unit: MoneyUnit;
  /** Placeholder values for labels: the importing department's code and name. */
  labelValues: Record<string, string>;
}

export function readSheet(grid: SheetGrid, layout: SheetLayout, match: TableMatch, context: ReadContext): SheetReading {
  const plan = tablePlan(match.template, match.table);
  const reading: SheetReading = { figures: [], projects: [], notes: [] };
  const columns = columnMap(layout, match);
  const reader = new CellReader(grid, context.unit, reading.notes);
  const claimed = new Set<number>();
  readFixed(plan.fixed, layout, match, columns, reader, context, claimed, reading);
  for (const codes of plan.codeRows) readCodeRows(codes, layout, match, columns, reader, claimed, reading);
  for (const projects of plan.projectRows) readProjects(projects, layout, match, columns, reader, claimed, reading);
  if (plan.projectForm) readProjectForm(plan.projectForm, layout, match, reader, reading);
  return reading;
}

/** Template column → sheet column; a form (no header) keeps the template's columns. */
function columnMap(layout: SheetLayout, match: TableMatch): (number | null)[] {
  const { table, header } = match;
  if (!header) return Array.from({ length: table.columnCount }, (_, index) => index);
  return alignColumns(templateColumnPaths(table.header, table.columnCount), sheetColumnPaths(layout.filled, header.from, header.to));
}

class CellReader {
  /** Cells already reported as no amount: a cell read for two figures is reported once. */
  readonly #reported = new Set<string>();

  constructor(
    private readonly grid: SheetGrid,
    private readonly unit: MoneyUnit,
    private readonly notes: PriorMessage[],
  ) {}

  address(row: number, column: number): string {
    return `${this.grid.name}!${cellAddress(row, column)}`;
  }

  /** An amount: a blank cell is zero (Henan prints zero as blank); text that is no amount is noted and gives null. */
  money(row: number, column: number): Fen | null {
    const text = (this.grid.rows[row]?.[column] ?? '').trim();
    if (text === '' || /^[-—–－]+$/.test(text)) return 0;
    const parsed = parseMoney(text, this.unit);
    if (parsed.ok) return parsed.fen;
    const cell = this.address(row, column);
    if (!this.#reported.has(cell)) this.notes.push({ code: 'prior:note.badAmount', params: { cell, text: text.slice(0, 40) } });
    this.#reported.add(cell);
    return null;
  }

  text(row: number, column: number): string {
    return (this.grid.rows[row]?.[column] ?? '').trim();
  }

  isAmount(row: number, column: number): boolean {
    const text = (this.grid.rows[row]?.[column] ?? '').trim();
    return text !== '' && parseMoney(text, this.unit).ok;
  }
}

function dataRows(layout: SheetLayout, match: TableMatch): number[] {
  const rows: number[] = [];
  for (let row = match.dataFrom; row < layout.filled.length; row += 1) {
    if ((layout.filled[row] ?? []).some((text) => text.trim() !== '')) rows.push(row);
  }
  return rows;
}

/** Cells of one written-out row that share a label ("合计" and its amounts) are read from one sheet row. */
interface Lane {
  row: number;
  label: string | null;
  labelColumn: number | null;
  labelFrom: number;
  cells: FixedCellPlan[];
}

function lanesOf(cells: FixedCellPlan[]): Lane[] {
  const lanes: Lane[] = [];
  for (const cell of cells) {
    const last = lanes[lanes.length - 1];
    if (last && last.row === cell.row && last.label === cell.label && last.labelColumn === cell.labelColumn) last.cells.push(cell);
    else lanes.push({ row: cell.row, label: cell.label, labelColumn: cell.labelColumn, labelFrom: cell.labelFrom, cells: [cell] });
  }
  return lanes;
}

function readFixed(
  cells: FixedCellPlan[],
  layout: SheetLayout,
  match: TableMatch,
  columns: (number | null)[],
  reader: CellReader,
  context: ReadContext,
  claimed: Set<number>,
  reading: SheetReading,
): void {
  const rows = dataRows(layout, match);
  const form = match.header === null;
  // Per label column, where the last label was found: a label printed twice ("上级提前下达") is found in order.
  const cursors = new Map<string, { position: number; row: number }>();
  for (const lane of lanesOf(cells)) {
    const lanePosition = `${lane.labelColumn ?? 'none'}`;
    const cursor = cursors.get(lanePosition);
    const start = cursor ? (cursor.row === lane.row ? cursor.position : cursor.position + 1) : 0;
    const wanted = lane.label === null ? null : templateLabel(lane.label, context.labelValues);
    const valueColumns = lane.cells.flatMap((cell) => cell.valueColumns.map((column) => columns[column] ?? null));
    const firstValue = Math.min(...valueColumns.map((column) => column ?? Infinity));
    const labelFrom = firstMapped(columns, lane.labelFrom) ?? 0;
    const hit = (position: number): boolean => {
      const sheetRow = rows[position] as number;
      const texts = layout.filled[sheetRow] ?? [];
      if (wanted === null) return valueColumns.some((column) => column !== null && reader.isAmount(sheetRow, column));
      if (form) return texts.some((text) => normalizeLabel(text) === wanted);
      for (let column = labelFrom; column < Math.min(firstValue, texts.length); column += 1) {
        if (normalizeLabel(texts[column] ?? '') === wanted) return true;
      }
      return false;
    };
    let position = -1;
    for (let index = start; index < rows.length && position === -1; index += 1) if (hit(index)) position = index;
    for (let index = 0; index < start && position === -1; index += 1) if (hit(index)) position = index;
    if (position === -1) continue;
    cursors.set(lanePosition, { position, row: lane.row });
    const sheetRow = rows[position] as number;
    claimed.add(sheetRow);
    for (const cell of lane.cells) {
      const sheetColumns = form ? formValueColumns(layout.filled[sheetRow] ?? [], wanted, cell, lane, reader, sheetRow) : cell.valueColumns.map((column) => columns[column] ?? null);
      if (sheetColumns.some((column) => column === null)) continue;
      const amounts = (sheetColumns as number[]).map((column) => reader.money(sheetRow, column));
      if (amounts.some((amount) => amount === null)) continue;
      const fen = (amounts as Fen[]).reduce((sum, amount) => sum + amount, 0);
      const where = (sheetColumns as number[]).map((column) => reader.address(sheetRow, column));
      for (const key of cell.keys) reading.figures.push({ key: key.key, fen, cells: where, scope: key.scope, derived: false });
    }
  }
}

function firstMapped(columns: (number | null)[], from: number): number | null {
  for (let column = from; column < columns.length; column += 1) if (columns[column] !== null && columns[column] !== undefined) return columns[column] as number;
  return null;
}

/** In a form the value stands at the template's distance to the right of its label, or at the first amount after it. */
function formValueColumns(texts: string[], wanted: string | null, cell: FixedCellPlan, lane: Lane, reader: CellReader, row: number): (number | null)[] {
  const labelAt = texts.findIndex((text) => normalizeLabel(text) === wanted);
  if (labelAt === -1 || lane.labelColumn === null) return [null];
  return cell.valueColumns.map((column) => {
    const expected = labelAt + (column - lane.labelColumn!);
    if (reader.isAmount(row, expected)) return expected;
    for (let candidate = labelAt + 1; candidate < texts.length; candidate += 1) if (reader.isAmount(row, candidate)) return candidate;
    return null;
  });
}

const CODE_PREFIX: Record<CodeDimension, string> = { function: '2', deptEcon: '3', govEcon: '5' };

function readCodeRows(
  plan: CodeRowsPlan,
  layout: SheetLayout,
  match: TableMatch,
  columns: (number | null)[],
  reader: CellReader,
  claimed: Set<number>,
  reading: SheetReading,
): void {
  const rows = dataRows(layout, match).filter((row) => !claimed.has(row));
  for (const codes of plan.codes) {
    const family = CODE_FAMILIES.find((candidate) => candidate.dimension === codes.dimension);
    if (!family) continue;
    const lengths = family.lengths as readonly number[];
    const codeColumns = [...new Set(codes.columns.map((column) => columns[column]).filter((column): column is number => column !== null && column !== undefined))];
    // The first column giving this code's figures (a table has one such column per fund scope at most).
    const [value] = plan.values.flatMap((candidate) => {
      const family = candidate.families.find((entry) => entry.dimension === codes.dimension);
      const column = columns[candidate.column];
      return family && column !== null && column !== undefined ? [{ column, scope: family.scope }] : [];
    });
    if (codeColumns.length === 0 || !value) continue;
    // By code: amounts of the rows with exactly that code, and the cells they came from.
    const byCode = new Map<string, { fen: Fen; cells: string[]; scope: Scope }>();
    let previous = '';
    for (const row of rows) {
      const code = rowCode(layout.filled[row] ?? [], codeColumns, previous, lengths);
      if (code === null || !code.startsWith(CODE_PREFIX[codes.dimension])) continue;
      previous = code;
      claimed.add(row);
      const fen = reader.money(row, value.column);
      if (fen === null) continue;
      const entry = byCode.get(code) ?? { fen: 0, cells: [], scope: value.scope };
      entry.fen += fen;
      entry.cells.push(reader.address(row, value.column));
      byCode.set(code, entry);
    }
    for (const figure of codeFigures(codes.dimension, byCode, lengths)) reading.figures.push(figure);
  }
}

/** A row's code from its code columns: joined ("2101501") or split (210 | 15 | 01), blank leading parts taken from the row above. */
function rowCode(texts: string[], codeColumns: number[], previous: string, lengths: readonly number[]): string | null {
  const parts = codeColumns.map((column) => /^\d+/.exec(normalizeText(texts[column] ?? ''))?.[0] ?? '');
  const joined = parts.join('');
  if (joined === '') return null;
  if (lengths.includes(joined.length) && parts[0] !== '') return joined;
  if (parts[0] !== '' && lengths.includes((parts[0] as string).length)) return parts[0] as string;
  // 项 rows under a 款 whose 类 and 款 cells were left blank: continue the code of the row above.
  for (const keep of [...lengths].sort((a, b) => b - a)) {
    const candidate = previous.slice(0, keep) + joined;
    if (keep > 0 && keep <= previous.length && lengths.includes(candidate.length)) return candidate;
  }
  return null;
}

/** Figures per code: rows of each code as read; shorter codes without rows of their own summed from the longest level. */
function codeFigures(dimension: CodeDimension, byCode: Map<string, { fen: Fen; cells: string[]; scope: Scope }>, lengths: readonly number[]): FoundFigure[] {
  const out: FoundFigure[] = [];
  const longest = Math.max(0, ...[...byCode.keys()].map((code) => code.length));
  for (const [code, entry] of byCode) out.push({ key: `${dimension}.${code}`, fen: entry.fen, cells: entry.cells, scope: entry.scope, derived: false });
  for (const length of lengths) {
    if (length >= longest) continue;
    const sums = new Map<string, { fen: Fen; cells: string[]; scope: Scope }>();
    for (const [code, entry] of byCode) {
      if (code.length !== longest) continue;
      const prefix = code.slice(0, length);
      if (byCode.has(prefix)) continue;
      const sum = sums.get(prefix) ?? { fen: 0, cells: [], scope: entry.scope };
      sum.fen += entry.fen;
      sum.cells.push(...entry.cells);
      sums.set(prefix, sum);
    }
    for (const [code, sum] of sums) out.push({ key: `${dimension}.${code}`, fen: sum.fen, cells: sum.cells, scope: sum.scope, derived: true });
  }
  return out;
}

function readProjects(
  plan: ProjectRowsPlan,
  layout: SheetLayout,
  match: TableMatch,
  columns: (number | null)[],
  reader: CellReader,
  claimed: Set<number>,
  reading: SheetReading,
): void {
  const at = (column: number | null) => (column === null ? null : (columns[column] ?? null));
  const codeColumn = at(plan.codeColumn);
  const nameColumn = at(plan.nameColumn);
  const unitColumn = at(plan.unitCodeColumn);
  const amountColumn = at(plan.amountColumn);
  if (nameColumn === null) return;
  let current: FoundProject | null = null;
  for (const row of dataRows(layout, match)) {
    if (claimed.has(row)) continue;
    // Raw cells: a project's code merged down over its indicator rows names it once, not on every row.
    const name = reader.text(row, nameColumn);
    const code = codeColumn === null ? '' : normalizeText(reader.text(row, codeColumn));
    const isProject = name !== '' && (codeColumn === null ? isProjectRowWithoutCode(reader, row, unitColumn, nameColumn) : PROJECT_CODE.test(code));
    if (isProject) {
      current = {
        code,
        name,
        unitCode: unitColumn === null ? '' : normalizeText(reader.text(row, unitColumn)),
        amount: amountColumn === null ? null : reader.money(row, amountColumn),
        indicators: [],
        cell: reader.address(row, nameColumn),
      };
      reading.projects.push(current);
    } else if (codeColumn !== null && code !== '') {
      current = null;
    }
    if (!current) continue;
    for (const category of plan.indicatorColumns) {
      const level3 = at(category.nameColumn);
      const value = at(category.valueColumn);
      const indicatorName = level3 === null ? '' : reader.text(row, level3);
      if (indicatorName === '') continue;
      current.indicators.push({ level1: category.level1, level3: indicatorName, value: value === null ? '' : reader.text(row, value) });
    }
  }
}

/** Project codes are long runs of digits and capitals ("419001240000000004001", "13050024P00935510019K"); unit codes are short. */
const PROJECT_CODE = /^[0-9A-Z]{12,}$/;

/** Henan's 项目支出预算表 prints no project code: a project row is one under a unit row, with a project type. */
function isProjectRowWithoutCode(reader: CellReader, row: number, unitColumn: number | null, nameColumn: number): boolean {
  const type = normalizeText(reader.text(row, nameColumn + 1));
  return unitColumn !== null && /类|项目/.test(type);
}

/** A form repeated per project: its name and code beside their labels (or the name in the title), its amount, its indicators. */
function readProjectForm(plan: ProjectFormPlan, layout: SheetLayout, match: TableMatch, reader: CellReader, reading: SheetReading): void {
  const rows = layout.filled;
  const besideLabel = (label: string | null): { row: number; column: number } | null => {
    const wanted = label === null ? null : normalizeLabel(label);
    for (let row = match.dataFrom; row < rows.length && wanted; row += 1) {
      const texts = rows[row] ?? [];
      const at = texts.findIndex((text) => normalizeLabel(text) === wanted);
      if (at === -1) continue;
      for (let column = at + 1; column < texts.length; column += 1) {
        if (normalizeLabel(texts[column] ?? '') !== wanted && (texts[column] ?? '').trim() !== '') return { row, column };
      }
    }
    return null;
  };
  const nameAt = besideLabel(plan.nameLabel);
  const codeAt = besideLabel(plan.codeLabel);
  const amountLabel = plan.amount?.label ?? null;
  let amount: Fen | null = null;
  let amountCell = '';
  const amountLabelAt = besideLabel(amountLabel);
  if (amountLabelAt) {
    const texts = rows[amountLabelAt.row] ?? [];
    for (let column = amountLabelAt.column; column < texts.length && amount === null; column += 1) {
      if (!reader.isAmount(amountLabelAt.row, column)) continue;
      amount = reader.money(amountLabelAt.row, column);
      amountCell = reader.address(amountLabelAt.row, column);
    }
  }
  const name = nameAt ? (rows[nameAt.row]?.[nameAt.column] ?? '').trim() : projectNameFromTitle(match);
  reading.projects.push({
    code: codeAt ? normalizeText(rows[codeAt.row]?.[codeAt.column] ?? '') : '',
    name,
    unitCode: '',
    amount,
    indicators: formIndicators(plan, rows, match.dataFrom),
    cell: nameAt ? reader.address(nameAt.row, nameAt.column) : amountCell,
  });
}

/** The indicator list under its heading row; 一级 and 二级 printed once per group carry down. */
function formIndicators(plan: ProjectFormPlan, rows: string[][], from: number): FoundIndicator[] {
  const wanted = plan.indicatorHeadings.map(({ attribute, heading }) => ({ attribute, heading: normalizeLabel(heading) }));
  if (!wanted.some((item) => item.attribute === 'level3' || item.attribute === 'value')) return [];
  for (let row = from; row < rows.length; row += 1) {
    const texts = (rows[row] ?? []).map(normalizeLabel);
    const columns = new Map<string, number>();
    for (const { attribute, heading } of wanted) {
      const at = texts.indexOf(heading);
      if (at !== -1) columns.set(attribute, at);
    }
    if (columns.size < Math.min(3, wanted.length)) continue;
    const out: FoundIndicator[] = [];
    let level1 = '';
    for (let next = row + 1; next < rows.length; next += 1) {
      const cell = (attribute: string) => {
        const column = columns.get(attribute);
        return column === undefined ? '' : (rows[next]?.[column] ?? '').trim();
      };
      const level3 = cell('level3');
      const value = cell('value');
      if (level3 === '' && value === '') continue;
      level1 = cell('level1') || level1;
      out.push({ level1, level3, value });
    }
    return out;
  }
  return [];
}

function projectNameFromTitle(match: TableMatch): string {
  const pattern = normalizeText(match.table.title).split('{projectName}');
  if (pattern.length !== 2) return match.title;
  const [, suffix = ''] = pattern;
  const title = normalizeText(match.title);
  return suffix !== '' && title.endsWith(suffix) ? title.slice(0, -suffix.length) : title;
}
