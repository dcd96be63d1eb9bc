import type { Fen } from '../../money';
import type { BudgetLine, IncomeLine } from '../../model';
import { needsUnits } from '../facts';
import { budgetPredicate, incomePredicate, mergeFilters, type LinePredicate } from '../filter';
import { codeFields, projectFields, renderCells, unitFields, type Context, type EvaluatedRow } from '../render';
import type { GroupRows, LineFilter, RowFields, RowStyle } from '../spec';

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

/**
 * A line's group keys depend only on the codes the dimension reads, so they are computed once per
 * distinct value rather than once per line (50,000 lines share a few hundred codes).
 */
function memoizeKeys<L extends BudgetLine | IncomeLine>(keysOf: KeyFn<L>, part: GroupRows): KeyFn<L> {
  const cache = new Map<string, ReturnType<KeyFn<L>>>();
  const dim = part.group.dim;
  const signature = (line: L): string => {
    switch (dim) {
      case 'function':
        return line.functionCode ?? '';
      case 'deptEcon':
        return 'deptEconCode' in line ? line.deptEconCode : '';
      case 'govEcon':
        return 'govEconCode' in line ? line.govEconCode : '';
      case 'econPair':
        return 'deptEconCode' in line ? `${line.deptEconCode}|${line.govEconCode}` : '';
      case 'unit':
        return line.unitId;
      case 'project':
        return 'projectId' in line ? `${line.projectId ?? ''}|${line.unitId}` : '';
    }
  };
  return (line) => {
    const key = signature(line);
    let keys = cache.get(key);
    if (keys === undefined) {
      keys = keysOf(line);
      cache.set(key, keys);
    }
    return keys;
  };
}

/** Rows generated from the lines: one per function code, economic pair, unit or project. */
export function evaluateGroupRows(part: GroupRows, context: Context): EvaluatedRow[] {
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
    const count = lines.length;
    for (let index = 0; index < count; index += 1) {
      const line = lines[index] as L;
      if (!rowTest(line)) continue;
      const keys = keysOf(line);
      if (!keys) continue;
      for (const entry of keys) {
        let group = groups.get(entry.key);
        if (!group) {
          if (!createsRows) continue;
          group = { key: entry.key, style: entry.style, fields: entry.fields(), firstSeen: index, amounts: new Array(columnCount).fill(undefined), parent: entry.parent };
          groups.set(entry.key, group);
        }
        const tests = measuresByStyle.get(group.style) ?? [];
        const amounts = group.amounts;
        for (let column = 0; column < tests.length; column += 1) {
          const test = tests[column];
          if (test && test(line)) amounts[column] = (amounts[column] ?? 0) + line.amount;
        }
      }
    }
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

  const budgetKeys = memoizeKeys(keyFunction<BudgetLine>(part, context), part);
  const incomeKeys = memoizeKeys(keyFunction<IncomeLine>(part, context), part);
  const dim = part.group.dim;
  const measureFilters = styles.flatMap((style) => cellsFor(style)).flatMap((cell) => (typeof cell === 'object' && 'measure' in cell ? [cell.measure] : []));
  const factOptions = {
    units: dim === 'unit' || dim === 'project' || needsUnits(part.where) || measureFilters.some(needsUnits),
    projects: dim === 'project',
  };
  const budgetLines = context.facts?.budget(factOptions) ?? context.workbook.budgetLines;
  const incomeLines = context.facts?.income(factOptions) ?? context.workbook.incomeLines;
  const passes = [
    { source: 'budget' as const, keys: budgetKeys, test: budgetPredicate(part.where ?? {}, context) },
    { source: 'income' as const, keys: incomeKeys, test: incomePredicate(part.where ?? {}, context) },
  ];
  // The source that decides the rows goes first, so the other only adds to existing rows.
  passes.sort((a, b) => Number(b.source === source) - Number(a.source === source));
  for (const pass of passes) {
    const createsRows = pass.source === source;
    if (pass.source === 'budget') {
      addLines(budgetLines, budgetKeys, pass.test as LinePredicate<BudgetLine>, createsRows, (style) =>
        measurePredicates(style, 'budget', (filter) => budgetPredicate(filter, context)),
      );
    } else {
      addLines(incomeLines, incomeKeys, pass.test as LinePredicate<IncomeLine>, createsRows, (style) =>
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

