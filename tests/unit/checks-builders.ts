import { applyEdits, type Edit } from '../../src/core/edits';
import {
  emptyWorkbook,
  type BasicProcurement,
  type BudgetLine,
  type IncomeLine,
  type Indicator,
  type ProcurementItem,
  type Project,
  type Unit,
  type Workbook,
} from '../../src/core/model';

/**
 * Workbooks for the check tests, built the way the app builds them: edits applied to an empty
 * workbook. `baseWorkbook()` is a small, balanced department that passes every check; each test
 * breaks one thing in it.
 */
export const WAN = 1_000_000;

export function unit(id: string, kind: Unit['kind'], name: string, code: string): Unit {
  return { id, code, name, kind, authorizedStaff: 10, actualStaff: 9, retiredStaff: 1 };
}

export function incomeLine(id: string, unitId: string, amount: number, fund = 'gen.appropriation'): IncomeLine {
  return { id, unitId, fund, functionCode: null, amount };
}

export function budgetLine(id: string, fields: Partial<BudgetLine> & Pick<BudgetLine, 'unitId' | 'amount'>): BudgetLine {
  return {
    id,
    functionCode: '2101501',
    deptEconCode: '30201',
    govEconCode: '50201',
    nature: 'basic',
    projectId: null,
    fund: 'gen.appropriation',
    note: '',
    ...fields,
  };
}

export function indicator(id: string, level1: string, level2: string, level3: string, value: string): Indicator {
  return { id, level1, level2, level3, description: '', value, valueNote: '' };
}

export const PROJECT_INDICATORS: Indicator[] = [
  indicator('pi1', '产出指标', '数量指标', '运维次数', '≥12次'),
  indicator('pi2', '产出指标', '质量指标', '系统正常运行率', '≥99%'),
  indicator('pi3', '产出指标', '时效指标', '故障响应时间', '≤2小时'),
  indicator('pi4', '产出指标', '成本指标', '运维服务费', '≤30万元'),
  indicator('pi5', '效益指标', '社会效益指标', '参保群众办事便利度', '有所提升'),
  indicator('pi6', '满意度指标', '服务对象满意度指标', '参保群众满意度', '≥90%'),
];

export const PROCUREMENT: ProcurementItem = {
  id: 'pc1',
  name: '运维服务',
  catalogCode: 'C16',
  measureUnit: '项',
  quantity: 2,
  unitPrice: 5 * WAN,
  amount: 10 * WAN,
  smallFirmShare: 100,
};

export const PROJECT: Project = {
  id: 'p1',
  code: '036001250001',
  name: '医保信息化建设',
  unitId: 'u1',
  type: 'specificGoal',
  purpose: '用于医保信息系统运行维护。',
  spendingPlan: { march: 20, june: 50, october: 80, december: 100 },
  continuing: false,
  procurement: [PROCUREMENT],
  performance: { goal: '保障医保信息系统稳定运行。', indicators: PROJECT_INDICATORS },
};

/** Procurement paid from 本级's basic expenditure: 3 台式计算机 at 0.45万 = 1.35万, of a 10万 budget. */
export const BASIC_GROUP: BasicProcurement = {
  id: 'bg1',
  unitId: 'u1',
  name: '公用类项目1',
  budget: 10 * WAN,
  listedAfter: null,
  items: [{ id: 'bpc1', name: '台式计算机', catalogCode: 'A02010105', measureUnit: '台', quantity: 3, unitPrice: (45 * WAN) / 100, amount: (135 * WAN) / 100, smallFirmShare: 0 }],
};

/** An edit that sets the base workbook's basic-expenditure procurement to one changed copy of BASIC_GROUP. */
export function setBasicGroup(changes: Partial<BasicProcurement> = {}, item: Partial<ProcurementItem> = {}): Edit {
  const items = BASIC_GROUP.items.map((entry) => ({ ...entry, ...item }));
  return { op: 'set', key: 'basicProcurement', value: [{ ...BASIC_GROUP, items, ...changes }] };
}

export const DEPARTMENT_NAME = '医疗保障局';

/**
 * Units u1 (行政, 本级) and u2 (事业, 中心); 150万 of income and expenditure, all 一般公共预算:
 * row 1 b1 u1 30101 60万, row 2 b2 u1 30201 10万, row 3 b3 u1 project p1 30227 30万, row 4 b4 u2 30101 50万.
 */
export function baseWorkbook(entryUnit: 'wan' | 'yuan' = 'wan'): Workbook {
  // Dated within its budget year, so that no 公开日期 warning joins every scenario's findings.
  const empty = emptyWorkbook({ code: '036', name: DEPARTMENT_NAME, year: 2025, publishedOn: '2025-03-20' });
  return edit(empty, [
    // The catalogue edition that is built in, so that no edition notice joins every scenario's findings.
    { op: 'set', key: 'settings', value: { ...empty.settings, entryUnit, catalogEdition: 2024 } },
    { op: 'put', collection: 'units', record: unit('u1', 'admin', '医疗保障局本级', '036001') },
    { op: 'put', collection: 'units', record: unit('u2', 'institution', '医疗保障服务中心', '036002') },
    { op: 'put', collection: 'incomeLines', record: incomeLine('i1', 'u1', 100 * WAN) },
    { op: 'put', collection: 'incomeLines', record: incomeLine('i2', 'u2', 50 * WAN) },
    { op: 'put', collection: 'budgetLines', record: budgetLine('b1', { unitId: 'u1', deptEconCode: '30101', govEconCode: '50101', amount: 60 * WAN }) },
    { op: 'put', collection: 'budgetLines', record: budgetLine('b2', { unitId: 'u1', amount: 10 * WAN }) },
    {
      op: 'put',
      collection: 'budgetLines',
      record: budgetLine('b3', {
        unitId: 'u1',
        functionCode: '2101502',
        deptEconCode: '30227',
        govEconCode: '50205',
        nature: 'project',
        projectId: 'p1',
        amount: 30 * WAN,
      }),
    },
    {
      op: 'put',
      collection: 'budgetLines',
      record: budgetLine('b4', { unitId: 'u2', functionCode: '2101506', deptEconCode: '30101', govEconCode: '50501', amount: 50 * WAN }),
    },
    { op: 'put', collection: 'projects', record: PROJECT },
    {
      op: 'set',
      key: 'departmentPerformance',
      value: {
        annualGoal: '做好医疗保障工作。',
        tasks: [],
        indicators: [
          indicator('d1', '产出指标', '数量指标', '召开工作会次数', '≥4次'),
          indicator('d2', '产出指标', '成本指标', '人员经费', '≤110万元'),
          indicator('d3', '效益指标', '社会效益指标', '医保服务水平', '显著提升'),
          indicator('d4', '满意度指标', '服务对象满意度指标', '参保人员满意度', '≥90%'),
        ],
      },
    },
    { op: 'set', key: 'texts', value: { duties: '', organization: '', reasons: { total: '人员经费增加。' }, glossary: [], other: '无。', blocks: {} } },
    { op: 'set', key: 'priorYear', value: { year: 2024, source: '', figures: { total: 140 * WAN } } },
  ]);
}

export function edit(workbook: Workbook, edits: Edit[]): Workbook {
  return applyEdits(workbook, edits).workbook;
}

/** Edits that replace a project of the base workbook with a changed copy. */
export function putProject(changes: Partial<Project>): Edit {
  return { op: 'put', collection: 'projects', record: { ...PROJECT, ...changes } };
}

export function putIndicators(indicators: Indicator[]): Edit {
  return putProject({ performance: { goal: PROJECT.performance.goal, indicators } });
}

/** The base project's indicators with one replaced (by id) or added. */
export function withIndicator(replacement: Indicator): Indicator[] {
  const replaced = PROJECT_INDICATORS.map((item) => (item.id === replacement.id ? replacement : item));
  return replaced.some((item) => item === replacement) ? replaced : [...replaced, replacement];
}

export function line(workbook: Workbook, id: string): BudgetLine {
  const found = workbook.budgetLines.find((item) => item.id === id);
  if (!found) throw new Error(`no budget line ${id}`);
  return found;
}

export function putLine(workbook: Workbook, id: string, changes: Partial<BudgetLine>): Edit {
  return { op: 'put', collection: 'budgetLines', record: { ...line(workbook, id), ...changes } };
}
