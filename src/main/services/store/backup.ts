import { closeSync, constants, copyFileSync, existsSync, fsyncSync, openSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { UserError } from '../../../shared/api';
import { errorText } from './file-header';

/**
 * Copies the workbook next to itself as `<file>.<label>.bak` (or `<file>.<label>-2.bak` … when that
 * name is taken; a backup is never overwritten) and returns the copy's path.
 *
 * The copy is consistent because the caller holds SQLite's exclusive lock (nobody else can write)
 * and everything committed is first checkpointed from the -wal into the main file. Copying the main
 * file's bytes, rather than VACUUM INTO, keeps the backup byte-identical to the file as it was.
 */
export function backupWorkbook(db: Database.Database, path: string, label: string): string {
  const journalMode = db.pragma('journal_mode', { simple: true }) as string;
  if (journalMode === 'wal') {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy) throw new UserError('store:backupFailed', { path, detail: 'checkpoint blocked' });
  }
  const target = freeName(path, label);
  try {
    copyFileSync(path, target, constants.COPYFILE_EXCL);
    const fd = openSync(target, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new UserError('store:backupFailed', { path: target, detail: errorText(error) });
  }
  return target;
}

function freeName(path: string, label: string): string {
  let candidate = `${path}.${label}.bak`;
  for (let counter = 2; existsSync(candidate); counter += 1) candidate = `${path}.${label}-${counter}.bak`;
  return candidate;
}
