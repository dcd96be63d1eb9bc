import { openSync, closeSync, readFileSync, writeFileSync, writeSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Edit } from '../../src/core/edits';
import { SCHEMA_VERSION, WorkbookStore } from '../../src/main/services/store';
import { UserError } from '../../src/shared/api';
import { budgetLine, department, folderState, tempFolder, unit } from './helpers/store-fixtures';

let folder: ReturnType<typeof tempFolder>;

beforeEach(() => {
  folder = tempFolder('refusals-');
});

afterEach(() => {
  folder.remove();
});

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A real workbook with enough lines to span many pages, closed. */
function makeWorkbook(name: string, lines = 2000): string {
  const path = join(folder.dir, name);
  const store = WorkbookStore.create(path, { department });
  const edits: Edit[] = [{ op: 'put', collection: 'units', record: unit('u1') }];
  for (let n = 0; n < lines; n += 1) edits.push({ op: 'put', collection: 'budgetLines', record: budgetLine(`line-${n}`, { note: `说明${n}` }) });
  store.apply(edits);
  store.close();
  return path;
}

/** Backdates every file so that a write during the attempt would show in the mtime. */
function backdate(path: string): void {
  const past = new Date('2024-03-01T08:00:00Z');
  utimesSync(path, past, past);
}

/** Runs `attempt`, expects a UserError with `code`, and proves the folder is byte-for-byte and mtime unchanged. */
function expectRefusal(path: string, code: string, attempt: () => unknown = () => WorkbookStore.open(path)): UserError {
  backdate(path);
  const before = folderState(folder.dir);
  let caught: unknown = null;
  try {
    const store = attempt() as WorkbookStore | undefined;
    store?.close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UserError);
  expect((caught as UserError).code).toBe(code);
  expect(folderState(folder.dir)).toEqual(before);
  return caught as UserError;
}

describe('refusing files', () => {
  it('refuses a PNG, a text file and an empty file as not a workbook', () => {
    for (const [name, bytes] of [
      ['picture.budget', PNG],
      ['notes.budget', Buffer.from('部门预算说明\n')],
      ['empty.budget', Buffer.alloc(0)],
    ] as const) {
      const path = join(folder.dir, name);
      writeFileSync(path, bytes);
      const error = expectRefusal(path, 'store:notWorkbook');
      expect(error.params.path).toBe(path);
      expectRefusal(path, 'store:notWorkbook', () => WorkbookStore.inspect(path));
    }
  });

  it("refuses another program's SQLite file", () => {
    const path = join(folder.dir, 'other.budget');
    const db = new Database(path);
    db.pragma('application_id = 1234');
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    expectRefusal(path, 'store:notWorkbook');
    const plain = join(folder.dir, 'plain.sqlite');
    const other = new Database(plain);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expectRefusal(plain, 'store:notWorkbook');
  });

  it('refuses a workbook cut in half as damaged', () => {
    const path = makeWorkbook('cut.budget');
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(100_000);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefusal(path, 'store:damaged');
    // Cut at a page boundary too, so only the header's page count gives it away.
    writeFileSync(path, bytes.subarray(0, 4096 * Math.floor(bytes.length / 8192)));
    expectRefusal(path, 'store:damaged');
  });

  it('refuses a workbook whose pages were overwritten as damaged', () => {
    const path = makeWorkbook('scribbled.budget');
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 4);
    closeSync(fd);
    const error = expectRefusal(path, 'store:damaged');
    expect(String(error.params.detail)).not.toBe('');
  });

  it('refuses a row that breaks the model, naming the table and row', () => {
    const path = makeWorkbook('badrow.budget', 10);
    const db = new Database(path);
    db.prepare("UPDATE budget_lines SET function_code = '21' WHERE id = 'line-6'").run();
    db.close();
    const error = expectRefusal(path, 'store:damaged');
    expect(error.params).toMatchObject({ context: 'row', table: 'budget_lines', row: 7, id: 'line-6', field: 'functionCode' });
  });

  it('refuses a file from a newer program', () => {
    const path = makeWorkbook('future.budget', 10);
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const error = expectRefusal(path, 'store:newerVersion');
    expect(error.params).toMatchObject({ fileVersion: SCHEMA_VERSION + 1, supportedVersion: SCHEMA_VERSION });
    expectRefusal(path, 'store:newerVersion', () => WorkbookStore.inspect(path));
  });

  it('refuses a missing file, and creating over an existing one', () => {
    const missing = join(folder.dir, 'missing.budget');
    expect(() => WorkbookStore.open(missing)).toThrow(expect.objectContaining({ code: 'store:notFound' }));
    expect(() => WorkbookStore.inspect(missing)).toThrow(expect.objectContaining({ code: 'store:notFound' }));
    const existing = makeWorkbook('existing.budget', 1);
    expectRefusal(existing, 'store:exists', () => WorkbookStore.create(existing, { department }));
    const text = join(folder.dir, 'text.budget');
    writeFileSync(text, 'not mine');
    expectRefusal(text, 'store:exists', () => WorkbookStore.create(text, { department }));
    expect(() => WorkbookStore.create(join(folder.dir, 'no-such-folder', 'x.budget'), { department })).toThrow(
      expect.objectContaining({ code: 'store:folderMissing' }),
    );
  });
});
