import { basename } from 'node:path';
import type { Workbook } from '../../../core/model';
import type { TemplateSpec } from '../../../core/tables/spec';
import { TEMPLATES } from '../../../core/templates';
import type { SheetGrid } from '../../../core/prior/grid';
import { learnTemplate, type LearnOptions, type LearnResult } from '../../../core/templates/learn';
import { UserError } from '../../../shared/api';
import { readWorkbookReadOnly } from '../prior';
import { readPublishedFile, readPublishedGrids } from './learn-read';

/**
 * Learning a layout from a published package on disk (docs/templates.md): the .xlsx read as displayed, last
 * year's workbook read without touching it, the bases the library knows. Nothing is written here; the caller
 * writes the variant only when the clerk (or the command line) takes it.
 */

export interface LearnFileRequest {
  path: string;
  /** The base to extend; otherwise the nearest of `bases`. */
  baseId?: string;
  /** Last year's workbook (.budget) for the proof. */
  factsPath?: string;
  /** Defaults to the built-ins. */
  bases?: readonly TemplateSpec[];
  /** Resolves a base id that is not among `bases` (a template of the bureau's folder). */
  resolveBase?: (id: string) => TemplateSpec;
}

export async function learnFromFile(request: LearnFileRequest): Promise<LearnResult & { fileName: string; facts: Workbook | null; sheets: string[] }> {
  const { grids: _grids, ...result } = await learnFromBytes(readPublishedFile(request.path), basename(request.path), request);
  return result;
}

/** The same from the file's bytes (a file the renderer holds); the sheets as read come back for the side-by-side view. */
export async function learnFromBytes(
  bytes: Uint8Array,
  fileName: string,
  request: Omit<LearnFileRequest, 'path'> & { meanings?: LearnOptions['meanings'] },
): Promise<LearnResult & { fileName: string; facts: Workbook | null; sheets: string[]; grids: SheetGrid[] }> {
  const grids = await readPublishedGrids(bytes, fileName);
  if (grids.every((grid) => grid.rows.every((row) => row.every((text) => text.trim() === '')))) throw new UserError('template:learn.emptyFile', { fileName });
  const facts = request.factsPath ? readWorkbookReadOnly(request.factsPath) : null;
  let bases: readonly TemplateSpec[] = request.bases ?? Object.values(TEMPLATES);
  if (request.baseId && !bases.some((base) => base.id === request.baseId)) {
    if (!request.resolveBase) throw new UserError('template:notFound', { id: request.baseId, ids: bases.map((base) => base.id).join(', ') });
    bases = [...bases, request.resolveBase(request.baseId)];
  }
  const result = learnTemplate(grids, { bases, ...(request.baseId ? { baseId: request.baseId } : {}), ...(facts ? { facts } : {}), ...(request.meanings ? { meanings: request.meanings } : {}) });
  return { ...result, fileName, facts, sheets: grids.map((grid) => grid.name), grids };
}

/** No table of the file could be read as a table of a package: nothing to take. */
export function nothingLearned(result: LearnResult): boolean {
  return !result.tables.some((table) => table.status !== 'unmapped');
}
