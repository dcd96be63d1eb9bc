import { createStore } from 'zustand/vanilla';
import type { Finding } from '../../core/checks';
import type { CommitPlan, RowDraft } from '../../core/workbench';

export type SectionId = 'units' | 'income' | 'expenditure' | 'projects' | 'performance' | 'texts' | 'assets' | 'templates' | 'preview' | 'summary' | 'export';
export const SECTIONS: readonly SectionId[] = ['units', 'income', 'expenditure', 'projects', 'performance', 'texts', 'assets', 'templates', 'preview', 'summary', 'export'];

/** A cell (or field) some screen should show and focus: from the check panel, a status-bar count … */
export interface FocusTarget {
  /** A grid id ("budgetLines", "projectLines", "procurement" …) or a form ("project", "texts"). */
  tableId: string;
  rowKey: string;
  column: string;
  seq: number;
}

/** Unsaved input of one grid: drafts of saved records by id, and new rows in the order they were typed. */
export interface DraftTable {
  rows: Record<string, RowDraft>;
  newRows: string[];
}

export const EMPTY_DRAFTS: DraftTable = { rows: {}, newRows: [] };

/** Rows holding input that could not be saved, over every grid (the status bar's and the export screen's count). */
export function countUnsavedRows(drafts: Readonly<Record<string, DraftTable>>): number {
  return Object.values(drafts).reduce((sum, table) => sum + Object.keys(table.rows).length, 0);
}

/** Drafts taken out of a grid: each row's draft, and where each new row stood among the new rows. */
export interface DroppedDrafts {
  rows: Record<string, RowDraft>;
  newRowPositions: [key: string, position: number][];
}

export interface CheckStatus {
  findings: Finding[];
  /** The workbook revision the findings describe; behind while a run is scheduled. */
  running: boolean;
}

export interface WorkbenchState {
  section: SectionId;
  /** The project open in the project screen, or null for the list. */
  projectId: string | null;
  focus: FocusTarget | null;
  drafts: Record<string, DraftTable>;
  checks: CheckStatus;
  checkPanelOpen: boolean;
  go(section: SectionId, projectId?: string | null): void;
  /** Moves to the screen holding `tableId` and asks it to focus the row's field. */
  reveal(target: Omit<FocusTarget, 'seq'>, section: SectionId, projectId?: string | null): void;
  /** The screen showed the focus request `seq`; later screens must not act on it again. */
  focusDone(seq: number): void;
  applyDrafts(tableId: string, plan: Pick<CommitPlan<unknown>, 'drafts' | 'created'>, newKeys: readonly string[]): void;
  /** Forgets these rows' drafts; answers what was dropped, for `restoreDrafts` (undo). */
  dropDrafts(tableId: string, keys: readonly string[]): DroppedDrafts;
  /** Puts dropped drafts back where they were (new rows at their places among the other new rows). */
  restoreDrafts(tableId: string, dropped: DroppedDrafts): void;
  setChecks(status: Partial<CheckStatus>): void;
  toggleCheckPanel(open?: boolean): void;
}

export type WorkbenchStore = ReturnType<typeof createWorkbenchStore>;

/**
 * The workbench's own state, beside the workbook: which screen is shown, unsaved grid input
 * (drafts survive switching screens), the latest check findings, where to move focus next.
 */
export function createWorkbenchStore() {
  let seq = 0;
  return createStore<WorkbenchState>()((set) => ({
    section: 'units',
    projectId: null,
    focus: null,
    drafts: {},
    checks: { findings: [], running: false },
    checkPanelOpen: false,

    go(section, projectId = null) {
      // Moving on by hand drops any pending focus request, so a screen opened later does not act on it.
      set({ section, projectId, focus: null });
    },

    reveal(target, section, projectId = null) {
      seq += 1;
      set({ section, projectId, focus: { ...target, seq } });
    },

    focusDone(done) {
      set((state) => (state.focus?.seq === done ? { focus: null } : {}));
    },

    applyDrafts(tableId, plan, newKeys) {
      set((state) => {
        const table = state.drafts[tableId] ?? EMPTY_DRAFTS;
        const rows = { ...table.rows };
        let newRows = [...table.newRows];
        for (const key of newKeys) if (!newRows.includes(key)) newRows.push(key);
        for (const [key, draft] of plan.drafts) {
          if (draft) rows[key] = draft;
          else delete rows[key];
        }
        newRows = newRows.filter((key) => rows[key] !== undefined && !plan.created.has(key));
        return { drafts: { ...state.drafts, [tableId]: { rows, newRows } } };
      });
    },

    dropDrafts(tableId, keys) {
      const dropped: DroppedDrafts = { rows: {}, newRowPositions: [] };
      set((state) => {
        const table = state.drafts[tableId];
        if (!table) return {};
        const rows = { ...table.rows };
        for (const key of keys) {
          const draft = rows[key];
          if (draft) dropped.rows[key] = draft;
          delete rows[key];
        }
        table.newRows.forEach((key, position) => {
          if (keys.includes(key)) dropped.newRowPositions.push([key, position]);
        });
        return { drafts: { ...state.drafts, [tableId]: { rows, newRows: table.newRows.filter((key) => !keys.includes(key)) } } };
      });
      return dropped;
    },

    restoreDrafts(tableId, dropped) {
      set((state) => {
        const table = state.drafts[tableId] ?? EMPTY_DRAFTS;
        const rows = { ...table.rows, ...dropped.rows };
        const newRows = table.newRows.filter((key) => !(key in dropped.rows));
        // Ascending positions: each goes back where it stood once the ones before it are back.
        for (const [key, position] of dropped.newRowPositions) newRows.splice(Math.min(position, newRows.length), 0, key);
        return { drafts: { ...state.drafts, [tableId]: { rows, newRows } } };
      });
    },

    setChecks(status) {
      set((state) => ({ checks: { ...state.checks, ...status } }));
    },

    toggleCheckPanel(open) {
      set((state) => ({ checkPanelOpen: open ?? !state.checkPanelOpen }));
    },
  }));
}
