import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { UserError } from '../../../shared/api';
import { readRegularFile } from './file-header';

/** What a lock file says about the process holding the workbook. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** Random per acquisition, so a holder only ever removes its own lock file. */
  token: string;
  /** The machine's id (/etc/machine-id), so a renamed host is still recognized as this machine; '' where there is none. */
  machine: string;
  /** When the process started ("<boot id>:<clock ticks>", Linux), so a reused pid is told from the process that took the lock; '' where unknown. */
  started: string;
}

export interface LockContext {
  host: string;
  now: () => Date;
  /** True when this process has the workbook open right now (then its own pid in the lock is not stale). */
  heldHere: boolean;
  /**
   * True when nobody holds SQLite's own lock on the workbook (so nobody has it open). Asked only
   * when the lock file cannot tell: it is empty or garbled, or names another machine, or a live
   * process whose start time cannot be compared.
   */
  sqliteLockFree: () => boolean;
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
 *
 * An existing lock is stale, and taken over, when its process is gone; when a live process has its
 * pid but started at another time (the pid was reused); when it names this process while this
 * process does not have the file open; or when it cannot tell (empty or garbled, another machine,
 * no start time to compare) and SQLite's own lock on the workbook is free. Anything else refuses
 * with `store:locked`, naming the holder and the lock file. (SQLite's exclusive locking mode, taken
 * right after, is the final arbiter should two processes race through a takeover.)
 */
export function acquireLock(workbookPath: string, context: LockContext): LockHandle {
  const path = lockPathOf(workbookPath);
  const holder: LockHolder = {
    pid: process.pid,
    host: context.host,
    since: context.now().toISOString(),
    token: randomBytes(8).toString('hex'),
    machine: thisMachine(),
    started: processStart(process.pid) ?? '',
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
      if (existing.kind === 'missing') continue;
      let verdict = existing.kind === 'holder' ? judge(existing.holder, context) : 'unknown';
      if (verdict === 'unknown') verdict = context.sqliteLockFree() ? 'stale' : 'live';
      if (verdict === 'live') throw lockedError(workbookPath, existing.kind === 'holder' ? existing.holder : null);
      removeIfUnchanged(path, existing.text);
    }
    throw lockedError(workbookPath, null);
  } finally {
    unlinkQuietly(staging);
  }
}

/** The holder named in a workbook's lock file, if any (for messages). */
export function readLockHolder(workbookPath: string): LockHolder | null {
  const existing = readHolder(lockPathOf(workbookPath));
  return existing.kind === 'holder' ? existing.holder : null;
}

/** `store:locked`, naming the holder (when known) and the lock file, so the message can say how to recover. */
export function lockedError(workbookPath: string, holder: LockHolder | null): UserError {
  const lockFile = lockPathOf(workbookPath);
  if (!holder) return new UserError('store:locked', { path: workbookPath, context: 'unknownHolder', lockFile });
  return new UserError('store:locked', { path: workbookPath, pid: holder.pid, host: holder.host, since: holder.since, lockFile });
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

/** What the lock file alone says: its holder is gone ('stale'), is there ('live'), or it cannot tell. */
function judge(holder: LockHolder, context: LockContext): 'stale' | 'live' | 'unknown' {
  const machine = thisMachine();
  // The same machine under a new host name is still this machine.
  const sameMachine = holder.machine !== '' && machine !== '' ? holder.machine === machine : holder.host === context.host;
  if (!sameMachine) return 'unknown';
  if (holder.pid === process.pid) return context.heldHere ? 'live' : 'stale';
  if (!isProcessAlive(holder.pid)) return 'stale';
  const started = processStart(holder.pid);
  if (holder.started !== '' && started !== null) return holder.started === started ? 'live' : 'stale';
  return 'unknown';
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let machineId: string | null = null;

/** This machine's id (systemd/dbus machine-id), '' where the system has none. */
export function thisMachine(): string {
  if (machineId === null) {
    machineId = '';
    for (const file of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
      try {
        const text = readFileSync(file, 'utf8').trim();
        if (/^[0-9a-f]{16,64}$/i.test(text)) {
          machineId = text.toLowerCase();
          break;
        }
      } catch {
        // not this system's way
      }
    }
  }
  return machineId;
}

/**
 * When a process started, as "<boot id>:<start time in clock ticks>" (field 22 of /proc/<pid>/stat),
 * or null where that cannot be read (the process is gone, or the system has no /proc).
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 is the command in parentheses and may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = fields[19];
    if (!ticks || !/^\d+$/.test(ticks)) return null;
    let boot = '';
    try {
      boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      // an older kernel: the start time alone
    }
    return `${boot}:${ticks}`;
  } catch {
    return null;
  }
}

type ExistingLock = { kind: 'missing' } | { kind: 'unreadable'; text: string | null } | { kind: 'holder'; holder: LockHolder; text: string };

function readHolder(path: string): ExistingLock {
  let text: string;
  try {
    // Only a regular file: a pipe put in its place must not block.
    text = readRegularFile(path, 64 * 1024).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', text: null };
  }
  try {
    const value = JSON.parse(text) as Partial<Record<keyof LockHolder, unknown>>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return { kind: 'unreadable', text };
    const optional = (field: unknown) => (typeof field === 'string' ? field : '');
    return {
      kind: 'holder',
      text,
      holder: { pid: value.pid, host: value.host, since: optional(value.since), token: optional(value.token), machine: optional(value.machine), started: optional(value.started) },
    };
  } catch {
    return { kind: 'unreadable', text };
  }
}

function releaseLock(path: string, token: string): void {
  const current = readHolder(path);
  if (current.kind === 'holder' && current.holder.token === token) unlinkQuietly(path);
}

/** Removes a stale lock only if it still reads as it did (never someone else's newer lock). */
function removeIfUnchanged(path: string, text: string | null): void {
  const current = readHolder(path);
  if (current.kind !== 'missing' && current.text === text) unlinkQuietly(path);
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
