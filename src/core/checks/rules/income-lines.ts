import { isFundLeaf } from '../../funds';
import { NO_HITS, type Rule } from '../types';
import { hit, incomeLineAt, lineRule } from './define';

/** Rules over one income line (收入); the engine adds params.row (position in workbook.incomeLines + 1). */
export const incomeLineRules: Rule[] = [
  lineRule({
    id: 'income.unknownUnit',
    severity: 'error',
    messageKey: 'checks:incomeUnknownUnit',
    description: "The income line's unit exists.",
    collection: 'incomeLines',
    evaluate: (line, { unitsById }) =>
      unitsById.has(line.unitId) ? NO_HITS : hit({ unitId: line.unitId }, incomeLineAt(line.id, 'unitId')),
  }),
  lineRule({
    id: 'income.unknownFund',
    severity: 'error',
    messageKey: 'checks:incomeUnknownFund',
    description: 'The income line names a fund-source leaf of the fund tree.',
    collection: 'incomeLines',
    evaluate: (line) => (isFundLeaf(line.fund) ? NO_HITS : hit({ fund: line.fund }, incomeLineAt(line.id, 'fund'))),
  }),
  lineRule({
    id: 'income.negativeAmount',
    severity: 'error',
    messageKey: 'checks:incomeNegativeAmount',
    description: 'An income amount is not negative.',
    collection: 'incomeLines',
    evaluate: (line, { money, workbook }) =>
      line.amount >= 0
        ? NO_HITS
        : hit({ amount: money(line.amount), moneyUnit: workbook.settings.entryUnit }, incomeLineAt(line.id, 'amount')),
  }),
  lineRule({
    id: 'income.functionUnknown',
    severity: 'warning',
    messageKey: 'checks:incomeFunctionCodeUnknown',
    description: "An income line's 功能分类 code, where given, is in the year's catalogue.",
    collection: 'incomeLines',
    evaluate: (line, { catalog }) =>
      line.functionCode === null || catalog.hasFunction(line.functionCode)
        ? NO_HITS
        : hit({ code: line.functionCode }, incomeLineAt(line.id, 'functionCode')),
  }),
];
