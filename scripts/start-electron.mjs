// `npm start`: runs the desktop app through electron-vite when the Electron binary is installed.
// Electron fetches its binary in a postinstall download; where that was impossible the binary is
// missing, and this script says so (in the clerk's language) and points to browser mode instead
// of letting Electron try to download it.
import { exitIfNodeTooOld } from './require-node.mjs';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

exitIfNodeTooOld('npm start');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function message(key) {
  const wanted = process.env.BUDGET_DESK_LANG ?? process.env.LC_ALL ?? process.env.LANG ?? '';
  const language = /^en/i.test(wanted) ? 'en' : 'zh-CN';
  const texts = JSON.parse(readFileSync(join(root, 'src', 'shared', 'locales', language, 'app.json'), 'utf8'));
  return texts.electron[key];
}

if (!electronBinary()) {
  process.stderr.write(`${message('missing')}\n`);
  process.exit(1);
}

const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
