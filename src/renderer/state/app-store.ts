import { createStore } from 'zustand/vanilla';
import { applyEdits, type Edit } from '../../core/edits';
import type { Workbook } from '../../core/model';
import type { ApiArgs, ApiClient, ApiErrorPayload, ApiResult, WorkbookSummary } from '../../shared/api';
import { ApiCallError } from '../api/client';

export type AppInfo = ApiResult<'app.info'>;
export type RecentFile = ApiResult<'workbook.recent'>['files'][number];

/** A change the page makes outside the file's undo log (grid drafts), made undoable in this window's history. */
export interface LocalStep {
  undo(): void;
  redo(): void;
}

/** One step of this window's history: a change of the file (one step of its undo log), a local one, or both at once. */
interface HistoryEntry {
  file: boolean;
  local: LocalStep | null;
}

export interface AppState {
  /** The API client, for calls whose outcome a screen keeps to itself (the preview's HTML). */
  api: ApiClient;
  info: AppInfo | null;
  recent: RecentFile[];
  summary: WorkbookSummary | null;
  workbook: Workbook | null;
  error: ApiErrorPayload | null;
  /** Calls in flight; buttons that start another call are disabled meanwhile. */
  pending: number;
  /**
   * The connection to the service is lost (browser mode restarted, network error): edits are kept in this page
   * (`unsent` of them) and sent, in order, once it answers again. Nothing is shown as saved meanwhile.
   */
  offline: boolean;
  unsent: number;
  /** Undo (redo) would act on a local step (a deleted draft row) rather than on the file. */
  localUndo: boolean;
  localRedo: boolean;
  start(): Promise<void>;
  create(args: ApiArgs<'workbook.create'>): Promise<boolean>;
  open(path: string): Promise<boolean>;
  browseAndOpen(): Promise<void>;
  /** The system's open dialog for a .budget file (Electron); its path, or null. */
  browseForWorkbook(): Promise<string | null>;
  chooseSaveLocation(suggestedName: string): Promise<string | null>;
  close(): Promise<void>;
  /** One user action = one list of edits = one transaction and one undo step. */
  edit(edits: Edit[]): Promise<boolean>;
  /**
   * Makes a template the workbook's (templates.use: one undo step) and fetches the workbook again. The outcome
   * lists the problems of a template file that does not load (nothing changed then); undefined: the call failed
   * and the error is shown.
   */
  chooseTemplate(args: ApiArgs<'templates.use'>): Promise<ApiResult<'templates.use'> | undefined>;
  /**
   * Undo and redo act on exactly what the clerk did in this window, in order: the file's steps and local ones
   * (drafts) alike. Before this window's first step (a reopened file), they act on the file's own log.
   */
  /** Next year's workbook from last year's file (which is only read); it is opened. The report, or undefined on failure. */
  startNewYear(args: ApiArgs<'prior.newYear'>): Promise<ApiResult<'prior.newYear'>['report'] | undefined>;
  /** Last year's figures into the open workbook (one undo step); true once saved. */
  importPrior(source: ApiArgs<'prior.import'>['source']): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /**
   * Records a local change as one step of the history; `withNextEdit`: it belongs to the edit about to be
   * sent (deleting rows that are partly saved, partly drafts), and is undone and redone with it.
   */
  recordLocal(step: LocalStep, withNextEdit?: boolean): void;
  dismissError(): void;
}

export type AppStore = ReturnType<typeof createAppStore>;

/** What the page keeps for itself across a reload (the tab's sessionStorage). */
export type PageMemory = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface AppStoreOptions {
  memory?: PageMemory;
  /** How often to try the service again while it does not answer. */
  retryMs?: number;
}

const OPEN_PATH_KEY = 'budgetDesk.openPath';
const UNSENT_KEY = 'budgetDesk.unsent';

/** Edits the service has not acknowledged, kept for the workbook and revision they were made on. */
interface Unsent {
  path: string;
  baseRevision: number;
  batches: Edit[][];
}

/** The service did not answer (or not as itself): nothing was done, and the call can be made again later. */
export function isConnectionLoss(error: unknown): boolean {
  return error instanceof ApiCallError && ['app:error.connection', 'app:error.transport', 'app:error.accessDenied'].includes(error.payload.code);
}

/**
 * The renderer's state: what the services last told us. Calls run one after another (an edit
 * typed quickly after another must reach the file in order); after every change the workbook is
 * fetched again, so the screen always shows what the file holds. Every change names the revision
 * this window last saw, so the store refuses one made on content another window has since changed.
 */
export function createAppStore(api: ApiClient, options: AppStoreOptions = {}) {
  const memory = options.memory ?? null;
  const retryMs = options.retryMs ?? 1000;
  let queue: Promise<unknown> = Promise.resolve();
  const done: HistoryEntry[] = [];
  const undone: HistoryEntry[] = [];
  let pendingLocal: LocalStep | null = null;
  /** Edits not yet acknowledged because the service did not answer, oldest first, each with its local part. */
  let outbox: { edits: Edit[]; local: LocalStep | null }[] = [];
  let outboxBase = 0;
  let retryTimer: ReturnType<typeof setInterval> | null = null;

  return createStore<AppState>()((set, get) => {
    function showHistory(): void {
      const isLocal = (entry: HistoryEntry | undefined) => entry !== undefined && !entry.file;
      set({ localUndo: isLocal(done.at(-1)), localRedo: isLocal(undone.at(-1)) });
    }

    /** A new step: what was undone can no longer be redone. */
    function pushDone(entry: HistoryEntry): void {
      done.push(entry);
      undone.length = 0;
      showHistory();
    }

    function remember(key: string, value: string | null): void {
      try {
        if (value === null) memory?.removeItem(key);
        else memory?.setItem(key, value);
      } catch {
        // Storage full or disabled: the page still works, it only forgets across a reload.
      }
    }

    function keepOutbox(): void {
      const path = get().summary?.path;
      if (outbox.length === 0 || !path) remember(UNSENT_KEY, null);
      else remember(UNSENT_KEY, JSON.stringify({ path, baseRevision: outboxBase, batches: outbox.map((item) => item.edits) } satisfies Unsent));
      set({ unsent: outbox.length });
    }

    /** Keeps an edit the service could not take; from now on edits wait in the page until it answers again. */
    function holdBack(edits: Edit[], local: LocalStep | null): void {
      if (outbox.length === 0) outboxBase = get().summary?.revision ?? 0;
      outbox.push({ edits, local });
      keepOutbox();
      set({ offline: true, error: { code: 'app:error.connectionLost', params: { count: outbox.length } } });
      retryTimer ??= setInterval(() => void reconnect(), retryMs);
    }

    let reconnecting = false;
    /** Once the service answers: reopen the workbook there (it may have restarted) and send what waits, in order. */
    async function reconnect(): Promise<void> {
      if (reconnecting) return;
      reconnecting = true;
      try {
        await api.call('app.info', {});
      } catch {
        reconnecting = false;
        return;
      }
      if (retryTimer) clearInterval(retryTimer);
      retryTimer = null;
      await run(async () => {
        try {
          await sendOutbox();
        } finally {
          reconnecting = false;
        }
      });
    }

    async function sendOutbox(): Promise<void> {
      const path = get().summary?.path;
      if (!path) {
        outbox = [];
        keepOutbox();
        set({ offline: false });
        return;
      }
      try {
        let summary = await api.call('workbook.open', { path });
        // Sent on the revision they were made on: if the file changed meanwhile, the store refuses them (store:staleEdit).
        let base = outbox.length > 0 ? outboxBase : summary.revision;
        while (outbox.length > 0) {
          const item = outbox[0] as { edits: Edit[]; local: LocalStep | null };
          summary = await api.call('workbook.edit', { edits: item.edits, baseRevision: base });
          outbox.shift();
          base = summary.revision;
          outboxBase = base;
          keepOutbox();
          pushDone({ file: true, local: item.local });
        }
        set({ offline: false, summary });
        await loadWorkbook();
      } catch (error) {
        if (isConnectionLoss(error)) {
          retryTimer ??= setInterval(() => void reconnect(), retryMs);
          throw error;
        }
        // Refused (changed elsewhere meanwhile, or no longer valid): the page shows what the file holds.
        outbox = [];
        keepOutbox();
        set({ offline: false });
        await loadWorkbook().catch(() => undefined);
        throw error;
      }
    }

    function forgetHistory(): void {
      done.length = 0;
      undone.length = 0;
      pendingLocal = null;
      showHistory();
    }

    /** Runs `task` after earlier calls; a failure is shown and yields undefined. */
    function run<T>(task: () => Promise<T>): Promise<T | undefined> {
      set((state) => ({ pending: state.pending + 1 }));
      const result = queue.then(task).then(
        (value) => {
          // While offline the banner says so; it stays until the service answers again.
          if (!get().offline) set({ error: null });
          return value;
        },
        (error: unknown) => {
          set({ error: toPayload(error) });
          return undefined;
        },
      );
      queue = result.finally(() => set((state) => ({ pending: state.pending - 1 })));
      return result;
    }

    async function loadWorkbook(): Promise<void> {
      const { summary, workbook } = await api.call('workbook.get', {});
      if (summary.path !== get().summary?.path) forgetHistory();
      set({ summary, workbook });
      remember(OPEN_PATH_KEY, summary.path);
    }

    /** The revision this window last saw: sent with every change, so one made on older content is refused. */
    function seen(): { baseRevision?: number } {
      const revision = get().summary?.revision;
      return revision === undefined ? {} : { baseRevision: revision };
    }

    /**
     * Runs a change of the file; a refusal (stale, invalid) leaves the page showing what the file holds. A lost
     * connection leaves the page as it is: nothing was done there, and the file cannot be asked.
     */
    async function change<T>(call: () => Promise<T>): Promise<T> {
      try {
        return await call();
      } catch (error) {
        if (!isConnectionLoss(error)) await loadWorkbook().catch(() => undefined);
        throw error;
      }
    }

    async function loadRecent(): Promise<void> {
      const { files } = await api.call('workbook.recent', {});
      set({ recent: files });
    }

    return {
      api,
      info: null,
      recent: [],
      summary: null,
      workbook: null,
      error: null,
      pending: 0,
      localUndo: false,
      localRedo: false,
      offline: false,
      unsent: 0,

      async start() {
        await run(async () => {
          set({ info: await api.call('app.info', {}) });
          await loadRecent();
        });
        // A reload (F5) brings back the workbook this tab had open, and sends what it could not save before.
        const path = memory?.getItem(OPEN_PATH_KEY);
        if (!path) return;
        const unsent = readUnsent(memory?.getItem(UNSENT_KEY) ?? null);
        await run(async () => {
          await api.call('workbook.open', { path });
          await loadWorkbook();
          if (unsent && unsent.path === get().summary?.path) {
            outbox = unsent.batches.map((edits) => ({ edits, local: null }));
            outboxBase = unsent.baseRevision;
            await sendOutbox();
          }
        });
      },

      async create(args) {
        const done = await run(async () => {
          await api.call('workbook.create', args);
          await loadWorkbook();
          return true;
        });
        return done === true;
      },

      async open(path) {
        const done = await run(async () => {
          try {
            await api.call('workbook.open', { path });
          } catch (error) {
            // The list drops files that have gone missing; refresh it so the clerk sees that.
            await loadRecent().catch(() => undefined);
            throw error;
          }
          await loadWorkbook();
          return true;
        });
        return done === true;
      },

      async browseForWorkbook() {
        const chosen = await run(() => api.call('dialog.openWorkbook', {}));
        return chosen?.path ?? null;
      },

      async browseAndOpen() {
        const path = await get().browseForWorkbook();
        if (path) await get().open(path);
      },

      async chooseSaveLocation(suggestedName) {
        const chosen = await run(() => api.call('dialog.saveWorkbook', { suggestedName }));
        return chosen?.path ?? null;
      },

      async close() {
        await run(async () => {
          await api.call('workbook.close', {});
          set({ summary: null, workbook: null });
          forgetHistory();
          remember(OPEN_PATH_KEY, null);
          await loadRecent();
        });
      },

      async edit(edits) {
        // The screen shows the edit at once (grids stay responsive with 50,000 lines); the file
        // applies the same edits with the same core function. If the file refuses them, or
        // another change slipped in between, the workbook is fetched again.
        const before = get().workbook;
        if (before) {
          try {
            set({ workbook: applyEdits(before, edits).workbook });
          } catch {
            // An edit naming a record that is gone: let the service word the refusal.
          }
        }
        const local = pendingLocal;
        pendingLocal = null;
        if (get().offline) {
          // Not sent now: behind the edits already waiting, in order, once the service answers.
          holdBack(edits, local);
          return false;
        }
        const saved = await run(async () => {
          if (get().offline) {
            holdBack(edits, local);
            return false;
          }
          const expected = (get().summary?.revision ?? 0) + 1;
          try {
            await change(async () => {
              const summary = await api.call('workbook.edit', { edits, ...seen() });
              set({ summary });
              if (summary.revision !== expected) await loadWorkbook();
            });
          } catch (error) {
            if (isConnectionLoss(error)) {
              holdBack(edits, local);
              return false;
            }
            // The local part happened all the same (the drafts are gone): it stays undoable on its own.
            if (local) pushDone({ file: false, local });
            throw error;
          }
          pushDone({ file: true, local });
          return true;
        });
        return saved === true;
      },

      async chooseTemplate(args) {
        return run(async () => {
          const outcome = await api.call('templates.use', args);
          if (outcome.ok) {
            pushDone({ file: true, local: null });
            await loadWorkbook();
          }
          return outcome;
        });
      },

      async startNewYear(args) {
        return run(async () => {
          const { report } = await api.call('prior.newYear', args);
          await loadWorkbook();
          return report;
        });
      },

      async importPrior(source) {
        const saved = await run(async () => {
          await change(() => api.call('prior.import', { source }));
          pushDone({ file: true, local: null });
          await loadWorkbook();
          return true;
        });
        return saved === true;
      },

      async undo() {
        const top = done.at(-1);
        if (top && !top.file) {
          done.pop();
          top.local?.undo();
          undone.push(top);
          showHistory();
          return;
        }
        if (!get().summary?.canUndo) return;
        await run(async () => {
          await change(() => api.call('workbook.undo', seen()));
          const entry = top ? (done.pop() as HistoryEntry) : { file: true, local: null };
          entry.local?.undo();
          undone.push(entry);
          showHistory();
          await loadWorkbook();
        });
      },

      async redo() {
        const top = undone.at(-1);
        if (top && !top.file) {
          undone.pop();
          top.local?.redo();
          done.push(top);
          showHistory();
          return;
        }
        if (!get().summary?.canRedo) return;
        await run(async () => {
          await change(() => api.call('workbook.redo', seen()));
          const entry = top ? (undone.pop() as HistoryEntry) : { file: true, local: null };
          entry.local?.redo();
          done.push(entry);
          showHistory();
          await loadWorkbook();
        });
      },

      recordLocal(step, withNextEdit = false) {
        if (withNextEdit) pendingLocal = step;
        else pushDone({ file: false, local: step });
      },

      dismissError() {
        set({ error: null });
      },
    };
  });
}

function readUnsent(text: string | null): Unsent | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Unsent>;
    return typeof value.path === 'string' && typeof value.baseRevision === 'number' && Array.isArray(value.batches) ? (value as Unsent) : null;
  } catch {
    return null;
  }
}

function toPayload(error: unknown): ApiErrorPayload {
  if (error instanceof ApiCallError) return error.payload;
  console.error(error);
  return { code: 'errors:internal', params: {} };
}
