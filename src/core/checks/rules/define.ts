import type { FindingLocation, FindingParams, Hit, LineCollection, LineRecords, CheckContext, Rule, Severity, WorkbookRule } from '../types';

/** Typed constructors, so that each rule's `evaluate` sees its collection's record type. */
export function lineRule<C extends LineCollection>(rule: {
  id: string;
  severity: Severity;
  messageKey: string;
  description: string;
  collection: C;
  evaluate(record: LineRecords[C], context: CheckContext): readonly Hit[];
}): Rule {
  return { ...rule, scope: 'line' } as Rule;
}

export function workbookRule(rule: Omit<WorkbookRule, 'scope'>): WorkbookRule {
  return { ...rule, scope: 'workbook' };
}

export function hit(params: FindingParams, location: FindingLocation): Hit[] {
  return [{ params, location }];
}

/** A field of a budget line, pointed at in the 支出明细 grid. */
export function budgetLineAt(id: string, field: string): FindingLocation {
  return { entity: 'budgetLine', id, field, tables: [{ tableId: 'budgetLines', rowKey: id, column: field }] };
}

export function incomeLineAt(id: string, field: string): FindingLocation {
  return { entity: 'incomeLine', id, field, tables: [{ tableId: 'incomeLines', rowKey: id, column: field }] };
}

export function projectAt(id: string, field?: string): FindingLocation {
  const tables = [{ tableId: 'projects', rowKey: id, ...(field ? { column: field } : {}) }];
  return { entity: 'project', id, ...(field ? { field } : {}), tables };
}
