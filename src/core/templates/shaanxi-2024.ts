import type { TableSpec, TemplateSpec } from '../tables/spec';
import { attr, h } from './shaanxi/common';
import {
  expenditureTable,
  generalBudgetBasic,
  generalBudgetBasicFunction,
  generalBudgetEconomic,
  generalBudgetExpenditure,
  incomeTable,
  procurement,
  projectExpenditure,
  threePublic,
} from './shaanxi/details';
import { departmentPerformance, projectPerformance, specialFundPerformance } from './shaanxi/forms';
import { fiscalSummary, governmentFund, incomeExpenditureSummary } from './shaanxi/summaries';

/**
 * Shaanxi (陕西) 2024: the county package of the Xixiang medical-security seed — the units list, the 目录
 * saying which tables are empty and why, and 表1–表15 — in 元 with thousands separators. 表1–表3, 表11 and
 * 表12 are not printed in the seed; their layouts are reconstructed from the catalogue titles.
 */

/** 三、预算单位构成: the units, the department's own administrative organ marked 本级（机关）. */
const budgetUnits: TableSpec = {
  id: 'budget-units',
  number: '',
  title: '',
  meta: [],
  header: [[h('序号'), h('单位名称'), h('拟变动情况')]],
  columnCount: 3,
  body: [
    {
      kind: 'numbered',
      parts: [{ kind: 'unitRows', cells: ['{name}{kind}', '无'], kindNames: { admin: '本级（机关）', civilServantManaged: '', institution: '' } }],
    },
  ],
  notes: [],
};

const tables = {
  summary: incomeExpenditureSummary(),
  income: incomeTable(),
  expenditure: expenditureTable(),
  fiscal: fiscalSummary(),
  generalFunction: generalBudgetExpenditure(),
  generalEconomic: generalBudgetEconomic(),
  basicFunction: generalBudgetBasicFunction(),
  basicEconomic: generalBudgetBasic(),
  governmentFund: governmentFund(),
  projects: projectExpenditure(),
  procurement: procurement(),
  threePublic: threePublic(),
  projectPerformance: projectPerformance(),
  departmentPerformance: departmentPerformance(),
  specialFund: specialFundPerformance(),
};

/** 目录: the catalogue's own wording where it differs from a table's title (表8, 表13). */
const catalogue: TableSpec = {
  id: 'catalogue',
  number: '',
  title: '目录',
  meta: [],
  header: [[h('报表'), h('报表名称'), h('是否空表'), h('公开空表理由')]],
  columnCount: 4,
  body: [
    {
      kind: 'tableCatalogue',
      entries: [
        { label: '表1', table: tables.summary.id },
        { label: '表2', table: tables.income.id },
        { label: '表3', table: tables.expenditure.id },
        { label: '表4', table: tables.fiscal.id },
        { label: '表5', table: tables.generalFunction.id },
        { label: '表6', table: tables.generalEconomic.id },
        { label: '表7', table: tables.basicFunction.id },
        { label: '表8', table: tables.basicEconomic.id, title: '部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）' },
        { label: '表9', table: tables.governmentFund.id },
        { label: '表10', table: tables.projects.id },
        { label: '表11', table: tables.procurement.id },
        { label: '表12', table: tables.threePublic.id },
        { label: '表13', table: tables.projectPerformance.id, title: '部门专项业务经费绩效目标表' },
        { label: '表14', table: tables.departmentPerformance.id },
        { label: '表15', table: tables.specialFund.id },
      ],
      cells: [attr('label'), attr('title'), attr('empty'), attr('reason')],
      emptyText: { yes: '是', no: '否' },
      emptyReason: '不涉及',
    },
  ],
  notes: [
    '注：1. 封面和目录的格式不得随意改变。',
    '2. 公开空表一定要在目录说明理由。',
    '3. 对于“部门综合预算财政拨款上年结转资金支出表”，市县可根据实际预算编制批复情况统一要求，如确定公开，则在模板中相应增加该表。',
  ],
};

export const shaanxi2024: TemplateSpec = {
  id: 'shaanxi-2024',
  province: '陕西',
  name: '陕西省部门综合预算公开（2024）',
  year: 2024,
  money: { unit: 'yuan', separators: true, zero: '' },
  conventions: { operatingCostUnits: 'adminOnly' },
  tables: [budgetUnits, catalogue, ...Object.values(tables)],
};
