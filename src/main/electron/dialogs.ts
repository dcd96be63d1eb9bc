import { join } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { WorkbookDialogs } from '../services/api-handlers';

const filters = [{ name: 'Budget Desk (*.budget)', extensions: ['budget'] }];

/** Native open/save dialogs, attached to the main window; null when the clerk cancels. */
export function nativeDialogs(parent: () => BrowserWindow | null, defaultFolder: string): WorkbookDialogs {
  return {
    async openWorkbook() {
      const options = { defaultPath: defaultFolder, filters, properties: ['openFile' as const] };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveWorkbook(suggestedName) {
      const options = { defaultPath: join(defaultFolder, suggestedName), filters };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async saveFile(suggestedName, fileFilters) {
      const options = { defaultPath: join(defaultFolder, suggestedName), filters: fileFilters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
