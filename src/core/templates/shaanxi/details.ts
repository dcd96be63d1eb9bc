import type { CellSpec, GroupRows, HeaderCell, LineFilter, TableSpec } from '../../tables/spec';
import { blank, field, income, row, spend, sum, within } from '../builders';
import { FISCAL, FISCAL_WITH_CARRY, META, OTHER_FUNDS, attr, h } from './common';

/** Shaanxi's tables by unit, by code and by project (表2, 表3, 表5–表8, 表10–表12). */

const GENERAL: LineFilter = { funds: ['gen'] };
const UNIT_KIND_NAMES = { admin: '行政单位', civilServantManaged: '参公事业单位', institution: '事业单位' } as const;

/** A total row, the department's row and one row per unit (every unit, in workbook order). */
function byUnit(columns: CellSpec[]) {
  return [
    row(['', '合计', ...columns], { style: 'total' }),
    row(['{departmentCode}', '{departmentName}', ...columns], { style: 'department' }),
    { kind: 'unitRows' as const, cells: [field('unitCode'), field('unitName'), ...columns], kindNames: UNIT_KIND_NAMES },
  ];
}

/** 表2 部门综合预算收入总表. Not printed in the seed: no ground truth. */
export function incomeTable(): TableSpec {
  const columns: CellSpec[] = [
    income(),
    income({ funds: FISCAL }),
    income({ funds: ['gen'] }),
    income({ funds: ['fund'] }),
    income({ funds: ['capital'] }),
    income({ funds: ['specialAccount'] }),
    income({ funds: ['unit'] }),
    income({ funds: ['unit.business'] }),
    income({ funds: ['unit.operating'] }),
    income({ funds: ['unit.upperSubsidy'] }),
    income({ funds: ['unit.affiliate'] }),
    income({ funds: ['unit.other', 'unit.careerFund'] }),
    income({ funds: ['carry'] }),
  ];
  return {
    id: 'income',
    number: '表2',
    title: '部门综合预算收入总表',
    meta: META,
    header: [
      [h('单位编码', 1, 2), h('单位名称', 1, 2), h('合计', 1, 2), h('财政拨款', 4), h('财政专户管理资金收入', 1, 2), h('单位资金', 6), h('上年结转', 1, 2)],
      [h('小计'), h('一般公共预算拨款'), h('政府性基金拨款'), h('国有资本经营预算收入'), h('小计'), h('事业收入'), h('事业单位经营收入'), h('上级补助收入'), h('附属单位上缴收入'), h('其他收入')],
    ],
    columnCount: 15,
    body: byUnit(columns),
    notes: [],
  };
}

/** 表3 部门综合预算支出总表. Not printed in the seed: no ground truth. */
export function expenditureTable(): TableSpec {
  const columns: CellSpec[] = [
    spend(),
    spend({ natures: ['basic'] }),
    spend({ basicPart: 'personnel' }),
    spend({ basicPart: 'public' }),
    spend({ natures: ['project'] }),
    spend({ natures: ['remitUpward'] }),
    spend({ natures: ['operating'] }),
    spend({ natures: ['subsidyAffiliates'] }),
  ];
  return {
    id: 'expenditure',
    number: '表3',
    title: '部门综合预算支出总表',
    meta: META,
    header: [
      [h('单位编码', 1, 2), h('单位名称', 1, 2), h('合计', 1, 2), h('基本支出', 3), h('专项业务经费支出', 1, 2), h('上缴上级支出', 1, 2), h('事业单位经营支出', 1, 2), h('对附属单位补助支出', 1, 2)],
      [h('小计'), h('人员经费支出'), h('公用经费支出')],
    ],
    columnCount: 10,
    body: byUnit(columns),
    notes: [],
  };
}

const FUNCTION_HEADER = (columns: string[]): HeaderCell[][] => [[h('功能科目编码'), h('功能科目名称'), ...columns.map((text) => h(text)), h('备注')]];
const ECON_HEADER = (columns: string[]): HeaderCell[][] => [
  [h('部门经济科目编码'), h('部门经济科目名称'), h('政府经济科目编码'), h('政府经济科目名称'), ...columns.map((text) => h(text)), h('备注')],
];

const ALL_COLUMNS = ['合计', '人员经费支出', '公用经费支出', '专项业务经费支出'];
const ALL_MEASURES: CellSpec[] = [spend(), spend({ basicPart: 'personnel' }), spend({ basicPart: 'public' }), spend({ natures: ['project'] })];
const BASIC_COLUMNS = ['合计', '人员经费支出', '公用经费支出'];
const BASIC_MEASURES: CellSpec[] = [spend({ natures: ['basic'] }), spend({ basicPart: 'personnel' }), spend({ basicPart: 'public' })];

/**
 * The general budget by function 类/款/项. Rows are every code the general budget uses, so the basic-only
 * table keeps 表5's rows and leaves amounts blank where basic spending is 0.
 */
function functionDetail(id: string, number: string, title: string, columns: string[], measures: CellSpec[]): TableSpec {
  const rows: GroupRows = {
    kind: 'rows',
    group: { dim: 'function', levels: ['class', 'section', 'item'] },
    where: GENERAL,
    skipZero: false,
    cells: { leaf: [field('code'), field('name'), ...measures, ''] },
  };
  return {
    id,
    number,
    title,
    meta: META,
    header: FUNCTION_HEADER(columns),
    columnCount: columns.length + 3,
    body: [row(['', '合计', ...within(GENERAL, measures), ''], { style: 'total' }), rows],
    notes: [],
  };
}

/**
 * The general budget by 部门经济 类 and 部门经济款 × 政府经济款 pairs, rows kept as in functionDetail. The seed
 * prints 720 (its only amount below 1,000) bare in these two tables and "720.00" in 表4; whether that is the
 * tables' rule for small amounts or a one-off format of the 303 rows the seed cannot tell.
 */
function economicDetail(id: string, number: string, title: string, columns: string[], measures: CellSpec[]): TableSpec {
  const rows: GroupRows = {
    kind: 'rows',
    group: { dim: 'econPair', classRows: true },
    where: GENERAL,
    skipZero: false,
    cells: {
      group: [field('code'), field('name'), '', '', ...measures, ''],
      leaf: [field('code'), field('name'), field('govCode'), field('govName'), ...measures, ''],
    },
  };
  return {
    id,
    number,
    title,
    meta: META,
    header: ECON_HEADER(columns),
    columnCount: columns.length + 5,
    money: { plainBelow: 1000 },
    body: [row(['', '合计', '', '', ...within(GENERAL, measures), ''], { style: 'total' }), rows],
    notes: [],
  };
}

export const generalBudgetExpenditure = () =>
  functionDetail('general-budget-expenditure', '表5', '部门综合预算一般公共预算支出明细表（按支出功能分类科目）', ALL_COLUMNS, ALL_MEASURES);
export const generalBudgetEconomic = () =>
  economicDetail('general-budget-economic', '表6', '部门综合预算一般公共预算支出明细表（按支出经济分类科目）', ALL_COLUMNS, ALL_MEASURES);
export const generalBudgetBasicFunction = () =>
  functionDetail('general-budget-basic-function', '表7', '部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）', BASIC_COLUMNS, BASIC_MEASURES);
export const generalBudgetBasic = () =>
  economicDetail('general-budget-basic', '表8', '部门综合预算一般公共预算基本支出明细表（支出经济分类科目）', BASIC_COLUMNS, BASIC_MEASURES);

/**
 * 表10 部门综合预算专项业务经费支出表: the department, then per unit its row, the unit again as the projects'
 * holder (printed with code "-"), the project type (Shaanxi calls the seed's 专项 projects 专用项目) and the projects
 * with their 项目简介.
 */
export function projectExpenditure(): TableSpec {
  const projects: LineFilter = { natures: ['project'] };
  const amount = spend();
  return {
    id: 'project-expenditure',
    number: '表10',
    title: '部门综合预算专项业务经费支出表',
    meta: META,
    header: [[h('单位编码'), h('单位（项目）名称'), h('项目金额'), h('项目简介')]],
    columnCount: 4,
    body: [
      row(['', '合计', spend(projects), ''], { style: 'total' }),
      row(['{departmentCode}', '{departmentName}', spend(projects), ''], { style: 'department' }),
      {
        kind: 'projectTree',
        where: projects,
        levels: [
          { by: 'unit', cells: [field('unitCode'), field('unitName'), amount, ''] },
          { by: 'unit', cells: ['-', field('unitName'), amount, ''] },
          { by: 'projectType', cells: ['', field('projectType'), amount, ''] },
        ],
        cells: ['', field('projectName'), amount, attr('purpose')],
        typeNames: { special: '专用项目' },
      },
    ],
    notes: [],
  };
}

/** 表11 部门综合预算政府采购（资产配置、购买服务）预算表, from the projects' procurement items. No ground truth (empty in the seed). */
export function procurement(): TableSpec {
  const money: CellSpec[] = [attr('amount'), spend({ funds: FISCAL_WITH_CARRY }), spend({ funds: OTHER_FUNDS })];
  return {
    id: 'procurement',
    number: '表11',
    title: '部门综合预算政府采购（资产配置、购买服务）预算表',
    meta: META,
    header: [
      [h('单位编码', 1, 2), h('单位（项目）名称', 1, 2), h('采购项目', 1, 2), h('采购目录编码', 1, 2), h('计量单位', 1, 2), h('数量', 1, 2), h('单价', 1, 2), h('采购预算', 3)],
      [h('合计'), h('财政拨款'), h('其他资金')],
    ],
    columnCount: 10,
    body: [
      {
        kind: 'procurementRows',
        totalCells: ['', '合计', ...blank(5), ...money],
        unitCells: [field('unitCode'), field('unitName'), ...blank(5), ...money],
        itemCells: ['', field('projectName'), attr('name'), attr('catalogCode'), attr('measureUnit'), attr('quantity'), attr('unitPrice'), ...money],
      },
    ],
    notes: [],
  };
}

/** 表12 部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表. Not printed in the seed: no ground truth. */
export function threePublic(): TableSpec {
  const general = (deptEcon: string) => spend({ funds: ['gen'], deptEcon: [deptEcon] });
  const columns: CellSpec[] = [
    sum([3, 4, 7]),
    general('30212'),
    sum([5, 6]),
    general('31013'),
    general('30231'),
    general('30217'),
    general('30215'),
    general('30216'),
  ];
  return {
    id: 'three-public',
    number: '表12',
    title: '部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表',
    meta: META,
    header: [
      [h('单位编码', 1, 2), h('单位名称', 1, 2), h('“三公”经费合计', 1, 2), h('因公出国（境）费', 1, 2), h('公务用车购置及运行维护费', 3), h('公务接待费', 1, 2), h('会议费', 1, 2), h('培训费', 1, 2)],
      [h('小计'), h('公务用车购置费'), h('公务用车运行维护费')],
    ],
    columnCount: 10,
    body: byUnit(columns),
    notes: [],
  };
}
