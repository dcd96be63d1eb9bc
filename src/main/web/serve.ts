import '../runtime/require-web-node';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createI18n, languageFromEnv } from '../../shared/i18n';
import { createApiHandlers, createDispatch, noDialogs } from '../services/api-handlers';
import { defaultConfigDir } from '../services/config-dir';
import { startWebServer } from './server';

/**
 * `npm run start:web`: browser mode. Starts the loopback server over the built renderer and
 * prints the address to open (with this run's token) and the folder workbooks are kept in.
 *
 *   --port N          listen on N (default: a free port)
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
const server = await startWebServer({ dispatch: createDispatch(session), staticDir, port });

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
