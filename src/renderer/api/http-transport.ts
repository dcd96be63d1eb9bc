import type { ApiResponse } from '../../shared/api';
import type { ApiTransport } from './transport';

export const TOKEN_HEADER = 'x-budget-desk-token';

/** Browser mode: POST /api/<method> with the run's token; errors come back in the same envelope. */
export function createHttpTransport(token: string): ApiTransport {
  return {
    async call(method, args) {
      let response: Response;
      try {
        response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(args ?? {}),
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch {
        return { ok: false, error: { code: 'app:error.connection', params: {} } };
      }
      try {
        return (await response.json()) as ApiResponse<unknown>;
      } catch {
        return { ok: false, error: { code: 'app:error.transport', params: { status: response.status } } };
      }
    },
  };
}
