import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Workbook } from '../../../core/model';
import { UserError } from '../../../shared/api';
import { assertNotTruncated, checkHeader, errorText, fileError } from '../store/file-header';
import { loadWorkbook } from '../store/load';
import { migrate, SCHEMA_VERSION } from '../store/schema';

/**
 * Reads last year's workbook without opening it for writing: no lock file, no SQLite lock, no
 * -wal or -shm beside it, not a byte changed. The file is checked like the store checks it
 * (store:notFound, store:notWorkbook, store:newerVersion, store:damaged) and read from a private
 * copy — in memory, or, when a write-ahead log is waiting beside it (the program holding it was
 * killed, or still has it open), from a copy of both files in a temporary folder. An older file
 * format is upgraded in that copy only.
 */
export function readWorkbookReadOnly(path: string): Workbook {
  const target = resolve(path);
  const header = checkHeader(target);
  const log = `${target}-wal`;
  if (fileSize(log) > 0) return readWithLog(target, log);
  assertNotTruncated(target, header);
  const image = readBytes(target);
  // The header's WAL marks (bytes 18/19 = 2) would make SQLite look for a log the image does not have.
  image[18] = 1;
  image[19] = 1;
  return loadPrivateCopy(() => new Database(image), target);
}

/** The same for a file's bytes the caller holds (an upload): checked and read from a temporary copy. */
export function readWorkbookBytes(bytes: Uint8Array, fileName: string): Workbook {
  const folder = mkdtempSync(join(tmpdir(), 'budget-desk-prior-'));
  try {
    const copy = join(folder, basename(fileName) || 'upload.budget');
    writeFileSync(copy, bytes);
    try {
      return readWorkbookReadOnly(copy);
    } catch (error) {
      throw renamePath(error, copy, fileName);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function readWithLog(target: string, log: string): Workbook {
  const folder = mkdtempSync(join(tmpdir(), 'budget-desk-prior-'));
  try {
    const copy = join(folder, 'last.budget');
    try {
      // The holder may checkpoint while we copy: take the log, the file, and the log again, until the log held still.
      for (let attempt = 0; ; attempt += 1) {
        const logBefore = readFileSync(log);
        copyFileSync(target, copy);
        const logAfter = readFileSync(log);
        if (logBefore.equals(logAfter) || attempt === 4) {
          writeFileSync(`${copy}-wal`, logAfter);
          break;
        }
      }
    } catch (error) {
      throw fileError(target, error);
    }
    // SQLite replays the log's committed transactions into the copy when it opens it.
    return loadPrivateCopy(() => new Database(copy, { fileMustExist: true }), target);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function loadPrivateCopy(open: () => Database.Database, target: string): Workbook {
  let db: Database.Database;
  try {
    db = open();
  } catch (error) {
    throw new UserError('store:damaged', { path: target, detail: errorText(error) });
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new UserError('store:newerVersion', { path: target, fileVersion: version, supportedVersion: SCHEMA_VERSION });
    verifyIntegrity(db, target);
    if (version < SCHEMA_VERSION) migrate(db, version);
    return loadWorkbook(db, target).workbook;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('store:damaged', { path: target, detail: errorText(error) });
  } finally {
    db.close();
  }
}

function verifyIntegrity(db: Database.Database, target: string): void {
  const result = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check).join('; ');
  if (result !== 'ok') throw new UserError('store:damaged', { path: target, detail: result.slice(0, 300) });
}

function readBytes(target: string): Buffer {
  try {
    return readFileSync(target);
  } catch (error) {
    throw fileError(target, error);
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Errors about the temporary copy name the file the user chose. */
function renamePath(error: unknown, copy: string, fileName: string): unknown {
  if (!(error instanceof UserError) || error.params.path !== copy) return error;
  return new UserError(error.code, { ...error.params, path: fileName });
}
