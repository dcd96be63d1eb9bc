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

/** "- 3 -" centred at the foot of every page, in the physical page numbering the contents uses. */
export const PAGE_NUMBER_FOOTER =
  '<div style="width:100%;font-size:8pt;text-align:center;font-family:sans-serif;color:#000;">- <span class="pageNumber"></span> -</div>';
