import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResponse } from '../../shared/api';
import { isApiMethodName, type ApiDispatch } from '../services/api-handlers';
import { SECURITY_HEADERS, TOKEN_HEADER, allowedHosts, allowedOrigins, newToken, tokenMatches } from './security';
import { createStaticFiles } from './static-files';

export const LOOPBACK = '127.0.0.1';
const API_PREFIX = '/api/';
/** Large enough for a catalogue spreadsheet sent as base64 or a big paste of budget lines. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface WebServerOptions {
  dispatch: ApiDispatch;
  /** The built renderer (out/web). */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to a fresh random token; the last run's (web-session.ts) or a test's otherwise. */
  token?: string;
  maxBodyBytes?: number;
}

export interface RunningWebServer {
  port: number;
  token: string;
  /** http://127.0.0.1:PORT/ */
  origin: string;
  /** The address to open: the token travels in the fragment, which browsers never send to a server. */
  pageUrl: string;
  close(): Promise<void>;
}

/**
 * Browser mode: serves the built renderer and the API over HTTP on the loopback interface only.
 * Every API call must carry the run's token and our own Host (and Origin, when the browser sends
 * one), so neither another website nor a DNS-rebound name can drive it.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? newToken();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const staticFiles = createStaticFiles(options.staticDir);
  let hosts = new Set<string>();
  let origins = new Set<string>();

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      process.stderr.write(`[web] request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      if (!response.headersSent) sendJson(response, 500, failure('errors:internal'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hosts.has(request.headers.host ?? '')) return sendText(response, 403, 'Forbidden: unexpected Host header.');
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', 'http://placeholder').pathname;
    } catch {
      // "//", "//x:99999/": not a path at all.
      return sendText(response, 400, 'Bad request: the address is not a valid path.');
    }
    if (!pathname.startsWith(API_PREFIX)) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed.');
      return staticFiles.serve(pathname, request.method === 'HEAD', response);
    }
    if (request.method !== 'POST') return sendJson(response, 405, failure('app:error.transport', { status: 405 }));
    const origin = request.headers.origin;
    if (origin !== undefined && !origins.has(origin)) return sendJson(response, 403, failure('app:error.accessDenied'));
    if (!tokenMatches(token, headerValue(request.headers[TOKEN_HEADER]))) return sendJson(response, 401, failure('app:error.accessDenied'));
    let method: string;
    try {
      method = decodeURIComponent(pathname.slice(API_PREFIX.length));
    } catch {
      // A malformed escape ("/api/%E0%A4%A") is the client's mistake, not ours: 400, no stack trace.
      return sendJson(response, 400, failure('errors:invalidArguments', { detail: 'the method name is not a valid URL path' }));
    }
    if (!isApiMethodName(method)) {
      return sendJson(response, 404, failure('errors:invalidArguments', { detail: `unknown method "${method}"` }));
    }
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return sendJson(response, 415, failure('app:error.transport', { status: 415 }));
    }
    const body = await readBody(request, maxBodyBytes);
    if (body === null) return sendJson(response, 413, failure('app:error.requestTooLarge'));
    let args: unknown;
    try {
      args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(response, 400, failure('errors:invalidArguments', { detail: 'the request body is not JSON' }));
    }
    sendJson(response, 200, await options.dispatch(method, args));
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port);
  origins = allowedOrigins(port);
  const origin = `http://${LOOPBACK}:${port}/`;

  return {
    port,
    token,
    origin,
    pageUrl: `${origin}#token=${token}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The body, or null when it exceeds `limit`. An oversized body is read to its end and dropped,
 * so the client still receives the 413 answer rather than a reset connection.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, rejectBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(request.headers['content-length'] ?? '0') > limit;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', rejectBody);
  });
}

function failure(code: string, params: Record<string, string | number> = {}): ApiResponse<never> {
  return { ok: false, error: { code, params } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}
