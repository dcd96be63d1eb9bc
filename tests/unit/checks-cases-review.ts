import type { FindingLocation } from '../../src/core/checks';
import type { Edit } from '../../src/core/edits';
import { budgetLine, indicator, line, PROJECT, putIndicators, putLine, putProject, unit, WAN, withIndicator } from './checks-builders';
import type { RuleCase } from './checks-cases';

/**
 * Cases for the reviewer's rules of issue 14 (and #13's 0.00 line and stray magnitude): a real-looking
 * mistake each, and near misses they must leave alone. Joined into RULE_CASES.
 */
const budgetAt = (id: string, field: string): FindingLocation => ({
  entity: 'budgetLine',
  id,
  field,
  tables: [{ tableId: 'budgetLines', rowKey: id, column: field }],
});
const projectCodeAt = (id: string): FindingLocation => ({ entity: 'project', id, field: 'code', tables: [{ tableId: 'projects', rowKey: id, column: 'code' }] });
const otherAt: FindingLocation = { entity: 'text', id: 'other', tables: [{ tableId: 'texts', rowKey: 'other' }] };
const purposeAt: FindingLocation = { entity: 'project', id: 'p1', field: 'purpose', tables: [{ tableId: 'projects', rowKey: 'p1', column: 'purpose' }] };
const setOther = (text: string): Edit[] => [
  { op: 'set', key: 'texts', value: { duties: '', organization: '', reasons: { total: '人员经费增加。' }, glossary: [], other: text, blocks: {} } },
];
const ORGAN = '医疗保障局本级';
const CENTRE = '医疗保障服务中心';
const P = PROJECT.name;

const extraLine = (amount: number): Edit => ({ op: 'put', collection: 'budgetLines', record: budgetLine('b5', { unitId: 'u1', amount }) });
const moreProjects = (...codes: string[]): Edit[] =>
  codes.map((code, index) => putProject({ id: `p${index + 2}`, code, name: `项目${index + 2}` }));

const indicatorValueAt: FindingLocation = { entity: 'indicator', id: 'pi1', parentId: 'p1', field: 'value', tables: [{ tableId: 'projectIndicators', rowKey: 'pi1', column: 'value' }] };

export const REVIEW_CASES: RuleCase[] = [
  {
    ruleId: 'indicator.levelPair',
    messageKey: 'checks:indicatorLevelPair',
    severity: 'warning',
    fires: {
      edits: () => [putIndicators(withIndicator(indicator('pi1', '效益指标', '数量指标', '运维次数', '≥12次')))],
      expect: [{ params: { owner: P, indicator: '运维次数', value: '≥12次', level1: '效益指标', level2: '数量指标' }, location: indicatorValueAt }],
    },
    passes: [
      // 满意度 as a 二级 under 效益, and 成本 under 产出 (the older layout).
      { edits: () => [putIndicators(withIndicator(indicator('pi1', '效益指标', '服务对象满意度指标', '参保群众满意度', '≥90%')))] },
      { edits: () => [putIndicators(withIndicator(indicator('pi1', '产出指标', '成本指标', '运维费', '≤20万元')))] },
    ],
  },
  {
    ruleId: 'line.functionUnitKind',
    messageKey: 'checks:functionUnitKind',
    severity: 'warning',
    fires: {
      edits: (base) => [putLine(base, 'b1', { functionCode: '2101102' }), putLine(base, 'b4', { functionCode: '2101501' })],
      expect: [
        {
          params: { row: 1, code: '2101102', namedKind: 'institution', unitName: ORGAN, kind: 'admin', expected: '2101101' },
          location: budgetAt('b1', 'functionCode'),
        },
        {
          params: { row: 4, code: '2101501', namedKind: 'admin', unitName: CENTRE, kind: 'institution', expected: '2101550' },
          location: budgetAt('b4', 'functionCode'),
        },
      ],
    },
    passes: [
      { edits: (base) => [putLine(base, 'b4', { functionCode: '2101550' }), putLine(base, 'b1', { functionCode: '2101101' })] },
      // A 参公 unit may be coded either way; and codes whose names speak of no unit kind are not judged.
      {
        edits: (base) => [
          { op: 'put', collection: 'units', record: unit('u2', 'civilServantManaged', CENTRE, '036002') },
          putLine(base, 'b4', { functionCode: '2101501' }),
          putLine(base, 'b1', { functionCode: '2050201' }),
        ],
      },
    ],
  },
  {
    ruleId: 'line.zeroAmount',
    messageKey: 'checks:lineZeroAmount',
    severity: 'warning',
    fires: { edits: (base) => [putLine(base, 'b2', { amount: 0 })], expect: [{ params: { row: 2 }, location: budgetAt('b2', 'amount') }] },
    passes: [{ edits: (base) => [putLine(base, 'b2', { amount: WAN / 100 })] }],
  },
  {
    ruleId: 'line.outOfProportion',
    messageKey: 'checks:lineOutOfProportion',
    severity: 'warning',
    fires: {
      // 50万元 typed as 500,000 in a 万元 grid beside lines of 10–60万元.
      edits: () => [extraLine(500_000 * WAN)],
      expect: [
        {
          params: { row: 5, amount: '500,000.00', average: '37.50', moneyUnit: 'wan', ifYuan: '50.00' },
          location: budgetAt('b5', 'amount'),
        },
      ],
    },
    passes: [
      { edits: () => [extraLine(300_000 * WAN)] },
      // Four lines are too few to tell what a line's peers look like.
      { edits: (base) => [putLine(base, 'b2', { amount: 500_000 * WAN })] },
    ],
  },
  {
    ruleId: 'project.codeFormat',
    messageKey: 'checks:projectCodeFormat',
    severity: 'warning',
    fires: {
      // A code of another length, and one with a letter O where every other code has a digit.
      edits: () => moreProjects('036001250002', '036001250003', 'XM-2025-01', '0360O1250005'),
      expect: [
        {
          params: { project: '项目4', code: 'XM-2025-01', length: 10, example: '036001250001', usualLength: 12 },
          location: projectCodeAt('p4'),
        },
        {
          params: { project: '项目5', code: '0360O1250005', length: 12, example: '036001250001', usualLength: 12 },
          location: projectCodeAt('p5'),
        },
      ],
    },
    passes: [
      { edits: () => moreProjects('036001250002', '036001250003', '036001250004') },
      // Hebei's codes end in a check character that is a letter or a digit: a position the codes differ at says nothing.
      {
        edits: () => [
          putProject({ code: '13050023P00935510015N' }),
          ...moreProjects('13050023P00935510016A', '13050024P009355100226', '13050024P00935510020Y'),
        ],
      },
      // Two projects are too few for a habit; and with no form shared by more than half there is none either.
      { edits: () => moreProjects('XM-2025-01') },
      { edits: () => moreProjects('XM-2025-01', '0360012500', 'A1') },
    ],
  },
  {
    ruleId: 'text.placeholder',
    messageKey: 'checks:textPlaceholder',
    severity: 'warning',
    fires: {
      edits: () => [
        ...setOther('本部门共有XX个内设机构，详见（ ）。。。'),
        putProject({ purpose: '下属单位共0个，分别是：办公室、财务科。' }),
      ],
      expect: [
        { params: { block: 'other', blockName: '', quote: 'XX' }, location: otherAt },
        { params: { block: 'other', blockName: '', quote: '（ ）' }, location: otherAt },
        { params: { block: 'other', blockName: '', quote: '。。。' }, location: otherAt },
        { params: { block: 'purpose', blockName: P, quote: '0个，分别是' }, location: purposeAt },
      ],
    },
    passes: [
      { edits: () => setOther('本部门共有3个内设机构。本年度无政府采购，共0个项目。规格2×2米，型号XXL。') },
    ],
  },
  {
    ruleId: 'text.repeatedPhrase',
    messageKey: 'checks:textRepeatedPhrase',
    severity: 'warning',
    fires: {
      edits: () => setOther('主要用于保障机构正常运转保障机构正常运转。'),
      expect: [{ params: { block: 'other', blockName: '', quote: '保障机构正常运转保障机构正常运转' }, location: otherAt }],
    },
    passes: [{ edits: () => setOther('保障机构正常运转，保障机构履职，研究研究。') }],
  },
  {
    ruleId: 'text.budgetYear',
    messageKey: 'checks:textBudgetYear',
    severity: 'warning',
    fires: {
      edits: () => setOther('现将2024年部门预算公开如下。'),
      expect: [{ params: { block: 'other', blockName: '', quote: '2024年部门预算', written: 2024, year: 2025 }, location: otherAt }],
    },
    passes: [
      { edits: () => setOther('2025年部门预算收支总计150万元，比2024年预算增加10万元；2024年预算执行良好，与2024年度预算相比有所增加。') },
    ],
  },
  {
    ruleId: 'tables.roundingTail',
    messageKey: 'checks:roundingTail',
    severity: 'info',
    fires: {
      // 人员经费 110.004 + 公用经费 10.0045 = 基本支出 120.0085: printed 110.00 + 10.00 ≠ 120.01.
      edits: (base) => [putLine(base, 'b1', { amount: line(base, 'b1').amount + 4_000 }), putLine(base, 'b2', { amount: line(base, 'b2').amount + 4_500 })],
      expect: [
        {
          params: {
            table: 'basicExpenditure',
            figureName: 'basic',
            figureCode: '',
            total: '120.01',
            sum: '120.00',
            tail: '-0.01',
            moneyUnit: 'wan',
            adjustName: 'basic_public',
            adjustCode: '',
            from: '10.00',
            to: '10.01',
          },
          location: { entity: 'workbook', field: 'basic', tables: [{ tableId: 'budgetLines' }] },
        },
      ],
    },
    passes: [
      {
        edits: (base) => [putLine(base, 'b1', { amount: line(base, 'b1').amount + 4_000 }), putLine(base, 'b2', { amount: line(base, 'b2').amount + 4_500 })],
        options: { printedAmounts: { unit: 'wan', decimals: 4 } },
      },
      {
        edits: (base) => [putLine(base, 'b1', { amount: line(base, 'b1').amount + 4_000 }), putLine(base, 'b2', { amount: line(base, 'b2').amount + 4_500 })],
        options: { printedAmounts: false },
      },
    ],
  },
];
