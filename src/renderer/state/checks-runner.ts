import { checkCatalogForWorkbook, createCheckSession, type CheckOptions, type CheckSession } from '../../core/checks';
import type { Workbook } from '../../core/model';
import { findTemplate } from '../../core/templates';
import { changedBetween } from '../../core/workbench';
import type { AppStore } from './app-store';
import type { WorkbenchStore } from './workbench-store';

/** The options a workbook's template implies for the checks. */
export function checkOptionsFor(workbook: Workbook): CheckOptions {
  const template = workbook.settings.template ? findTemplate(workbook.settings.template) : undefined;
  return { operatingCostUnits: template?.conventions.operatingCostUnits ?? 'all' };
}

type Idle = (callback: () => void) => () => void;

/** requestIdleCallback where there is one (with a deadline, so checks still run while the clerk keeps typing). */
const whenIdle: Idle = (callback) => {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, { timeout: 400 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 50);
  return () => window.clearTimeout(handle);
};

/**
 * Runs the checks in the renderer on the workbook it holds, after edits, when the page is idle:
 * typing never waits for them. One session is kept and updated with just the records that
 * changed (found by reference, see changedBetween); a reload or a large undo starts it afresh.
 */
export function startCheckRunner(app: AppStore, workbench: WorkbenchStore, idle: Idle = whenIdle): () => void {
  let session: CheckSession | null = null;
  let checked: Workbook | null = null;
  let optionsKey = '';
  let cancel: (() => void) | null = null;

  const run = () => {
    cancel = null;
    const started = performance.now();
    const workbook = app.getState().workbook;
    if (!workbook) {
      session = null;
      checked = null;
      workbench.getState().setChecks({ findings: [], running: false });
      return;
    }
    const options = checkOptionsFor(workbook);
    const key = JSON.stringify(options);
    const parts = session && checked && key === optionsKey ? changedBetween(checked, workbook) : null;
    if (!session || parts === null) {
      session = createCheckSession(workbook, checkCatalogForWorkbook, options);
      optionsKey = key;
    } else if (parts.length > 0) {
      session.update(workbook, parts);
    }
    checked = workbook;
    const findings = session.findings();
    // For bench/grid.bench.ts and the browser's performance panel.
    performance.measure(parts === null ? 'budget-desk:checks-full' : 'budget-desk:checks-update', { start: started, detail: { lines: workbook.budgetLines.length } });
    workbench.getState().setChecks({ findings, running: false });
  };

  const schedule = () => {
    if (cancel) return;
    workbench.getState().setChecks({ running: true });
    cancel = idle(run);
  };

  const unsubscribe = app.subscribe((state, previous) => {
    if (state.workbook !== previous.workbook) schedule();
  });
  schedule();
  return () => {
    unsubscribe();
    cancel?.();
  };
}
