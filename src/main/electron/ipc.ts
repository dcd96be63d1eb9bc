import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_METHOD_NAMES, type ApiResponse } from '../../shared/api';
import type { ApiDispatch } from '../services/api-handlers';

const refused: ApiResponse<never> = { ok: false, error: { code: 'app:error.accessDenied', params: {} } };

/**
 * One `ipcMain.handle` per method of the contract. A call is served only when it comes from the
 * top frame of our main window showing our own page; the dispatch parses its arguments.
 */
export function registerApiIpc(isTrustedSender: (event: IpcMainInvokeEvent) => boolean, dispatch: () => ApiDispatch | null): void {
  for (const method of API_METHOD_NAMES) {
    ipcMain.handle(`api:${method}`, async (event, args: unknown) => {
      const current = dispatch();
      if (!current || !isTrustedSender(event)) return refused;
      return current(method, args);
    });
  }
}
