import { NO_HITS, type Hit, type Rule } from '../types';
import { budgetLineAt, hit, lineRule, workbookRule } from './define';

/** Lines that are legal but look mistyped: a function 项 of the other unit kind, an amount of 0, a stray magnitude. */

/** 元 typed into a 万元 grid is 10,000 times too large: the factor a line must exceed its peers by to be flagged. */
const OUT_OF_PROPORTION = 10_000;
/** Below this many other lines there is no telling what the line's peers look like. */
const MIN_PEERS = 4;

export const lineReviewRules: Rule[] = [
  lineRule({
    id: 'line.functionUnitKind',
    severity: 'warning',
    messageKey: 'checks:functionUnitKind',
    description:
      'A 功能分类 项 named for one unit kind is used by a unit of that kind: 行政运行 / 行政单位医疗 / 行政单位离退休 … by administrative units, 事业运行 / 事业单位医疗 / 事业单位离退休 … by public institutions (from the catalogue\'s names; 参公 units may use either).',
    collection: 'budgetLines',
    evaluate: (line, { catalog, unitsById }) => {
      const unit = unitsById.get(line.unitId);
      if (!unit || unit.kind === 'civilServantManaged') return NO_HITS;
      const named = catalog.functionUnitKind?.(line.functionCode);
      if (!named || named.kind === unit.kind) return NO_HITS;
      return hit(
        { code: line.functionCode, namedKind: named.kind, unitName: unit.name, kind: unit.kind, expected: named.counterpart ?? '—' },
        budgetLineAt(line.id, 'functionCode'),
      );
    },
  }),
  lineRule({
    id: 'line.zeroAmount',
    severity: 'warning',
    messageKey: 'checks:lineZeroAmount',
    description: 'A budget line has an amount: a line saved at 0.00 prints as an empty or zero row (usually an amount typed into another row).',
    collection: 'budgetLines',
    evaluate: (line) => (line.amount === 0 ? hit({}, budgetLineAt(line.id, 'amount')) : NO_HITS),
  }),
  workbookRule({
    id: 'line.outOfProportion',
    severity: 'warning',
    messageKey: 'checks:lineOutOfProportion',
    description:
      'No line is 10,000 times the average of the other lines (at least 4 of them): the size of 元 typed into a 万元 grid.',
    evaluate: ({ workbook, money }) => {
      const lines = workbook.budgetLines;
      if (lines.length <= MIN_PEERS) return NO_HITS;
      let total = 0;
      for (const line of lines) total += Math.max(0, line.amount);
      let hits: Hit[] | null = null;
      lines.forEach((line, index) => {
        const peers = (total - Math.max(0, line.amount)) / (lines.length - 1);
        if (peers <= 0 || line.amount < peers * OUT_OF_PROPORTION) return;
        (hits ??= []).push({
          params: {
            row: index + 1,
            amount: money(line.amount),
            average: money(Math.round(peers)),
            moneyUnit: workbook.settings.entryUnit,
            ifYuan: money(Math.round(line.amount / OUT_OF_PROPORTION)),
          },
          location: budgetLineAt(line.id, 'amount'),
        });
      });
      return hits ?? NO_HITS;
    },
  }),
];
