/**
 * Live balancing checks and reviewer lints (docs/checks.md lists every rule).
 *
 *   const session = createCheckSession(workbook, checkCatalogForWorkbook);
 *   session.update(next, changedParts(edits));   // re-checks only what the edits touched
 *   runChecks(workbook, checkCatalogForWorkbook); // one full run
 */
export type {
  CheckCatalog,
  CheckContext,
  CheckOptions,
  Finding,
  FindingEntity,
  FindingLocation,
  FindingParams,
  Hit,
  IndicatorSet,
  LineCollection,
  LineRule,
  ResolvedCheckOptions,
  Rule,
  Severity,
  TableRef,
  WorkbookRule,
} from './types';
export { RULES } from './rules';
export { runChecks, createCheckSession, changedParts, DEFAULT_OPTIONS, type CatalogSource, type ChangedPart, type CheckSession } from './session';
export { checkCatalogFrom, checkCatalogForWorkbook } from './catalog-adapter';
export { parseIndicatorValue, classifyUnit, indicatorAmount, type ParsedIndicatorValue, type UnitClass, type IndicatorOperator } from './indicator-value';
export { checkOptionsForTemplate } from './template-options';
