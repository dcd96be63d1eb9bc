import type { Workbook } from '../../../core/model';
import {
  buildDisclosurePackage,
  footerCss,
  packageNarrative,
  packageOutline,
  renderPackageHtml,
  type DisclosurePackage,
  type NarrativeSection,
} from '../../../core/report';
import type { TemplateSpec } from '../../../core/tables/spec';
import { UserError } from '../../../shared/api';
import { reportTables } from './evaluate';
import { writeFileAtomic } from './files';
import { embeddedFontCss } from './fonts';
import { readNamedDestinations } from './pdf-destinations';
import { budgetDeskInfo, withDocumentInfo } from './pdf-info';
import { BLANK_FOOTER, pageNumberFooter, type PdfPrinter } from './pdf-printer';
import { progressSlice, type ExportControl } from './progress';

export interface PdfResult {
  bytes: Uint8Array;
  pageCount: number;
  /** Page of each contents entry, by outline id ("part-overview", "table-3" …); empty when the template prints no contents. */
  contentsPages: Record<string, number>;
  /** Layout passes it took until the contents' numbers matched the pages (2 unless numbers moved pages). */
  passes: number;
}

const MAX_PASSES = 4;

/**
 * Prints the package. The contents' page numbers are found, not guessed: every contents line links to
 * its heading, Chromium turns those links into named destinations, and the destinations' pages are
 * read back from the PDF (pdf-destinations.ts). Pass 1 prints with the numbers blank (their boxes have
 * a fixed width, so filling them in moves nothing), pass 2 prints with them; if the numbers would
 * change a page break anyway, passes repeat until they agree. A package without contents prints once.
 */
export async function printPackage(pkg: DisclosurePackage, printer: PdfPrinter, control: ExportControl = {}): Promise<PdfResult> {
  const report = progressSlice(control, 0, 1);
  report(0, 'layout');
  const outline = packageOutline(pkg);
  const footer = pdfFooter(pkg);
  const fontCss = embeddedFontCss(renderPackageHtml(pkg) + footer.footerTemplate + (footer.css ? `${footer.css}0123456789` : '')) + footer.css;
  let pages: Record<string, number> = {};
  for (let pass = 1; pass <= MAX_PASSES; pass += 1) {
    report((pass - 1) / 2.2, 'print');
    const bytes = await printWith(printer, renderPackageHtml(pkg, { fontCss, pages }), footer.footerTemplate);
    report((pass - 0.5) / 2.2, 'paginate');
    const found = readNamedDestinations(bytes);
    // No contents, no numbers to find: one pass.
    if (!pkg.contents) {
      report(1, 'paginate');
      return { bytes: withDocumentInfo(bytes, budgetDeskInfo(documentTitle(pkg))), pageCount: found.pageCount, contentsPages: {}, passes: pass };
    }
    const next = Object.fromEntries(outline.flatMap((entry) => (found.pages.has(entry.id) ? [[entry.id, found.pages.get(entry.id) as number]] : [])));
    const missing = outline.filter((entry) => next[entry.id] === undefined).map((entry) => entry.id);
    if (missing.length > 0) throw new Error(`the printed PDF has no destination for ${missing.join(', ')}`);
    if (pass > 1 && sameNumbers(pages, next)) {
      report(1, 'paginate');
      return { bytes: withDocumentInfo(bytes, budgetDeskInfo(documentTitle(pkg))), pageCount: found.pageCount, contentsPages: next, passes: pass };
    }
    pages = next;
  }
  throw new Error(`contents page numbers did not settle after ${MAX_PASSES} passes`);
}

/**
 * The PDF's Title property: the package's title, led by the department's name where the title lacks it
 * (a template whose cover prints no department falls back to a contents title such as "2024 年部门预算信息公开目录",
 * which alone would not say whose package a file is).
 */
export function documentTitle(pkg: Pick<DisclosurePackage, 'title' | 'departmentName'>): string {
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  return !pkg.departmentName || squeeze(pkg.title).includes(squeeze(pkg.departmentName)) ? pkg.title : `${pkg.departmentName} ${pkg.title}`;
}

/**
 * The package's page footer (the template's footer text) as the PDF prints it: Chromium's footer template
 * on every page; when the cover carries no number, CSS page-margin boxes in the document that skip the
 * first page instead (a footer template prints on every page alike), with a blank footer template.
 */
export function pdfFooter(pkg: Pick<DisclosurePackage, 'cover' | 'page'>): { footerTemplate: string; css: string } {
  const text = pkg.page.footer.text;
  return pkg.cover.pageNumber ? { footerTemplate: pageNumberFooter(text), css: '' } : { footerTemplate: BLANK_FOOTER, css: footerCss(text, false) };
}

export interface PdfExportOptions extends ExportControl {
  printer: PdfPrinter;
  /** The 情况说明 sections; by default packageNarrative (see its integration note). */
  narrative?: NarrativeSection[];
  /** ISO date for the cover when the workbook has no 公开日期 and the template falls back to the export date; default today. */
  date?: string;
}

/** The package's content: the template evaluated over the workbook, in its package structure, the narrative, the cover's date. */
export function disclosurePackage(workbook: Workbook, template: TemplateSpec, options: Pick<PdfExportOptions, 'narrative' | 'date'> = {}): DisclosurePackage {
  return buildDisclosurePackage({
    workbook,
    template,
    tables: reportTables(workbook, template),
    narrative: options.narrative ?? packageNarrative(workbook, template),
    fallbackDate: options.date ?? new Date().toISOString().slice(0, 10),
  });
}

/** Evaluates the template, builds the package and prints it to `path` (atomically). */
export async function exportPdf(workbook: Workbook, template: TemplateSpec, path: string, options: PdfExportOptions): Promise<PdfResult & { path: string }> {
  progressSlice(options, 0, 0.05)(0, 'evaluate');
  const pkg = disclosurePackage(workbook, template, options);
  const result = await printPackage(pkg, options.printer, { signal: options.signal, onProgress: (fraction, stage) => options.onProgress?.(0.05 + fraction * 0.9, stage) });
  writeFileAtomic(path, result.bytes);
  options.onProgress?.(1, 'done');
  return { ...result, path };
}

async function printWith(printer: PdfPrinter, html: string, footerTemplate: string): Promise<Uint8Array> {
  try {
    return await printer.print(html, { footerTemplate });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('export:printFailed', { detail: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) });
  }
}

function sameNumbers(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}
