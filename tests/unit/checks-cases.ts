import type { FindingLocation, FindingParams } from '../../src/core/checks';
import type { CheckOptions } from '../../src/core/checks/types';
import type { Edit } from '../../src/core/edits';
import type { Workbook } from '../../src/core/model';
import {
  BASIC_GROUP,
  budgetLine,
  DEPARTMENT_NAME,
  incomeLine,
  indicator,
  PROCUREMENT,
  PROJECT,
  PROJECT_INDICATORS,
  putIndicators,
  putLine,
  putProject,
  setBasicGroup,
  unit,
  WAN,
  withIndicator,
} from './checks-builders';
import { REVIEW_CASES } from './checks-cases-review';

/**
 * For every rule: a change to the base workbook that makes it fire (with every finding it must
 * report, params and location exactly) and a near miss that must not.
 */
export interface Scenario {
  edits: (base: Workbook) => Edit[];
  options?: CheckOptions;
  entryUnit?: 'wan' | 'yuan';
}

export interface RuleCase {
  ruleId: string;
  messageKey: string;
  severity: 'error' | 'warning' | 'info';
  fires: Scenario & { expect: { params: FindingParams; location: FindingLocation }[] };
  passes: Scenario[];
}

const budgetAt = (id: string, field: string): FindingLocation => ({
  entity: 'budgetLine',
  id,
  field,
  tables: [{ tableId: 'budgetLines', rowKey: id, column: field }],
});
const incomeAt = (id: string, field: string): FindingLocation => ({
  entity: 'incomeLine',
  id,
  field,
  tables: [{ tableId: 'incomeLines', rowKey: id, column: field }],
});
const projectAt = (field?: string): FindingLocation => ({
  entity: 'project',
  id: 'p1',
  ...(field ? { field } : {}),
  tables: [{ tableId: 'projects', rowKey: 'p1', ...(field ? { column: field } : {}) }],
});
const indicatorAt = (id: string, parentId = 'p1'): FindingLocation => ({
  entity: 'indicator',
  id,
  parentId,
  field: 'value',
  tables: [{ tableId: parentId === 'department' ? 'departmentIndicators' : 'projectIndicators', rowKey: id, column: 'value' }],
});
const procurementAt = (field: string): FindingLocation => ({
  entity: 'procurement',
  id: 'pc1',
  parentId: 'p1',
  field,
  tables: [{ tableId: 'procurement', rowKey: 'pc1', column: field }],
});
const unitAt = (id: string): FindingLocation => ({
  entity: 'unit',
  id,
  field: 'fund',
  tables: [{ tableId: 'incomeLines' }, { tableId: 'budgetLines' }],
});
const reasonAt = (key: string): FindingLocation => ({ entity: 'text', id: 'reasons', field: key, tables: [{ tableId: 'texts', rowKey: `reasons.${key}` }] });
const otherAt: FindingLocation = { entity: 'text', id: 'other', tables: [{ tableId: 'texts', rowKey: 'other' }] };
const blockAt = (key: string): FindingLocation => ({ entity: 'text', id: 'blocks', field: key, tables: [{ tableId: 'texts', rowKey: `blocks.${key}` }] });
const basicItemAt = (field: string): FindingLocation => ({
  entity: 'procurement',
  id: 'bpc1',
  parentId: 'bg1',
  field,
  tables: [{ tableId: 'basicProcurement', rowKey: 'bpc1', column: field }],
});

const CENTRE = '医疗保障服务中心';
const ORGAN = '医疗保障局本级';
const P = PROJECT.name;
const none = (): Edit[] => [];
const setOther = (text: string, blocks: Record<string, string> = {}): Edit[] => [
  { op: 'set', key: 'texts', value: { duties: '', organization: '', reasons: { total: '人员经费增加。' }, glossary: [], other: text, blocks } },
];
const indicatorCase = (value: string, level2 = '数量指标', level3 = '运维次数', level1 = '产出指标') => [
  putIndicators(withIndicator(indicator('pi1', level1, level2, level3, value))),
];
const ind = (value: string, extra: FindingParams = {}, indicatorName = '运维次数') => ({
  params: { owner: P, indicator: indicatorName, value, ...extra },
  location: indicatorAt('pi1'),
});

export const RULE_CASES: RuleCase[] = [
  {
    ruleId: 'totals.balanced',
    messageKey: 'checks:totalsUnbalanced',
    severity: 'error',
    fires: {
      edits: () => [{ op: 'put', collection: 'incomeLines', record: incomeLine('i2', 'u2', 50.05 * WAN) }],
      expect: [
        {
          params: { income: '150.05', expenditure: '150.00', difference: '0.05', moneyUnit: 'wan' },
          location: { entity: 'workbook', field: 'total', tables: [{ tableId: 'incomeLines' }, { tableId: 'budgetLines' }] },
        },
      ],
    },
    passes: [
      {
        // Units out of balance with each other, the department in balance.
        edits: () => [
          { op: 'put', collection: 'incomeLines', record: incomeLine('i1', 'u1', 99 * WAN) },
          { op: 'put', collection: 'incomeLines', record: incomeLine('i2', 'u2', 51 * WAN) },
        ],
      },
    ],
  },
  {
    ruleId: 'unit.noIncome',
    messageKey: 'checks:unitWithoutIncome',
    severity: 'error',
    fires: {
      edits: () => [{ op: 'delete', collection: 'incomeLines', id: 'i2' }],
      expect: [
        {
          params: { unitName: CENTRE, expenditure: '50.00', moneyUnit: 'wan' },
          location: { entity: 'unit', id: 'u2', field: 'income', tables: [{ tableId: 'incomeLines' }] },
        },
      ],
    },
    passes: [{ edits: () => [{ op: 'put', collection: 'incomeLines', record: incomeLine('i2', 'u2', 1) }] }],
  },
  {
    ruleId: 'unit.fundBalanced',
    messageKey: 'checks:unitFundUnbalanced',
    severity: 'error',
    fires: {
      edits: () => [{ op: 'put', collection: 'incomeLines', record: incomeLine('i2', 'u2', 49 * WAN) }],
      expect: [
        {
          params: { unitName: CENTRE, group: 'gen', income: '49.00', expenditure: '50.00', difference: '1.00', moneyUnit: 'wan' },
          location: unitAt('u2'),
        },
      ],
    },
    passes: [
      {
        // Carry-over counts with the fund it came from.
        edits: () => [
          { op: 'put', collection: 'incomeLines', record: incomeLine('i2', 'u2', 40 * WAN) },
          { op: 'put', collection: 'incomeLines', record: incomeLine('i3', 'u2', 10 * WAN, 'carry.gen') },
        ],
      },
    ],
  },
  {
    ruleId: 'unit.fundLeafBalanced',
    messageKey: 'checks:unitFundLeafUnbalanced',
    severity: 'warning',
    fires: {
      edits: () => [
        { op: 'put', collection: 'incomeLines', record: incomeLine('i2', 'u2', 40 * WAN) },
        { op: 'put', collection: 'incomeLines', record: incomeLine('i3', 'u2', 10 * WAN, 'carry.gen') },
      ],
      expect: [
        {
          params: { unitName: CENTRE, fund: 'gen.appropriation', income: '40.00', expenditure: '50.00', difference: '10.00', moneyUnit: 'wan' },
          location: unitAt('u2'),
        },
        {
          params: { unitName: CENTRE, fund: 'carry.gen', income: '10.00', expenditure: '0.00', difference: '10.00', moneyUnit: 'wan' },
          location: unitAt('u2'),
        },
      ],
    },
    passes: [
      {
        edits: (base) => [
          { op: 'put', collection: 'incomeLines', record: incomeLine('i2', 'u2', 40 * WAN) },
          { op: 'put', collection: 'incomeLines', record: incomeLine('i3', 'u2', 10 * WAN, 'carry.gen') },
          putLine(base, 'b4', { amount: 40 * WAN }),
          { op: 'put', collection: 'budgetLines', record: budgetLine('b5', { unitId: 'u2', functionCode: '2101506', deptEconCode: '30201', govEconCode: '50502', fund: 'carry.gen', amount: 10 * WAN }) },
        ],
      },
    ],
  },
  {
    ruleId: 'line.unknownUnit',
    messageKey: 'checks:lineUnknownUnit',
    severity: 'error',
    fires: { edits: (base) => [putLine(base, 'b2', { unitId: 'u9' })], expect: [{ params: { unitId: 'u9', row: 2 }, location: budgetAt('b2', 'unitId') }] },
    passes: [{ edits: (base) => [putLine(base, 'b2', { unitId: 'u1' })] }],
  },
  {
    ruleId: 'line.unknownFund',
    messageKey: 'checks:lineUnknownFund',
    severity: 'error',
    fires: { edits: (base) => [putLine(base, 'b2', { fund: 'gen' })], expect: [{ params: { fund: 'gen', row: 2 }, location: budgetAt('b2', 'fund') }] },
    passes: [{ edits: (base) => [putLine(base, 'b2', { fund: 'gen.special' })] }],
  },
  {
    ruleId: 'line.negativeAmount',
    messageKey: 'checks:negativeAmount',
    severity: 'error',
    fires: {
      edits: (base) => [putLine(base, 'b2', { amount: -10 * WAN })],
      expect: [{ params: { amount: '-10.00', moneyUnit: 'wan', row: 2 }, location: budgetAt('b2', 'amount') }],
    },
    passes: [{ edits: (base) => [putLine(base, 'b2', { amount: 0 })] }],
  },
  {
    ruleId: 'line.functionUnknown',
    messageKey: 'checks:functionCodeUnknown',
    severity: 'warning',
    fires: {
      edits: (base) => [putLine(base, 'b2', { functionCode: '2109998' })],
      expect: [{ params: { code: '2109998', row: 2 }, location: budgetAt('b2', 'functionCode') }],
    },
    passes: [
      { edits: (base) => [putLine(base, 'b2', { functionCode: '2080505' })] },
      {
        // An imported catalogue entry makes the code known.
        edits: (base) => [
          putLine(base, 'b2', { functionCode: '2109998' }),
          { op: 'set', key: 'catalogEntries', value: [{ kind: 'function', code: '2109998', name: '新增科目' }] },
        ],
      },
    ],
  },
  {
    ruleId: 'line.deptEconUnknown',
    messageKey: 'checks:deptEconCodeUnknown',
    severity: 'warning',
    fires: {
      edits: (base) => [putLine(base, 'b2', { deptEconCode: '30298' })],
      expect: [{ params: { code: '30298', row: 2 }, location: budgetAt('b2', 'deptEconCode') }],
    },
    passes: [{ edits: (base) => [putLine(base, 'b2', { deptEconCode: '30202' })] }],
  },
  {
    ruleId: 'line.govEconUnknown',
    messageKey: 'checks:govEconCodeUnknown',
    severity: 'warning',
    fires: {
      edits: (base) => [putLine(base, 'b2', { govEconCode: '50298' })],
      expect: [{ params: { code: '50298', row: 2 }, location: budgetAt('b2', 'govEconCode') }],
    },
    passes: [{ edits: none }],
  },
  {
    ruleId: 'line.govEconNotLegal',
    messageKey: 'checks:govEconNotLegal',
    severity: 'error',
    fires: {
      edits: (base) => [putLine(base, 'b4', { govEconCode: '50101' })],
      expect: [
        {
          params: { govEcon: '50101', deptEcon: '30101', kind: 'institution', unitName: CENTRE, expected: '50501', row: 4 },
          location: budgetAt('b4', 'govEconCode'),
        },
      ],
    },
    passes: [
      { edits: none },
      // A 参公 unit coded like a public institution is the warning below, not this error.
      { edits: () => [{ op: 'put', collection: 'units', record: unit('u2', 'civilServantManaged', CENTRE, '036002') }] },
    ],
  },
  {
    ruleId: 'line.govEconCivilServant',
    messageKey: 'checks:govEconInstitutionForCivilServant',
    severity: 'warning',
    fires: {
      edits: () => [{ op: 'put', collection: 'units', record: unit('u2', 'civilServantManaged', CENTRE, '036002') }],
      expect: [
        { params: { govEcon: '50501', deptEcon: '30101', unitName: CENTRE, expected: '50101', row: 4 }, location: budgetAt('b4', 'govEconCode') },
      ],
    },
    passes: [
      {
        edits: (base) => [
          { op: 'put', collection: 'units', record: unit('u2', 'civilServantManaged', CENTRE, '036002') },
          putLine(base, 'b4', { govEconCode: '50101' }),
        ],
      },
    ],
  },
  {
    ruleId: 'line.fundMoneyOnGeneralFunction',
    messageKey: 'checks:governmentFundOnGeneralFunction',
    severity: 'error',
    fires: {
      edits: () => [
        { op: 'put', collection: 'incomeLines', record: incomeLine('i3', 'u1', 10 * WAN, 'fund.regular') },
        { op: 'put', collection: 'budgetLines', record: budgetLine('b5', { unitId: 'u1', fund: 'fund.regular', amount: 10 * WAN }) },
      ],
      expect: [{ params: { fund: 'fund.regular', functionCode: '2101501', row: 5 }, location: budgetAt('b5', 'fund') }],
    },
    passes: [
      {
        edits: () => [
          { op: 'put', collection: 'incomeLines', record: incomeLine('i3', 'u1', 10 * WAN, 'fund.regular') },
          { op: 'put', collection: 'budgetLines', record: budgetLine('b5', { unitId: 'u1', functionCode: '2120899', fund: 'fund.regular', amount: 10 * WAN }) },
        ],
      },
      {
        // A code of a 款 the catalogue does not list: which budget it belongs to is unknown; line.functionUnknown flags it.
        edits: () => [
          { op: 'put', collection: 'incomeLines', record: incomeLine('i3', 'u1', 10 * WAN, 'fund.regular') },
          { op: 'put', collection: 'budgetLines', record: budgetLine('b5', { unitId: 'u1', functionCode: '2179801', fund: 'fund.regular', amount: 10 * WAN }) },
        ],
      },
    ],
  },
  {
    ruleId: 'line.generalMoneyOnFundFunction',
    messageKey: 'checks:generalBudgetOnFundFunction',
    severity: 'error',
    fires: {
      edits: (base) => [putLine(base, 'b2', { functionCode: '2120899' })],
      expect: [{ params: { fund: 'gen.appropriation', functionCode: '2120899', row: 2 }, location: budgetAt('b2', 'fund') }],
    },
    passes: [{ edits: (base) => [putLine(base, 'b2', { functionCode: '2120899', fund: 'unit.business' })] }],
  },
  {
    ruleId: 'line.projectMissing',
    messageKey: 'checks:projectLineWithoutProject',
    severity: 'error',
    fires: { edits: (base) => [putLine(base, 'b3', { projectId: null })], expect: [{ params: { row: 3 }, location: budgetAt('b3', 'projectId') }] },
    passes: [{ edits: (base) => [putLine(base, 'b3', { projectId: null, nature: 'basic' })] }],
  },
  {
    ruleId: 'line.projectUnknown',
    messageKey: 'checks:projectLineUnknownProject',
    severity: 'error',
    fires: { edits: (base) => [putLine(base, 'b3', { projectId: 'p9' })], expect: [{ params: { projectId: 'p9', row: 3 }, location: budgetAt('b3', 'projectId') }] },
    passes: [{ edits: none }],
  },
  {
    ruleId: 'line.projectOnNonProjectLine',
    messageKey: 'checks:projectOnNonProjectLine',
    severity: 'error',
    fires: {
      edits: (base) => [putLine(base, 'b2', { projectId: 'p1' })],
      expect: [{ params: { nature: 'basic', project: P, row: 2 }, location: budgetAt('b2', 'nature') }],
    },
    passes: [{ edits: (base) => [putLine(base, 'b2', { projectId: 'p1', nature: 'project' })] }],
  },
  {
    ruleId: 'line.projectUnitMismatch',
    messageKey: 'checks:projectLineUnitMismatch',
    severity: 'error',
    fires: {
      edits: (base) => [putLine(base, 'b3', { unitId: 'u2' })],
      expect: [{ params: { project: P, unitName: CENTRE, projectUnitName: ORGAN, row: 3 }, location: budgetAt('b3', 'unitId') }],
    },
    passes: [{ edits: (base) => [putLine(base, 'b3', { unitId: 'u2' }), putProject({ unitId: 'u2' })] }],
  },
  {
    ruleId: 'line.sanGongNonFiscal',
    messageKey: 'checks:sanGongNonFiscal',
    severity: 'info',
    fires: {
      edits: () => [
        { op: 'put', collection: 'incomeLines', record: incomeLine('i3', 'u1', 1 * WAN, 'unit.other') },
        { op: 'put', collection: 'budgetLines', record: budgetLine('b5', { unitId: 'u1', deptEconCode: '30217', govEconCode: '50206', fund: 'unit.other', amount: 1 * WAN }) },
      ],
      expect: [{ params: { deptEcon: '30217', fund: 'unit.other', row: 5 }, location: budgetAt('b5', 'fund') }],
    },
    passes: [
      {
        edits: () => [
          { op: 'put', collection: 'incomeLines', record: incomeLine('i3', 'u1', 1 * WAN) },
          { op: 'put', collection: 'budgetLines', record: budgetLine('b5', { unitId: 'u1', deptEconCode: '30217', govEconCode: '50206', amount: 1 * WAN }) },
        ],
      },
    ],
  },
  {
    ruleId: 'line.operatingOutsideInstitution',
    messageKey: 'checks:operatingOutsideInstitution',
    severity: 'warning',
    fires: {
      edits: (base) => [putLine(base, 'b2', { nature: 'operating' })],
      expect: [{ params: { unitName: ORGAN, kind: 'admin', row: 2 }, location: budgetAt('b2', 'nature') }],
    },
    passes: [{ edits: (base) => [putLine(base, 'b4', { nature: 'operating' })] }],
  },
  {
    ruleId: 'income.unknownUnit',
    messageKey: 'checks:incomeUnknownUnit',
    severity: 'error',
    fires: {
      edits: () => [{ op: 'put', collection: 'incomeLines', record: incomeLine('i1', 'u9', 100 * WAN) }],
      expect: [{ params: { unitId: 'u9', row: 1 }, location: incomeAt('i1', 'unitId') }],
    },
    passes: [{ edits: none }],
  },
  {
    ruleId: 'income.unknownFund',
    messageKey: 'checks:incomeUnknownFund',
    severity: 'error',
    fires: {
      edits: () => [{ op: 'put', collection: 'incomeLines', record: incomeLine('i1', 'u1', 100 * WAN, 'carry') }],
      expect: [{ params: { fund: 'carry', row: 1 }, location: incomeAt('i1', 'fund') }],
    },
    passes: [{ edits: none }],
  },
  {
    ruleId: 'income.negativeAmount',
    messageKey: 'checks:incomeNegativeAmount',
    severity: 'error',
    fires: {
      edits: () => [{ op: 'put', collection: 'incomeLines', record: incomeLine('i2', 'u2', -0.5 * WAN) }],
      expect: [{ params: { amount: '-0.50', moneyUnit: 'wan', row: 2 }, location: incomeAt('i2', 'amount') }],
    },
    passes: [{ edits: () => [{ op: 'put', collection: 'incomeLines', record: incomeLine('i2', 'u2', 0) }] }],
  },
  {
    ruleId: 'income.functionUnknown',
    messageKey: 'checks:incomeFunctionCodeUnknown',
    severity: 'warning',
    fires: {
      edits: () => [{ op: 'put', collection: 'incomeLines', record: { ...incomeLine('i1', 'u1', 100 * WAN), functionCode: '2109998' } }],
      expect: [{ params: { code: '2109998', row: 1 }, location: incomeAt('i1', 'functionCode') }],
    },
    passes: [{ edits: () => [{ op: 'put', collection: 'incomeLines', record: { ...incomeLine('i1', 'u1', 100 * WAN), functionCode: '2101501' } }] }],
  },
  {
    ruleId: 'project.unknownUnit',
    messageKey: 'checks:projectUnknownUnit',
    severity: 'error',
    fires: { edits: () => [putProject({ unitId: 'u9' })], expect: [{ params: { project: P, unitId: 'u9' }, location: projectAt('unitId') }] },
    passes: [{ edits: none }],
  },
  {
    ruleId: 'project.noLines',
    messageKey: 'checks:projectWithoutLines',
    severity: 'error',
    fires: { edits: () => [{ op: 'delete', collection: 'budgetLines', id: 'b3' }], expect: [{ params: { project: P }, location: projectAt() }] },
    passes: [{ edits: none }],
  },
  {
    ruleId: 'project.type',
    messageKey: 'checks:projectTypeMissing',
    severity: 'error',
    fires: {
      edits: none,
      options: { projectTypes: ['operation'] },
      expect: [{ params: { project: P, type: 'specificGoal' }, location: projectAt('type') }],
    },
    passes: [{ edits: none }, { edits: () => [putProject({ type: 'operation' })], options: { projectTypes: ['operation'] } }],
  },
  {
    ruleId: 'project.performanceMissing',
    messageKey: 'checks:projectPerformanceMissing',
    severity: 'error',
    fires: { edits: () => [putIndicators([])], expect: [{ params: { project: P }, location: projectAt('performance.indicators') }] },
    passes: [{ edits: none }],
  },
  {
    ruleId: 'project.goalMissing',
    messageKey: 'checks:projectGoalMissing',
    severity: 'info',
    fires: {
      edits: () => [putProject({ performance: { goal: ' ', indicators: PROJECT_INDICATORS } })],
      expect: [{ params: { project: P }, location: projectAt('performance.goal') }],
    },
    passes: [{ edits: none }],
  },
  {
    ruleId: 'project.spendingPlanMissing',
    messageKey: 'checks:spendingPlanMissing',
    severity: 'warning',
    fires: {
      edits: () => [putProject({ spendingPlan: null })],
      options: { requireSpendingPlan: true },
      expect: [{ params: { project: P }, location: projectAt('spendingPlan') }],
    },
    passes: [{ edits: () => [putProject({ spendingPlan: null })] }],
  },
  {
    ruleId: 'project.spendingPlanRange',
    messageKey: 'checks:spendingPlanOutOfRange',
    severity: 'error',
    fires: {
      edits: () => [putProject({ spendingPlan: { march: 20, june: 50, october: 120, december: 100 } })],
      expect: [{ params: { project: P, period: 'october', value: 120 }, location: projectAt('spendingPlan.october') }],
    },
    passes: [{ edits: () => [putProject({ spendingPlan: { march: 0, june: 0, october: 99.99, december: 100 } })] }],
  },
  {
    ruleId: 'project.spendingPlanNotCumulative',
    messageKey: 'checks:spendingPlanNotCumulative',
    severity: 'error',
    fires: {
      edits: () => [putProject({ spendingPlan: { march: 25, june: 25, october: 25, december: 25 } })],
      expect: [{ params: { project: P, plan: '25 / 25 / 25 / 25' }, location: projectAt('spendingPlan') }],
    },
    passes: [{ edits: () => [putProject({ spendingPlan: { march: 25, june: 50, october: 75, december: 100 } })] }],
  },
  {
    ruleId: 'project.spendingPlanDecreasing',
    messageKey: 'checks:spendingPlanDecreasing',
    severity: 'error',
    fires: {
      edits: () => [putProject({ spendingPlan: { march: 30, june: 20, october: 80, december: 100 } })],
      expect: [{ params: { project: P, period: 'june', value: 20, previousPeriod: 'march', previous: 30 }, location: projectAt('spendingPlan.june') }],
    },
    passes: [
      { edits: () => [putProject({ spendingPlan: { march: 30, june: 30, october: 80, december: 100 } })] },
      // Shares typed per period are the "not cumulative" finding, not this one.
      { edits: () => [putProject({ spendingPlan: { march: 40, june: 30, october: 20, december: 10 } })] },
    ],
  },
  {
    ruleId: 'project.spendingPlanIncomplete',
    messageKey: 'checks:spendingPlanIncomplete',
    severity: 'error',
    fires: {
      edits: () => [putProject({ spendingPlan: { march: 20, june: 50, october: 80, december: 90 } })],
      expect: [{ params: { project: P, december: 90 }, location: projectAt('spendingPlan.december') }],
    },
    passes: [{ edits: none }, { edits: () => [putProject({ spendingPlan: null })] }],
  },
  {
    ruleId: 'procurement.amount',
    messageKey: 'checks:procurementAmountMismatch',
    severity: 'error',
    fires: {
      edits: () => [putProject({ procurement: [{ ...PROCUREMENT, amount: 11 * WAN }] })],
      expect: [
        {
          params: { project: P, item: '运维服务', quantity: 2, unitPrice: '5.00', expected: '10.00', amount: '11.00', moneyUnit: 'wan' },
          location: procurementAt('amount'),
        },
      ],
    },
    passes: [{ edits: () => [putProject({ procurement: [{ ...PROCUREMENT, quantity: 2.5, unitPrice: 4 * WAN, amount: 10 * WAN }] })] }],
  },
  {
    ruleId: 'procurement.quantityMissing',
    messageKey: 'checks:procurementQuantityMissing',
    severity: 'warning',
    fires: {
      edits: () => [putProject({ procurement: [{ ...PROCUREMENT, quantity: 0, unitPrice: 0 }] })],
      expect: [{ params: { project: P, item: '运维服务', amount: '10.00', moneyUnit: 'wan' }, location: procurementAt('quantity') }],
    },
    passes: [{ edits: none }],
  },
  {
    ruleId: 'procurement.catalogCode',
    messageKey: 'checks:procurementCatalogCode',
    severity: 'warning',
    fires: {
      edits: () => [putProject({ procurement: [{ ...PROCUREMENT, catalogCode: 'D01' }] })],
      expect: [{ params: { project: P, item: '运维服务', code: 'D01' }, location: procurementAt('catalogCode') }],
    },
    passes: [{ edits: () => [putProject({ procurement: [{ ...PROCUREMENT, catalogCode: 'a02010104' }] })] }],
  },
  {
    ruleId: 'procurement.exceedsProject',
    messageKey: 'checks:procurementExceedsProject',
    severity: 'warning',
    fires: {
      edits: () => [putProject({ procurement: [{ ...PROCUREMENT, quantity: 4, unitPrice: 10 * WAN, amount: 40 * WAN }] })],
      expect: [{ params: { project: P, procurement: '40.00', amount: '30.00', moneyUnit: 'wan' }, location: projectAt('procurement') }],
    },
    passes: [{ edits: () => [putProject({ procurement: [{ ...PROCUREMENT, quantity: 3, unitPrice: 10 * WAN, amount: 30 * WAN }] })] }],
  },
  {
    ruleId: 'basicProcurement.amount',
    messageKey: 'checks:basicProcurementAmountMismatch',
    severity: 'error',
    fires: {
      edits: () => [setBasicGroup({}, { amount: 2 * WAN })],
      expect: [
        {
          params: { group: BASIC_GROUP.name, item: '台式计算机', quantity: 3, unitPrice: '0.45', expected: '1.35', amount: '2.00', moneyUnit: 'wan' },
          location: basicItemAt('amount'),
        },
      ],
    },
    passes: [{ edits: () => [setBasicGroup()] }, { edits: () => [setBasicGroup({}, { quantity: 2.5, unitPrice: 4 * WAN, amount: 10 * WAN })] }],
  },
  {
    ruleId: 'basicProcurement.quantityMissing',
    messageKey: 'checks:basicProcurementQuantityMissing',
    severity: 'warning',
    fires: {
      edits: () => [setBasicGroup({}, { quantity: 0, unitPrice: 0 })],
      expect: [{ params: { group: BASIC_GROUP.name, item: '台式计算机', amount: '1.35', moneyUnit: 'wan' }, location: basicItemAt('quantity') }],
    },
    passes: [{ edits: () => [setBasicGroup()] }],
  },
  {
    ruleId: 'basicProcurement.catalogCode',
    messageKey: 'checks:basicProcurementCatalogCode',
    severity: 'warning',
    fires: {
      edits: () => [setBasicGroup({}, { catalogCode: 'D01' })],
      expect: [{ params: { group: BASIC_GROUP.name, item: '台式计算机', code: 'D01' }, location: basicItemAt('catalogCode') }],
    },
    passes: [{ edits: () => [setBasicGroup({}, { catalogCode: 'c21040000' })] }],
  },
  {
    ruleId: 'basicProcurement.exceedsBudget',
    messageKey: 'checks:basicProcurementExceedsBudget',
    severity: 'warning',
    fires: {
      edits: () => [setBasicGroup({ budget: 1 * WAN })],
      expect: [
        {
          params: { group: BASIC_GROUP.name, procurement: '1.35', budget: '1.00', moneyUnit: 'wan' },
          location: { entity: 'procurement', id: 'bg1', field: 'budget', tables: [{ tableId: 'basicProcurement', rowKey: 'bg1', column: 'budget' }] },
        },
      ],
    },
    passes: [{ edits: () => [setBasicGroup({ budget: (135 * WAN) / 100 })] }],
  },
  {
    ruleId: 'performance.levelMissing',
    messageKey: 'checks:performanceLevelMissing',
    severity: 'error',
    fires: {
      edits: () => [
        putIndicators([...PROJECT_INDICATORS.filter((item) => item.id !== 'pi6'), indicator('pi7', '满意度指标', '服务对象满意度指标', '无', '无')]),
        {
          op: 'set',
          key: 'departmentPerformance',
          value: { annualGoal: '', tasks: [], indicators: [indicator('d1', '产出指标', '数量指标', '召开工作会次数', '≥4次')] },
        },
      ],
      options: { requireCostIndicator: 'level1' },
      expect: [
        { params: { owner: DEPARTMENT_NAME, level: 'benefit' }, location: { entity: 'department', id: 'department', field: 'departmentPerformance.indicators' } },
        { params: { owner: DEPARTMENT_NAME, level: 'satisfaction' }, location: { entity: 'department', id: 'department', field: 'departmentPerformance.indicators' } },
        { params: { owner: DEPARTMENT_NAME, level: 'cost' }, location: { entity: 'department', id: 'department', field: 'departmentPerformance.indicators' } },
        { params: { owner: P, level: 'satisfaction' }, location: { entity: 'project', id: 'p1', field: 'performance.indicators', tables: [{ tableId: 'projects', rowKey: 'p1' }] } },
        { params: { owner: P, level: 'cost' }, location: { entity: 'project', id: 'p1', field: 'performance.indicators', tables: [{ tableId: 'projects', rowKey: 'p1' }] } },
      ],
    },
    passes: [
      { edits: none, options: { requireCostIndicator: 'anyLevel' } },
      // 满意度 as a 二级 under 效益, as Henan's department table has it.
      { edits: () => [putIndicators(withIndicator(indicator('pi6', '效益指标', '满意度', '参保群众满意度', '≥85%')))] },
    ],
  },
  {
    ruleId: 'indicator.valueEmpty',
    messageKey: 'checks:indicatorValueEmpty',
    severity: 'error',
    fires: { edits: () => indicatorCase(' '), expect: [ind('')] },
    passes: [{ edits: () => indicatorCase('', '数量指标', '无') }],
  },
  {
    ruleId: 'indicator.valueMalformed',
    messageKey: 'checks:indicatorValueMalformed',
    severity: 'error',
    fires: { edits: () => indicatorCase('≥较多'), expect: [ind('≥较多')] },
    passes: [{ edits: () => indicatorCase('不低于上年水平', '质量指标') }, { edits: () => indicatorCase('≥ 1,200 次') }],
  },
  {
    ruleId: 'indicator.noUnit',
    messageKey: 'checks:indicatorValueNoUnit',
    severity: 'warning',
    fires: { edits: () => indicatorCase('≥34万'), expect: [ind('≥34万')] },
    passes: [{ edits: () => indicatorCase('≥34万人') }],
  },
  {
    ruleId: 'indicator.qualitative',
    messageKey: 'checks:indicatorQualitativeValue',
    severity: 'warning',
    fires: { edits: () => indicatorCase('有所提升'), expect: [ind('有所提升', { kind: '数量指标' })] },
    passes: [{ edits: () => indicatorCase('有所提升', '质量指标') }],
  },
  {
    ruleId: 'indicator.unitMismatch',
    messageKey: 'checks:indicatorUnitMismatch',
    severity: 'warning',
    fires: {
      edits: () => [
        putIndicators([
          indicator('pi1', '产出指标', '时效指标', '完成时限', '≤5万元'),
          indicator('pi2', '满意度指标', '服务对象满意度指标', '满意度', '≥90次'),
          indicator('pi3', '成本指标', '经济成本指标', '运维成本', '≤3次'),
          ...PROJECT_INDICATORS.slice(3),
        ]),
      ],
      expect: [
        { params: { owner: P, indicator: '完成时限', value: '≤5万元', kind: 'timeliness', unit: '万元' }, location: indicatorAt('pi1') },
        { params: { owner: P, indicator: '满意度', value: '≥90次', kind: 'satisfaction', unit: '次' }, location: indicatorAt('pi2') },
        { params: { owner: P, indicator: '运维成本', value: '≤3次', kind: 'cost', unit: '次' }, location: indicatorAt('pi3') },
      ],
    },
    passes: [{ edits: none }, { edits: () => indicatorCase('≤500元/人每天', '成本指标', '专家费') }],
  },
  {
    ruleId: 'indicator.countInPercent',
    messageKey: 'checks:indicatorCountInPercent',
    severity: 'warning',
    fires: { edits: () => indicatorCase('≥95%', '数量指标', '培训人数'), expect: [ind('≥95%', {}, '培训人数')] },
    passes: [{ edits: () => indicatorCase('≥95%', '数量指标', '培训人数覆盖率') }],
  },
  {
    ruleId: 'indicator.timelinessYearOnly',
    messageKey: 'checks:indicatorTimelinessYearOnly',
    severity: 'warning',
    fires: { edits: () => indicatorCase('2025年', '时效指标', '资金到位时效'), expect: [ind('2025年', {}, '资金到位时效')] },
    passes: [{ edits: () => indicatorCase('2025年12月底前', '时效指标', '资金到位时效') }, { edits: () => indicatorCase('不晚于 12 月底', '时效指标', '资金到位时效') }],
  },
  {
    ruleId: 'indicator.outputUpperBound',
    messageKey: 'checks:indicatorOutputUpperBound',
    severity: 'warning',
    fires: { edits: () => indicatorCase('≤2973人', '', '保障人数'), expect: [ind('≤2973人', {}, '保障人数')] },
    passes: [{ edits: none }, { edits: () => indicatorCase('≤2次', '质量指标', '系统故障次数') }],
  },
  {
    ruleId: 'indicator.valueNamesQuality',
    messageKey: 'checks:indicatorValueNamesQuality',
    severity: 'warning',
    fires: { edits: () => indicatorCase('及时性', '时效指标', '兑付体检费'), expect: [ind('及时性', {}, '兑付体检费')] },
    passes: [{ edits: () => indicatorCase('及时', '时效指标', '兑付体检费') }],
  },
  {
    ruleId: 'indicator.valueStatesNoLevel',
    messageKey: 'checks:indicatorValueStatesNoLevel',
    severity: 'warning',
    fires: {
      edits: () => [
        putIndicators(
          withIndicator(indicator('pi1', '产出指标', '质量指标', '保证系统正常运转', '保证')).concat(
            indicator('pi8', '产出指标', '质量指标', '系统正常运行, 保证参保权益', '系统正常运行'),
          ),
        ),
      ],
      expect: [
        { params: { owner: P, indicator: '保证系统正常运转', value: '保证' }, location: indicatorAt('pi1') },
        { params: { owner: P, indicator: '系统正常运行, 保证参保权益', value: '系统正常运行' }, location: indicatorAt('pi8') },
      ],
    },
    passes: [{ edits: () => indicatorCase('提高', '质量指标', '提高医保基金使用效率') }],
  },
  {
    ruleId: 'indicator.costAboveAmount',
    messageKey: 'checks:costIndicatorAboveAmount',
    severity: 'error',
    fires: {
      edits: () => [
        putIndicators(withIndicator(indicator('pi4', '产出指标', '成本指标', '运维服务费', '≤30.5万元'))),
        {
          op: 'set',
          key: 'departmentPerformance',
          value: {
            annualGoal: '',
            tasks: [],
            indicators: [
              indicator('d1', '产出指标', '数量指标', '召开工作会次数', '≥4次'),
              indicator('d2', '成本指标', '经济成本指标', '部门预算', '≤1,500,000.01元'),
              indicator('d3', '效益指标', '社会效益指标', '医保服务水平', '显著提升'),
              indicator('d4', '满意度指标', '服务对象满意度指标', '参保人员满意度', '≥90%'),
            ],
          },
        },
      ],
      expect: [
        {
          params: { owner: DEPARTMENT_NAME, indicator: '部门预算', value: '≤1,500,000.01元', amount: '150.00', moneyUnit: 'wan' },
          location: indicatorAt('d2', 'department'),
        },
        { params: { owner: P, indicator: '运维服务费', value: '≤30.5万元', amount: '30.00', moneyUnit: 'wan' }, location: indicatorAt('pi4') },
      ],
    },
    passes: [
      { edits: none },
      { edits: () => [putIndicators(withIndicator(indicator('pi4', '产出指标', '成本指标', '专家费', '≤500元/人每天')))] },
      { edits: () => [putIndicators(withIndicator(indicator('pi4', '成本指标', '', '服务费', '≤0.003亿元')))] },
    ],
  },
  {
    ruleId: 'text.roseAndFell',
    messageKey: 'checks:textRoseAndFell',
    severity: 'warning',
    fires: {
      edits: () => setOther('本年预算比上年增加 32.02 万元，下降5.54%；项目支出减少1.00万元，增长 3%。'),
      expect: [
        { params: { block: 'other', blockName: '', quote: '增加 32.02 万元，下降5.54%' }, location: otherAt },
        { params: { block: 'other', blockName: '', quote: '减少1.00万元，增长 3%' }, location: otherAt },
      ],
    },
    passes: [
      { edits: () => setOther('比上年增加32.02万元，增长5.54%。') },
      { edits: () => setOther('其中基本支出增加10.65万元，项目支出减少313.91万元。') },
    ],
  },
  {
    ruleId: 'text.yuanForWan',
    messageKey: 'checks:textYuanForWan',
    severity: 'warning',
    fires: {
      edits: () => [
        ...setOther('本部门机关运行经费10.00元。', { workTasks: '全年安排运转经费10.00元。' }),
        putProject({ purpose: '项目预算 30 元，用于系统运维。' }),
      ],
      expect: [
        { params: { block: 'other', blockName: '', quote: '10.00元', figure: '10.00' }, location: otherAt },
        { params: { block: 'blocks', blockName: 'workTasks', quote: '10.00元', figure: '10.00' }, location: blockAt('workTasks') },
        { params: { block: 'purpose', blockName: P, quote: '30 元', figure: '30.00' }, location: projectAt('purpose') },
      ],
    },
    passes: [
      { edits: () => setOther('本部门机关运行经费10.00万元，每人每天补助130元，专家费500元/人。') },
      { edits: () => setOther('机关运行经费100,000.00元。') },
    ],
  },
  {
    ruleId: 'text.reasonDirection',
    messageKey: 'checks:reasonContradictsChange',
    severity: 'warning',
    fires: {
      edits: () => [
        {
          op: 'set',
          key: 'texts',
          value: { duties: '', organization: '', reasons: { total: '严格压减一般性支出。', 'sanGong.reception.use': '减少' }, glossary: [], other: '', blocks: {} },
        },
      ],
      expect: [
        {
          params: {
            reason: 'total',
            figureName: 'total',
            figureCode: '',
            current: '150.00',
            prior: '140.00',
            moneyUnit: 'wan',
            direction: 'up',
            said: 'down',
            quote: '严格压减一般性支出。',
          },
          location: reasonAt('total'),
        },
      ],
    },
    passes: [
      { edits: none },
      {
        edits: () => [
          { op: 'set', key: 'texts', value: { duties: '', organization: '', reasons: { total: '人员增加，公用经费压减。' }, glossary: [], other: '', blocks: {} } },
        ],
      },
    ],
  },
  {
    ruleId: 'department.publishedOnMissing',
    messageKey: 'checks:publishedOnMissing',
    severity: 'warning',
    fires: {
      edits: (base) => [{ op: 'set', key: 'department', value: { ...base.department, publishedOn: '' } }],
      expect: [{ params: { year: 2025 }, location: { entity: 'department', id: 'department', field: 'publishedOn' } }],
    },
    // Dated, even outside the year (that is the next rule's business).
    passes: [{ edits: none }, { edits: (base) => [{ op: 'set', key: 'department', value: { ...base.department, publishedOn: '2023-05-26' } }] }],
  },
  {
    ruleId: 'department.publishedOnYear',
    messageKey: 'checks:publishedOnOutsideYear',
    severity: 'warning',
    fires: {
      // Last year's package date, carried over into the 2025 workbook's year before last.
      edits: (base) => [{ op: 'set', key: 'department', value: { ...base.department, publishedOn: '2023-05-26' } }],
      expect: [{ params: { date: '2023-05-26', year: 2025, priorYear: 2024 }, location: { entity: 'department', id: 'department', field: 'publishedOn' } }],
    },
    passes: [
      { edits: none },
      // Published in the year before the budget year (approved early), or not dated at all.
      { edits: (base) => [{ op: 'set', key: 'department', value: { ...base.department, publishedOn: '2024-12-30' } }] },
      { edits: (base) => [{ op: 'set', key: 'department', value: { ...base.department, publishedOn: '' } }] },
    ],
  },
  {
    ruleId: 'catalog.editionFallback',
    messageKey: 'checks:catalogEditionFallback',
    severity: 'info',
    fires: {
      // A 2027 workbook: no 2027 edition is built in, the 2024 one serves.
      edits: (base) => [{ op: 'set', key: 'settings', value: { ...base.settings, catalogEdition: 2027 } }],
      expect: [{ params: { year: 2027, edition: 2024 }, location: { entity: 'workbook', field: 'catalogEdition' } }],
    },
    passes: [
      { edits: none },
      {
        // The clerk imported the year's three lists.
        edits: (base) => [
          { op: 'set', key: 'settings', value: { ...base.settings, catalogEdition: 2027 } },
          {
            op: 'set',
            key: 'catalogEntries',
            value: [
              { kind: 'function', code: '2101501', name: '行政运行' },
              { kind: 'deptEcon', code: '30101', name: '基本工资' },
              { kind: 'govEcon', code: '50101', name: '工资奖金津补贴' },
            ],
          },
        ],
      },
    ],
  },
  ...REVIEW_CASES,
];
