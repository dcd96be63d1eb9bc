import type { Workbook } from '../../../core/model';
import { renderTablesDocument } from '../../../core/report';
import type { TemplateSpec } from '../../../core/tables/spec';
import { reportTables } from './evaluate';

/**
 * The in-app preview of a template's tables: a standalone HTML document (for an iframe's srcdoc),
 * on the system's fonts so it stays small. Optionally only the tables whose spec id is listed.
 */
export function previewTablesHtml(workbook: Workbook, template: TemplateSpec, tableIds?: string[]): { html: string; tables: { id: string; title: string }[] } {
  const tables = reportTables(workbook, template)
    .filter(({ spec }) => !tableIds || tableIds.length === 0 || tableIds.includes(spec.id))
    .map(({ table }) => table);
  return {
    html: renderTablesDocument(tables, { title: `${workbook.department.name} · ${template.name}` }),
    tables: tables.map((table) => ({ id: table.id, title: table.title })),
  };
}
