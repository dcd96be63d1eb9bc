import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, WorkbookStore } from '../../src/main/services/store';
import { budgetLine, department, tempFolder, unit } from './helpers/store-fixtures';

let folder: ReturnType<typeof tempFolder>;

beforeEach(() => {
  folder = tempFolder('migration-');
});

afterEach(() => {
  folder.remove();
});

/**
 * The version-1 layout written by hand, as the first release wrote it: budget lines had no note.
 * Deliberately not taken from src/, so the test keeps describing old files if the code changes.
 */
function writeVersion1File(path: string): void {
  const db = new Database(path);
  db.exec(`
    PRAGMA application_id = ${0x42444b31};
    CREATE TABLE state (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL CHECK (revision >= 0),
      undo_cursor INTEGER NOT NULL, created_at TEXT NOT NULL) STRICT;
    CREATE TABLE singletons (key TEXT PRIMARY KEY, value TEXT NOT NULL CHECK (json_valid(value))) STRICT;
    CREATE TABLE units (id TEXT PRIMARY KEY, position INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
      kind TEXT NOT NULL, authorized_staff INTEGER NOT NULL, actual_staff INTEGER NOT NULL, retired_staff INTEGER NOT NULL) STRICT;
    CREATE TABLE projects (id TEXT PRIMARY KEY, position INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
      unit_id TEXT NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED, type TEXT NOT NULL, purpose TEXT NOT NULL,
      plan_march REAL, plan_june REAL, plan_october REAL, plan_december REAL,
      continuing INTEGER NOT NULL CHECK (continuing IN (0, 1)),
      procurement TEXT NOT NULL CHECK (json_valid(procurement)), performance TEXT NOT NULL CHECK (json_valid(performance))) STRICT;
    CREATE TABLE income_lines (id TEXT PRIMARY KEY, position INTEGER NOT NULL,
      unit_id TEXT NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED, fund TEXT NOT NULL, function_code TEXT,
      amount INTEGER NOT NULL) STRICT;
    CREATE TABLE budget_lines (id TEXT PRIMARY KEY, position INTEGER NOT NULL,
      unit_id TEXT NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED, function_code TEXT NOT NULL,
      dept_econ_code TEXT NOT NULL, gov_econ_code TEXT NOT NULL, nature TEXT NOT NULL,
      project_id TEXT REFERENCES projects (id) DEFERRABLE INITIALLY DEFERRED, fund TEXT NOT NULL, amount INTEGER NOT NULL) STRICT;
    CREATE TABLE undo_steps (seq INTEGER PRIMARY KEY, edits TEXT NOT NULL, inverse TEXT NOT NULL, bytes INTEGER NOT NULL,
      committed_at TEXT NOT NULL) STRICT;
    PRAGMA user_version = 1;
  `);
  const singleton = db.prepare('INSERT INTO singletons (key, value) VALUES (?, ?)');
  const values: Record<string, unknown> = {
    settings: { entryUnit: 'wan', template: 'henan-2024', catalogEdition: 2025 },
    department,
    departmentPerformance: { annualGoal: '', tasks: [], indicators: [] },
    assets: { vehicles: [], generalEquipmentOver500k: 0, specialEquipmentOver1m: 0, figures: {}, asOf: '' },
    texts: { duties: '旧职责', organization: '', reasons: {}, glossary: [], other: '' },
    priorYear: { year: null, source: '', figures: {} },
    catalogEntries: [],
  };
  for (const [key, value] of Object.entries(values)) singleton.run(key, JSON.stringify(value));
  db.prepare("INSERT INTO state VALUES (1, 7, 0, '2024-01-01T00:00:00.000Z')").run();
  db.prepare("INSERT INTO units VALUES ('u1', 65536, '036001', '单位u1', 'admin', 20, 18, 5)").run();
  const line = db.prepare(
    "INSERT INTO budget_lines VALUES (?, ?, 'u1', '2101501', '30101', '50101', 'basic', NULL, 'gen.appropriation', ?)",
  );
  line.run('b2', 131072, 2_000);
  line.run('b1', 65536, 1_000);
  db.close();
}

describe('schema migration', () => {
  it('migrates a version-1 file after a byte-identical backup copy', () => {
    const path = join(folder.dir, 'old.budget');
    writeVersion1File(path);
    const original = readFileSync(path);

    const store = WorkbookStore.open(path);
    expect(store.revision).toBe(7);
    expect(store.workbook.budgetLines).toEqual([budgetLine('b1', { amount: 1_000 }), budgetLine('b2', { amount: 2_000 })]);
    expect(store.workbook.units).toEqual([unit('u1')]);
    expect(store.workbook.texts.duties).toBe('旧职责');
    // Facts added later start empty (v4: basic-expenditure procurement, prose blocks).
    expect(store.workbook.basicProcurement).toEqual([]);
    expect(store.workbook.texts.blocks).toEqual({});
    // The new column works: a note is stored and read back.
    store.apply([{ op: 'put', collection: 'budgetLines', record: budgetLine('b1', { amount: 1_000, note: '新备注' }) }]);
    store.close();

    const backup = join(folder.dir, 'old.budget.v1.bak');
    expect(readFileSync(backup).equals(original)).toBe(true);
    expect(readdirSync(folder.dir).sort()).toEqual(['old.budget', 'old.budget.v1.bak']);

    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Switched to a rollback journal on open (issue 15): the file alone holds every committed edit.
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT note FROM budget_lines WHERE id = 'b1'").pluck().get()).toBe('新备注');
    db.close();

    const reopened = WorkbookStore.open(path);
    expect(reopened.workbook.budgetLines[0]?.note).toBe('新备注');
    reopened.close();
    // Once migrated, no further backups are made.
    expect(readdirSync(folder.dir).filter((name) => name.endsWith('.bak'))).toEqual(['old.budget.v1.bak']);

    // The backup is still a version-1 file that opens (and migrates on its own, with its own backup).
    const fromBackup = WorkbookStore.open(backup);
    expect(fromBackup.workbook.budgetLines.map((line) => line.note)).toEqual(['', '']);
    fromBackup.close();
    expect(readFileSync(`${backup}.v1.bak`).equals(original)).toBe(true);
  });
});
