import { createI18n, languageFromEnv } from '../shared/i18n';
import { runtimeProblem } from '../shared/runtime';

/**
 * Imported first by every entry point (CLI, browser mode, Electron main): on a Node older than the pinned
 * major, say so in the user's language and stop before anything native is loaded.
 */
const problem = runtimeProblem(process.versions.node);
if (problem) {
  const i18n = createI18n(languageFromEnv(process.env));
  process.stderr.write(`${i18n.t('errors:runtimeTooOld', problem)}\n`);
  process.exit(1);
}
