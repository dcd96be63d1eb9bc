import type { ChangedPart } from './checks';
import { COLLECTIONS, SINGLETONS, type CollectionName, type SingletonName } from './edits';
import type { Workbook } from './model';

type Keyed = { id: string };

/** A collection's change: the new versions of the records that changed, and the ids in order when membership or order changed. */
export interface CollectionPatch {
  records: Keyed[];
  /** Absent when the collection holds the same ids in the same order as before. */
  order?: string[];
}

/**
 * What changed between two versions of a workbook, as plain data another thread can apply to its
 * copy of the old version (the checks worker): only the changed records travel, not 50,000 lines.
 */
export interface WorkbookPatch {
  /** The parts that changed, as an incremental check session takes them. */
  parts: ChangedPart[];
  singletons: Partial<Record<SingletonName, unknown>>;
  collections: Partial<Record<CollectionName, CollectionPatch>>;
}

/**
 * The patch that turns `prev` into `next`, found in one pass over each collection that changed:
 * edits keep untouched records identical, so comparing references finds exactly the records an edit
 * wrote. Null when more than `limit` records changed (a reload, an undo of a large paste): sending
 * the whole workbook is then cheaper.
 */
export function workbookPatch(prev: Workbook, next: Workbook, limit = 5000): WorkbookPatch | null {
  const patch: WorkbookPatch = { parts: [], singletons: {}, collections: {} };
  for (const key of SINGLETONS) {
    if (prev[key] === next[key]) continue;
    patch.parts.push({ collection: key });
    patch.singletons[key] = next[key];
  }
  for (const collection of COLLECTIONS) {
    const before = prev[collection] as readonly Keyed[];
    const after = next[collection] as readonly Keyed[];
    if (before === after) continue;
    const change = sameOrderChanges(before, after) ?? reorderedChanges(before, after);
    for (const id of change.ids) patch.parts.push({ collection, id });
    if (patch.parts.length > limit) return null;
    if (change.ids.length > 0 || change.order) patch.collections[collection] = { records: change.records, ...(change.order ? { order: change.order } : {}) };
  }
  return patch;
}

interface Changes {
  /** Ids of changed, added and removed records. */
  ids: string[];
  records: Keyed[];
  order?: string[];
}

/** The changed records when both lists hold the same ids in the same order; null otherwise. */
function sameOrderChanges(before: readonly Keyed[], after: readonly Keyed[]): Changes | null {
  if (before.length !== after.length) return null;
  const changes: Changes = { ids: [], records: [] };
  for (let index = 0; index < after.length; index += 1) {
    const record = after[index] as Keyed;
    const old = before[index] as Keyed;
    if (record === old) continue;
    if (record.id !== old.id) return null;
    changes.ids.push(record.id);
    changes.records.push(record);
  }
  return changes;
}

function reorderedChanges(before: readonly Keyed[], after: readonly Keyed[]): Changes {
  const old = new Map(before.map((record) => [record.id, record]));
  const changes: Changes = { ids: [], records: [], order: after.map((record) => record.id) };
  for (const record of after) {
    if (old.get(record.id) !== record) {
      changes.ids.push(record.id);
      changes.records.push(record);
    }
    old.delete(record.id);
  }
  changes.ids.push(...old.keys());
  return changes;
}

/**
 * `workbook` with `patch` applied. Records the patch does not carry stay the same objects, which is
 * what lets a check session recognise untouched records by reference.
 */
export function applyPatch(workbook: Workbook, patch: WorkbookPatch): Workbook {
  const next: Workbook = { ...workbook, ...(patch.singletons as Partial<Workbook>) };
  for (const collection of COLLECTIONS) {
    const change = patch.collections[collection];
    if (!change) continue;
    const before = workbook[collection] as readonly Keyed[];
    const changed = new Map(change.records.map((record) => [record.id, record]));
    let after: Keyed[];
    if (change.order) {
      const old = new Map(before.map((record) => [record.id, record]));
      after = change.order.map((id) => {
        const record = changed.get(id) ?? old.get(id);
        if (!record) throw new Error(`patch names ${collection} record ${id}, which neither side holds`);
        return record;
      });
    } else {
      after = before.map((record) => changed.get(record.id) ?? record);
    }
    (next as unknown as Record<CollectionName, Keyed[]>)[collection] = after;
  }
  return next;
}

