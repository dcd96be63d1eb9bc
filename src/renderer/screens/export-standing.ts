import type { Finding } from '../../core/checks';
import type { Workbook } from '../../core/model';
import { countUnsavedRows, type DraftTable } from '../state/workbench-store';

/** What stands before the package leaves the desk: the checks' verdict, input not saved, the cover's date. */
export interface Standing {
  errors: number;
  warnings: number;
  /** Rows whose input could not be saved (drafts): they are not in what gets published. */
  unsaved: number;
  missingDate: boolean;
}

export function standingBeforePublishing(findings: readonly Finding[], drafts: Readonly<Record<string, DraftTable>>, workbook: Workbook): Standing {
  let errors = 0;
  let warnings = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors += 1;
    else if (finding.severity === 'warning') warnings += 1;
  }
  return { errors, warnings, unsaved: countUnsavedRows(drafts), missingDate: workbook.department.publishedOn.trim() === '' };
}
