import { prorate, type Fen } from '../../money';
import { asMoneyCell, renderCells, type Context, type EvaluatedRow } from '../render';
import type { CellSpec, TaskFundRows } from '../spec';
import { sumLines } from './fixed';

/**
 * Tasks of the department-wide performance target with their amounts split by fund. The model keeps one
 * amount per task, so a { measure } cell gives the task's amount pro rata to the share the matching lines
 * hold of the whole budget (exact when the budget is all one kind of money, as in the Shaanxi seed).
 */
export function evaluateTaskFundRows(part: TaskFundRows, context: Context): EvaluatedRow[] {
  const budget = sumLines({ source: 'budget' }, undefined, context);
  const shares = part.cells.map((cell) => (typeof cell === 'object' && 'measure' in cell ? sumLines(cell.measure, undefined, context) : undefined));
  const cells = part.cells.map((cell): CellSpec => (isAmount(cell) || (typeof cell === 'object' && 'measure' in cell) ? asMoneyCell(cell) : cell));
  return context.workbook.departmentPerformance.tasks.map((task, index) => {
    const amounts = part.cells.map((cell, column): Fen | undefined => {
      if (isAmount(cell)) return task.amount;
      const share = shares[column];
      return share === undefined ? undefined : prorate(task.amount, share, budget);
    });
    const attributes = { name: task.name, content: task.content, number: String(index + 1) };
    return { style: 'leaf', cells: renderCells(cells, amounts, {}, context, attributes, { task }) };
  });
}

function isAmount(cell: CellSpec): boolean {
  return typeof cell === 'object' && 'attribute' in cell && cell.attribute === 'amount';
}
