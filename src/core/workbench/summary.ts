import type { Catalog } from '../catalog';
import { figureValue } from '../checks/figures';
import { Totals } from '../checks/totals';
import { FUND_TREE, fundIsUnder } from '../funds';
import type { Fen } from '../money';
import type { Nature, Workbook } from '../model';
import { isPersonnelEcon } from '../tables/filter';

/** What the summary charts show, computed from the lines; amounts in 分. */
export interface SummaryFigures {
  /** Income by top fund source (上年结转 on its own), in fund-tree order, zero sources left out. */
  incomeByFund: { fund: string; amount: Fen }[];
  /** Expenditure by 功能分类 类, largest first. */
  byFunctionClass: { code: string; name: string; amount: Fen }[];
  /** Expenditure by nature, 基本支出 split into 人员经费 and 公用经费. */
  byNature: { key: 'basic.personnel' | 'basic.public' | Exclude<Nature, 'basic'>; amount: Fen }[];
  /** Figures the narrative compares with last year: this year's value and last year's (null when unknown). */
  change: { key: string; current: Fen; prior: Fen | null }[];
}

export const CHANGE_KEYS = ['income.total', 'total', 'basic', 'project', 'fiscal.total', 'sanGong.total', 'operatingCost'] as const;

export function summaryFigures(workbook: Workbook, catalog: Catalog): SummaryFigures {
  const income = new Map<string, Fen>();
  for (const line of workbook.incomeLines) {
    const top = FUND_TREE.find((node) => fundIsUnder(line.fund, node.code))?.code ?? line.fund;
    income.set(top, (income.get(top) ?? 0) + line.amount);
  }
  const classes = new Map<string, Fen>();
  const natures = new Map<string, Fen>();
  const totals = new Totals(() => true);
  for (const line of workbook.incomeLines) totals.addIncomeLine(line, 1);
  for (const line of workbook.budgetLines) {
    totals.addBudgetLine(line, 1);
    const code = line.functionCode.slice(0, 3);
    classes.set(code, (classes.get(code) ?? 0) + line.amount);
    const key = line.nature === 'basic' ? (isPersonnelEcon(line.deptEconCode) ? 'basic.personnel' : 'basic.public') : line.nature;
    natures.set(key, (natures.get(key) ?? 0) + line.amount);
  }
  const natureOrder = ['basic.personnel', 'basic.public', 'project', 'operating', 'remitUpward', 'subsidyAffiliates'] as const;
  return {
    incomeByFund: FUND_TREE.map((node) => ({ fund: node.code, amount: income.get(node.code) ?? 0 })).filter((entry) => entry.amount !== 0),
    byFunctionClass: [...classes]
      .filter(([, amount]) => amount !== 0)
      .map(([code, amount]) => ({ code, name: catalog.lookupFunction(code)?.name ?? code, amount }))
      .sort((a, b) => b.amount - a.amount || (a.code < b.code ? -1 : 1)),
    byNature: natureOrder.map((key) => ({ key, amount: natures.get(key) ?? 0 })).filter((entry) => entry.amount !== 0),
    change: CHANGE_KEYS.map((key) => ({ key, current: figureValue(totals, key) ?? 0, prior: workbook.priorYear.figures[key] ?? null })),
  };
}
