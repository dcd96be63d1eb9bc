import type { NarrativeSpec, SectionSpec } from '../narrative/spec';
import type { PackageSection, PackageSpec } from '../report/package-spec';
import type { BodyPart, TableSpec, TemplateSpec } from '../tables/spec';
import { changeColumns } from './columns';
import type { TableChange, VariantTemplateDocument } from './document';
import type { ProblemList } from './problems';

/**
 * A variant applied to its resolved base: only what the variant names changes. Lists of objects are changed
 * by id (kustomize's strategic merge), never by position; an id the base lacks is a problem, not a no-op.
 */
export function applyVariant(base: TemplateSpec, variant: VariantTemplateDocument, problems: ProblemList): TemplateSpec {
  const out: TemplateSpec = {
    ...base,
    id: variant.id,
    name: variant.name,
    version: variant.version,
    province: variant.province ?? base.province,
    year: variant.year ?? base.year,
    money: { ...base.money, ...variant.money },
    conventions: { ...base.conventions, ...variant.conventions },
    glossary: variant.glossary ?? base.glossary,
  };
  if (variant.description !== undefined) out.description = variant.description;
  else delete out.description;
  if (variant.tables) {
    const changes = variant.tables;
    out.tables = changeList(base.tables, changes as KeyedChanges<TableSpec>, problems, 'tables', 'template:unknownTable', (table, change, path) =>
      changeTable(table, change as TableChange, problems, path),
    );
  }
  if (variant.narrative) out.narrative = changeNarrative(base.narrative, variant.narrative, problems);
  if (variant.package) out.package = changePackage(base.package, variant.package, problems);
  out.package = withoutRemoved(out.package, removedIds(base.tables, out.tables), removedIds(base.narrative?.sections ?? [], out.narrative?.sections ?? []));
  return out;
}

/** Ids the base's list has and the variant's result does not. */
function removedIds(before: { id?: string }[], after: { id?: string }[]): Set<string> {
  const kept = new Set(after.map((item) => item.id));
  return new Set(before.flatMap((item) => (item.id !== undefined && !kept.has(item.id) ? [item.id] : [])));
}

/**
 * A table or narrative section the variant removes leaves the package with it: a `table` section printing it
 * goes, `tables` and `narrative` sections no longer name it. (An id the base never had stays a problem.)
 */
function withoutRemoved(pkg: PackageSpec, tables: Set<string>, narrative: Set<string>): PackageSpec {
  if (tables.size === 0 && narrative.size === 0) return pkg;
  const sections = pkg.sections.flatMap((section): PackageSection[] => {
    if (section.kind === 'table') return tables.has(section.table) ? [] : [section];
    if (section.kind === 'tables' && section.tables !== 'rest') return [{ ...section, tables: section.tables.filter((id) => !tables.has(id)) }];
    if (section.kind === 'narrative' && section.sections) return [{ ...section, sections: section.sections.filter((id) => !narrative.has(id)) }];
    return [section];
  });
  return { ...pkg, sections };
}

interface KeyedChanges<T> {
  remove?: string[];
  replace?: Record<string, T>;
  change?: Record<string, unknown>;
  add?: { after?: string; item: T }[];
  order?: string[];
}

/** remove → replace → change → add → order, each id checked against the list as it stands. */
function changeList<T extends { id?: string }>(
  list: T[],
  changes: KeyedChanges<T>,
  problems: ProblemList,
  path: string,
  unknownKey: string,
  change: (item: T, patch: unknown, path: string) => T,
): T[] {
  let items = [...list];
  const find = (id: string, where: string) => {
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) problems.add(where, unknownKey, { id, known: items.map((item) => item.id ?? '').join(', ') });
    return index;
  };
  for (const [index, id] of (changes.remove ?? []).entries()) {
    const at = find(id, `${path}.remove[${index}]`);
    if (at >= 0) items.splice(at, 1);
  }
  for (const [id, item] of Object.entries(changes.replace ?? {})) {
    const at = find(id, `${path}.replace[${JSON.stringify(id)}]`);
    if (at >= 0) items[at] = { ...item, id: item.id ?? id };
  }
  for (const [id, patch] of Object.entries(changes.change ?? {})) {
    const where = `${path}.change[${JSON.stringify(id)}]`;
    const at = find(id, where);
    const current = items[at];
    if (current) items[at] = change(current, patch, where);
  }
  for (const [index, addition] of (changes.add ?? []).entries()) {
    const id = addition.item.id;
    if (id !== undefined && items.some((item) => item.id === id)) {
      problems.add(`${path}.add[${index}].item.id`, 'template:duplicateId', { id });
      continue;
    }
    if (addition.after === undefined) items.unshift(addition.item);
    else {
      const at = find(addition.after, `${path}.add[${index}].after`);
      if (at >= 0) items.splice(at + 1, 0, addition.item);
    }
  }
  if (changes.order) {
    const listed = changes.order.flatMap((id, index) => {
      const at = find(id, `${path}.order[${index}]`);
      return at >= 0 ? [items[at] as T] : [];
    });
    items = [...listed, ...items.filter((item) => !listed.includes(item))];
  }
  return items;
}

/** A shallow merge of the patch's fields into an object (a part, a section). */
function merge<T extends object>(item: T, patch: unknown): T {
  return { ...item, ...(patch as Partial<T>) };
}

function changeTable(table: TableSpec, change: TableChange, problems: ProblemList, path: string): TableSpec {
  let out: TableSpec = { ...table };
  for (const key of ['number', 'title', 'meta', 'notes', 'header'] as const) {
    const value = change[key];
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  for (const key of ['emptyNote', 'zero'] as const) {
    const value = change[key];
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = value;
  }
  if (change.money) out.money = { ...table.money, ...change.money };
  if (change.rows) {
    out.body = changeList(out.body, change.rows as KeyedChanges<BodyPart>, problems, `${path}.rows`, 'template:unknownPart', (part, patch) => merge(part, patch));
  }
  if (change.columns) out = changeColumns(out, change.columns, problems, `${path}.columns`);
  return out;
}

function changeNarrative(base: NarrativeSpec | undefined, change: NonNullable<VariantTemplateDocument['narrative']>, problems: ProblemList): NarrativeSpec | undefined {
  if (change.none) return undefined;
  if (!base) {
    problems.add('narrative', 'template:noBaseNarrative', {});
    return undefined;
  }
  const out: NarrativeSpec = {
    ...base,
    title: change.title ?? base.title,
    money: { ...base.money, ...change.money },
    comparisons: { ...base.comparisons, ...change.comparisons } as NarrativeSpec['comparisons'],
  };
  if (change.lists) out.lists = { ...base.lists, ...change.lists };
  if (change.sections) {
    out.sections = changeList(
      base.sections as (SectionSpec & { id?: string })[],
      change.sections as KeyedChanges<SectionSpec & { id?: string }>,
      problems,
      'narrative.sections',
      'template:unknownSection',
      (section, patch) => merge(section, patch),
    );
  }
  return out;
}

function changePackage(base: PackageSpec, change: NonNullable<VariantTemplateDocument['package']>, problems: ProblemList): PackageSpec {
  const out: PackageSpec = { ...base, cover: { ...base.cover, ...change.cover } };
  if (change.contents === null) delete out.contents;
  else if (change.contents) out.contents = change.contents;
  if (change.page) {
    const page = change.page;
    out.page = {
      ...base.page,
      ...(page.tableOrientation ? { tableOrientation: page.tableOrientation } : {}),
      margins: {
        portrait: { ...base.page.margins.portrait, ...page.margins?.portrait },
        landscape: { ...base.page.margins.landscape, ...page.margins?.landscape },
      },
      fonts: { ...base.page.fonts, ...page.fonts },
      footer: page.footer ?? base.page.footer,
    };
  }
  if (change.sections) {
    out.sections = changeList(base.sections, change.sections as KeyedChanges<PackageSection>, problems, 'package.sections', 'template:unknownSection', (section, patch) =>
      merge(section, patch),
    );
  }
  return out;
}
