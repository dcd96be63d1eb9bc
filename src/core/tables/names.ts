import { builtinCatalogFiles } from '../catalog/builtin';
import type { CatalogKind, Workbook } from '../model';
import type { NameResolver } from './render';

/**
 * Code names for tables: the workbook's imported catalogue entries (the province's own list, as the
 * clerk imported it) win over the built-in national catalogue.
 */
export function catalogNames(workbook: Pick<Workbook, 'catalogEntries'>): NameResolver {
  const byKind = (kind: CatalogKind) => {
    const names = new Map(builtinCatalogFiles[kind].entries.map((entry) => [entry.code, entry.name]));
    for (const entry of workbook.catalogEntries) if (entry.kind === kind) names.set(entry.code, entry.name);
    return names;
  };
  const functions = byKind('function');
  const deptEcon = byKind('deptEcon');
  const govEcon = byKind('govEcon');
  return {
    functionName: (code) => functions.get(code),
    deptEconName: (code) => deptEcon.get(code),
    govEconName: (code) => govEcon.get(code),
  };
}
