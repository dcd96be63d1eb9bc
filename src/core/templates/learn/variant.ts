import type { BodyPart, CellSpec, MoneyFormat, TableSpec, TemplateSpec } from '../../tables/spec';
import { placeHeader } from '../../report/header-grid';
import { TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION, type NewColumn, type TableChange, type VariantTemplateDocument } from '../document';
import { applyVariant } from '../overlay';
import { ProblemList } from '../problems';
import type { LearnedTable } from './types';

/**
 * The learned tables as a variant of their base: only what differs, by id — money, tables removed, added and
 * reordered, and per table its texts, its money, its columns (removed, replaced, added, renamed) and row lists
 * (removed, replaced, added, reordered). Each table's change is applied to the base and compared with what was
 * learned; where the change cannot say it (columns moved to another order), the table is given whole.
 */

export interface VariantInput {
  base: TemplateSpec;
  money: MoneyFormat;
  tables: LearnedTable[];
  removed: string[];
  id?: string;
  name?: string;
}

export function buildVariant(input: VariantInput): VariantTemplateDocument {
  const { base, money, tables, removed } = input;
  const variant: VariantTemplateDocument = {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    id: input.id ?? `${base.id}-learned`,
    version: 1,
    name: input.name ?? `${base.name}（据公开表学习）`,
    extends: base.id,
  };
  const moneyChange: Partial<MoneyFormat> = {};
  for (const key of ['unit', 'separators', 'zero', 'trimZeros', 'plainBelow'] as const) {
    if (money[key] !== base.money[key] && money[key] !== undefined) (moneyChange as Record<string, unknown>)[key] = money[key];
  }
  if (Object.keys(moneyChange).length > 0) variant.money = moneyChange;
  const mapped = tables.filter((table) => table.status !== 'unmapped');
  const change: Record<string, TableChange> = {};
  const replace: Record<string, TableSpec> = {};
  const add: { after?: string; item: TableSpec }[] = [];
  const removedSet = new Set(removed);
  let previous: string | undefined;
  for (const table of mapped) {
    const baseTable = table.baseTable ? base.tables.find((candidate) => candidate.id === table.baseTable) : undefined;
    const spec = withoutRemovedEntries(table.spec, removedSet);
    if (!baseTable) {
      const after = previous ?? lastKept(base, removedSet, mapped);
      add.push({ ...(after ? { after } : {}), item: spec });
      previous = spec.id;
      continue;
    }
    previous = baseTable.id;
    const diff = tableChange(baseTable, spec);
    if (diff === null) continue;
    if (diff === 'whole') replace[baseTable.id] = spec;
    else change[baseTable.id] = diff;
  }
  // A table the change cannot express exactly is given whole.
  for (const [id, diff] of Object.entries(change)) {
    const learned = mapped.find((table) => table.baseTable === id);
    const baseTable = base.tables.find((candidate) => candidate.id === id);
    if (!learned || !baseTable) continue;
    const problems = new ProblemList();
    const applied = applyVariant({ ...base, tables: [baseTable] }, { ...variant, tables: { change: { [id]: diff } } }, problems).tables[0];
    if (!problems.empty || !applied || canonical(applied) !== canonical(withoutRemovedEntries(learned.spec, removedSet))) {
      delete change[id];
      replace[id] = withoutRemovedEntries(learned.spec, removedSet);
    }
  }
  const tablesChange: NonNullable<VariantTemplateDocument['tables']> = {};
  if (removed.length > 0) tablesChange.remove = removed;
  if (Object.keys(replace).length > 0) tablesChange.replace = replace;
  if (Object.keys(change).length > 0) tablesChange.change = change as NonNullable<NonNullable<VariantTemplateDocument['tables']>['change']>;
  if (add.length > 0) tablesChange.add = add;
  // The file's order, where it differs from the base's.
  const kept = base.tables.filter((table) => !removedSet.has(table.id)).map((table) => table.id);
  const fileOrder = mapped.map((table) => (table.baseTable ?? table.spec.id)).filter((id, index, all) => all.indexOf(id) === index);
  const expected = orderAfterAdd(kept, add);
  const printed = fileOrder.filter((id) => expected.includes(id));
  const keptOrder = expected.filter((id) => printed.includes(id));
  if (printed.join('\n') !== keptOrder.join('\n')) tablesChange.order = printed;
  // A catalogue (Shaanxi's 目录) must not list a table that is gone.
  for (const table of base.tables) {
    const learnedHere = mapped.some((entry) => entry.baseTable === table.id);
    if (learnedHere || removedSet.has(table.id) || !table.body.some((part) => part.kind === 'tableCatalogue')) continue;
    const filtered = withoutRemovedEntries(table, removedSet);
    if (filtered === table) continue;
    const rows: Record<string, unknown> = {};
    for (const part of filtered.body) if (part.kind === 'tableCatalogue' && part.id) rows[part.id] = { entries: part.entries };
    const existing = change[table.id] ?? {};
    change[table.id] = { ...existing, rows: { ...existing.rows, change: { ...existing.rows?.change, ...rows } } };
    tablesChange.change = change as NonNullable<NonNullable<VariantTemplateDocument['tables']>['change']>;
  }
  if (Object.keys(tablesChange).length > 0) variant.tables = tablesChange;
  return variant;
}

function lastKept(base: TemplateSpec, removed: Set<string>, mapped: LearnedTable[]): string | undefined {
  const first = mapped.find((table) => table.baseTable)?.baseTable;
  return first ?? base.tables.find((table) => !removed.has(table.id))?.id;
}

function orderAfterAdd(kept: string[], add: { after?: string; item: TableSpec }[]): string[] {
  const out = [...kept];
  for (const addition of add) {
    if (addition.after === undefined) out.unshift(addition.item.id);
    else out.splice(out.indexOf(addition.after) + 1, 0, addition.item.id);
  }
  return out;
}

/** A catalogue's entries without the tables the variant removes. */
function withoutRemovedEntries(table: TableSpec, removed: Set<string>): TableSpec {
  if (!table.body.some((part) => part.kind === 'tableCatalogue' && part.entries.some((entry) => removed.has(entry.table)))) return table;
  return {
    ...table,
    body: table.body.map((part) => (part.kind === 'tableCatalogue' ? { ...part, entries: part.entries.filter((entry) => !removed.has(entry.table)) } : part)),
  };
}

/** null: the same table; 'whole': give it whole; else the change. */
function tableChange(base: TableSpec, learned: TableSpec): TableChange | 'whole' | null {
  const change: TableChange = {};
  if (learned.number !== base.number) change.number = learned.number;
  if (learned.title !== base.title) change.title = learned.title;
  if (JSON.stringify(learned.meta) !== JSON.stringify(base.meta)) change.meta = learned.meta;
  if (JSON.stringify(learned.notes) !== JSON.stringify(base.notes)) change.notes = learned.notes;
  if (learned.emptyNote !== base.emptyNote) change.emptyNote = learned.emptyNote ?? null;
  if (learned.zero !== base.zero) change.zero = learned.zero ?? null;
  if (canonical(learned.money ?? {}) !== canonical(base.money ?? {})) {
    const money: Partial<MoneyFormat> = {};
    for (const [key, value] of Object.entries(learned.money ?? {})) if ((base.money as Record<string, unknown> | undefined)?.[key] !== value) (money as Record<string, unknown>)[key] = value;
    if (Object.keys(money).length > 0) change.money = money;
  }
  const sameColumns = learned.columnCount === base.columnCount && learned.columns.join('\n') === base.columns.join('\n');
  const sameHeader = canonical(learned.header) === canonical(base.header);
  const sameBody = canonical(learned.body) === canonical(base.body);
  if (sameColumns && sameHeader && sameBody) return Object.keys(change).length > 0 ? change : null;
  if (sameColumns) {
    if (!sameHeader) change.header = learned.header;
    if (!sameBody) {
      const rows = rowChanges(base.body, learned.body);
      if (!rows) return 'whole';
      change.rows = rows;
    }
    return change;
  }
  const columns = columnChanges(base, learned);
  if (!columns) return 'whole';
  change.columns = columns.changes;
  if (!columns.bodyFollows) {
    const rows = rowChanges(columns.body, learned.body);
    if (!rows) return 'whole';
    if (Object.keys(rows).length > 0) change.rows = rows;
  }
  return change;
}

type RowChanges = NonNullable<TableChange['rows']>;

/** Row lists by id: removed, replaced, added after their predecessor, reordered. */
function rowChanges(base: BodyPart[], learned: BodyPart[]): RowChanges | null {
  if (base.some((part) => part.id === undefined) || learned.some((part) => part.id === undefined)) return null;
  const baseIds = base.map((part) => part.id as string);
  const learnedIds = learned.map((part) => part.id as string);
  const out: RowChanges = {};
  const remove = baseIds.filter((id) => !learnedIds.includes(id));
  if (remove.length > 0) out.remove = remove;
  const replace: Record<string, BodyPart> = {};
  const change: Record<string, Record<string, unknown>> = {};
  for (const part of learned) {
    const before = base.find((candidate) => candidate.id === part.id);
    if (!before || canonical(before) === canonical(part)) continue;
    // The same kind of list with some of its settings changed: only those (a shallow merge), else the list whole.
    const removedKeys = Object.keys(before).filter((key) => (before as unknown as Record<string, unknown>)[key] !== undefined && (part as unknown as Record<string, unknown>)[key] === undefined);
    if (before.kind === part.kind && removedKeys.length === 0) {
      const changed = Object.fromEntries(Object.entries(part).filter(([key, value]) => canonical((before as unknown as Record<string, unknown>)[key]) !== canonical(value)));
      change[part.id as string] = changed;
    } else replace[part.id as string] = part;
  }
  if (Object.keys(replace).length > 0) out.replace = replace;
  if (Object.keys(change).length > 0) out.change = change;
  const add: { after?: string; item: BodyPart }[] = [];
  learned.forEach((part, index) => {
    if (baseIds.includes(part.id as string)) return;
    const after = learnedIds[index - 1];
    add.push({ ...(after !== undefined ? { after } : {}), item: part });
  });
  if (add.length > 0) out.add = add;
  // After remove and add, the order of the list: say it where it is not the learned one.
  const result = baseIds.filter((id) => !remove.includes(id));
  for (const addition of add) {
    if (addition.after === undefined) result.unshift(addition.item.id as string);
    else result.splice(result.indexOf(addition.after) + 1, 0, addition.item.id as string);
  }
  if (result.join('\n') !== learnedIds.join('\n')) out.order = learnedIds;
  return out;
}

/**
 * Columns removed, replaced by new ones at their place, added after a column, renamed — when the learned columns
 * keep the base's order. `body`: the base body as the column changes leave it (for row changes on top).
 */
function columnChanges(base: TableSpec, learned: TableSpec): { changes: NonNullable<TableChange['columns']>; body: BodyPart[]; bodyFollows: boolean } | null {
  const kept = learned.columns.filter((id) => base.columns.includes(id));
  const order = base.columns.filter((id) => kept.includes(id));
  if (kept.join('\n') !== order.join('\n')) return null;
  // Column changes need every row list laid out by column and ids on them.
  if (base.body.some((part) => part.kind === 'projectIndicatorGrid')) return null;
  const changes: NonNullable<TableChange['columns']> = {};
  const replaceMap: Record<string, NewColumn[]> = {};
  const addList: { after?: string; columns: NewColumn[] }[] = [];
  const removeList: string[] = [];
  // Walk the learned columns: runs of new columns sit where removed base columns were (replace) or after a kept one (add).
  let b = 0;
  let l = 0;
  while (l < learned.columns.length || b < base.columns.length) {
    const learnedId = learned.columns[l];
    const baseId = base.columns[b];
    if (learnedId !== undefined && learnedId === baseId) {
      l += 1;
      b += 1;
      continue;
    }
    const run: NewColumn[] = [];
    while (l < learned.columns.length && !base.columns.includes(learned.columns[l] as string)) {
      const column = newColumn(learned, l);
      if (!column) return null;
      run.push(column);
      l += 1;
    }
    if (baseId !== undefined && !learned.columns.includes(baseId)) {
      if (run.length > 0) replaceMap[baseId] = run;
      else removeList.push(baseId);
      b += 1;
      continue;
    }
    if (run.length > 0) {
      const after = learned.columns[l - run.length - 1];
      addList.push({ ...(after !== undefined ? { after } : {}), columns: run });
      continue;
    }
    if (baseId !== undefined) {
      b += 1;
      continue;
    }
    break;
  }
  if (Object.keys(replaceMap).length > 0) changes.replace = replaceMap;
  if (addList.length > 0) changes.add = addList;
  if (removeList.length > 0) changes.remove = removeList;
  return { changes, body: base.body, bodyFollows: true };
}

/** A learned column as a variant's new column: its header and its cell in every row list (per style for generated rows). */
function newColumn(table: TableSpec, index: number): NewColumn | null {
  const placed = placeHeader(table.header, table.columnCount).filter((cell) => cell.column <= index && index < cell.column + cell.colSpan);
  const leaf = placed.sort((a, b) => b.row - a.row)[0];
  const cells: Record<string, CellSpec | Record<string, CellSpec>> = {};
  for (const part of table.body) {
    if (!part.id) return null;
    if (part.kind === 'rows') {
      const styles: Record<string, CellSpec> = {};
      for (const [style, list] of Object.entries(part.cells)) if (list && list.length > 0) styles[style] = list[index] ?? '';
      cells[part.id] = styles;
    } else if ('cells' in part && Array.isArray(part.cells)) cells[part.id] = part.cells[index] ?? '';
    else return null;
  }
  // One cell for every row list where they are all the same.
  const all = Object.values(cells).flatMap((entry) => (typeof entry === 'object' && !isCell(entry) ? Object.values(entry) : [entry]));
  const first = all[0];
  if (first !== undefined && all.every((cell) => canonical(cell) === canonical(first))) return { id: table.columns[index] as string, header: leaf?.text ?? '', cell: first as CellSpec };
  return { id: table.columns[index] as string, header: leaf?.text ?? '', cell: '', cells };
}

function isCell(value: object): boolean {
  return ['text', 'field', 'measure', 'sum', 'prior', 'attribute', 'path', 'money'].some((key) => key in value);
}

/** JSON with keys in order and undefined left out, for comparing specs. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return item;
  });
}
