import type { CollectionName, Edit, SingletonName } from '../edits';
import { formatMoney, FEN_PER, type Fen, type MoneyUnit } from '../money';
import type { BudgetLine, IncomeLine, Project, Unit, Workbook } from '../model';
import { RULES } from './rules';
import { Totals } from './totals';
import type {
  CheckCatalog,
  CheckContext,
  CheckOptions,
  Finding,
  Hit,
  IndicatorSet,
  LineCollection,
  LineRule,
  ResolvedCheckOptions,
  Rule,
  WorkbookRule,
} from './types';

/**
 * Runs the rules over a workbook, and keeps running them as it changes: line rules re-run only
 * for the records an edit touched (and the projects whose totals moved), aggregate identities
 * read running totals, so one edited amount costs O(1) rule evaluations plus the workbook rules.
 */

/** A catalogue, or how to get one for a workbook (re-asked when the workbook's imported codes change). */
export type CatalogSource = CheckCatalog | ((workbook: Workbook) => CheckCatalog);

/** What an edit touched: a record of a collection, or a singleton part of the workbook. */
export type ChangedPart = { collection: CollectionName; id: string } | { collection: SingletonName; id?: string };

export interface CheckSession {
  findings(): Finding[];
  /** `changed` must list every record that differs between the previous workbook and `next`. */
  update(next: Workbook, changed: readonly ChangedPart[]): Finding[];
}

export const DEFAULT_OPTIONS: ResolvedCheckOptions = {
  requireCostIndicator: false,
  requireSpendingPlan: false,
  projectTypes: ['operation', 'specificGoal', 'general', 'special'],
  quantitativeIndicatorKinds: ['数量', '成本'],
  operatingCostUnits: 'all',
  printedAmounts: { unit: 'wan', decimals: 2 },
  disabledRules: [],
};

/** Every finding for the workbook. */
export function runChecks(workbook: Workbook, catalog: CatalogSource, options?: CheckOptions): Finding[] {
  return createCheckSession(workbook, catalog, options).findings();
}

export function createCheckSession(workbook: Workbook, catalog: CatalogSource, options: CheckOptions = {}): CheckSession {
  const engine = new Engine(workbook, catalog, { ...DEFAULT_OPTIONS, ...options });
  return {
    findings: () => engine.findings(),
    update: (next, changed) => {
      engine.update(next, changed);
      return engine.findings();
    },
  };
}

/** The parts an edit list touches, for CheckSession.update. */
export function changedParts(edits: readonly Edit[]): ChangedPart[] {
  return edits.map((edit) =>
    edit.op === 'set'
      ? { collection: edit.key }
      : { collection: edit.collection, id: edit.op === 'put' ? edit.record.id : edit.id },
  );
}

/** Singletons whose change only workbook rules (re-run every time) and the department's target read. */
const LIGHT_SINGLETONS = new Set<string>(['texts', 'priorYear', 'departmentPerformance', 'basicProcurement']);

/** Amounts in messages: the entry unit with 2 decimals, more only when the amount has finer digits. */
export function messageMoney(unit: MoneyUnit): (fen: Fen) => string {
  const maxDecimals = Math.round(Math.log10(FEN_PER[unit]));
  return (fen) => {
    let decimals = 2;
    while (decimals < maxDecimals && fen % 10 ** (maxDecimals - decimals) !== 0) decimals += 1;
    return formatMoney(fen, unit, { decimals });
  };
}

interface StoredHits {
  collection: LineCollection;
  id: string;
  hits: { rule: LineRule; hit: Hit }[];
}

const DEPARTMENT_SET = 'department';
type Positioned = 'units' | 'budgetLines' | 'incomeLines' | 'projects';

class Engine {
  private workbook: Workbook;
  private catalog!: CheckCatalog;
  private readonly lineRules: Record<LineCollection, LineRule[]>;
  private readonly workbookRules: WorkbookRule[];
  private unitsById = new Map<string, Unit>();
  private projectsById = new Map<string, Project>();
  private totals!: Totals;
  private positions!: Record<Positioned, Map<string, number>>;
  /** Budget lines by the project id they name (known or not). */
  private linesByProject = new Map<string, Set<string>>();
  private recordHits = new Map<string, StoredHits>();
  /** Findings of each record with hits, built on demand; dropped when the record is re-evaluated or rows move. */
  private materialized = new Map<string, Finding[]>();
  /** Keys of recordHits in listing order; null when a key came or went or positions moved. */
  private order: string[] | null = null;
  private workbookHits: { rule: WorkbookRule; hit: Hit }[] = [];
  private context!: CheckContext;
  private cached: Finding[] | null = null;

  constructor(
    workbook: Workbook,
    private readonly catalogSource: CatalogSource,
    private readonly options: ResolvedCheckOptions,
  ) {
    const enabled = RULES.filter((rule) => !options.disabledRules.includes(rule.id));
    this.lineRules = { units: [], budgetLines: [], incomeLines: [], projects: [], indicatorSets: [] };
    this.workbookRules = [];
    for (const rule of enabled) {
      if (rule.scope === 'workbook') this.workbookRules.push(rule);
      else (this.lineRules[rule.collection] as Rule[]).push(rule);
    }
    this.workbook = workbook;
    this.rebuild(workbook);
  }

  findings(): Finding[] {
    this.cached ??= this.assemble();
    return this.cached;
  }

  update(next: Workbook, changed: readonly ChangedPart[]): void {
    this.cached = null;
    const needsRebuild = changed.some(
      (part) => part.collection === 'units' || (!isCollection(part.collection) && !LIGHT_SINGLETONS.has(part.collection)),
    );
    if (needsRebuild) {
      this.rebuild(next);
      return;
    }
    const prev = this.workbook;
    const ids = { budgetLines: new Set<string>(), incomeLines: new Set<string>(), projects: new Set<string>() };
    for (const part of changed) {
      if (part.id !== undefined && part.collection !== 'units' && isCollection(part.collection)) ids[part.collection].add(part.id);
    }

    const old = {
      budgetLines: this.recordsAt(prev, 'budgetLines', ids.budgetLines),
      incomeLines: this.recordsAt(prev, 'incomeLines', ids.incomeLines),
    };
    for (const collection of ['budgetLines', 'incomeLines', 'projects'] as const) {
      if (this.positionsStillHold(prev, next, collection, ids[collection])) continue;
      repairIndex(this.positions[collection], prev[collection], next[collection], ids[collection]);
      this.order = null;
      if (collection !== 'projects') this.materialized.clear();
    }
    this.workbook = next;
    this.context = { ...this.context, workbook: next };

    const touchedProjects = new Set<string>();
    const touchedUnits = new Set<string>();
    const linesToCheck = new Set<string>(ids.budgetLines);

    for (const id of ids.projects) {
      const project = this.recordAt(next, 'projects', id) as Project | undefined;
      if (project) this.projectsById.set(id, project);
      else this.projectsById.delete(id);
      touchedProjects.add(id);
      for (const lineId of this.linesByProject.get(id) ?? []) linesToCheck.add(lineId);
    }
    for (const id of ids.incomeLines) {
      const before = old.incomeLines.get(id) as IncomeLine | undefined;
      const after = this.recordAt(next, 'incomeLines', id) as IncomeLine | undefined;
      if (before) {
        this.totals.addIncomeLine(before, -1);
        touchedUnits.add(before.unitId);
      }
      if (after) {
        this.totals.addIncomeLine(after, 1);
        touchedUnits.add(after.unitId);
      }
      this.evaluateRecord('incomeLines', id, after);
    }
    for (const id of ids.budgetLines) {
      const before = old.budgetLines.get(id) as BudgetLine | undefined;
      const after = this.recordAt(next, 'budgetLines', id) as BudgetLine | undefined;
      if (before) {
        this.totals.addBudgetLine(before, -1);
        this.unlinkProject(before);
        touchedUnits.add(before.unitId);
        if (before.projectId !== null) touchedProjects.add(before.projectId);
      }
      if (after) {
        this.totals.addBudgetLine(after, 1);
        this.linkProject(after);
        touchedUnits.add(after.unitId);
        if (after.projectId !== null) touchedProjects.add(after.projectId);
      }
    }
    for (const id of touchedUnits) this.evaluateRecord('units', id, this.unitsById.get(id));
    for (const id of linesToCheck) this.evaluateRecord('budgetLines', id, this.recordAt(next, 'budgetLines', id) as BudgetLine | undefined);
    for (const id of touchedProjects) {
      const project = this.projectsById.get(id);
      this.evaluateRecord('projects', id, project);
      this.evaluateRecord('indicatorSets', id, project ? this.projectSet(project) : undefined);
    }
    this.evaluateRecord('indicatorSets', DEPARTMENT_SET, this.departmentSet());
    this.evaluateWorkbookRules();
  }

  private rebuild(workbook: Workbook): void {
    this.cached = null;
    this.workbook = workbook;
    this.catalog = typeof this.catalogSource === 'function' ? this.catalogSource(workbook) : this.catalogSource;
    this.unitsById = new Map(workbook.units.map((unit) => [unit.id, unit]));
    this.projectsById = new Map(workbook.projects.map((project) => [project.id, project]));
    const adminOnly = this.options.operatingCostUnits === 'adminOnly';
    const unitsById = this.unitsById;
    this.totals = new Totals((unitId) => !adminOnly || unitsById.get(unitId)?.kind === 'admin');
    this.positions = {
      units: indexById(workbook.units),
      budgetLines: indexById(workbook.budgetLines),
      incomeLines: indexById(workbook.incomeLines),
      projects: indexById(workbook.projects),
    };
    this.linesByProject = new Map();
    for (const line of workbook.incomeLines) this.totals.addIncomeLine(line, 1);
    for (const line of workbook.budgetLines) {
      this.totals.addBudgetLine(line, 1);
      this.linkProject(line);
    }
    const unit = workbook.settings.entryUnit;
    this.context = {
      workbook,
      catalog: this.catalog,
      options: this.options,
      unitsById: this.unitsById,
      projectsById: this.projectsById,
      totals: this.totals,
      money: messageMoney(unit),
    };
    this.recordHits = new Map();
    this.materialized = new Map();
    this.order = null;
    for (const unit of workbook.units) this.evaluateRecord('units', unit.id, unit);
    for (const line of workbook.budgetLines) this.evaluateRecord('budgetLines', line.id, line);
    for (const line of workbook.incomeLines) this.evaluateRecord('incomeLines', line.id, line);
    for (const project of workbook.projects) {
      this.evaluateRecord('projects', project.id, project);
      this.evaluateRecord('indicatorSets', project.id, this.projectSet(project));
    }
    this.evaluateRecord('indicatorSets', DEPARTMENT_SET, this.departmentSet());
    this.evaluateWorkbookRules();
  }

  private projectSet(project: Project): IndicatorSet {
    return {
      id: project.id,
      owner: 'project',
      name: project.name,
      indicators: project.performance.indicators,
      amount: this.totals.projectTotals(project.id).amount,
    };
  }

  private departmentSet(): IndicatorSet {
    return {
      id: DEPARTMENT_SET,
      owner: 'department',
      name: this.workbook.department.name,
      indicators: this.workbook.departmentPerformance.indicators,
      amount: this.totals.expenditure,
    };
  }

  private evaluateRecord<C extends LineCollection>(collection: C, id: string, record: unknown): void {
    const key = `${collection}:${id}`;
    let stored: StoredHits | null = null;
    if (record !== undefined) {
      for (const rule of this.lineRules[collection]) {
        const hits = (rule.evaluate as (record: unknown, context: CheckContext) => readonly Hit[])(record, this.context);
        if (hits.length === 0) continue;
        stored ??= { collection, id, hits: [] };
        for (const hit of hits) stored.hits.push({ rule, hit });
      }
    }
    const had = this.recordHits.has(key);
    if (stored) this.recordHits.set(key, stored);
    else this.recordHits.delete(key);
    if (had !== (stored !== null)) this.order = null;
    this.materialized.delete(key);
  }

  private evaluateWorkbookRules(): void {
    this.workbookHits = [];
    for (const rule of this.workbookRules) {
      for (const hit of rule.evaluate(this.context)) this.workbookHits.push({ rule, hit });
    }
  }

  private linkProject(line: BudgetLine): void {
    if (line.projectId === null) return;
    let lines = this.linesByProject.get(line.projectId);
    if (!lines) {
      lines = new Set();
      this.linesByProject.set(line.projectId, lines);
    }
    lines.add(line.id);
  }

  private unlinkProject(line: BudgetLine): void {
    if (line.projectId === null) return;
    const lines = this.linesByProject.get(line.projectId);
    lines?.delete(line.id);
    if (lines?.size === 0) this.linesByProject.delete(line.projectId);
  }

  private recordAt(workbook: Workbook, collection: Positioned, id: string): { id: string } | undefined {
    const position = this.positions[collection].get(id);
    if (position === undefined) return undefined;
    const record = workbook[collection][position];
    return record?.id === id ? record : undefined;
  }

  private recordsAt(workbook: Workbook, collection: Positioned, ids: Set<string>): Map<string, { id: string }> {
    const records = new Map<string, { id: string }>();
    for (const id of ids) {
      const record = this.recordAt(workbook, collection, id);
      if (record) records.set(id, record);
    }
    return records;
  }

  /** Puts of existing records replace them in place; any insert or delete shifts positions. */
  private positionsStillHold(prev: Workbook, next: Workbook, collection: Positioned, ids: Set<string>): boolean {
    if (ids.size === 0) return prev[collection] === next[collection] || prev[collection].length === next[collection].length;
    if (prev[collection].length !== next[collection].length) return false;
    for (const id of ids) {
      const position = this.positions[collection].get(id);
      if (position === undefined || next[collection][position]?.id !== id) return false;
    }
    return true;
  }

  private assemble(): Finding[] {
    const findings: Finding[] = this.workbookHits.map(({ rule, hit }) => toFinding(rule, hit));
    this.order ??= this.listingOrder();
    for (const key of this.order) {
      let list = this.materialized.get(key);
      if (!list) {
        list = this.materialize(this.recordHits.get(key) as StoredHits);
        this.materialized.set(key, list);
      }
      for (const finding of list) findings.push(finding);
    }
    return findings;
  }

  /** Units, the department's target, budget lines, income lines, then each project with its indicators. */
  private listingOrder(): string[] {
    const rank = (stored: StoredHits): [number, number, number] => {
      switch (stored.collection) {
        case 'units':
          return [0, this.positions.units.get(stored.id) ?? 0, 0];
        case 'indicatorSets':
          return stored.id === DEPARTMENT_SET ? [1, 0, 0] : [4, this.positions.projects.get(stored.id) ?? 0, 1];
        case 'budgetLines':
          return [2, this.positions.budgetLines.get(stored.id) ?? 0, 0];
        case 'incomeLines':
          return [3, this.positions.incomeLines.get(stored.id) ?? 0, 0];
        case 'projects':
          return [4, this.positions.projects.get(stored.id) ?? 0, 0];
      }
    };
    const ranked = [...this.recordHits.entries()].map(([key, stored]) => ({ key, rank: rank(stored) }));
    ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2]);
    return ranked.map(({ key }) => key);
  }

  private materialize(stored: StoredHits): Finding[] {
    const { collection } = stored;
    const row = collection === 'budgetLines' || collection === 'incomeLines' ? (this.positions[collection].get(stored.id) ?? 0) + 1 : undefined;
    return stored.hits.map(({ rule, hit }) =>
      toFinding(rule, row === undefined ? hit : { params: { ...hit.params, row }, location: hit.location }),
    );
  }
}

function toFinding(rule: Rule, hit: Hit): Finding {
  return { ruleId: rule.id, severity: rule.severity, messageKey: rule.messageKey, params: hit.params, location: hit.location };
}

function isCollection(name: string): name is CollectionName {
  return name === 'units' || name === 'incomeLines' || name === 'budgetLines' || name === 'projects';
}

/**
 * Brings an id → position index from `prev` to `next` after inserts and deletes: entries before
 * the first position where the arrays differ stay (records are shared between workbook versions),
 * the rest are re-set, which costs far less than building a new index of every line.
 */
function repairIndex(index: Map<string, number>, prev: readonly { id: string }[], next: readonly { id: string }[], changed: Set<string>): void {
  let start = 0;
  const limit = Math.min(prev.length, next.length);
  while (start < limit && prev[start] === next[start]) start += 1;
  // Records that left are among the changed ones; the ones that stayed are re-set below.
  for (const id of changed) index.delete(id);
  for (let position = start; position < next.length; position += 1) index.set((next[position] as { id: string }).id, position);
}

function indexById(records: readonly { id: string }[]): Map<string, number> {
  const index = new Map<string, number>();
  records.forEach((record, position) => index.set(record.id, position));
  return index;
}
