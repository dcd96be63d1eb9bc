import type { AppStore } from './app-store';
import type { DraftTable, WorkbenchStore } from './workbench-store';

/**
 * Keeps the grids' unsaved input (drafts: bad cells, new rows still missing a field) in the open
 * workbook file, so a reload or a killed program does not lose what the clerk typed. Loads the
 * file's drafts when the workbench opens, then saves a grid's drafts after they change — off the
 * edit's path: a change made while committing an edit is sent after that edit's request (the store
 * answers requests in order, so the edit no longer waits behind a draft write), and changes made
 * while a save is out are coalesced into one save per grid of its latest drafts.
 */
export function startDraftSync(app: AppStore, workbench: WorkbenchStore): () => void {
  const api = app.getState().api;
  /** The tables the file holds (as last loaded or saved), by grid id. */
  const inFile = new Map<string, DraftTable>();
  /** Latest drafts per grid not yet sent; a grid appears once however often it changed. */
  const pending = new Map<string, DraftTable | null>();
  let scheduled = false;
  let sending = false;
  let stopped = false;
  let loaded = false;

  const send = async () => {
    scheduled = false;
    if (sending) return;
    sending = true;
    try {
      while (pending.size > 0) {
        const [grid, table] = pending.entries().next().value as [string, DraftTable | null];
        pending.delete(grid);
        try {
          await api.call('drafts.save', { grid, table: table && table.newRows.length + Object.keys(table.rows).length > 0 ? table : null });
        } catch {
          // A failed save leaves the drafts on screen; the next change tries again with everything.
          inFile.delete(grid);
        }
      }
    } finally {
      sending = false;
    }
  };

  const save = (grid: string, table: DraftTable | null) => {
    pending.set(grid, table);
    if (scheduled || sending) return;
    scheduled = true;
    // After the task that changed the drafts, so the edit it commits is requested first.
    setTimeout(() => void send(), 0);
  };

  const unsubscribe = workbench.subscribe((state, previous) => {
    if (!loaded || stopped || state.drafts === previous.drafts) return;
    for (const [grid, table] of Object.entries(state.drafts)) {
      if (inFile.get(grid) === table) continue;
      inFile.set(grid, table);
      save(grid, table);
    }
  });

  void api.call('drafts.get', {}).then(
    ({ drafts }) => {
      if (stopped) return;
      // Anything typed while the call was out wins over the file's copy of the same grid.
      const typed = workbench.getState().drafts;
      const merged: Record<string, DraftTable> = { ...drafts, ...typed };
      for (const [grid, table] of Object.entries(drafts)) if (!(grid in typed)) inFile.set(grid, table);
      loaded = true;
      workbench.setState({ drafts: merged });
      for (const grid of Object.keys(typed)) {
        const table = typed[grid];
        if (table) {
          inFile.set(grid, table);
          save(grid, table);
        }
      }
    },
    () => {
      // An older file API or a closed workbook: drafts stay in the page only.
      loaded = true;
    },
  );

  return () => {
    stopped = true;
    unsubscribe();
  };
}
