import { describe, expect, it } from 'vitest';
import { REQUIRED_ELECTRON_MAJOR, REQUIRED_NODE_MAJOR, majorOf, runtimeProblem } from '../../src/main/runtime/node-version';
import manifest from '../../package.json';

const versions = (node: string, electron?: string) => ({ ...process.versions, node, electron }) as NodeJS.ProcessVersions;

describe('runtime check', () => {
  it('takes the required majors from package.json', () => {
    expect(REQUIRED_NODE_MAJOR).toBe(majorOf(manifest.engines.node));
    expect(REQUIRED_NODE_MAJOR).toBeGreaterThanOrEqual(24);
    expect(REQUIRED_ELECTRON_MAJOR).toBe(majorOf(manifest.devDependencies.electron));
  });

  it('accepts the pinned major and newer', () => {
    expect(runtimeProblem(versions(`${REQUIRED_NODE_MAJOR}.0.0`), {}, 'npm run cli')).toBeNull();
    expect(runtimeProblem(versions(`${REQUIRED_NODE_MAJOR + 1}.2.3`), {}, 'npm run cli')).toBeNull();
  });

  it('refuses an older Node in the user language, naming the command and both versions', () => {
    const zh = runtimeProblem(versions('20.20.2'), { LANG: 'zh_CN.UTF-8' }, 'npm run cli -- …');
    expect(zh).toContain('Node.js 20.20.2');
    expect(zh).toContain('`npm run cli -- …`');
    expect(zh).toContain(`Node.js ${REQUIRED_NODE_MAJOR}`);
    expect(zh).toMatch(/需要/);
    const en = runtimeProblem(versions('22.1.0'), { BUDGET_DESK_LANG: 'en' }, 'npm run start:web');
    expect(en).toBe(
      `Budget Desk needs Node.js ${REQUIRED_NODE_MAJOR} or newer, but this is Node.js 22.1.0. Start it with \`npm run start:web\` in the project folder (that uses the project's pinned Node.js ${REQUIRED_NODE_MAJOR}), not with the system's node.`,
    );
  });

  it('under Electron checks Electron, whose Node is its own', () => {
    expect(runtimeProblem(versions('22.0.0', `${REQUIRED_ELECTRON_MAJOR}.1.0`), {}, 'npm start')).toBeNull();
    const old = runtimeProblem(versions('22.0.0', `${REQUIRED_ELECTRON_MAJOR - 1}.0.0`), { LANG: 'en_US' }, 'npm start');
    expect(old).toContain(`Electron ${REQUIRED_ELECTRON_MAJOR - 1}.0.0`);
    expect(old).toContain('npm start');
  });
});
