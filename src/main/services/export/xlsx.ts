import ExcelJS from 'exceljs';
import type { Workbook } from '../../../core/model';
import type { ReportTable } from '../../../core/report';
import type { TemplateSpec } from '../../../core/tables/spec';
import { reportTables } from './evaluate';
import { writeFileAtomic } from './files';
import { progressSlice, yieldToEventLoop, type ExportControl } from './progress';
import { sheetNames } from './sheet-names';
import { writeTableSheet, type SheetPlacement } from './xlsx-sheet';
import type { PageSetup } from '../../../core/report/package-spec';

export interface XlsxResult {
  bytes: Uint8Array;
  sheets: SheetPlacement[];
}

/** The province's workbook: one sheet per table, in the template's order. */
export async function buildXlsx(tables: ReportTable[], meta: { creator?: string; title?: string; page?: PageSetup }, control: ExportControl = {}): Promise<XlsxResult> {
  const report = progressSlice(control, 0, 1);
  const book = new ExcelJS.Workbook();
  book.creator = meta.creator ?? 'Budget Desk';
  book.title = meta.title ?? '';
  const names = sheetNames(tables.map(({ table }) => table.title || table.number || table.id));
  const sheets: SheetPlacement[] = [];
  for (const [index, table] of tables.entries()) {
    report(index / (tables.length + 1), 'sheets');
    sheets.push(writeTableSheet(book, names[index] ?? `Sheet${index + 1}`, table, meta.page));
    await yieldToEventLoop();
  }
  report(tables.length / (tables.length + 1), 'write');
  const buffer = await book.xlsx.writeBuffer();
  report(1, 'write');
  return { bytes: new Uint8Array(buffer as ArrayBuffer), sheets };
}

/** Evaluates the template over the workbook and writes the .xlsx to `path` (atomically). */
export async function exportXlsx(workbook: Workbook, template: TemplateSpec, path: string, control: ExportControl = {}): Promise<XlsxResult & { path: string }> {
  progressSlice(control, 0, 0.05)(0, 'evaluate');
  const tables = reportTables(workbook, template);
  const title = `${workbook.department.name}${workbook.department.year}年度部门预算表`;
  const result = await buildXlsx(tables, { title, page: template.package.page }, { ...control, onProgress: (fraction, stage) => control.onProgress?.(0.05 + fraction * 0.9, stage) });
  writeFileAtomic(path, result.bytes);
  control.onProgress?.(1, 'done');
  return { ...result, path };
}
