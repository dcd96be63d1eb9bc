import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers, createDispatch, noDialogs, type ApiSession } from '../../src/main/services/api-handlers';
import { startWebServer, type RunningWebServer } from '../../src/main/web/server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let root: string;
let session: ApiSession;
let server: RunningWebServer;

/** Raw HTTP, so the test controls Host, Origin and the exact path (fetch would normalise them). */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolveReply, rejectReply) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', rejectReply);
    req.end(options.body);
  });
}

function api(method: string, args: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send({
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      host: `127.0.0.1:${server.port}`,
      'content-type': 'application/json',
      'x-budget-desk-token': server.token,
      ...headers,
    },
    body: JSON.stringify(args),
  });
}

async function result<T>(method: string, args: unknown = {}): Promise<T> {
  const reply = await api(method, args);
  expect(reply.status).toBe(200);
  const envelope = JSON.parse(reply.body) as { ok: boolean; result: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
  return envelope.result;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'budget-desk-web-'));
  const staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>test page</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(root, 'secret.txt'), 'outside the static folder');
  mkdirSync(join(root, 'data'));
  session = createApiHandlers({ transport: 'web', version: '0.0.1', configDir: join(root, 'config'), dataDir: join(root, 'data'), dialogs: noDialogs });
  server = await startWebServer({ dispatch: createDispatch(session), staticDir, port: 0, maxBodyBytes: 64 * 1024 });
});

afterAll(async () => {
  await server.close();
  session.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 with a fresh random token and prints it in the fragment', async () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(server.pageUrl).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    const other = await startWebServer({ dispatch: createDispatch(session), staticDir: root });
    expect(other.token).not.toBe(server.token);
    expect(other.port).not.toBe(server.port);
    await other.close();
  });

  it('cannot be reached on a non-loopback address', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!external) return; // a machine with only loopback has nothing to test here
    const outcome = await new Promise<string>((resolveOutcome) => {
      const socket = connect({ host: external.address, port: server.port });
      socket.on('connect', () => {
        socket.destroy();
        resolveOutcome('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolveOutcome(error.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });

  it('serves the page with a strict CSP and never files outside its folder', async () => {
    const page = await send({ path: '/', headers: { host: `127.0.0.1:${server.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('test page');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    const asset = await send({ path: '/assets/app.js', headers: { host: `localhost:${server.port}` } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);

    for (const path of ['/../secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/missing.js']) {
      const reply = await send({ path, headers: { host: `127.0.0.1:${server.port}` } });
      expect(reply.body).not.toContain('outside the static folder');
      expect(reply.status).toBe(404);
    }
  });

  it('rejects a foreign Host header (DNS rebinding) on pages and API alike', async () => {
    expect((await send({ path: '/', headers: { host: `evil.example:${server.port}` } })).status).toBe(403);
    expect((await send({ path: '/', headers: { host: '127.0.0.1' } })).status).toBe(403);
    expect((await api('app.info', {}, { host: `evil.example:${server.port}` })).status).toBe(403);
  });

  it('requires the token', async () => {
    const { 'x-budget-desk-token': _omitted, ...withoutToken } = {
      host: `127.0.0.1:${server.port}`,
      'content-type': 'application/json',
      'x-budget-desk-token': '',
    };
    const missing = await send({ method: 'POST', path: '/api/app.info', headers: withoutToken, body: '{}' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toEqual({ ok: false, error: { code: 'app:error.accessDenied', params: {} } });
    expect((await api('app.info', {}, { 'x-budget-desk-token': 'wrong' })).status).toBe(401);
    expect((await api('app.info', {}, { 'x-budget-desk-token': `${server.token}x` })).status).toBe(401);
    expect((await api('app.info', {})).status).toBe(200);
  });

  it('checks Origin when the browser sends one', async () => {
    expect((await api('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app.info', {}, { origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await api('app.info', {}, { origin: `http://localhost:${server.port}` })).status).toBe(200);
    expect((await api('app.info', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('answers unknown methods, wrong verbs, wrong types, bad JSON and oversized bodies with the right status', async () => {
    expect((await api('workbook.explode', {})).status).toBe(404);
    expect((await api('constructor', {})).status).toBe(404);
    const get = await send({ path: '/api/app.info', headers: { host: `127.0.0.1:${server.port}`, 'x-budget-desk-token': server.token } });
    expect(get.status).toBe(405);
    expect((await api('app.info', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    const badJson = await send({
      method: 'POST',
      path: '/api/app.info',
      headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-budget-desk-token': server.token },
      body: '{oops',
    });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.code).toBe('errors:invalidArguments');
    const huge = await api('workbook.open', { path: 'x'.repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.code).toBe('app:error.requestTooLarge');
    // The server is still healthy after refusing.
    expect((await api('app.info', {})).status).toBe(200);
  });

  it('returns contract errors as data with status 200', async () => {
    const reply = await api('workbook.create', { path: 'x', department: { code: '', name: 'n', year: 2025 } });
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body);
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toBe('errors:invalidArguments');
    expect(envelope.error.params.detail).toMatch(/department\.code/);
  });

  it('creates, edits, closes and reopens a workbook over real HTTP', async () => {
    const info = await result<{ transport: string; dataDir: string }>('app.info');
    expect(info).toMatchObject({ transport: 'web', dataDir: join(root, 'data') });
    const created = await result<{ path: string; departmentName: string }>('workbook.create', {
      path: 'round-trip',
      department: { code: '036', name: '济源市医疗保障局', year: 2025 },
    });
    expect(created.path).toBe(join(root, 'data', 'round-trip.budget'));
    const unit = { id: 'u1', code: '036001', name: '本级', kind: 'admin', authorizedStaff: 3, actualStaff: 2, retiredStaff: 1 };
    await result('workbook.edit', { edits: [{ op: 'put', collection: 'units', record: unit }] });
    expect(await result('workbook.close')).toEqual({ closed: true });
    const reopened = await result<{ path: string; departmentName: string; canUndo: boolean }>('workbook.open', { path: 'round-trip.budget' });
    expect(reopened).toMatchObject({ path: created.path, departmentName: '济源市医疗保障局' });
    const { workbook } = await result<{ workbook: { units: unknown[] } }>('workbook.get');
    expect(workbook.units).toEqual([unit]);
    const { files } = await result<{ files: { path: string }[] }>('workbook.recent');
    expect(files[0]?.path).toBe(created.path);
  });
});
