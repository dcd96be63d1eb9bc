import { rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { carryForward, projectChoices, type CarryReport, type ProjectChoice } from '../../../core/prior/carry-forward';
import { templateForWorkbook } from '../../../core/templates';
import type { Edit } from '../../../core/edits';
import type { MoneyUnit } from '../../../core/money';
import type { Workbook } from '../../../core/model';
import { UserError } from '../../../shared/api';
import { WorkbookStore, type StoreOptions } from '../store';
import { readWorkbookReadOnly } from './read-workbook';

export interface NewYearRequest {
  /** Last year's workbook: only read (see readWorkbookReadOnly). */
  sourcePath: string;
  /** The new workbook; it must not exist yet. */
  targetPath: string;
  /** Projects (ids or codes) that continue; the others stay behind. */
  continuingProjects: readonly string[];
  entryUnit?: MoneyUnit;
}

export interface NewYearResult {
  /** The new workbook, open; the caller closes it (or keeps it as the session's workbook). */
  store: WorkbookStore;
  report: CarryReport & { sourcePath: string; sourceYear: number; projectsAvailable: ProjectChoice[] };
}

/** Last year's projects to tick, with what else the new year would start from: nothing is written. */
export function previewNewYear(sourcePath: string): { department: Workbook['department']; projects: ProjectChoice[] } {
  const last = readWorkbookReadOnly(sourcePath);
  return { department: last.department, projects: projectChoices(last) };
}

/**
 * Starts year N+1 from year N's workbook: the new file is created and filled in one transaction
 * (a single undo step); last year's file is never opened for writing.
 */
export function createNewYear(request: NewYearRequest, options: StoreOptions = {}): NewYearResult {
  const sourcePath = resolve(request.sourcePath);
  if (sourcePath === resolve(request.targetPath)) throw new UserError('prior:sameFile', { path: sourcePath });
  const last = readWorkbookReadOnly(sourcePath);
  const template = templateForWorkbook(last);
  const carried = carryForward(last, {
    continuingProjects: request.continuingProjects,
    operatingCostUnits: template?.conventions.operatingCostUnits ?? 'all',
    source: basename(sourcePath),
  });
  if (!carried.ok) throw new UserError('prior:unknownProject', { projects: carried.unknownProjects.join(', '), path: sourcePath });
  const next = carried.workbook;
  if (request.entryUnit) next.settings = { ...next.settings, entryUnit: request.entryUnit };
  const store = WorkbookStore.create(request.targetPath, { department: next.department, entryUnit: next.settings.entryUnit }, options);
  try {
    store.apply(fillEdits(next));
  } catch (error) {
    // The file was created a moment ago and holds nothing yet: take it away so a retry can use the name.
    store.close();
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${store.path}${suffix}`, { force: true });
    throw error;
  }
  return {
    store,
    report: { ...carried.report, sourcePath, sourceYear: last.department.year, projectsAvailable: projectChoices(last) },
  };
}

/** Every part of `workbook` as edits on an empty workbook of the same department. */
function fillEdits(workbook: Workbook): Edit[] {
  return [
    { op: 'set', key: 'settings', value: workbook.settings },
    { op: 'set', key: 'departmentPerformance', value: workbook.departmentPerformance },
    { op: 'set', key: 'assets', value: workbook.assets },
    { op: 'set', key: 'texts', value: workbook.texts },
    { op: 'set', key: 'priorYear', value: workbook.priorYear },
    { op: 'set', key: 'catalogEntries', value: workbook.catalogEntries },
    ...workbook.units.map((record): Edit => ({ op: 'put', collection: 'units', record })),
    ...workbook.projects.map((record): Edit => ({ op: 'put', collection: 'projects', record })),
    ...workbook.incomeLines.map((record): Edit => ({ op: 'put', collection: 'incomeLines', record })),
    ...workbook.budgetLines.map((record): Edit => ({ op: 'put', collection: 'budgetLines', record })),
  ];
}
