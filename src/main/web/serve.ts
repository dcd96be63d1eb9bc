import '../runtime/require-web-node';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createI18n, languageFromEnv } from '../../shared/i18n';
import { createApiHandlers, createDispatch, noDialogs } from '../services/api-handlers';
import { defaultConfigDir } from '../services/config-dir';
import { startWebServer } from './server';
import { readWebSession, writeWebSession } from './web-session';

/**
 * `npm run start:web`: browser mode. Starts the loopback server over the built renderer and
 * prints the address to open (with this run's token) and the folder workbooks are kept in.
 *
 *   --port N          listen on N (default: the last run's port if free, else a free one)
 *   --new-session     a new token (and port) instead of the last run's, so old addresses stop working
 *   --data-dir DIR    workbook folder (default $BUDGET_DESK_DATA_DIR or ~/BudgetDesk)
 *   --config-dir DIR  recent-files list (default $BUDGET_DESK_CONFIG_DIR or ~/.config/budget-desk)
 *   --static-dir DIR  built renderer (default out/web)
 *   --print-json      print one JSON line {url, origin, token, port, dataDir, configDir} instead of prose
 */
const repoRoot = resolve(import.meta.dirname, '../../..');

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'config-dir': { type: 'string' },
    'static-dir': { type: 'string' },
    'print-json': { type: 'boolean', default: false },
    'new-session': { type: 'boolean', default: false },
  },
});

const t = createI18n(languageFromEnv(process.env)).t;
const port = Number(values.port ?? '0');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`${t('app:serve.badPort', { value: values.port })}\n`);
  process.exit(2);
}
const dataDir = resolve(values['data-dir'] ?? process.env.BUDGET_DESK_DATA_DIR ?? join(homedir(), 'BudgetDesk'));
const configDir = defaultConfigDir(process.env, values['config-dir']);
const staticDir = resolve(values['static-dir'] ?? join(repoRoot, 'out', 'web'));
mkdirSync(dataDir, { recursive: true });
mkdirSync(configDir, { recursive: true });
if (!existsSync(join(staticDir, 'index.html'))) process.stderr.write(`${t('app:serve.notBuilt', { dir: staticDir })}\n`);

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const session = createApiHandlers({ transport: 'web', version, configDir, dataDir, dialogs: noDialogs });
const dispatch = createDispatch(session);
// The last run's token and port, so a page left open across a restart reconnects (web-session.ts).
const remembered = values['new-session'] ? null : readWebSession(configDir);
const server = await startWebServer({ dispatch, staticDir, port: values.port === undefined ? (remembered?.port ?? 0) : port, token: remembered?.token }).catch(
  (error: unknown) => {
    if ((error as { code?: string }).code !== 'EADDRINUSE' || values.port !== undefined) throw error;
    return startWebServer({ dispatch, staticDir, port: 0, token: remembered?.token });
  },
);
try {
  writeWebSession(configDir, { port: server.port, token: server.token });
} catch (error) {
  process.stderr.write(`[web] cannot keep the session in ${configDir}: ${error instanceof Error ? error.message : String(error)}\n`);
}

if (values['print-json']) {
  const ready = { url: server.pageUrl, origin: server.origin, token: server.token, port: server.port, dataDir, configDir };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
} else {
  process.stdout.write(`${t('app:serve.ready', { url: server.pageUrl, dataDir })}\n`);
}

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  session.dispose();
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
