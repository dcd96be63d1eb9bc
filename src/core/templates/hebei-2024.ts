import type { BodyPart, CellSpec, FixedRow, GroupRows, HeaderCell, TableSpec, TemplateSpec } from '../tables/spec';
import { blank, field, income, row, spend, sum, within } from './builders';

/**
 * Hebei (河北) 2024: the Xingtai medical-security package — nine budget tables with a 序号 column and a
 * 栏次 header row, then the tables inside the 情况说明: 机构设置, one 绩效目标表 per project, 政府采购预算
 * and 固定资产占用. 万元 with two decimals, no thousands separators, zero printed as an empty cell.
 */

const META = ['{departmentCode} {departmentName}', '预算年度：{year}', '单位：万元'];

const h = (text: string, colSpan = 1, rowSpan = 1): HeaderCell => ({ text, colSpan, rowSpan });
const attr = (attribute: string): CellSpec => ({ attribute });
const numbered = (...parts: BodyPart[]): BodyPart => ({ kind: 'numbered', parts });

/** The 栏次 header row: "栏次", then the column numbers 1…count. */
const columnNumbers = (count: number): HeaderCell[] => [h('栏次'), ...Array.from({ length: count }, (_, index) => h(String(index + 1)))];

const GEN = ['gen', 'carry.gen'];
const FUND = ['fund', 'carry.fund'];
const CAPITAL = ['capital', 'carry.capital'];
/** 财政拨款: the three fiscal budgets, this year's and carried over. */
const FISCAL = [...GEN, ...FUND, ...CAPITAL];
const THIS_YEAR = ['gen', 'fund', 'capital', 'specialAccount', 'unit'];

/** Every function 类 as Hebei labels them in both 收支总表; 人行专用科目 has no code in the national list. */
const FUNCTION_CLASS_ROWS: [string, string | null][] = [
  ['一、一般公共服务支出', '201'],
  ['二、外交支出', '202'],
  ['三、国防支出', '203'],
  ['四、公共安全支出', '204'],
  ['五、教育支出', '205'],
  ['六、科学技术支出', '206'],
  ['七、文化旅游体育与传媒支出', '207'],
  ['八、社会保障和就业支出', '208'],
  ['九、社会保险基金支出', '209'],
  ['十、卫生健康支出', '210'],
  ['十一、节能环保支出', '211'],
  ['十二、城乡社区支出', '212'],
  ['十三、农林水支出', '213'],
  ['十四、交通运输支出', '214'],
  ['十五、资源勘探工业信息等支出', '215'],
  ['十六、商业服务业等支出', '216'],
  ['十七、金融支出', '217'],
  ['十八、援助其他地区支出', '219'],
  ['十九、自然资源海洋气象等支出', '220'],
  ['二十、住房保障支出', '221'],
  ['二十一、粮油物资储备支出', '222'],
  ['二十二、国有资本经营预算支出', '223'],
  ['二十三、灾害防治及应急管理支出', '224'],
  ['二十四、预备费', '227'],
  ['二十五、其他支出', '229'],
  ['二十六、转移性支出', '230'],
  ['二十七、债务还本支出', '231'],
  ['二十八、债务付息支出', '232'],
  ['二十九、债务发行费用支出', '233'],
  ['三十、抗疫特别国债安排的支出', '234'],
  ['三十一、人行专用科目', null],
];

/** Left-hand label/amount pairs beside the function rows; rows beyond the list are blank. */
function besideFunctionClasses(left: [string, CellSpec][], right: (code: string | null) => CellSpec[]): FixedRow[] {
  return FUNCTION_CLASS_ROWS.map(([label, code], index) => {
    const [leftLabel, leftCell] = left[index] ?? ['', ''];
    return row([leftLabel, leftCell, label, ...right(code)]);
  });
}

const incomeExpenditureSummary: TableSpec = {
  id: 'income-expenditure-summary',
  number: '',
  title: '部门预算收支总表',
  meta: META,
  header: [
    [h('序号', 1, 2), h('收入', 2), h('支出', 2)],
    [h('项目'), h('预算数'), h('项目'), h('预算数')],
    columnNumbers(4),
  ],
  columnCount: 5,
  body: [
    numbered(
      ...besideFunctionClasses(
        [
          ['一、一般公共预算拨款收入', income({ funds: ['gen'] })],
          ['二、政府性基金预算拨款收入', income({ funds: ['fund'] })],
          ['三、国有资本经营预算拨款收入', income({ funds: ['capital'] })],
          ['四、财政专户管理资金收入', income({ funds: ['specialAccount'] })],
          ['五、单位资金', income({ funds: ['unit'] })],
        ],
        (code) => [code ? spend({ functions: [code] }) : ''],
      ),
      row(['本年收入合计', income({ funds: THIS_YEAR }), '本年支出合计', spend()], { style: 'total' }),
      row(['上年结转结余', income({ funds: ['carry'] }), '年终结转结余', ''], { style: 'total' }),
      row(['收入总计', income(), '支出总计', spend()], { style: 'total' }),
    ),
  ],
  notes: [],
};

/** 收入总表: income by function 类/款/项 and fund. */
const INCOME_COLUMNS: CellSpec[] = [
  income(),
  income({ funds: THIS_YEAR }),
  income({ funds: ['gen', 'fund', 'capital'] }),
  income({ funds: ['specialAccount'] }),
  income({ funds: ['unit.business'] }),
  income({ funds: ['unit.operating'] }),
  income({ funds: ['unit.upperSubsidy'] }),
  income({ funds: ['unit.affiliate'] }),
  income({ funds: ['unit.other', 'unit.careerFund'] }),
  income({ funds: ['carry'] }),
];

const FUNCTION_LEVELS: GroupRows['group'] = { dim: 'function', levels: ['class', 'section', 'item'] };

const incomeTable: TableSpec = {
  id: 'income',
  number: '',
  title: '部门预算收入总表',
  meta: META,
  header: [
    [h('序号', 1, 2), h('功能分类科目', 2), h('合计', 1, 2), h('本年收入', 8), h('上年结转', 1, 2)],
    [h('科目编码'), h('科目名称'), h('小计'), h('财政拨款收入'), h('财政专户收入'), h('事业收入'), h('经营收入'), h('上级补助收入'), h('附属单位上缴收入'), h('其他收入')],
    columnNumbers(12),
  ],
  columnCount: 13,
  body: [
    numbered(row(['', '合计', ...INCOME_COLUMNS], { style: 'total' }), {
      kind: 'rows',
      group: FUNCTION_LEVELS,
      source: 'income',
      cells: { leaf: [field('code'), field('name'), ...INCOME_COLUMNS] },
    }),
  ],
  notes: [],
};

const FUNCTION_HEADER_TOP = [h('序号', 1, 2), h('功能分类科目', 2), h('合计', 1, 2)];

/** 支出总表: function 类/款/项 by nature of spending. */
const EXPENDITURE_COLUMNS: CellSpec[] = [
  spend(),
  spend({ natures: ['basic'] }),
  spend({ natures: ['project'] }),
  spend({ natures: ['operating'] }),
  spend({ natures: ['remitUpward'] }),
  spend({ natures: ['subsidyAffiliates'] }),
];

const expenditureTable: TableSpec = {
  id: 'expenditure',
  number: '',
  title: '部门预算支出总表',
  meta: META,
  header: [
    [...FUNCTION_HEADER_TOP, h('基本支出', 1, 2), h('项目支出', 1, 2), h('经营支出', 1, 2), h('上解上级支出', 1, 2), h('对附属单位补助支出', 1, 2)],
    [h('科目编码'), h('科目名称')],
    columnNumbers(8),
  ],
  columnCount: 9,
  body: [
    numbered(row(['', '合计', ...EXPENDITURE_COLUMNS], { style: 'total' }), {
      kind: 'rows',
      group: FUNCTION_LEVELS,
      cells: { leaf: [field('code'), field('name'), ...EXPENDITURE_COLUMNS] },
    }),
  ],
  notes: [],
};

/** 财政拨款收支总表: fiscal income and carry-over beside the function 类 rows, by fiscal budget. */
const FISCAL_SPEND: CellSpec[] = [spend({ funds: FISCAL }), spend({ funds: GEN }), spend({ funds: FUND }), spend({ funds: CAPITAL })];

const fiscalSummary: TableSpec = {
  id: 'fiscal-summary',
  number: '',
  title: '部门预算财政拨款收支总表',
  meta: META,
  header: [
    [h('序号', 1, 2), h('收入', 2), h('支出', 5)],
    [h('项目'), h('金额'), h('项目'), h('合计'), h('一般公共预算财政拨款'), h('政府性基金预算财政拨款'), h('国有资本经营预算财政拨款')],
    columnNumbers(7),
  ],
  columnCount: 8,
  body: [
    numbered(
      ...besideFunctionClasses(
        [
          ['一、一般公共预算拨款', income({ funds: ['gen'] })],
          ['二、政府性基金预算拨款', income({ funds: ['fund'] })],
          ['三、国有资本经营预算拨款', income({ funds: ['capital'] })],
        ],
        (code) => (code ? within({ functions: [code] }, FISCAL_SPEND) : blank(4)),
      ),
      row(['本年收入合计', income({ funds: ['gen', 'fund', 'capital'] }), '本年支出合计', ...FISCAL_SPEND], { style: 'total' }),
      row(['年初财政拨款结转和结余', income({ funds: ['carry.gen', 'carry.fund', 'carry.capital'] }), '年末财政拨款结转和结余', ...blank(4)]),
      row(['一、一般公共预算拨款', income({ funds: ['carry.gen'] }), '', ...blank(4)]),
      row(['二、政府性基金预算拨款', income({ funds: ['carry.fund'] }), '', ...blank(4)]),
      row(['三、国有资本经营预算拨款', income({ funds: ['carry.capital'] }), '', ...blank(4)]),
      row(['收入总计', income({ funds: FISCAL }), '支出总计', ...FISCAL_SPEND], { style: 'total' }),
    ),
  ],
  notes: [],
};

/** The 财政拨款支出表 family: one fiscal budget by function 类/款/项, basic and project columns. */
function fiscalFunctionTable(id: string, title: string, funds: string[], emptyNote?: string): TableSpec {
  const columns = within({ funds }, [spend(), spend({ natures: ['basic'] }), spend({ natures: ['project'] })]);
  return {
    id,
    number: '',
    title,
    meta: META,
    header: [[...FUNCTION_HEADER_TOP, h('基本支出', 1, 2), h('项目支出', 1, 2)], [h('科目编码'), h('科目名称')], columnNumbers(5)],
    columnCount: 6,
    body: [
      numbered(row(['', '合计', ...columns], { style: 'total', skipWhenZero: true }), {
        kind: 'rows',
        group: FUNCTION_LEVELS,
        where: { funds },
        cells: { leaf: [field('code'), field('name'), ...columns] },
      }),
    ],
    notes: [],
    ...(emptyNote ? { emptyNote } : {}),
  };
}

/** 一般公共预算财政拨款基本支出表: 部门经济 类 and 款 rows, personnel and public parts. */
const BASIC_COLUMNS: CellSpec[] = [spend(), spend({ basicPart: 'personnel' }), spend({ basicPart: 'public' })];
const GENERAL_BASIC = { funds: GEN, natures: ['basic' as const] };

const generalBasic: TableSpec = {
  id: 'general-budget-basic',
  number: '',
  title: '部门预算一般公共预算财政拨款基本支出表',
  meta: META,
  header: [
    [h('序号', 1, 2), h('支出部门经济分类科目', 2), h('一般公共预算基本支出', 3)],
    [h('科目编码'), h('科目名称'), h('合计'), h('人员经费'), h('公用经费')],
    columnNumbers(5),
  ],
  columnCount: 6,
  body: [
    numbered(row(['', '合计', ...within(GENERAL_BASIC, BASIC_COLUMNS)], { style: 'total' }), {
      kind: 'rows',
      group: { dim: 'deptEcon', levels: ['class', 'section'] },
      where: GENERAL_BASIC,
      cells: { leaf: [field('code'), field('name'), ...BASIC_COLUMNS] },
    }),
  ],
  notes: [],
};

/** 三公 by fiscal budget. The model has no split of 30212 for 教学科研人员, so that row is always zero. */
const SAN_GONG_COLUMNS: CellSpec[] = FISCAL_SPEND;
const sanGong = (label: string, codes: string[]): FixedRow => row([label, ...within({ deptEcon: codes }, SAN_GONG_COLUMNS)]);
const SAN_GONG_CODES = ['30212', '31013', '30231', '30217'];

const threePublic: TableSpec = {
  id: 'three-public',
  number: '',
  title: '部门预算财政拨款“三公”经费支出表',
  meta: META,
  header: [
    [h('序号', 1, 2), h('项目', 1, 2), h('资金性质', 4)],
    [h('合计'), h('一般公共预算财政拨款'), h('政府性基金预算拨款'), h('国有资本经营预算财政拨款')],
    columnNumbers(5),
  ],
  columnCount: 6,
  body: [
    numbered(
      { ...sanGong('合计', SAN_GONG_CODES), style: 'total' },
      sanGong('“三公”经费小计', SAN_GONG_CODES),
      sanGong('一、因公出国（境）费', ['30212']),
      row(['其中：教学科研人员因公出国（境）费', ...SAN_GONG_COLUMNS.map((): CellSpec => ({ money: 'zero' }))]),
      sanGong('其他因公出国（境）费', ['30212']),
      sanGong('二、公务用车购置及运维费', ['31013', '30231']),
      sanGong('其中：公务用车购置费', ['31013']),
      sanGong('公务用车运行维护费', ['30231']),
      sanGong('三、公务接待费', ['30217']),
    ),
  ],
  notes: [],
};

/** 部门机构设置情况: a unit's 单位规格 and 经费保障形式 print empty when not given. */
const organization: TableSpec = {
  id: 'organization',
  number: '',
  title: '部门机构设置情况',
  meta: [],
  header: [[h('单位名称'), h('单位性质'), h('单位规格'), h('经费保障形式')]],
  columnCount: 4,
  body: [
    {
      kind: 'unitRows',
      kindNames: { admin: '行政', civilServantManaged: '参公事业', institution: '事业' },
      cells: [attr('name'), attr('kind'), attr('grade'), attr('fundingForm')],
    },
  ],
  notes: [],
};

/** 项目绩效目标表: one form per project, numbered as printed ("1", "2" …). */
const projectPerformance: TableSpec = {
  id: 'project-performance-{projectCode}',
  number: '{projectIndex}',
  title: '{projectName}绩效目标表',
  meta: ['单位：万元'],
  header: [],
  columnCount: 7,
  kind: 'form',
  perProject: {},
  body: [
    { kind: 'projectRow', cells: ['项目编码', attr('code'), '', '项目名称', attr('name'), '', ''] },
    row(['预算规模及资金用途', '预算数', spend(), '其中：财政资金', spend({ funds: FISCAL }), '其他资金', sum([2], [4])]),
    { kind: 'projectRow', cells: ['', attr('purpose')] },
    row(['资金支出计划（%）', '3月底', '', '6月底', '10月底', '12月底', '']),
    { kind: 'projectRow', cells: ['', attr('march'), '', attr('june'), attr('october'), attr('december'), ''] },
    { kind: 'projectRow', cells: ['绩效目标', attr('goal')] },
    row(['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据', '']),
    {
      kind: 'indicatorRows',
      source: 'project',
      collapse: ['level1'],
      cells: [attr('level1'), attr('level2'), attr('level3'), attr('description'), attr('value'), attr('valueNote'), ''],
    },
  ],
  notes: [],
};

/** 政府采购预算: every procurement item of every project and of basic spending (公用类项目1), by fund. */
const PROCUREMENT_MONEY: CellSpec[] = [
  attr('amount'),
  spend({ funds: ['gen'] }),
  spend({ funds: ['fund'] }),
  spend({ funds: ['capital'] }),
  spend({ funds: ['specialAccount'] }),
  spend({ funds: ['unit'] }),
  spend({ funds: ['carry'] }),
  attr('smallFirmAmount'),
];

const procurement: TableSpec = {
  id: 'procurement',
  number: '',
  title: '部门政府采购预算',
  meta: ['{departmentCode} {departmentName}', '单位：万元'],
  header: [
    [
      h('政府采购项目来源', 2),
      h('采购物品名称', 1, 2),
      h('政府采购目录序号', 1, 2),
      h('计量单位', 1, 2),
      h('数量', 1, 2),
      h('单价', 1, 2),
      h('政府采购金额（当年部门预算安排资金）', 7),
      h('{year}年预留中小微企业份额', 1, 2),
    ],
    [h('项目名称'), h('预算资金'), h('合计'), h('一般公共预算拨款'), h('基金预算拨款'), h('国有资本经营预算拨款'), h('财政专户核拨'), h('单位资金'), h('上年结转结余')],
  ],
  columnCount: 15,
  body: [
    {
      kind: 'procurementRows',
      totalCells: ['合计', ...blank(6), ...PROCUREMENT_MONEY],
      unitCells: ['{unitName}小计', ...blank(6), ...PROCUREMENT_MONEY],
      itemCells: [field('projectName'), attr('projectAmount'), attr('name'), attr('catalogCode'), attr('measureUnit'), attr('quantity'), attr('unitPrice'), ...PROCUREMENT_MONEY],
    },
  ],
  notes: ['注：同一采购目录序号的物品，其单价会因配置规格不同而变动，均符合资产配置标准。涉密采购事项按照相关规定执行。'],
};

/**
 * 部门固定资产占用情况表: money from assets.figures, areas and counts from assets.quantities (the keys of
 * ASSET_FIGURES, core/workbench/assets.ts), the vehicle count from the vehicle list; a quantity not given prints empty.
 */
const asset = (cells: CellSpec[]): BodyPart => ({ kind: 'assetRow', cells });
const fixedAssets: TableSpec = {
  id: 'fixed-assets',
  number: '',
  title: '部门固定资产占用情况表',
  meta: ['{departmentCode} {departmentName}', '截止时间：{assetsAsOf}'],
  header: [[h('项 目'), h('数量'), h('价值（金额单位：万元）')]],
  columnCount: 3,
  body: [
    asset(['资产总额', '', attr('figure.total')]),
    asset(['1、房屋（平方米）', attr('quantity.buildings'), attr('figure.buildings')]),
    asset(['其中：办公用房（平方米）', attr('quantity.officeBuildings'), attr('figure.officeBuildings')]),
    asset(['2、车辆（台、辆）', attr('vehicleCount'), attr('figure.vehicles')]),
    asset(['3、单价在 20 万元以上的设备', attr('quantity.equipmentOver200k'), attr('figure.equipmentOver200k')]),
    asset(['4、其他固定资产', attr('quantity.otherFixedAssets'), attr('figure.otherFixedAssets')]),
  ],
  notes: [],
};

export const hebei2024: TemplateSpec = {
  id: 'hebei-2024',
  province: '河北',
  name: '河北省部门预算公开（2024）',
  year: 2024,
  money: { unit: 'wan', separators: false, zero: '' },
  conventions: { operatingCostUnits: 'all' },
  tables: [
    incomeExpenditureSummary,
    incomeTable,
    expenditureTable,
    fiscalSummary,
    fiscalFunctionTable('general-budget-expenditure', '部门预算一般公共预算财政拨款支出表', GEN),
    generalBasic,
    fiscalFunctionTable('government-fund', '部门预算政府性基金预算财政拨款支出表', FUND, '注：无政府基金预算财政拨款预算，空表列示。'),
    fiscalFunctionTable('state-capital', '部门预算国有资本经营预算财政拨款支出表', CAPITAL, '注：无国有资本经营预算财政拨款预算，空表列示。'),
    threePublic,
    organization,
    projectPerformance,
    procurement,
    fixedAssets,
  ],
};
