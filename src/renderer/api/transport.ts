import type { ApiResponse } from '../../shared/api';

/**
 * What the Electron preload exposes as `window.api`: one call that returns the response envelope.
 * The browser-mode HTTP client has the same shape, so the rest of the renderer never knows which
 * transport it has.
 */
export interface ApiTransport {
  call(method: string, args: unknown): Promise<ApiResponse<unknown>>;
}

declare global {
  interface Window {
    api?: ApiTransport;
  }
}
