import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { catalogFor, catalogForWorkbook, planCatalogImport, workbookEdition, type CatalogImportPlan } from '../../core/catalog';
import type { CatalogEntry, CatalogKind } from '../../core/model';
import { UserError } from '../../shared/api';
import { createI18n, languageFromEnv } from '../../shared/i18n';
import { importCatalogFile, type ImportWarning } from '../services/catalog-import';
import { readWorkbookReadOnly } from '../services/prior';
import { WorkbookStore } from '../services/store';
import type { Command, CommandContext } from './commands';

const KINDS: readonly CatalogKind[] = ['function', 'deptEcon', 'govEcon'];

interface ReadList {
  kinds: CatalogKind[];
  entries: CatalogEntry[];
  warnings: ImportWarning[];
}

/**
 * Reads a list of one kind (`--kind`) or, without it, of whichever kinds the file holds: each kind's
 * rows are its codes (2…, 3…, 5…), so a row another present kind reads is no bad row.
 */
async function readList(path: string, kind: CatalogKind | undefined): Promise<ReadList> {
  const fileName = basename(path);
  const bytes = new Uint8Array(readFileSync(path));
  if (kind) {
    const { entries, warnings } = await importCatalogFile(fileName, bytes, kind);
    return { kinds: [kind], entries, warnings };
  }
  const found: { kind: CatalogKind; entries: CatalogEntry[]; warnings: ImportWarning[] }[] = [];
  let noCodes: unknown;
  for (const candidate of KINDS) {
    try {
      found.push({ kind: candidate, ...(await importCatalogFile(fileName, bytes, candidate)) });
    } catch (error) {
      // Unreadable, too large, .xls: the same for every kind, so say it at once.
      if (!(error instanceof UserError) || error.code !== 'catalog:noCodes') throw error;
      noCodes = error;
    }
  }
  if (found.length === 0) throw noCodes;
  const seen = new Set<string>();
  const warnings: ImportWarning[] = [];
  for (const { warnings: list } of found) {
    for (const warning of list) {
      if (warning.code === 'catalog:wrongKind') continue;
      const id = JSON.stringify(warning);
      if (!seen.has(id)) warnings.push(warning);
      seen.add(id);
    }
  }
  warnings.sort((a, b) => Number(a.params.row ?? Infinity) - Number(b.params.row ?? Infinity));
  return { kinds: found.map((entry) => entry.kind), entries: found.flatMap((entry) => entry.entries), warnings };
}

function parseKind(value: string | boolean | undefined): CatalogKind | undefined {
  if (value === undefined) return undefined;
  const kind = KINDS.find((candidate) => candidate.toLowerCase() === String(value).toLowerCase());
  if (!kind) throw new UserError('cli:catalogBadKind', { value: String(value) });
  return kind;
}

function report(plan: CatalogImportPlan, list: ReadList, extra: Record<string, unknown>, worded: (warning: ImportWarning) => string) {
  return {
    ...extra,
    kinds: list.kinds,
    entries: list.entries.length,
    added: plan.added,
    renamed: plan.renamed,
    unchanged: plan.unchanged,
    badRows: list.warnings.map((warning) => ({ ...warning, message: worded(warning) })),
  };
}

async function importCommand(positionals: string[], values: Record<string, string | boolean | undefined>, context: CommandContext, usage: string): Promise<number> {
  const listArgument = positionals[1];
  if (!listArgument) throw new UserError('cli:missingArgument', { usage });
  const listPath = context.resolvePath(listArgument);
  if (!existsSync(listPath)) throw new UserError('cli:fileNotFound', { path: listPath });
  const workbookPath = typeof values.workbook === 'string' ? context.resolvePath(values.workbook) : undefined;
  if (workbookPath !== undefined && !existsSync(workbookPath)) throw new UserError('cli:fileNotFound', { path: workbookPath });
  const i18n = createI18n(languageFromEnv(context.io.env));
  const worded = (warning: ImportWarning) => i18n.t(warning.code, warning.params);

  // The whole list is read and planned before the workbook is opened for writing: a refusal changes nothing.
  const list = await readList(listPath, parseKind(values.kind));
  const skipBadRows = values['skip-bad-rows'] === true;
  const refused = list.warnings.length > 0 && !skipBadRows;
  const dryRun = values['dry-run'] === true || workbookPath === undefined;

  if (dryRun || refused) {
    // Only read: the workbook file is not opened for writing (its lock, its log) on a dry run or a refusal.
    const workbook = workbookPath === undefined ? undefined : readWorkbookReadOnly(workbookPath);
    const existing = workbook?.catalogEntries ?? [];
    const catalog = workbook ? catalogForWorkbook(workbook) : catalogFor();
    const plan = planCatalogImport(existing, list.entries, catalog);
    context.printJson(
      report(plan, list, { list: listPath, workbook: workbookPath ?? null, edition: workbook ? workbookEdition(workbook) : catalog.edition, applied: false }, worded),
    );
    if (refused) {
      const rows = list.warnings.map((warning) => `  ${worded(warning)}`).join('\n');
      context.io.stderr(`${i18n.t('cli:catalogBadRows', { fileName: basename(listPath), count: list.warnings.length, rows })}\n`);
      return 1;
    }
    return 0;
  }

  const store = WorkbookStore.open(workbookPath as string);
  try {
    const plan = planCatalogImport(store.workbook.catalogEntries, list.entries, catalogForWorkbook(store.workbook));
    const changed = plan.added.length > 0 || plan.renamed.length > 0 || plan.next.length !== store.workbook.catalogEntries.length;
    // One edit: the import is one undo step, or nothing at all when the list adds and renames nothing.
    if (changed) store.apply([{ op: 'set', key: 'catalogEntries', value: plan.next }]);
    context.printJson(
      report(plan, list, { list: listPath, workbook: store.path, edition: workbookEdition(store.workbook), applied: changed, revision: store.revision }, worded),
    );
  } finally {
    store.close();
  }
  return 0;
}

export const CATALOG_COMMANDS: Record<string, Command> = {
  catalog: {
    usage: 'catalog import <list.xlsx|list.csv|list.txt> [--workbook F.budget] [--kind function|deptEcon|govEcon] [--dry-run] [--skip-bad-rows]',
    options: { workbook: { type: 'string' }, kind: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'skip-bad-rows': { type: 'boolean' } },
    async run(positionals, values, context) {
      if (positionals[0] !== 'import') throw new UserError('cli:missingArgument', { usage: this.usage });
      return importCommand(positionals, values, context, this.usage);
    },
  },
};
