import { fundIsUnder } from '../funds';
import type { BudgetLine, IncomeLine, Project, Unit } from '../model';
import type { LineFilter } from './spec';

/** What a filter may look at besides the line itself. */
export interface FilterLookups {
  unitsById: Map<string, Unit>;
  projectsById: Map<string, Project>;
}

export type LinePredicate<L> = (line: L) => boolean;

const PERSONNEL_CLASSES = ['301', '303'];

/** 人员经费 are 部门经济 301 and 303; everything else in basic spending is 公用经费. */
export function isPersonnelEcon(deptEconCode: string): boolean {
  return PERSONNEL_CLASSES.includes(deptEconCode.slice(0, 3));
}

const byPrefix = (prefixes: string[]) => (code: string) => prefixes.some((prefix) => code.startsWith(prefix));

/** Compiles a filter into a predicate over budget lines; criteria that do not apply are ignored. */
export function budgetPredicate(filter: LineFilter, lookups: FilterLookups): LinePredicate<BudgetLine> {
  const tests: LinePredicate<BudgetLine>[] = [];
  if (filter.funds) tests.push(fundTest(filter.funds));
  if (filter.natures) {
    const natures = new Set(filter.natures);
    tests.push((line) => natures.has(line.nature));
  }
  if (filter.deptEcon) {
    const match = byPrefix(filter.deptEcon);
    tests.push((line) => match(line.deptEconCode));
  }
  if (filter.govEcon) {
    const match = byPrefix(filter.govEcon);
    tests.push((line) => match(line.govEconCode));
  }
  if (filter.functions) {
    const match = byPrefix(filter.functions);
    tests.push((line) => match(line.functionCode));
  }
  if (filter.basicPart) {
    const personnel = filter.basicPart === 'personnel';
    tests.push((line) => line.nature === 'basic' && isPersonnelEcon(line.deptEconCode) === personnel);
  }
  if (filter.projectTypes) {
    const types = new Set<string>(filter.projectTypes);
    tests.push((line) => {
      const project = line.projectId ? lookups.projectsById.get(line.projectId) : undefined;
      return project !== undefined && types.has(project.type);
    });
  }
  tests.push(...unitTests<BudgetLine>(filter, lookups));
  return combine(tests);
}

/** Compiles a filter into a predicate over income lines (funds, functions and units apply). */
export function incomePredicate(filter: LineFilter, lookups: FilterLookups): LinePredicate<IncomeLine> {
  const tests: LinePredicate<IncomeLine>[] = [];
  if (filter.funds) tests.push(fundTest(filter.funds));
  if (filter.functions) {
    const match = byPrefix(filter.functions);
    tests.push((line) => line.functionCode !== null && match(line.functionCode));
  }
  const excludes = filter.natures || filter.deptEcon || filter.govEcon || filter.basicPart || filter.projectTypes;
  if (excludes) tests.push(() => false);
  tests.push(...unitTests<IncomeLine>(filter, lookups));
  return combine(tests);
}

function fundTest(funds: string[]): LinePredicate<{ fund: string }> {
  const cache = new Map<string, boolean>();
  return (line) => {
    let hit = cache.get(line.fund);
    if (hit === undefined) {
      hit = funds.some((ancestor) => fundIsUnder(line.fund, ancestor));
      cache.set(line.fund, hit);
    }
    return hit;
  };
}

function unitTests<L extends { unitId: string }>(filter: LineFilter, lookups: FilterLookups): LinePredicate<L>[] {
  const tests: LinePredicate<L>[] = [];
  if (filter.unitKinds) {
    const kinds = new Set<string>(filter.unitKinds);
    tests.push((line) => {
      const unit = lookups.unitsById.get(line.unitId);
      return unit !== undefined && kinds.has(unit.kind);
    });
  }
  if (filter.units) {
    const codes = new Set(filter.units);
    tests.push((line) => codes.has(lookups.unitsById.get(line.unitId)?.code ?? ''));
  }
  return tests;
}

function combine<L>(tests: LinePredicate<L>[]): LinePredicate<L> {
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0] as LinePredicate<L>;
  return (line) => tests.every((test) => test(line));
}

/** Both filters at once (criteria of `extra` narrow `base`). */
export function mergeFilters(base: LineFilter | undefined, extra: LineFilter | undefined): LineFilter {
  if (!base) return { ...extra };
  if (!extra) return { ...base };
  const merged: LineFilter = { ...base };
  for (const key of Object.keys(extra) as (keyof LineFilter)[]) {
    const a = base[key];
    const b = extra[key];
    if (a === undefined) (merged as Record<string, unknown>)[key] = b;
    else if (Array.isArray(a) && Array.isArray(b)) (merged as Record<string, unknown>)[key] = intersectPrefixLists(a, b);
    else (merged as Record<string, unknown>)[key] = b;
  }
  return merged;
}

/** Two prefix lists both holding: keep the longer of each pair where one extends the other. */
function intersectPrefixLists(a: readonly string[], b: readonly string[]): string[] {
  const out = new Set<string>();
  for (const x of a) for (const y of b) {
    if (x.startsWith(y)) out.add(x);
    else if (y.startsWith(x)) out.add(y);
  }
  return [...out];
}
