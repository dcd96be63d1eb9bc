import { evaluatePart } from './parts';
import { fill, type EvaluatedRow, type EvaluatedTable, type NameResolver } from './render';
import type { Workbook } from '../model';
import type { TableSpec, TemplateSpec } from './spec';

export type { EvaluatedCell, EvaluatedRow, EvaluatedTable, NameResolver } from './render';
export { fill } from './render';

export function evaluateTemplate(workbook: Workbook, template: TemplateSpec, names: NameResolver): EvaluatedTable[] {
  return template.tables.map((table) => evaluateTable(workbook, template, table, names));
}

export function evaluateTable(workbook: Workbook, template: TemplateSpec, table: TableSpec, names: NameResolver): EvaluatedTable {
  const placeholders = {
    year: String(workbook.department.year),
    priorYear: String(workbook.department.year - 1),
    departmentName: workbook.department.name,
    departmentCode: workbook.department.code,
  };
  const context = {
    workbook,
    template,
    names,
    unitsById: new Map(workbook.units.map((unit) => [unit.id, unit])),
    projectsById: new Map(workbook.projects.map((project) => [project.id, project])),
    placeholders,
    zero: table.zero ?? template.money.zero,
  };
  const rows: EvaluatedRow[] = table.body.flatMap((part) => evaluatePart(part, context));
  for (const row of rows) while (row.cells.length < table.columnCount) row.cells.push({ text: '' });
  const empty = rows.every((row) => row.cells.every((cell) => !cell.fen));
  const notes = table.notes.map((note) => fill(note, placeholders));
  if (empty && table.emptyNote) notes.push(fill(table.emptyNote, placeholders));
  return {
    id: table.id,
    number: table.number,
    title: fill(table.title, placeholders),
    meta: table.meta.map((line) => fill(line, placeholders)),
    header: table.header.map((row) => row.map((cell) => ({ ...cell, text: fill(cell.text, placeholders) }))),
    columnCount: table.columnCount,
    rows,
    notes,
    empty,
  };
}

/** Body rows as the template displays them: what the CLI prints and the seed fixtures hold. */
export function displayRows(table: EvaluatedTable): string[][] {
  return table.rows.map((row) => row.cells.map((cell) => cell.text));
}
