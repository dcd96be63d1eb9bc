// Fails when a package under a GPL-family licence is among the app's production dependencies.
// HyperFormula (GPLv3) may serve as a benchmark peer only inside bench/peer with its own package.json.
import { exitIfNodeTooOld } from './require-node.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

exitIfNodeTooOld('npm run licenses');

const COPYLEFT = /\b(A?GPL|LGPL)\b|GNU (Affero |Lesser )?General Public/i;

const listing = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const paths = [...new Set(listing.split('\n').filter((line) => line.includes('node_modules')))];
const offenders = [];
for (const path of paths) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
  } catch {
    continue;
  }
  const licence = typeof manifest.license === 'string' ? manifest.license : JSON.stringify(manifest.license ?? manifest.licenses ?? '');
  // Dual licences that offer a permissive choice ("(MIT OR GPL-3.0)") are acceptable.
  const permissiveChoice = /\bOR\b/.test(licence) && /(MIT|Apache|BSD|ISC)/.test(licence);
  if (COPYLEFT.test(licence) && !permissiveChoice) offenders.push(`${manifest.name}@${manifest.version}: ${licence}`);
}
if (offenders.length > 0) {
  console.error(`Copyleft licences among production dependencies:\n  ${offenders.join('\n  ')}`);
  process.exit(1);
}
console.log(`licences: ${paths.length} production packages checked, none GPL-family`);
