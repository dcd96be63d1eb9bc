import type { ApiArgs, ApiClient, ApiErrorPayload, ApiMethodName, ApiResult } from '../../shared/api';
import { createHttpTransport } from './http-transport';
import { takeToken } from './token';
import type { ApiTransport } from './transport';

/** A failed call as the renderer sees it: the code and params to word it with t(). */
export class ApiCallError extends Error {
  constructor(readonly payload: ApiErrorPayload) {
    super(payload.code);
    this.name = 'ApiCallError';
  }
}

export function clientOver(transport: ApiTransport): ApiClient {
  return {
    async call<M extends ApiMethodName>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
      const response = await transport.call(method, args);
      if (!response.ok) throw new ApiCallError(response.error);
      return response.result as ApiResult<M>;
    },
  };
}

export type Connection = { kind: 'ready'; client: ApiClient } | { kind: 'missingToken' };

/** Electron's preload API when present, else HTTP with the browser-mode token. */
export function connect(): Connection {
  if (window.api) return { kind: 'ready', client: clientOver(window.api) };
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (!token) return { kind: 'missingToken' };
  return { kind: 'ready', client: clientOver(createHttpTransport(token)) };
}
