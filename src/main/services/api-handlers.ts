import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import type { Edit } from '../../core/edits';
import {
  UserError,
  apiMethods,
  draftTableSchema,
  type ApiErrorPayload,
  type ApiMethodName,
  type ApiMethods,
  type ApiResponse,
  type ApiResult,
  type DraftTablePayload,
  type WorkbookSummary,
} from '../../shared/api';
import type { CatalogEntry } from '../../core/model';
import { importCatalogFile } from './catalog-import';
import {
  EXPORT_EXTENSIONS,
  ExportJobs,
  exportFiles,
  previewTablesHtml,
  printablePackage,
  resolveExportPath,
  runExport,
  type ExportOutcome,
  type PdfPrinter,
  type PrintDialog,
} from './export';
import { createNewYear, importPrior, previewPrior, previewPriorForNewYear, type PriorSource } from './prior';
import { RecentFiles } from './recent-files';
import { confinedPath } from './export/files';
import { WorkbookStore } from './store';
import { TemplateLibrary } from './templates/library';
import { templateHandlers } from './templates/handlers';
import { learnHandler } from './templates/learn-handler';

export const WORKBOOK_EXTENSION = '.budget';

/** File dialogs: native ones in Electron; in browser mode they return null and the page asks for a path. */
export interface WorkbookDialogs {
  openWorkbook(): Promise<string | null>;
  saveWorkbook(suggestedName: string): Promise<string | null>;
  /** Any file to write, e.g. an export; absent where there are no native dialogs. */
  saveFile?(suggestedName: string, filters: { name: string; extensions: string[] }[]): Promise<string | null>;
}

export const noDialogs: WorkbookDialogs = {
  openWorkbook: async () => null,
  saveWorkbook: async () => null,
};

export interface ApiHandlerDeps {
  transport: 'electron' | 'web';
  version: string;
  /** Folder for the app's own small files (the recent-files list). */
  configDir: string;
  /** Where workbooks live by default; relative workbook paths resolve inside it. */
  dataDir: string | null;
  dialogs: WorkbookDialogs;
  /** Prints the PDF package (Electron: webContents.printToPDF); without one, a system Chromium is launched per export. */
  pdfPrinter?: PdfPrinter;
  /** The system print dialog (Electron); without one, export.print hands the package to the page to print. */
  printDialog?: PrintDialog;
}

type HandlerArgs<M extends ApiMethodName> = z.output<ApiMethods[M]['args']>;
export type ApiHandlers = {
  [M in ApiMethodName]: (args: HandlerArgs<M>) => Promise<ApiResult<M>>;
};

/** The handlers plus `dispose`, which closes the open workbook (window closed, server stopping). */
export type ApiSession = ApiHandlers & { dispose(): void };

/**
 * One session's implementation of the API contract: a window in Electron, a server run in
 * browser mode. A session has at most one workbook open; opening another closes the first.
 */
export function createApiHandlers(deps: ApiHandlerDeps): ApiSession {
  const recent = new RecentFiles(deps.configDir);
  const templates = new TemplateLibrary(deps.configDir);
  let current: WorkbookStore | null = null;
  const exportJobs = new ExportJobs<ExportOutcome>();
  // Browser mode has no save dialog to show where a file goes: it writes only inside the data folder.
  const writeRoot = deps.transport === 'web' ? deps.dataDir : null;

  const openStore = (): WorkbookStore => {
    if (!current) throw new UserError('app:error.noWorkbookOpen');
    return current;
  };

  const switchTo = (store: WorkbookStore): WorkbookSummary => {
    if (current && current !== store) current.close();
    current = store;
    const summary = summarize(store);
    recent.remember({ path: summary.path, departmentName: summary.departmentName, year: summary.year });
    return summary;
  };

  /** A prior-year source as the wire carries it → a path in the data folder, or the uploaded bytes. */
  const priorSource = (source: { path: string } | { fileName: string; contentBase64: string }): PriorSource =>
    'path' in source ? { path: resolveWorkbookPath(source.path, deps.dataDir, false) } : { fileName: source.fileName, bytes: decodeBase64(source.contentBase64) };

  /** Keeps the recent list's label in step when an edit renames the department. */
  const afterChange = (store: WorkbookStore): WorkbookSummary => {
    const summary = summarize(store);
    recent.update(summary.path, { departmentName: summary.departmentName, year: summary.year });
    return summary;
  };

  return {
    ...templateHandlers({ templates, current: () => current, openStore, afterChange }),
    ...learnHandler({ templates, resolvePath: (path) => resolveWorkbookPath(path, deps.dataDir, false), decode: decodeBase64 }),

    'app.info': async () => ({ version: deps.version, transport: deps.transport, dataDir: deps.dataDir }),

    'workbook.create': async ({ path, department, entryUnit }) => {
      // The store refuses an existing file (store:exists) and a missing folder (store:folderMissing).
      const target = resolveWorkbookPath(path, deps.dataDir, true, writeRoot);
      const store = WorkbookStore.create(target, { department: { ...department, publishedOn: '' }, entryUnit });
      return switchTo(store);
    },

    'workbook.open': async ({ path }) => {
      const target = resolveWorkbookPath(path, deps.dataDir, false);
      if (current && current.path === target) return switchTo(current);
      // A missing or foreign file is reported by the store (store:notFound, store:notWorkbook …).
      return switchTo(WorkbookStore.open(target));
    },

    'workbook.close': async () => {
      if (!current) return { closed: false };
      current.close();
      current = null;
      return { closed: true };
    },

    'workbook.recent': async () => ({ files: recent.list() }),

    'workbook.get': async () => {
      const store = openStore();
      return { summary: summarize(store), workbook: store.workbook };
    },

    'workbook.edit': async ({ edits, baseRevision }) => {
      const store = openStore();
      store.apply(edits as Edit[], { baseRevision });
      return afterChange(store);
    },

    'drafts.get': async () => {
      const stored = openStore().drafts();
      // A grid whose stored drafts no longer fit the contract (written by a later version, hand-edited) is left out, not fatal.
      const drafts: Record<string, DraftTablePayload> = {};
      for (const [grid, value] of Object.entries(stored)) {
        const parsed = draftTableSchema.safeParse(value);
        if (parsed.success) drafts[grid] = parsed.data;
      }
      return { drafts };
    },

    'drafts.save': async ({ grid, table }) => {
      const empty = table === null || Object.keys(table.rows).length === 0;
      openStore().saveDrafts(grid, empty ? null : table);
      return { saved: true };
    },

    'workbook.undo': async ({ baseRevision }) => {
      const store = openStore();
      store.undo({ baseRevision });
      return afterChange(store);
    },

    'workbook.redo': async ({ baseRevision }) => {
      const store = openStore();
      store.redo({ baseRevision });
      return afterChange(store);
    },

    'catalog.import': async ({ fileName, contentBase64, kind }) => {
      const store = openStore();
      const { entries, warnings } = await importCatalogFile(fileName, decodeBase64(contentBase64), kind);
      store.apply([{ op: 'set', key: 'catalogEntries', value: mergeCatalogEntries(store.workbook.catalogEntries, entries) }]);
      afterChange(store);
      return { imported: entries.length, warnings };
    },

    'dialog.openWorkbook': async () => ({ path: await deps.dialogs.openWorkbook() }),

    'dialog.saveWorkbook': async ({ suggestedName }) => ({ path: await deps.dialogs.saveWorkbook(suggestedName) }),

    'dialog.saveFile': async ({ suggestedName, filters }) => ({ path: (await deps.dialogs.saveFile?.(suggestedName, filters)) ?? null }),

    'export.xlsx': async ({ path, template }) => {
      const workbook = openStore().workbook;
      const target = resolveExportPath(path, deps.dataDir, '.xlsx', writeRoot);
      const { xlsx } = await exportFiles(workbook, templates.forWorkbook(workbook, template).template, { xlsx: target });
      return { path: target, bytes: xlsx?.bytes ?? 0, sheets: xlsx?.sheets ?? [] };
    },

    'export.pdf': async ({ path, template }) => {
      const workbook = openStore().workbook;
      const target = resolveExportPath(path, deps.dataDir, '.pdf', writeRoot);
      const { pdf } = await exportFiles(workbook, templates.forWorkbook(workbook, template).template, { pdf: target }, { printer: deps.pdfPrinter });
      return { path: target, bytes: pdf?.bytes ?? 0, pages: pdf?.pages ?? 0, contentsPages: pdf?.contentsPages ?? {} };
    },

    'tables.preview': async ({ template, tables }) => {
      const workbook = openStore().workbook;
      const spec = templates.forWorkbook(workbook, template).template;
      return { template: spec.id, ...previewTablesHtml(workbook, spec, tables) };
    },

    'export.existing': async ({ outputs }) => ({
      existing: outputs
        .map(({ kind, path }) => ({ kind, path: resolveExportPath(path, deps.dataDir, EXPORT_EXTENSIONS[kind], writeRoot) }))
        .filter(({ kind, path }) => wouldReplace(kind, path)),
    }),

    'export.start': async ({ kind, path, template, replace }) => {
      const workbook = openStore().workbook;
      const spec = templates.forWorkbook(workbook, template).template;
      const target = resolveExportPath(path, deps.dataDir, EXPORT_EXTENSIONS[kind], writeRoot);
      if (replace === false && wouldReplace(kind, target)) throw new UserError('export:exists', { path: target });
      const jobId = exportJobs.start((control) => runExport(kind, workbook, spec, target, { ...control, printer: deps.pdfPrinter }));
      return { jobId, path: target };
    },

    'export.status': async ({ jobId }) => exportJobs.status(jobId),

    'export.cancel': async ({ jobId }) => exportJobs.cancel(jobId),

    'export.print': async ({ template }) => {
      const workbook = openStore().workbook;
      const spec = templates.forWorkbook(workbook, template).template;
      if (deps.printDialog) {
        const { html } = await printablePackage(workbook, spec, { printer: deps.pdfPrinter, fonts: 'inline' });
        return { via: 'dialog' as const, printed: await deps.printDialog.print(html) };
      }
      const { html, fonts } = await printablePackage(workbook, spec, { printer: deps.pdfPrinter, fonts: 'separate' });
      return { via: 'browser' as const, html, fonts };
    },

    'prior.preview': async ({ source, purpose }) =>
      current && purpose === 'import' ? previewPrior(current.workbook, priorSource(source)) : previewPriorForNewYear(priorSource(source)),

    'prior.import': async ({ source }) => {
      const store = openStore();
      const preview = await importPrior(store, priorSource(source));
      return { summary: afterChange(store), preview };
    },

    'prior.newYear': async ({ sourcePath, path, continuingProjects, entryUnit }) => {
      const { store, report } = createNewYear({
        sourcePath: resolveWorkbookPath(sourcePath, deps.dataDir, false),
        targetPath: resolveWorkbookPath(path, deps.dataDir, true, writeRoot),
        continuingProjects,
        entryUnit,
      });
      return { summary: switchTo(store), report };
    },

    dispose: () => {
      exportJobs.dispose();
      current?.close();
      current = null;
    },
  };
}

/**
 * An import adds the year's codes to those imported before: a code already present (same kind)
 * takes the new name in place, new codes follow. Importing the same file twice changes nothing.
 */
export function mergeCatalogEntries(existing: readonly CatalogEntry[], imported: readonly CatalogEntry[]): CatalogEntry[] {
  const key = (entry: CatalogEntry) => `${entry.kind}:${entry.code}`;
  const incoming = new Map(imported.map((entry) => [key(entry), entry]));
  const merged = existing.map((entry) => incoming.get(key(entry)) ?? entry);
  const present = new Set(existing.map(key));
  for (const [entryKey, entry] of incoming) if (!present.has(entryKey)) merged.push(entry);
  return merged;
}

function decodeBase64(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new UserError('errors:invalidArguments', { detail: 'contentBase64: not base64' });
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

function summarize(store: WorkbookStore): WorkbookSummary {
  const { department } = store.workbook;
  return {
    path: store.path,
    departmentCode: department.code,
    departmentName: department.name,
    year: department.year,
    revision: store.revision,
    canUndo: store.canUndo,
    canRedo: store.canRedo,
  };
}

/**
 * What the clerk typed → an absolute file path. "~/" means the home folder; a relative path lives
 * in the data folder; a name without extension gets ".budget" (when opening, only if the bare
 * name does not exist). With `confineTo` (browser mode, for a file about to be written), a path
 * outside that folder — "../", an absolute path, a link leading out — is refused (errors:outsideDataFolder).
 */
export function resolveWorkbookPath(input: string, dataDir: string | null, creating: boolean, confineTo: string | null = null): string {
  let text = input.trim();
  if (text === '~' || text.startsWith('~/')) text = homedir() + text.slice(1);
  const absolute = isAbsolute(text) ? resolve(text) : resolve(dataDir ?? process.cwd(), text);
  const confine = (path: string) => (confineTo === null ? path : confinedPath(path, confineTo));
  if (extname(absolute) !== '') return confine(absolute);
  if (!creating && existsSync(absolute)) return confine(absolute);
  return confine(absolute + WORKBOOK_EXTENSION);
}

export type ApiDispatch = (method: string, rawArgs: unknown) => Promise<ApiResponse<unknown>>;

export function isApiMethodName(method: string): method is ApiMethodName {
  return Object.hasOwn(apiMethods, method);
}

/**
 * The single entry both transports use: parses the arguments with the contract's schema, runs
 * the handler, checks the result and wraps the outcome in the envelope. A UserError becomes its
 * code and params; anything else is logged here and reaches the user only as "errors:internal".
 */
export function createDispatch(handlers: ApiHandlers, logError: (message: string) => void = defaultLogError): ApiDispatch {
  return async (method, rawArgs) => {
    if (!isApiMethodName(method)) return failure({ code: 'errors:invalidArguments', params: { detail: `unknown method "${method}"` } });
    const spec = apiMethods[method];
    const args = spec.args.safeParse(rawArgs ?? {});
    if (!args.success) return failure({ code: 'errors:invalidArguments', params: { detail: describeIssues(args.error.issues) } });
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      const output = await handler(args.data);
      const result = spec.result.safeParse(output);
      if (!result.success) {
        logError(`[api] ${method} returned a result outside the contract: ${describeIssues(result.error.issues)}`);
        return failure({ code: 'errors:internal', params: {} });
      }
      return { ok: true, result: result.data };
    } catch (error) {
      if (error instanceof UserError) return failure({ code: error.code, params: error.params });
      logError(`[api] ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return failure({ code: 'errors:internal', params: {} });
    }
  };
}

function failure(error: ApiErrorPayload): ApiResponse<never> {
  return { ok: false, error };
}

/** "department.year: Too small: expected number to be >=2000; path: Required" */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.').replace(/\.\[/g, '[');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function defaultLogError(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** An export to `path` would replace a file there, or write into an open-data folder that already holds files. */
function wouldReplace(kind: 'xlsx' | 'pdf' | 'openData', path: string): boolean {
  if (!existsSync(path)) return false;
  if (kind !== 'openData') return true;
  return !statSync(path).isDirectory() || readdirSync(path).length > 0;
}
