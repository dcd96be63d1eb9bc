import type { TemplateSpec } from '../tables/spec';
import type { CheckOptions } from './types';

/**
 * The check options a template implies: whose 公用经费 are 机关运行经费, and how its tables print amounts
 * (for 尾差): in its unit, 2 decimals, or every decimal the unit has when it trims zeros (Shaanxi's forms).
 */
export function checkOptionsForTemplate(template: TemplateSpec | undefined): CheckOptions {
  if (!template) return { operatingCostUnits: 'all' };
  const { unit, trimZeros } = template.money;
  return {
    operatingCostUnits: template.conventions.operatingCostUnits,
    printedAmounts: { unit, decimals: trimZeros ? (unit === 'wan' ? 6 : 2) : 2 },
  };
}
