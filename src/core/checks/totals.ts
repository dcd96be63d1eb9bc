import { fundIsUnder, isFiscalFund } from '../funds';
import type { Fen } from '../money';
import type { BudgetLine, IncomeLine, Nature } from '../model';
import { isPersonnelEcon } from '../tables/filter';

/**
 * Running totals the aggregate rules read. Lines are added and removed one at a time (sign ±1),
 * so an incremental check session keeps them current in O(1) per changed line. Entries that
 * fall back to zero are deleted, so the totals after any sequence of edits equal the totals
 * built from scratch.
 */
export interface FundBalance {
  income: Fen;
  expenditure: Fen;
  /** Lines (income and budget) counted in this entry. */
  lines: number;
}

export interface UnitTotals {
  income: Fen;
  expenditure: Fen;
  incomeLines: number;
  budgetLines: number;
  /** By balance group: the fund's top node with its carry-over folded in ("gen" holds carry.gen). */
  byGroup: Map<string, FundBalance>;
  /** By fund leaf. */
  byLeaf: Map<string, FundBalance>;
}

export interface ProjectTotals {
  amount: Fen;
  lines: number;
}

/** 三公 and related 部门经济款 codes; their figures count 财政拨款 lines only. */
export const SAN_GONG_CODES = {
  abroad: '30212',
  reception: '30217',
  vehiclePurchase: '31013',
  vehicleRunning: '30231',
} as const;
export const MEETING_CODE = '30215';
export const TRAINING_CODE = '30216';

/**
 * Balance group of a fund leaf for identity 2: its top node, with 上年结转 folded into the fund it
 * came from ("carry.gen" → "gen"), since carried-over money is spent under its own fund.
 */
export function balanceGroup(fund: string): string {
  if (fund.startsWith('carry.')) return fund.slice('carry.'.length);
  const dot = fund.indexOf('.');
  return dot === -1 ? fund : fund.slice(0, dot);
}

interface FundFlags {
  fiscal: boolean;
  /** 一般公共预算, this year's or carried over: the scope of the narrative's code breakdowns. */
  general: boolean;
  governmentFund: boolean;
  stateCapital: boolean;
}

const fundFlagCache = new Map<string, FundFlags>();

export function fundFlags(fund: string): FundFlags {
  let flags = fundFlagCache.get(fund);
  if (!flags) {
    flags = {
      fiscal: isFiscalFund(fund),
      general: fundIsUnder(fund, 'gen') || fundIsUnder(fund, 'carry.gen'),
      governmentFund: fundIsUnder(fund, 'fund') || fundIsUnder(fund, 'carry.fund'),
      stateCapital: fundIsUnder(fund, 'capital') || fundIsUnder(fund, 'carry.capital'),
    };
    fundFlagCache.set(fund, flags);
  }
  return flags;
}

const NATURE_KEYS: Record<Nature, string> = {
  basic: 'basic',
  project: 'project',
  operating: 'nature.operating',
  remitUpward: 'nature.remitUpward',
  subsidyAffiliates: 'nature.subsidyAffiliates',
};

export type CodeKind = 'function' | 'deptEcon' | 'govEcon';

export class Totals {
  income: Fen = 0;
  expenditure: Fen = 0;
  readonly units = new Map<string, UnitTotals>();
  readonly projects = new Map<string, ProjectTotals>();
  /** Named figures (see figures.ts for the keys); absent means zero. */
  readonly figures = new Map<string, Fen>();
  /**
   * 一般公共预算 amounts by full code, per classification; figures for a 类 or 款 ("function.210")
   * are summed from these on demand, which keeps adding a line to a handful of map updates.
   */
  readonly generalByCode: Record<CodeKind, Map<string, Fen>> = { function: new Map(), deptEcon: new Map(), govEcon: new Map() };

  /** `countsForOperatingCost(unitId)`: does this unit's 公用经费 count as 机关运行经费? */
  constructor(private readonly countsForOperatingCost: (unitId: string) => boolean) {}

  addBudgetLine(line: BudgetLine, sign: 1 | -1): void {
    const amount = sign * line.amount;
    this.expenditure += amount;
    const unit = this.unit(line.unitId);
    unit.expenditure += amount;
    unit.budgetLines += sign;
    addBalance(unit.byGroup, balanceGroup(line.fund), 'expenditure', amount, sign);
    addBalance(unit.byLeaf, line.fund, 'expenditure', amount, sign);
    this.pruneUnit(line.unitId, unit);
    if (line.projectId !== null) {
      const project = this.projects.get(line.projectId) ?? { amount: 0, lines: 0 };
      project.amount += amount;
      project.lines += sign;
      if (project.lines === 0) this.projects.delete(line.projectId);
      else this.projects.set(line.projectId, project);
    }
    this.addLineFigures(line, amount);
  }

  addIncomeLine(line: IncomeLine, sign: 1 | -1): void {
    const amount = sign * line.amount;
    this.income += amount;
    const unit = this.unit(line.unitId);
    unit.income += amount;
    unit.incomeLines += sign;
    addBalance(unit.byGroup, balanceGroup(line.fund), 'income', amount, sign);
    addBalance(unit.byLeaf, line.fund, 'income', amount, sign);
    this.pruneUnit(line.unitId, unit);
    this.addFigure('income.total', amount);
  }

  projectTotals(projectId: string): ProjectTotals {
    return this.projects.get(projectId) ?? { amount: 0, lines: 0 };
  }

  private unit(unitId: string): UnitTotals {
    let unit = this.units.get(unitId);
    if (!unit) {
      unit = { income: 0, expenditure: 0, incomeLines: 0, budgetLines: 0, byGroup: new Map(), byLeaf: new Map() };
      this.units.set(unitId, unit);
    }
    return unit;
  }

  private pruneUnit(unitId: string, unit: UnitTotals): void {
    if (unit.incomeLines === 0 && unit.budgetLines === 0) this.units.delete(unitId);
  }

  private addLineFigures(line: BudgetLine, amount: Fen): void {
    const flags = fundFlags(line.fund);
    this.addFigure('total', amount);
    this.addFigure(NATURE_KEYS[line.nature], amount);
    const personnel = isPersonnelEcon(line.deptEconCode);
    if (line.nature === 'basic') this.addFigure(personnel ? 'basic.personnel' : 'basic.public', amount);
    if (flags.governmentFund) this.addFigure('fund.total', amount);
    if (!flags.fiscal) return;
    this.addFigure('fiscal.total', amount);
    if (flags.governmentFund) this.addFigure('fiscal.fund', amount);
    if (flags.stateCapital) this.addFigure('fiscal.capital', amount);
    const code = line.deptEconCode;
    if (code === SAN_GONG_CODES.abroad) this.addFigure('sanGong.abroad', amount);
    else if (code === SAN_GONG_CODES.reception) this.addFigure('sanGong.reception', amount);
    else if (code === SAN_GONG_CODES.vehiclePurchase) this.addFigure('sanGong.vehiclePurchase', amount);
    else if (code === SAN_GONG_CODES.vehicleRunning) this.addFigure('sanGong.vehicleRunning', amount);
    else if (code === MEETING_CODE) this.addFigure('meeting', amount);
    else if (code === TRAINING_CODE) this.addFigure('training', amount);
    if (line.nature === 'basic' && !personnel && this.countsForOperatingCost(line.unitId)) this.addFigure('operatingCost', amount);
    if (!flags.general) return;
    this.addFigure('fiscal.gen', amount);
    addAmount(this.generalByCode.function, line.functionCode, amount);
    addAmount(this.generalByCode.deptEcon, code, amount);
    addAmount(this.generalByCode.govEcon, line.govEconCode, amount);
  }

  private addFigure(key: string, amount: Fen): void {
    addAmount(this.figures, key, amount);
  }

  /** The 一般公共预算 total of a code and every code below it ("210" sums 2101501 …). */
  codeFigure(kind: CodeKind, prefix: string): Fen {
    let sum = 0;
    for (const [code, amount] of this.generalByCode[kind]) if (code.startsWith(prefix)) sum += amount;
    return sum;
  }
}

function addAmount(map: Map<string, Fen>, key: string, amount: Fen): void {
  const value = (map.get(key) ?? 0) + amount;
  if (value === 0) map.delete(key);
  else map.set(key, value);
}

function addBalance(map: Map<string, FundBalance>, key: string, side: 'income' | 'expenditure', amount: Fen, sign: 1 | -1) {
  let entry = map.get(key);
  if (!entry) {
    entry = { income: 0, expenditure: 0, lines: 0 };
    map.set(key, entry);
  }
  entry[side] += amount;
  entry.lines += sign;
  if (entry.lines === 0) map.delete(key);
}
