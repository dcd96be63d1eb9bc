import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Starts `src/main/web/serve.ts --print-json` (the same entry `npm run start:web` uses) on a free
 * port with throw-away data and config folders, waits for its one JSON line and passes the page
 * address to the tests through the environment. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), 'budget-desk-e2e-'));
  const dataDir = join(root, 'data');
  const repo = resolve(import.meta.dirname, '../..');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/web/serve.ts', '--print-json', '--port', '0', '--data-dir', dataDir, '--config-dir', join(root, 'config')],
    { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BUDGET_DESK_LANG: 'zh-CN' } },
  );

  const ready = await new Promise<{ url: string; origin: string; dataDir: string }>((resolveReady, rejectReady) => {
    const timer = setTimeout(() => rejectReady(new Error('web server did not start within 30 s')), 30_000);
    child.once('exit', (code) => rejectReady(new Error(`web server exited early (${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolveReady(JSON.parse(line) as { url: string; origin: string; dataDir: string });
    });
  });
  process.env.BUDGET_DESK_E2E_URL = ready.url;
  process.env.BUDGET_DESK_E2E_ORIGIN = ready.origin;
  process.env.BUDGET_DESK_E2E_DATA_DIR = ready.dataDir;

  return async () => {
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    child.kill('SIGTERM');
    await exited;
    rmSync(root, { recursive: true, force: true });
  };
}
