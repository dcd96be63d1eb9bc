import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { SINGLETONS, type CollectionName, type SingletonName } from '../../../core/edits';
import { modelSchemas } from '../../../core/interchange';
import type { Workbook } from '../../../core/model';
import { UserError } from '../../../shared/api';
import { errorText } from './file-header';
import { COLLECTION_TABLES, TABLE_ORDER } from './tables';
import { readUndoPosition, type UndoPosition } from './undo-log';

export const SINGLETON_SCHEMAS: { [S in SingletonName]: z.ZodType } = {
  settings: modelSchemas.settings,
  department: modelSchemas.department,
  basicProcurement: modelSchemas.basicProcurement,
  departmentPerformance: modelSchemas.departmentPerformance,
  assets: modelSchemas.assets,
  texts: modelSchemas.texts,
  priorYear: modelSchemas.priorYear,
  catalogEntries: modelSchemas.catalogEntries,
};

export interface LoadedWorkbook {
  workbook: Workbook;
  revision: number;
  undo: UndoPosition;
}

/** Reads and validates the whole workbook; a record that fails is `store:damaged` naming table and row. */
export function loadWorkbook(db: Database.Database, path: string): LoadedWorkbook {
  const singletons = loadSingletons(db, path);
  const collections = {} as { [C in CollectionName]: Workbook[C] };
  for (const name of TABLE_ORDER) {
    (collections as Record<CollectionName, unknown>)[name] = loadCollection(db, path, name);
  }
  const workbook: Workbook = {
    settings: singletons.settings as Workbook['settings'],
    department: singletons.department as Workbook['department'],
    units: collections.units,
    incomeLines: collections.incomeLines,
    budgetLines: collections.budgetLines,
    projects: collections.projects,
    basicProcurement: singletons.basicProcurement as Workbook['basicProcurement'],
    departmentPerformance: singletons.departmentPerformance as Workbook['departmentPerformance'],
    assets: singletons.assets as Workbook['assets'],
    texts: singletons.texts as Workbook['texts'],
    priorYear: singletons.priorYear as Workbook['priorYear'],
    catalogEntries: singletons.catalogEntries as Workbook['catalogEntries'],
  };
  return { workbook, revision: readRevision(db, path), undo: readUndoPosition(db) };
}

export function readRevision(db: Database.Database, path: string): number {
  const row = db.prepare('SELECT revision FROM state WHERE id = 1').get() as { revision: number } | undefined;
  if (!row) throw new UserError('store:damaged', { path, detail: 'state row missing' });
  return row.revision;
}

/** The department as stored, validated; used by `inspect` without loading the rest. */
export function readDepartment(db: Database.Database, path: string): Workbook['department'] {
  return readSingleton(db, path, 'department') as Workbook['department'];
}

function loadSingletons(db: Database.Database, path: string): Record<SingletonName, unknown> {
  const rows = db.prepare('SELECT key, value FROM singletons').raw().all() as [string, string][];
  const stored = new Map(rows);
  const values = {} as Record<SingletonName, unknown>;
  for (const key of SINGLETONS) values[key] = parseSingleton(path, key, stored.get(key));
  return values;
}

function readSingleton(db: Database.Database, path: string, key: SingletonName): unknown {
  const row = db.prepare('SELECT value FROM singletons WHERE key = ?').raw().get(key) as [string] | undefined;
  return parseSingleton(path, key, row?.[0]);
}

function parseSingleton(path: string, key: SingletonName, text: string | undefined): unknown {
  const damaged = (field: string, detail: string) =>
    new UserError('store:damaged', { path, context: 'row', table: 'singletons', row: key, field, detail });
  if (text === undefined) throw damaged('value', 'missing');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw damaged('value', errorText(error));
  }
  const checked = SINGLETON_SCHEMAS[key].safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw damaged(issue?.path.join('.') || 'value', issue?.message ?? 'invalid');
  }
  return value;
}

function loadCollection(db: Database.Database, path: string, name: CollectionName): unknown[] {
  const spec = COLLECTION_TABLES[name] as (typeof COLLECTION_TABLES)['units'];
  const rows = db
    .prepare(`SELECT id, ${spec.columns.join(', ')} FROM ${spec.table} ORDER BY position`)
    .raw()
    .all() as unknown[][];
  const records: unknown[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] as unknown[];
    const damaged = (field: string, detail: string) =>
      new UserError('store:damaged', { path, context: 'row', table: spec.table, row: index + 1, id: String(row[0]), field, detail });
    let record: unknown;
    try {
      record = spec.fromRow(row);
    } catch (error) {
      throw damaged('', errorText(error));
    }
    const checked = spec.schema.safeParse(record);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw damaged(issue?.path.join('.') ?? '', issue?.message ?? 'invalid');
    }
    records[index] = record;
  }
  return records;
}
