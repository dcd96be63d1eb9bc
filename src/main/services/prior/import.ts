import { closeSync, readSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Workbook } from '../../../core/model';
import { previewFromExcel, previewFromWorkbook, priorYearOf, type PriorPreview } from '../../../core/prior/preview';
import { UserError } from '../../../shared/api';
import { fileError, openRegular, readRegularFile } from '../store/file-header';
import type { WorkbookStore } from '../store';
import { readWorkbookBytes, readWorkbookReadOnly } from './read-workbook';
import { containerKind, readXlsxSheets } from './read-xlsx';
import { XLSX_LIMITS } from './xlsx-limits';

/**
 * Last year's figures into this year's workbook, from last year's workbook or its published
 * Excel. `previewPrior` writes nothing; `importPrior` refuses a source with any problem (wrong
 * year, another department, nothing recognized) and otherwise replaces the prior-year figures in
 * one transaction — one undo step, so the import can be taken back.
 */

/** A file the main process can name, or bytes the renderer holds (an upload). */
export type PriorSource = { path: string } | { fileName: string; bytes: Uint8Array };

export async function previewPrior(target: Workbook, source: PriorSource): Promise<PriorPreview> {
  const fileName = 'path' in source ? basename(source.path) : basename(source.fileName);
  const kind = sourceKind(source);
  if (kind === 'workbook') {
    const last = 'path' in source ? readWorkbookReadOnly(source.path) : readWorkbookBytes(source.bytes, source.fileName);
    return previewFromWorkbook(target, last, fileName);
  }
  const bytes = 'path' in source ? readWhole(source.path, fileName) : source.bytes;
  const { grids, unreadable } = await readXlsxSheets(bytes, fileName);
  return previewFromExcel(target, grids, fileName, { unreadableSheets: unreadable });
}

/**
 * Without a workbook open: last year's workbook as the start of next year (its projects to tick,
 * the figures it would carry). A published Excel needs this year's workbook to import into.
 */
export async function previewPriorForNewYear(source: PriorSource): Promise<PriorPreview> {
  if (sourceKind(source) !== 'workbook') throw new UserError('prior:excelNeedsWorkbook', { fileName: 'path' in source ? basename(source.path) : source.fileName });
  const last = 'path' in source ? readWorkbookReadOnly(source.path) : readWorkbookBytes(source.bytes, source.fileName);
  const next = { ...last, department: { ...last.department, year: last.department.year + 1 }, priorYear: { year: null, source: '', figures: {} } };
  return previewFromWorkbook(next, last, 'path' in source ? basename(source.path) : basename(source.fileName));
}

export async function importPrior(store: WorkbookStore, source: PriorSource): Promise<PriorPreview> {
  if ('path' in source && resolve(source.path) === store.path) throw new UserError('prior:sameFile', { path: store.path });
  const preview = await previewPrior(store.workbook, source);
  const [problem] = preview.problems;
  if (problem) throw new UserError(problem.code, problem.params);
  store.apply([{ op: 'set', key: 'priorYear', value: priorYearOf(preview) }]);
  return preview;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** By content first (a renamed file is still what it is), by extension for files too damaged to tell. */
function sourceKind(source: PriorSource): 'workbook' | 'excel' {
  const head = 'path' in source ? readHead(source.path) : source.bytes.subarray(0, 16);
  if (Buffer.from(head).subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return 'workbook';
  if (containerKind(head) !== 'unknown') return 'excel';
  const extension = extname('path' in source ? source.path : source.fileName).toLowerCase();
  if (extension === '.budget') return 'workbook';
  if (extension === '.xlsx' || extension === '.xls') return 'excel';
  throw new UserError('prior:unsupportedFile', { fileName: 'path' in source ? source.path : source.fileName });
}

/** The first bytes, from a regular file only: a named pipe in the folder must not block the call. */
function readHead(path: string): Uint8Array {
  const head = Buffer.alloc(16);
  try {
    const fd = openRegular(path);
    try {
      const read = readSync(fd, head, 0, head.length, 0);
      return head.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw fileError(path, error);
  }
}

function readWhole(path: string, fileName: string): Uint8Array {
  try {
    return readRegularFile(path, XLSX_LIMITS.fileBytes);
  } catch (error) {
    if ((error as { code?: string }).code === 'EFBIG') {
      const size = (error as { size?: number }).size ?? 0;
      throw new UserError('prior:xlsx.fileTooLarge', { fileName, size: `${Math.round(size / 1024 / 102.4) / 10} MB`, limit: `${XLSX_LIMITS.fileBytes / 1024 / 1024} MB` });
    }
    throw fileError(path, error);
  }
}
