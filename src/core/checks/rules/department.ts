import { NO_HITS, type Rule } from '../types';
import { hit, workbookRule } from './define';

const AT = { entity: 'department', id: 'department', field: 'publishedOn' } as const;

/**
 * Rules about the department's own facts. The 公开日期 (department.publishedOn) is the date the package prints
 * (Henan's annex page, any cover with a date line); it is never taken from the clock, so a missing one prints no
 * date at all, and one outside the budget year (or the year before, when budgets are approved early) is most
 * likely last year's carried over.
 */
export const departmentRules: Rule[] = [
  workbookRule({
    id: 'department.publishedOnMissing',
    severity: 'warning',
    messageKey: 'checks:publishedOnMissing',
    description:
      'The workbook states its 公开日期 (publishedOn). The package prints that date and no other: without it no date is printed where the template puts one, not the day of export.',
    evaluate: ({ workbook }) => (workbook.department.publishedOn === '' ? hit({ year: workbook.department.year }, AT) : NO_HITS),
  }),
  workbookRule({
    id: 'department.publishedOnYear',
    severity: 'warning',
    messageKey: 'checks:publishedOnOutsideYear',
    description:
      "The 公开日期 lies in the budget year or the year before it; a date from another year (last year's, carried over by new-year, or a typo) would print on the package as it is.",
    evaluate: ({ workbook }) => {
      const { publishedOn, year } = workbook.department;
      const published = Number(publishedOn.slice(0, 4));
      if (publishedOn === '' || published === year || published === year - 1) return NO_HITS;
      return hit({ date: publishedOn, year, priorYear: year - 1 }, AT);
    },
  }),
];
