// The runtime check for the plain-JavaScript scripts (no TypeScript loader to lean on): the same
// rule and message as src/main/runtime/node-version.ts, read from the same package.json and locale file.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function exitIfNodeTooOld(command) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const major = (version) => Number((/(\d+)/.exec(version) || ['', '0'])[1]);
  const required = major(manifest.engines.node);
  if (major(process.versions.node) >= required) return;
  const wanted = process.env.BUDGET_DESK_LANG || process.env.LC_ALL || process.env.LANG || '';
  const language = /^en/i.test(wanted) ? 'en' : 'zh-CN';
  const texts = JSON.parse(readFileSync(join(root, 'src', 'shared', 'locales', language, 'runtime.json'), 'utf8'));
  const params = { required, found: process.versions.node, command };
  process.stderr.write(`${texts.nodeTooOld.replace(/\{\{(\w+)\}\}/g, (_all, name) => String(params[name]))}\n`);
  process.exit(2);
}
