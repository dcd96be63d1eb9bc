import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { UserError } from '../../shared/api';
import type { PrintDialog } from '../services/export';

/**
 * The desktop app's print: the package (fonts and contents numbers included, see printablePackage)
 * in a hidden window of its own session — our CSP on the default session would refuse its inline
 * styles and data: fonts — printed with webContents.print(), which shows the system print dialog.
 * Wire it with createApiHandlers({ …, printDialog: electronPrintDialog() }).
 */
export function electronPrintDialog(): PrintDialog {
  return {
    async print(html) {
      const folder = mkdtempSync(join(tmpdir(), 'budget-desk-print-'));
      const window = new BrowserWindow({
        show: false,
        webPreferences: { partition: 'budget-desk-print', sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true, spellcheck: false },
      });
      try {
        const file = join(folder, 'package.html');
        writeFileSync(file, html, 'utf8');
        await window.loadFile(file);
        await window.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
        return await new Promise<boolean>((resolve, reject) => {
          window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
            if (success) resolve(true);
            else if (/cancel/i.test(failureReason)) resolve(false);
            else reject(new UserError('export:printDialogFailed', { detail: failureReason }));
          });
        });
      } finally {
        window.destroy();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
