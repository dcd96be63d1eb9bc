import type { BudgetLine, IncomeLine, Project, Workbook } from '../model';
import type { LineFilter } from './spec';

/**
 * Lines summed over the attributes no filter of the current part looks at, so that a measure scans a
 * few hundred aggregated facts instead of every line. Without units, lines of different units merge;
 * without projects, lines of different projects of the same type merge (the fact keeps one of those
 * projects, which filters only ask for its type). Facts keep the order in which lines first appear.
 */
export interface FactOptions {
  units: boolean;
  projects: boolean;
}

export interface Facts {
  budget(options: FactOptions): readonly BudgetLine[];
  income(options: FactOptions): readonly IncomeLine[];
  /** Each unit's lines (aggregated over projects), for unit-by-unit rows. */
  byUnit(source: 'budget' | 'income', unitId: string): readonly (BudgetLine | IncomeLine)[];
}

/**
 * Facts are a pure function of the lines and projects; workbooks are immutable, so the same arrays give
 * the same facts and several templates evaluated over one workbook share them.
 */
const shared = new WeakMap<readonly BudgetLine[], { incomeLines: readonly IncomeLine[]; projects: Map<string, Project>; facts: Facts }>();

export function createFacts(workbook: Pick<Workbook, 'budgetLines' | 'incomeLines'>, projectsById: Map<string, Project>): Facts {
  const known = shared.get(workbook.budgetLines);
  if (known && known.incomeLines === workbook.incomeLines && sameProjects(known.projects, projectsById)) return known.facts;
  const facts = buildFacts(workbook, projectsById);
  shared.set(workbook.budgetLines, { incomeLines: workbook.incomeLines, projects: projectsById, facts });
  return facts;
}

function sameProjects(a: Map<string, Project>, b: Map<string, Project>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [id, project] of a) if (b.get(id)?.type !== project.type) return false;
  return true;
}

function buildFacts(workbook: Pick<Workbook, 'budgetLines' | 'incomeLines'>, projectsById: Map<string, Project>): Facts {
  const cache = new Map<string, readonly (BudgetLine | IncomeLine)[]>();
  const partitions = new Map<'budget' | 'income', Map<string, (BudgetLine | IncomeLine)[]>>();
  const memo = <L>(key: string, build: () => readonly L[]): readonly L[] => {
    let value = cache.get(key) as readonly L[] | undefined;
    if (!value) {
      value = build();
      cache.set(key, value as readonly (BudgetLine | IncomeLine)[]);
    }
    return value;
  };
  const facts: Facts = {
    budget: (options) =>
      memo(`b${+options.units}${+options.projects}`, () => (options.units && options.projects ? workbook.budgetLines : aggregateBudget(workbook.budgetLines, options, projectsById))),
    income: (options) => memo(`i${+options.units}`, () => (options.units ? workbook.incomeLines : aggregateIncome(workbook.incomeLines))),
    byUnit: (source, unitId) => {
      let partition = partitions.get(source);
      if (!partition) {
        partition = new Map();
        const lines = source === 'budget' ? facts.budget({ units: true, projects: false }) : workbook.incomeLines;
        for (const line of lines) {
          const list = partition.get(line.unitId);
          if (list) list.push(line);
          else partition.set(line.unitId, [line]);
        }
        partitions.set(source, partition);
      }
      return partition.get(unitId) ?? [];
    },
  };
  return facts;
}

/** Whether a filter needs lines kept apart by unit. */
export function needsUnits(filter: LineFilter | undefined): boolean {
  return Boolean(filter && (filter.units || filter.unitKinds));
}

function aggregateBudget(lines: readonly BudgetLine[], options: FactOptions, projectsById: Map<string, Project>): BudgetLine[] {
  const facts = new Map<string, BudgetLine>();
  const representative = new Map<string, string>();
  for (const line of lines) {
    let projectId = line.projectId;
    if (!options.projects && projectId) {
      const type = projectsById.get(projectId)?.type ?? '?';
      const kept = representative.get(type);
      if (kept) projectId = kept;
      else representative.set(type, projectId);
    }
    const unitId = options.units ? line.unitId : '';
    const key = `${unitId}|${line.functionCode}|${line.deptEconCode}|${line.govEconCode}|${line.nature}|${projectId ?? ''}|${line.fund}`;
    const fact = facts.get(key);
    if (fact) fact.amount += line.amount;
    else facts.set(key, { ...line, id: key, unitId, projectId, note: '' });
  }
  return [...facts.values()];
}

function aggregateIncome(lines: readonly IncomeLine[]): IncomeLine[] {
  const facts = new Map<string, IncomeLine>();
  for (const line of lines) {
    const key = `${line.fund}|${line.functionCode ?? ''}`;
    const fact = facts.get(key);
    if (fact) fact.amount += line.amount;
    else facts.set(key, { ...line, id: key, unitId: '' });
  }
  return [...facts.values()];
}
