import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiHandlers, createDispatch, noDialogs, type ApiDispatch, type ApiSession } from '../../src/main/services/api-handlers';
import { startWebServer, type RunningWebServer } from '../../src/main/web/server';
import type { ApiResponse } from '../../src/shared/api';
import { createI18n } from '../../src/shared/i18n';

/** Browser mode writes only inside its data folder, and a malformed request is the client's error. */

let root: string;
let dataDir: string;
let sessions: ApiSession[];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'budget-desk-confine-'));
  dataDir = join(root, 'data');
  mkdirSync(dataDir);
  mkdirSync(join(root, 'outside'));
  sessions = [];
});

afterEach(() => {
  for (const session of sessions) session.dispose();
  rmSync(root, { recursive: true, force: true });
});

function dispatchFor(transport: 'web' | 'electron'): ApiDispatch {
  const session = createApiHandlers({ transport, version: '0', configDir: join(root, `config-${transport}`), dataDir, dialogs: noDialogs });
  sessions.push(session);
  return createDispatch(session, () => {});
}

const department = { code: '036', name: '济源市医疗保障局', year: 2025 };

async function errorOf(dispatch: ApiDispatch, method: string, args: unknown): Promise<{ code: string; params: Record<string, string | number> } | null> {
  const response: ApiResponse<unknown> = await dispatch(method, args);
  return response.ok ? null : response.error;
}

describe('browser mode writes inside the data folder only', () => {
  it('refuses a new workbook, a new year and exports outside it: ../, absolute, ~/ and a link leading out', async () => {
    const web = dispatchFor('web');
    symlinkSync(join(root, 'outside'), join(dataDir, 'link'));
    const outside = ['../outside/a', join(root, 'outside', 'b.budget'), '~/budget-desk-confinement-test', 'link/c', 'sub/../../outside/d'];
    for (const path of outside) {
      const error = await errorOf(web, 'workbook.create', { path, department });
      expect([path, error?.code]).toEqual([path, 'errors:outsideDataFolder']);
    }
    expect(readdirSync(join(root, 'outside'))).toEqual([]);
    const message = createI18n('zh-CN').t('errors:outsideDataFolder', { path: '/x/a.budget', dataDir });
    expect(message).toContain(dataDir);
    expect(createI18n('en').t('errors:outsideDataFolder', { path: '/x/a.budget', dataDir })).toContain('outside');

    // Inside, by any spelling, is fine.
    expect(await errorOf(web, 'workbook.create', { path: 'first', department })).toBeNull();
    expect(await errorOf(web, 'workbook.create', { path: join(dataDir, 'second.budget'), department })).toBeNull();
    for (const path of ['../outside/out.xlsx', join(root, 'outside', 'out.xlsx'), 'link/out.xlsx']) {
      expect((await errorOf(web, 'export.xlsx', { path, template: 'henan-2024' }))?.code).toBe('errors:outsideDataFolder');
      expect((await errorOf(web, 'export.start', { kind: 'xlsx', path, template: 'henan-2024' }))?.code).toBe('errors:outsideDataFolder');
    }
    expect((await errorOf(web, 'prior.newYear', { sourcePath: 'second.budget', path: '../outside/next', continuingProjects: [] }))?.code).toBe('errors:outsideDataFolder');
    expect(readdirSync(join(root, 'outside'))).toEqual([]);
    expect(existsSync(join(dataDir, 'first.budget'))).toBe(true);
  });

  it('leaves the desktop app, whose native dialog shows where a file goes, free to write anywhere', async () => {
    const desktop = dispatchFor('electron');
    expect(await errorOf(desktop, 'workbook.create', { path: join(root, 'outside', 'chosen.budget'), department })).toBeNull();
    expect(existsSync(join(root, 'outside', 'chosen.budget'))).toBe(true);
  });
});

describe('malformed requests', () => {
  let server: RunningWebServer;

  beforeEach(async () => {
    const session = createApiHandlers({ transport: 'web', version: '0', configDir: join(root, 'config'), dataDir, dialogs: noDialogs });
    sessions.push(session);
    mkdirSync(join(root, 'static'));
    server = await startWebServer({ dispatch: createDispatch(session), staticDir: join(root, 'static'), port: 0 });
  });

  afterEach(async () => {
    await server.close();
  });

  function send(path: string): Promise<{ status: number; body: string }> {
    return new Promise((resolveReply, rejectReply) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path,
          headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-budget-desk-token': server.token },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolveReply({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', rejectReply);
      req.end('{}');
    });
  }

  it('answers a broken escape in the method name with 400, not 500 and a stack trace', async () => {
    const logged = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const reply = await send('/api/%E0%A4%A');
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'errors:invalidArguments' } });
      expect(reply.body).not.toMatch(/URIError|at /);
      expect((await send('//')).status).toBe(400);
      expect(logged.mock.calls.map((call) => String(call[0])).join('')).not.toMatch(/URIError|request failed/);
    } finally {
      logged.mockRestore();
    }
  });
});
