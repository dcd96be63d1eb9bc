import { formatMoney, type Fen } from '../money';
import type { BudgetLine, IncomeLine, Project, Unit, Workbook } from '../model';
import { budgetPredicate, incomePredicate, mergeFilters, type FilterLookups, type LinePredicate } from './filter';
import type {
  BodyPart,
  CellSpec,
  FixedRow,
  GroupRows,
  HeaderCell,
  LineFilter,
  Measure,
  RowFields,
  RowStyle,
  TableSpec,
  TemplateSpec,
} from './spec';

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

interface Context extends FilterLookups {
  workbook: Workbook;
  template: TemplateSpec;
  names: NameResolver;
  placeholders: Record<string, string>;
  zero: string;
}

export function evaluateTemplate(workbook: Workbook, template: TemplateSpec, names: NameResolver): EvaluatedTable[] {
  return template.tables.map((table) => evaluateTable(workbook, template, table, names));
}

export function evaluateTable(workbook: Workbook, template: TemplateSpec, table: TableSpec, names: NameResolver): EvaluatedTable {
  const context: Context = {
    workbook,
    template,
    names,
    unitsById: new Map(workbook.units.map((unit) => [unit.id, unit])),
    projectsById: new Map(workbook.projects.map((project) => [project.id, project])),
    placeholders: {
      year: String(workbook.department.year),
      priorYear: String(workbook.department.year - 1),
      departmentName: workbook.department.name,
      departmentCode: workbook.department.code,
    },
    zero: table.zero ?? template.money.zero,
  };
  const rows: EvaluatedRow[] = [];
  for (const part of table.body) {
    if (part.kind === 'rows') {
      rows.push(...groupRows(part, context));
      continue;
    }
    const evaluated = fixedRow(part, context);
    if (part.skipWhenZero && evaluated.cells.every((cell) => !cell.fen)) continue;
    rows.push(evaluated);
  }
  for (const row of rows) while (row.cells.length < table.columnCount) row.cells.push({ text: '' });
  const empty = rows.every((row) => row.cells.every((cell) => !cell.fen));
  const notes = table.notes.map((note) => fill(note, context.placeholders));
  if (empty && table.emptyNote) notes.push(fill(table.emptyNote, context.placeholders));
  return {
    id: table.id,
    number: table.number,
    title: fill(table.title, context.placeholders),
    meta: table.meta.map((line) => fill(line, context.placeholders)),
    header: table.header.map((row) => row.map((cell) => ({ ...cell, text: fill(cell.text, context.placeholders) }))),
    columnCount: table.columnCount,
    rows,
    notes,
    empty,
  };
}

function fixedRow(row: FixedRow, context: Context): EvaluatedRow {
  const fields = row.fields ?? {};
  const amounts = row.cells.map((cell) =>
    typeof cell === 'object' && 'measure' in cell ? sumLines(cell.measure, row.where, context) : undefined,
  );
  return { style: row.style ?? 'leaf', cells: renderCells(row.cells, amounts, fields, context) };
}

function sumLines(measure: Measure, where: LineFilter | undefined, context: Context): Fen {
  const filter = mergeFilters(where, measure);
  let total = 0;
  if (measure.source === 'budget') {
    const test = budgetPredicate(filter, context);
    for (const line of context.workbook.budgetLines) if (test(line)) total += line.amount;
  } else {
    const test = incomePredicate(filter, context);
    for (const line of context.workbook.incomeLines) if (test(line)) total += line.amount;
  }
  return total;
}

interface Group {
  key: string;
  style: RowStyle;
  fields: Partial<RowFields>;
  /** Position of the first line that created it, for `order: 'entry'`. */
  firstSeen: number;
  amounts: (Fen | undefined)[];
  /** Child group keys in the hierarchy, or null for a leaf. */
  parent: string | null;
}

/** Keys of every group a line belongs to, outermost first (e.g. 类, 款, 项). */
type KeyFn<L> = (line: L) => { key: string; style: RowStyle; parent: string | null; fields: () => Partial<RowFields> }[] | null;

function groupRows(part: GroupRows, context: Context): EvaluatedRow[] {
  const source = part.source ?? 'budget';
  const groups = new Map<string, Group>();
  const cellsFor = (style: RowStyle) => part.cells[style] ?? part.cells.leaf;
  const styles: RowStyle[] = ['total', 'department', 'unit', 'group', 'leaf'];
  const columnCount = Math.max(...styles.map((style) => cellsFor(style).length));

  const addLines = <L extends BudgetLine | IncomeLine>(
    lines: readonly L[],
    keysOf: KeyFn<L>,
    rowTest: LinePredicate<L>,
    createsRows: boolean,
    measures: (style: RowStyle) => (LinePredicate<L> | undefined)[],
  ) => {
    const measuresByStyle = new Map(styles.map((style) => [style, measures(style)]));
    lines.forEach((line, index) => {
      if (!rowTest(line)) return;
      const keys = keysOf(line);
      if (!keys) return;
      for (const { key, style, parent, fields } of keys) {
        let group = groups.get(key);
        if (!group) {
          if (!createsRows) continue;
          group = { key, style, fields: fields(), firstSeen: index, amounts: new Array(columnCount).fill(undefined), parent };
          groups.set(key, group);
        }
        const tests = measuresByStyle.get(group.style) ?? [];
        tests.forEach((test, column) => {
          if (test && test(line)) group.amounts[column] = (group.amounts[column] ?? 0) + line.amount;
        });
      }
    });
  };

  const measurePredicates = <L>(
    style: RowStyle,
    wanted: 'budget' | 'income',
    compile: (filter: LineFilter) => LinePredicate<L>,
  ): (LinePredicate<L> | undefined)[] =>
    cellsFor(style).map((cell) =>
      typeof cell === 'object' && 'measure' in cell && cell.measure.source === wanted
        ? compile(mergeFilters(part.where, cell.measure))
        : undefined,
    );

  const budgetKeys = keyFunction<BudgetLine>(part, context);
  const incomeKeys = keyFunction<IncomeLine>(part, context);
  const passes = [
    { source: 'budget' as const, lines: context.workbook.budgetLines, keys: budgetKeys, test: budgetPredicate(part.where ?? {}, context) },
    { source: 'income' as const, lines: context.workbook.incomeLines, keys: incomeKeys, test: incomePredicate(part.where ?? {}, context) },
  ];
  // The source that decides the rows goes first, so the other only adds to existing rows.
  passes.sort((a, b) => Number(b.source === source) - Number(a.source === source));
  for (const pass of passes) {
    const createsRows = pass.source === source;
    if (pass.source === 'budget') {
      addLines(context.workbook.budgetLines, budgetKeys, pass.test as LinePredicate<BudgetLine>, createsRows, (style) =>
        measurePredicates(style, 'budget', (filter) => budgetPredicate(filter, context)),
      );
    } else {
      addLines(context.workbook.incomeLines, incomeKeys, pass.test as LinePredicate<IncomeLine>, createsRows, (style) =>
        measurePredicates(style, 'income', (filter) => incomePredicate(filter, context)),
      );
    }
  }
  if (part.group.dim === 'unit') addEmptyUnits(groups, context, columnCount);

  const ordered = orderGroups([...groups.values()], part.order ?? 'code', context);
  const skipZero = part.skipZero ?? true;
  return ordered
    .filter((group) => !skipZero || group.amounts.some((amount) => amount !== undefined && amount !== 0) || part.group.dim === 'unit')
    .map((group) => ({ style: group.style, cells: renderCells(cellsFor(group.style), group.amounts, group.fields, context) }));
}

/** A unit without lines still gets its row in unit-by-unit tables. */
function addEmptyUnits(groups: Map<string, Group>, context: Context, columnCount: number) {
  context.workbook.units.forEach((unit, index) => {
    const key = `unit:${unit.id}`;
    if (!groups.has(key)) {
      groups.set(key, { key, style: 'unit', fields: unitFields(unit), firstSeen: Number.MAX_SAFE_INTEGER - 1000 + index, amounts: new Array(columnCount).fill(undefined), parent: null });
    }
  });
}

function orderGroups(groups: Group[], order: 'code' | 'entry', context: Context): Group[] {
  const unitOrder = new Map(context.workbook.units.map((unit, index) => [unit.id, index]));
  const projectOrder = new Map(context.workbook.projects.map((project, index) => [project.id, index]));
  const sortKey = (group: Group): string => {
    if (group.key.startsWith('unit:')) return String(unitOrder.get(group.key.slice(5)) ?? 0).padStart(6, '0');
    if (group.key.startsWith('project:')) return String(projectOrder.get(group.key.slice(8)) ?? 0).padStart(6, '0');
    return group.key;
  };
  const children = new Map<string | null, Group[]>();
  for (const group of groups) {
    const list = children.get(group.parent) ?? [];
    list.push(group);
    children.set(group.parent, list);
  }
  const out: Group[] = [];
  const visit = (parent: string | null) => {
    const list = children.get(parent) ?? [];
    list.sort((a, b) => {
      if (order === 'entry') return a.firstSeen - b.firstSeen;
      const ka = sortKey(a);
      const kb = sortKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    for (const group of list) {
      out.push(group);
      visit(group.key);
    }
  };
  visit(null);
  return out;
}

function keyFunction<L extends BudgetLine | IncomeLine>(part: GroupRows, context: Context): KeyFn<L> {
  const { names } = context;
  const group = part.group;
  switch (group.dim) {
    case 'function': {
      const levels = new Set(group.levels);
      return (line) => {
        const code = line.functionCode;
        if (!code || code.length !== 7) return null;
        const out: ReturnType<KeyFn<L>> & object = [];
        let parent: string | null = null;
        const levelSpecs = [
          ['class', 3],
          ['section', 5],
          ['item', 7],
        ] as const;
        for (const [level, length] of levelSpecs) {
          if (!levels.has(level)) continue;
          const prefix = code.slice(0, length);
          const key = `f:${prefix}`;
          out.push({
            key,
            parent,
            style: level === 'item' || (level === 'section' && !levels.has('item')) ? 'leaf' : 'group',
            fields: () => codeFields(prefix, names.functionName(prefix) ?? ''),
          });
          parent = key;
        }
        return out;
      };
    }
    case 'deptEcon':
    case 'govEcon': {
      const levels = new Set(group.levels);
      const dept = group.dim === 'deptEcon';
      return (line) => {
        if (!('deptEconCode' in line)) return null;
        const code = dept ? line.deptEconCode : line.govEconCode;
        const name = (prefix: string) => (dept ? names.deptEconName(prefix) : names.govEconName(prefix)) ?? '';
        const out: ReturnType<KeyFn<L>> & object = [];
        let parent: string | null = null;
        for (const [level, length] of [
          ['class', 3],
          ['section', 5],
        ] as const) {
          if (!levels.has(level)) continue;
          const prefix = code.slice(0, length);
          const key = `e:${prefix}`;
          out.push({
            key,
            parent,
            style: level === 'section' || !levels.has('section') ? 'leaf' : 'group',
            fields: () => codeFields(prefix, name(prefix)),
          });
          parent = key;
        }
        return out;
      };
    }
    case 'econPair': {
      return (line) => {
        if (!('deptEconCode' in line)) return null;
        const out: ReturnType<KeyFn<L>> & object = [];
        let parent: string | null = null;
        if (group.classRows) {
          const cls = line.deptEconCode.slice(0, 3);
          parent = `e:${cls}`;
          out.push({ key: parent, parent: null, style: 'group', fields: () => codeFields(cls, names.deptEconName(cls) ?? '') });
        }
        const { deptEconCode: dept, govEconCode: gov } = line;
        out.push({
          key: `p:${dept}:${gov}`,
          parent,
          style: 'leaf',
          fields: () => ({
            ...codeFields(dept, names.deptEconName(dept) ?? ''),
            govCode: gov,
            govName: names.govEconName(gov) ?? '',
            govClassCode: gov.slice(0, 3),
            govSectionCode: gov.slice(3, 5),
          }),
        });
        return out;
      };
    }
    case 'unit':
      return (line) => {
        const unit = context.unitsById.get(line.unitId);
        if (!unit) return null;
        return [{ key: `unit:${unit.id}`, parent: null, style: 'unit', fields: () => unitFields(unit) }];
      };
    case 'project':
      return (line) => {
        if (!('projectId' in line) || !line.projectId) return null;
        const project = context.projectsById.get(line.projectId);
        const unit = context.unitsById.get(line.unitId);
        if (!project || !unit) return null;
        const out: ReturnType<KeyFn<L>> & object = [];
        let parent: string | null = null;
        if (group.unitRows) {
          parent = `unit:${unit.id}`;
          out.push({ key: parent, parent: null, style: 'unit', fields: () => unitFields(unit) });
        }
        out.push({ key: `project:${project.id}`, parent, style: 'leaf', fields: () => projectFields(project, unit) });
        return out;
      };
  }
}

const PROJECT_TYPE_NAMES: Record<Project['type'], string> = {
  operation: '其他运转类',
  specificGoal: '特定目标类',
  general: '一般性项目',
  special: '专项项目',
};

function projectFields(project: Project, unit: Unit): Partial<RowFields> {
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

function unitFields(unit: Unit): Partial<RowFields> {
  return { code: unit.code, name: unit.name, unitCode: unit.code, unitName: unit.name };
}

function codeFields(code: string, name: string): Partial<RowFields> {
  return { code, name, classCode: code.slice(0, 3), sectionCode: code.slice(3, 5), itemCode: code.slice(5, 7) };
}

function renderCells(
  cells: CellSpec[],
  amounts: (Fen | undefined)[],
  fields: Partial<RowFields>,
  context: Context,
): EvaluatedCell[] {
  const money = context.template.money;
  const moneyCell = (fen: Fen): EvaluatedCell => ({
    text: formatMoney(fen, money.unit, { separators: money.separators, zero: context.zero }),
    fen,
  });
  const values: (Fen | undefined)[] = [...amounts];
  // Sums may refer to sums; evaluate in column order, which templates respect.
  cells.forEach((cell, index) => {
    if (typeof cell === 'object' && 'sum' in cell) {
      const plus = cell.sum.reduce((total, column) => total + (values[column] ?? 0), 0);
      const minus = (cell.minus ?? []).reduce((total, column) => total + (values[column] ?? 0), 0);
      values[index] = plus - minus;
    } else if (typeof cell === 'object' && 'prior' in cell) {
      values[index] = context.workbook.priorYear.figures[cell.prior] ?? 0;
    } else if (typeof cell === 'object' && 'money' in cell) {
      values[index] = 0;
    } else if (typeof cell === 'object' && 'measure' in cell) {
      values[index] = values[index] ?? 0;
    }
  });
  return cells.map((cell, index) => {
    if (typeof cell === 'string') return { text: fill(cell, { ...context.placeholders, ...stringFields(fields) }) };
    if ('field' in cell) return { text: fields[cell.field] ?? '' };
    if ('attribute' in cell) return { text: '' };
    return moneyCell(values[index] ?? 0);
  });
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
