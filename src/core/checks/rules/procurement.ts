import type { Fen } from '../../money';
import type { ProcurementItem, Project } from '../../model';
import { NO_HITS, type FindingLocation, type Hit, type Rule } from '../types';
import { hit, lineRule, projectAt } from './define';

/** Rules over a project's 政府采购 items (identity 11). */
function itemAt(project: Project, item: ProcurementItem, field: string): FindingLocation {
  return {
    entity: 'procurement',
    id: item.id,
    parentId: project.id,
    field,
    tables: [{ tableId: 'procurement', rowKey: item.id, column: field }],
  };
}

/**
 * quantity × unit price in 分, exact for decimal quantities ("2.5" 吨), rounded half away from
 * zero to the 分 once.
 */
export function expectedAmount(quantity: number, unitPrice: Fen): Fen {
  const text = String(quantity);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return Math.round(quantity * unitPrice);
  const fraction = match[2] ?? '';
  const numerator = BigInt(match[1] + fraction) * BigInt(unitPrice);
  const denominator = 10n ** BigInt(fraction.length);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return Number(negative ? -rounded : rounded);
}

function eachItem(project: Project, test: (item: ProcurementItem) => Hit | null): readonly Hit[] {
  let hits: Hit[] | null = null;
  for (const item of project.procurement) {
    const found = test(item);
    if (found) (hits ??= []).push(found);
  }
  return hits ?? NO_HITS;
}

export const procurementRules: Rule[] = [
  lineRule({
    id: 'procurement.amount',
    severity: 'error',
    messageKey: 'checks:procurementAmountMismatch',
    description: 'A procurement item\'s amount = quantity × unit price (identity 11). Items with neither quantity nor unit price are left to "procurement.quantityMissing".',
    collection: 'projects',
    evaluate: (project, { money, workbook }) =>
      eachItem(project, (item) => {
        if (item.quantity === 0 && item.unitPrice === 0) return null;
        const expected = expectedAmount(item.quantity, item.unitPrice);
        if (expected === item.amount) return null;
        return {
          params: {
            project: project.name,
            item: item.name,
            quantity: item.quantity,
            unitPrice: money(item.unitPrice),
            expected: money(expected),
            amount: money(item.amount),
            moneyUnit: workbook.settings.entryUnit,
          },
          location: itemAt(project, item, 'amount'),
        };
      }),
  }),
  lineRule({
    id: 'procurement.quantityMissing',
    severity: 'warning',
    messageKey: 'checks:procurementQuantityMissing',
    description: 'A procurement item with an amount states its quantity and unit price.',
    collection: 'projects',
    evaluate: (project, { money, workbook }) =>
      eachItem(project, (item) =>
        item.quantity === 0 && item.unitPrice === 0 && item.amount !== 0
          ? {
              params: { project: project.name, item: item.name, amount: money(item.amount), moneyUnit: workbook.settings.entryUnit },
              location: itemAt(project, item, 'quantity'),
            }
          : null,
      ),
  }),
  lineRule({
    id: 'procurement.catalogCode',
    severity: 'warning',
    messageKey: 'checks:procurementCatalogCode',
    description: 'A procurement item\'s 品目 code starts with A (goods), B (works) or C (services), so the narrative can total it.',
    collection: 'projects',
    evaluate: (project) =>
      eachItem(project, (item) =>
        /^[ABC]/.test(item.catalogCode.trim().toUpperCase())
          ? null
          : { params: { project: project.name, item: item.name, code: item.catalogCode }, location: itemAt(project, item, 'catalogCode') },
      ),
  }),
  lineRule({
    id: 'procurement.exceedsProject',
    severity: 'warning',
    messageKey: 'checks:procurementExceedsProject',
    description: "A project's procurement does not exceed the project's own budget.",
    collection: 'projects',
    evaluate: (project, { money, totals, workbook }) => {
      if (project.procurement.length === 0) return NO_HITS;
      const procurement = project.procurement.reduce((sum, item) => sum + item.amount, 0);
      const amount = totals.projectTotals(project.id).amount;
      if (procurement <= amount) return NO_HITS;
      return hit(
        { project: project.name, procurement: money(procurement), amount: money(amount), moneyUnit: workbook.settings.entryUnit },
        projectAt(project.id, 'procurement'),
      );
    },
  }),
];
