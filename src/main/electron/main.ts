import '../runtime/require-electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, app, type IpcMainInvokeEvent } from 'electron';
import { createApiHandlers, createDispatch, type ApiDispatch, type ApiSession } from '../services/api-handlers';
import { nativeDialogs } from './dialogs';
import { registerApiIpc } from './ipc';
import { lockDown, samePage } from './lockdown';
import { electronPdfPrinter } from './pdf-printer';
import { electronPrintDialog } from './print-dialog';

/**
 * The desktop shell: one window, sandboxed renderer, the API served over IPC by the same
 * handlers browser mode uses. Everything the renderer may do goes through src/shared/api.
 */
const here = import.meta.dirname;
const preloadPath = join(here, '../preload/index.cjs');
// electron-vite dev serves the renderer over HTTP; a built app loads it from disk.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const pageUrl = devServerUrl ?? pathToFileURL(join(here, '../renderer/index.html')).href;

let mainWindow: BrowserWindow | null = null;
let session: { handlers: ApiSession; dispatch: ApiDispatch } | null = null;

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    mainWindow !== null &&
    frame !== null &&
    event.sender === mainWindow.webContents &&
    frame === mainWindow.webContents.mainFrame &&
    samePage(frame.url, pageUrl)
  );
}

function createWindow(): void {
  const dataDir = join(app.getPath('documents'), 'BudgetDesk');
  mkdirSync(dataDir, { recursive: true });
  const handlers = createApiHandlers({
    transport: 'electron',
    version: app.getVersion(),
    configDir: app.getPath('userData'),
    dataDir,
    dialogs: nativeDialogs(() => mainWindow, dataDir),
    pdfPrinter: electronPdfPrinter(),
    printDialog: electronPrintDialog(),
  });
  session = { handlers, dispatch: createDispatch(handlers) };

  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Budget Desk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    session?.handlers.dispose();
    session = null;
    mainWindow = null;
  });
  void window.loadURL(pageUrl);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    lockDown((url) => samePage(url, pageUrl));
    registerApiIpc(isTrustedSender, () => session?.dispatch ?? null);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
