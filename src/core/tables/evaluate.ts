import { evaluatePart } from './parts';
import { fill, type EvaluatedRow, type EvaluatedTable, type NameResolver } from './render';
import type { Project, Workbook } from '../model';
import { createFacts, type Facts } from './facts';
import { applySpans } from './spans';
import type { TableSpec, TemplateSpec } from './spec';

export type { EvaluatedCell, EvaluatedRow, EvaluatedTable, NameResolver } from './render';
export { fill } from './render';

export function evaluateTemplate(workbook: Workbook, template: TemplateSpec, names: NameResolver, run: EvaluationRun = newRun(workbook)): EvaluatedTable[] {
  return template.tables.flatMap((table) => evaluateSpec(workbook, template, table, names, run));
}

/** The evaluated tables of each spec of the template, in order (a per-project spec has one per project). */
export function evaluateTemplateBySpec(workbook: Workbook, template: TemplateSpec, names: NameResolver): { spec: TableSpec; tables: EvaluatedTable[] }[] {
  const run = newRun(workbook);
  return template.tables.map((spec) => ({ spec, tables: evaluateSpec(workbook, template, spec, names, run) }));
}

/** Every copy of one table spec (one per project for per-project tables). */
function evaluateSpec(workbook: Workbook, template: TemplateSpec, table: TableSpec, names: NameResolver, run: EvaluationRun): EvaluatedTable[] {
  const cached = run.tables.get(table.id);
  if (cached) return cached;
  const tables = table.perProject
    ? tableProjects(workbook, table).map((project, index) => evaluateTable(workbook, template, table, names, { project, index }, run))
    : [evaluateTable(workbook, template, table, names, undefined, run)];
  run.tables.set(table.id, tables);
  return tables;
}

/**
 * What one evaluation of a workbook shares across its tables: lookups, aggregated facts, sums already
 * computed, each project's lines, and the tables evaluated so far (a catalogue asks whether they are empty).
 */
export interface EvaluationRun {
  unitsById: Map<string, Workbook['units'][number]>;
  projectsById: Map<string, Project>;
  facts: Facts;
  sums: Map<string, number>;
  linesByProject: Map<string, Workbook['budgetLines']>;
  tables: Map<string, EvaluatedTable[]>;
}

function newRun(workbook: Workbook): EvaluationRun {
  const projectsById = new Map(workbook.projects.map((project) => [project.id, project]));
  const linesByProject = new Map<string, Workbook['budgetLines']>();
  for (const line of workbook.budgetLines) {
    if (!line.projectId) continue;
    const list = linesByProject.get(line.projectId);
    if (list) list.push(line);
    else linesByProject.set(line.projectId, [line]);
  }
  return {
    unitsById: new Map(workbook.units.map((unit) => [unit.id, unit])),
    projectsById,
    facts: createFacts(workbook, projectsById),
    sums: new Map(),
    linesByProject,
    tables: new Map(),
  };
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

export function evaluateTable(
  workbook: Workbook,
  template: TemplateSpec,
  table: TableSpec,
  names: NameResolver,
  repeat?: TableRepeat,
  run: EvaluationRun = newRun(workbook),
): EvaluatedTable {
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
  // A copy of a per-project table sees only its project's budget lines.
  const scoped = repeat ? { ...workbook, budgetLines: run.linesByProject.get(repeat.project.id) ?? [] } : workbook;
  const context = {
    workbook: scoped,
    facts: repeat ? createFacts(scoped, run.projectsById) : run.facts,
    sums: repeat ? new Map<string, number>() : run.sums,
    project: repeat?.project,
    template: table.money ? { ...template, money: { ...template.money, ...table.money } } : template,
    names,
    tableIsEmpty: (tableId: string) => tableIsEmpty(workbook, template, names, tableId, run),
    unitsById: run.unitsById,
    projectsById: run.projectsById,
    placeholders,
    zero: table.zero ?? table.money?.zero ?? template.money.zero,
  };
  const rows: EvaluatedRow[] = [];
  const rowParts: number[] = [];
  table.body.forEach((part, index) => {
    for (const row of evaluatePart(part, context)) {
      rows.push(row);
      rowParts.push(index);
    }
  });
  for (const row of rows) while (row.cells.length < table.columnCount) row.cells.push({ text: '' });
  // Merged cells (rowSpan / colSpan) once every part has its rows: a label may span rows of later parts.
  applySpans(rows, rowParts, table.body.map((part) => part.id), table.columnCount);
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
function tableIsEmpty(workbook: Workbook, template: TemplateSpec, names: NameResolver, tableId: string, run: EvaluationRun): boolean {
  const table = template.tables.find((candidate) => candidate.id === tableId);
  if (!table) throw new Error(`no table "${tableId}" in template ${template.id}`);
  return evaluateSpec(workbook, template, table, names, run).every((copy) => copy.empty);
}

/**
 * Body rows as the template displays them: what the CLI prints and the seed fixtures hold. Cells covered by
 * a merged cell read as blanks, so the grid stays one cell per column.
 */
export function displayRows(table: EvaluatedTable): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => cell.text));
}
