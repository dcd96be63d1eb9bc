import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fileError, readRegularFile } from './file-header';

/**
 * The files SQLite may keep beside a workbook while a commit is under way or after a program was
 * killed: the rollback journal (the current format, issue 15) and, for files written before it,
 * the write-ahead log. Either, when not empty, means the file alone may not be the whole story.
 */
export const SIDE_FILES = ['-journal', '-wal'] as const;

/** The side files beside `target` that hold anything. */
export function pendingSideFiles(target: string): string[] {
  return SIDE_FILES.filter((suffix) => fileSize(`${target}${suffix}`) > 0);
}

/**
 * Reads a workbook through a private copy of it and its side files in a temporary folder, so
 * that SQLite's recovery (rolling back an interrupted commit, replaying a log) happens in the copy:
 * the original and its neighbours are not touched, no lock is taken and nothing is left behind.
 * A holder may commit while we copy: the side files are read before and after the main file, and
 * the copy is taken again until they held still.
 */
export function withPrivateCopy<T>(target: string, read: (db: Database.Database) => T, onOpenError: (error: unknown) => never): T {
  const folder = mkdtempSync(join(tmpdir(), 'budget-desk-copy-'));
  try {
    const copy = join(folder, 'copy.budget');
    try {
      for (let attempt = 0; ; attempt += 1) {
        const before = sideFileBytes(target);
        const main = readRegularFile(target);
        const after = sideFileBytes(target);
        const still = SIDE_FILES.every((suffix) => sameBytes(before[suffix], after[suffix]));
        if (still || attempt === 4) {
          writeFileSync(copy, main);
          for (const suffix of SIDE_FILES) {
            const bytes = after[suffix];
            if (bytes && bytes.length > 0) writeFileSync(`${copy}${suffix}`, bytes);
          }
          break;
        }
      }
    } catch (error) {
      throw fileError(target, error);
    }
    let db: Database.Database;
    try {
      db = new Database(copy, { fileMustExist: true });
    } catch (error) {
      onOpenError(error);
    }
    try {
      return read(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function sideFileBytes(target: string): Partial<Record<(typeof SIDE_FILES)[number], Buffer>> {
  const out: Partial<Record<(typeof SIDE_FILES)[number], Buffer>> = {};
  for (const suffix of SIDE_FILES) {
    try {
      out[suffix] = readRegularFile(`${target}${suffix}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return out;
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined ? b === undefined : b !== undefined && a.equals(b);
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
