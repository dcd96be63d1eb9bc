import type { Fen } from '../../money';
import { budgetPredicate, incomePredicate, mergeFilters } from '../filter';
import { renderCells, type Context, type EvaluatedRow } from '../render';
import type { FixedRow, LineFilter, Measure } from '../spec';

/** A row written out in the template: labels and measures over every line. */
export function evaluateFixedRow(row: FixedRow, context: Context): EvaluatedRow[] {
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

export function sumLines(measure: Measure, where: LineFilter | undefined, context: Context): Fen {
  const filter = mergeFilters(where, measure);
  let total = 0;
  if (measure.source === 'budget') {
    const test = budgetPredicate(filter, context);
    for (const line of context.workbook.budgetLines) if (test(line)) total += line.amount;
  } else {
    const test = incomePredicate(filter, context);
    for (const line of context.workbook.incomeLines) if (test(line)) total += line.amount;
  }
  return total;
}

