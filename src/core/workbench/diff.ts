import type { ChangedPart } from '../checks';
import { COLLECTIONS, SINGLETONS } from '../edits';
import type { Workbook } from '../model';

/**
 * The parts that differ between two versions of a workbook, for an incremental check session.
 * Edits keep untouched records identical (same object), so comparing references finds exactly
 * the records an edit wrote. Null when so much changed (a reload, an undo of a large paste) that
 * checking from scratch is cheaper.
 */
export function changedBetween(prev: Workbook, next: Workbook, limit = 5000): ChangedPart[] | null {
  const parts: ChangedPart[] = [];
  for (const key of SINGLETONS) if (prev[key] !== next[key]) parts.push({ collection: key });
  for (const collection of COLLECTIONS) {
    const before = prev[collection] as readonly { id: string }[];
    const after = next[collection] as readonly { id: string }[];
    if (before === after) continue;
    if (before.length === after.length && before.every((record, index) => record.id === after[index]?.id)) {
      after.forEach((record, index) => {
        if (record !== before[index]) parts.push({ collection, id: record.id });
      });
    } else {
      const old = new Map(before.map((record) => [record.id, record]));
      for (const record of after) {
        if (old.get(record.id) !== record) parts.push({ collection, id: record.id });
        old.delete(record.id);
      }
      for (const id of old.keys()) parts.push({ collection, id });
    }
    if (parts.length > limit) return null;
  }
  return parts;
}
