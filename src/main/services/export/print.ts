import type { Workbook } from '../../../core/model';
import { footerCss, renderPackageHtml, type DisclosurePackage } from '../../../core/report';
import type { TemplateSpec } from '../../../core/tables/spec';
import { ChromiumPdfPrinter } from './chromium-printer';
import { embeddedFontCss, embeddedFontFaces, type EmbeddedFontFace } from './fonts';
import { disclosurePackage, printPackage } from './pdf';
import type { PdfPrinter } from './pdf-printer';

/**
 * A print dialog shows no Chromium footer template, so the printed package numbers its pages with
 * a CSS page-margin box instead (footerCss: the template's footer text, none on the cover when the
 * template says so), in the same physical numbering the contents uses. This is the built-ins' "- n -".
 */
export const PRINT_FOOTER_CSS = footerCss('- {page} -', true);

/** Asks the system's print dialog to print a complete HTML document; false when the clerk cancelled it. */
export interface PrintDialog {
  print(html: string): Promise<boolean>;
}

export interface PrintablePackage {
  /** The package as one document, its contents numbered as the PDF numbers them. */
  html: string;
  /** With `fonts: 'separate'`: the font subsets the document uses, for the FontFace API (the html embeds none). */
  fonts: EmbeddedFontFace[];
}

/**
 * The disclosure package ready for a print dialog. The contents' page numbers are the PDF's: the
 * package is laid out once through `printer` (the same passes as the PDF export; without one, the
 * system Chromium is launched for the call; a package without contents is not laid out) and the numbers
 * found there are filled in; the printed pages match when the printing browser lays out with the
 * same fonts, which is why the fonts travel with the document — as @font-face data URLs
 * (`fonts: 'inline'`, Electron's print window) or as separate subsets (`fonts: 'separate'`, for a
 * page whose CSP refuses data: fonts but allows the FontFace API).
 */
export async function printablePackage(
  workbook: Workbook,
  template: TemplateSpec,
  options: { printer?: PdfPrinter; fonts: 'inline' | 'separate'; date?: string },
): Promise<PrintablePackage> {
  const pkg = disclosurePackage(workbook, template, { date: options.date });
  const contentsPages = pkg.contents ? await contentsNumbers(pkg, options.printer) : {};
  const footer = footerCss(pkg.page.footer.text, pkg.cover.pageNumber);
  const text = `${renderPackageHtml(pkg)}${pkg.page.footer.text.replace(/\{page\}/g, '')}0123456789`;
  if (options.fonts === 'inline') {
    return { html: renderPackageHtml(pkg, { fontCss: embeddedFontCss(text) + footer, pages: contentsPages }), fonts: [] };
  }
  return { html: renderPackageHtml(pkg, { fontCss: footer, pages: contentsPages }), fonts: embeddedFontFaces(text) };
}

/** The contents' page numbers, found by laying the package out as the PDF export does. */
async function contentsNumbers(pkg: DisclosurePackage, given: PdfPrinter | undefined): Promise<Record<string, number>> {
  const printer = given ?? (await ChromiumPdfPrinter.launch());
  try {
    return (await printPackage(pkg, printer)).contentsPages;
  } finally {
    if (!given && printer instanceof ChromiumPdfPrinter) await printer.close();
  }
}
