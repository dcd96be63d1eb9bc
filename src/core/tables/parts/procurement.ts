import { prorate, type Fen } from '../../money';
import type { BasicProcurement, BudgetLine, ProcurementItem, Unit, Workbook } from '../../model';
import { budgetPredicate, isPersonnelEcon } from '../filter';
import type { RowScope } from '../paths';
import { asMoneyCell, projectFields, renderCells, unitFields, type Context, type EvaluatedRow } from '../render';
import type { CellSpec, ProcurementRows, RowFields } from '../spec';

/** Item attributes that print as money; every other attribute prints as text. */
const MONEY_ATTRIBUTES = ['amount', 'unitPrice', 'smallFirmAmount', 'projectAmount'] as const;
type MoneyAttribute = (typeof MONEY_ATTRIBUTES)[number];

/**
 * 政府采购预算: an optional total row, then per unit (in workbook order) an optional subtotal row and one
 * row per procurement item of its sources: its projects in workbook order, with the unit's groups of
 * basic-expenditure procurement placed by `listedAfter`. Total and subtotal rows add up the item rows'
 * money column by column.
 */
export function evaluateProcurementRows(part: ProcurementRows, context: Context): EvaluatedRow[] {
  const linesByProject = new Map<string, BudgetLine[]>();
  const publicLinesByUnit = new Map<string, BudgetLine[]>();
  for (const line of context.workbook.budgetLines) {
    const key = line.projectId ?? (line.nature === 'basic' && !isPersonnelEcon(line.deptEconCode) ? line.unitId : null);
    if (key === null) continue;
    const index = line.projectId ? linesByProject : publicLinesByUnit;
    const list = index.get(key) ?? [];
    list.push(line);
    index.set(key, list);
  }
  const grandTotal: Fen[] = [];
  const blocks: EvaluatedRow[] = [];
  for (const unit of context.workbook.units) {
    const sources = unitSources(unit, context.workbook, linesByProject, publicLinesByUnit.get(unit.id) ?? []);
    if (sources.length === 0) continue;
    const unitTotal: Fen[] = [];
    const itemRows: EvaluatedRow[] = [];
    for (const source of sources) {
      for (const item of source.items) {
        const amounts = itemAmounts(part.itemCells, item, source, context);
        addInto(unitTotal, amounts);
        itemRows.push(itemRow(part, item, source, amounts, context));
      }
    }
    addInto(grandTotal, unitTotal);
    if (part.unitCells) blocks.push(totalRow(part.unitCells, unitTotal, unitFields(unit), 'unit', context, { unit }));
    blocks.push(...itemRows);
  }
  if (!part.totalCells) return blocks;
  return [totalRow(part.totalCells, grandTotal, {}, 'total', context, {}), ...blocks];
}

/** What pays a run of item rows: a project (its lines) or a basic-expenditure group (the unit's 公用经费 lines). */
interface Source {
  items: ProcurementItem[];
  /** The lines that pay the items, split pro rata by a measure cell. */
  lines: BudgetLine[];
  /** 预算资金: the project's lines, or the group's stated budget. */
  budget: Fen;
  fields: Partial<RowFields>;
  /** The unit and (for a project's items) the project, for path cells. */
  scope: RowScope;
}

/** A unit's sources with items, in print order. */
function unitSources(unit: Unit, workbook: Workbook, linesByProject: Map<string, BudgetLine[]>, publicLines: BudgetLine[]): Source[] {
  const groups = workbook.basicProcurement.filter((group) => group.unitId === unit.id && group.items.length > 0);
  const projects = workbook.projects.filter((project) => project.unitId === unit.id);
  const groupSource = (group: BasicProcurement): Source => ({
    items: group.items,
    lines: publicLines,
    budget: group.budget,
    fields: { code: '', name: group.name, projectCode: '', projectName: group.name, projectType: '', unitCode: unit.code, unitName: unit.name },
    scope: { unit },
  });
  const groupsAfter = (projectId: string | null) => groups.filter((group) => group.listedAfter === projectId).map(groupSource);
  const sources: Source[] = groupsAfter(null);
  for (const project of projects) {
    if (project.procurement.length > 0) {
      const lines = linesByProject.get(project.id) ?? [];
      const budget = lines.reduce((total, line) => total + line.amount, 0);
      sources.push({ items: project.procurement, lines, budget, fields: projectFields(project, unit), scope: { unit, project } });
    }
    sources.push(...groupsAfter(project.id));
  }
  const placed = new Set(projects.map((project) => project.id));
  sources.push(...groups.filter((group) => group.listedAfter !== null && !placed.has(group.listedAfter)).map(groupSource));
  return sources;
}

/**
 * Each item cell's money: an attribute of the item, or for a measure the part of the item's amount
 * paid from the source's lines that match it (the lines split the item pro rata, to the 分).
 */
function itemAmounts(cells: CellSpec[], item: ProcurementItem, source: Source, context: Context): (Fen | undefined)[] {
  const linesAmount = source.lines.reduce((total, line) => total + line.amount, 0);
  return cells.map((cell) => {
    if (typeof cell !== 'object') return undefined;
    const money = moneyAttribute(cell);
    if (money === 'amount') return item.amount;
    if (money === 'unitPrice') return item.unitPrice;
    if (money === 'projectAmount') return source.budget;
    if (money === 'smallFirmAmount') return prorate(item.amount, Math.round(item.smallFirmShare * 100), 10000);
    if (!('measure' in cell) || cell.measure.source !== 'budget') return undefined;
    const test = budgetPredicate(cell.measure, context);
    const matched = source.lines.reduce((total, line) => (test(line) ? total + line.amount : total), 0);
    return linesAmount === 0 ? 0 : prorate(item.amount, matched, linesAmount);
  });
}

function itemRow(part: ProcurementRows, item: ProcurementItem, source: Source, amounts: (Fen | undefined)[], context: Context): EvaluatedRow {
  const attributes = {
    name: item.name,
    catalogCode: item.catalogCode,
    measureUnit: item.measureUnit,
    quantity: String(item.quantity),
  };
  return { style: 'leaf', cells: renderCells(asMoney(part.itemCells), amounts, source.fields, context, attributes, { ...source.scope, item }) };
}

/** A total row: its own labels, and in each of its money columns the sum of the item rows' same column. */
function totalRow(
  cells: CellSpec[],
  totals: Fen[],
  fields: Partial<RowFields>,
  style: 'total' | 'unit',
  context: Context,
  scope: RowScope,
): EvaluatedRow {
  const money = cells.map((cell, index) => {
    const summed = typeof cell === 'object' && ('measure' in cell || moneyAttribute(cell) !== null);
    return summed ? (totals[index] ?? 0) : undefined;
  });
  return { style, cells: renderCells(asMoney(cells), money, fields, context, {}, scope) };
}

function moneyAttribute(cell: CellSpec): MoneyAttribute | null {
  if (typeof cell !== 'object' || !('attribute' in cell)) return null;
  return (MONEY_ATTRIBUTES as readonly string[]).includes(cell.attribute) ? (cell.attribute as MoneyAttribute) : null;
}

/** Money attributes and measures become plain money cells whose amounts the caller supplies. */
function asMoney(cells: CellSpec[]): CellSpec[] {
  return cells.map((cell) => (moneyAttribute(cell) !== null || (typeof cell === 'object' && 'measure' in cell) ? asMoneyCell(cell) : cell));
}

function addInto(total: Fen[], amounts: (Fen | undefined)[]) {
  amounts.forEach((amount, index) => {
    if (amount !== undefined) total[index] = (total[index] ?? 0) + amount;
  });
}
