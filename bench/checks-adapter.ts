import { checkCatalogForWorkbook } from '../src/core/checks/catalog-adapter';
import { createCheckSession, runChecks, type ChangedPart } from '../src/core/checks/session';
import type { Workbook } from '../src/core/model';

/** The checks as the benchmark drives them: a full run, and an incremental session fed single edits. */
export function checkEngine(workbook: Workbook) {
  const catalog = checkCatalogForWorkbook(workbook);
  return {
    full: (current: Workbook) => runChecks(current, catalog),
    session: (current: Workbook) => {
      const session = createCheckSession(current, catalog);
      return { update: (next: Workbook, changed: ChangedPart[]) => session.update(next, changed) };
    },
  };
}
