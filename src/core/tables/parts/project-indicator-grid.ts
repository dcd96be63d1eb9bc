import type { Fen } from '../../money';
import type { Indicator, Project } from '../../model';
import { budgetPredicate } from '../filter';
import { projectFields, renderCells, unitFields, type Context, type EvaluatedRow } from '../render';
import { requestSpan } from '../spans';
import type { CellSpec, ProjectIndicatorGrid } from '../spec';
import { indicatorAttributes } from './indicators';

export function evaluateProjectIndicatorGrid(part: ProjectIndicatorGrid, context: Context): EvaluatedRow[] {
  const { workbook } = context;
  const rows: EvaluatedRow[] = [];
  const compiled = new Map<CellSpec, (line: (typeof workbook.budgetLines)[number]) => boolean>();
  const predicate = (cell: CellSpec & { measure: object }) => {
    let test = compiled.get(cell);
    if (!test) {
      test = budgetPredicate(cell.measure, context);
      compiled.set(cell, test);
    }
    return test;
  };
  const sums = (cells: CellSpec[], lines: typeof workbook.budgetLines) =>
    cells.map((cell) => {
      if (typeof cell !== 'object' || !('measure' in cell)) return undefined;
      const test = predicate(cell);
      let total: Fen = 0;
      for (const line of lines) if (test(line)) total += line.amount;
      return total;
    });
  const projectLines = new Map<string, typeof workbook.budgetLines>();
  for (const line of workbook.budgetLines) {
    if (line.nature !== 'project' || !line.projectId) continue;
    const list = projectLines.get(line.projectId) ?? [];
    list.push(line);
    projectLines.set(line.projectId, list);
  }
  for (const unit of workbook.units) {
    const projects = workbook.projects.filter((project) => project.unitId === unit.id);
    if (part.order === 'typeThenCode') projects.sort(byTypeThenCode);
    if (projects.length === 0) continue;
    const unitLines = projects.flatMap((project) => projectLines.get(project.id) ?? []);
    rows.push({ style: 'unit', cells: renderCells(part.unitCells, sums(part.unitCells, unitLines), unitFields(unit), context, {}, { unit }) });
    for (const project of projects) rows.push(...projectBlock(part, project, projectLines.get(project.id) ?? [], context, sums));
  }
  return rows;
}

function projectBlock(
  part: ProjectIndicatorGrid,
  project: Project,
  lines: Context['workbook']['budgetLines'],
  context: Context,
  sums: (cells: CellSpec[], lines: Context['workbook']['budgetLines']) => (Fen | undefined)[],
): EvaluatedRow[] {
  const unit = context.unitsById.get(project.unitId);
  const columns: Indicator[][] = part.categories.map((names) =>
    project.performance.indicators.filter((indicator) => names.includes(indicator.level1)),
  );
  const height = Math.max(1, ...columns.map((column) => column.length));
  const rows: EvaluatedRow[] = [];
  const scope = { project, ...(unit ? { unit } : {}) };
  const first = renderCells(part.projectCells, sums(part.projectCells, lines), unit ? projectFields(project, unit) : {}, context, {}, scope);
  // Lead cells print on the block's first row; one that merges "same" takes the block's rows (its project's).
  part.projectCells.forEach((cell, column) => {
    const head = first[column];
    if (head && typeof cell === 'object' && cell.rowSpan === 'same') requestSpan(head, { ...(cell.colSpan ? { colSpan: cell.colSpan } : {}), rowSpan: height });
  });
  for (let index = 0; index < height; index += 1) {
    const lead = index === 0 ? first : part.projectCells.map(() => ({ text: '' }));
    const indicatorCells = columns.flatMap((column) => {
      const indicator = column[index];
      return indicator
        ? renderCells(part.indicatorCells, [], {}, context, indicatorAttributes(indicator), { ...scope, indicator })
        : part.indicatorCells.map(() => ({ text: '' }));
    });
    rows.push({ style: index === 0 ? 'leaf' : 'group', cells: [...lead, ...indicatorCells] });
  }
  return rows;
}

const TYPE_ORDER: Record<Project['type'], number> = { operation: 0, general: 1, specificGoal: 2, special: 3 };

function byTypeThenCode(a: Project, b: Project): number {
  const byType = TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
  if (byType !== 0) return byType;
  // Codes compare as numbers: a longer code is a larger one.
  if (a.code.length !== b.code.length) return a.code.length - b.code.length;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
