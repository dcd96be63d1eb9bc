import type { MoneyUnit } from '../money';
import type { Nature, ProjectType, UnitKind } from '../model';
import type { NarrativeSpec } from '../narrative/spec';
import type { PackageSpec } from '../report/package-spec';

/**
 * A resolved template: what the engine, the narrative and the package read. Templates are JSON documents
 * (src/core/templates/document.ts, docs/templates.md) resolved into this shape; the engine never sees a
 * variant or a shorthand. Text may hold placeholders: {year}, {priorYear}, {departmentName}, {departmentCode}, {unitName}.
 */
export interface TemplateSpec {
  id: string;
  province: string;
  name: string;
  year: number;
  /** The template's own revision; a workbook made with an older built-in says so. */
  version: number;
  description?: string;
  money: MoneyFormat;
  tables: TableSpec[];
  conventions: TemplateConventions;
  /** 第二部分 情况说明, generated from the figures; absent: the clerk's 其他需要说明的事项 prints instead. */
  narrative?: NarrativeSpec;
  /** The 名词解释 a new workbook starts with. */
  glossary: { term: string; explanation: string }[];
  /** The whole package: cover, parts and sections in order, where each table prints, page set-up. */
  package: PackageSpec;
}

export interface MoneyFormat {
  unit: MoneyUnit;
  /** Thousands separators ("6,465.30"); Hebei prints none. */
  separators: boolean;
  /** How a zero amount prints: "" (blank cell) or "0.00". A table may override. */
  zero: string;
  /** Drop trailing zeros of the fraction, as Shaanxi's forms print 万元 ("10", "421.4425"). */
  trimZeros?: boolean;
  /** Amounts below this many units print bare ("720", no separators or trailing zeros), as Shaanxi's 表6/表8 do. */
  plainBelow?: number;
}

export interface TemplateConventions {
  /** Whose 公用经费 count as 机关运行经费: every unit (Henan) or administrative units only (Shaanxi). */
  operatingCostUnits: 'all' | 'adminOnly';
}

export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface TableSpec {
  id: string;
  /** A stable id per body column, in order (columnCount of them): what variants address. */
  columns: string[];
  /** The number label as printed: "一", "表1", "1". */
  number: string;
  title: string;
  meta: string[];
  header: HeaderCell[][];
  /** How many columns the body has; every body row is padded to it. */
  columnCount: number;
  body: BodyPart[];
  notes: string[];
  /** Printed under the table (and listed in a catalogue) when the table holds no amount. */
  emptyNote?: string;
  /** Overrides the template's zero display for this table. */
  zero?: string;
  /** Column indexes holding money (for number formats in exports). Derived when omitted. */
  kind?: 'grid' | 'form';
  /**
   * Repeat the table once per project (workbook order, optionally only some types). Each copy sees only
   * its project's budget lines; id, number, title, meta and cells may use {projectCode}, {projectName}
   * and {projectIndex} (1-based), and parts read the project from the context.
   */
  perProject?: { projectTypes?: ProjectType[] };
  /** Overrides parts of the template's money format for this table (e.g. a form in 万元). */
  money?: Partial<MoneyFormat>;
}

/** Which lines a measure sums. Every present criterion must hold; lists mean "any of". */
export interface LineFilter {
  /** Fund nodes (any level of the fund tree). */
  funds?: string[];
  natures?: Nature[];
  /** 部门经济分类 code prefixes ("301", "30201"). */
  deptEcon?: string[];
  /** 政府经济分类 code prefixes. */
  govEcon?: string[];
  /** 功能分类 code prefixes. */
  functions?: string[];
  /** 人员经费 (301, 303) or 公用经费 (everything else) — only meaningful with basic lines. */
  basicPart?: 'personnel' | 'public';
  projectTypes?: ProjectType[];
  unitKinds?: UnitKind[];
  /** Unit codes. */
  units?: string[];
}

export interface Measure extends LineFilter {
  /** Budget lines (expenditure) or income lines. */
  source: 'budget' | 'income';
}

export type CellSpec =
  /** Literal text (placeholders allowed, paths among them: "{project.plannedStart}至{project.plannedEnd}"). */
  | string
  /** Literal text that merges with its neighbours (a bare string cannot carry spans). */
  | Spanned<{ text: string }>
  /** A field of the generated row (code parts, names …); see RowFields. */
  | Spanned<{ field: keyof RowFields }>
  /** Sum of lines matching the row's filter and this measure. */
  | Spanned<{ measure: Measure }>
  /** Sum of other cells of the same row, by column index; `minus` are subtracted. */
  | Spanned<{ sum: number[]; minus?: number[] }>
  /** A prior-year figure by key (PriorYear.figures). */
  | Spanned<{ prior: string }>
  /** A project's or indicator's attribute, for generated project/indicator rows. */
  | Spanned<{ attribute: string }>
  /**
   * Any fact of the model by its path (src/core/tables/paths.ts): `department.name`, `project.manager`,
   * `unit.code`, `indicator.value`, `task.amount`, `texts.blocks.workTasks` … The workbook's objects are always
   * there, the row's unit, project, indicator, task or procurement item where the part has one. Amounts print
   * as money, ISO months and dates as 2024年1月; `names` words a coded value ({ "operation": "运转类" }).
   */
  | Spanned<{ path: string; names?: Record<string, string> }>
  /** Literal money (e.g. a zero the template always prints). */
  | Spanned<{ money: 'zero' }>;

/**
 * How a body cell merges with its neighbours, as the province's forms print them (HTML rowspan/colspan,
 * merged cells in Excel). The cells a merge covers print nothing and stay in the row as blanks, so every
 * row keeps one cell per column.
 */
export interface CellSpan {
  /** Columns the cell takes, its own included; the cells it covers must be "". */
  colSpan?: number;
  /**
   * Rows the cell takes, its own included: a number; `{ through: partId }`, down to the last row of that later
   * part of the table (a label beside a list whose length the data decides); or `"same"`, the following rows of
   * the same part that print the same text here, within the merges of "same" cells to its left (一级 over its
   * indicators, 二级 within its 一级). A number or `through` stops early at a row that prints something below it.
   */
  rowSpan?: number | 'same' | { through: string };
}

export type Spanned<T> = T & CellSpan;

export interface RowFields {
  code: string;
  name: string;
  /** Function or economic code split: 类 (3 digits), 款 (2), 项 (2). */
  classCode: string;
  sectionCode: string;
  itemCode: string;
  govCode: string;
  govName: string;
  govClassCode: string;
  govSectionCode: string;
  unitCode: string;
  unitName: string;
  projectCode: string;
  projectName: string;
  projectType: string;
}

export type RowStyle = 'total' | 'department' | 'unit' | 'group' | 'leaf';

export interface FixedRow extends PartId {
  kind: 'row';
  style?: RowStyle;
  cells: CellSpec[];
  /** Restricts the row's measures (e.g. a department row). */
  where?: LineFilter;
  /** Fields the row's cells may read. */
  fields?: Partial<RowFields>;
  /** Leave the row out when all its amounts are zero (Henan drops the department row of an empty table). */
  skipWhenZero?: boolean;
  /** Leave the row out when every fact it reads through a path is empty (an optional line of a form). */
  skipWhenEmpty?: boolean;
}

/**
 * How `rows` groups the lines. `then` nests a further grouping below each row's group: `{ dim: 'unit', then:
 * { dim: 'function', levels: ['class', 'section', 'item'] } }` gives each unit's row and below it that unit's
 * function rows, each counting only that unit's lines and carrying its unitCode and unitName. Nesting may go
 * deeper; a dimension appears once.
 */
export type GroupDimension = GroupLevel & { then?: GroupDimension };

export type GroupLevel =
  /** Function codes: rows at the levels listed (class 类, section 款, item 项). */
  | { dim: 'function'; levels: ('class' | 'section' | 'item')[] }
  /** 部门经济分类: class rows and/or section rows. */
  | { dim: 'deptEcon'; levels: ('class' | 'section')[] }
  /** 政府经济分类: class rows and/or section rows. */
  | { dim: 'govEcon'; levels: ('class' | 'section')[] }
  /** 部门经济款 × 政府经济款 pairs, optionally under 部门经济类 rows. */
  | { dim: 'econPair'; classRows: boolean }
  | { dim: 'unit' }
  /** Projects, optionally under a row per unit. */
  | { dim: 'project'; unitRows: boolean };

export interface GroupRows extends PartId {
  kind: 'rows';
  group: GroupDimension;
  /** Only lines matching this filter create rows and count in them. */
  where?: LineFilter;
  /** Which lines decide which rows exist: budget lines by default. */
  source?: 'budget' | 'income';
  /** Row order: by code (default) or by first appearance in the workbook's lines. */
  order?: 'code' | 'entry';
  /** Cells for each row style the grouping yields; `leaf` is required. */
  cells: Partial<Record<RowStyle, CellSpec[]>> & { leaf: CellSpec[] };
  /** Rows whose every measure is zero are left out (default true). */
  skipZero?: boolean;
}

/** One row per performance indicator, of the department or of each project in turn. */
export interface IndicatorRows extends PartId {
  kind: 'indicatorRows';
  /** The department's indicators, or those of the table's project (TableSpec.perProject). */
  source: 'department' | 'project';
  /** Cells read the indicator through { attribute: 'level1' | 'level2' | 'level3' | 'description' | 'value' | 'valueNote' }. */
  cells: CellSpec[];
  /**
   * Print a level's name only where it changes (blank below it). To print the name once in a merged cell
   * instead, give the level's cell `rowSpan: "same"` (the built-in forms do).
   */
  collapse?: ('level1' | 'level2')[];
}

/** One row per task of the department-wide performance target: { attribute: 'name' | 'content' | 'number' } and measures. */
export interface TaskRows extends PartId {
  kind: 'taskRows';
  cells: CellSpec[];
}

/**
 * Henan's 项目绩效目标表: one block per project (under a row per unit), its amounts in the first row and its
 * indicators side by side by 一级 category, as many rows as its longest category.
 */
export interface ProjectIndicatorGrid extends PartId {
  kind: 'projectIndicatorGrid';
  /** Per category, the 一级 names that belong to it, e.g. [['成本指标', '成本'], ['产出指标', '产出'] …]. */
  categories: string[][];
  /** Cells of a unit's row: fields (unitCode, unitName) and measures over its project lines. */
  unitCells: CellSpec[];
  /** Leading cells of a project's first row: fields (projectCode, projectName) and measures over its lines. */
  projectCells: CellSpec[];
  /** Each indicator takes these cells: { attribute: 'level3' | 'value' | … }. */
  indicatorCells: CellSpec[];
  /** Projects in the order entered (default) or by type (运转类 first) then code, as Henan prints them. */
  order?: 'entry' | 'typeThenCode';
}

/** Hebei's 序号 column: the rows of `parts`, each led by its running number ("1", "2" …). */
export interface NumberedRows extends PartId {
  kind: 'numbered';
  parts: BodyPart[];
}

/**
 * A row about the project of a per-project table: { attribute: 'code' | 'name' | 'type' | 'purpose' | 'goal' |
 * 'unitCode' | 'unitName' } and the cumulative spending plan { attribute: 'march' | 'june' | 'october' |
 * 'december' } ("44.10", "50", "100"); measures sum the project's lines.
 */
export interface ProjectRow extends PartId {
  kind: 'projectRow';
  cells: CellSpec[];
}

/** One row per unit: { attribute: 'code' | 'name' | 'kind' | 'authorizedStaff' | 'actualStaff' | 'retiredStaff' }, measures over its lines. */
export interface UnitRows extends PartId {
  kind: 'unitRows';
  cells: CellSpec[];
  /** How the table names each unit kind ({ attribute: 'kind' }), e.g. admin → "行政". */
  kindNames: Record<UnitKind, string>;
}

/**
 * A row of a fixed-assets table: { attribute: 'figure.<key>' } is money from assets.figures; 'vehicleCount',
 * 'generalEquipmentOver500k', 'specialEquipmentOver1m' are counts (empty when 0).
 */
export interface AssetRow extends PartId {
  kind: 'assetRow';
  cells: CellSpec[];
}

/**
 * 政府采购预算 from the procurement items of projects and of basic-expenditure groups (Workbook.basicProcurement):
 * a total row, per unit a subtotal row, one row per item. Item cells: fields of the source (projectName,
 * projectCode, unitName …; a group's name is its projectName, its code empty); { attribute: 'name' |
 * 'catalogCode' | 'measureUnit' | 'quantity' } as text; { attribute: 'amount' | 'unitPrice' | 'smallFirmAmount' |
 * 'projectAmount' } as money (projectAmount: the project's lines, or the group's budget); a { measure } is the
 * part of the item's amount the source's matching lines pay (pro rata, e.g. by fund; a group's lines are its
 * unit's basic 公用经费 lines). Total and subtotal rows sum the item rows' money column by column.
 */
export interface ProcurementRows extends PartId {
  kind: 'procurementRows';
  totalCells?: CellSpec[];
  /** Placeholders may read the unit: "{unitName}小计". */
  unitCells?: CellSpec[];
  itemCells: CellSpec[];
}

/**
 * Tasks of the department-wide target with their amounts: { attribute: 'name' | 'content' | 'number' } as text,
 * { attribute: 'amount' } as money; a { measure } is the task's amount pro rata to the share of the whole budget
 * the matching lines hold (the model keeps no fund split per task).
 */
export interface TaskFundRows extends PartId {
  kind: 'taskFundRows';
  cells: CellSpec[];
}

/**
 * Projects under heading rows (Shaanxi's 专项业务经费支出表): units in workbook order, their projects in workbook
 * order, and above each run of projects sharing a level's key a heading row per level. Heading cells read fields
 * (unitCode, unitName when the run shares a unit; projectType when it shares a type); project cells read project
 * fields and { attribute: 'purpose' }; measures sum the matching lines of the projects below the row.
 */
export interface ProjectTree extends PartId {
  kind: 'projectTree';
  /** Only these lines count, and only projects with such lines are listed. */
  where?: LineFilter;
  levels: { by: 'unit' | 'projectType'; cells: CellSpec[] }[];
  cells: CellSpec[];
  /** How the tree names project types, where the province differs from the national names. */
  typeNames?: Partial<Record<ProjectType, string>>;
}

/**
 * A list of the template's tables (Shaanxi's 目录): { attribute: 'label' | 'title' | 'empty' | 'reason' }. Whether
 * a table is empty is evaluated (every copy of a per-project table); the reason prints for empty tables only.
 */
export interface TableCatalogue extends PartId {
  kind: 'tableCatalogue';
  /** `table` is a TableSpec id; `title` is the catalogue's wording where it differs from the table's own. */
  entries: { label: string; table: string; title?: string; emptyReason?: string }[];
  cells: CellSpec[];
  emptyText: { yes: string; no: string };
  /** The reason given for an empty table unless its entry has its own. */
  emptyReason: string;
}

/** Every body part may carry a stable id; the top-level parts of a table always do (variants address them). */
export interface PartId {
  id?: string;
}

export type BodyPart =
  | TaskFundRows
  | ProjectTree
  | TableCatalogue
  | FixedRow
  | GroupRows
  | IndicatorRows
  | TaskRows
  | ProjectIndicatorGrid
  | NumberedRows
  | ProjectRow
  | UnitRows
  | AssetRow
  | ProcurementRows;
