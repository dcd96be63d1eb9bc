import type { Fen } from '../../money';
import type { BudgetLine, Project, Unit } from '../../model';
import { budgetPredicate, mergeFilters } from '../filter';
import { PROJECT_TYPE_NAMES, projectFields, renderCells, unitFields, type Context, type EvaluatedRow } from '../render';
import type { RowScope } from '../paths';
import type { CellSpec, ProjectTree, RowFields } from '../spec';

interface Entry {
  project: Project;
  unit: Unit;
  lines: BudgetLine[];
}

/**
 * Projects under heading rows (Shaanxi's 专项业务经费支出表): units in workbook order, their projects in
 * workbook order, and above each run of projects sharing a level's key one heading row per level.
 */
export function evaluateProjectTree(part: ProjectTree, context: Context): EvaluatedRow[] {
  const test = budgetPredicate(part.where ?? {}, context);
  const linesByProject = new Map<string, BudgetLine[]>();
  for (const line of context.workbook.budgetLines) {
    if (!line.projectId || !test(line)) continue;
    const list = linesByProject.get(line.projectId) ?? [];
    list.push(line);
    linesByProject.set(line.projectId, list);
  }
  const entries: Entry[] = [];
  for (const unit of context.workbook.units) {
    for (const project of context.workbook.projects) {
      const lines = linesByProject.get(project.id);
      if (project.unitId === unit.id && lines) entries.push({ project, unit, lines });
    }
  }
  return treeRows(part, entries, 0, context);
}

function treeRows(part: ProjectTree, entries: Entry[], depth: number, context: Context): EvaluatedRow[] {
  const level = part.levels[depth];
  if (!level) {
    return entries.map((entry) => {
      const fields = { ...projectFields(entry.project, entry.unit), projectType: typeName(part, entry.project) };
      return { style: 'leaf', cells: render(part, part.cells, [entry], fields, context, { purpose: entry.project.purpose }, { project: entry.project, unit: entry.unit }) };
    });
  }
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = level.by === 'unit' ? entry.unit.id : entry.project.type;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()].flatMap((group) => [
    { style: 'group' as const, cells: render(part, level.cells, group, headingFields(part, group), context, {}, headingScope(group)) },
    ...treeRows(part, group, depth + 1, context),
  ]);
}

/** The unit a heading stands for, when its projects share one. */
function headingScope(group: Entry[]): RowScope {
  const [first] = group;
  return first && group.every((entry) => entry.unit.id === first.unit.id) ? { unit: first.unit } : {};
}

/** What a heading may show: the unit when its projects share one, the type when they share one. */
function headingFields(part: ProjectTree, group: Entry[]): Partial<RowFields> {
  const [first] = group;
  if (!first) return {};
  const sameUnit = group.every((entry) => entry.unit.id === first.unit.id);
  const sameType = group.every((entry) => entry.project.type === first.project.type);
  return { ...(sameUnit ? unitFields(first.unit) : {}), ...(sameType ? { projectType: typeName(part, first.project) } : {}) };
}

function typeName(part: ProjectTree, project: Project): string {
  return part.typeNames?.[project.type] ?? PROJECT_TYPE_NAMES[project.type];
}

/** Cells of a row; its measures sum the lines of the projects below it. */
function render(part: ProjectTree, cells: CellSpec[], entries: Entry[], fields: Partial<RowFields>, context: Context, attributes: Record<string, string>, scope: RowScope) {
  const amounts = cells.map((cell): Fen | undefined => {
    if (typeof cell !== 'object' || !('measure' in cell) || cell.measure.source !== 'budget') return undefined;
    const test = budgetPredicate(mergeFilters(part.where, cell.measure), context);
    return entries.reduce((total, entry) => entry.lines.reduce((sum, line) => (test(line) ? sum + line.amount : sum), total), 0);
  });
  return renderCells(cells, amounts, fields, context, attributes, scope);
}
