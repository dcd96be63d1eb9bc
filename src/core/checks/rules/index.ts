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

/** Every rule, in the order findings are listed within a record. docs/checks.md lists them. */
export const RULES: readonly Rule[] = [
  ...balanceRules,
  ...budgetLineRules,
  ...incomeLineRules,
  ...projectRules,
  ...procurementRules,
  ...indicatorRules,
  ...textRules,
  ...catalogRules,
  ...departmentRules,
];
