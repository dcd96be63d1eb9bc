import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFiles {
  serve(pathname: string, headOnly: boolean, response: ServerResponse): Promise<void>;
}

/**
 * Serves the built renderer from one folder. Paths are resolved inside the folder and anything
 * that would leave it is refused; a path without a file extension falls back to index.html.
 */
export function createStaticFiles(root: string): StaticFiles {
  const base = resolve(root);

  async function fileAt(pathname: string): Promise<string | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const candidate = resolve(base, `.${decoded}`);
    if (candidate !== base && !candidate.startsWith(base + sep)) return null;
    const found = await stat(candidate).catch(() => null);
    if (found?.isFile()) return candidate;
    if (found?.isDirectory() || extname(candidate) === '') {
      const index = resolve(base, 'index.html');
      return (await stat(index).catch(() => null))?.isFile() ? index : null;
    }
    return null;
  }

  return {
    async serve(pathname, headOnly, response) {
      const file = await fileAt(pathname);
      if (!file) {
        const missingBuild = pathname === '/' ? 'The page is not built yet: run "npm run build:web".' : 'Not found.';
        const text = `${missingBuild}\n`;
        response.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
        response.end(text);
        return;
      }
      const body = await readFile(file);
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-cache',
      });
      response.end(headOnly ? undefined : body);
    },
  };
}
