import type { Catalog } from '../catalog';
import type { CatalogEntry, CatalogKind } from '../model';
import { levelOf, normalizeName, type CatalogLevel } from './codes';

/** A code the imported list adds: the catalogue did not list it before. */
export interface AddedCode {
  kind: CatalogKind;
  code: string;
  name: string;
  level: CatalogLevel;
}

/** A listed code whose name the imported list changes; the old name stays findable as an alias. */
export interface RenamedCode {
  kind: CatalogKind;
  code: string;
  from: string;
  to: string;
}

/** What importing a list would do, worked out before anything is written. */
export interface CatalogImportPlan {
  /** The workbook's `catalogEntries` once the import is applied. */
  next: CatalogEntry[];
  added: AddedCode[];
  renamed: RenamedCode[];
  /** Imported codes the catalogue already lists under the same name. */
  unchanged: number;
}

/**
 * Plans the import of an official list into a workbook whose imported entries are `existing` and
 * whose catalogue (built-in edition plus `existing`) is `catalog`. An imported entry replaces an
 * earlier import of the same code; earlier imports the list does not mention are kept, so a list
 * of one kind never drops another kind's codes. Pure: the caller shows the plan and applies `next`
 * as one edit (one undo step), or does nothing.
 */
export function planCatalogImport(existing: readonly CatalogEntry[], imported: readonly CatalogEntry[], catalog: Catalog): CatalogImportPlan {
  const key = (entry: Pick<CatalogEntry, 'kind' | 'code'>) => `${entry.kind}:${entry.code}`;
  const incoming = new Map<string, CatalogEntry>();
  for (const entry of imported) if (levelOf(entry.kind, entry.code) !== undefined && entry.name.trim() !== '') incoming.set(key(entry), entry);
  const next = existing.map((entry) => incoming.get(key(entry)) ?? entry);
  const present = new Set(existing.map(key));
  for (const [entryKey, entry] of incoming) if (!present.has(entryKey)) next.push(entry);

  const added: AddedCode[] = [];
  const renamed: RenamedCode[] = [];
  let unchanged = 0;
  for (const entry of incoming.values()) {
    const known = catalog.lookup(entry.kind, entry.code);
    const name = entry.name.trim();
    if (!known) added.push({ kind: entry.kind, code: entry.code, name, level: levelOf(entry.kind, entry.code) as CatalogLevel });
    else if (normalizeName(known.name) !== normalizeName(name)) renamed.push({ kind: entry.kind, code: entry.code, from: known.name, to: name });
    else unchanged += 1;
  }
  const byCode = <T extends { kind: CatalogKind; code: string }>(list: T[]) =>
    list.sort((a, b) => (a.kind === b.kind ? (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
  return { next, added: byCode(added), renamed: byCode(renamed), unchanged };
}

const KIND_ORDER: Record<CatalogKind, number> = { function: 0, deptEcon: 1, govEcon: 2 };
