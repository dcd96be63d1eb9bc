/**
 * The fund-source tree (资金来源). Lines carry a leaf code; income and expenditure tables
 * filter by any node, so a column "一般公共预算" sums every leaf below `gen`.
 * 上年结转 (carry-over) money is a separate leaf under each fund so that carry-over spending still
 * counts under its fund in the 财政拨款收支总表.
 */
export interface FundNode {
  code: string;
  name: string;
  nameEn: string;
  children?: FundNode[];
}

export const FUND_TREE: FundNode[] = [
  {
    code: 'gen',
    name: '一般公共预算拨款',
    nameEn: 'General public budget',
    children: [
      { code: 'gen.appropriation', name: '财政拨款', nameEn: 'Fiscal appropriation' },
      { code: 'gen.special', name: '专项收入', nameEn: 'Earmarked revenue' },
      { code: 'gen.fee', name: '行政事业性收费', nameEn: 'Administrative fees' },
      { code: 'gen.asset', name: '国有资产资源有偿使用收入', nameEn: 'State asset use revenue' },
      { code: 'gen.other', name: '其他一般公共预算资金', nameEn: 'Other general budget funds' },
      { code: 'gen.upperAdvance', name: '上级提前下达', nameEn: 'Advance transfers from above' },
      { code: 'gen.bond', name: '一般债券', nameEn: 'General bonds' },
    ],
  },
  {
    code: 'fund',
    name: '政府性基金预算拨款',
    nameEn: 'Government funds',
    children: [
      { code: 'fund.regular', name: '政府性基金预算资金', nameEn: 'Government fund budget' },
      { code: 'fund.upperAdvance', name: '上级提前下达', nameEn: 'Advance transfers from above' },
      { code: 'fund.bond', name: '专项债券', nameEn: 'Special bonds' },
    ],
  },
  { code: 'capital', name: '国有资本经营预算拨款', nameEn: 'State capital operations' },
  { code: 'specialAccount', name: '财政专户管理资金收入', nameEn: 'Fiscal special account funds' },
  {
    code: 'unit',
    name: '单位资金',
    nameEn: 'Unit funds',
    children: [
      { code: 'unit.business', name: '事业收入', nameEn: 'Public service revenue' },
      { code: 'unit.operating', name: '事业单位经营收入', nameEn: 'Business operations revenue' },
      { code: 'unit.upperSubsidy', name: '上级补助收入', nameEn: 'Subsidies from superior' },
      { code: 'unit.affiliate', name: '附属单位上缴收入', nameEn: 'Remittances from affiliates' },
      { code: 'unit.other', name: '其他收入', nameEn: 'Other revenue' },
      { code: 'unit.careerFund', name: '用事业基金弥补收支差额', nameEn: 'Drawn from institution fund' },
    ],
  },
  {
    code: 'carry',
    name: '上年结转结余',
    nameEn: 'Carried over from last year',
    children: [
      { code: 'carry.gen', name: '一般公共预算', nameEn: 'General public budget' },
      { code: 'carry.fund', name: '政府性基金', nameEn: 'Government funds' },
      { code: 'carry.capital', name: '国有资本经营预算', nameEn: 'State capital operations' },
      { code: 'carry.specialAccount', name: '财政专户管理资金', nameEn: 'Fiscal special account funds' },
      { code: 'carry.unit', name: '单位资金', nameEn: 'Unit funds' },
    ],
  },
];

function flatten(nodes: FundNode[], parent: string | null, out: Map<string, { node: FundNode; parent: string | null }>) {
  for (const node of nodes) {
    out.set(node.code, { node, parent });
    if (node.children) flatten(node.children, node.code, out);
  }
  return out;
}

const FUND_INDEX = flatten(FUND_TREE, null, new Map());

export const FUND_LEAVES: string[] = [...FUND_INDEX.values()]
  .filter(({ node }) => !node.children)
  .map(({ node }) => node.code);

export function isFundLeaf(code: string): boolean {
  const entry = FUND_INDEX.get(code);
  return entry !== undefined && !entry.node.children;
}

export function fundNode(code: string): FundNode | undefined {
  return FUND_INDEX.get(code)?.node;
}

/** True when `leaf` is `ancestor` or lies below it ("gen.appropriation" is under "gen"). */
export function fundIsUnder(leaf: string, ancestor: string): boolean {
  for (let code: string | null = leaf; code !== null; code = FUND_INDEX.get(code)?.parent ?? null) {
    if (code === ancestor) return true;
  }
  return false;
}

/**
 * 财政拨款 in the narrow sense of the 财政拨款收支总表: general budget, government funds and state
 * capital, this year's and carried over.
 */
export const FISCAL_FUNDS = ['gen', 'fund', 'capital', 'carry.gen', 'carry.fund', 'carry.capital'];

export function isFiscalFund(leaf: string): boolean {
  return FISCAL_FUNDS.some((ancestor) => fundIsUnder(leaf, ancestor));
}
