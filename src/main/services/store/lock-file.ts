import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { UserError } from '../../../shared/api';

/** What a lock file says about the process holding the workbook. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** Random per acquisition, so a holder only ever removes its own lock file. */
  token: string;
}

export interface LockContext {
  host: string;
  now: () => Date;
  /** True when this process has the workbook open right now (then its own pid in the lock is not stale). */
  heldHere: boolean;
}

export interface LockHandle {
  readonly path: string;
  readonly holder: LockHolder;
  release(): void;
}

export function lockPathOf(workbookPath: string): string {
  return `${workbookPath}.lock`;
}

/**
 * Takes `<workbook>.lock`. The file is written in full under a temporary name and then hard-linked
 * into place, which fails atomically when a lock exists, so nobody ever sees a half-written lock.
 * A lock left by a dead process on this host is taken over; any other lock refuses with
 * `store:locked` naming the holder. (SQLite's exclusive locking mode, taken right after, is the
 * final arbiter should two processes race through a takeover.)
 */
export function acquireLock(workbookPath: string, context: LockContext): LockHandle {
  const path = lockPathOf(workbookPath);
  const holder: LockHolder = {
    pid: process.pid,
    host: context.host,
    since: context.now().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const staging = `${path}.${holder.token}.tmp`;
  writeDurably(staging, `${JSON.stringify(holder)}\n`);
  try {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        publish(staging, path, holder);
        return { path, holder, release: () => releaseLock(path, holder.token) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const existing = readHolder(path);
      if (existing === 'missing') continue;
      if (existing === 'unreadable' || !isStale(existing, context)) throw lockedError(workbookPath, existing === 'unreadable' ? null : existing);
      removeIfSame(path, existing.token);
    }
    throw lockedError(workbookPath, null);
  } finally {
    unlinkQuietly(staging);
  }
}

/** The holder named in a workbook's lock file, if any (for messages). */
export function readLockHolder(workbookPath: string): LockHolder | null {
  const holder = readHolder(lockPathOf(workbookPath));
  return typeof holder === 'string' ? null : holder;
}

export function lockedError(workbookPath: string, holder: LockHolder | null): UserError {
  if (!holder) return new UserError('store:locked', { path: workbookPath, context: 'unknownHolder' });
  return new UserError('store:locked', { path: workbookPath, pid: holder.pid, host: holder.host, since: holder.since });
}

/** Puts the lock in place or fails with EEXIST; without hard links (FAT/exFAT drives) an O_EXCL create. */
function publish(staging: string, path: string, holder: LockHolder): void {
  try {
    linkSync(staging, path);
  } catch (error) {
    if (!LINKS_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    writeDurably(path, `${JSON.stringify(holder)}\n`);
  }
}

/** Errors a file system without hard links answers link() with. */
export const LINKS_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV']);

function isStale(holder: LockHolder, context: LockContext): boolean {
  if (holder.host !== context.host) return false;
  if (holder.pid === process.pid) return !context.heldHere;
  return !isProcessAlive(holder.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return 'unreadable';
    return { pid: value.pid, host: value.host, since: String(value.since ?? ''), token: String(value.token ?? '') };
  } catch {
    return 'unreadable';
  }
}

function releaseLock(path: string, token: string): void {
  removeIfSame(path, token);
}

/** Removes the lock file only if it still carries `token` (never someone else's newer lock). */
function removeIfSame(path: string, token: string): void {
  const current = readHolder(path);
  if (typeof current !== 'string' && current.token === token) unlinkQuietly(path);
}

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
