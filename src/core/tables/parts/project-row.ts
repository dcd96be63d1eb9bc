import type { Fen } from '../../money';
import type { Project } from '../../model';
import { budgetPredicate } from '../filter';
import { PROJECT_TYPE_NAMES, renderCells, type Context, type EvaluatedRow } from '../render';
import type { ProjectRow } from '../spec';

/**
 * A row about the project of a table repeated per project (TableSpec.perProject): attributes of the
 * project and measures over its budget lines. Outside such a table it renders its labels only.
 */
export function evaluateProjectRow(part: ProjectRow, context: Context): EvaluatedRow[] {
  const project = context.project;
  const lines = project ? context.workbook.budgetLines.filter((line) => line.projectId === project.id) : [];
  const amounts = part.cells.map((cell): Fen | undefined => {
    if (typeof cell !== 'object' || !('measure' in cell)) return undefined;
    if (cell.measure.source !== 'budget') return 0;
    const test = budgetPredicate(cell.measure, context);
    return lines.reduce((total, line) => (test(line) ? total + line.amount : total), 0);
  });
  const attributes = project ? projectAttributes(project, context) : {};
  const unit = project ? context.unitsById.get(project.unitId) : undefined;
  return [{ style: 'leaf', cells: renderCells(part.cells, amounts, {}, context, attributes, { ...(project ? { project } : {}), ...(unit ? { unit } : {}) }) }];
}

function projectAttributes(project: Project, context: Context): Record<string, string> {
  const unit = context.unitsById.get(project.unitId);
  const plan = project.spendingPlan;
  return {
    code: project.code,
    name: project.name,
    type: PROJECT_TYPE_NAMES[project.type],
    purpose: project.purpose,
    goal: project.performance.goal,
    unitCode: unit?.code ?? '',
    unitName: unit?.name ?? '',
    march: plan ? planPercent(plan.march) : '',
    june: plan ? planPercent(plan.june) : '',
    october: plan ? planPercent(plan.october) : '',
    december: plan ? planPercent(plan.december) : '',
  };
}

/** A cumulative plan percentage as the forms print it: whole numbers bare ("50", "100"), others with 2 decimals ("44.10"). */
export function planPercent(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
