import type Database from 'better-sqlite3';
import { COLLECTIONS, SINGLETONS, type CollectionName, type Edit, type SingletonName } from '../../../core/edits';
import type { Workbook } from '../../../core/model';
import { COLLECTION_TABLES, type CollectionTable } from './tables';

/** Gap between neighbouring positions; inserting between two records takes the midpoint. */
export const POSITION_STEP = 65536;

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function statement(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}

type AnyTable = CollectionTable<{ id: string }>;

function tableOf(name: CollectionName): AnyTable {
  return COLLECTION_TABLES[name] as unknown as AnyTable;
}

/** What the edit list did to one record id, in the end. */
interface RecordOutcome {
  /** The record after the last put, or null when the last edit deleted it. */
  record: { id: string } | null;
  /** Deleted at some point: a final put is then a re-insert at the record's new place. */
  wasDeleted: boolean;
}

/**
 * Writes to SQLite exactly what `edits` changed between `before` and `after` (the result of
 * applyEdits). Must run inside the caller's transaction.
 */
export function writeChanges(db: Database.Database, after: Workbook, edits: readonly Edit[]): void {
  const setKeys = new Set<SingletonName>();
  const outcomes = new Map<CollectionName, Map<string, RecordOutcome>>();
  for (const edit of edits) {
    if (edit.op === 'set') {
      setKeys.add(edit.key);
      continue;
    }
    const byId = outcomes.get(edit.collection) ?? new Map<string, RecordOutcome>();
    outcomes.set(edit.collection, byId);
    const id = edit.op === 'put' ? edit.record.id : edit.id;
    const previous = byId.get(id);
    byId.set(id, {
      record: edit.op === 'put' ? edit.record : null,
      wasDeleted: (previous?.wasDeleted ?? false) || edit.op === 'delete',
    });
  }
  for (const key of setKeys) writeSingleton(db, key, after[key]);
  for (const [name, byId] of outcomes) writeCollection(db, tableOf(name), after[name] as { id: string }[], byId);
}

function writeSingleton(db: Database.Database, key: SingletonName, value: unknown): void {
  statement(db, 'INSERT INTO singletons (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

function writeCollection(db: Database.Database, spec: AnyTable, after: readonly { id: string }[], byId: Map<string, RecordOutcome>): void {
  const update = statement(db, `UPDATE ${spec.table} SET ${spec.columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`);
  const remove = statement(db, `DELETE FROM ${spec.table} WHERE id = ?`);
  const added = new Set<string>();
  for (const [id, outcome] of byId) {
    if (outcome.record === null || outcome.wasDeleted) remove.run(id);
    if (outcome.record === null) continue;
    if (outcome.wasDeleted || update.run(...spec.toRow(outcome.record), id).changes === 0) added.add(id);
  }
  if (added.size > 0) insertAtTheirPlaces(db, spec, after, added);
}

/** Inserts new records with positions between their neighbours in `after`, renumbering if a gap is used up. */
function insertAtTheirPlaces(db: Database.Database, spec: AnyTable, after: readonly { id: string }[], added: Set<string>): void {
  const insert = statement(db, `INSERT INTO ${spec.table} (id, position, ${spec.columns.join(', ')}) VALUES (${placeholders(spec.columns.length + 2)})`);
  const positionOf = statement(db, `SELECT position FROM ${spec.table} WHERE id = ?`).pluck();
  const indexes: number[] = [];
  after.forEach((record, index) => {
    if (added.has(record.id)) indexes.push(index);
  });
  let renumber = false;
  for (let start = 0; start < indexes.length; ) {
    let end = start;
    while (end + 1 < indexes.length && indexes[end + 1] === (indexes[end] as number) + 1) end += 1;
    const first = indexes[start] as number;
    const last = indexes[end] as number;
    const left = first > 0 ? (positionOf.get((after[first - 1] as { id: string }).id) as number) : null;
    const right = last + 1 < after.length ? (positionOf.get((after[last + 1] as { id: string }).id) as number) : null;
    const positions = spread(left, right, last - first + 1);
    if (!positions) renumber = true;
    for (let index = first; index <= last; index += 1) {
      const record = after[index] as { id: string };
      insert.run(record.id, positions ? positions[index - first] : 0, ...spec.toRow(record));
    }
    start = end + 1;
  }
  if (renumber) renumberAll(db, spec, after);
}

/** `count` increasing integers strictly between left and right (either may be open), or null if none fit. */
function spread(left: number | null, right: number | null, count: number): number[] | null {
  const steps = Array.from({ length: count }, (_, offset) => offset + 1);
  if (left === null && right === null) return steps.map((step) => step * POSITION_STEP);
  if (right === null) return steps.map((step) => (left as number) + step * POSITION_STEP);
  if (left === null) return steps.map((step) => right - (count + 1 - step) * POSITION_STEP);
  const gap = Math.floor((right - left) / (count + 1));
  if (gap < 1) return null;
  return steps.map((step) => left + step * gap);
}

function renumberAll(db: Database.Database, spec: AnyTable, after: readonly { id: string }[]): void {
  const setPosition = statement(db, `UPDATE ${spec.table} SET position = ? WHERE id = ?`);
  after.forEach((record, index) => setPosition.run((index + 1) * POSITION_STEP, record.id));
}

/** Replaces every table's contents with `workbook` (inside the caller's transaction). */
export function writeWholeWorkbook(db: Database.Database, workbook: Workbook): void {
  for (const name of COLLECTIONS) db.prepare(`DELETE FROM ${tableOf(name).table}`).run();
  for (const name of COLLECTIONS) {
    const spec = tableOf(name);
    const insert = statement(db, `INSERT INTO ${spec.table} (id, position, ${spec.columns.join(', ')}) VALUES (${placeholders(spec.columns.length + 2)})`);
    (workbook[name] as { id: string }[]).forEach((record, index) => insert.run(record.id, (index + 1) * POSITION_STEP, ...spec.toRow(record)));
  }
  for (const key of SINGLETONS) writeSingleton(db, key, workbook[key]);
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
