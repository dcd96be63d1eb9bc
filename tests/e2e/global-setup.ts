import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './serve-process';

/**
 * Starts the browser-mode server on a free port with throw-away data and config folders and passes the page
 * address to the tests through the environment. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), 'budget-desk-e2e-'));
  const server = await startServer(['--port', '0', '--data-dir', join(root, 'data'), '--config-dir', join(root, 'config')]);
  process.env.BUDGET_DESK_E2E_URL = server.ready.url;
  process.env.BUDGET_DESK_E2E_ORIGIN = server.ready.origin;
  process.env.BUDGET_DESK_E2E_DATA_DIR = server.ready.dataDir;

  return async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
