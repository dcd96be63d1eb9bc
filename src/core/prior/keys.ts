import { FISCAL_FUNDS } from '../funds';
import type { Measure } from '../tables/spec';

/**
 * What each prior-year figure key means, as the lines it sums: the meaning a published table's
 * cell must have to give that figure. The keys and lines are those of the narrative's figures
 * (src/core/narrative/figures.ts) and the checks' (src/core/checks/figures.ts);
 * tests/unit/prior-figures.test.ts holds all three together on every seed. A cell gives a key
 * when it sums exactly the same lines — or the same lines apart from fund sources the published
 * tables leave out (see Scope).
 */

/** A sum of measures, each added or subtracted: what a key or a table cell means. */
export type Combination = { measure: Measure; sign: 1 | -1 }[];

/**
 * How closely a cell matches a key. "exact": the same lines. "withoutCarryOver": the same lines of
 * this year's money (the table leaves 上年结转 out). "generalBudgetOnly": the same 一般公共预算 lines
 * (the table leaves out 政府性基金, 国有资本经营 and carry-over; keys marked `generalBudgetTables`).
 */
export type Scope = 'exact' | 'withoutCarryOver' | 'generalBudgetOnly';

export interface KeyDefinition {
  key: string;
  meaning: Combination;
  /** Published tables state this figure for 一般公共预算 only (e.g. Henan's 一般公共预算“三公”经费表). */
  generalBudgetTables?: boolean;
}

const GENERAL = ['gen', 'carry.gen'];
const budget = (filter: Omit<Measure, 'source'> = {}): Combination => [{ measure: { source: 'budget', ...filter }, sign: 1 }];
const income = (filter: Omit<Measure, 'source'> = {}): Combination => [{ measure: { source: 'income', ...filter }, sign: 1 }];
const fiscalCodes = (codes: string[]): Combination => budget({ funds: FISCAL_FUNDS, deptEcon: codes });

export const KEY_DEFINITIONS: KeyDefinition[] = [
  { key: 'total', meaning: budget() },
  { key: 'income.total', meaning: income() },
  { key: 'basic', meaning: budget({ natures: ['basic'] }) },
  { key: 'basic.personnel', meaning: budget({ basicPart: 'personnel' }) },
  { key: 'basic.public', meaning: budget({ basicPart: 'public' }) },
  { key: 'project', meaning: budget({ natures: ['project'] }) },
  { key: 'nature.operating', meaning: budget({ natures: ['operating'] }) },
  { key: 'nature.remitUpward', meaning: budget({ natures: ['remitUpward'] }) },
  { key: 'nature.subsidyAffiliates', meaning: budget({ natures: ['subsidyAffiliates'] }) },
  { key: 'fiscal.total', meaning: budget({ funds: FISCAL_FUNDS }) },
  { key: 'fiscal.gen', meaning: budget({ funds: GENERAL }) },
  { key: 'fiscal.fund', meaning: budget({ funds: ['fund', 'carry.fund'] }) },
  { key: 'fiscal.capital', meaning: budget({ funds: ['capital', 'carry.capital'] }) },
  { key: 'fiscal.gen.basic', meaning: budget({ funds: GENERAL, natures: ['basic'] }) },
  { key: 'fiscal.gen.project', meaning: budget({ funds: GENERAL, natures: ['project'] }) },
  { key: 'fiscal.gen.basic.personnel', meaning: budget({ funds: GENERAL, basicPart: 'personnel' }) },
  { key: 'fiscal.gen.basic.public', meaning: budget({ funds: GENERAL, basicPart: 'public' }) },
  { key: 'appropriation.gen', meaning: budget({ funds: ['gen'] }) },
  { key: 'appropriation.fund', meaning: budget({ funds: ['fund'] }) },
  { key: 'appropriation.capital', meaning: budget({ funds: ['capital'] }) },
  { key: 'income.fiscal', meaning: income({ funds: FISCAL_FUNDS }) },
  { key: 'income.gen', meaning: income({ funds: ['gen'] }) },
  { key: 'income.fund', meaning: income({ funds: ['fund'] }) },
  { key: 'income.capital', meaning: income({ funds: ['capital'] }) },
  { key: 'income.specialAccount', meaning: income({ funds: ['specialAccount'] }) },
  { key: 'income.unit', meaning: income({ funds: ['unit'] }) },
  { key: 'income.carry', meaning: income({ funds: ['carry'] }) },
  { key: 'sanGong.total', meaning: fiscalCodes(['30212', '30217', '31013', '30231']), generalBudgetTables: true },
  { key: 'sanGong.abroad', meaning: fiscalCodes(['30212']), generalBudgetTables: true },
  { key: 'sanGong.reception', meaning: fiscalCodes(['30217']), generalBudgetTables: true },
  { key: 'sanGong.vehicle', meaning: fiscalCodes(['31013', '30231']), generalBudgetTables: true },
  { key: 'sanGong.vehiclePurchase', meaning: fiscalCodes(['31013']), generalBudgetTables: true },
  { key: 'sanGong.vehicleRunning', meaning: fiscalCodes(['30231']), generalBudgetTables: true },
  { key: 'meeting', meaning: fiscalCodes(['30215']), generalBudgetTables: true },
  { key: 'training', meaning: fiscalCodes(['30216']), generalBudgetTables: true },
];

/** Keys that are the same figure under another name: read once, stored under both. */
export const KEY_ALIASES: Record<string, string[]> = {
  'fiscal.gen': ['general.total'],
  'fiscal.fund': ['fund.total'],
};

/**
 * Keys by code ("function.2101501", "deptEcon.302", "govEcon.50501"): 一般公共预算 lines (this year's
 * and carried over) with that code or a longer one.
 */
export const CODE_FAMILIES = [
  { dimension: 'function', filterKey: 'functions', base: budget({ funds: GENERAL }), lengths: [3, 5, 7] },
  { dimension: 'deptEcon', filterKey: 'deptEcon', base: budget({ funds: GENERAL }), lengths: [3, 5] },
  { dimension: 'govEcon', filterKey: 'govEcon', base: budget({ funds: GENERAL }), lengths: [3, 5] },
] as const;

export const CODE_KEY_PATTERN = /^(function|deptEcon|govEcon)\.\d{3}(\d{2}){0,2}$/;

export type CodeDimension = (typeof CODE_FAMILIES)[number]['dimension'];

/** 机关运行经费: 财政拨款 公用经费 of the units the template counts. */
export function operatingCostDefinition(units: 'all' | 'adminOnly'): KeyDefinition {
  return {
    key: 'operatingCost',
    meaning: budget({ funds: FISCAL_FUNDS, basicPart: 'public', ...(units === 'adminOnly' ? { unitKinds: ['admin'] } : {}) }),
    generalBudgetTables: true,
  };
}
