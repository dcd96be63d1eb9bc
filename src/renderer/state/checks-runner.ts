import { checkCatalogForWorkbook, checkOptionsForTemplate, createCheckSession, type CheckOptions, type CheckSession, type Finding } from '../../core/checks';
import type { Workbook } from '../../core/model';
import { workbookPatch } from '../../core/patch';
import { templateForWorkbook } from '../../core/templates';
import { changedBetween } from '../../core/workbench';
import type { AppStore } from './app-store';
import type { ChecksReply, ChecksRequest } from './checks-host';
import type { WorkbenchStore } from './workbench-store';

/** The options a workbook's template implies for the checks (its own copy: a custom or folder template counts). */
export function checkOptionsFor(workbook: Workbook): CheckOptions {
  return checkOptionsForTemplate(templateForWorkbook(workbook));
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

/** Where the checks run: told every new workbook, it reports findings when it has them. */
interface CheckEngine {
  check(workbook: Workbook | null): void;
  dispose(): void;
}

interface Reporter {
  running(): void;
  findings(findings: Finding[]): void;
}

/**
 * Keeps the workbench's findings current as the workbook changes. The checks run in a worker, so a
 * re-check never blocks typing: the page sends the worker only what changed (a patch of the records
 * an edit wrote) and the worker keeps one incremental session. Where no worker can start (or it
 * breaks), they run in the page when it is idle, as before.
 */
export function startCheckRunner(app: AppStore, workbench: WorkbenchStore, idle: Idle = whenIdle): () => void {
  const reporter: Reporter = {
    running: () => workbench.getState().setChecks({ running: true }),
    findings: (findings) => workbench.getState().setChecks({ findings, running: false }),
  };
  let engine: CheckEngine =
    workerChecks(reporter, () => {
      engine.dispose();
      engine = pageChecks(reporter, idle);
      engine.check(app.getState().workbook);
    }) ?? pageChecks(reporter, idle);

  const unsubscribe = app.subscribe((state, previous) => {
    if (state.workbook !== previous.workbook) engine.check(state.workbook);
  });
  engine.check(app.getState().workbook);
  return () => {
    unsubscribe();
    engine.dispose();
  };
}

/** For bench/grid.bench.ts and the browser's performance panel. */
function measure(full: boolean, ms: number, lines: number): void {
  performance.measure(full ? 'budget-desk:checks-full' : 'budget-desk:checks-update', { start: performance.now() - ms, duration: ms, detail: { lines } });
}

/** The checks in a worker (checks.worker.ts). Null when no worker can be created here. */
function workerChecks(reporter: Reporter, fallBack: () => void): CheckEngine | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./checks.worker.ts', import.meta.url), { type: 'module', name: 'budget-desk-checks' });
  } catch {
    return null;
  }
  let seq = 0;
  /** The workbook the worker holds (after the requests sent so far), and the options it was reset with. */
  let sent: Workbook | null = null;
  let optionsKey = '';
  let latest: Workbook | null = null;
  let broken = false;

  const breakDown = () => {
    if (broken) return;
    broken = true;
    worker.terminate();
    fallBack();
  };

  const post = (request: ChecksRequest) => {
    try {
      worker.postMessage(request);
    } catch {
      breakDown();
    }
  };

  const check = (workbook: Workbook | null) => {
    latest = workbook;
    if (broken) return;
    if (!workbook) {
      seq += 1;
      sent = null;
      reporter.findings([]);
      return;
    }
    const options = checkOptionsFor(workbook);
    const key = JSON.stringify(options);
    const patch = sent && key === optionsKey ? workbookPatch(sent, workbook) : null;
    if (patch !== null && patch.parts.length === 0) return;
    seq += 1;
    reporter.running();
    if (patch === null) post({ type: 'reset', seq, workbook, options });
    else post({ type: 'update', seq, patch });
    sent = workbook;
    optionsKey = key;
  };

  worker.onmessage = (event: MessageEvent<ChecksReply>) => {
    const reply = event.data;
    if (reply.type === 'failed') {
      // A failed update: start the worker afresh from the workbook as it is now. A failed reset: run in the page.
      if (sent === null) breakDown();
      else {
        sent = null;
        check(latest);
      }
      return;
    }
    // Only the answer to the latest request describes the workbook on screen; earlier ones are stale.
    if (reply.seq !== seq) return;
    measure(reply.full, reply.ms, reply.lines);
    reporter.findings(reply.findings);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    breakDown();
  };
  worker.onmessageerror = breakDown;

  return {
    check,
    dispose: () => {
      broken = true;
      worker.terminate();
    },
  };
}

/**
 * The checks in the page, when it is idle (typing never waits for them). One session is kept and
 * updated with just the records that changed (found by reference, see changedBetween); a reload or
 * a large undo starts it afresh.
 */
function pageChecks(reporter: Reporter, idle: Idle): CheckEngine {
  let session: CheckSession | null = null;
  let checked: Workbook | null = null;
  let optionsKey = '';
  let latest: Workbook | null = null;
  let cancel: (() => void) | null = null;

  const run = () => {
    cancel = null;
    const started = performance.now();
    const workbook = latest;
    if (!workbook) {
      session = null;
      checked = null;
      reporter.findings([]);
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
    measure(parts === null, performance.now() - started, workbook.budgetLines.length);
    reporter.findings(findings);
  };

  return {
    check(workbook) {
      latest = workbook;
      if (cancel) return;
      reporter.running();
      cancel = idle(run);
    },
    dispose() {
      cancel?.();
      cancel = null;
    },
  };
}
