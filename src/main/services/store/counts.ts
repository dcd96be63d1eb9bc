import type Database from 'better-sqlite3';
import type { CollectionName } from '../../../core/edits';
import { COLLECTION_TABLES } from './tables';

export type RecordCounts = { [C in CollectionName]: number };

/** How many records each collection holds, by COUNT(*) — for `info`, without loading a record. */
export function readCounts(db: Database.Database): RecordCounts {
  const counts = {} as RecordCounts;
  for (const [name, table] of Object.entries(COLLECTION_TABLES) as [CollectionName, { table: string }][]) {
    counts[name] = (db.prepare(`SELECT COUNT(*) FROM ${table.table}`).pluck().get() as number) ?? 0;
  }
  return counts;
}
