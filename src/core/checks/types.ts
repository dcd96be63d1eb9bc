import type { Fen } from '../money';
import type { BudgetLine, Indicator, IncomeLine, Project, ProjectType, Unit, UnitKind, Workbook } from '../model';
import type { Totals } from './totals';

/**
 * Checks are data: each rule names its id, severity and message, and evaluates to findings.
 * Errors block publishing; warnings advise; info only informs.
 */
export type Severity = 'error' | 'warning' | 'info';

export type FindingEntity =
  | 'department'
  | 'unit'
  | 'incomeLine'
  | 'budgetLine'
  | 'project'
  | 'indicator'
  | 'procurement'
  | 'text'
  | 'workbook';

/** A cell of an entry grid (tableId is the collection: "budgetLines", "incomeLines", "projects" …). */
export interface TableRef {
  tableId: string;
  rowKey?: string;
  column?: string;
}

export interface FindingLocation {
  entity: FindingEntity;
  /**
   * The record at fault: a line, project, indicator or procurement id, a unit id, a text key. Procurement
   * paid from basic expenditure points at table "basicProcurement": an item (parentId its group) or a group.
   */
  id?: string;
  /** The record holding it: the project of an indicator or procurement item, "department" for department indicators. */
  parentId?: string;
  /** The field at fault, as named in the model ("govEconCode", "value", "spendingPlan.december" …). */
  field?: string;
  tables?: TableRef[];
}

export type FindingParams = Record<string, string | number>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** i18n key in the "checks" namespace, e.g. "checks:totalsUnbalanced"; render with t(messageKey, params). */
  messageKey: string;
  params: FindingParams;
  location: FindingLocation;
}

/** What a rule reports for one fault; the engine adds the rule's id, severity and message key. */
export interface Hit {
  params: FindingParams;
  location: FindingLocation;
}

/**
 * The catalogue questions checks ask, kept small so that checks do not depend on how the
 * catalogue is built (see catalog-adapter.ts for the adapter from core/catalog.ts).
 */
export interface CheckCatalog {
  hasFunction(code: string): boolean;
  hasDeptEcon(code: string): boolean;
  hasGovEcon(code: string): boolean;
  isLegalPair(kind: UnitKind, deptEcon: string, govEcon: string): boolean;
  /** The 政府经济款 a unit of this kind may pair with the 部门经济款; [] when the catalogue cannot tell. */
  legalGovEcon(kind: UnitKind, deptEcon: string): string[];
  /** Does money on this 功能分类 code belong to the 政府性基金 budget? */
  isGovernmentFund(functionCode: string): boolean;
  /**
   * Can the catalogue tell which budget this 功能分类 code belongs to: the code, its 款, or a code
   * above it with a fund hint is listed? False for a code of an unlisted 款 (a new or mistyped
   * code): the fund rules leave such lines to the unknown-code warning. Absent: always true.
   */
  knowsFunctionFund?(functionCode: string): boolean;
  /**
   * The unit kind a 功能分类 项 is named for (行政运行 / 行政单位… → "admin"; 事业运行 / 事业单位… →
   * "institution"), with the 项 of the same 款 named for the other kind; undefined for any other code.
   */
  functionUnitKind?(functionCode: string): { kind: 'admin' | 'institution'; counterpart: string | null } | undefined;
}

export interface CheckOptions {
  /**
   * Whether a project's performance target needs a 成本 indicator: not at all (false, the default),
   * as a 一级 of its own ("level1", the post-2021 layout) or at either level ("anyLevel": 一级 成本 or
   * 二级 成本 under 产出).
   */
  requireCostIndicator?: false | 'level1' | 'anyLevel';
  /** Whether every project needs a spending plan (default false: Shaanxi publishes none). */
  requireSpendingPlan?: boolean;
  /** Project types the template accepts (default: all four). */
  projectTypes?: ProjectType[];
  /** 二级 (or 一级) names, matched as substrings, whose 指标值 must be a number (default 数量, 成本). */
  quantitativeIndicatorKinds?: string[];
  /** Whose 公用经费 count as 机关运行经费 (the "operatingCost" figure); a template convention. Default "all". */
  operatingCostUnits?: 'all' | 'adminOnly';
  /**
   * How the package prints amounts, for the 尾差 rule (tables.roundingTail): unit and decimals, or false
   * when the printed tables are not checked for footing. Default 万元 with 2 decimals.
   */
  printedAmounts?: { unit: 'wan' | 'yuan'; decimals: number } | false;
  /** Rule ids not to run. */
  disabledRules?: string[];
}

export type ResolvedCheckOptions = Required<CheckOptions>;

/** The performance target of a project or of the department, as indicator rules see it. */
export interface IndicatorSet {
  /** "department" or the project's id. */
  id: string;
  owner: 'department' | 'project';
  /** The project's or the department's name, for messages. */
  name: string;
  indicators: Indicator[];
  /** What the target's 成本 indicators are compared with: the project's lines, or all expenditure. */
  amount: Fen;
}

/** What every rule may read. `totals` is kept current by the engine, also between incremental updates. */
export interface CheckContext {
  workbook: Workbook;
  catalog: CheckCatalog;
  options: ResolvedCheckOptions;
  unitsById: ReadonlyMap<string, Unit>;
  projectsById: ReadonlyMap<string, Project>;
  totals: Totals;
  /** An amount in the workbook's entry unit, as messages print it ("6,465.30"). */
  money(fen: Fen): string;
}

export interface LineRecords {
  units: Unit;
  budgetLines: BudgetLine;
  incomeLines: IncomeLine;
  projects: Project;
  indicatorSets: IndicatorSet;
}
export type LineCollection = keyof LineRecords;

interface RuleBase {
  id: string;
  severity: Severity;
  messageKey: string;
  /** What the rule checks, in English, for docs/checks.md and the UI's rule list. */
  description: string;
}

/**
 * Evaluated per record; re-run only for records that changed or whose inputs changed (a unit when
 * one of its lines changed, a project when its lines or totals changed).
 */
export type LineRule = {
  [C in LineCollection]: RuleBase & {
    scope: 'line';
    collection: C;
    evaluate(record: LineRecords[C], context: CheckContext): readonly Hit[];
  };
}[LineCollection];

/** Evaluated over the workbook's running totals on every run. */
export interface WorkbookRule extends RuleBase {
  scope: 'workbook';
  evaluate(context: CheckContext): readonly Hit[];
}

export type Rule = LineRule | WorkbookRule;

/** Shared empty result, so that rules that find nothing allocate nothing. */
export const NO_HITS: readonly Hit[] = Object.freeze([]);
