import { contextBridge, ipcRenderer } from 'electron';
import { API_METHOD_NAMES } from '../shared/api';

/**
 * The renderer's only door to the main process: `window.api.call(method, args)` for the methods
 * of the contract, each on its own IPC channel. Nothing else of Electron or Node is exposed.
 */
const allowed = new Set<string>(API_METHOD_NAMES);

contextBridge.exposeInMainWorld('api', {
  call(method: unknown, args: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !allowed.has(method)) return Promise.reject(new Error(`Unknown API method: ${String(method)}`));
    return ipcRenderer.invoke(`api:${method}`, args);
  },
});
