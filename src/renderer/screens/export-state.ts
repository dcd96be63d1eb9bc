import { createStore } from 'zustand/vanilla';
import type { ApiClient, ApiErrorPayload, ApiResult, ExportJobStatusPayload } from '../../shared/api';
import { ApiCallError } from '../api/client';
import type { ExportKind } from './export-defaults';

/** Progress and Cancel appear only for exports still running after this long; quick ones just finish. */
export const SLOW_AFTER_MS = 500;
const POLL_MS = 150;

export type StepState = 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';

/** One output of a run: what was asked, how far it got, what it wrote or why not. */
export interface ExportStep {
  kind: ExportKind;
  /** As typed; the resolved target once the service has started the job. */
  path: string;
  state: StepState;
  fraction: number;
  stage: ExportJobStatusPayload['stage'];
  result?: ExportJobStatusPayload['result'];
  error?: ApiErrorPayload;
}

export type PrintPayload = Extract<ApiResult<'export.print'>, { via: 'browser' }>;

export type PrintState =
  | { phase: 'idle' | 'preparing' | 'opened' | 'printed' | 'dismissed' }
  | { phase: 'failed'; error: ApiErrorPayload };

/** The template a run publishes with: the workbook's own (by its id, which the service resolves to its copy). */
export interface ExportTemplate {
  id: string;
  name: string;
}

export interface ExportState {
  /** The workbook the steps belong to; the screen shows none for another. */
  workbookPath: string | null;
  /** The template of the last run or print, as it was then. */
  template: ExportTemplate | null;
  steps: ExportStep[];
  running: boolean;
  /** The run has taken longer than SLOW_AFTER_MS: progress and Cancel show. */
  slow: boolean;
  cancelling: boolean;
  print: PrintState;
  /** `replace`: the clerk agreed to replace files already there; without it an existing file is refused (export:exists). */
  run(workbookPath: string, requests: { kind: ExportKind; path: string }[], template: ExportTemplate, replace?: boolean): Promise<void>;
  cancel(): Promise<void>;
  printPackage(workbookPath: string, template: ExportTemplate, printInPage: (payload: PrintPayload) => Promise<void>): Promise<void>;
}

export type ExportStore = ReturnType<typeof createExportStore>;

/**
 * The export screen's state, outside React so that an export keeps running (and its outcome stays)
 * while the clerk looks at another screen. A run exports the chosen outputs one after another, each
 * as a job (export.start, then export.status every 150 ms); Cancel stops the current job and skips
 * the rest.
 */
export function createExportStore(api: ApiClient) {
  let currentJob: string | null = null;
  let cancelRequested = false;

  return createStore<ExportState>()((set, get) => {
    const update = (index: number, change: Partial<ExportStep>) =>
      set((state) => ({ steps: state.steps.map((step, at) => (at === index ? { ...step, ...change } : step)) }));

    async function runStep(index: number, step: { kind: ExportKind; path: string }, template: ExportTemplate, replace: boolean): Promise<void> {
      let jobId: string;
      try {
        // Every output of a run names the same template, even if the workbook's changes meanwhile.
        const started = await api.call('export.start', { kind: step.kind, path: step.path, template: template.id, replace });
        jobId = started.jobId;
        update(index, { state: 'running', path: started.path });
      } catch (error) {
        update(index, { state: 'failed', error: toPayload(error) });
        return;
      }
      currentJob = jobId;
      if (cancelRequested) void api.call('export.cancel', { jobId }).catch(() => undefined);
      try {
        for (;;) {
          const status = await api.call('export.status', { jobId });
          update(index, { fraction: status.fraction, stage: status.stage });
          if (status.state !== 'running') {
            update(index, { state: status.state, result: status.result, error: status.error });
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
      } catch (error) {
        update(index, { state: 'failed', error: toPayload(error) });
      } finally {
        currentJob = null;
      }
    }

    return {
      workbookPath: null,
      template: null,
      steps: [],
      running: false,
      slow: false,
      cancelling: false,
      print: { phase: 'idle' },

      async run(workbookPath, requests, template, replace = false) {
        if (get().running) return;
        cancelRequested = false;
        set({
          workbookPath,
          template,
          steps: requests.map((request) => ({ ...request, state: 'waiting', fraction: 0, stage: 'evaluate' })),
          running: true,
          slow: false,
          cancelling: false,
        });
        const timer = setTimeout(() => set({ slow: get().running }), SLOW_AFTER_MS);
        try {
          for (const [index, request] of requests.entries()) {
            if (cancelRequested) {
              update(index, { state: 'cancelled' });
              continue;
            }
            await runStep(index, request, template, replace);
          }
        } finally {
          clearTimeout(timer);
          set({ running: false, cancelling: false });
        }
      },

      async cancel() {
        if (!get().running || cancelRequested) return;
        cancelRequested = true;
        set({ cancelling: true });
        // The poll reports the outcome; a job that finished meanwhile is simply unknown by now.
        if (currentJob) await api.call('export.cancel', { jobId: currentJob }).catch(() => undefined);
      },

      async printPackage(workbookPath, template, printInPage) {
        if (get().print.phase === 'preparing') return;
        set((state) => ({ workbookPath, steps: state.workbookPath === workbookPath ? state.steps : [], print: { phase: 'preparing' } }));
        try {
          const outcome = await api.call('export.print', { template: template.id });
          if (outcome.via === 'dialog') {
            set({ print: { phase: outcome.printed ? 'printed' : 'dismissed' } });
          } else {
            await printInPage(outcome);
            set({ print: { phase: 'opened' } });
          }
        } catch (error) {
          set({ print: { phase: 'failed', error: toPayload(error) } });
        }
      },
    };
  });
}

const stores = new WeakMap<ApiClient, ExportStore>();

/** The one export store of this window (of its API client), kept while the clerk moves between screens. */
export function exportStoreFor(api: ApiClient): ExportStore {
  let store = stores.get(api);
  if (!store) {
    store = createExportStore(api);
    stores.set(api, store);
  }
  return store;
}

function toPayload(error: unknown): ApiErrorPayload {
  if (error instanceof ApiCallError) return error.payload;
  console.error(error);
  return { code: 'errors:internal', params: {} };
}
