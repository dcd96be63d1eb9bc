import { randomUUID } from 'node:crypto';
import { UserError, type ApiErrorPayload } from '../../../shared/api';
import type { ExportControl, ExportStage } from './progress';

export type ExportJobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportJobStatus<Result> {
  jobId: string;
  state: ExportJobState;
  /** Of the whole export, 0 to 1; it never goes backwards. */
  fraction: number;
  stage: ExportStage;
  result?: Result;
  /** A failed job's reason, as the renderer words it: t(code, params). */
  error?: ApiErrorPayload;
}

interface Job<Result> {
  status: ExportJobStatus<Result>;
  controller: AbortController;
  settled: Promise<void>;
}

/** Finished jobs nobody read are dropped beyond this many, oldest first, so a session cannot grow without bound. */
const KEEP_UNREAD = 20;

/**
 * Exports as jobs the renderer polls, because neither transport pushes: `start` returns an id at
 * once and the export runs in the background; `status` reports its progress and, once it has
 * finished, its outcome — after which the job is forgotten (finished jobs are kept until read).
 * One export runs at a time: a second `start` is refused with `export:busy`. `cancel` aborts the
 * export's signal and resolves when the export has really stopped, so "cancelled" means nothing
 * was written (the exporters write atomically, at their very end).
 */
export class ExportJobs<Result> {
  private readonly jobs = new Map<string, Job<Result>>();

  constructor(private readonly logError: (message: string) => void = (message) => process.stderr.write(`${message}\n`)) {}

  start(run: (control: ExportControl) => Promise<Result>): string {
    if ([...this.jobs.values()].some((job) => job.status.state === 'running')) throw new UserError('export:busy');
    const controller = new AbortController();
    const status: ExportJobStatus<Result> = { jobId: randomUUID(), state: 'running', fraction: 0, stage: 'evaluate' };
    const onProgress = (fraction: number, stage: ExportStage) => {
      if (status.state !== 'running') return;
      status.fraction = Math.max(status.fraction, Math.min(1, Math.max(0, fraction)));
      status.stage = stage;
    };
    // The export starts on the next turn of the event loop, so `start` answers before any of its synchronous work.
    const settled = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => run({ signal: controller.signal, onProgress }))
      .then(
        (result) => {
          Object.assign(status, { state: 'done', fraction: 1, stage: 'done', result });
        },
        (error: unknown) => this.fail(status, error, controller.signal.aborted),
      );
    this.jobs.set(status.jobId, { status, controller, settled });
    this.dropUnread();
    return status.jobId;
  }

  /** The job's progress; a finished job's outcome is reported once, then the job is gone. */
  status(jobId: string): ExportJobStatus<Result> {
    const job = this.find(jobId);
    if (job.status.state !== 'running') this.jobs.delete(jobId);
    return { ...job.status };
  }

  /** Stops the job and waits until it has; the answer is its final state ("done" when it finished first). */
  async cancel(jobId: string): Promise<ExportJobStatus<Result>> {
    const job = this.find(jobId);
    job.controller.abort();
    await job.settled;
    return { ...job.status };
  }

  /** Aborts whatever runs (the window closed, the server stops). */
  dispose(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }

  private find(jobId: string): Job<Result> {
    const job = this.jobs.get(jobId);
    if (!job) throw new UserError('export:unknownJob');
    return job;
  }

  private fail(status: ExportJobStatus<Result>, error: unknown, aborted: boolean): void {
    // Once cancelled, any failure (a printer closed under the export …) still means nothing was written.
    if (aborted || (error instanceof UserError && error.code === 'export:cancelled')) {
      status.state = 'cancelled';
      return;
    }
    status.state = 'failed';
    if (error instanceof UserError) {
      status.error = { code: error.code, params: error.params };
      return;
    }
    this.logError(`[export] job failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    status.error = { code: 'errors:internal', params: {} };
  }

  private dropUnread(): void {
    const finished = [...this.jobs.values()].filter((job) => job.status.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_UNREAD))) this.jobs.delete(job.status.jobId);
  }
}
