import { FUND_LEAVES, fundIsUnder } from '../funds';
import { NATURES, UNIT_KINDS, type BudgetLine, type IncomeLine, type Project, type ProjectType, type Unit } from '../model';
import { budgetPredicate, incomePredicate, type FilterLookups } from '../tables/filter';
import type { Measure } from '../tables/spec';
import type { Combination, Scope } from './keys';

/**
 * Do two sums of measures add up the same lines? Decided the way the pivot engine decides what a
 * measure sums — with its own predicates — over a small universe of made-up lines: one per
 * combination of the values the measures tell apart (every fund leaf, every nature, each code a
 * measure names plus one it does not …). Two prefix filters differ on some code exactly when they
 * differ on one of the codes they name, so this finite check is complete.
 */

/** The funds a scope compares on. */
const SCOPE_FUNDS: Record<Scope, (fund: string) => boolean> = {
  exact: () => true,
  withoutCarryOver: (fund) => !fundIsUnder(fund, 'carry'),
  generalBudgetOnly: (fund) => fundIsUnder(fund, 'gen'),
};

interface Atom {
  source: 'budget' | 'income';
  line: BudgetLine & IncomeLine;
}

const PROJECT_TYPES: ProjectType[] = ['operation', 'specificGoal', 'general', 'special'];
const DEPT_ECON_CLASSES = ['301', '302', '303', '307', '309', '310', '311', '312', '313', '399'];
const GOV_ECON_CLASSES = ['501', '502', '503', '504', '505', '506', '507', '508', '509', '510', '511', '599'];

const LOOKUPS: FilterLookups = {
  unitsById: new Map(),
  projectsById: new Map(
    PROJECT_TYPES.map((type): [string, Project] => [
      `project-${type}`,
      { id: `project-${type}`, code: '', name: type, unitId: '', type, purpose: '', spendingPlan: null, continuing: false, procurement: [], performance: { goal: '', indicators: [] } },
    ]),
  ),
};

/** The scopes in the order a match is preferred; `generalBudgetOnly` only where the key allows it. */
export function matchScope(cell: Combination, key: Combination, allowGeneralBudget: boolean): Scope | null {
  if (outline(cell) !== outline(key)) return null;
  const universe = atomsFor([cell, key]);
  const cellValues = coefficients(cell, universe.atoms, universe.lookups);
  const keyValues = coefficients(key, universe.atoms, universe.lookups);
  const scopes: Scope[] = allowGeneralBudget ? ['exact', 'withoutCarryOver', 'generalBudgetOnly'] : ['exact', 'withoutCarryOver'];
  for (const scope of scopes) {
    const inScope = SCOPE_FUNDS[scope];
    // A narrower table leaves lines out, it never adds any: outside its scope the cell counts nothing,
    // inside it counts what the key counts, and the key has lines there.
    let agrees = true;
    let keyHasLines = false;
    universe.atoms.forEach((atom, index) => {
      if (!inScope(atom.line.fund)) {
        if (cellValues[index] !== 0) agrees = false;
        return;
      }
      if (cellValues[index] !== keyValues[index]) agrees = false;
      if (keyValues[index] !== 0) keyHasLines = true;
    });
    if (agrees && keyHasLines) return scope;
  }
  return null;
}

/**
 * The sources and the attributes other than the fund a combination looks at. Sums of different
 * outlines practically never add up the same lines; comparing outlines first spares the full check.
 */
function outline(combination: Combination): string {
  const parts = new Set<string>();
  for (const { measure } of combination) {
    parts.add(measure.source);
    if (measure.natures || measure.basicPart || measure.projectTypes) parts.add('natures');
    if (measure.deptEcon || measure.basicPart) parts.add('deptEcon');
    if (measure.govEcon) parts.add('govEcon');
    if (measure.functions) parts.add('functions');
    if (measure.projectTypes) parts.add('projectTypes');
    if (measure.unitKinds || measure.units) parts.add('units');
  }
  return [...parts].sort().join(',');
}

function coefficients(combination: Combination, atoms: Atom[], lookups: FilterLookups): number[] {
  const tests = combination.map(({ measure, sign }) => ({
    source: measure.source,
    sign,
    test: measure.source === 'budget' ? budgetPredicate(measure, lookups) : incomePredicate(measure, lookups),
  }));
  return atoms.map((atom) =>
    tests.reduce((sum, { source, sign, test }) => (source === atom.source && (test as (line: BudgetLine & IncomeLine) => boolean)(atom.line) ? sum + sign : sum), 0),
  );
}

/** Made-up lines telling apart everything the measures of `combinations` look at. */
function atomsFor(combinations: Combination[]): { atoms: Atom[]; lookups: FilterLookups } {
  const measures: Measure[] = combinations.flat().map(({ measure }) => measure);
  const uses = (test: (measure: Measure) => boolean) => measures.some(test);
  const natures = uses((m) => !!(m.natures || m.basicPart || m.projectTypes)) ? [...NATURES] : ['basic' as const];
  const deptEcon = uses((m) => !!(m.deptEcon || m.basicPart)) ? codeValues(measures.flatMap((m) => m.deptEcon ?? []), DEPT_ECON_CLASSES, 5) : ['30101'];
  const govEcon = uses((m) => !!m.govEcon) ? codeValues(measures.flatMap((m) => m.govEcon ?? []), GOV_ECON_CLASSES, 5) : ['50101'];
  const functions = uses((m) => !!m.functions) ? codeValues(measures.flatMap((m) => m.functions ?? []), [], 7) : ['2010101'];
  const projects: (string | null)[] = uses((m) => !!m.projectTypes) ? [null, ...LOOKUPS.projectsById.keys()] : [null];
  const units = unitValues(measures);
  const atoms: Atom[] = [];
  for (const source of ['budget', 'income'] as const) {
    for (const fund of FUND_LEAVES) {
      for (const unit of units.values) {
        if (source === 'income') {
          for (const functionCode of functions) atoms.push({ source, line: line({ fund, unitId: unit.id, functionCode }) });
          continue;
        }
        for (const nature of natures)
          for (const deptEconCode of deptEcon)
            for (const govEconCode of govEcon)
              for (const functionCode of functions)
                for (const projectId of projects) atoms.push({ source, line: line({ fund, unitId: unit.id, nature, deptEconCode, govEconCode, functionCode, projectId }) });
      }
    }
  }
  return { atoms, lookups: { ...LOOKUPS, unitsById: new Map(units.values.map((unit) => [unit.id, unit])) } };
}

/** Each code named (padded to full length with zeros, so it matches itself and its ancestors only), each class, and one matching nothing. */
function codeValues(named: string[], classes: string[], length: number): string[] {
  const values = new Set<string>([...named, ...classes].map((code) => code.padEnd(length, '0')));
  values.add('9'.repeat(length));
  return [...values];
}

function unitValues(measures: Measure[]): { values: Unit[] } {
  const codes = [...new Set(measures.flatMap((m) => m.units ?? []))];
  const kinds = measures.some((m) => m.unitKinds) ? UNIT_KINDS : (['admin'] as const);
  const values: Unit[] = [];
  for (const kind of kinds) {
    for (const code of [...codes, '']) {
      values.push({ id: `${kind}:${code}`, code, name: '', kind, authorizedStaff: 0, actualStaff: 0, retiredStaff: 0 });
    }
  }
  return { values };
}

function line(parts: Partial<BudgetLine & IncomeLine>): BudgetLine & IncomeLine {
  return {
    id: '',
    unitId: '',
    functionCode: '2010101',
    deptEconCode: '30101',
    govEconCode: '50101',
    nature: 'basic',
    projectId: null,
    fund: 'gen.appropriation',
    amount: 1,
    note: '',
    ...parts,
  } as BudgetLine & IncomeLine;
}
