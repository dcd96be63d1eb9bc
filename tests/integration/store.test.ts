import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Edit } from '../../src/core/edits';
import type { Workbook } from '../../src/core/model';
import { MAX_UNDO_STEPS, SCHEMA_VERSION, WorkbookStore } from '../../src/main/services/store';
import { UserError } from '../../src/shared/api';
import { createI18n } from '../../src/shared/i18n';
import zhStore from '../../src/shared/locales/zh-CN/store.json';
import enStore from '../../src/shared/locales/en/store.json';
import { budgetLine, department, folderState, incomeLine, project, tempFolder, unit } from './helpers/store-fixtures';

let folder: ReturnType<typeof tempFolder>;
let file: string;
const stores: WorkbookStore[] = [];

function track(store: WorkbookStore): WorkbookStore {
  stores.push(store);
  return store;
}

function userError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

beforeEach(() => {
  folder = tempFolder();
  file = join(folder.dir, '2025.budget');
});

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  folder.remove();
});

const setup: Edit[] = [
  { op: 'put', collection: 'units', record: unit('u1') },
  { op: 'put', collection: 'units', record: unit('u2', { kind: 'institution' }) },
  { op: 'put', collection: 'projects', record: project('p1') },
  { op: 'put', collection: 'incomeLines', record: incomeLine('i1', { functionCode: '2101501' }) },
  { op: 'put', collection: 'budgetLines', record: budgetLine('b1', { note: '基本工资' }) },
  { op: 'put', collection: 'budgetLines', record: budgetLine('b2', { nature: 'project', projectId: 'p1', amount: -5 }) },
  { op: 'put', collection: 'budgetLines', record: budgetLine('b3', { unitId: 'u2', amount: 99_999_999_999_999 }) },
];

describe('WorkbookStore round trip', () => {
  it('keeps everything across close and open, and undo/redo survive reopening', () => {
    const store = WorkbookStore.create(file, { department, entryUnit: 'yuan' });
    expect(store.revision).toBe(0);
    expect(store.canUndo).toBe(false);
    store.apply(setup);
    store.apply([
      { op: 'set', key: 'texts', value: { ...store.workbook.texts, duties: '负责医疗保障', reasons: { total: '人员增加' } } },
      { op: 'set', key: 'priorYear', value: { year: 2024, source: '2024年公开表', figures: { 'income.total': 123_400 } } },
      { op: 'set', key: 'catalogEntries', value: [{ kind: 'function', code: '2101501', name: '行政运行' }] },
    ]);
    store.apply([{ op: 'put', collection: 'budgetLines', record: budgetLine('b1', { amount: 777 }) }]);
    store.apply([{ op: 'delete', collection: 'budgetLines', id: 'b2' }]);
    const before = structuredClone(store.workbook);
    expect(store.revision).toBe(4);
    store.close();

    const reopened = track(WorkbookStore.open(file));
    expect(reopened.workbook).toEqual(before);
    expect(reopened.workbook.settings.entryUnit).toBe('yuan');
    expect(reopened.revision).toBe(4);
    expect(reopened.canUndo).toBe(true);
    expect(reopened.canRedo).toBe(false);

    // Undo the delete: b2 comes back where it was (between b1 and b3), and that persists.
    expect(reopened.undo()).toBe(true);
    expect(reopened.workbook.budgetLines.map((line) => line.id)).toEqual(['b1', 'b2', 'b3']);
    expect(reopened.undo()).toBe(true);
    expect(reopened.workbook.budgetLines[0]?.amount).toBe(123_456);
    expect(reopened.revision).toBe(6);
    reopened.close();
    stores.pop();

    const third = track(WorkbookStore.open(file));
    expect(third.revision).toBe(6);
    expect(third.canRedo).toBe(true);
    expect(third.workbook.budgetLines.map((line) => [line.id, line.amount])).toEqual([
      ['b1', 123_456],
      ['b2', -5],
      ['b3', 99_999_999_999_999],
    ]);
    expect(third.redo()).toBe(true);
    expect(third.redo()).toBe(true);
    expect(third.redo()).toBe(false);
    expect(third.workbook).toEqual(before);
    // Undo everything back to the empty workbook.
    while (third.undo()) {
      // keep undoing
    }
    expect(third.workbook.units).toEqual([]);
    expect(third.workbook.texts.duties).toBe('');
    expect(third.canUndo).toBe(false);
    expect(third.canRedo).toBe(true);
  });

  it('drops the redo branch when a new edit follows an undo, also after reopening', () => {
    const store = track(WorkbookStore.create(file, { department }));
    store.apply(setup.slice(0, 1));
    store.apply([{ op: 'put', collection: 'units', record: unit('u2') }]);
    store.undo();
    expect(store.canRedo).toBe(true);
    store.apply([{ op: 'put', collection: 'units', record: unit('u3') }]);
    expect(store.canRedo).toBe(false);
    store.close();
    const reopened = track(WorkbookStore.open(file));
    expect(reopened.canRedo).toBe(false);
    expect(reopened.redo()).toBe(false);
    expect(reopened.workbook.units.map((u) => u.id)).toEqual(['u1', 'u3']);
    expect(reopened.undo()).toBe(true);
    expect(reopened.undo()).toBe(true);
    expect(reopened.undo()).toBe(false);
  });

  it('keeps record order through inserts at positions, including many at one spot', () => {
    const store = track(WorkbookStore.create(file, { department }));
    store.apply([setup[0] as Edit, ...['a', 'b', 'c'].map((id): Edit => ({ op: 'put', collection: 'budgetLines', record: budgetLine(id) }))]);
    // 40 inserts, each right after "a": halves the same gap until it runs out and the table is renumbered.
    for (let n = 0; n < 40; n += 1) {
      store.apply([{ op: 'put', collection: 'budgetLines', record: budgetLine(`x${n}`), at: 1 }]);
    }
    store.apply([
      { op: 'put', collection: 'budgetLines', record: budgetLine('first'), at: 0 },
      { op: 'delete', collection: 'budgetLines', id: 'b' },
      { op: 'put', collection: 'budgetLines', record: budgetLine('b', { note: 're-added' }) },
    ]);
    const expected = store.workbook.budgetLines.map((line) => line.id);
    expect(expected.slice(0, 3)).toEqual(['first', 'a', 'x39']);
    expect(expected.at(-1)).toBe('b');
    store.close();
    const reopened = track(WorkbookStore.open(file));
    expect(reopened.workbook.budgetLines.map((line) => line.id)).toEqual(expected);
    expect(reopened.workbook.budgetLines.at(-1)?.note).toBe('re-added');
  });

  it('refuses invalid edits with store:invalidEdit naming the record and field, changing nothing', () => {
    const store = track(WorkbookStore.create(file, { department }));
    store.apply(setup);
    const revision = store.revision;
    const workbook = store.workbook;

    const fractional = userError(() =>
      store.apply([{ op: 'put', collection: 'budgetLines', record: budgetLine('b9', { amount: 1.5 }) }]),
    );
    expect(fractional.code).toBe('store:invalidEdit');
    expect(fractional.params).toMatchObject({ index: 1, target: 'budgetLines/b9', field: 'amount' });

    const badCode = userError(() =>
      store.apply([
        { op: 'put', collection: 'units', record: unit('u9') },
        { op: 'put', collection: 'budgetLines', record: budgetLine('b9', { functionCode: '210' }) },
      ]),
    );
    expect(badCode.params).toMatchObject({ index: 2, target: 'budgetLines/b9', field: 'functionCode' });

    const dangling = userError(() => store.apply([{ op: 'put', collection: 'budgetLines', record: budgetLine('b9', { unitId: 'nope' }) }]));
    expect(dangling.params).toMatchObject({ context: 'reference', field: 'unitId', value: 'nope' });

    const inUse = userError(() => store.apply([{ op: 'delete', collection: 'units', id: 'u1' }]));
    expect(inUse.params).toMatchObject({ context: 'inUse', target: 'units/u1', count: 4 });

    const unknown = userError(() => store.apply([{ op: 'delete', collection: 'budgetLines', id: 'ghost' }]));
    expect(unknown.params).toMatchObject({ context: 'unknownRecord', target: 'budgetLines/ghost' });

    const badSet = userError(() => store.apply([{ op: 'set', key: 'settings', value: { entryUnit: 'kuai' } as never }]));
    expect(badSet.params).toMatchObject({ target: 'settings', field: 'entryUnit' });

    expect(store.revision).toBe(revision);
    expect(store.workbook).toBe(workbook);
    // Deleting a unit together with everything that uses it, in any order, is fine.
    store.apply([
      { op: 'delete', collection: 'units', id: 'u1' },
      { op: 'delete', collection: 'budgetLines', id: 'b1' },
      { op: 'delete', collection: 'budgetLines', id: 'b2' },
      { op: 'delete', collection: 'projects', id: 'p1' },
      { op: 'delete', collection: 'incomeLines', id: 'i1' },
    ]);
    store.close();
    const reopened = track(WorkbookStore.open(file));
    expect(reopened.revision).toBe(revision + 1);
    expect(reopened.workbook.units.map((u) => u.id)).toEqual(['u2']);
    reopened.undo();
    expect(reopened.workbook).toEqual(workbook);
  });

  it('keeps procurement paid from basic expenditure and prose blocks, and guards the group’s unit', () => {
    const store = track(WorkbookStore.create(file, { department }));
    store.apply(setup);
    const item = { id: 'g1-1', name: '复印纸', catalogCode: 'A05040101', measureUnit: '箱', quantity: 200, unitPrice: 200_00, amount: 40_000_00, smallFirmShare: 100 };
    const group = { id: 'g1', unitId: 'u1', name: '公用类项目1', budget: 675_500_00, listedAfter: 'p1', items: [item] };
    store.apply([
      { op: 'set', key: 'basicProcurement', value: [group] },
      { op: 'set', key: 'texts', value: { ...store.workbook.texts, blocks: { safeguards: '# 1、完善制度建设\n制定制度。' } } },
    ]);
    const revision = store.revision;

    const dangling = userError(() => store.apply([{ op: 'set', key: 'basicProcurement', value: [group, { ...group, id: 'g2', unitId: 'nope' }] }]));
    expect(dangling.params).toMatchObject({ context: 'reference', target: 'basicProcurement/g2', field: 'unitId', value: 'nope' });
    const deleteUnit: Edit[] = [
      { op: 'delete', collection: 'units', id: 'u1' },
      { op: 'delete', collection: 'budgetLines', id: 'b1' },
      { op: 'delete', collection: 'budgetLines', id: 'b2' },
      { op: 'delete', collection: 'projects', id: 'p1' },
      { op: 'delete', collection: 'incomeLines', id: 'i1' },
    ];
    expect(userError(() => store.apply(deleteUnit)).params).toMatchObject({ context: 'inUse', target: 'units/u1', count: 1 });
    expect(store.revision).toBe(revision);
    store.close();

    const reopened = track(WorkbookStore.open(file));
    expect(reopened.workbook.basicProcurement).toEqual([group]);
    expect(reopened.workbook.texts.blocks).toEqual({ safeguards: '# 1、完善制度建设\n制定制度。' });
    reopened.apply([...deleteUnit, { op: 'set', key: 'basicProcurement', value: [] }]);
    expect(reopened.workbook.units.map((u) => u.id)).toEqual(['u2']);
  });

  it('words its errors in both languages', () => {
    const zh = createI18n('zh-CN');
    const en = createI18n('en');
    expect(Object.keys(zhStore).sort()).toEqual(Object.keys(enStore).sort());
    const locked = new UserError('store:locked', { pid: 1234, host: 'foo', lockFile: 'x.budget.lock' });
    expect(zh.t(locked.code, locked.params)).toBe('这个文件已在别处打开（进程 1234，主机 foo），请先在那里关闭。如果那里的程序已无响应，结束该进程后即可打开；锁文件是 x.budget.lock。');
    expect(en.t(locked.code, locked.params)).toContain('the lock file is x.budget.lock');
    const row = { context: 'row', path: 'x.budget', table: 'budget_lines', row: 3, field: 'amount', detail: 'bad' };
    expect(zh.t('store:damaged', row)).toContain('budget_lines 第 3 行的 amount');
    expect(en.t('store:damaged', row)).toContain('table budget_lines row 3 has an invalid amount');
    expect(en.t('store:newerVersion', { fileVersion: 9, supportedVersion: 2 })).toContain('file format 9');
  });

  it('replaceAll writes everything in one go after a backup copy and clears the undo log', () => {
    const store = track(WorkbookStore.create(file, { department }));
    store.apply(setup);
    const old = structuredClone(store.workbook);
    const replacement: Workbook = {
      ...old,
      department: { ...department, name: '新名称' },
      units: [unit('u7')],
      incomeLines: [],
      projects: [],
      budgetLines: [budgetLine('n1', { unitId: 'u7' }), budgetLine('n2', { unitId: 'u7' })],
    };
    store.replaceAll(replacement);
    expect(store.revision).toBe(2);
    expect(store.canUndo).toBe(false);
    const backups = readdirSync(folder.dir).filter((name) => name.endsWith('.bak'));
    expect(backups).toEqual(['2025.budget.r1.bak']);

    expect(userError(() => store.replaceAll({ ...replacement, budgetLines: [budgetLine('n1', { unitId: 'zz' })] })).params).toMatchObject({
      field: 'budgetLines[0].unitId',
    });
    store.close();
    expect(track(WorkbookStore.open(file)).workbook).toEqual(replacement);
    // The backup is itself a complete workbook holding the state before the import.
    const backup = track(WorkbookStore.open(join(folder.dir, backups[0] as string)));
    expect(backup.workbook).toEqual(old);
    expect(backup.revision).toBe(1);
  });

  it('inspect reads header facts without locking or leaving files', () => {
    const store = WorkbookStore.create(file, { department });
    store.apply(setup.slice(0, 1));
    expect(WorkbookStore.inspect(file)).toEqual({ schemaVersion: SCHEMA_VERSION, department, revision: 1 });
    store.close();
    const files = folderState(folder.dir);
    expect(WorkbookStore.inspect(file)).toEqual({ schemaVersion: SCHEMA_VERSION, department, revision: 1 });
    expect(folderState(folder.dir)).toEqual(files);
    expect(Object.keys(files)).toEqual(['2025.budget']);
  });

  it('bounds the undo log to the last MAX_UNDO_STEPS steps', () => {
    const store = track(WorkbookStore.create(file, { department }));
    store.apply(setup.slice(0, 1));
    for (let n = 0; n < MAX_UNDO_STEPS + 4; n += 1) {
      store.apply([{ op: 'put', collection: 'units', record: unit('u1', { actualStaff: n }) }]);
    }
    store.close();
    const reopened = track(WorkbookStore.open(file));
    let undone = 0;
    while (reopened.undo()) undone += 1;
    expect(undone).toBe(MAX_UNDO_STEPS);
    expect(reopened.workbook.units[0]?.actualStaff).toBe(3);
    reopened.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM undo_steps').get()).toEqual({ n: MAX_UNDO_STEPS });
    db.close();
  });

  it('opens a workbook of 50,000 budget lines quickly', () => {
    const store = WorkbookStore.create(file, { department });
    const units = Array.from({ length: 20 }, (_, n) => unit(`u${n + 1}`));
    const projects = Array.from({ length: 200 }, (_, n) => project(`p${n}`, { unitId: `u${(n % 20) + 1}` }));
    const budgetLines = Array.from({ length: 50_000 }, (_, n) =>
      budgetLine(`line-${n}`, {
        unitId: `u${(n % 20) + 1}`,
        nature: n % 3 === 0 ? 'project' : 'basic',
        projectId: n % 3 === 0 ? `p${n % 200}` : null,
        amount: n * 101,
        note: n % 10 === 0 ? '说明' : '',
      }),
    );
    const workbook: Workbook = { ...store.workbook, units, projects, budgetLines };
    const writeStart = performance.now();
    store.replaceAll(workbook);
    const writeMs = performance.now() - writeStart;
    store.close();

    const openStart = performance.now();
    const reopened = track(WorkbookStore.open(file));
    const openMs = performance.now() - openStart;
    expect(reopened.workbook.budgetLines).toHaveLength(50_000);
    expect(reopened.workbook.budgetLines[49_999]).toEqual(budgetLines[49_999]);

    const editStart = performance.now();
    reopened.apply([{ op: 'put', collection: 'budgetLines', record: budgetLine('line-new', { unitId: 'u1' }), at: 25_000 }]);
    const editMs = performance.now() - editStart;
    console.log(`[store] 50k lines: replaceAll ${writeMs.toFixed(0)} ms, open ${openMs.toFixed(0)} ms, one edit ${editMs.toFixed(1)} ms`);
    expect(openMs).toBeLessThan(3000);
    expect(existsSync(`${file}.lock`)).toBe(true);
  });
});
