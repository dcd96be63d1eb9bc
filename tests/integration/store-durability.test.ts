import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Edit } from '../../src/core/edits';
import { readWorkbookReadOnly } from '../../src/main/services/prior';
import { WorkbookStore } from '../../src/main/services/store';
import { createI18n } from '../../src/shared/i18n';
import { budgetLine, department, folderState, project, tempFolder, unit } from './helpers/store-fixtures';

/**
 * The durability promise of docs/workbook-file.md: the `.budget` file alone holds every
 * acknowledged edit at every moment, so a copy of it taken while it is open is complete.
 */

const root = new URL('../..', import.meta.url).pathname;
const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;

let folder: ReturnType<typeof tempFolder>;
let copies: ReturnType<typeof tempFolder>;
let file: string;

beforeEach(() => {
  folder = tempFolder('durability-');
  copies = tempFolder('durability-copies-');
  file = join(folder.dir, '2025.budget');
});

afterEach(() => {
  folder.remove();
  copies.remove();
});

let copyCount = 0;
/** A byte copy of the file alone, as a clerk copies it to hand it in, opened in a folder of its own. */
function openCopy(path: string): WorkbookStore {
  copyCount += 1;
  const copy = join(copies.dir, `copy-${copyCount}.budget`);
  copyFileSync(path, copy);
  return WorkbookStore.open(copy);
}

describe('the file alone is complete', () => {
  it('holds every acknowledged edit right after it is acknowledged, while the store is open', () => {
    const store = WorkbookStore.create(file, { department });
    const steps: (() => void)[] = [
      () => store.apply([{ op: 'put', collection: 'units', record: unit('u1') }]),
      () => store.apply([{ op: 'put', collection: 'projects', record: project('p1') }]),
      ...Array.from({ length: 25 }, (_, n) => () => store.apply([{ op: 'put', collection: 'budgetLines', record: budgetLine(`b${n}`, { amount: n * 100 }) }])),
      () => store.apply(Array.from({ length: 300 }, (_, n): Edit => ({ op: 'put', collection: 'budgetLines', record: budgetLine(`bulk-${n}`, { note: '批量'.repeat(30) }) }))),
      () => store.undo(),
      () => store.redo(),
      () => store.apply([{ op: 'delete', collection: 'budgetLines', id: 'b3' }]),
      () => store.undo(),
      () => store.saveDrafts('budgetLines', { rows: { r1: { amount: '12x' } } }),
      () => store.replaceAll({ ...store.workbook, budgetLines: store.workbook.budgetLines.slice(0, 5) }),
      () => store.apply([{ op: 'set', key: 'texts', value: { ...store.workbook.texts, duties: '负责医疗保障' } }]),
    ];
    try {
      for (const [index, step] of steps.entries()) {
        step();
        const copy = openCopy(file);
        try {
          expect(copy.revision, `step ${index}`).toBe(store.revision);
          expect(copy.workbook, `step ${index}`).toEqual(store.workbook);
          expect(copy.drafts(), `step ${index}`).toEqual(store.drafts());
          expect([copy.canUndo, copy.canRedo], `step ${index}`).toEqual([store.canUndo, store.canRedo]);
        } finally {
          copy.close();
        }
        // Nothing the copy would need stays beside the file.
        expect(existsSync(`${file}-wal`), `step ${index}`).toBe(false);
        expect(existsSync(`${file}-shm`), `step ${index}`).toBe(false);
      }
    } finally {
      store.close();
    }
    // 32 revisions before replaceAll (drafts are no revision): its backup, and nothing else beside the file.
    expect(readdirSync(folder.dir).sort()).toEqual(['2025.budget', '2025.budget.r32.bak']);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });

  it('switches a file written with a write-ahead log to the rollback journal on open, keeping what the log held', async () => {
    const store = WorkbookStore.create(file, { department });
    store.apply([{ op: 'put', collection: 'units', record: unit('u1') }]);
    store.close();
    // The format before: WAL, and a program killed with committed edits still in the log.
    const script = `
      const Database = require(${JSON.stringify(join(root, 'node_modules/better-sqlite3'))});
      const db = new Database(${JSON.stringify(file)});
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec("UPDATE state SET revision = revision + 41 WHERE id = 1");
      db.exec("UPDATE units SET name = '日志里的名称' WHERE id = 'u1'");
      process.kill(process.pid, 'SIGKILL');`;
    const killed = spawnSync(process.execPath, ['-e', script]);
    expect(killed.signal).toBe('SIGKILL');
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);

    // Reading it takes nothing and leaves nothing: no -shm, no lock, the log untouched.
    const before = folderState(folder.dir);
    expect(WorkbookStore.inspect(file).revision).toBe(42);
    expect(readWorkbookReadOnly(file).units[0]?.name).toBe('日志里的名称');
    expect(folderState(folder.dir)).toEqual(before);

    const reopened = WorkbookStore.open(file);
    expect(reopened.revision).toBe(42);
    expect(reopened.workbook.units[0]?.name).toBe('日志里的名称');
    expect(existsSync(`${file}-wal`)).toBe(false);
    reopened.apply([{ op: 'put', collection: 'units', record: unit('u2') }]);
    const copy = openCopy(file);
    expect(copy.workbook).toEqual(reopened.workbook);
    copy.close();
    reopened.close();
    expect(readdirSync(folder.dir)).toEqual(['2025.budget']);
  });

  it('reads a file held by another process through a private copy, leaving no -shm or journal of its own', async () => {
    const store = WorkbookStore.create(file, { department });
    store.apply([{ op: 'put', collection: 'units', record: unit('u1') }]);
    const before = readdirSync(folder.dir).sort();
    expect(WorkbookStore.inspect(file).revision).toBe(1);
    expect(readWorkbookReadOnly(file).units).toHaveLength(1);
    expect(readdirSync(folder.dir).sort()).toEqual(before);
    store.close();
  });
});

describe('files that cannot be written', () => {
  it('refuses a read-only file by name, not with "disk I/O error", and leaves it as it was', () => {
    WorkbookStore.create(file, { department }).close();
    chmodSync(folder.dir, 0o777);
    chmodSync(copies.dir, 0o777);
    chmodSync(file, 0o444);
    // root may write any file: the attempt runs as an ordinary user where the test runs as root.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const script = `
      import { WorkbookStore } from ${JSON.stringify(join(root, 'src/main/services/store/index.ts'))};
      try { WorkbookStore.open(${JSON.stringify(file)}).close(); console.log(JSON.stringify({ opened: true })); }
      catch (error) { console.log(JSON.stringify({ code: error.code, params: error.params })); }`;
    const before = folderState(folder.dir);
    const result = spawnSync(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, HOME: copies.dir, TMPDIR: copies.dir },
      ...asUser,
    });
    const outcome = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as { code?: string; params?: Record<string, string> };
    expect(outcome.code, result.stderr).toBe('store:readOnly');
    expect(outcome.params?.path).toBe(file);
    for (const language of ['zh-CN', 'en'] as const) expect(createI18n(language).t('store:readOnly', outcome.params)).not.toMatch(/I\/O/);
    expect(createI18n('zh-CN').t('store:readOnly', outcome.params)).toContain('只读');
    expect(folderState(folder.dir)).toEqual(before);

    // A writable file in a folder that is not (a read-only share): no lock file can be made there.
    chmodSync(file, 0o666);
    chmodSync(folder.dir, 0o555);
    try {
      const inFolder = spawnSync(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', script], {
        encoding: 'utf8',
        env: { ...process.env, HOME: copies.dir, TMPDIR: copies.dir },
        ...asUser,
      });
      const refused = JSON.parse(inFolder.stdout.trim().split('\n').pop() ?? '{}') as { code?: string; params?: Record<string, string> };
      expect(refused, inFolder.stderr).toMatchObject({ code: 'store:readOnly', params: { context: 'folder', folder: folder.dir } });
      expect(createI18n('zh-CN').t('store:readOnly', refused.params)).toContain(`文件夹 ${folder.dir} 不能写入`);
    } finally {
      chmodSync(folder.dir, 0o755);
    }
  });
});

describe('only regular files', () => {
  it('answers at once for a named pipe where a workbook or last year’s file is expected', async () => {
    const pipe = join(folder.dir, 'pipe.budget');
    if (spawnSync('mkfifo', [pipe]).status !== 0) return;
    mkdirSync(join(folder.dir, 'folder.budget'));
    writeFileSync(join(folder.dir, 'data.json'), '{}');
    // In a child: a blocking open would hang the child, not the test.
    const script = `
      import { WorkbookStore } from ${JSON.stringify(join(root, 'src/main/services/store/index.ts'))};
      import { previewPrior } from ${JSON.stringify(join(root, 'src/main/services/prior/index.ts'))};
      import { emptyWorkbook } from ${JSON.stringify(join(root, 'src/core/model.ts'))};
      const outcome = async (run) => { try { await run(); return 'ok'; } catch (error) { return error.code ?? String(error); } };
      const results = [];
      for (const path of [${JSON.stringify(pipe)}, ${JSON.stringify(join(folder.dir, 'folder.budget'))}]) {
        results.push(await outcome(() => WorkbookStore.open(path).close()));
        results.push(await outcome(() => WorkbookStore.inspect(path)));
        results.push(await outcome(() => previewPrior(emptyWorkbook({ code: '036', name: 'x', year: 2025, publishedOn: '' }), { path })));
      }
      console.log(JSON.stringify(results));`;
    const child = spawn(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = await new Promise<number | null>((resolveExit) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolveExit(code);
      });
    });
    expect(exit, `the child hung or failed: ${stderr}`).toBe(0);
    expect(JSON.parse(stdout.trim())).toEqual(Array.from({ length: 6 }, () => 'store:notAFile'));
    expect(readFileSync(join(folder.dir, 'data.json'), 'utf8')).toBe('{}');
  }, 30_000);
});
