import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, copyFileSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, realpathSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { applyEdits, EditError, type Edit } from '../../../core/edits';
import { modelSchemas } from '../../../core/interchange';
import { emptyWorkbook, type Department, type Workbook } from '../../../core/model';
import type { MoneyUnit } from '../../../core/money';
import { UserError } from '../../../shared/api';
import { backupWorkbook } from './backup';
import { assertNotTruncated, checkHeader, errorText, fileError, openSnapshot, readRegularFile } from './file-header';
import { loadWorkbook, readDepartment, readRevision, type LoadedWorkbook } from './load';
import { readCounts, type RecordCounts } from './counts';
import { acquireLock, LINKS_UNSUPPORTED, lockedError, readLockHolder, type LockHandle } from './lock-file';
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from './schema';
import { appendStep, canRedo, canUndo, clearSteps, readStep, setCursor, type UndoPosition } from './undo-log';
import { pendingSideFiles, withPrivateCopy } from './private-copy';
import { checkReferences, checkTotals, validateEdits, validateWorkbook } from './validate-edits';
import { writeChanges, writeWholeWorkbook } from './write-changes';

export interface StoreOptions {
  /** Host name written into lock files and compared with theirs; defaults to os.hostname(). */
  hostName?: string;
  /** Clock for lock files and undo-log timestamps; defaults to the system clock. */
  now?: () => Date;
}

/** Workbooks open in this process, by canonical path: a second open here is refused like one elsewhere. */
const openHere = new Map<string, WorkbookStore>();

/**
 * One open workbook file (see docs/workbook-file.md). Holds the whole workbook in memory; every
 * apply/undo/redo/replaceAll is one SQLite transaction, and memory changes only after it commits.
 */
export class WorkbookStore {
  readonly path: string;
  readonly #key: string;
  readonly #db: Database.Database;
  readonly #lock: LockHandle;
  readonly #now: () => Date;
  #workbook: Workbook;
  #revision: number;
  #undo: UndoPosition;
  #closed = false;

  private constructor(path: string, key: string, db: Database.Database, lock: LockHandle, loaded: LoadedWorkbook, now: () => Date) {
    this.path = path;
    this.#key = key;
    this.#db = db;
    this.#lock = lock;
    this.#now = now;
    this.#workbook = loaded.workbook;
    this.#revision = loaded.revision;
    this.#undo = loaded.undo;
  }

  static create(path: string, init: { department: Department; entryUnit?: MoneyUnit }, options: StoreOptions = {}): WorkbookStore {
    const department = modelSchemas.department.safeParse(init.department);
    if (!department.success) {
      const issue = department.error.issues[0];
      throw new UserError('store:invalidWorkbook', { field: `department.${issue?.path.join('.') ?? ''}`, detail: issue?.message ?? '' });
    }
    const workbook = emptyWorkbook(init.department);
    if (init.entryUnit) workbook.settings = { ...workbook.settings, entryUnit: init.entryUnit };
    return WorkbookStore.#createFile(path, workbook, 0, options);
  }

  /**
   * A new file holding `workbook` (a JSON import): validated first, then built whole under a
   * temporary name and linked into place, so a failure leaves no file behind and a retry can use
   * the name. Revision 1, as if an empty workbook had been created and replaced; no undo step.
   */
  static createWith(path: string, workbook: Workbook, options: StoreOptions = {}): WorkbookStore {
    validateWorkbook(workbook);
    checkTotals(workbook, null);
    return WorkbookStore.#createFile(path, structuredClone(workbook), 1, options);
  }

  static #createFile(path: string, workbook: Workbook, revision: number, options: StoreOptions): WorkbookStore {
    const target = resolve(path);
    if (!existsSync(dirname(target))) throw new UserError('store:folderMissing', { folder: dirname(target) });
    if (existsSync(target)) throw new UserError('store:exists', { path: target });
    const key = canonicalPath(target);
    const lock = takeLock(target, key, options);
    try {
      if (existsSync(target)) throw new UserError('store:exists', { path: target });
      removeAbandonedBuilds(target);
      buildNewFile(target, workbook, (options.now ?? systemClock)(), revision);
      return WorkbookStore.#openLocked(target, key, lock, options);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  static open(path: string, options: StoreOptions = {}): WorkbookStore {
    const target = resolve(path);
    checkHeader(target);
    const key = canonicalPath(target);
    const lock = takeLock(target, key, options);
    try {
      return WorkbookStore.#openLocked(target, key, lock, options);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /**
   * Reads header facts without opening for writing or locking: for "recent files" and `info`. The
   * file is read from a copy of its bytes (in memory, or with its side files in a temporary folder),
   * so nothing beside it is created — no -journal, -wal or -shm — even while another program holds it.
   */
  static inspect(path: string, options: { counts?: boolean } = {}): { schemaVersion: number; department: Department; revision: number; counts?: RecordCounts } {
    const target = resolve(path);
    const live = openHere.get(canonicalPath(target));
    if (live && !live.#closed) {
      const { units, incomeLines, budgetLines, projects } = live.workbook;
      const counts = options.counts ? { counts: { units: units.length, incomeLines: incomeLines.length, budgetLines: budgetLines.length, projects: projects.length } } : {};
      return { schemaVersion: SCHEMA_VERSION, department: live.workbook.department, revision: live.revision, ...counts };
    }
    const header = checkHeader(target);
    const read = (reader: Database.Database) => {
      try {
        // Counts only from a file of the current schema: an older one is counted after migration, by opening it.
        const counts = options.counts && header.userVersion === SCHEMA_VERSION ? { counts: readCounts(reader) } : {};
        return { schemaVersion: header.userVersion, department: readDepartment(reader, target), revision: readRevision(reader, target), ...counts };
      } catch (error) {
        throw asUserError(error, target);
      }
    };
    if (pendingSideFiles(target).length > 0) {
      return withPrivateCopy(target, read, (error) => {
        throw asUserError(error, target);
      });
    }
    const reader = openSnapshot(target, readBytes(target));
    try {
      return read(reader);
    } finally {
      reader.close();
    }
  }

  /**
   * With the lock file held: verify the file without touching it (an in-memory copy of its bytes),
   * then open it for writing under SQLite's exclusive lock, back up and migrate if it is older.
   */
  static #openLocked(target: string, key: string, lock: LockHandle, options: StoreOptions): WorkbookStore {
    // A rollback journal or write-ahead log beside the file: a commit was interrupted (or the file
    // is held elsewhere); SQLite finishes or undoes it when the file is opened on disk.
    const pendingLog = pendingSideFiles(target).length > 0;
    let loaded: LoadedWorkbook | null = null;
    if (!pendingLog) {
      const header = checkHeader(target);
      assertNotTruncated(target, header);
      const snapshot = openSnapshot(target, readBytes(target));
      try {
        verifyIntegrity(snapshot, target);
        if (header.userVersion === SCHEMA_VERSION) loaded = loadWorkbook(snapshot, target);
      } catch (error) {
        const refusal = asUserError(error, target);
        // A copy read while a holder the lock file does not name was saving can look damaged: say it is held.
        if (refusal.code === 'store:damaged' && !sqliteLockIsFree(target)) throw lockedError(target, null);
        throw refusal;
      } finally {
        snapshot.close();
      }
    }
    assertWritable(target);
    const db = openWriter(target);
    try {
      const version = verifyIdentity(db, target);
      // A file left with a journal or log (the program was killed) is checked after SQLite's recovery.
      if (pendingLog) verifyIntegrity(db, target);
      if (version < SCHEMA_VERSION) backupWorkbook(db, target, `v${version}`);
      configure(db, target);
      if (version < SCHEMA_VERSION) migrateOrRefuse(db, target, version);
      if (!loaded || readRevision(db, target) !== loaded.revision) loaded = loadWorkbook(db, target);
    } catch (error) {
      db.close();
      throw asUserError(error, target);
    }
    const store = new WorkbookStore(target, key, db, lock, loaded, options.now ?? systemClock);
    openHere.set(key, store);
    return store;
  }

  get workbook(): Workbook {
    return this.#workbook;
  }

  get revision(): number {
    return this.#revision;
  }

  get canUndo(): boolean {
    return !this.#closed && canUndo(this.#undo);
  }

  get canRedo(): boolean {
    return !this.#closed && canRedo(this.#undo);
  }

  /**
   * Applies one user action: validated, written and logged for undo in one transaction. `baseRevision`, when
   * given, is the revision the edits were made on (what the window last saw): if the workbook has changed since
   * (another window's edit, undo or import), the edits are refused whole and nothing is written.
   */
  apply(edits: readonly Edit[], options: RevisionGuard = {}): void {
    this.#assertOpen();
    this.#assertCurrent(options.baseRevision);
    if (edits.length === 0) return;
    validateEdits(edits);
    const owned = structuredClone(edits) as Edit[];
    const { workbook, inverse } = applyOrExplain(this.#workbook, owned);
    checkReferences(workbook, owned);
    checkTotals(workbook, owned);
    const committedAt = this.#now().toISOString();
    const undo = this.#commit(() => {
      writeChanges(this.#db, workbook, owned);
      return appendStep(this.#db, this.#undo, owned, inverse, committedAt);
    });
    this.#workbook = workbook;
    this.#undo = undo;
  }

  undo(options: RevisionGuard = {}): boolean {
    this.#assertOpen();
    this.#assertCurrent(options.baseRevision);
    if (!canUndo(this.#undo)) return false;
    const seq = this.#undo.cursor;
    this.#replay(seq, 'inverse', seq - 1);
    return true;
  }

  redo(options: RevisionGuard = {}): boolean {
    this.#assertOpen();
    this.#assertCurrent(options.baseRevision);
    if (!canRedo(this.#undo)) return false;
    const seq = this.#undo.cursor + 1;
    this.#replay(seq, 'edits', seq);
    return true;
  }

  /** Unsaved grid input by grid id (see schema V5): the JSON each grid last saved. */
  drafts(): Record<string, unknown> {
    this.#assertOpen();
    const rows = this.#db.prepare('SELECT grid, value FROM drafts ORDER BY grid').all() as { grid: string; value: string }[];
    return Object.fromEntries(rows.map((row) => [row.grid, JSON.parse(row.value) as unknown]));
  }

  /** Keeps a grid's unsaved input (one statement, committed at once); null forgets it. */
  saveDrafts(grid: string, value: unknown): void {
    this.#assertOpen();
    if (value === null) this.#db.prepare('DELETE FROM drafts WHERE grid = ?').run(grid);
    else this.#db.prepare('INSERT INTO drafts (grid, value) VALUES (?, ?) ON CONFLICT (grid) DO UPDATE SET value = excluded.value').run(grid, JSON.stringify(value));
  }

  /**
   * Replaces everything (JSON import) in one transaction, after a backup copy; the undo log is
   * cleared. A workbook never edited since it was created (revision 0) holds nothing to keep, so it
   * gets no backup.
   */
  replaceAll(workbook: Workbook): void {
    this.#assertOpen();
    validateWorkbook(workbook);
    checkTotals(workbook, null);
    const owned = structuredClone(workbook);
    if (this.#revision > 0) backupWorkbook(this.#db, this.path, `r${this.#revision}`);
    const undo = this.#commit(() => {
      writeWholeWorkbook(this.#db, owned);
      // Drafts name records of the replaced workbook.
      this.#db.exec('DELETE FROM drafts');
      return clearSteps(this.#db);
    });
    this.#workbook = owned;
    this.#undo = undo;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#db.close();
    } finally {
      if (openHere.get(this.#key) === this) openHere.delete(this.#key);
      this.#lock.release();
    }
  }

  /** Re-applies one side of a stored undo step and moves the cursor. */
  #replay(seq: number, side: 'edits' | 'inverse', cursorAfter: number): void {
    const damaged = (detail: string) =>
      new UserError('store:damaged', { path: this.path, context: 'row', table: 'undo_steps', row: seq, id: String(seq), field: side, detail });
    let edits: Edit[];
    try {
      const step = readStep(this.#db, seq);
      if (!step || !Array.isArray(step[side])) throw damaged('missing');
      edits = step[side] as Edit[];
      validateEdits(edits);
    } catch (error) {
      throw error instanceof UserError && error.code === 'store:damaged' ? error : damaged(errorText(error));
    }
    let workbook: Workbook;
    try {
      workbook = applyEdits(this.#workbook, edits).workbook;
    } catch (error) {
      throw damaged(errorText(error));
    }
    this.#commit(() => {
      writeChanges(this.#db, workbook, edits);
      setCursor(this.#db, cursorAfter);
    });
    this.#workbook = workbook;
    this.#undo = { ...this.#undo, cursor: cursorAfter };
  }

  /** Runs `write` and the revision bump in one immediate transaction; memory is updated by the caller after. */
  #commit<T>(write: () => T): T {
    try {
      const result = this.#db
        .transaction(() => {
          const value = write();
          this.#db.prepare('UPDATE state SET revision = revision + 1 WHERE id = 1').run();
          return value;
        })
        .immediate();
      this.#revision += 1;
      return result;
    } catch (error) {
      if (error instanceof UserError) throw error;
      const code = (error as { code?: string }).code ?? '';
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new UserError('store:invalidEdit', { context: 'brokenReference', detail: errorText(error) });
      if (code === 'SQLITE_FULL') throw new UserError('store:diskFull', { path: this.path });
      throw new UserError('store:writeFailed', { path: this.path, detail: errorText(error) });
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new UserError('store:closed', { path: this.path });
  }

  /** Refuses a change made on an older revision than the file's: it would be applied over changes its maker never saw. */
  #assertCurrent(baseRevision: number | undefined): void {
    if (baseRevision === undefined || baseRevision === this.#revision) return;
    throw new UserError('store:staleEdit', { path: this.path, base: baseRevision, revision: this.#revision, changes: Math.abs(this.#revision - baseRevision) });
  }
}

/** The revision a change was made on; absent, the change applies to whatever the file holds (the CLI, scripts). */
export interface RevisionGuard {
  baseRevision?: number;
}

function systemClock(): Date {
  return new Date();
}

/** The same file reached by different spellings of its folder gets one key. */
function canonicalPath(target: string): string {
  try {
    return join(realpathSync(dirname(target)), basename(target));
  } catch {
    return target;
  }
}

function takeLock(target: string, key: string, options: StoreOptions): LockHandle {
  try {
    return acquireLock(target, {
      host: options.hostName ?? hostname(),
      now: options.now ?? systemClock,
      heldHere: openHere.has(key),
      sqliteLockFree: () => !openHere.has(key) && sqliteLockIsFree(target),
    });
  } catch (error) {
    // The lock file cannot be written: the folder is read-only (a CD, a share mounted read-only, no permission).
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UserError('store:readOnly', { path: target, context: 'folder', folder: dirname(target) });
    throw asUserError(error, target);
  }
}

function readBytes(target: string): Buffer {
  try {
    return readRegularFile(target);
  } catch (error) {
    throw fileError(target, error);
  }
}

/**
 * Whether anyone holds SQLite's lock on the file, found by trying to take it: opened as the writer
 * opens it and closed again at once. (Taking it may finish SQLite's recovery of an interrupted
 * commit, which the open that follows would do anyway.) 'unknown' when SQLite cannot lock the file
 * at all (it is damaged, or no database): nobody is using it then either. A file that is not there
 * yet is held by nobody.
 */
function probeSqliteLock(target: string): 'free' | 'held' | 'unknown' {
  if (!existsSync(target)) return 'free';
  let db: Database.Database;
  try {
    db = new Database(target, { fileMustExist: true, timeout: 0 });
  } catch {
    return 'unknown';
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return 'free';
  } catch (error) {
    return String((error as { code?: string }).code ?? '').startsWith('SQLITE_BUSY') ? 'held' : 'unknown';
  } finally {
    db.close();
  }
}

function sqliteLockIsFree(target: string): boolean {
  return probeSqliteLock(target) !== 'held';
}

/** A file this process may not write (read-only attribute, read-only drive) is refused by name, before SQLite says "disk I/O error". */
function assertWritable(target: string): void {
  try {
    accessSync(target, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UserError('store:readOnly', { path: target });
    throw fileError(target, error);
  }
}

/** Opens for writing and takes SQLite's exclusive lock at once, before anything is read or written. */
function openWriter(target: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(target, { fileMustExist: true, timeout: 0 });
  } catch (error) {
    throw asUserError(error, target);
  }
  try {
    // EXCLUSIVE before the first access: the lock is held until close and no -shm file is used.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw lockedError(target, null);
    throw asUserError(error, target);
  }
}

/** The file's own answer (after any recovery) to "whose, and which version?". */
function verifyIdentity(db: Database.Database, target: string): number {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId !== APPLICATION_ID) throw new UserError('store:notWorkbook', { path: target });
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) throw new UserError('store:newerVersion', { path: target, fileVersion: version, supportedVersion: SCHEMA_VERSION });
  if (version < 1) throw new UserError('store:damaged', { path: target, detail: `schema version ${version}` });
  return version;
}

function verifyIntegrity(db: Database.Database, target: string): void {
  let result: string;
  let broken: unknown[];
  try {
    result = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check).join('; ');
    broken = db.pragma('foreign_key_check') as unknown[];
  } catch (error) {
    throw new UserError('store:damaged', { path: target, detail: errorText(error) });
  }
  if (result !== 'ok') throw new UserError('store:damaged', { path: target, detail: result.slice(0, 300) });
  if (broken.length > 0) throw new UserError('store:damaged', { path: target, detail: `${broken.length} broken references` });
}

/**
 * The durability settings (docs/workbook-file.md, "Durability"): a rollback journal, so that every
 * committed edit is in the main file when the commit returns and the file alone is complete; each
 * commit fsynced. A file written before (WAL) is switched over here: SQLite checkpoints its log into
 * the file and removes it.
 */
function configure(db: Database.Database, target: string): void {
  const mode = db.pragma('journal_mode = DELETE', { simple: true });
  if (mode !== 'delete') throw new UserError('store:ioError', { path: target, detail: `journal_mode is ${String(mode)}` });
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function migrateOrRefuse(db: Database.Database, target: string, fromVersion: number): void {
  try {
    migrate(db, fromVersion);
  } catch (error) {
    throw new UserError('store:migrationFailed', { path: target, fromVersion, toVersion: SCHEMA_VERSION, detail: errorText(error) });
  }
}

/**
 * Writes a complete new workbook under a temporary name and links it into place, so the target
 * either does not exist or is a whole workbook, and an existing file is never overwritten.
 */
function buildNewFile(target: string, workbook: Workbook, createdAt: Date, revision: number): void {
  const temporary = `${target}.creating-${randomBytes(6).toString('hex')}`;
  try {
    const db = new Database(temporary);
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db, 0);
      db.transaction(() => {
        db.prepare('INSERT INTO state (id, revision, undo_cursor, created_at) VALUES (1, ?, 0, ?)').run(revision, createdAt.toISOString());
        writeWholeWorkbook(db, workbook);
      }).immediate();
    } finally {
      db.close();
    }
    try {
      linkSync(temporary, target);
    } catch (error) {
      if (!LINKS_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      copyFileSync(temporary, target, constants.COPYFILE_EXCL);
    }
    syncFolder(dirname(target));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError('store:exists', { path: target });
    throw asUserError(error, target);
  } finally {
    for (const suffix of ['', '-journal']) {
      try {
        unlinkSync(`${temporary}${suffix}`);
      } catch {
        // already gone
      }
    }
  }
}

/**
 * Temporary files of earlier builds of this target that a killed program left behind. Only a
 * holder of the target's lock builds it, and we hold it now, so they are all abandoned.
 */
function removeAbandonedBuilds(target: string): void {
  const prefix = `${basename(target)}.creating-`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{12}(-journal|-wal|-shm)?$/.test(name.slice(prefix.length))) continue;
    try {
      unlinkSync(join(dirname(target), name));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** Makes a new directory entry durable (best effort: not every platform can fsync a folder). */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported here
  }
}

/** Applies edits in memory, turning a delete of a missing record into a user-facing error. */
function applyOrExplain(workbook: Workbook, edits: Edit[]): { workbook: Workbook; inverse: Edit[] } {
  try {
    return applyEdits(workbook, edits);
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    const index = edits.findIndex((edit) => edit.op === 'delete' && edit.collection === error.collection && edit.id === error.id);
    throw new UserError('store:invalidEdit', { context: 'unknownRecord', index: index + 1, target: `${error.collection}/${error.id}` });
  }
}

function asUserError(error: unknown, target: string): UserError {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('E')) return fileError(target, error);
  if (code === 'SQLITE_NOTADB') return new UserError('store:notWorkbook', { path: target });
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_IOERR_SHORT_READ') {
    return new UserError('store:damaged', { path: target, detail: errorText(error) });
  }
  if (code === 'SQLITE_BUSY') return lockedError(target, readLockHolder(target));
  if (code === 'SQLITE_FULL') return new UserError('store:diskFull', { path: target });
  if (code.startsWith('SQLITE_READONLY')) return new UserError('store:readOnly', { path: target });
  if (code.startsWith('SQLITE_CANTOPEN')) return new UserError('store:noAccess', { path: target });
  return new UserError('store:ioError', { path: target, detail: errorText(error) });
}
