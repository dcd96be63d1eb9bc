import type { Fen } from '../../money';
import type { BudgetLine, IncomeLine } from '../../model';
import { needsUnits } from '../facts';
import { budgetPredicate, incomePredicate, mergeFilters, type LinePredicate } from '../filter';
import { codeFields, projectFields, renderCells, unitFields, type Context, type EvaluatedRow } from '../render';
import type { RowScope } from '../paths';
import type { GroupDimension, GroupLevel, GroupRows, LineFilter, RowFields, RowStyle } from '../spec';

interface Group {
  key: string;
  /** The key within its own dimension ("unit:u1", "f:210"), which orders it among its siblings. */
  local: string;
  /** The dimension that made the row. */
  dim: GroupLevel['dim'];
  style: RowStyle;
  fields: Partial<RowFields>;
  /** The unit and project the row stands for, for path cells. */
  scope: RowScope;
  /** Position of the first line that created it, for `order: 'entry'`. */
  firstSeen: number;
  amounts: (Fen | undefined)[];
  /** The key of the group this one sits in, or null at the top. */
  parent: string | null;
}

interface KeyEntry {
  key: string;
  local: string;
  dim: GroupLevel['dim'];
  style: RowStyle;
  parent: string | null;
  fields: () => Partial<RowFields>;
  scope: RowScope;
}

/** Keys of every group a line belongs to, outermost first (e.g. 类, 款, 项; a unit, then its 类, 款, 项). */
type KeyFn<L> = (line: L) => KeyEntry[] | null;

/** The dimensions of a grouping, outermost first (`then` nests the next). */
export function groupChain(group: GroupDimension): GroupLevel[] {
  const chain: GroupLevel[] = [];
  for (let level: GroupDimension | undefined = group; level; level = level.then) chain.push(level);
  return chain;
}

/**
 * A line's group keys depend only on the codes the dimensions read, so they are computed once per
 * distinct value rather than once per line (50,000 lines share a few hundred codes).
 */
function memoizeKeys<L extends BudgetLine | IncomeLine>(keysOf: KeyFn<L>, chain: GroupLevel[]): KeyFn<L> {
  const cache = new Map<string, ReturnType<KeyFn<L>>>();
  const signatures = chain.map((level) => dimensionSignature<L>(level.dim));
  const signature = signatures.length === 1 ? signatures[0]! : (line: L) => signatures.map((one) => one(line)).join('#');
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

/** What of a line one dimension reads. */
function dimensionSignature<L extends BudgetLine | IncomeLine>(dim: GroupLevel['dim']): (line: L) => string {
  return (line: L): string => {
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
          group = {
            key: entry.key,
            local: entry.local,
            dim: entry.dim,
            style: entry.style,
            fields: entry.fields(),
            scope: entry.scope,
            firstSeen: index,
            amounts: new Array(columnCount).fill(undefined),
            parent: entry.parent,
          };
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

  const chain = groupChain(part.group);
  const budgetKeys = memoizeKeys(nestedKeys<BudgetLine>(chain, context), chain);
  const incomeKeys = memoizeKeys(nestedKeys<IncomeLine>(chain, context), chain);
  const dims = new Set(chain.map((level) => level.dim));
  const measureFilters = styles.flatMap((style) => cellsFor(style)).flatMap((cell) => (typeof cell === 'object' && 'measure' in cell ? [cell.measure] : []));
  const factOptions = {
    units: dims.has('unit') || dims.has('project') || needsUnits(part.where) || measureFilters.some(needsUnits),
    projects: dims.has('project'),
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
  if (chain[0]?.dim === 'unit') addEmptyUnits(groups, context, columnCount);

  const ordered = orderGroups([...groups.values()], part.order ?? 'code', context);
  const skipZero = part.skipZero ?? true;
  // Units of a unit-by-unit table keep their rows when empty; rows nested below them do not.
  return ordered
    .filter((group) => !skipZero || group.amounts.some((amount) => amount !== undefined && amount !== 0) || (group.dim === 'unit' && group.parent === null))
    .map((group) => ({ style: group.style, cells: renderCells(cellsFor(group.style), group.amounts, group.fields, context, {}, group.scope) }));
}

/** A unit without lines still gets its row in unit-by-unit tables. */
function addEmptyUnits(groups: Map<string, Group>, context: Context, columnCount: number) {
  context.workbook.units.forEach((unit, index) => {
    const key = `unit:${unit.id}`;
    if (!groups.has(key)) {
      groups.set(key, {
        key,
        local: key,
        dim: 'unit',
        style: 'unit',
        fields: unitFields(unit),
        scope: { unit },
        firstSeen: Number.MAX_SAFE_INTEGER - 1000 + index,
        amounts: new Array(columnCount).fill(undefined),
        parent: null,
      });
    }
  });
}

function orderGroups(groups: Group[], order: 'code' | 'entry', context: Context): Group[] {
  const unitOrder = new Map(context.workbook.units.map((unit, index) => [unit.id, index]));
  const projectOrder = new Map(context.workbook.projects.map((project, index) => [project.id, index]));
  const sortKey = (group: Group): string => {
    if (group.local.startsWith('unit:')) return String(unitOrder.get(group.local.slice(5)) ?? 0).padStart(6, '0');
    if (group.local.startsWith('project:')) return String(projectOrder.get(group.local.slice(8)) ?? 0).padStart(6, '0');
    return group.local;
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

/**
 * The keys of a nested grouping: each dimension's keys below the innermost key of the one before it, so a
 * unit's function rows count only that unit's lines. Inner rows carry the outer row's fields (unitCode,
 * unitName …) beneath their own and the outer row's unit and project; an outer leaf becomes a group row.
 */
function nestedKeys<L extends BudgetLine | IncomeLine>(chain: GroupLevel[], context: Context): KeyFn<L> {
  const functions = chain.map((level) => keyFunction<L>(level, context));
  if (functions.length === 1) return functions[0]!;
  return (line) => {
    const out: KeyEntry[] = [];
    let outer: KeyEntry | undefined;
    for (const keysOf of functions) {
      const entries = keysOf(line);
      if (!entries) return null;
      const parent: KeyEntry | undefined = outer;
      if (parent && parent.style === 'leaf') parent.style = 'group';
      const nested = entries.map((entry) =>
        parent
          ? {
              ...entry,
              key: `${parent.key}/${entry.key}`,
              parent: entry.parent === null ? parent.key : `${parent.key}/${entry.parent}`,
              fields: () => ({ ...parent.fields(), ...entry.fields() }),
              scope: { ...parent.scope, ...entry.scope },
            }
          : entry,
      );
      out.push(...nested);
      outer = nested[nested.length - 1] ?? outer;
    }
    return out;
  };
}

function keyFunction<L extends BudgetLine | IncomeLine>(group: GroupLevel, context: Context): KeyFn<L> {
  const { names } = context;
  switch (group.dim) {
    case 'function': {
      const levels = new Set(group.levels);
      return (line) => {
        const code = line.functionCode;
        if (!code || code.length !== 7) return null;
        const out: KeyEntry[] = [];
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
            local: key,
            dim: 'function',
            parent,
            style: level === 'item' || (level === 'section' && !levels.has('item')) ? 'leaf' : 'group',
            fields: () => codeFields(prefix, names.functionName(prefix) ?? ''),
            scope: {},
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
        const out: KeyEntry[] = [];
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
            local: key,
            dim: group.dim,
            parent,
            style: level === 'section' || !levels.has('section') ? 'leaf' : 'group',
            fields: () => codeFields(prefix, name(prefix)),
            scope: {},
          });
          parent = key;
        }
        return out;
      };
    }
    case 'econPair': {
      return (line) => {
        if (!('deptEconCode' in line)) return null;
        const out: KeyEntry[] = [];
        let parent: string | null = null;
        if (group.classRows) {
          const cls = line.deptEconCode.slice(0, 3);
          parent = `e:${cls}`;
          out.push({ key: parent, local: parent, dim: 'econPair', parent: null, style: 'group', fields: () => codeFields(cls, names.deptEconName(cls) ?? ''), scope: {} });
        }
        const { deptEconCode: dept, govEconCode: gov } = line;
        const key = `p:${dept}:${gov}`;
        out.push({
          key,
          local: key,
          dim: 'econPair',
          scope: {},
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
        const key = `unit:${unit.id}`;
        return [{ key, local: key, dim: 'unit', parent: null, style: 'unit', fields: () => unitFields(unit), scope: { unit } }];
      };
    case 'project':
      return (line) => {
        if (!('projectId' in line) || !line.projectId) return null;
        const project = context.projectsById.get(line.projectId);
        const unit = context.unitsById.get(line.unitId);
        if (!project || !unit) return null;
        const out: KeyEntry[] = [];
        let parent: string | null = null;
        if (group.unitRows) {
          parent = `unit:${unit.id}`;
          out.push({ key: parent, local: parent, dim: 'unit', parent: null, style: 'unit', fields: () => unitFields(unit), scope: { unit } });
        }
        const key = `project:${project.id}`;
        out.push({ key, local: key, dim: 'project', parent, style: 'leaf', fields: () => projectFields(project, unit), scope: { unit, project } });
        return out;
      };
  }
}

