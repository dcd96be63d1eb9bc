/**
 * Turns a complete HTML document into PDF bytes. The document's CSS @page rules decide paper size
 * and orientation (named pages); the printer adds the footer and keeps internal links as named
 * destinations (the contents' page numbers are read from them) and headings as the outline.
 * Implementations: Chromium driven by Playwright (CLI, browser mode, tests) and Electron's
 * webContents.printToPDF (src/main/electron/pdf-printer.ts). Services never import electron.
 */
export interface PdfPrinter {
  print(html: string, options: PdfPrintOptions): Promise<Uint8Array>;
}

export interface PdfPrintOptions {
  /** Chromium footer template: HTML with <span class="pageNumber"> / <span class="totalPages">. */
  footerTemplate: string;
}

/**
 * Chromium's footer template for a footer text ("- {page} -"): centred at the foot of every page, {page} the
 * physical page number (the numbering the contents uses).
 */
export function pageNumberFooter(text: string): string {
  const html = text
    .split('{page}')
    .map((piece) => piece.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`))
    .join('<span class="pageNumber"></span>');
  return `<div style="width:100%;font-size:8pt;text-align:center;font-family:sans-serif;color:#000;">${html}</div>`;
}

/** "- 3 -" centred at the foot of every page: the built-in templates' footer. */
export const PAGE_NUMBER_FOOTER = pageNumberFooter('- {page} -');

/** A footer template that prints nothing (the document's CSS page-margin boxes print the footer instead). */
export const BLANK_FOOTER = '<span></span>';
