import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../../..', import.meta.url).pathname;

/**
 * Runs `npm run cli -- …` the way a user does (the launcher, which rebuilds the bundled CLI when a
 * source changed), but with the pinned Node directly for speed: in `cwd`, in Chinese unless `env` says otherwise.
 */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/cli.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
