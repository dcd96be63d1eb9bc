import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Workbook } from '../../../core/model';
import { UserError } from '../../../shared/api';
import { assertNotTruncated, checkHeader, errorText, fileError, readRegularFile } from '../store/file-header';
import { loadWorkbook } from '../store/load';
import { pendingSideFiles, withPrivateCopy } from '../store/private-copy';
import { migrate, SCHEMA_VERSION } from '../store/schema';

/**
 * Reads last year's workbook without opening it for writing: no lock file, no SQLite lock, no
 * -journal, -wal or -shm beside it, not a byte changed. The file is checked like the store checks
 * it (store:notFound, store:notWorkbook, store:newerVersion, store:damaged) and read from a private
 * copy — in memory, or, when a journal or write-ahead log is waiting beside it (the program holding
 * it was killed, or still has it open), from a copy of the file and its side files in a temporary
 * folder, where SQLite finishes or undoes the interrupted commit. An older file format is upgraded
 * in that copy only.
 */
export function readWorkbookReadOnly(path: string): Workbook {
  const target = resolve(path);
  const header = checkHeader(target);
  if (pendingSideFiles(target).length > 0) {
    return withPrivateCopy(target, (db) => loadPrivateCopy(() => db, target, false), (error) => {
      throw new UserError('store:damaged', { path: target, detail: errorText(error) });
    });
  }
  assertNotTruncated(target, header);
  const image = readBytes(target);
  // The header's WAL marks (bytes 18/19 = 2) would make SQLite look for a log the image does not have.
  image[18] = 1;
  image[19] = 1;
  return loadPrivateCopy(() => new Database(image), target, true);
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

function loadPrivateCopy(open: () => Database.Database, target: string, closeAfter: boolean): Workbook {
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
    if (closeAfter) db.close();
  }
}

function verifyIntegrity(db: Database.Database, target: string): void {
  const result = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check).join('; ');
  if (result !== 'ok') throw new UserError('store:damaged', { path: target, detail: result.slice(0, 300) });
}

function readBytes(target: string): Buffer {
  try {
    return readRegularFile(target);
  } catch (error) {
    throw fileError(target, error);
  }
}

/** Errors about the temporary copy name the file the user chose. */
function renamePath(error: unknown, copy: string, fileName: string): unknown {
  if (!(error instanceof UserError) || error.params.path !== copy) return error;
  return new UserError(error.code, { ...error.params, path: fileName });
}
