import { checkCatalogForWorkbook, createCheckSession, type CheckOptions, type CheckSession, type Finding } from '../../core/checks';
import type { Workbook } from '../../core/model';
import { applyPatch, type WorkbookPatch } from '../../core/patch';

/** What the page sends the checks worker: a whole workbook to start from, or what changed since. */
export type ChecksRequest =
  | { type: 'reset'; seq: number; workbook: Workbook; options: CheckOptions }
  | { type: 'update'; seq: number; patch: WorkbookPatch };

/** The worker's answer to request `seq`: every finding, and how long the run took inside the worker. */
export type ChecksReply =
  | { type: 'findings'; seq: number; findings: Finding[]; full: boolean; ms: number; lines: number }
  | { type: 'failed'; seq: number; message: string };

/**
 * The checks as the worker runs them (src/renderer/state/checks.worker.ts wires this to the worker's
 * messages): a copy of the workbook kept current by patches, and one incremental session over it.
 * Plain code, so tests drive it without a worker.
 */
export function createChecksHost(now: () => number = () => performance.now()) {
  let workbook: Workbook | null = null;
  let session: CheckSession | null = null;
  return {
    handle(request: ChecksRequest): ChecksReply {
      const started = now();
      try {
        if (request.type === 'reset') {
          workbook = request.workbook;
          session = createCheckSession(workbook, checkCatalogForWorkbook, request.options);
        } else {
          if (!workbook || !session) return { type: 'failed', seq: request.seq, message: 'update before reset' };
          workbook = applyPatch(workbook, request.patch);
          session.update(workbook, request.patch.parts);
        }
        const findings = session.findings();
        return { type: 'findings', seq: request.seq, findings, full: request.type === 'reset', ms: now() - started, lines: workbook.budgetLines.length };
      } catch (error) {
        // The page starts afresh with a reset; the worker forgets its copy so no update lands on it.
        workbook = null;
        session = null;
        return { type: 'failed', seq: request.seq, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
