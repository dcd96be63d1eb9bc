import type { BudgetLine, IncomeLine, Project, Unit, Workbook } from './model';

/**
 * Every change to a workbook is a list of edits applied together: one user action, one
 * transaction, one undo step. Applying returns the inverse list, which undoes it exactly.
 */
export interface CollectionRecords {
  units: Unit;
  incomeLines: IncomeLine;
  budgetLines: BudgetLine;
  projects: Project;
}
export type CollectionName = keyof CollectionRecords;
export const COLLECTIONS: readonly CollectionName[] = ['units', 'incomeLines', 'budgetLines', 'projects'];

/** basicProcurement is a singleton: a department has a few such groups, edited and stored as one list. */
export type SingletonName =
  | 'settings'
  | 'department'
  | 'basicProcurement'
  | 'departmentPerformance'
  | 'assets'
  | 'texts'
  | 'priorYear'
  | 'catalogEntries';
export const SINGLETONS: readonly SingletonName[] = [
  'settings',
  'department',
  'basicProcurement',
  'departmentPerformance',
  'assets',
  'texts',
  'priorYear',
  'catalogEntries',
];

/** `at` places a new record at that position (undo of a delete restores the record where it was). */
export type PutEdit = {
  [C in CollectionName]: { op: 'put'; collection: C; record: CollectionRecords[C]; at?: number };
}[CollectionName];
export interface DeleteEdit {
  op: 'delete';
  collection: CollectionName;
  id: string;
}
export type SetEdit = { [S in SingletonName]: { op: 'set'; key: S; value: Workbook[S] } }[SingletonName];
export type Edit = PutEdit | DeleteEdit | SetEdit;

export class EditError extends Error {
  constructor(
    readonly code: 'unknownRecord',
    readonly collection: CollectionName,
    readonly id: string,
  ) {
    super(`${code}: ${collection}/${id}`);
  }
}

/** Applies `edits` in order without touching `workbook`; returns the new workbook and the inverse edits. */
export function applyEdits(workbook: Workbook, edits: readonly Edit[]): { workbook: Workbook; inverse: Edit[] } {
  const next: Workbook = { ...workbook };
  const copied = new Set<CollectionName>();
  const inverse: Edit[] = [];
  for (const edit of edits) {
    if (edit.op === 'set') {
      inverse.push({ op: 'set', key: edit.key, value: next[edit.key] } as SetEdit);
      (next as unknown as Record<string, unknown>)[edit.key] = edit.value;
      continue;
    }
    const collection = edit.collection;
    if (!copied.has(collection)) {
      (next as unknown as Record<string, unknown[]>)[collection] = [...next[collection]];
      copied.add(collection);
    }
    const records = next[collection] as { id: string }[];
    const id = edit.op === 'put' ? edit.record.id : edit.id;
    const index = records.findIndex((record) => record.id === id);
    if (edit.op === 'put') {
      if (index === -1) {
        if (edit.at !== undefined && edit.at >= 0 && edit.at < records.length) records.splice(edit.at, 0, edit.record);
        else records.push(edit.record);
        inverse.push({ op: 'delete', collection, id });
      } else {
        inverse.push({ op: 'put', collection, record: records[index] } as PutEdit);
        records[index] = edit.record;
      }
    } else {
      if (index === -1) throw new EditError('unknownRecord', collection, id);
      inverse.push({ op: 'put', collection, record: records[index], at: index } as PutEdit);
      records.splice(index, 1);
    }
  }
  inverse.reverse();
  return { workbook: next, inverse };
}
