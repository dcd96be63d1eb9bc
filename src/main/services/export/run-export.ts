import type { Workbook } from '../../../core/model';
import type { TemplateSpec } from '../../../core/tables/spec';
import { exportFiles } from './export-files';
import type { PdfPrinter } from './pdf-printer';
import type { ExportControl } from './progress';

export type ExportKind = 'xlsx' | 'pdf' | 'openData';

/** What one export wrote, by kind. */
export type ExportOutcome =
  | { kind: 'xlsx'; path: string; bytes: number; sheets: string[] }
  | { kind: 'pdf'; path: string; bytes: number; pages: number; contentsPages: Record<string, number> }
  | { kind: 'openData'; folder: string; files: string[] };

/** The extension a target gets when the clerk leaves it out; open data is a folder. */
export const EXPORT_EXTENSIONS: Record<ExportKind, string> = { xlsx: '.xlsx', pdf: '.pdf', openData: '' };

/** One output of the three, to an absolute target (a file, or the open-data folder). */
export async function runExport(
  kind: ExportKind,
  workbook: Workbook,
  template: TemplateSpec,
  target: string,
  options: ExportControl & { printer?: PdfPrinter },
): Promise<ExportOutcome> {
  const summary = await exportFiles(workbook, template, { [kind]: target }, options);
  if (kind === 'xlsx' && summary.xlsx) return { kind, ...summary.xlsx };
  if (kind === 'pdf' && summary.pdf) return { kind, ...summary.pdf };
  if (kind === 'openData' && summary.openData) return { kind, ...summary.openData };
  throw new Error(`export of ${kind} produced no result`);
}
