import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REQUIRED_NODE_MAJOR, majorOf } from '../../src/main/runtime/node-version';

/**
 * Every entry point run by an older Node (the machine's system node, found on PATH without the
 * project's node_modules/.bin) exits 2 with the message instead of crashing later. Runs only where
 * such a Node is installed; the rule itself is covered in tests/unit/runtime-check.test.ts.
 */
function olderNode(): string | null {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
      if (majorOf(version) < REQUIRED_NODE_MAJOR) return candidate;
    } catch {
      // not installed here
    }
  }
  return null;
}

const node = olderNode();
const entries: Array<[string, string[]]> = [
  ['CLI', ['--import', 'tsx', 'src/main/cli/index.ts', 'info', 'nothing.budget']],
  ['browser mode', ['--import', 'tsx', 'src/main/web/serve.ts', '--port', '0']],
  ['bundled CLI launcher', ['scripts/cli.mjs', 'info', 'nothing.budget']],
  ['desktop launcher', ['scripts/start-electron.mjs']],
  ['bench', ['--import', 'tsx', 'bench/engine.bench.ts']],
];

describe.skipIf(node === null)('entry points on an older Node', () => {
  it.each(entries)('%s refuses with the message', (_name, args) => {
    const result = spawnSync(node as string, args, { encoding: 'utf8', env: { ...process.env, BUDGET_DESK_LANG: 'en' }, timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Budget Desk needs Node.js ${REQUIRED_NODE_MAJOR} or newer`);
    expect(result.stderr).toContain('npm ');
    expect(result.stdout).toBe('');
  });
});
