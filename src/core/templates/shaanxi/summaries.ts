import type { Nature } from '../../model';
import type { CellSpec, FixedRow, HeaderCell, LineFilter, TableSpec } from '../../tables/spec';
import { income, row, spend } from '../builders';
import { FISCAL, FISCAL_WITH_CARRY, META, THIS_YEAR, h } from './common';

/**
 * The 收支总表 family (表1, 表4, 表9): income on the left, then spending three ways side by side — by function
 * 类, by 部门经济 类 and by 政府经济 类 — each column pair a list of its own length.
 */

type Item = [label: string, cell: CellSpec];

const HEADER: HeaderCell[][] = [
  [h('收 入', 2), h('支 出', 6)],
  [h('项 目'), h('预算数'), h('支出功能分类科目（按大类）'), h('预算数'), h('部门预算支出经济分类科目（按大类）'), h('预算数'), h('政府预算支出经济分类科目（按大类）'), h('预算数')],
];

/** Four lists side by side, shorter ones padded with empty cells. */
function sideBySide(lists: Item[][], firstRowStyle?: FixedRow['style']): FixedRow[] {
  const length = Math.max(...lists.map((list) => list.length));
  return Array.from({ length }, (_, index) =>
    row(
      lists.flatMap((list) => list[index] ?? ['', '']),
      index === 0 && firstRowStyle ? { style: firstRowStyle } : {},
    ),
  );
}

/** Spending of `funds` narrowed by `filter`. */
const spendOf = (funds: string[]) => (filter: LineFilter) => spend({ funds, ...filter });

/** The 24 function 类 rows of 表1 and 表4. */
const FUNCTION_CLASSES: [string, string][] = [
  ['1、一般公共服务支出', '201'],
  ['2、外交支出', '202'],
  ['3、国防支出', '203'],
  ['4、公共安全支出', '204'],
  ['5、教育支出', '205'],
  ['6、科学技术支出', '206'],
  ['7、文化旅游体育与传媒支出', '207'],
  ['8、社会保障和就业支出', '208'],
  ['9、社会保险基金支出', '209'],
  ['10、卫生健康支出', '210'],
  ['11、节能环保支出', '211'],
  ['12、城乡社区支出', '212'],
  ['13、农林水支出', '213'],
  ['14、交通运输支出', '214'],
  ['15、资源勘探工业信息等支出', '215'],
  ['16、商业服务业等支出', '216'],
  ['17、金融支出', '217'],
  ['18、援助其他地区支出', '219'],
  ['19、自然资源海洋气象等支出', '220'],
  ['20、住房保障支出', '221'],
  ['21、粮油物资储备支出', '222'],
  ['22、国有资本经营预算支出', '223'],
  ['23、灾害防治及应急管理支出', '224'],
  ['24、其他支出', '229'],
];

const basic = (deptEcon?: string[]): LineFilter => ({ natures: ['basic'], ...(deptEcon ? { deptEcon } : {}) });
const project = (deptEcon?: string[]): LineFilter => ({ natures: ['project'], ...(deptEcon ? { deptEcon } : {}) });
const nature = (value: Nature): LineFilter => ({ natures: [value] });

/** 部门经济 类 rows of 表1 and 表4: 人员经费和公用经费 (basic) and 专项业务经费 (projects) by 类, then the other natures. */
const DEPT_ECON_CLASSES: [string, LineFilter][] = [
  ['1、人员经费和公用经费支出', basic()],
  ['(1)工资福利支出', basic(['301'])],
  ['(2)商品和服务支出', basic(['302'])],
  ['(3)对个人和家庭的补助', basic(['303'])],
  ['(4)资本性支出', basic(['310'])],
  ['2、专项业务经费支出', project()],
  ['(1)工资福利支出', project(['301'])],
  ['(2)商品和服务支出', project(['302'])],
  ['(3)对个人和家庭补助', project(['303'])],
  ['(4)债务利息及费用支出', project(['307'])],
  ['(5)资本性支出(基本建设)', project(['309'])],
  ['(6)资本性支出', project(['310'])],
  ['(7)对企业补助(基本建设)', project(['311'])],
  ['(8)对企业补助', project(['312'])],
  ['(9)对社会保障基金补助', project(['313'])],
  ['(10)其他支出', project(['399'])],
  ['3、上缴上级支出', nature('remitUpward')],
  ['4、事业单位经营支出', nature('operating')],
  ['5、对附属单位补助支出', nature('subsidyAffiliates')],
];

/** 政府经济 类 rows of 表1 and 表4; the forms have no rows for 511–514, which count under 其他支出. */
const GOV_ECON_CLASSES: [string, string[]][] = [
  ['1、机关工资福利支出', ['501']],
  ['2、机关商品和服务支出', ['502']],
  ['3、机关资本性支出（一）', ['503']],
  ['4、机关资本性支出（二）', ['504']],
  ['5、对事业单位经常性补助', ['505']],
  ['6、对事业单位资本性补助', ['506']],
  ['7、对企业补助', ['507']],
  ['8、对企业资本性支出', ['508']],
  ['9、对个人和家庭的补助', ['509']],
  ['10、对社会保障基金补助', ['510']],
  ['11、其他支出', ['511', '512', '513', '514', '599']],
];

/** The budget plans no year-end carry-over: 结转下年 is always zero. */
const yearEndCarry = (): CellSpec[] => ['结转下年', { money: 'zero' }, '结转下年', { money: 'zero' }, '结转下年', { money: 'zero' }];

/** 表4 部门综合预算财政拨款收支总表. */
export function fiscalSummary(): TableSpec {
  const fiscal = spendOf(FISCAL_WITH_CARRY);
  const total = fiscal({});
  return {
    id: 'fiscal-summary',
    number: '表4',
    title: '部门综合预算财政拨款收支总表',
    meta: META,
    header: HEADER,
    columnCount: 8,
    zero: '0',
    body: [
      ...sideBySide(
        [
          [
            ['一、财政拨款', income({ funds: FISCAL })],
            ['1、一般公共预算拨款', income({ funds: ['gen'] })],
            ['其中：专项资金列入部门预算的项目', ''],
            ['2、政府性基金拨款', income({ funds: ['fund'] })],
            ['3、国有资本经营预算收入', income({ funds: ['capital'] })],
          ],
          [['一、财政拨款', total], ...FUNCTION_CLASSES.map(([label, code]): Item => [label, fiscal({ functions: [code] })])],
          [['一、财政拨款', total], ...DEPT_ECON_CLASSES.map(([label, filter]): Item => [label, fiscal(filter)])],
          [['一、财政拨款', total], ...GOV_ECON_CLASSES.map(([label, govEcon]): Item => [label, fiscal({ govEcon })])],
        ],
        'total',
      ),
      row(['本年收入合计', income({ funds: FISCAL }), '本年支出合计', total, '本年支出合计', total, '本年支出合计', total], { style: 'total' }),
      row(['上年结转', income({ funds: ['carry.gen', 'carry.fund', 'carry.capital'] }), ...yearEndCarry()], { style: 'total' }),
      row(['收入总计', income({ funds: FISCAL_WITH_CARRY }), '支出总计', total, '支出总计', total, '支出总计', total], { style: 'total' }),
    ],
    notes: [],
  };
}

/** 表1 部门综合预算收支总表: 表4's layout over every kind of money. Not printed in the seed: no ground truth. */
export function incomeExpenditureSummary(): TableSpec {
  const all = spendOf(['gen', 'fund', 'capital', 'specialAccount', 'unit', 'carry']);
  const total = all({});
  return {
    id: 'income-expenditure-summary',
    number: '表1',
    title: '部门综合预算收支总表',
    meta: META,
    header: HEADER,
    columnCount: 8,
    zero: '0',
    body: [
      ...sideBySide([
        [
          ['一、财政拨款', income({ funds: FISCAL })],
          ['1、一般公共预算拨款', income({ funds: ['gen'] })],
          ['其中：专项资金列入部门预算的项目', ''],
          ['2、政府性基金拨款', income({ funds: ['fund'] })],
          ['3、国有资本经营预算收入', income({ funds: ['capital'] })],
          ['二、财政专户管理资金收入', income({ funds: ['specialAccount'] })],
          ['三、单位资金', income({ funds: ['unit'] })],
          ['1、事业收入', income({ funds: ['unit.business'] })],
          ['2、事业单位经营收入', income({ funds: ['unit.operating'] })],
          ['3、上级补助收入', income({ funds: ['unit.upperSubsidy'] })],
          ['4、附属单位上缴收入', income({ funds: ['unit.affiliate'] })],
          ['5、其他收入', income({ funds: ['unit.other'] })],
          ['6、用事业基金弥补收支差额', income({ funds: ['unit.careerFund'] })],
        ],
        FUNCTION_CLASSES.map(([label, code]): Item => [label, all({ functions: [code] })]),
        DEPT_ECON_CLASSES.map(([label, filter]): Item => [label, all(filter)]),
        GOV_ECON_CLASSES.map(([label, govEcon]): Item => [label, all({ govEcon })]),
      ]),
      row(['本年收入合计', income({ funds: THIS_YEAR }), '本年支出合计', total, '本年支出合计', total, '本年支出合计', total], { style: 'total' }),
      row(['上年结转', income({ funds: ['carry'] }), ...yearEndCarry()], { style: 'total' }),
      row(['收入总计', income(), '支出总计', total, '支出总计', total, '支出总计', total], { style: 'total' }),
    ],
    notes: [],
  };
}

/** 表9 部门综合预算政府性基金收支表: the 类 a government fund can pay, as the form lists them. */
export function governmentFund(): TableSpec {
  const funds = ['fund', 'carry.fund'];
  const fund = spendOf(funds);
  const chinese = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const functions: [string, string][] = [
    ['科学技术支出', '206'],
    ['文化旅游体育与传媒支出', '207'],
    ['社会保障和就业支出', '208'],
    ['节能环保支出', '211'],
    ['城乡社区支出', '212'],
    ['农林水支出', '213'],
    ['交通运输支出', '214'],
    ['资源勘探工业信息等支出', '215'],
    ['金融支出', '217'],
    ['其他支出', '229'],
  ];
  // This form has no row for 510 either: it counts under 其他支出 with 511–514.
  const govEcon: [string, string[]][] = [
    ['一、机关工资福利支出', ['501']],
    ['二、机关商品和服务支出', ['502']],
    ['三、机关资本性支出（一）', ['503']],
    ['四、机关资本性支出（二）', ['504']],
    ['五、对事业单位经常性补助', ['505']],
    ['六、对事业单位资本性补助', ['506']],
    ['七、对企业补助', ['507']],
    ['八、对企业资本性支出', ['508']],
    ['九、对个人和家庭的补助', ['509']],
    ['十、其他支出', ['510', '511', '512', '513', '514', '599']],
  ];
  const deptEcon: [string, LineFilter][] = [
    ['一、人员经费和公用经费支出', basic()],
    ['工资福利支出', basic(['301'])],
    ['商品和服务支出', basic(['302'])],
    ['对个人和家庭的补助', basic(['303'])],
    ['其他资本性支出', basic(['310'])],
    ['二、专项业务经费支出', project()],
    ['工资福利支出', project(['301'])],
    ['商品和服务支出', project(['302'])],
    ['对个人和家庭的补助', project(['303'])],
    ['债务付息及费用支出', project(['307'])],
    ['资本性支出（基本建设）', project(['309'])],
    ['资本性支出', project(['310'])],
    ['对企业补助（基本建设）', project(['311'])],
    ['对企业补助', project(['312'])],
    ['对社会保障基金补助', project(['313'])],
    ['其他支出', project(['399'])],
    ['三、上缴上级支出', nature('remitUpward')],
    ['四、事业单位经营支出', nature('operating')],
    ['五、对附属单位补助支出', nature('subsidyAffiliates')],
  ];
  const total = fund({});
  return {
    id: 'government-fund',
    number: '',
    title: '部门综合预算政府性基金收支表',
    meta: META,
    header: HEADER,
    columnCount: 8,
    zero: '0',
    body: [
      ...sideBySide([
        [['一、政府性基金拨款', income({ funds: ['fund'] })]],
        functions.map(([label, code], index): Item => [`${chinese[index]}、${label}`, fund({ functions: [code] })]),
        deptEcon.map(([label, filter]): Item => [label, fund(filter)]),
        govEcon.map(([label, codes]): Item => [label, fund({ govEcon: codes })]),
      ]),
      row(['本年收入合计', income({ funds: ['fund'] }), '本年支出合计', total, '本年支出合计', total, '本年支出合计', total], { style: 'total' }),
    ],
    notes: [],
  };
}
