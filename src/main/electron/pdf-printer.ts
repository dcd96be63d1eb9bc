import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../services/export';

/**
 * The desktop app's PdfPrinter: a hidden window in its own session (our CSP on the default session
 * would block the package's inline styles and data: fonts) loads the package from a temporary file
 * and prints it with webContents.printToPDF, which takes the same options as Chromium's own.
 * Wire it with createApiHandlers({ …, pdfPrinter: electronPdfPrinter() }).
 */
export function electronPdfPrinter(): PdfPrinter {
  return {
    async print(html, options) {
      const folder = mkdtempSync(join(tmpdir(), 'budget-desk-print-'));
      const window = new BrowserWindow({
        show: false,
        webPreferences: { partition: 'budget-desk-print', sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false },
      });
      try {
        const file = join(folder, 'package.html');
        writeFileSync(file, html, 'utf8');
        await window.loadFile(file);
        await window.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
        const pdf = await window.webContents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: options.footerTemplate,
          generateDocumentOutline: true,
          generateTaggedPDF: true,
        });
        return new Uint8Array(pdf);
      } finally {
        window.destroy();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
