import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../../..', import.meta.url).pathname;
const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;

/**
 * Runs `npm run cli -- …` the way a user does, but with the pinned Node directly for speed: in `cwd`,
 * in Chinese unless `env` says otherwise.
 */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', tsxLoader, join(root, 'src/main/cli/index.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
