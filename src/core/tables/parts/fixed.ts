import type { Fen } from '../../money';
import type { BudgetLine, IncomeLine } from '../../model';
import { needsUnits } from '../facts';
import { budgetPredicate, incomePredicate, mergeFilters } from '../filter';
import { pathsEmpty, renderCells, type Context, type EvaluatedRow } from '../render';
import type { FixedRow, LineFilter, Measure } from '../spec';

/** A row written out in the template: labels and measures over every line. */
export function evaluateFixedRow(row: FixedRow, context: Context): EvaluatedRow[] {
  if (row.skipWhenEmpty && pathsEmpty(row.cells, context)) return [];
  const evaluated = fixedRow(row, context);
  if (row.skipWhenZero && evaluated.cells.every((cell) => !cell.fen)) return [];
  return [evaluated];
}

function fixedRow(row: FixedRow, context: Context): EvaluatedRow {
  const fields = row.fields ?? {};
  const amounts = row.cells.map((cell) =>
    typeof cell === 'object' && 'measure' in cell ? sumLines(cell.measure, row.where, context) : undefined,
  );
  return { style: row.style ?? 'leaf', cells: renderCells(row.cells, amounts, fields, context) };
}

/** The sum of `measure` over one unit's own lines (a unit-by-unit table touches each line once per measure). */
export function sumUnitLines(measure: Measure, where: LineFilter | undefined, unit: { id: string; code: string }, context: Context): Fen {
  if (!context.facts) return sumLines(measure, { ...where, units: [unit.code] }, context);
  const filter = mergeFilters(where, measure);
  let total = 0;
  if (measure.source === 'budget') {
    const test = budgetPredicate(filter, context);
    for (const line of context.facts.byUnit('budget', unit.id) as BudgetLine[]) if (test(line)) total += line.amount;
  } else {
    const test = incomePredicate(filter, context);
    for (const line of context.facts.byUnit('income', unit.id) as IncomeLine[]) if (test(line)) total += line.amount;
  }
  return total;
}

export function sumLines(measure: Measure, where: LineFilter | undefined, context: Context): Fen {
  const filter = mergeFilters(where, measure);
  const key = `${measure.source}:${JSON.stringify(filter)}`;
  const known = context.sums?.get(key);
  if (known !== undefined) return known;
  const options = { units: needsUnits(filter), projects: false };
  let total = 0;
  if (measure.source === 'budget') {
    const test = budgetPredicate(filter, context);
    const lines = context.facts?.budget(options) ?? context.workbook.budgetLines;
    for (const line of lines) if (test(line)) total += line.amount;
  } else {
    const test = incomePredicate(filter, context);
    const lines = context.facts?.income(options) ?? context.workbook.incomeLines;
    for (const line of lines) if (test(line)) total += line.amount;
  }
  context.sums?.set(key, total);
  return total;
}

