import type Database from 'better-sqlite3';
import type { Edit } from '../../../core/edits';

/**
 * The undo log lives in the file (table undo_steps), so undo survives closing and reopening.
 * Steps occupy a contiguous range of `seq` [lo, hi]; `cursor` is the last step applied.
 * Steps ≤ cursor can be undone, steps > cursor redone. A new edit after an undo drops the
 * redo branch. The log keeps at most MAX_UNDO_STEPS steps and MAX_UNDO_BYTES of JSON,
 * dropping the oldest first (the newest step is always kept, however large).
 */
export const MAX_UNDO_STEPS = 1000;
export const MAX_UNDO_BYTES = 64 * 1024 * 1024;

export interface UndoPosition {
  /** Oldest stored step, or cursor + 1 when none is stored below the cursor. */
  lo: number;
  /** Newest stored step, or cursor when there is nothing to redo. */
  hi: number;
  cursor: number;
}

export interface UndoStep {
  seq: number;
  edits: Edit[];
  inverse: Edit[];
}

export function readUndoPosition(db: Database.Database): UndoPosition {
  const state = db.prepare('SELECT undo_cursor AS cursor FROM state WHERE id = 1').get() as { cursor: number } | undefined;
  const cursor = state?.cursor ?? 0;
  const range = db.prepare('SELECT min(seq) AS lo, max(seq) AS hi FROM undo_steps').get() as { lo: number | null; hi: number | null };
  return { lo: range.lo ?? cursor + 1, hi: range.hi ?? cursor, cursor };
}

export function canUndo(position: UndoPosition): boolean {
  return position.cursor >= position.lo;
}

export function canRedo(position: UndoPosition): boolean {
  return position.cursor < position.hi;
}

/** Reads one stored step; the caller validates its edits before using them. */
export function readStep(db: Database.Database, seq: number): { edits: unknown; inverse: unknown } | null {
  const row = db.prepare('SELECT edits, inverse FROM undo_steps WHERE seq = ?').get(seq) as
    | { edits: string; inverse: string }
    | undefined;
  if (!row) return null;
  return { edits: JSON.parse(row.edits) as unknown, inverse: JSON.parse(row.inverse) as unknown };
}

/** Records a new step after the cursor, dropping any redo branch and trimming the oldest steps. */
export function appendStep(
  db: Database.Database,
  position: UndoPosition,
  edits: readonly Edit[],
  inverse: readonly Edit[],
  committedAt: string,
): UndoPosition {
  db.prepare('DELETE FROM undo_steps WHERE seq > ?').run(position.cursor);
  const seq = position.cursor + 1;
  const editsJson = JSON.stringify(edits);
  const inverseJson = JSON.stringify(inverse);
  db.prepare('INSERT INTO undo_steps (seq, edits, inverse, bytes, committed_at) VALUES (?, ?, ?, ?, ?)').run(
    seq,
    editsJson,
    inverseJson,
    editsJson.length + inverseJson.length,
    committedAt,
  );
  db.prepare('DELETE FROM undo_steps WHERE seq <= ?').run(seq - MAX_UNDO_STEPS);
  db.prepare(
    `DELETE FROM undo_steps WHERE seq < ? AND seq <= (
       SELECT max(seq) FROM (SELECT seq, sum(bytes) OVER (ORDER BY seq DESC) AS kept FROM undo_steps) WHERE kept > ?
     )`,
  ).run(seq, MAX_UNDO_BYTES);
  setCursor(db, seq);
  const lo = (db.prepare('SELECT min(seq) AS lo FROM undo_steps').get() as { lo: number }).lo;
  return { lo, hi: seq, cursor: seq };
}

export function setCursor(db: Database.Database, cursor: number): void {
  db.prepare('UPDATE state SET undo_cursor = ? WHERE id = 1').run(cursor);
}

/** Empties the log (after replacing the whole workbook the backup file is the way back). */
export function clearSteps(db: Database.Database): UndoPosition {
  db.prepare('DELETE FROM undo_steps').run();
  const cursor = 0;
  setCursor(db, cursor);
  return { lo: cursor + 1, hi: cursor, cursor };
}
