import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languageFromEnv } from '../../src/shared/i18n';
import { nodeMajor, PINNED_NODE_MAJOR, runtimeProblem } from '../../src/shared/runtime';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  devDependencies: { node: string };
};

/** The first run of digits in a semver range such as "^24.21.0" or ">=24". */
function rangeMajor(range: string): number {
  return Number(/\d+/.exec(range)?.[0]);
}

describe('runtime check', () => {
  it('pins the same Node major as the package manifest', () => {
    expect(rangeMajor(manifest.devDependencies.node)).toBe(PINNED_NODE_MAJOR);
    expect(rangeMajor(manifest.engines.node)).toBe(PINNED_NODE_MAJOR);
  });

  it('accepts the pinned major and newer, refuses older', () => {
    expect(nodeMajor('24.21.0')).toBe(24);
    expect(runtimeProblem(`${PINNED_NODE_MAJOR}.0.0`)).toBeNull();
    expect(runtimeProblem(`${PINNED_NODE_MAJOR + 1}.3.1`)).toBeNull();
    expect(runtimeProblem('20.20.2')).toEqual({ found: 'v20.20.2', required: PINNED_NODE_MAJOR });
  });

  it('refuses a version it cannot read rather than guessing', () => {
    expect(runtimeProblem('')).not.toBeNull();
  });

  it('passes in the runtime the tests run on', () => {
    expect(runtimeProblem(process.versions.node)).toBeNull();
  });
});

describe('language of messages printed before any window', () => {
  it('follows BUDGET_DESK_LANG, then LC_ALL, then LANG, and treats an empty variable as unset', () => {
    expect(languageFromEnv({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_ALL: '', LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('zh-CN');
    expect(languageFromEnv({ BUDGET_DESK_LANG: 'en', LC_ALL: 'zh_CN.UTF-8' })).toBe('en');
    expect(languageFromEnv({})).toBe('zh-CN');
  });
});
