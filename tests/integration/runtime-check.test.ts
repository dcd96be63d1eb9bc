import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PINNED_NODE_MAJOR } from '../../src/shared/runtime';

const root = new URL('../..', import.meta.url).pathname;
const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;

/** The machine's own Node, as a clerk gets it when they skip `npm run`; only useful when it is too old. */
const systemNode = '/usr/bin/node';
function versionOf(node: string): string | null {
  if (!existsSync(node)) return null;
  const result = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}
const systemVersion = versionOf(systemNode);
const systemIsOld = systemVersion !== null && Number(/^v(\d+)/.exec(systemVersion)?.[1]) < PINNED_NODE_MAJOR;

const work = mkdtempSync(join(tmpdir(), 'budget-runtime-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runWithSystemNode(entry: string, args: string[], lang: string) {
  const result = spawnSync(systemNode, ['--import', tsxLoader, join(root, entry), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang, LC_ALL: '', BUDGET_DESK_DATA_DIR: work },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!systemIsOld)(`an entry point started on a Node older than ${PINNED_NODE_MAJOR}`, () => {
  it('the command line says so in Chinese and exits 1 without touching anything', () => {
    const result = runWithSystemNode('src/main/cli/index.ts', ['new', 'a.budget', '--code', '001', '--name', '测试', '--year', '2025'], 'zh_CN.UTF-8');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`需要 Node.js ${PINNED_NODE_MAJOR}`);
    expect(result.stderr).toContain(systemVersion!);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:/);
    expect(result.stdout).toBe('');
    expect(existsSync(join(work, 'a.budget'))).toBe(false);
  });

  it('the browser mode says so in English when the user is English and never starts listening', () => {
    const result = runWithSystemNode('src/main/web/serve.ts', [], 'en_GB.UTF-8');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`needs Node.js ${PINNED_NODE_MAJOR} or newer`);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:/);
    expect(result.stdout).not.toMatch(/127\.0\.0\.1/);
  });
});
