import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** What `serve.ts --print-json` prints once it listens. */
export interface ServerReady {
  url: string;
  origin: string;
  token: string;
  port: number;
  dataDir: string;
}

export interface ServerProcess {
  ready: ServerReady;
  child: ChildProcess;
  /** Ends the server: SIGTERM (it closes the workbook) or SIGKILL (a crash). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `src/main/web/serve.ts --print-json` (the same entry `npm run start:web` uses) with these arguments and
 * waits for its one JSON line.
 */
export async function startServer(args: string[]): Promise<ServerProcess> {
  const repo = resolve(import.meta.dirname, '../..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/serve.ts', '--print-json', ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BUDGET_DESK_LANG: 'zh-CN' },
  });
  const ready = await new Promise<ServerReady>((resolveReady, rejectReady) => {
    const timer = setTimeout(() => rejectReady(new Error('web server did not start within 30 s')), 30_000);
    child.once('exit', (code) => rejectReady(new Error(`web server exited early (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolveReady(JSON.parse(line) as ServerReady);
    });
  });
  return {
    ready,
    child,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
      child.kill(signal);
      await exited;
    },
  };
}

/** Calls a server's API with its token, as the page does; a refusal throws. */
export async function callServer(ready: ServerReady, method: string, args: unknown): Promise<unknown> {
  const response = await fetch(new URL(`/api/${method}`, ready.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-budget-desk-token': ready.token },
    body: JSON.stringify(args),
  });
  const body = (await response.json()) as { ok: boolean; result?: unknown; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}
