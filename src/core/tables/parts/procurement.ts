import type { Fen } from '../../money';
import type { BudgetLine, ProcurementItem, Project, Unit } from '../../model';
import { budgetPredicate } from '../filter';
import { projectFields, renderCells, unitFields, type Context, type EvaluatedRow } from '../render';
import type { CellSpec, ProcurementRows } from '../spec';

/** Item attributes that print as money; every other attribute prints as text. */
const MONEY_ATTRIBUTES = ['amount', 'unitPrice', 'smallFirmAmount', 'projectAmount'] as const;
type MoneyAttribute = (typeof MONEY_ATTRIBUTES)[number];

/**
 * 政府采购预算: an optional total row, then per unit (in workbook order) an optional subtotal row and one
 * row per procurement item of its projects. Total and subtotal rows add up the item rows' money column
 * by column.
 */
export function evaluateProcurementRows(part: ProcurementRows, context: Context): EvaluatedRow[] {
  const linesByProject = new Map<string, BudgetLine[]>();
  for (const line of context.workbook.budgetLines) {
    if (!line.projectId) continue;
    const list = linesByProject.get(line.projectId) ?? [];
    list.push(line);
    linesByProject.set(line.projectId, list);
  }
  const grandTotal: Fen[] = [];
  const blocks: EvaluatedRow[] = [];
  for (const unit of context.workbook.units) {
    const projects = context.workbook.projects.filter((project) => project.unitId === unit.id && project.procurement.length > 0);
    if (projects.length === 0) continue;
    const unitTotal: Fen[] = [];
    const itemRows: EvaluatedRow[] = [];
    for (const project of projects) {
      const lines = linesByProject.get(project.id) ?? [];
      for (const item of project.procurement) {
        const amounts = itemAmounts(part.itemCells, item, lines, context);
        addInto(unitTotal, amounts);
        itemRows.push(itemRow(part, item, project, unit, amounts, context));
      }
    }
    addInto(grandTotal, unitTotal);
    if (part.unitCells) blocks.push(totalRow(part.unitCells, unitTotal, unitFields(unit), 'unit', context));
    blocks.push(...itemRows);
  }
  if (!part.totalCells) return blocks;
  return [totalRow(part.totalCells, grandTotal, {}, 'total', context), ...blocks];
}

/**
 * Each item cell's money: an attribute of the item, or for a measure the part of the item's amount
 * paid from the project's lines that match it (the project's lines split the item pro rata, to the 分).
 */
function itemAmounts(cells: CellSpec[], item: ProcurementItem, lines: BudgetLine[], context: Context): (Fen | undefined)[] {
  const projectAmount = lines.reduce((total, line) => total + line.amount, 0);
  return cells.map((cell) => {
    if (typeof cell !== 'object') return undefined;
    const money = moneyAttribute(cell);
    if (money === 'amount') return item.amount;
    if (money === 'unitPrice') return item.unitPrice;
    if (money === 'projectAmount') return projectAmount;
    if (money === 'smallFirmAmount') return shareOf(item.amount, Math.round(item.smallFirmShare * 100), 10000);
    if (!('measure' in cell) || cell.measure.source !== 'budget') return undefined;
    const test = budgetPredicate(cell.measure, context);
    const matched = lines.reduce((total, line) => (test(line) ? total + line.amount : total), 0);
    return projectAmount === 0 ? 0 : shareOf(item.amount, matched, projectAmount);
  });
}

function itemRow(part: ProcurementRows, item: ProcurementItem, project: Project, unit: Unit, amounts: (Fen | undefined)[], context: Context): EvaluatedRow {
  const attributes = {
    name: item.name,
    catalogCode: item.catalogCode,
    measureUnit: item.measureUnit,
    quantity: String(item.quantity),
  };
  return { style: 'leaf', cells: renderCells(asMoney(part.itemCells), amounts, projectFields(project, unit), context, attributes) };
}

/** A total row: its own labels, and in each of its money columns the sum of the item rows' same column. */
function totalRow(
  cells: CellSpec[],
  totals: Fen[],
  fields: ReturnType<typeof unitFields>,
  style: 'total' | 'unit',
  context: Context,
): EvaluatedRow {
  const money = cells.map((cell, index) => {
    const summed = typeof cell === 'object' && ('measure' in cell || moneyAttribute(cell) !== null);
    return summed ? (totals[index] ?? 0) : undefined;
  });
  return { style, cells: renderCells(asMoney(cells), money, fields, context) };
}

function moneyAttribute(cell: CellSpec): MoneyAttribute | null {
  if (typeof cell !== 'object' || !('attribute' in cell)) return null;
  return (MONEY_ATTRIBUTES as readonly string[]).includes(cell.attribute) ? (cell.attribute as MoneyAttribute) : null;
}

/** Money attributes and measures become plain money cells whose amounts the caller supplies. */
function asMoney(cells: CellSpec[]): CellSpec[] {
  return cells.map((cell) => (moneyAttribute(cell) !== null || (typeof cell === 'object' && 'measure' in cell) ? { money: 'zero' } : cell));
}

function addInto(total: Fen[], amounts: (Fen | undefined)[]) {
  amounts.forEach((amount, index) => {
    if (amount !== undefined) total[index] = (total[index] ?? 0) + amount;
  });
}

/** amount × part / whole, rounded half away from zero, exact for any size. */
function shareOf(amount: Fen, part: number, whole: number): Fen {
  const numerator = BigInt(amount) * BigInt(part);
  const denominator = BigInt(whole);
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return Number(negative ? -quotient : quotient);
}
