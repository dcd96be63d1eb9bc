import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, CatalogCode } from '../../core/catalog';
import { catalogFor, normalizeName } from '../../core/catalog';
import type { Finding } from '../../core/checks';
import type { CollectionName, Edit, PutEdit } from '../../core/edits';
import { FUND_LEAVES } from '../../core/funds';
import type { CatalogKind, Workbook } from '../../core/model';
import { fundDisplay, type CellContext } from '../../core/workbench';
import type { MarkIndex } from './useEntryGrid';
import type { CellMark, Suggestion } from './types';

/** The cell context of the open workbook, in the interface language. */
export function useCellContext(workbook: Workbook): CellContext {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  return useMemo(
    () => ({
      // The edition of the workbook's catalogue year (budget year), extended by its imported list.
      catalog: catalogFor(workbook.catalogEntries, workbook.settings.catalogEdition),
      units: workbook.units,
      projects: workbook.projects,
      entryUnit: workbook.settings.entryUnit,
      language,
    }),
    [workbook.catalogEntries, workbook.settings.catalogEdition, workbook.units, workbook.projects, workbook.settings.entryUnit, language],
  );
}

/** Saves records of a top-level collection: puts and deletes as one edit list (one undo step). */
export function collectionEdits<C extends CollectionName>(collection: C, puts: readonly { id: string }[], deletes: readonly string[]): Edit[] {
  return [
    ...puts.map((record) => ({ op: 'put', collection, record }) as PutEdit),
    ...deletes.map((id) => ({ op: 'delete' as const, collection, id })),
  ];
}

/** Code choices for a picker: digits or name fragments, at the level lines use; `only` narrows to legal codes. */
export function codeSuggestions(catalog: Catalog, kind: CatalogKind, level: number, text: string, only?: readonly string[]): Suggestion[] {
  const query = text.trim();
  let hits: CatalogCode[];
  if (only && only.length > 0) {
    const allowed = new Set(only);
    const all = only.map((code) => catalog.lookup(kind, code)).filter((entry): entry is CatalogCode => entry !== undefined);
    hits = query === '' || /^\d+$/.test(query) ? all.filter((entry) => entry.code.startsWith(query)) : catalog.searchCodes(kind, query, 400).filter((entry) => allowed.has(entry.code));
    // The typed text may already be a full code with its name: show every legal choice then.
    if (hits.length === 0) hits = all;
  } else {
    if (query === '') return [];
    hits = catalog.searchCodes(kind, query, 200).filter((entry) => entry.level === level);
  }
  return hits.slice(0, 12).map((entry) => ({
    value: entry.code,
    label: `${entry.code} ${entry.name}`,
    detail: entry.parents.map((code) => catalog.lookup(kind, code)?.name ?? '').filter(Boolean).slice(-1)[0],
  }));
}

/** Choices from a short list (units, funds, natures) matching the typed text; all of them for no text. */
export function listSuggestions(options: readonly Suggestion[], text: string): Suggestion[] {
  const query = normalizeName(text.trim());
  const matching = query === '' ? options : options.filter((option) => normalizeName(`${option.label} ${option.detail ?? ''}`).includes(query));
  // A cell already holding one choice's label shows every choice, that one first, so another can be picked.
  const exact = matching.find((option) => normalizeName(option.label) === query);
  if (exact && matching.length === 1) return [exact, ...options.filter((option) => option !== exact)];
  return matching.slice(0, 30);
}

export function fundSuggestions(language: 'zh' | 'en'): Suggestion[] {
  return FUND_LEAVES.map((code) => ({ value: fundDisplay(code, language), label: fundDisplay(code, language) }));
}

/** Check findings as cell marks of one grid: the cells a finding names in its table references. */
export function marksFor(findings: readonly Finding[], tableId: string, message: (finding: Finding) => string): MarkIndex {
  const index = new Map<string, Map<string, CellMark>>();
  for (const finding of findings) {
    if (finding.severity === 'info') continue;
    for (const table of finding.location.tables ?? []) {
      if (table.tableId !== tableId || table.rowKey === undefined) continue;
      const row = index.get(table.rowKey) ?? new Map<string, CellMark>();
      const column = table.column ?? '';
      const existing = row.get(column);
      const level = finding.severity === 'error' ? 'error' : 'warning';
      if (!existing || (existing.level === 'warning' && level === 'error')) row.set(column, { level, message: message(finding) });
      else row.set(column, { level: existing.level, message: `${existing.message}\n${message(finding)}` });
      index.set(table.rowKey, row);
    }
  }
  return index;
}
