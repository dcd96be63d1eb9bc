import { basename } from 'node:path';
import { formatTemplateJson } from '../../../core/templates';
import { meaningChoices, type LearnNote } from '../../../core/templates/learn';
import type { ApiArgs, ApiResult } from '../../../shared/api';
import type { TemplateLibrary } from './library';
import { learnFromBytes } from './learn';
import { readPublishedFile } from './learn-read';

/** Rows of a sheet sent back for the side-by-side view: enough to show a seed-sized package whole. */
const MAX_ROWS_SHOWN = 400;
const MAX_COLUMNS_SHOWN = 40;

interface LearnHandlerDeps {
  templates: TemplateLibrary;
  /** A path from the wire → a path the service may read (inside the data folder in browser mode). */
  resolvePath: (path: string) => string;
  decode: (base64: string) => Uint8Array;
}

/** templates.learn (src/shared/api.ts): reads and learns, writes nothing. */
export function learnHandler({ templates, resolvePath, decode }: LearnHandlerDeps) {
  return {
    'templates.learn': async ({ source, baseId, factsPath, meanings }: ApiArgs<'templates.learn'>): Promise<ApiResult<'templates.learn'>> => {
      const path = 'path' in source ? resolvePath(source.path) : null;
      const fileName = path ? basename(path) : (source as { fileName: string }).fileName;
      const bytes = path ? readPublishedFile(path) : decode((source as { contentBase64: string }).contentBase64);
      const result = await learnFromBytes(bytes, fileName, {
        ...(baseId ? { baseId } : {}),
        ...(factsPath ? { factsPath: resolvePath(factsPath) } : {}),
        ...(meanings && meanings.length > 0 ? { meanings } : {}),
        resolveBase: (id) => templates.resolve(id),
      });
      const base = templates.has(result.baseId) ? templates.resolve(result.baseId) : null;
      const note = (item: LearnNote) => ({ code: item.code, params: item.params, cells: item.cells });
      return {
        fileName,
        baseId: result.baseId,
        variantText: result.template ? formatTemplateJson(result.variant) : null,
        problems: result.problems,
        sheets: result.grids.map((grid) => ({ name: grid.name, rows: grid.rows.slice(0, MAX_ROWS_SHOWN).map((row) => row.slice(0, MAX_COLUMNS_SHOWN)) })),
        tables: result.tables.map((table) => {
          const baseTable = table.baseTable ? base?.tables.find((candidate) => candidate.id === table.baseTable) : undefined;
          const choices = baseTable ? meaningChoices(baseTable) : [];
          const proof = result.proof?.tables.find((item) => item.sheet === table.sheet && item.title === table.title);
          return {
            sheet: table.sheet,
            range: table.range,
            title: table.title,
            status: table.status,
            tableId: table.spec.id,
            baseTable: table.baseTable,
            columns: table.spec.columns.map((id) => ({ id, choices })),
            learned: table.learned.map(note),
            uncertain: table.uncertain.map(note),
            notLearned: table.notLearned.map(note),
            proof: proof ? { numberCells: proof.numberCells, reproduced: proof.reproduced, different: proof.different.map((cell) => cell.cell) } : null,
          };
        }),
        removed: result.removed,
        notes: result.notes.map(note),
        proof: result.proof ? { numberCells: result.proof.numberCells, reproduced: result.proof.reproduced, different: result.proof.different } : null,
      };
    },
  };
}
