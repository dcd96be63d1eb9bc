import type { CellSpec, FixedRow, TableSpec } from '../../tables/spec';
import { row, spend } from '../builders';
import { FISCAL_WITH_CARRY, FORM_MONEY, OTHER_FUNDS, attr } from './common';

/** The performance forms (表13–表15): 万元 as the forms print it, every line in the body. */

const INDICATOR_LEVELS: CellSpec[] = [attr('level1'), attr('level2'), attr('level3'), attr('value')];

/** 表13 部门预算专项业务经费绩效目标表: one form per project (the seed prints no 表 label on them). */
export function projectPerformance(): TableSpec {
  return {
    id: 'project-performance-{projectIndex}',
    number: '',
    title: '部门预算专项业务经费绩效目标表',
    meta: [],
    header: [],
    columnCount: 6,
    kind: 'form',
    perProject: {},
    money: FORM_MONEY,
    zero: '0',
    body: [
      row(['项目名称', '', '{projectName}', '', '', '']),
      row(['主管部门', '', '{departmentName}', '', '', '']),
      row(['资金金额 (万元)', '', '实施期资金总额:', spend(), '', '']),
      row(['', '', '其中:财政拨款', spend({ funds: FISCAL_WITH_CARRY }), '', '']),
      row(['', '', '其他资金', spend({ funds: OTHER_FUNDS }), '', '']),
      { kind: 'projectRow', cells: ['总体目标', attr('goal'), '', '', '', ''] },
      row(['年度绩效指标', '一级指标', '二级指标', '指标内容', '指标值', '备注']),
      { kind: 'indicatorRows', source: 'project', collapse: ['level1', 'level2'], cells: ['', ...INDICATOR_LEVELS, attr('valueNote')] },
    ],
    notes: ['注: 1、绩效指标可选择填写。', '2、根据需要可往下续表。', '3、市县扶贫资金项目的绩效目标必须公开。', '4、市县部门也应公开。'],
  };
}

/** 表14 部门整体支出绩效目标表. */
export function departmentPerformance(): TableSpec {
  const fundColumns: CellSpec[] = [spend({ funds: FISCAL_WITH_CARRY }), spend({ funds: OTHER_FUNDS })];
  return {
    id: 'department-performance',
    number: '表14',
    title: '部门整体支出绩效目标表',
    meta: [],
    header: [],
    columnCount: 6,
    kind: 'form',
    money: FORM_MONEY,
    zero: '',
    body: [
      row(['部门名称', '', '{departmentName}（汇总）', '', '', '']),
      row(['年度主要任务', '任务名称', '主要内容', '预算金额（万元）', '', '']),
      row(['', '', '', '总额', '财政拨款', '其他资金']),
      { kind: 'taskFundRows', cells: ['', '{name}', '{content}', attr('amount'), ...fundColumns] },
      row(['金额合计', '', '', spend(), ...fundColumns], { style: 'total' }),
      row(['年度总体目标', attr('annualGoal'), '', '', '', '']),
      row(['年度绩效指标', '一级指标', '二级指标', '指标内容', '指标值', '']),
      { kind: 'indicatorRows', source: 'department', collapse: ['level1', 'level2'], cells: ['', ...INDICATOR_LEVELS, ''] },
    ],
    notes: [],
  };
}

/**
 * 表15 专项资金总体绩效目标表: the model holds no 专项资金, so the form is always published blank. Its amount
 * fields are money that is always zero, which is what makes the table count as empty.
 */
export function specialFundPerformance(): TableSpec {
  const zero: CellSpec = { money: 'zero' };
  const groups: [string, string, string][] = [
    ['产出指标', '数量指标', ''],
    ['', '质量指标', ''],
    ['', '时效指标', ''],
    ['', '成本指标', ''],
    ['效益指标', '经济效益指标', ''],
    ['', '社会效益指标', ''],
    ['', '生态效益指标', '.....'],
    ['', '可持续影响指标', ''],
    ['满意度指标', '服务对象满意度指标', ''],
  ];
  const indicatorRows: FixedRow[] = groups.flatMap(([level1, level2, more]) => [
    row(['', level1, level2, '指标1：', '', '', '', '']),
    row(['', '', '', '指标2：', '', '', '', '']),
    row(['', '', '', more, '', '', '', '']),
  ]);
  return {
    id: 'special-fund-performance',
    number: '',
    title: '专项资金总体绩效目标表',
    meta: [],
    header: [],
    columnCount: 8,
    kind: 'form',
    money: FORM_MONEY,
    zero: '',
    body: [
      row(['项目名称', '', '', '', '', '', '', '']),
      row(['主管部门', '', '', '', '实施期限', '', '', '']),
      row(['资金金额 (万元)', '', '实施期资金总额：', zero, '', '年度资金总额：', zero, '']),
      row(['', '', '其中：财政拨款', zero, '', '其中：财政拨款', zero, '']),
      row(['', '', '其他资金', zero, '', '其他资金', zero, '']),
      row(['总体目标', '实施期总目标', '', '', '', '年度目标', '', '']),
      row(['', '目标1：', '', '', '', '目标1：', '', '']),
      row(['绩效指标', '一级指标', '二级指标', '指标内容', '指标值', '备注', '', '']),
      ...indicatorRows,
    ],
    notes: ['注：1、绩效指标可选择填写。'],
  };
}
