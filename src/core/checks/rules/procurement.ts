import type { Fen } from '../../money';
import type { BasicProcurement, ProcurementItem, Project } from '../../model';
import { NO_HITS, type CheckContext, type FindingLocation, type FindingParams, type Hit, type Rule, type Severity } from '../types';
import { hit, lineRule, projectAt, workbookRule } from './define';

/**
 * Rules over 政府采购 items (identity 11): a project's, checked per project as its record changes, and
 * those paid from basic expenditure (Workbook.basicProcurement), a handful, checked with the workbook rules.
 */
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

/** What an item rule reports about one item, without saying where it is. */
type ItemTest = (item: ProcurementItem, context: CheckContext) => FindingParams | null;

/** quantity × unit price = amount; items with neither are left to the quantity rule. */
const amountMismatch: ItemTest = (item, { money, workbook }) => {
  if (item.quantity === 0 && item.unitPrice === 0) return null;
  const expected = expectedAmount(item.quantity, item.unitPrice);
  if (expected === item.amount) return null;
  return {
    item: item.name,
    quantity: item.quantity,
    unitPrice: money(item.unitPrice),
    expected: money(expected),
    amount: money(item.amount),
    moneyUnit: workbook.settings.entryUnit,
  };
};

const quantityMissing: ItemTest = (item, { money, workbook }) =>
  item.quantity === 0 && item.unitPrice === 0 && item.amount !== 0 ? { item: item.name, amount: money(item.amount), moneyUnit: workbook.settings.entryUnit } : null;

const catalogCodeWrong: ItemTest = (item) => (/^[ABC]/.test(item.catalogCode.trim().toUpperCase()) ? null : { item: item.name, code: item.catalogCode });

/** One rule per item test over the projects' items: params name the project. */
interface ItemRule {
  id: string;
  severity: Severity;
  messageKey: string;
  description: string;
  /** The item field a finding points at. */
  field: string;
  test: ItemTest;
}

function projectItemRule({ field, test, ...rule }: ItemRule): Rule {
  return lineRule({
    ...rule,
    collection: 'projects',
    evaluate: (project, context) => {
      let hits: Hit[] | null = null;
      for (const item of project.procurement) {
        const params = test(item, context);
        if (params) (hits ??= []).push({ params: { project: project.name, ...params }, location: itemAt(project, item, field) });
      }
      return hits ?? NO_HITS;
    },
  });
}

/** The same test over the items paid from basic expenditure (few: re-run with the workbook rules). */
function basicItemRule({ field, test, ...rule }: ItemRule): Rule {
  return workbookRule({
    ...rule,
    evaluate: (context) => {
      let hits: Hit[] | null = null;
      for (const group of context.workbook.basicProcurement) {
        for (const item of group.items) {
          const params = test(item, context);
          if (params) (hits ??= []).push({ params: { group: group.name, ...params }, location: basicItemAt(group, item, field) });
        }
      }
      return hits ?? NO_HITS;
    },
  });
}

function basicItemAt(group: BasicProcurement, item: ProcurementItem, field: string): FindingLocation {
  return { entity: 'procurement', id: item.id, parentId: group.id, field, tables: [{ tableId: 'basicProcurement', rowKey: item.id, column: field }] };
}

const AMOUNT = 'A procurement item\'s amount = quantity × unit price (identity 11). Items with neither quantity nor unit price are left to "procurement.quantityMissing".';
const QUANTITY = 'A procurement item with an amount states its quantity and unit price.';
const CATALOG = 'A procurement item\'s 品目 code starts with A (goods), B (works) or C (services), so the narrative can total it.';

export const procurementRules: Rule[] = [
  projectItemRule({ id: 'procurement.amount', severity: 'error', messageKey: 'checks:procurementAmountMismatch', description: AMOUNT, field: 'amount', test: amountMismatch }),
  projectItemRule({ id: 'procurement.quantityMissing', severity: 'warning', messageKey: 'checks:procurementQuantityMissing', description: QUANTITY, field: 'quantity', test: quantityMissing }),
  projectItemRule({ id: 'procurement.catalogCode', severity: 'warning', messageKey: 'checks:procurementCatalogCode', description: CATALOG, field: 'catalogCode', test: catalogCodeWrong }),
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
  basicItemRule({
    id: 'basicProcurement.amount',
    severity: 'error',
    messageKey: 'checks:basicProcurementAmountMismatch',
    description:
      'An item bought with basic expenditure (basicProcurement): amount = quantity × unit price (identity 11). Items with neither quantity nor unit price are left to "basicProcurement.quantityMissing".',
    field: 'amount',
    test: amountMismatch,
  }),
  basicItemRule({
    id: 'basicProcurement.quantityMissing',
    severity: 'warning',
    messageKey: 'checks:basicProcurementQuantityMissing',
    description: 'An item bought with basic expenditure that has an amount states its quantity and unit price.',
    field: 'quantity',
    test: quantityMissing,
  }),
  basicItemRule({
    id: 'basicProcurement.catalogCode',
    severity: 'warning',
    messageKey: 'checks:basicProcurementCatalogCode',
    description: 'An item bought with basic expenditure has a 品目 code starting with A (goods), B (works) or C (services), so the narrative can total it.',
    field: 'catalogCode',
    test: catalogCodeWrong,
  }),
  workbookRule({
    id: 'basicProcurement.exceedsBudget',
    severity: 'warning',
    messageKey: 'checks:basicProcurementExceedsBudget',
    description: 'The items of a group of procurement paid from basic expenditure do not exceed the group\'s stated budget (预算资金).',
    evaluate: ({ money, workbook }) => {
      let hits: Hit[] | null = null;
      for (const group of workbook.basicProcurement) {
        const procurement = group.items.reduce((sum, item) => sum + item.amount, 0);
        if (procurement <= group.budget) continue;
        (hits ??= []).push({
          params: { group: group.name, procurement: money(procurement), budget: money(group.budget), moneyUnit: workbook.settings.entryUnit },
          location: { entity: 'procurement', id: group.id, field: 'budget', tables: [{ tableId: 'basicProcurement', rowKey: group.id, column: 'budget' }] },
        });
      }
      return hits ?? NO_HITS;
    },
  }),
];
