/**
 * Publishing: the province's Excel workbook, the PDF disclosure package and the open-data set, all
 * from one evaluation of the template over the workbook. Every export takes onProgress/signal.
 */
export { exportXlsx, buildXlsx, type XlsxResult } from './xlsx';
export type { SheetPlacement } from './xlsx-sheet';
export { disclosurePackage, exportPdf, printPackage, type PdfExportOptions, type PdfResult } from './pdf';
export { exportOpenData, dataPackage, type OpenDataResult } from './open-data';
export { ChromiumPdfPrinter, DEFAULT_CHROMIUM } from './chromium-printer';
export { PAGE_NUMBER_FOOTER, type PdfPrinter, type PdfPrintOptions } from './pdf-printer';
export { readNamedDestinations } from './pdf-destinations';
export { embeddedFontCss, embeddedFontFaces, type EmbeddedFontFace } from './fonts';
export { reportTables } from './evaluate';
export { previewTablesHtml } from './preview';
export type { ExportControl, ExportStage, ProgressListener } from './progress';
export { exportFiles, type ExportSummary, type ExportTargets } from './export-files';
export { resolveExportPath, writeFileAtomic } from './files';
export { ExportJobs, type ExportJobState, type ExportJobStatus } from './jobs';
export { EXPORT_EXTENSIONS, runExport, type ExportKind, type ExportOutcome } from './run-export';
export { PRINT_FOOTER_CSS, printablePackage, type PrintablePackage, type PrintDialog } from './print';
