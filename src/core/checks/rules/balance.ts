import { FUND_LEAVES, FUND_TREE, isFundLeaf } from '../../funds';
import { balanceGroup, type FundBalance } from '../totals';
import { NO_HITS, type CheckContext, type Hit, type Rule } from '../types';
import { hit, lineRule, workbookRule } from './define';

/**
 * The balancing identities over running totals: 收入总计 = 支出总计 (identity 1) and, per unit and
 * fund source, income = expenditure (identity 2). The model keeps no 年终结转结余, so both sides
 * of identity 1's second form are the same sums; 上年结转 income (carry.*) is spent under its own
 * fund and counts there.
 */
const GROUP_ORDER = FUND_TREE.map((node) => node.code).filter((code) => code !== 'carry');

function ordered(map: Map<string, FundBalance>, order: readonly string[]): [string, FundBalance][] {
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  return [...map.entries()].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function amounts(context: CheckContext, income: number, expenditure: number) {
  return {
    income: context.money(income),
    expenditure: context.money(expenditure),
    difference: context.money(Math.abs(income - expenditure)),
    moneyUnit: context.workbook.settings.entryUnit,
  };
}

export const balanceRules: Rule[] = [
  workbookRule({
    id: 'totals.balanced',
    severity: 'error',
    messageKey: 'checks:totalsUnbalanced',
    description: '收入总计 = 支出总计: all income lines (上年结转 included) equal all budget lines (identity 1).',
    evaluate: (context) => {
      const { income, expenditure } = context.totals;
      if (income === expenditure) return NO_HITS;
      return hit(amounts(context, income, expenditure), {
        entity: 'workbook',
        field: 'total',
        tables: [{ tableId: 'incomeLines' }, { tableId: 'budgetLines' }],
      });
    },
  }),
  lineRule({
    id: 'unit.noIncome',
    severity: 'error',
    messageKey: 'checks:unitWithoutIncome',
    description: 'A unit with budget lines has income lines to pay for them (identity 2).',
    collection: 'units',
    evaluate: (unit, context) => {
      const totals = context.totals.units.get(unit.id);
      if (!totals || totals.budgetLines === 0 || totals.incomeLines > 0) return NO_HITS;
      return hit(
        { unitName: unit.name, expenditure: context.money(totals.expenditure), moneyUnit: context.workbook.settings.entryUnit },
        { entity: 'unit', id: unit.id, field: 'income', tables: [{ tableId: 'incomeLines' }] },
      );
    },
  }),
  lineRule({
    id: 'unit.fundBalanced',
    severity: 'error',
    messageKey: 'checks:unitFundUnbalanced',
    description:
      'For each unit and fund source (一般公共预算, 政府性基金, 国有资本经营, 财政专户, 单位资金 — each with its own 上年结转), income = expenditure (identity 2). Units with no income at all are left to "unit.noIncome".',
    collection: 'units',
    evaluate: (unit, context) => {
      const totals = context.totals.units.get(unit.id);
      if (!totals || totals.incomeLines === 0) return NO_HITS;
      const hits: Hit[] = [];
      for (const [group, balance] of ordered(totals.byGroup, GROUP_ORDER)) {
        if (balance.income === balance.expenditure) continue;
        hits.push({
          params: { unitName: unit.name, group: GROUP_ORDER.includes(group) ? group : 'other', ...amounts(context, balance.income, balance.expenditure) },
          location: { entity: 'unit', id: unit.id, field: 'fund', tables: [{ tableId: 'incomeLines' }, { tableId: 'budgetLines' }] },
        });
      }
      return hits;
    },
  }),
  lineRule({
    id: 'unit.fundLeafBalanced',
    severity: 'warning',
    messageKey: 'checks:unitFundLeafUnbalanced',
    description:
      'Within a fund source that balances, income and expenditure also agree per fund leaf (财政拨款, 专项收入, 上级提前下达 …, 上年结转), so the income table and the fiscal table tell the same story.',
    collection: 'units',
    evaluate: (unit, context) => {
      const totals = context.totals.units.get(unit.id);
      if (!totals || totals.incomeLines === 0) return NO_HITS;
      const hits: Hit[] = [];
      for (const [fund, balance] of ordered(totals.byLeaf, FUND_LEAVES)) {
        // A fund that is no leaf is reported by line.unknownFund / income.unknownFund instead.
        if (balance.income === balance.expenditure || !isFundLeaf(fund)) continue;
        const group = totals.byGroup.get(balanceGroup(fund));
        if (group && group.income !== group.expenditure) continue;
        hits.push({
          params: { unitName: unit.name, fund, ...amounts(context, balance.income, balance.expenditure) },
          location: { entity: 'unit', id: unit.id, field: 'fund', tables: [{ tableId: 'incomeLines' }, { tableId: 'budgetLines' }] },
        });
      }
      return hits;
    },
  }),
];
