import { formatTemplateJson } from '../../core/templates';
import type { LearnNote, LearnResult } from '../../core/templates/learn';
import { UserError } from '../../shared/api';
import { createI18n, languageFromEnv } from '../../shared/i18n';
import { writeFileAtomic } from '../services/export/files';
import { defaultConfigDir } from '../services/config-dir';
import { learnFromFile, nothingLearned } from '../services/templates/learn';
import { TemplateLibrary } from '../services/templates/library';
import type { Command } from './commands';

/**
 * `template learn <published.xlsx> [--base ID] [--facts last.budget] --out variant.json` (docs/templates.md,
 * "Learning a layout from last year's published Excel"): prints what was learned table by table, with cell
 * references, and the proof's counts; writes the variant only when the file was read as a package and the
 * variant loads. Exit 0: every published number reproduced (or no facts to prove with); 1: some are not;
 * 2: the file could not be read, nothing was learned, or the command was misused.
 */
export const LEARN_COMMAND: Command = {
  usage: 'template learn <published.xlsx> [--base ID] [--facts last.budget] --out variant.json',
  options: { base: { type: 'string' }, facts: { type: 'string' }, out: { type: 'string' } },
  async run(positionals, values, context) {
    // Registered as `template learn …` or as a command of its own.
    const args = positionals[0] === 'learn' ? positionals.slice(1) : positionals;
    const [file] = args;
    if (!file || typeof values.out !== 'string') throw new UserError('cli:missingArgument', { usage: this.usage });
    const out = context.resolvePath(values.out);
    // The library the command line sees (built-ins and the templates folder), as template-commands.ts builds it.
    const library = new TemplateLibrary(defaultConfigDir(context.io.env));
    const baseId = typeof values.base === 'string' ? values.base : undefined;
    const result = await learnFromFile({
      path: context.resolvePath(file),
      ...(baseId ? { baseId } : {}),
      ...(typeof values.facts === 'string' ? { factsPath: context.resolvePath(values.facts) } : {}),
      resolveBase: (id) => library.resolve(id),
    });
    const i18n = createI18n(languageFromEnv(context.io.env));
    const word = (note: LearnNote) => ({ ...note, message: i18n.t(note.code, note.params) });
    const report = summarize(result, word);
    if (nothingLearned(result)) {
      context.printJson({ file: result.fileName, written: null, ...report });
      for (const table of result.tables) context.io.stderr(`${i18n.t('template:learn.tableUnmapped', { title: table.title || table.sheet })} (${table.range})\n`);
      context.io.stderr(`${i18n.t('template:learn.notAPackage', { fileName: result.fileName, sheets: result.sheets.length, names: result.sheets.slice(0, 8).join(', ') })}\n`);
      return 2;
    }
    if (!result.template) {
      const problems = result.problems.map((problem) => ({ ...problem, message: i18n.t('template:problem', { path: problem.path, message: i18n.t(problem.messageKey, problem.params) }) }));
      context.printJson({ file: result.fileName, written: null, problems, ...report });
      context.io.stderr(`${i18n.t('template:learn.variantBroken', { count: problems.length })}\n`);
      return 2;
    }
    writeFileAtomic(out, formatTemplateJson(result.variant));
    context.printJson({ file: result.fileName, written: out, ...report });
    const unreproduced = result.proof ? result.proof.different : 0;
    if (unreproduced > 0) context.io.stderr(`${i18n.t('template:learn.notReproduced', { count: unreproduced, total: result.proof?.numberCells ?? 0 })}\n`);
    // Without facts nothing is proved, but a table left unmapped with amounts is certainly not reproduced.
    const unmapped = result.tables.filter((table) => table.status === 'unmapped' && !table.notLearned.some((note) => note.code === 'template:learn.noAmounts'));
    for (const table of unmapped) context.io.stderr(`${i18n.t('template:learn.tableUnmapped', { title: table.title || table.sheet })} (${table.range})\n`);
    return unreproduced > 0 || (!result.proof && unmapped.length > 0) ? 1 : 0;
  },
};

function summarize(result: LearnResult, word: (note: LearnNote) => LearnNote & { message: string }) {
  return {
    base: result.baseId,
    variant: result.variant.id,
    tables: result.tables.map((table) => ({
      sheet: table.sheet,
      range: table.range,
      title: table.title,
      status: table.status,
      baseTable: table.baseTable,
      score: Math.round(table.score * 100) / 100,
      learned: table.learned.map(word),
      uncertain: table.uncertain.map(word),
      notLearned: table.notLearned.map(word),
    })),
    removed: result.removed,
    money: result.money,
    notes: result.notes.map(word),
    proof: result.proof
      ? {
          numberCells: result.proof.numberCells,
          reproduced: result.proof.reproduced,
          different: result.proof.different,
          tables: result.proof.tables.map((table) => ({
            sheet: table.sheet,
            table: table.table,
            numberCells: table.numberCells,
            reproduced: table.reproduced,
            different: table.different.slice(0, 50),
            extra: table.extra.length,
            formatDiffers: table.formatDiffers.length,
          })),
        }
      : null,
  };
}

