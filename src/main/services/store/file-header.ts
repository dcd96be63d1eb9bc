import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';
import { UserError } from '../../../shared/api';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;

/** The facts of a SQLite file's first 100 bytes that decide whether we may open it. */
export interface FileHeader {
  pageSize: number;
  applicationId: number;
  userVersion: number;
  /** Pages the header says the file holds, when that count is trustworthy (see the SQLite file format). */
  pageCount: number | null;
  fileSize: number;
}

/**
 * Reads the header with plain file reads — no SQLite connection, no lock, no side files — and
 * refuses files that are not workbooks or come from a newer program. Throws UserErrors.
 */
export function checkHeader(path: string): FileHeader {
  const bytes = Buffer.alloc(HEADER_SIZE);
  let fileSize: number;
  let read: number;
  try {
    const fd = openRegular(path);
    try {
      fileSize = fstatSync(fd).size;
      read = readSync(fd, bytes, 0, HEADER_SIZE, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw fileError(path, error);
  }
  const hasMagic = read >= MAGIC.length && bytes.subarray(0, MAGIC.length).equals(MAGIC);
  if (!hasMagic) throw new UserError('store:notWorkbook', { path });
  if (read < HEADER_SIZE) throw new UserError('store:damaged', { path, detail: 'header cut short' });
  const applicationId = bytes.readInt32BE(68);
  if (applicationId !== APPLICATION_ID) throw new UserError('store:notWorkbook', { path });
  const userVersion = bytes.readInt32BE(60);
  if (userVersion > SCHEMA_VERSION) {
    throw new UserError('store:newerVersion', { path, fileVersion: userVersion, supportedVersion: SCHEMA_VERSION });
  }
  if (userVersion < 1) throw new UserError('store:damaged', { path, detail: `schema version ${userVersion}` });
  const rawPageSize = bytes.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw new UserError('store:damaged', { path, detail: `page size ${rawPageSize}` });
  }
  // The in-header page count is valid only when the "version-valid-for" number matches the change counter.
  const pageCount = bytes.readUInt32BE(92) === bytes.readUInt32BE(24) ? bytes.readUInt32BE(28) : null;
  return { pageSize, applicationId, userVersion, pageCount, fileSize };
}

/** A file shorter than its header says has lost its tail (copied or saved only in part). */
export function assertNotTruncated(path: string, header: FileHeader): void {
  if (header.fileSize % header.pageSize !== 0 || (header.pageCount !== null && header.pageCount * header.pageSize > header.fileSize)) {
    throw new UserError('store:damaged', {
      path,
      detail: `file is ${header.fileSize} bytes, header expects ${(header.pageCount ?? 0) * header.pageSize}`,
    });
  }
}

/**
 * An in-memory, read-only copy of the file's current bytes. Reading it can create no -wal/-shm
 * file and takes no lock. Only a faithful image when the file has no pending write-ahead log.
 */
export function openSnapshot(path: string, bytes: Buffer): Database.Database {
  // A WAL-mode header (bytes 18/19 = 2) makes SQLite look for a -wal file; an in-memory image has none.
  const image = Buffer.from(bytes);
  if (image.length >= HEADER_SIZE) {
    image[18] = 1;
    image[19] = 1;
  }
  try {
    return new Database(image, { readonly: true });
  } catch (error) {
    throw new UserError('store:damaged', { path, detail: errorText(error) });
  }
}

export function fileError(path: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new UserError('store:notFound', { path });
  if (code === NOT_REGULAR || code === 'EISDIR') return new UserError('store:notAFile', { path });
  if (code === 'EACCES' || code === 'EPERM') return new UserError('store:noAccess', { path });
  if (code === 'EROFS') return new UserError('store:readOnly', { path });
  return new UserError('store:ioError', { path, detail: errorText(error) });
}

/** The error code `openRegular` fails with for a folder, a named pipe, a device or a socket. */
export const NOT_REGULAR = 'ENOTREGULAR';

/**
 * Opens a file for reading only if it is a regular file. The open itself does not wait (a named
 * pipe without a writer would block a plain open for ever); anything but a regular file is closed
 * again and refused with an error whose code is NOT_REGULAR. Returns the descriptor.
 */
export function openRegular(path: string): number {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  let regular = false;
  try {
    regular = fstatSync(fd).isFile();
  } finally {
    if (!regular) closeSync(fd);
  }
  if (!regular) throw Object.assign(new Error(`${path} is not a regular file`), { code: NOT_REGULAR });
  return fd;
}

/**
 * A regular file's bytes (see openRegular). With `limit`, a file larger than that fails with an
 * error whose code is 'EFBIG' before anything is read.
 */
export function readRegularFile(path: string, limit?: number): Buffer {
  const fd = openRegular(path);
  try {
    const size = fstatSync(fd).size;
    if (limit !== undefined && size > limit) throw Object.assign(new Error(`${path} is ${size} bytes, more than ${limit}`), { code: 'EFBIG', size });
    const bytes = Buffer.alloc(size);
    let offset = 0;
    while (offset < size) {
      const read = readSync(fd, bytes, offset, size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return offset === size ? bytes : bytes.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
