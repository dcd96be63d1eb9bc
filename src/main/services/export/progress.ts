import { UserError } from '../../../shared/api';

/** Stages an export reports; the UI words them as `export:stage.<stage>`. */
export type ExportStage = 'evaluate' | 'sheets' | 'write' | 'layout' | 'print' | 'paginate' | 'csv' | 'done';

/** Progress callback: fraction in [0, 1] of the whole export, and the stage it is in. */
export type ProgressListener = (fraction: number, stage: ExportStage) => void;

export interface ExportControl {
  onProgress?: ProgressListener;
  /** Cancels the export: it stops at the next step and throws UserError("export:cancelled"). */
  signal?: AbortSignal;
}

/** Reports progress within the slice [from, to] of the whole export, never going backwards; a new stage is always reported. */
export function progressSlice(control: ExportControl, from: number, to: number) {
  let last = -1;
  let lastStage: ExportStage | null = null;
  return (fraction: number, stage: ExportStage) => {
    throwIfCancelled(control.signal);
    const overall = Math.max(last, from + (to - from) * Math.min(1, Math.max(0, fraction)));
    if (overall === last && stage === lastStage) return;
    last = overall;
    lastStage = stage;
    control.onProgress?.(overall, stage);
  };
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UserError('export:cancelled');
}

/** Lets the event loop run (so a cancel can arrive) between chunks of synchronous work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
