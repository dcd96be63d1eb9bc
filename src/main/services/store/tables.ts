import type { z } from 'zod';
import type { CollectionName, CollectionRecords } from '../../../core/edits';
import { modelSchemas } from '../../../core/interchange';
import type { BudgetLine, IncomeLine, Project, Unit } from '../../../core/model';

type SqlValue = string | number | null;

/** How one collection maps to its table: columns after `id, position`, in both directions. */
export interface CollectionTable<R extends { id: string }> {
  collection: CollectionName;
  table: string;
  /** Columns other than id and position, in the order `toRow` returns values. */
  columns: readonly string[];
  toRow(record: R): SqlValue[];
  /** `row` is [id, ...columns] as stored. */
  fromRow(row: unknown[]): R;
  schema: z.ZodType;
}

const str = (value: unknown) => value as string;
const num = (value: unknown) => value as number;

const units: CollectionTable<Unit> = {
  collection: 'units',
  table: 'units',
  columns: ['code', 'name', 'kind', 'authorized_staff', 'actual_staff', 'retired_staff', 'grade', 'funding_form'],
  toRow: (unit) => [unit.code, unit.name, unit.kind, unit.authorizedStaff, unit.actualStaff, unit.retiredStaff, unit.grade ?? '', unit.fundingForm ?? ''],
  fromRow: (row) => ({
    id: str(row[0]),
    code: str(row[1]),
    name: str(row[2]),
    kind: row[3] as Unit['kind'],
    authorizedStaff: num(row[4]),
    actualStaff: num(row[5]),
    retiredStaff: num(row[6]),
    // Absent rather than empty, as in the interchange form.
    ...(str(row[7]) ? { grade: str(row[7]) } : {}),
    ...(str(row[8]) ? { fundingForm: str(row[8]) } : {}),
  }),
  schema: modelSchemas.unit,
};

const incomeLines: CollectionTable<IncomeLine> = {
  collection: 'incomeLines',
  table: 'income_lines',
  columns: ['unit_id', 'fund', 'function_code', 'amount'],
  toRow: (line) => [line.unitId, line.fund, line.functionCode, line.amount],
  fromRow: (row) => ({
    id: str(row[0]),
    unitId: str(row[1]),
    fund: str(row[2]),
    functionCode: row[3] as string | null,
    amount: num(row[4]),
  }),
  schema: modelSchemas.incomeLine,
};

const budgetLines: CollectionTable<BudgetLine> = {
  collection: 'budgetLines',
  table: 'budget_lines',
  columns: ['unit_id', 'function_code', 'dept_econ_code', 'gov_econ_code', 'nature', 'project_id', 'fund', 'amount', 'note'],
  toRow: (line) => [
    line.unitId,
    line.functionCode,
    line.deptEconCode,
    line.govEconCode,
    line.nature,
    line.projectId,
    line.fund,
    line.amount,
    line.note,
  ],
  fromRow: (row) => ({
    id: str(row[0]),
    unitId: str(row[1]),
    functionCode: str(row[2]),
    deptEconCode: str(row[3]),
    govEconCode: str(row[4]),
    nature: row[5] as BudgetLine['nature'],
    projectId: row[6] as string | null,
    fund: str(row[7]),
    amount: num(row[8]),
    note: str(row[9]),
  }),
  schema: modelSchemas.budgetLine,
};

const projects: CollectionTable<Project> = {
  collection: 'projects',
  table: 'projects',
  columns: [
    'code',
    'name',
    'unit_id',
    'type',
    'purpose',
    'plan_march',
    'plan_june',
    'plan_october',
    'plan_december',
    'continuing',
    'procurement',
    'performance',
    'manager',
    'phone',
    'planned_start',
    'planned_end',
  ],
  toRow: (project) => [
    project.code,
    project.name,
    project.unitId,
    project.type,
    project.purpose,
    project.spendingPlan?.march ?? null,
    project.spendingPlan?.june ?? null,
    project.spendingPlan?.october ?? null,
    project.spendingPlan?.december ?? null,
    project.continuing ? 1 : 0,
    JSON.stringify(project.procurement),
    JSON.stringify(project.performance),
    project.manager ?? '',
    project.phone ?? '',
    project.plannedStart ?? '',
    project.plannedEnd ?? '',
  ],
  fromRow: (row) => ({
    id: str(row[0]),
    code: str(row[1]),
    name: str(row[2]),
    unitId: str(row[3]),
    type: row[4] as Project['type'],
    purpose: str(row[5]),
    spendingPlan:
      row[6] === null ? null : { march: num(row[6]), june: num(row[7]), october: num(row[8]), december: num(row[9]) },
    continuing: row[10] === 1,
    procurement: JSON.parse(str(row[11])) as Project['procurement'],
    performance: JSON.parse(str(row[12])) as Project['performance'],
    // Absent rather than empty, as in the interchange form.
    ...(str(row[13]) ? { manager: str(row[13]) } : {}),
    ...(str(row[14]) ? { phone: str(row[14]) } : {}),
    ...(str(row[15]) ? { plannedStart: str(row[15]) } : {}),
    ...(str(row[16]) ? { plannedEnd: str(row[16]) } : {}),
  }),
  schema: modelSchemas.project,
};

export const COLLECTION_TABLES: { [C in CollectionName]: CollectionTable<CollectionRecords[C]> } = {
  units,
  incomeLines,
  budgetLines,
  projects,
};

/** Load order: parents before the records that refer to them. */
export const TABLE_ORDER: readonly CollectionName[] = ['units', 'projects', 'incomeLines', 'budgetLines'];
