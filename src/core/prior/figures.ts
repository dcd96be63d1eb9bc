import type { Fen } from '../money';
import type { Workbook } from '../model';
import { narrativeFigures } from '../narrative';
import type { TemplateConventions } from '../tables/spec';
import { CODE_KEY_PATTERN, KEY_ALIASES } from './keys';

/**
 * The figures a year's narrative compares with the year before, as `priorYear.figures` holds them
 * (docs/prior-year.md lists the keys): exactly the narrative's own figures of that year
 * (`narrativeFigures`), so next year's "与上年相比" compares like with like by construction, plus
 * the checks' names for the same figures (KEY_ALIASES).
 */

export type OperatingCostUnits = TemplateConventions['operatingCostUnits'];

/** Last year's figures from last year's workbook: every named key (zero included), code keys where non-zero. */
export function workbookFigures(workbook: Workbook, operatingCostUnits: OperatingCostUnits = 'all'): Record<string, Fen> {
  const { amounts } = narrativeFigures(workbook, { conventions: { operatingCostUnits } });
  const figures: Record<string, Fen> = {};
  for (const key of Object.keys(amounts).sort(byKind)) {
    const fen = amounts[key] ?? 0;
    if (!(CODE_KEY_PATTERN.test(key) && fen === 0)) figures[key] = fen;
  }
  for (const [key, aliases] of Object.entries(KEY_ALIASES)) for (const alias of aliases) figures[alias] ??= figures[key] ?? 0;
  return figures;
}

/** Named keys first, in the narrative's order, then code keys by code. */
function byKind(a: string, b: string): number {
  const codeA = CODE_KEY_PATTERN.test(a);
  const codeB = CODE_KEY_PATTERN.test(b);
  if (codeA !== codeB) return codeA ? 1 : -1;
  return codeA ? a.localeCompare(b) : 0;
}
