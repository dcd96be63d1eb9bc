import { lintText, type TextLints } from '../text-lints';
import type { Hit, Rule } from '../types';
import { workbookRule } from './define';
import { eachScannedBlock, type TextBlock } from './texts';

/** Lints of how clerk-written text is written: leftovers of a template, doubled phrases, last year's year. */
function quotesOf(block: TextBlock, quotes: readonly string[], extra: Record<string, string | number> = {}): Hit[] {
  return quotes.map((quote) => ({ params: { block: block.block, blockName: block.blockName, quote, ...extra }, location: block.location }));
}

export const writingRules: Rule[] = [
  workbookRule({
    id: 'text.placeholder',
    severity: 'warning',
    messageKey: 'checks:textPlaceholder',
    description:
      'No template leftover is published: "XX", "××", "。。。", empty brackets "（ ）", "___", or a count of 0 followed by the items it counts ("共0个，分别是：…").',
    evaluate: ({ workbook }) =>
      eachScannedBlock(workbook, lintText, (lints: TextLints) => lints.placeholders.length > 0, (block, lints) => quotesOf(block, lints.placeholders)),
  }),
  workbookRule({
    id: 'text.repeatedPhrase',
    severity: 'warning',
    messageKey: 'checks:textRepeatedPhrase',
    description: 'No phrase of three or more characters is written twice back to back ("保障机构运转保障机构运转").',
    evaluate: ({ workbook }) =>
      eachScannedBlock(workbook, lintText, (lints: TextLints) => lints.repeats.length > 0, (block, lints) => quotesOf(block, lints.repeats)),
  }),
  workbookRule({
    id: 'text.budgetYear',
    severity: 'warning',
    messageKey: 'checks:textBudgetYear',
    description:
      'A budget named in the text ("2023年部门预算") is the budget year\'s; another year there is usually text carried over from last year. Comparisons ("比2023年预算") are left alone.',
    evaluate: ({ workbook }) => {
      const year = workbook.department.year;
      return eachScannedBlock(
        workbook,
        lintText,
        (lints: TextLints) => lints.budgetYears.some((found) => found.year !== year),
        (block, lints) =>
          lints.budgetYears
            .filter((found) => found.year !== year)
            .map((found) => ({ params: { block: block.block, blockName: block.blockName, quote: found.quote, written: found.year, year }, location: block.location })),
      );
    },
  }),
];
