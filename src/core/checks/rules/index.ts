import type { Rule } from '../types';
import { balanceRules } from './balance';
import { budgetLineRules } from './budget-lines';
import { catalogRules } from './catalog';
import { departmentRules } from './department';
import { incomeLineRules } from './income-lines';
import { indicatorRules } from './indicators';
import { procurementRules } from './procurement';
import { projectRules } from './projects';
import { textRules } from './texts';
import { lineReviewRules } from './line-review';
import { projectCodeRules } from './project-codes';
import { roundingRules } from './rounding';
import { writingRules } from './writing';

/** Every rule, in the order findings are listed within a record. docs/checks.md lists them. */
export const RULES: readonly Rule[] = [
  ...balanceRules,
  ...budgetLineRules,
  ...lineReviewRules,
  ...incomeLineRules,
  ...projectRules,
  ...projectCodeRules,
  ...procurementRules,
  ...indicatorRules,
  ...textRules,
  ...writingRules,
  ...roundingRules,
  ...catalogRules,
  ...departmentRules,
];
