import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/core/model';
import type { ApiResponse, WorkbookSummary } from '../../src/shared/api';
import {
  createApiHandlers,
  createDispatch,
  noDialogs,
  resolveWorkbookPath,
  type ApiDispatch,
  type ApiHandlers,
  type ApiSession,
} from '../../src/main/services/api-handlers';
import { WorkbookStore } from '../../src/main/services/store';

let root: string;
let dataDir: string;
let configDir: string;
let session: ApiSession;
let dispatch: ApiDispatch;
let logged: string[];

const department = { code: '036', name: '济源市医疗保障局', year: 2025 };
const unit: Unit = {
  id: 'u1',
  code: '036001',
  name: '济源市医疗保障局（本级）',
  kind: 'admin',
  authorizedStaff: 20,
  actualStaff: 18,
  retiredStaff: 5,
};

function start(): void {
  session = createApiHandlers({ transport: 'web', version: '9.9.9', configDir, dataDir, dialogs: noDialogs });
  logged = [];
  dispatch = createDispatch(session, (message) => logged.push(message));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'budget-desk-api-'));
  dataDir = join(root, 'data');
  configDir = join(root, 'config');
  mkdirSync(dataDir);
  start();
});

afterEach(() => {
  session.dispose();
  rmSync(root, { recursive: true, force: true });
});

async function ok<T = unknown>(method: string, args: unknown = {}): Promise<T> {
  const response = await dispatch(method, args);
  if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
  return response.result as T;
}

async function failed(method: string, args: unknown = {}): Promise<{ code: string; params: Record<string, string | number> }> {
  const response: ApiResponse<unknown> = await dispatch(method, args);
  if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
  return response.error;
}

describe('dispatch', () => {
  it('reports the transport, version and data folder', async () => {
    expect(await ok('app.info')).toEqual({ version: '9.9.9', transport: 'web', dataDir });
  });

  it('refuses bad arguments with a readable detail naming the field', async () => {
    const error = await failed('workbook.create', { path: 'x', department: { ...department, year: 1999 } });
    expect(error.code).toBe('errors:invalidArguments');
    expect(String(error.params.detail)).toMatch(/^department\.year: /);
    expect((await failed('workbook.edit', { edits: [] })).params.detail).toMatch(/^edits: /);
    expect((await failed('app.info', { extra: 1 })).code).toBe('errors:invalidArguments');
  });

  it('refuses unknown methods, including names inherited from Object', async () => {
    for (const method of ['workbook.delete', 'toString', '__proto__', 'dispose']) {
      expect(await failed(method)).toEqual({ code: 'errors:invalidArguments', params: { detail: `unknown method "${method}"` } });
    }
  });

  it('turns unexpected exceptions and off-contract results into errors:internal, logged but not sent', async () => {
    const broken: ApiHandlers = {
      ...session,
      'app.info': async () => {
        throw new Error('disk on fire at /secret/path');
      },
      'workbook.recent': async () => ({ files: [{ path: 1 }] }) as never,
    };
    const brokenDispatch = createDispatch(broken, (message) => logged.push(message));
    const thrown = await brokenDispatch('app.info', {});
    expect(thrown).toEqual({ ok: false, error: { code: 'errors:internal', params: {} } });
    expect(JSON.stringify(thrown)).not.toContain('secret');
    expect(logged.join('\n')).toContain('disk on fire at /secret/path');
    expect(await brokenDispatch('workbook.recent', {})).toEqual({ ok: false, error: { code: 'errors:internal', params: {} } });
    expect(logged.at(-1)).toMatch(/workbook\.recent returned a result outside the contract/);
  });

  it('passes the store errors through with their params', async () => {
    const blocker = join(dataDir, 'plain-file');
    writeFileSync(blocker, 'not a folder');
    const unwritable = await failed('workbook.create', { path: join(blocker, 'x.budget'), department });
    expect(unwritable.code).toBe('store:ioError');
    expect(await failed('workbook.open', { path: blocker })).toEqual({ code: 'store:notWorkbook', params: { path: blocker } });
    expect(logged).toEqual([]);
  });
});

describe('workbooks', () => {
  it('creates a workbook in the data folder, adding the .budget extension', async () => {
    const summary = await ok<WorkbookSummary>('workbook.create', { path: '036-2025', department });
    expect(summary).toMatchObject({
      path: join(dataDir, '036-2025.budget'),
      departmentCode: '036',
      departmentName: '济源市医疗保障局',
      year: 2025,
      canUndo: false,
      canRedo: false,
    });
    expect(existsSync(summary.path)).toBe(true);
    const { workbook } = await ok<{ workbook: { department: unknown; settings: { entryUnit: string } } }>('workbook.get');
    expect(workbook.department).toEqual({ ...department, publishedOn: '' });
    expect(workbook.settings.entryUnit).toBe('wan');
  });

  it('refuses to create over an existing file', async () => {
    await ok('workbook.create', { path: 'a', department });
    await ok('workbook.close');
    expect(await failed('workbook.create', { path: 'a.budget', department })).toEqual({
      code: 'store:exists',
      params: { path: join(dataDir, 'a.budget') },
    });
    expect(await failed('workbook.create', { path: join(dataDir, 'no-such-folder', 'b'), department })).toEqual({
      code: 'store:folderMissing',
      params: { folder: join(dataDir, 'no-such-folder') },
    });
  });

  it('applies each edit as one undoable step and keeps undo/redo state in the summary', async () => {
    const created = await ok<WorkbookSummary>('workbook.create', { path: 'edits', department });
    const added = await ok<WorkbookSummary>('workbook.edit', { edits: [{ op: 'put', collection: 'units', record: unit }] });
    expect(added.revision).toBeGreaterThan(created.revision);
    expect(added.canUndo).toBe(true);
    const renamed = { ...department, name: '济源示范区医疗保障局', publishedOn: '' };
    await ok('workbook.edit', { edits: [{ op: 'set', key: 'department', value: renamed }] });
    expect((await ok<{ workbook: { units: Unit[] } }>('workbook.get')).workbook.units).toEqual([unit]);

    const undone = await ok<WorkbookSummary>('workbook.undo');
    expect(undone.departmentName).toBe('济源市医疗保障局');
    expect(undone.canRedo).toBe(true);
    const redone = await ok<WorkbookSummary>('workbook.redo');
    expect(redone.departmentName).toBe('济源示范区医疗保障局');
    expect(redone.canRedo).toBe(false);
  });

  it('needs an open workbook for get/edit/undo/redo', async () => {
    for (const method of ['workbook.get', 'workbook.undo', 'workbook.redo']) {
      expect((await failed(method)).code).toBe('app:error.noWorkbookOpen');
    }
    expect((await failed('workbook.edit', { edits: [{ op: 'delete', collection: 'units', id: 'x' }] })).code).toBe('app:error.noWorkbookOpen');
    expect(await ok('workbook.close')).toEqual({ closed: false });
  });

  it('reports a record that does not exist as a user error naming it', async () => {
    await ok('workbook.create', { path: 'missing-record', department });
    const error = await failed('workbook.edit', { edits: [{ op: 'delete', collection: 'units', id: 'ghost' }] });
    expect(error.code).toBe('store:invalidEdit');
    expect(error.params.target).toBe('units/ghost');
  });

  it('opens by file name, reports a missing file, and switches workbooks releasing the first', async () => {
    const first = await ok<WorkbookSummary>('workbook.create', { path: 'first', department });
    await ok('workbook.create', { path: 'second', department: { ...department, year: 2026 } });
    // The first file is no longer held: another store can open it.
    WorkbookStore.open(first.path).close();
    const reopened = await ok<WorkbookSummary>('workbook.open', { path: 'first' });
    expect(reopened.path).toBe(first.path);
    expect(reopened.year).toBe(2025);
    // Opening the file that is already open is a no-op, not a lock conflict.
    expect((await ok<WorkbookSummary>('workbook.open', { path: first.path })).path).toBe(first.path);

    const missing = await failed('workbook.open', { path: 'nowhere' });
    expect(missing.code).toMatch(/^store:/);
    expect(missing.params.path).toBe(join(dataDir, 'nowhere.budget'));
    // The failed open leaves the current workbook open.
    expect((await ok<{ summary: WorkbookSummary }>('workbook.get')).summary.path).toBe(first.path);
  });

  it('closes the workbook on dispose so the file can be opened again', async () => {
    const created = await ok<WorkbookSummary>('workbook.create', { path: 'disposed', department });
    session.dispose();
    WorkbookStore.open(created.path).close();
  });
});

describe('two windows on one workbook', () => {
  type Got = { summary: WorkbookSummary; workbook: { units: Unit[] } };
  const rename = (name: string, baseRevision: number) => ({ edits: [{ op: 'put', collection: 'units', record: { ...unit, name } }], baseRevision });

  it('refuses a change made on content another window has changed since, and applies nothing of it', async () => {
    await ok('workbook.create', { path: 'windows', department });
    const start = await ok<WorkbookSummary>('workbook.edit', { edits: [{ op: 'put', collection: 'units', record: unit }] });
    // Both windows saw `start`. The first renames the unit; the second's rename, made on `start`, is refused.
    const first = await ok<WorkbookSummary>('workbook.edit', rename('第一个窗口的名称', start.revision));
    const refused = await failed('workbook.edit', rename('第二个窗口的名称', start.revision));
    expect(refused.code).toBe('store:staleEdit');
    expect(refused.params).toMatchObject({ base: start.revision, revision: first.revision, changes: 1 });
    const after = await ok<Got>('workbook.get');
    expect(after.workbook.units[0]?.name).toBe('第一个窗口的名称');
    expect(after.summary.revision).toBe(first.revision);
    // Reloaded, the second window's change goes through.
    await ok('workbook.edit', rename('第二个窗口的名称', after.summary.revision));
    expect((await ok<Got>('workbook.get')).workbook.units[0]?.name).toBe('第二个窗口的名称');
  });

  it('never brings back a record another window deleted', async () => {
    await ok('workbook.create', { path: 'deleted', department });
    const start = await ok<WorkbookSummary>('workbook.edit', { edits: [{ op: 'put', collection: 'units', record: unit }] });
    await ok('workbook.edit', { edits: [{ op: 'delete', collection: 'units', id: unit.id }], baseRevision: start.revision });
    expect((await failed('workbook.edit', rename('旧副本', start.revision))).code).toBe('store:staleEdit');
    expect((await ok<Got>('workbook.get')).workbook.units).toEqual([]);
  });

  it('refuses an undo or redo from a window that has not seen the latest change', async () => {
    await ok('workbook.create', { path: 'undo-windows', department });
    const start = await ok<WorkbookSummary>('workbook.edit', { edits: [{ op: 'put', collection: 'units', record: unit }] });
    const other = await ok<WorkbookSummary>('workbook.edit', rename('另一个窗口', start.revision));
    // The first window would undo the other's rename without knowing it.
    expect((await failed('workbook.undo', { baseRevision: start.revision })).code).toBe('store:staleEdit');
    expect((await ok<Got>('workbook.get')).workbook.units[0]?.name).toBe('另一个窗口');
    const undone = await ok<WorkbookSummary>('workbook.undo', { baseRevision: other.revision });
    expect((await failed('workbook.redo', { baseRevision: other.revision })).code).toBe('store:staleEdit');
    await ok('workbook.redo', { baseRevision: undone.revision });
    expect((await ok<Got>('workbook.get')).workbook.units[0]?.name).toBe('另一个窗口');
  });

  it('lets a caller that names no revision (the command line, scripts) change the latest content', async () => {
    await ok('workbook.create', { path: 'scripted', department });
    await ok('workbook.edit', { edits: [{ op: 'put', collection: 'units', record: unit }] });
    await ok('workbook.edit', { edits: [{ op: 'put', collection: 'units', record: { ...unit, name: '脚本' } }] });
    expect((await ok<Got>('workbook.get')).workbook.units[0]?.name).toBe('脚本');
    expect((await failed('workbook.edit', { edits: [{ op: 'delete', collection: 'units', id: unit.id }], baseRevision: -1 })).code).toBe('errors:invalidArguments');
  });
});

describe('drafts', () => {
  const table = {
    rows: {
      'new:1': { texts: { amount: '12.5', functionCode: '999' }, problems: { functionCode: { key: 'problem.code.unknown', params: { value: '999' } } }, missing: ['unitId'] },
    },
    newRows: ['new:1'],
  };

  it('keeps a grid’s drafts in the file, outside the workbook’s revision and undo, until they are emptied', async () => {
    const created = await ok<WorkbookSummary>('workbook.create', { path: 'drafts', department });
    expect(await ok('drafts.get')).toEqual({ drafts: {} });
    expect(await ok('drafts.save', { grid: 'budgetLines', table })).toEqual({ saved: true });
    const summary = (await ok<{ summary: WorkbookSummary }>('workbook.get')).summary;
    expect(summary.revision).toBe(created.revision);
    expect(summary.canUndo).toBe(false);

    // Another session (a restarted program) finds them in the file.
    session.dispose();
    start();
    await ok('workbook.open', { path: 'drafts' });
    expect(await ok('drafts.get')).toEqual({ drafts: { budgetLines: table } });
    await ok('drafts.save', { grid: 'budgetLines', table: { rows: {}, newRows: [] } });
    expect(await ok('drafts.get')).toEqual({ drafts: {} });
  });

  it('refuses drafts off the contract, naming the field, and needs an open workbook', async () => {
    expect((await failed('drafts.get')).code).toBe('app:error.noWorkbookOpen');
    await ok('workbook.create', { path: 'bad-drafts', department });
    const error = await failed('drafts.save', { grid: 'budgetLines', table: { rows: { x: { texts: { amount: 5 } } }, newRows: [] } });
    expect(error.code).toBe('errors:invalidArguments');
    expect(String(error.params.detail)).toMatch(/^table\.rows\.x\./);
    expect(await ok('drafts.get')).toEqual({ drafts: {} });
  });

  it('leaves out a grid whose stored drafts no longer fit, and forgets all drafts when the workbook is replaced', async () => {
    const created = await ok<WorkbookSummary>('workbook.create', { path: 'odd-drafts', department });
    await ok('drafts.save', { grid: 'budgetLines', table });
    session.dispose();
    const store = WorkbookStore.open(created.path);
    store.saveDrafts('incomeLines', { rows: 'not rows' });
    expect(Object.keys(store.drafts())).toEqual(['budgetLines', 'incomeLines']);
    store.close();
    start();
    await ok('workbook.open', { path: 'odd-drafts' });
    expect(await ok('drafts.get')).toEqual({ drafts: { budgetLines: table } });
    session.dispose();
    const again = WorkbookStore.open(created.path);
    again.replaceAll(again.workbook);
    expect(again.drafts()).toEqual({});
    again.close();
    start();
  });
});

describe('recent files', () => {
  it('lists the most recent first, survives a restart, follows renames and drops missing files', async () => {
    const a = await ok<WorkbookSummary>('workbook.create', { path: 'a', department });
    const b = await ok<WorkbookSummary>('workbook.create', { path: 'b', department: { ...department, name: '乙' } });
    await ok('workbook.open', { path: 'a' });
    await ok('workbook.edit', { edits: [{ op: 'set', key: 'department', value: { ...department, name: '甲', publishedOn: '' } }] });
    session.dispose();
    start();
    const { files } = await ok<{ files: { path: string; departmentName: string; year: number; openedAt: string }[] }>('workbook.recent');
    expect(files.map((file) => [file.path, file.departmentName, file.year])).toEqual([
      [a.path, '甲', 2025],
      [b.path, '乙', 2025],
    ]);
    expect(Date.parse(files[0]?.openedAt ?? '')).not.toBeNaN();

    unlinkSync(b.path);
    expect((await ok<{ files: { path: string }[] }>('workbook.recent')).files.map((file) => file.path)).toEqual([a.path]);
  });

  it('keeps at most ten files', async () => {
    for (let index = 0; index < 12; index += 1) await ok('workbook.create', { path: `w${index}`, department });
    const { files } = await ok<{ files: { path: string }[] }>('workbook.recent');
    expect(files).toHaveLength(10);
    expect(files[0]?.path).toBe(join(dataDir, 'w11.budget'));
    expect(files[9]?.path).toBe(join(dataDir, 'w2.budget'));
  });

  it('keeps working when the list cannot be written', async () => {
    session.dispose();
    writeFileSync(configDir, 'a file where the config folder should be');
    start();
    const created = await ok<WorkbookSummary>('workbook.create', { path: 'no-list', department });
    expect(existsSync(created.path)).toBe(true);
    expect(await ok('workbook.recent')).toEqual({ files: [] });
  });

  it('treats a damaged list file as empty', async () => {
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'recent-files.json'), '{not json');
    expect(await ok('workbook.recent')).toEqual({ files: [] });
    await ok('workbook.create', { path: 'after-damage', department });
    expect((await ok<{ files: unknown[] }>('workbook.recent')).files).toHaveLength(1);
  });
});

describe('catalogue import', () => {
  const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

  it('adds the imported codes to the workbook in one undoable step and returns the warnings', async () => {
    await ok('workbook.create', { path: 'catalog', department });
    const first = await ok<{ imported: number; warnings: { code: string }[] }>('catalog.import', {
      fileName: '2025功能科目.csv',
      contentBase64: csv('编码,名称\n210,卫生健康支出\n2101501,行政运行\nabc,不是编码\n'),
      kind: 'function',
    });
    expect(first.imported).toBe(2);
    expect(first.warnings.map((warning) => warning.code)).toEqual(['catalog:badCode']);
    await ok('catalog.import', { fileName: 'again.csv', contentBase64: csv('编码,名称\n2101501,行政运行（新）\n2101502,一般行政管理事务\n'), kind: 'function' });
    const { workbook, summary } = await ok<{ workbook: { catalogEntries: unknown[] }; summary: WorkbookSummary }>('workbook.get');
    expect(workbook.catalogEntries).toEqual([
      { kind: 'function', code: '210', name: '卫生健康支出' },
      { kind: 'function', code: '2101501', name: '行政运行（新）' },
      { kind: 'function', code: '2101502', name: '一般行政管理事务' },
    ]);
    expect(summary.canUndo).toBe(true);
  });

  it('refuses an unreadable file and bad base64, leaving the workbook unchanged', async () => {
    const created = await ok<WorkbookSummary>('workbook.create', { path: 'catalog-bad', department });
    expect((await failed('catalog.import', { fileName: 'x.csv', contentBase64: '', kind: 'function' })).code).toBe('catalog:unreadable');
    expect((await failed('catalog.import', { fileName: 'x.csv', contentBase64: '不是base64', kind: 'function' })).code).toBe('errors:invalidArguments');
    expect((await ok<{ summary: WorkbookSummary }>('workbook.get')).summary.revision).toBe(created.revision);
  });
});

describe('dialogs', () => {
  it('passes dialog answers through; browser mode has none', async () => {
    expect(await ok('dialog.openWorkbook')).toEqual({ path: null });
    expect(await ok('dialog.saveWorkbook', { suggestedName: 'x.budget' })).toEqual({ path: null });
    const native = createApiHandlers({
      transport: 'electron',
      version: '1',
      configDir,
      dataDir,
      dialogs: { openWorkbook: async () => '/picked/a.budget', saveWorkbook: async (name) => `/picked/${name}` },
    });
    const nativeDispatch = createDispatch(native);
    expect(await nativeDispatch('dialog.openWorkbook', {})).toEqual({ ok: true, result: { path: '/picked/a.budget' } });
    expect(await nativeDispatch('dialog.saveWorkbook', { suggestedName: 'b.budget' })).toEqual({ ok: true, result: { path: '/picked/b.budget' } });
  });
});

describe('resolveWorkbookPath', () => {
  it('resolves names in the data folder and keeps absolute paths', () => {
    expect(resolveWorkbookPath(' 036-2025 ', '/data', true)).toBe('/data/036-2025.budget');
    expect(resolveWorkbookPath('sub/x.budget', '/data', true)).toBe('/data/sub/x.budget');
    expect(resolveWorkbookPath('/elsewhere/y', '/data', true)).toBe('/elsewhere/y.budget');
    expect(resolveWorkbookPath('/elsewhere/y.db', '/data', false)).toBe('/elsewhere/y.db');
  });
});
