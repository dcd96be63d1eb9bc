import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run';
import { WorkbookStore } from '../../src/main/services/store';
import { seedPath } from '../support/seeds';
import { tempFolder } from './helpers/store-fixtures';

/** import-json: atomic into a new file, UTF-8 only, honest about what it refuses. */

const root = new URL('../..', import.meta.url).pathname;
const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const seedText = readFileSync(seedPath('henan-2024', 'workbook.json'), 'utf8');

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder('cli-import-');
});
afterEach(() => {
  folder.remove();
});

async function cli(args: string[], language = 'en') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: { LANG: language }, cwd: folder.dir });
  return { code, stdout, stderr };
}

function files(): string[] {
  return readdirSync(folder.dir).sort();
}

describe('import-json into a new file', () => {
  it('leaves nothing behind when it fails half-way, so a retry can use the name', () => {
    if (process.platform === 'win32') return;
    writeFileSync(join(folder.dir, 'in.json'), seedText);
    // A file-size limit (ulimit -f, in KiB) the empty workbook fits but the imported one does not: the write fails mid-import.
    const command = `ulimit -f 120; exec "${process.execPath}" --import "${tsxLoader}" "${join(root, 'src/main/cli/index.ts')}" import-json in.json x.budget`;
    const failed = spawnSync('bash', ['-c', command], { cwd: folder.dir, encoding: 'utf8', env: { ...process.env, LANG: 'en' } });
    expect(failed.status, failed.stderr).toBe(2);
    expect(files()).toEqual(['in.json']);
    const retry = spawnSync(process.execPath, ['--import', tsxLoader, join(root, 'src/main/cli/index.ts'), 'import-json', 'in.json', 'x.budget'], {
      cwd: folder.dir,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en' },
    });
    expect(retry.status, retry.stderr).toBe(0);
    expect(files()).toEqual(['in.json', 'x.budget']);
  });

  it('makes no backup of the empty workbook it starts from; --replace backs up what it replaces', async () => {
    writeFileSync(join(folder.dir, 'in.json'), seedText);
    expect((await cli(['import-json', 'in.json', 'x.budget'])).code).toBe(0);
    expect(files()).toEqual(['in.json', 'x.budget']);
    const store = WorkbookStore.open(join(folder.dir, 'x.budget'));
    const revision = store.revision;
    store.close();
    expect((await cli(['import-json', 'in.json', 'x.budget', '--replace'])).code).toBe(0);
    expect(files()).toEqual(['in.json', 'x.budget', `x.budget.r${revision}.bak`]);
    expect((await cli(['export-json', 'x.budget'])).stdout).toBe(seedText);
  });
});

describe('import-json reads UTF-8 only', () => {
  it('skips a byte-order mark (as Windows Notepad writes one)', async () => {
    writeFileSync(join(folder.dir, 'bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedText, 'utf8')]));
    const result = await cli(['import-json', 'bom.json', 'x.budget']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await cli(['export-json', 'x.budget'])).stdout).toBe(seedText);
  });

  it('refuses UTF-16 and GB18030 by name, and other bytes that are not UTF-8 by where they are, creating nothing', async () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]);
    const utf16be = Buffer.from(seedText, 'utf16le').swap16();
    const gb18030 = encodeGb18030(seedText);
    const stray = Buffer.from(seedText.replace('"name": "', '"name": "\u0000'), 'utf8');
    stray[stray.indexOf(0)] = 0xff;
    const cases: [string, Buffer, RegExp, RegExp][] = [
      ['utf16le.json', utf16le, /looks like UTF-16/, /UTF-16/],
      ['utf16be.json', utf16be, /looks like UTF-16/, /UTF-16/],
      ['gb18030.json', gb18030, /looks like GB18030/, /GB18030/],
      ['stray.json', stray, new RegExp(`from byte ${stray.indexOf(0xff)} on`), new RegExp(`第 ${stray.indexOf(0xff)} 个字节`)],
    ];
    for (const [name, bytes, english, chinese] of cases) {
      writeFileSync(join(folder.dir, name), bytes);
      const refused = await cli(['import-json', name, 'x.budget']);
      expect([name, refused.code]).toEqual([name, 2]);
      expect(refused.stderr).toMatch(english);
      expect((await cli(['import-json', name, 'x.budget'], 'zh-CN')).stderr).toMatch(chinese);
      expect(existsSync(join(folder.dir, 'x.budget'))).toBe(false);
    }
  });

  it('refuses text with a lone surrogate instead of storing U+FFFD', async () => {
    const doc = JSON.parse(seedText) as { units: { name: string }[] };
    doc.units[0]!.name += '@LONE@';
    writeFileSync(join(folder.dir, 'lone.json'), JSON.stringify(doc).replace('@LONE@', '\\ud800'));
    const refused = await cli(['import-json', 'lone.json', 'x.budget']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('units[0].name: text with a lone surrogate');
    expect(existsSync(join(folder.dir, 'x.budget'))).toBe(false);
  });
});

/** GB18030 bytes of a text (Node's TextEncoder writes UTF-8 only): each character looked up by decoding candidates. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const character = decoder.decode(Uint8Array.from([lead, trail]));
      if (character.length === 1 && !table.has(character)) table.set(character, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(character);
      if (!pair) throw new Error(`no GB18030 two-byte code for ${character}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
