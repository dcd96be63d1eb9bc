import type { Fen, MoneyUnit } from './money';

/** The whole workbook: one department, one budget year. Plain data; every table derives from it. */
export interface Workbook {
  settings: Settings;
  department: Department;
  units: Unit[];
  incomeLines: IncomeLine[];
  budgetLines: BudgetLine[];
  projects: Project[];
  /** Procurement paid from basic expenditure (公用经费), grouped as the 政府采购 table lists it. */
  basicProcurement: BasicProcurement[];
  departmentPerformance: DepartmentPerformance;
  assets: Assets;
  texts: Texts;
  priorYear: PriorYear;
  /** Catalogue entries the clerk imported (the year's official list); they extend the built-in one. */
  catalogEntries: CatalogEntry[];
}

export interface Settings {
  /** The unit money is typed in; tables use their template's unit regardless. */
  entryUnit: MoneyUnit;
  /** Template chosen for preview and export, e.g. "henan-2024". */
  template: string | null;
  /** Edition (year) of the function/economic catalogue the codes are checked against. */
  catalogEdition: number;
  /**
   * The chosen template as a whole template file (src/core/templates), kept in the workbook so the file
   * prints the same package on any machine, next year and at the finance bureau. Absent: the built-in `template`.
   */
  templateDocument?: Record<string, unknown>;
}

export interface Department {
  code: string;
  name: string;
  year: number;
  /** Date printed on the package, ISO yyyy-mm-dd, or empty. */
  publishedOn: string;
}

export type UnitKind = 'admin' | 'civilServantManaged' | 'institution';

export const UNIT_KINDS: readonly UnitKind[] = ['admin', 'civilServantManaged', 'institution'];

export interface Unit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  /** 编制数 */
  authorizedStaff: number;
  /** 实有人数 */
  actualStaff: number;
  /** 离退休人数 */
  retiredStaff: number;
  /** 单位规格, e.g. 正处（县）级; absent means not given. */
  grade?: string;
  /** 经费保障形式, e.g. 财政拨款; absent means not given. */
  fundingForm?: string;
}

/** Income of a unit from one fund source, optionally by function code where a template asks. */
export interface IncomeLine {
  id: string;
  unitId: string;
  fund: string;
  functionCode: string | null;
  amount: Fen;
}

export type Nature = 'basic' | 'project' | 'operating' | 'remitUpward' | 'subsidyAffiliates';

export const NATURES: readonly Nature[] = ['basic', 'project', 'operating', 'remitUpward', 'subsidyAffiliates'];

/** The atomic fact: unit × 功能项 × 部门经济款 × 政府经济款 × nature × project × fund → amount. */
export interface BudgetLine {
  id: string;
  unitId: string;
  /** 7-digit 功能分类 项 code, e.g. "2101501". */
  functionCode: string;
  /** 5-digit 部门预算支出经济分类 款 code, e.g. "30101". */
  deptEconCode: string;
  /** 5-digit 政府预算支出经济分类 款 code, e.g. "50101". */
  govEconCode: string;
  nature: Nature;
  /** Set exactly when nature is "project". */
  projectId: string | null;
  /** A fund leaf from FUND_TREE. */
  fund: string;
  amount: Fen;
  /** Free text the clerk keeps with the line. */
  note: string;
}

export type ProjectType = 'operation' | 'specificGoal' | 'general' | 'special';

export interface Project {
  id: string;
  code: string;
  name: string;
  unitId: string;
  type: ProjectType;
  purpose: string;
  /** 项目负责人, as project performance forms print it; absent: not given. */
  manager?: string;
  /** 联系电话 (of the project's manager); absent: not given. */
  phone?: string;
  /** 计划开始时间: an ISO month or date ("2024-01", "2024-03-15"); absent: not given. */
  plannedStart?: string;
  /** 计划完成时间, like plannedStart. */
  plannedEnd?: string;
  /** Cumulative spending plan in percent (may hold 2 decimals): end of March, June, October, December. */
  spendingPlan: { march: number; june: number; october: number; december: number } | null;
  /** Is it continued from last year (延续项目)? */
  continuing: boolean;
  procurement: ProcurementItem[];
  performance: ProjectPerformance;
}

export interface ProcurementItem {
  id: string;
  name: string;
  /** 政府采购品目 code: A… goods, B… works, C… services. */
  catalogCode: string;
  measureUnit: string;
  quantity: number;
  unitPrice: Fen;
  amount: Fen;
  /** Share reserved for small and micro enterprises, in percent. */
  smallFirmShare: number;
}

/**
 * Items bought with a unit's basic expenditure rather than a project's money (Hebei prints them under
 * the source 公用类项目1; Henan's narrative counts them in 政府采购). The 政府采购 table splits each item's
 * amount by fund in proportion to the unit's basic 公用经费 lines, as it splits a project's items over
 * the project's lines.
 */
export interface BasicProcurement {
  id: string;
  unitId: string;
  /** The source as the 政府采购 table prints it, e.g. "公用类项目1". */
  name: string;
  /** 预算资金: the basic spending the group draws on, as the clerk states it (not derived from the lines). */
  budget: Fen;
  /**
   * The project of the same unit whose items this group follows in the 政府采购 table; null lists it
   * before the unit's projects. A project that no longer exists lists it after them.
   */
  listedAfter: string | null;
  items: ProcurementItem[];
}

export interface ProjectPerformance {
  goal: string;
  indicators: Indicator[];
}

export interface Indicator {
  id: string;
  /** 一级: 产出, 效益, 满意度, 成本, 投入管理 … */
  level1: string;
  /** 二级: 数量, 质量, 时效, 成本, 社会效益 … */
  level2: string;
  /** 三级: the indicator's own name. */
  level3: string;
  description: string;
  /** As published: "≥90%", "≤136.07万元", "有所提升". Parsed on demand by parseIndicatorValue. */
  value: string;
  /** 指标值说明 (Henan) / 指标值确定依据 (Hebei). */
  valueNote: string;
}

export interface DepartmentPerformance {
  annualGoal: string;
  tasks: { id: string; name: string; content: string; amount: Fen }[];
  indicators: Indicator[];
}

export interface Assets {
  vehicles: { kind: string; count: number }[];
  /** 单价50万元以上通用设备 (台/套) */
  generalEquipmentOver500k: number;
  /** 单位价值100万元以上专用设备 (台/套) */
  specialEquipmentOver1m: number;
  /** Free figures a template's asset table shows (e.g. Hebei's 固定资产占用), keyed by row id. */
  figures: Record<string, Fen>;
  /** Counts and areas beside those figures (台/辆, 平方米), keyed like `figures`; absent means none. */
  quantities?: Record<string, number>;
  /** 2023年期末 etc.: the date the asset figures describe. */
  asOf: string;
}

export interface Texts {
  duties: string;
  organization: string;
  /** Clerk-written reasons keyed by the narrative figure they explain, e.g. "total", "sanGong.reception". */
  reasons: Record<string, string>;
  glossary: { term: string; explanation: string }[];
  other: string;
  /**
   * Free prose the narrative prints under a section of its own, keyed by the block ids narrative specs
   * name (docs/narrative.md: workTasks, safeguards, performanceEvaluation, transferPayments). One
   * paragraph per line; a line starting with "#" opens a sub-section headed by the rest of the line.
   */
  blocks: Record<string, string>;
}

/**
 * Last year's figures: keyed measures (e.g. "income.total", "sanGong.reception",
 * "fiscal.gen") and per-table cells for templates with prior-year columns.
 */
export interface PriorYear {
  year: number | null;
  source: string;
  figures: Record<string, Fen>;
}

export type CatalogKind = 'function' | 'deptEcon' | 'govEcon';

export interface CatalogEntry {
  kind: CatalogKind;
  code: string;
  name: string;
}

export function emptyWorkbook(department: Department): Workbook {
  return {
    settings: { entryUnit: 'wan', template: null, catalogEdition: department.year },
    department,
    units: [],
    incomeLines: [],
    budgetLines: [],
    projects: [],
    basicProcurement: [],
    departmentPerformance: { annualGoal: '', tasks: [], indicators: [] },
    assets: { vehicles: [], generalEquipmentOver500k: 0, specialEquipmentOver1m: 0, figures: {}, asOf: '' },
    texts: { duties: '', organization: '', reasons: {}, glossary: [], other: '', blocks: {} },
    priorYear: { year: null, source: '', figures: {} },
    catalogEntries: [],
  };
}
