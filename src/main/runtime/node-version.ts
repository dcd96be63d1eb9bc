import zhRuntime from '../../shared/locales/zh-CN/runtime.json';
import enRuntime from '../../shared/locales/en/runtime.json';
import manifest from '../../../package.json';

/**
 * The runtime check every entry point makes before anything else is evaluated. Started with an
 * older Node (the system's Node 20 instead of the pinned node@24 that `npm run` puts first on
 * PATH) better-sqlite3's native module crashes without a word, so the entry refuses to start
 * with a message naming the command to use. No i18next here: this must run before any other module.
 */
export type RuntimeMessageKey = keyof typeof zhRuntime;

export function majorOf(version: string): number {
  const match = /(\d+)/.exec(version);
  return match ? Number(match[1]) : 0;
}

/** The Node major the project pins: package.json engines.node (">=24"). */
export const REQUIRED_NODE_MAJOR = majorOf(manifest.engines.node);
/** The Electron major the desktop app is built against (its devDependency). */
export const REQUIRED_ELECTRON_MAJOR = majorOf(manifest.devDependencies.electron);

function languageOf(env: Record<string, string | undefined>): 'zh-CN' | 'en' {
  // An empty variable counts as unset, as in languageFromEnv (src/shared/i18n.ts).
  const wanted = env.BUDGET_DESK_LANG || env.LC_ALL || env.LANG || '';
  return /^en/i.test(wanted) ? 'en' : 'zh-CN';
}

export function runtimeMessage(key: RuntimeMessageKey, env: Record<string, string | undefined>, params: Record<string, string | number>): string {
  const texts = languageOf(env) === 'en' ? enRuntime : zhRuntime;
  return texts[key].replace(/\{\{(\w+)\}\}/g, (_all, name: string) => String(params[name] ?? ''));
}

/**
 * Null when the runtime is new enough, else the message to print. Under Electron the Node inside
 * is Electron's own, so it is Electron's major that is checked.
 */
export function runtimeProblem(versions: NodeJS.ProcessVersions, env: Record<string, string | undefined>, command: string): string | null {
  if (versions.electron) {
    const found = majorOf(versions.electron);
    return found >= REQUIRED_ELECTRON_MAJOR ? null : runtimeMessage('electronTooOld', env, { required: REQUIRED_ELECTRON_MAJOR, found: versions.electron });
  }
  const found = majorOf(versions.node);
  return found >= REQUIRED_NODE_MAJOR ? null : runtimeMessage('nodeTooOld', env, { required: REQUIRED_NODE_MAJOR, found: versions.node, command });
}

/** Prints the message and exits with 2 (the CLI's "could not run") when the runtime is too old. */
export function exitIfRuntimeTooOld(command: string): void {
  const problem = runtimeProblem(process.versions, process.env, command);
  if (problem === null) return;
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}
