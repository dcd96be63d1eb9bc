import type { Workbook } from '../../../core/model';
import type { TemplateSpec } from '../../../core/tables/spec';
import { ChromiumPdfPrinter } from './chromium-printer';
import { exportOpenData } from './open-data';
import { exportPdf } from './pdf';
import type { PdfPrinter } from './pdf-printer';
import type { ExportControl } from './progress';
import { exportXlsx } from './xlsx';

export interface ExportTargets {
  xlsx?: string;
  pdf?: string;
  openData?: string;
}

export interface ExportSummary {
  template: string;
  xlsx?: { path: string; bytes: number; sheets: string[] };
  pdf?: { path: string; bytes: number; pages: number; contentsPages: Record<string, number> };
  openData?: { folder: string; files: string[] };
}

/**
 * Writes whichever of the three outputs `targets` names (the CLI's `export` command). A PDF without
 * an injected printer launches the system Chromium for the run and closes it after.
 */
export async function exportFiles(
  workbook: Workbook,
  template: TemplateSpec,
  targets: ExportTargets,
  options: ExportControl & { printer?: PdfPrinter; date?: string } = {},
): Promise<ExportSummary> {
  const summary: ExportSummary = { template: template.id };
  const control = { signal: options.signal };
  const steps = [targets.xlsx, targets.pdf, targets.openData].filter((target) => target !== undefined).length;
  let done = 0;
  const slice = (): ExportControl => {
    const start = done / steps;
    done += 1;
    return { ...control, onProgress: (fraction, stage) => options.onProgress?.(start + fraction / steps, stage) };
  };
  if (targets.xlsx !== undefined) {
    const result = await exportXlsx(workbook, template, targets.xlsx, slice());
    summary.xlsx = { path: result.path, bytes: result.bytes.byteLength, sheets: result.sheets.map((sheet) => sheet.name) };
  }
  if (targets.pdf !== undefined) {
    const printer = options.printer ?? (await ChromiumPdfPrinter.launch());
    try {
      const result = await exportPdf(workbook, template, targets.pdf, { ...slice(), printer, date: options.date });
      summary.pdf = { path: result.path, bytes: result.bytes.byteLength, pages: result.pageCount, contentsPages: result.contentsPages };
    } finally {
      if (!options.printer && printer instanceof ChromiumPdfPrinter) await printer.close();
    }
  }
  if (targets.openData !== undefined) {
    summary.openData = await exportOpenData(workbook, template, targets.openData, slice());
  }
  return summary;
}
