import { evaluatePart } from './parts';
import { fill, type EvaluatedRow, type EvaluatedTable, type NameResolver } from './render';
import type { Project, Workbook } from '../model';
import type { TableSpec, TemplateSpec } from './spec';

export type { EvaluatedCell, EvaluatedRow, EvaluatedTable, NameResolver } from './render';
export { fill } from './render';

export function evaluateTemplate(workbook: Workbook, template: TemplateSpec, names: NameResolver): EvaluatedTable[] {
  return template.tables.flatMap((table) =>
    table.perProject
      ? tableProjects(workbook, table).map((project, index) => evaluateTable(workbook, template, table, names, { project, index }))
      : [evaluateTable(workbook, template, table, names)],
  );
}

/** One copy of a per-project table: its project and 0-based position among the table's projects. */
export interface TableRepeat {
  project: Project;
  index: number;
}

/** The projects a per-project table is repeated for, in workbook order. */
export function tableProjects(workbook: Workbook, table: TableSpec): Project[] {
  const types = table.perProject?.projectTypes;
  return workbook.projects.filter((project) => !types || types.includes(project.type));
}

export function evaluateTable(workbook: Workbook, template: TemplateSpec, table: TableSpec, names: NameResolver, repeat?: TableRepeat): EvaluatedTable {
  const placeholders: Record<string, string> = {
    year: String(workbook.department.year),
    priorYear: String(workbook.department.year - 1),
    departmentName: workbook.department.name,
    departmentCode: workbook.department.code,
    assetsAsOf: workbook.assets.asOf,
    ...(repeat
      ? { projectCode: repeat.project.code, projectName: repeat.project.name, projectIndex: String(repeat.index + 1) }
      : {}),
  };
  const context = {
    // A copy of a per-project table sees only its project's budget lines.
    workbook: repeat ? { ...workbook, budgetLines: workbook.budgetLines.filter((line) => line.projectId === repeat.project.id) } : workbook,
    project: repeat?.project,
    template: table.money ? { ...template, money: { ...template.money, ...table.money } } : template,
    names,
    tableIsEmpty: (tableId: string) => tableIsEmpty(workbook, template, names, tableId),
    unitsById: new Map(workbook.units.map((unit) => [unit.id, unit])),
    projectsById: new Map(workbook.projects.map((project) => [project.id, project])),
    placeholders,
    zero: table.zero ?? table.money?.zero ?? template.money.zero,
  };
  const rows: EvaluatedRow[] = table.body.flatMap((part) => evaluatePart(part, context));
  for (const row of rows) while (row.cells.length < table.columnCount) row.cells.push({ text: '' });
  // No amount anywhere; a table without money cells (a list of units, say) is empty only without rows.
  const money = rows.flatMap((row) => row.cells.filter((cell) => cell.fen !== undefined));
  const empty = money.length > 0 ? money.every((cell) => !cell.fen) : rows.length === 0;
  const notes = table.notes.map((note) => fill(note, placeholders));
  if (empty && table.emptyNote) notes.push(fill(table.emptyNote, placeholders));
  return {
    id: fill(table.id, placeholders),
    number: fill(table.number, placeholders),
    title: fill(table.title, placeholders),
    meta: table.meta.map((line) => fill(line, placeholders)),
    header: table.header.map((row) => row.map((cell) => ({ ...cell, text: fill(cell.text, placeholders) }))),
    columnCount: table.columnCount,
    rows,
    notes,
    empty,
  };
}

/** No amount in any copy of the template's table `tableId` (for a catalogue of the package's tables). */
function tableIsEmpty(workbook: Workbook, template: TemplateSpec, names: NameResolver, tableId: string): boolean {
  const table = template.tables.find((candidate) => candidate.id === tableId);
  if (!table) throw new Error(`no table "${tableId}" in template ${template.id}`);
  return evaluateTemplate(workbook, { ...template, tables: [table] }, names).every((copy) => copy.empty);
}

/** Body rows as the template displays them: what the CLI prints and the seed fixtures hold. */
export function displayRows(table: EvaluatedTable): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => cell.text));
}
