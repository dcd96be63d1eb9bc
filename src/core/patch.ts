import type { ChangedPart } from './checks';
import { COLLECTIONS, type CollectionName, type SingletonName } from './edits';
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

/** The patch that turns `prev` into `next`, given the parts that differ (changedBetween). */
export function patchBetween(prev: Workbook, next: Workbook, parts: readonly ChangedPart[]): WorkbookPatch {
  const patch: WorkbookPatch = { parts: [...parts], singletons: {}, collections: {} };
  const changedIds = new Map<CollectionName, Set<string>>();
  for (const part of parts) {
    if (isCollection(part.collection)) {
      const ids = changedIds.get(part.collection) ?? new Set<string>();
      if (part.id !== undefined) ids.add(part.id);
      changedIds.set(part.collection, ids);
    } else {
      patch.singletons[part.collection] = next[part.collection];
    }
  }
  for (const [collection, ids] of changedIds) {
    const before = prev[collection] as readonly Keyed[];
    const after = next[collection] as readonly Keyed[];
    const sameOrder = before.length === after.length && before.every((record, index) => record.id === after[index]?.id);
    patch.collections[collection] = {
      records: after.filter((record) => ids.has(record.id)),
      ...(sameOrder ? {} : { order: after.map((record) => record.id) }),
    };
  }
  return patch;
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

function isCollection(name: string): name is CollectionName {
  return (COLLECTIONS as readonly string[]).includes(name);
}
