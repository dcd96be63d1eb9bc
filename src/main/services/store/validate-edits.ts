import { COLLECTIONS, SINGLETONS, type CollectionName, type Edit } from '../../../core/edits';
import { illFormedTextPath, MAX_WORKBOOK_FEN, modelSchemas, moneyMagnitude } from '../../../core/interchange';
import type { Workbook } from '../../../core/model';
import { UserError } from '../../../shared/api';
import { SINGLETON_SCHEMAS } from './load';
import { COLLECTION_TABLES } from './tables';

type Params = Record<string, string | number>;

function invalid(index: number, target: string, extra: Params): UserError {
  return new UserError('store:invalidEdit', { index: index + 1, target, ...extra });
}

/** Checks every edit's shape and record against the model schemas before anything is applied. */
export function validateEdits(edits: readonly unknown[]): asserts edits is Edit[] {
  edits.forEach((value, index) => {
    const edit = value as Partial<Record<string, unknown>> | null;
    if (typeof edit !== 'object' || edit === null) throw invalid(index, '?', { field: 'op', detail: 'not an edit' });
    // SQLite (and any file) would store a lone surrogate as U+FFFD: memory and file would disagree.
    const illFormed = illFormedTextPath(edit);
    if (illFormed !== null) {
      const record = edit.record as { id?: unknown } | undefined;
      const target = edit.op === 'set' ? String(edit.key) : `${String(edit.collection)}/${typeof record?.id === 'string' ? record.id : '?'}`;
      throw invalid(index, target, { context: 'illFormedText', field: illFormed.replace(/^(record|value)\.?/, '') });
    }
    if (edit.op === 'set') {
      const key = edit.key as string;
      if (!(SINGLETONS as readonly string[]).includes(key)) throw invalid(index, String(key), { field: 'key', detail: 'unknown key' });
      const checked = SINGLETON_SCHEMAS[key as keyof typeof SINGLETON_SCHEMAS].safeParse(edit.value);
      if (!checked.success) throw issueError(index, key, checked.error.issues);
      return;
    }
    const collection = edit.collection as string;
    if (!(COLLECTIONS as readonly string[]).includes(collection)) {
      throw invalid(index, String(collection), { field: 'collection', detail: 'unknown collection' });
    }
    if (edit.op === 'delete') {
      if (typeof edit.id !== 'string' || edit.id === '') throw invalid(index, collection, { field: 'id', detail: 'missing id' });
      return;
    }
    if (edit.op !== 'put') throw invalid(index, collection, { field: 'op', detail: `unknown op "${String(edit.op)}"` });
    const record = edit.record as { id?: unknown } | undefined;
    const target = `${collection}/${typeof record?.id === 'string' ? record.id : '?'}`;
    const checked = COLLECTION_TABLES[collection as CollectionName].schema.safeParse(record);
    if (!checked.success) throw issueError(index, target, checked.error.issues);
    if (edit.at !== undefined && !(Number.isInteger(edit.at) && (edit.at as number) >= 0)) {
      throw invalid(index, target, { field: 'at', detail: 'position must be a whole number ≥ 0' });
    }
  });
}

function issueError(index: number, target: string, issues: readonly { path: PropertyKey[]; message: string }[]): UserError {
  const issue = issues[0];
  return invalid(index, target, { field: issue?.path.map(String).join('.') ?? '', detail: issue?.message ?? 'invalid' });
}

/**
 * After the edits are applied in memory: every record the edits wrote must, in its final form,
 * point at existing units and projects, and a deleted unit or project must not still be used.
 */
export function checkReferences(workbook: Workbook, edits: readonly Edit[]): void {
  const lastPut = new Map<CollectionName, Map<string, number>>();
  const deletes: { index: number; collection: 'units' | 'projects'; id: string }[] = [];
  let basicProcurementSet: number | null = null;
  edits.forEach((edit, index) => {
    if (edit.op === 'set' && edit.key === 'basicProcurement') {
      basicProcurementSet = index;
    } else if (edit.op === 'put' && edit.collection !== 'units') {
      const ids = lastPut.get(edit.collection) ?? new Map<string, number>();
      ids.set(edit.record.id, index);
      lastPut.set(edit.collection, ids);
    } else if (edit.op === 'delete' && (edit.collection === 'units' || edit.collection === 'projects')) {
      deletes.push({ index, collection: edit.collection, id: edit.id });
    }
  });
  if (lastPut.size === 0 && deletes.length === 0 && basicProcurementSet === null) return;
  const unitIds = new Set(workbook.units.map((unit) => unit.id));
  const projectIds = new Set(workbook.projects.map((project) => project.id));
  if (basicProcurementSet !== null) {
    const index: number = basicProcurementSet;
    const groupIds = new Set<string>();
    for (const group of workbook.basicProcurement) {
      if (!unitIds.has(group.unitId)) throw invalid(index, `basicProcurement/${group.id}`, { context: 'reference', field: 'unitId', value: group.unitId });
      // As the interchange format refuses it: two groups of one id.
      if (groupIds.has(group.id)) throw invalid(index, `basicProcurement/${group.id}`, { field: 'id', detail: `duplicate id "${group.id}"` });
      groupIds.add(group.id);
    }
  }
  for (const [collection, ids] of lastPut) {
    for (const record of workbook[collection] as { id: string; unitId?: string; projectId?: string | null }[]) {
      const index = ids.get(record.id);
      if (index === undefined) continue;
      const dangling = (field: string, value: string) =>
        invalid(index, `${collection}/${record.id}`, { context: 'reference', field, value });
      if (record.unitId !== undefined && !unitIds.has(record.unitId)) throw dangling('unitId', record.unitId);
      if (record.projectId && !projectIds.has(record.projectId)) throw dangling('projectId', record.projectId);
    }
  }
  for (const { index, collection, id } of deletes) {
    const gone = collection === 'units' ? !unitIds.has(id) : !projectIds.has(id);
    const users = gone ? countUsers(workbook, collection, id) : 0;
    if (users > 0) throw invalid(index, `${collection}/${id}`, { context: 'inUse', count: users });
  }
}

function countUsers(workbook: Workbook, collection: 'units' | 'projects', id: string): number {
  if (collection === 'projects') return workbook.budgetLines.filter((line) => line.projectId === id).length;
  return (
    workbook.basicProcurement.filter((group) => group.unitId === id).length +
    workbook.projects.filter((project) => project.unitId === id).length +
    workbook.incomeLines.filter((line) => line.unitId === id).length +
    workbook.budgetLines.filter((line) => line.unitId === id).length
  );
}

/**
 * Amounts may not add up beyond MAX_WORKBOOK_FEN (this year's facts, and last year's figures, each):
 * below it every total is exact. `edits` null checks a whole workbook (replaceAll, createWith).
 */
export function checkTotals(workbook: Workbook, edits: readonly Edit[] | null): void {
  const magnitude = moneyMagnitude(workbook);
  const over = magnitude.current > MAX_WORKBOOK_FEN ? magnitude.current : magnitude.prior > MAX_WORKBOOK_FEN ? magnitude.prior : null;
  if (over === null) return;
  const params = { context: 'tooLarge', total: formatYuan(over), limit: formatYuan(MAX_WORKBOOK_FEN) };
  if (edits === null) throw new UserError('store:invalidWorkbook', params);
  throw new UserError('store:invalidEdit', params);
}

function formatYuan(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/** Checks a whole workbook (for replaceAll): model schemas, unique ids, references. */
export function validateWorkbook(workbook: unknown): asserts workbook is Workbook {
  const checked = modelSchemas.workbook.safeParse(workbook);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UserError('store:invalidWorkbook', { field: issue?.path.map(String).join('.') ?? '', detail: issue?.message ?? 'invalid' });
  }
  const value = workbook as Workbook;
  const illFormed = illFormedTextPath(value);
  if (illFormed !== null) throw new UserError('store:invalidWorkbook', { context: 'illFormedText', field: illFormed });
  const groupIds = new Set<string>();
  value.basicProcurement.forEach((group, index) => {
    if (groupIds.has(group.id)) throw new UserError('store:invalidWorkbook', { field: `basicProcurement[${index}].id`, detail: `duplicate id "${group.id}"` });
    groupIds.add(group.id);
  });
  for (const name of COLLECTIONS) {
    const seen = new Set<string>();
    (value[name] as { id: string }[]).forEach((record, index) => {
      if (seen.has(record.id)) throw new UserError('store:invalidWorkbook', { field: `${name}[${index}].id`, detail: `duplicate id "${record.id}"` });
      seen.add(record.id);
    });
  }
  const unitIds = new Set(value.units.map((unit) => unit.id));
  const projectIds = new Set(value.projects.map((project) => project.id));
  for (const name of ['projects', 'incomeLines', 'budgetLines', 'basicProcurement'] as const) {
    (value[name] as { unitId: string; projectId?: string | null }[]).forEach((record, index) => {
      if (!unitIds.has(record.unitId)) {
        throw new UserError('store:invalidWorkbook', { field: `${name}[${index}].unitId`, detail: `unknown unit "${record.unitId}"` });
      }
      if (record.projectId && !projectIds.has(record.projectId)) {
        throw new UserError('store:invalidWorkbook', { field: `${name}[${index}].projectId`, detail: `unknown project "${record.projectId}"` });
      }
    });
  }
}
