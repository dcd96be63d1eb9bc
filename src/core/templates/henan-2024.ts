import type { CellSpec, GroupRows, HeaderCell, TableSpec, TemplateSpec } from '../tables/spec';
import { blank, field, income, row, spend, sum, within } from './builders';

/**
 * Henan (河南) 2024: the 13 tables of the Jiyuan medical-security package, in 万元 with thousands
 * separators and blank cells for zero. Row labels and order are copied from the published tables.
 */

const META = ['部门名称：{departmentName}', '单位：万元'];
const ROUNDING_NOTE = '注：报表金额单位转换时可能存在四舍五入尾数误差。';

const h = (text: string, colSpan = 1, rowSpan = 1): HeaderCell => ({ text, colSpan, rowSpan });

/** The 收支总表's expenditure side: every function 类, empty ones included, as Henan labels them. */
const SUMMARY_FUNCTION_ROWS: [string, string][] = [
  ['一、一般公共服务', '201'],
  ['二、外交', '202'],
  ['三、国防', '203'],
  ['四、公共安全', '204'],
  ['五、教育', '205'],
  ['六、科学技术', '206'],
  ['七、文化旅游体育与传媒', '207'],
  ['八、社会保障和就业', '208'],
  ['九、社会保险基金支出', '209'],
  ['十、卫生健康', '210'],
  ['十一、节能环保', '211'],
  ['十二、城乡社区事务', '212'],
  ['十三、农林水事务', '213'],
  ['十四、交通运输', '214'],
  ['十五、资源勘探信息等', '215'],
  ['十六、商业服务业等', '216'],
  ['十七、金融支出', '217'],
  ['十九、援助其他地区支出', '219'],
  ['二十、自然资源海洋气象等支出', '220'],
  ['二十一、住房保障支出', '221'],
  ['二十二、粮油物资储备支出', '222'],
  ['二十三、国有资本经营预算', '223'],
  ['二十四、灾害防治及应急管理', '224'],
  ['二十七、预备费', '227'],
  ['二十九、其他支出', '229'],
  ['三十、转移性支出', '230'],
  ['三十一、债务还本支出', '231'],
  ['三十二、债务付息支出', '232'],
  ['三十三、债务发行费用支出', '233'],
  ['三十四、抗疫特别国债安排的支出', '234'],
];

const SUMMARY_INCOME_ROWS: [string, CellSpec][] = [
  ['一、一般公共预算', income({ funds: ['gen'] })],
  ['其中：财政拨款', income({ funds: ['gen.appropriation'] })],
  ['专项收入', income({ funds: ['gen.special'] })],
  ['其他一般公共预算资金', income({ funds: ['gen.other', 'gen.fee', 'gen.asset'] })],
  ['上级提前下达', income({ funds: ['gen.upperAdvance'] })],
  ['一般债券', income({ funds: ['gen.bond'] })],
  ['二、政府性基金预算拨款收入', income({ funds: ['fund'] })],
  ['其中：政府性基金预算资金', income({ funds: ['fund.regular'] })],
  ['上级提前下达', income({ funds: ['fund.upperAdvance'] })],
  ['专项债券', income({ funds: ['fund.bond'] })],
  ['三、国有资本经营预算拨款收入', income({ funds: ['capital'] })],
  ['四、财政专户管理资金收入', income({ funds: ['specialAccount'] })],
  ['五、事业收入', income({ funds: ['unit.business'] })],
  ['六、事业单位经营收入', income({ funds: ['unit.operating'] })],
  ['七、上级补助收入', income({ funds: ['unit.upperSubsidy'] })],
  ['八、附属单位上缴收入', income({ funds: ['unit.affiliate'] })],
  ['九、其他收入', income({ funds: ['unit.other'] })],
];

const THIS_YEAR_INCOME = ['gen', 'fund', 'capital', 'specialAccount', 'unit'];

function pairRows(left: [string, CellSpec][], right: [string, CellSpec][]) {
  const count = Math.max(left.length, right.length);
  return Array.from({ length: count }, (_, index) => {
    const [leftLabel, leftCell] = left[index] ?? ['', ''];
    const [rightLabel, rightCell] = right[index] ?? ['', ''];
    return row([leftLabel, leftCell, rightLabel, rightCell]);
  });
}

const incomeExpenditureSummary: TableSpec = {
  id: 'income-expenditure-summary',
  number: '一',
  title: '{year}年部门收支预算表',
  meta: META,
  header: [
    [h('收入', 2), h('支出', 2)],
    [h('项目'), h('金额'), h('项目'), h('金额')],
  ],
  columnCount: 4,
  body: [
    ...pairRows(
      SUMMARY_INCOME_ROWS,
      SUMMARY_FUNCTION_ROWS.map(([label, code]) => [label, spend({ functions: [code] })]),
    ),
    row(['本年收入合计', income({ funds: THIS_YEAR_INCOME }), '本年支出合计', spend()], { style: 'total' }),
    row(['上年结转结余', income({ funds: ['carry'] }), '年终结转结余', ''], { style: 'total' }),
    row(['收入总计', income(), '支出总计', spend()], { style: 'total' }),
  ],
  notes: [ROUNDING_NOTE],
};

/** 部门收入预算表: one row per unit, income by fund. */
const INCOME_COLUMNS: CellSpec[] = [
  income(),
  income({ funds: THIS_YEAR_INCOME }),
  income({ funds: ['gen'] }),
  income({ funds: ['gen.appropriation'] }),
  income({ funds: ['fund'] }),
  income({ funds: ['capital'] }),
  income({ funds: ['specialAccount'] }),
  income({ funds: ['unit.business'] }),
  income({ funds: ['unit.operating'] }),
  income({ funds: ['unit.upperSubsidy'] }),
  income({ funds: ['unit.affiliate'] }),
  income({ funds: ['unit.other'] }),
  income({ funds: ['carry'] }),
  income({ funds: ['carry.gen'] }),
  income({ funds: ['carry.fund'] }),
  income({ funds: ['carry.capital'] }),
  income({ funds: ['carry.specialAccount'] }),
  income({ funds: ['carry.unit'] }),
];

const incomeTable: TableSpec = {
  id: 'income',
  number: '二',
  title: '{year}年部门收入预算表',
  meta: META,
  header: [
    [h('部门代码', 1, 3), h('部门名称', 1, 3), h('总计', 1, 3), h('本年收入', 11), h('上年结转结余', 6)],
    [h('合计', 1, 2), h('一般公共预算', 2), h('政府性基金', 1, 2), h('国有资本经营预算', 1, 2), h('财政专户管理资金收入', 1, 2), h('事业收入', 1, 2), h('事业单位经营收入', 1, 2), h('上级补助收入', 1, 2), h('附属单位上缴收入', 1, 2), h('其他收入', 1, 2), h('合计', 1, 2), h('一般公共预算', 1, 2), h('政府性基金', 1, 2), h('国有资本经营预算', 1, 2), h('财政专户管理资金', 1, 2), h('单位资金', 1, 2)],
    [h('小计'), h('其中：财政拨款')],
  ],
  columnCount: 20,
  body: [
    row(['', '合计', ...INCOME_COLUMNS], { style: 'total' }),
    row(['{departmentCode}', '{departmentName}', ...INCOME_COLUMNS], { style: 'department' }),
    { kind: 'rows', group: { dim: 'unit' }, source: 'income', cells: { unit: [field('unitCode'), field('unitName'), ...INCOME_COLUMNS], leaf: [] } },
  ],
  notes: [ROUNDING_NOTE],
};

/** The 支出表 family: function 项 rows, basic (personnel split) and project (by type) columns. */
const EXPENDITURE_COLUMNS: CellSpec[] = [
  spend(),
  spend({ natures: ['basic'] }),
  spend({ natures: ['basic'], deptEcon: ['301'] }),
  spend({ natures: ['basic'], deptEcon: ['303'] }),
  spend({ basicPart: 'public' }),
  spend({ natures: ['project'] }),
  spend({ natures: ['project'], projectTypes: ['operation', 'general'] }),
  spend({ natures: ['project'], projectTypes: ['specificGoal', 'special'] }),
];

const EXPENDITURE_HEADER: HeaderCell[][] = [
  [h('科目编码', 3), h('单位代码', 1, 3), h('单位（科目名称）', 1, 3), h('合计', 1, 3), h('基本支出', 4), h('项目支出', 3)],
  [h('类', 1, 2), h('款', 1, 2), h('项', 1, 2), h('小计', 1, 2), h('人员经费', 2), h('公用经费', 1, 2), h('小计', 1, 2), h('其他运转类', 1, 2), h('特定目标类', 1, 2)],
  [h('工资福利支出'), h('对个人和家庭的补助')],
];

function expenditureBody(funds: string[] | undefined) {
  const columns = funds ? within({ funds }, EXPENDITURE_COLUMNS) : EXPENDITURE_COLUMNS;
  const items: GroupRows = {
    kind: 'rows',
    group: { dim: 'function', levels: ['item'] },
    where: funds ? { funds } : undefined,
    cells: { leaf: [field('classCode'), field('sectionCode'), field('itemCode'), '', field('name'), ...columns] },
  };
  return [
    row([...blank(4), '合计', ...columns], { style: 'total' }),
    row([...blank(3), '{departmentCode}', '{departmentName}', ...columns], { style: 'department', skipWhenZero: true }),
    items,
  ];
}

const expenditureTable = (id: string, number: string, title: string, funds: string[] | undefined, notes: string[], emptyNote?: string): TableSpec => ({
  id,
  number,
  title,
  meta: META,
  header: EXPENDITURE_HEADER,
  columnCount: 13,
  body: expenditureBody(funds),
  notes,
  ...(emptyNote ? { emptyNote } : {}),
});

/** 财政拨款收支总体情况表: its own list of function rows (with Henan's historical 医疗卫生 row). */
const FISCAL_FUNCTION_ROWS: [string, string | null][] = [
  ['（一）一般公共服务支出', '201'],
  ['（二）外交支出', '202'],
  ['（三）国防支出', '203'],
  ['（四）公共安全支出', '204'],
  ['（五）教育支出', '205'],
  ['（六）科学技术支出', '206'],
  ['（七）文化体育旅游与传媒支出', '207'],
  ['（八）社会保障和就业支出', '208'],
  ['（九）医疗卫生与计划生育支出', null],
  ['（十）卫生健康支出', '210'],
  ['（十一）节能环保支出', '211'],
  ['（十二）城乡社区事务支出', '212'],
  ['（十三）农林水事务支出', '213'],
  ['（十四）交通运输支出', '214'],
  ['（十五）资源勘探信息等支出', '215'],
  ['（十六）商业服务业等支出', '216'],
  ['（十七）金融支出', '217'],
  ['（十九）援助其他地区支出', '219'],
  ['（二十）自然资源海洋气象等支出', '220'],
  ['（二十一）住房保障支出', '221'],
  ['（二十二）粮油物资储备支出', '222'],
  ['（二十三）国有资本经营预算', '223'],
  ['(二十四) 灾害防治及应急管理', '224'],
  ['(二十七) 预备费', '227'],
  ['(二十九) 其他支出', '229'],
  ['(三十) 转移性支出', '230'],
  ['(三十一) 债务还本支出', '231'],
  ['(三十二) 债务付息支出', '232'],
  ['(三十三) 债务发行费用支出', '233'],
  ['(三十四) 抗疫特别国债安排的支出', '234'],
];

const FISCAL_SPEND: CellSpec[] = [
  spend({ funds: ['gen', 'fund', 'capital', 'carry.gen', 'carry.fund', 'carry.capital'] }),
  spend({ funds: ['gen', 'carry.gen'] }),
  spend({ funds: ['gen.appropriation'] }),
  spend({ funds: ['fund', 'carry.fund'] }),
  spend({ funds: ['capital', 'carry.capital'] }),
];

const FISCAL_INCOME_ROWS: [string, CellSpec][] = [
  ['（一）一般公共预算拨款', income({ funds: ['gen'] })],
  ['其中：财政拨款', income({ funds: ['gen.appropriation'] })],
  ['（二）政府性基金预算拨款', income({ funds: ['fund'] })],
  ['（三）国有资本经营预算拨款', income({ funds: ['capital'] })],
  ['二、上年结转', income({ funds: ['carry.gen', 'carry.fund', 'carry.capital'] })],
  ['（一）一般公共预算拨款', income({ funds: ['carry.gen'] })],
  ['（二）政府性基金预算拨款', income({ funds: ['carry.fund'] })],
  ['（三）国有资本经营预算拨款', income({ funds: ['carry.capital'] })],
];

const fiscalSummary: TableSpec = {
  id: 'fiscal-summary',
  number: '四',
  title: '{year}年财政拨款收支总体情况表',
  meta: META,
  header: [
    [h('收入', 2), h('支出', 6)],
    [h('项目', 1, 2), h('金额', 1, 2), h('项目', 1, 2), h('合计', 1, 2), h('一般公共预算', 2), h('政府性基金', 1, 2), h('国有资本经营预算', 1, 2)],
    [h('小计'), h('其中：财政拨款')],
  ],
  columnCount: 8,
  body: [
    row(['一、本年收入', income({ funds: ['gen', 'fund', 'capital'] }), '一、本年支出', ...FISCAL_SPEND], { style: 'total' }),
    ...Array.from({ length: FISCAL_FUNCTION_ROWS.length }, (_, index) => {
      const [leftLabel, leftCell] = FISCAL_INCOME_ROWS[index] ?? ['', ''];
      const [rightLabel, code] = FISCAL_FUNCTION_ROWS[index] ?? ['', null];
      const right = code ? within({ functions: [code] }, FISCAL_SPEND) : blank(5);
      return row([leftLabel, leftCell, rightLabel, ...right]);
    }),
    row(['', '', '二、年终结转结余', ...blank(5)]),
    row(['收入合计', income({ funds: ['gen', 'fund', 'capital', 'carry.gen', 'carry.fund', 'carry.capital'] }), '支出合计', ...FISCAL_SPEND], { style: 'total' }),
  ],
  notes: [ROUNDING_NOTE],
};

/** 一般公共预算基本支出表: 部门经济类 rows with 部门经济款 × 政府经济款 pairs under them. */
const BASIC_COLUMNS: CellSpec[] = [spend(), spend({ basicPart: 'personnel' }), spend({ basicPart: 'public' })];
const generalBasic: TableSpec = {
  id: 'general-budget-basic',
  number: '六',
  title: '一般公共预算基本支出表',
  meta: META,
  header: [
    [h('部门预算支出经济分类科目', 2), h('政府预算支出经济分类科目编码', 2), h('本年一般公共预算基本支出', 3)],
    [h('科目编码'), h('科目名称'), h('科目编码'), h('科目名称'), h('合计'), h('人员经费'), h('公用经费')],
  ],
  columnCount: 7,
  body: [
    row([...blank(3), '合计', ...within({ funds: ['gen'], natures: ['basic'] }, BASIC_COLUMNS)], { style: 'total' }),
    {
      kind: 'rows',
      group: { dim: 'econPair', classRows: true },
      where: { funds: ['gen'], natures: ['basic'] },
      cells: {
        group: [field('code'), field('name'), '', '', ...BASIC_COLUMNS],
        leaf: [field('code'), field('name'), field('govCode'), field('govName'), ...BASIC_COLUMNS],
      },
    },
  ],
  notes: [ROUNDING_NOTE],
};

/** 支出经济分类汇总表: every 部门经济款 × 政府经济款 pair, by fund, in the order the clerk entered them. */
const ECON_SUMMARY_COLUMNS: CellSpec[] = [
  spend(),
  spend({ funds: ['gen'] }),
  spend({ funds: ['gen.appropriation'] }),
  spend({ funds: ['fund'] }),
  spend({ funds: ['capital'] }),
  spend({ funds: ['carry'] }),
  spend({ funds: ['specialAccount'] }),
  spend({ funds: ['unit.business'] }),
  spend({ funds: ['unit.upperSubsidy'] }),
  spend({ funds: ['unit.affiliate'] }),
  spend({ funds: ['unit.operating'] }),
  spend({ funds: ['unit.other', 'unit.careerFund'] }),
];
const economicSummary: TableSpec = {
  id: 'economic-summary',
  number: '七',
  title: '{year}年支出经济分类汇总表',
  meta: META,
  header: [
    [h('部门预算经济分类', 3), h('政府预算经济分类', 3), h('总计', 1, 3), h('一般公共预算', 2), h('政府性基金', 1, 3), h('国有资本经营预算', 1, 3), h('上年结转结余', 1, 3), h('财政专户管理资金收入', 1, 3), h('事业收入', 1, 3), h('上级补助收入', 1, 3), h('附属单位上缴收入', 1, 3), h('事业单位经营收入', 1, 3), h('其他收入', 1, 3)],
    [h('科目编码', 2), h('科目名称', 1, 2), h('科目编码', 2), h('科目名称', 1, 2), h('小计', 1, 2), h('其中：财政拨款', 1, 2)],
    [h('类'), h('款'), h('类'), h('款')],
  ],
  columnCount: 18,
  body: [
    row([...blank(5), '合计', ...ECON_SUMMARY_COLUMNS], { style: 'total' }),
    row(['{departmentCode}', '', '{departmentName}', ...blank(3), ...ECON_SUMMARY_COLUMNS], { style: 'department' }),
    {
      kind: 'rows',
      group: { dim: 'econPair', classRows: false },
      order: 'entry',
      cells: {
        leaf: [field('classCode'), field('sectionCode'), field('name'), field('govClassCode'), field('govSectionCode'), field('govName'), ...ECON_SUMMARY_COLUMNS],
      },
    },
  ],
  notes: [ROUNDING_NOTE],
};

const threePublic: TableSpec = {
  id: 'three-public',
  number: '八',
  title: '{year}年一般公共预算“三公”经费预算表',
  meta: META,
  header: [
    [h('“三公”经费合计', 1, 2), h('因公出国（境）费', 1, 2), h('公务用车购置及运行费', 3), h('公务接待费', 1, 2)],
    [h('小计'), h('公务用车购置费'), h('公务用车运行费')],
  ],
  columnCount: 6,
  body: [
    row([
      sum([1, 2, 5]),
      spend({ funds: ['gen'], deptEcon: ['30212'] }),
      sum([3, 4]),
      spend({ funds: ['gen'], deptEcon: ['31013'] }),
      spend({ funds: ['gen'], deptEcon: ['30231'] }),
      spend({ funds: ['gen'], deptEcon: ['30217'] }),
    ]),
  ],
  notes: [
    '注：1. 报表金额单位转换时可能存在四舍五入尾数误差。',
    '2. 按照党中央、国务院有关规定及部门预算管理有关规定，“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费。（1）因公出国（境）费，指单位工作人员公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出。（2）公务用车购置及运行费，指单位公务用车购置费及租用费、燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出，公务用车指用于履行公务的机动车辆，包括领导干部专车、一般公务用车和执法执勤用车。（3）公务接待费，指单位按规定开支的各类公务接待（含外宾接待）支出。',
  ],
};

/** 项目支出预算表: unit rows with their projects, by fund. */
const PROJECT_COLUMNS: CellSpec[] = [
  spend(),
  spend({ funds: ['gen'] }),
  spend({ funds: ['fund'] }),
  spend({ funds: ['capital'] }),
  spend({ funds: ['carry.gen'] }),
  spend({ funds: ['carry.fund'] }),
  spend({ funds: ['carry.capital'] }),
  spend({ funds: ['specialAccount', 'carry.specialAccount'] }),
  spend({ funds: ['unit', 'carry.unit'] }),
];
const projectExpenditure: TableSpec = {
  id: 'project-expenditure',
  number: '十一',
  title: '项目支出预算表',
  meta: META,
  header: [
    [h('部门代码', 1, 2), h('部门（项目）名称', 1, 2), h('项目类型', 1, 2), h('合计', 1, 2), h('本年拨款', 3), h('上年结转结余', 3), h('财政专户管理资金', 1, 2), h('单位资金', 1, 2)],
    [h('一般公共预算'), h('政府性基金预算'), h('国有资本经营预算'), h('一般公共预算'), h('政府性基金预算'), h('国有资本经营预算')],
  ],
  columnCount: 12,
  body: [
    row(['', '', '合计', ...within({ natures: ['project'] }, PROJECT_COLUMNS)], { style: 'total' }),
    row(['{departmentCode}', '{departmentName}', '', ...within({ natures: ['project'] }, PROJECT_COLUMNS)], { style: 'department' }),
    {
      kind: 'rows',
      group: { dim: 'project', unitRows: true },
      where: { natures: ['project'] },
      cells: {
        unit: [field('unitCode'), field('unitName'), '', ...PROJECT_COLUMNS],
        leaf: [field('unitCode'), field('projectName'), field('projectType'), ...PROJECT_COLUMNS],
      },
    },
  ],
  notes: [ROUNDING_NOTE],
};

const attr = (attribute: string): CellSpec => ({ attribute });
const FISCAL_AND_CARRY = ['gen', 'fund', 'capital', 'carry.gen', 'carry.fund', 'carry.capital'];

/** 部门(单位)整体绩效目标表: a form of the department-wide target. */
const departmentPerformance: TableSpec = {
  id: 'department-performance',
  number: '十二',
  title: '部门(单位)整体绩效目标表',
  meta: ['({year}年度)'],
  header: [],
  columnCount: 5,
  kind: 'form',
  body: [
    row(['部门(单位)名称', '', '{departmentName}', '', '']),
    row(['年度履职目标', attr('annualGoal'), '', '', '']),
    row(['年度主要任务', '任务名称', '', '主要内容', '']),
    { kind: 'taskRows', cells: ['', '{number}. {name}', '', attr('content'), ''] },
    row(['预算情况', '部门预算总额(万元)', '', spend(), '']),
    row(['', '1、资金来源:(1)政府预算资金', '', spend({ funds: FISCAL_AND_CARRY }), '']),
    row(['', '(2)财政专户管理资金', '', spend({ funds: ['specialAccount', 'carry.specialAccount'] }), '']),
    row(['', '(3)单位资金', '', spend({ funds: ['unit', 'carry.unit'] }), '']),
    row(['', '2、资金结构:(1)基本支出', '', spend({ natures: ['basic'] }), '']),
    row(['', '(2)项目支出', '', spend({ natures: ['project'] }), '']),
    row(['一级指标', '二级指标', '三级指标', '指标值', '指标值说明']),
    { kind: 'indicatorRows', source: 'department', collapse: ['level1', 'level2'], cells: [attr('level1'), attr('level2'), attr('level3'), attr('value'), attr('valueNote')] },
  ],
  notes: [],
};

/** 部门预算项目绩效目标表: per unit, each project's amounts and its indicators side by side. */
const PROJECT_AMOUNTS: CellSpec[] = [
  spend({ natures: ['project'] }),
  spend({ natures: ['project'], funds: FISCAL_AND_CARRY }),
  spend({ natures: ['project'], funds: ['specialAccount', 'carry.specialAccount'] }),
  spend({ natures: ['project'], funds: ['unit', 'carry.unit'] }),
];
const projectPerformance: TableSpec = {
  id: 'project-performance',
  number: '十三',
  title: '{year}年度部门预算项目绩效目标表',
  meta: ['部门名称： 本级'],
  header: [
    [h('单位编码（项目编码）', 1, 3), h('项目单位（项目名称）', 1, 3), h('项目金额（万元）', 4, 2), h('绩效目标', 8)],
    [h('成本指标', 2), h('产出指标', 2), h('效益指标', 2), h('满意度指标', 2)],
    [h('资金总额'), h('政府预算资金'), h('财政专户管理资金'), h('单位资金'), h('三级指标'), h('指标值'), h('三级指标'), h('指标值'), h('三级指标'), h('指标值'), h('三级指标'), h('指标值')],
  ],
  columnCount: 14,
  body: [
    row(['{departmentCode}', '', ...PROJECT_AMOUNTS], { style: 'department' }),
    {
      kind: 'projectIndicatorGrid',
      categories: [
        ['成本指标', '成本'],
        ['产出指标', '产出'],
        ['效益指标', '效益'],
        ['满意度指标', '满意度'],
      ],
      unitCells: [field('unitCode'), field('unitName'), ...PROJECT_AMOUNTS],
      projectCells: [field('projectCode'), field('projectName'), ...PROJECT_AMOUNTS],
      indicatorCells: [attr('level3'), attr('value')],
      order: 'typeThenCode',
    },
  ],
  notes: [],
};

export const henan2024: TemplateSpec = {
  id: 'henan-2024',
  province: '河南',
  name: '河南省部门预算公开（2024）',
  year: 2024,
  money: { unit: 'wan', separators: true, zero: '' },
  conventions: { operatingCostUnits: 'all' },
  tables: [
    incomeExpenditureSummary,
    incomeTable,
    expenditureTable('expenditure', '三', '{year}年部门支出预算表', undefined, [ROUNDING_NOTE]),
    fiscalSummary,
    expenditureTable('general-budget-expenditure', '五', '{year}年一般公共预算支出预算表', ['gen'], [ROUNDING_NOTE, '本表仅含当年财政拨款安排的支出。']),
    generalBasic,
    economicSummary,
    threePublic,
    expenditureTable('government-fund', '九', '{year}年政府性基金预算支出预算表', ['fund'], [ROUNDING_NOTE]),
    expenditureTable(
      'state-capital',
      '十',
      '{year}年国有资本经营预算支出预算表',
      ['capital'],
      ['注：若合计数与分项数不一致是因四舍五入的原因引起的。'],
      '本部门{year}年度没有国有资本经营预算支出，故本表无数据。',
    ),
    projectExpenditure,
    departmentPerformance,
    projectPerformance,
  ],
};
