import type { AppStore } from './app-store';
import type { DraftTable, WorkbenchStore } from './workbench-store';

/**
 * Keeps the grids' unsaved input (drafts: bad cells, new rows still missing a field) in the open
 * workbook file, so a reload or a killed program does not lose what the clerk typed. Loads the
 * file's drafts when the workbench opens, then saves a grid's drafts each time they change —
 * one call per change, in order, each committed by the store before it answers.
 */
export function startDraftSync(app: AppStore, workbench: WorkbenchStore): () => void {
  const api = app.getState().api;
  /** The tables the file holds (as last loaded or saved), by grid id. */
  const inFile = new Map<string, DraftTable>();
  let queue: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let loaded = false;

  const save = (grid: string, table: DraftTable | null) => {
    queue = queue
      .then(() => api.call('drafts.save', { grid, table: table && table.newRows.length + Object.keys(table.rows).length > 0 ? table : null }))
      // A failed save leaves the drafts on screen; the next change tries again with everything.
      .catch(() => inFile.delete(grid));
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
