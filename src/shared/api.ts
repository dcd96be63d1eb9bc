import { z } from 'zod';
import { modelSchemas } from '../core/interchange';
import { COLLECTIONS } from '../core/edits';

/**
 * The contract between the renderer and the services. Every call the renderer may make is listed
 * here with zod schemas for its arguments and result; both transports (Electron IPC and the
 * browser mode's HTTP server) parse arguments with these schemas before any service sees them.
 * Everything crossing the boundary is JSON-safe; money is integer 分.
 */

const collection = z.enum(COLLECTIONS as unknown as [string, ...string[]]);

const recordEditSchema = z.union([
  z.object({ op: z.literal('put'), collection: z.literal('units'), record: modelSchemas.unit, at: z.number().int().optional() }),
  z.object({ op: z.literal('put'), collection: z.literal('incomeLines'), record: modelSchemas.incomeLine, at: z.number().int().optional() }),
  z.object({ op: z.literal('put'), collection: z.literal('budgetLines'), record: modelSchemas.budgetLine, at: z.number().int().optional() }),
  z.object({ op: z.literal('put'), collection: z.literal('projects'), record: modelSchemas.project, at: z.number().int().optional() }),
  z.object({ op: z.literal('delete'), collection, id: z.string().min(1) }),
]);

const setEditSchema = z.discriminatedUnion('key', [
  z.object({ op: z.literal('set'), key: z.literal('settings'), value: modelSchemas.settings }),
  z.object({ op: z.literal('set'), key: z.literal('department'), value: modelSchemas.department }),
  z.object({ op: z.literal('set'), key: z.literal('basicProcurement'), value: modelSchemas.basicProcurement }),
  z.object({ op: z.literal('set'), key: z.literal('departmentPerformance'), value: modelSchemas.departmentPerformance }),
  z.object({ op: z.literal('set'), key: z.literal('assets'), value: modelSchemas.assets }),
  z.object({ op: z.literal('set'), key: z.literal('texts'), value: modelSchemas.texts }),
  z.object({ op: z.literal('set'), key: z.literal('priorYear'), value: modelSchemas.priorYear }),
  z.object({ op: z.literal('set'), key: z.literal('catalogEntries'), value: modelSchemas.catalogEntries }),
]);

/** One edit as the wire carries it; the same shape as core's Edit. */
export const editSchema = z.union([recordEditSchema, setEditSchema]);

export const workbookSummarySchema = z.object({
  path: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  year: z.number().int(),
  revision: z.number().int(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});
export type WorkbookSummary = z.infer<typeof workbookSummarySchema>;

export const recentFileSchema = z.object({
  path: z.string(),
  departmentName: z.string(),
  year: z.number().int(),
  openedAt: z.string(),
});

const empty = z.object({}).strict();
const baseRevisionSchema = z.number().int().nonnegative().optional();

/** Errors carry a stable code and the parameters the renderer needs to word them in its language. */
export const apiErrorSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type ApiErrorPayload = z.infer<typeof apiErrorSchema>;

/** Last year's figures (docs/prior-year.md): a source, what recognition found, what a new year carried. */
const priorSourceSchema = z.union([
  z.object({ path: z.string().min(1) }),
  /** The file's bytes, base64, for a file the main process cannot name. */
  z.object({ fileName: z.string().min(1), contentBase64: z.string() }),
]);
const priorFigureSchema = z.object({
  key: z.string(),
  fen: z.number().int(),
  cells: z.array(z.string()),
  scope: z.enum(['exact', 'withoutCarryOver', 'generalBudgetOnly']),
  derived: z.boolean(),
});
const priorProjectSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  type: z.enum(['operation', 'specificGoal', 'general', 'special']).nullable(),
  amount: z.number().int(),
  indicators: z.number().int(),
  continuing: z.boolean(),
});
export const priorPreviewSchema = z.object({
  kind: z.enum(['workbook', 'excel']),
  fileName: z.string(),
  templateId: z.string().nullable(),
  identity: z.object({ year: z.number().int().nullable(), departmentCode: z.string().nullable(), departmentName: z.string().nullable() }),
  year: z.number().int(),
  figures: z.array(priorFigureSchema),
  sheets: z.array(
    z.object({
      sheet: z.string(),
      status: z.enum(['recognized', 'unrecognized', 'empty']),
      tableId: z.string().nullable(),
      number: z.string(),
      title: z.string(),
      unit: z.enum(['yuan', 'wan']).nullable(),
      unitStated: z.boolean(),
      figures: z.array(priorFigureSchema),
      projects: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          unitCode: z.string(),
          amount: z.number().int().nullable(),
          indicators: z.array(z.object({ level1: z.string(), level3: z.string(), value: z.string() })),
          cell: z.string(),
        }),
      ),
      notes: z.array(apiErrorSchema),
    }),
  ),
  projects: z.array(priorProjectSchema),
  problems: z.array(apiErrorSchema),
  notes: z.array(apiErrorSchema),
  replaces: z.array(z.object({ key: z.string(), from: z.number().int(), to: z.number().int().nullable() })),
});
const newYearReportSchema = z.object({
  year: z.number().int(),
  sourcePath: z.string(),
  sourceYear: z.number().int(),
  units: z.number().int(),
  budgetLines: z.number().int(),
  incomeLines: z.number().int(),
  projects: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), indicators: z.number().int(), lines: z.number().int() })),
  projectsLeftBehind: z.number().int(),
  projectsAvailable: z.array(priorProjectSchema),
  glossaryTerms: z.number().int(),
  departmentIndicators: z.number().int(),
  priorFigures: z.number().int(),
});

/** Something learned from a published package, with the cells it was read from. */
const learnNoteSchema = z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).default({}), cells: z.array(z.string()) });

/** Exports as jobs (docs/export.md): started, polled for progress, cancelled; neither transport pushes. */
const exportKindSchema = z.enum(['xlsx', 'pdf', 'openData']);
const exportOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('xlsx'), path: z.string(), bytes: z.number().int(), sheets: z.array(z.string()) }),
  z.object({ kind: z.literal('pdf'), path: z.string(), bytes: z.number().int(), pages: z.number().int(), contentsPages: z.record(z.string(), z.number().int()) }),
  z.object({ kind: z.literal('openData'), folder: z.string(), files: z.array(z.string()) }),
]);
export const exportJobStatusSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  fraction: z.number().min(0).max(1),
  /** Worded as export:stage.<stage>. */
  stage: z.enum(['evaluate', 'sheets', 'write', 'layout', 'print', 'paginate', 'csv', 'done']),
  result: exportOutcomeSchema.optional(),
  error: apiErrorSchema.optional(),
});
export type ExportJobStatusPayload = z.infer<typeof exportJobStatusSchema>;
export type ExportKindName = z.infer<typeof exportKindSchema>;
const fileFilterSchema = z.object({ name: z.string(), extensions: z.array(z.string().regex(/^[A-Za-z0-9*]+$/)) });

/** Unsaved grid input (src/core/workbench RowDraft): typed texts, their problems, what a new row still lacks. */
const cellText = z.string().max(100_000);
const rowDraftSchema = z.object({
  texts: z.record(z.string().max(200), cellText),
  problems: z.record(z.string().max(200), z.object({ key: z.string().max(200), params: z.record(z.string().max(200), z.union([cellText, z.number()])) })),
  missing: z.array(z.string().max(200)).max(200),
});
export const draftTableSchema = z.object({
  rows: z.record(z.string().max(200), rowDraftSchema),
  newRows: z.array(z.string().max(200)).max(100_000),
});
export type DraftTablePayload = z.infer<typeof draftTableSchema>;
const gridIdSchema = z.string().min(1).max(200);

/** Templates (docs/templates.md): what exists, where it lives, and the problems of a file that does not load. */
const templateProblemSchema = z.object({ path: z.string(), messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type TemplateProblemPayload = z.infer<typeof templateProblemSchema>;
const templateOriginSchema = z.enum(['builtin', 'folder', 'workbook', 'file']);
export const templateEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  province: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  description: z.string(),
  origin: templateOriginSchema,
  path: z.string().optional(),
  extends: z.string().optional(),
});
export type TemplateEntryPayload = z.infer<typeof templateEntrySchema>;
const templateTextSchema = z.string().max(5 * 1024 * 1024);
const templateOutcomeSchema = z.object({ ok: z.boolean(), problems: z.array(templateProblemSchema), entry: templateEntrySchema.nullable() });
export const workbookTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  origin: templateOriginSchema,
  problems: z.array(templateProblemSchema),
  update: z.object({ id: z.string(), version: z.number().int(), newVersion: z.number().int() }).nullable(),
});

export const apiMethods = {
  'app.info': {
    args: empty,
    result: z.object({ version: z.string(), transport: z.enum(['electron', 'web']), dataDir: z.string().nullable() }),
  },
  'workbook.create': {
    args: z.object({
      path: z.string().min(1),
      department: z.object({ code: z.string().min(1), name: z.string().min(1), year: z.number().int().min(2000).max(2100) }),
      entryUnit: z.enum(['yuan', 'wan']).default('wan'),
    }),
    result: workbookSummarySchema,
  },
  'workbook.open': { args: z.object({ path: z.string().min(1) }), result: workbookSummarySchema },
  'workbook.close': { args: empty, result: z.object({ closed: z.boolean() }) },
  'workbook.recent': { args: empty, result: z.object({ files: z.array(recentFileSchema) }) },
  'workbook.get': { args: empty, result: z.object({ summary: workbookSummarySchema, workbook: modelSchemas.workbook }) },
  /**
   * `baseRevision`: the revision the window last saw (its summary's). Given, a change made on an older one is
   * refused (store:staleEdit) instead of applied over another window's; windows always send it.
   */
  'workbook.edit': { args: z.object({ edits: z.array(editSchema).min(1).max(100_000), baseRevision: baseRevisionSchema }).strict(), result: workbookSummarySchema },
  'workbook.undo': { args: z.object({ baseRevision: baseRevisionSchema }).strict(), result: workbookSummarySchema },
  'workbook.redo': { args: z.object({ baseRevision: baseRevisionSchema }).strict(), result: workbookSummarySchema },
  /** Grid input not yet valid, kept in the open file per grid (docs/workbook-file.md, drafts). */
  'drafts.get': { args: empty, result: z.object({ drafts: z.record(gridIdSchema, draftTableSchema) }) },
  /** Replaces one grid's drafts; null (or a table with no rows) forgets them. */
  'drafts.save': { args: z.object({ grid: gridIdSchema, table: draftTableSchema.nullable() }), result: z.object({ saved: z.boolean() }) },
  'catalog.import': {
    args: z.object({
      fileName: z.string().min(1),
      /** The file's bytes, base64: the renderer may hold a file the main process cannot name. */
      contentBase64: z.string(),
      kind: z.enum(['function', 'deptEcon', 'govEcon']),
    }),
    result: z.object({ imported: z.number().int(), warnings: z.array(apiErrorSchema) }),
  },
  'dialog.openWorkbook': { args: empty, result: z.object({ path: z.string().nullable() }) },
  'dialog.saveWorkbook': { args: z.object({ suggestedName: z.string() }), result: z.object({ path: z.string().nullable() }) },
  /** Any file to write (exports); null when cancelled or where there are no native dialogs (browser mode). */
  'dialog.saveFile': {
    args: z.object({ suggestedName: z.string(), filters: z.array(fileFilterSchema).max(10).default([]) }),
    result: z.object({ path: z.string().nullable() }),
  },
  'export.xlsx': {
    args: z.object({ path: z.string().min(1), template: z.string().min(1).optional() }),
    result: z.object({ path: z.string(), bytes: z.number().int(), sheets: z.array(z.string()) }),
  },
  'export.pdf': {
    args: z.object({ path: z.string().min(1), template: z.string().min(1).optional() }),
    result: z.object({ path: z.string(), bytes: z.number().int(), pages: z.number().int(), contentsPages: z.record(z.string(), z.number().int()) }),
  },
  'tables.preview': {
    /** One template's tables as a standalone HTML document for the preview pane (an iframe's srcdoc). */
    args: z.object({ template: z.string().min(1).optional(), tables: z.array(z.string()).optional() }),
    result: z.object({ template: z.string(), html: z.string(), tables: z.array(z.object({ id: z.string(), title: z.string() })) }),
  },
  /** Starts one export in the background; refused (export:busy) while another runs. `path` is the resolved target. */
  /** Which of these outputs would replace something already there (a file, or an open-data folder with files in it). */
  'export.existing': {
    args: z.object({ outputs: z.array(z.object({ kind: exportKindSchema, path: z.string().min(1) })).min(1).max(3) }),
    result: z.object({ existing: z.array(z.object({ kind: exportKindSchema, path: z.string() })) }),
  },
  /** `replace: false`: refuse (export:exists) rather than replace what is there; the export screen asks first. Absent: replace. */
  'export.start': {
    args: z.object({ kind: exportKindSchema, path: z.string().min(1), template: z.string().min(1).optional(), replace: z.boolean().optional() }),
    result: z.object({ jobId: z.string(), path: z.string() }),
  },
  /** A job's progress; a finished job's outcome is reported once, then the job is forgotten. */
  'export.status': { args: z.object({ jobId: z.string().min(1) }), result: exportJobStatusSchema },
  /** Stops a job and answers once it has stopped: "cancelled" (nothing written), or "done" if it finished first. */
  'export.cancel': { args: z.object({ jobId: z.string().min(1) }), result: exportJobStatusSchema },
  /**
   * Prints the disclosure package. Electron shows the system print dialog (`printed` false when the clerk
   * cancelled it); browser mode returns the document and its font subsets for the page to print itself.
   */
  'export.print': {
    args: z.object({ template: z.string().min(1).optional() }),
    result: z.discriminatedUnion('via', [
      z.object({ via: z.literal('dialog'), printed: z.boolean() }),
      z.object({
        via: z.literal('browser'),
        html: z.string(),
        fonts: z.array(z.object({ family: z.string(), weight: z.number().int(), unicodeRange: z.string(), woff2Base64: z.string() })),
      }),
    ]),
  },
  /**
   * What importing `source` as last year's figures into the open workbook would do; nothing is written. With
   * `purpose: 'newYear'` (or no workbook open): a .budget source as the start of its next year, with its projects to tick.
   */
  'prior.preview': { args: z.object({ source: priorSourceSchema, purpose: z.enum(['import', 'newYear']).default('import') }), result: priorPreviewSchema },
  /** Replaces the open workbook's prior-year figures (one undo step); refused with the first problem the preview found. */
  'prior.import': { args: z.object({ source: priorSourceSchema }), result: z.object({ summary: workbookSummarySchema, preview: priorPreviewSchema }) },
  /** Creates next year's workbook from last year's (which is only read) and opens it. */
  'prior.newYear': {
    args: z.object({
      sourcePath: z.string().min(1),
      path: z.string().min(1),
      /** Projects (ids or codes) ticked as continuing. */
      continuingProjects: z.array(z.string()).max(10_000).default([]),
      entryUnit: z.enum(['yuan', 'wan']).optional(),
    }),
    result: z.object({ summary: workbookSummarySchema, report: newYearReportSchema }),
  },
  /** Every template available (built-in, the templates folder), files in the folder that do not load, and the open workbook's. */
  'templates.list': {
    args: empty,
    result: z.object({
      templates: z.array(templateEntrySchema),
      broken: z.array(z.object({ path: z.string(), problems: z.array(templateProblemSchema) })),
      folder: z.string(),
      current: workbookTemplateSchema.nullable(),
    }),
  },
  /** A template resolved into a whole template file (no extends): to preview, edit or share. `id` absent: the open workbook's. */
  'templates.document': { args: z.object({ id: z.string().min(1).optional() }), result: z.object({ document: z.record(z.string(), z.unknown()) }) },
  /** What a template file would give; nothing is kept. */
  'templates.check': { args: z.object({ text: templateTextSchema }), result: templateOutcomeSchema },
  /** Keeps a template file in the templates folder when it loads without a problem; a broken one changes nothing. */
  'templates.import': { args: z.object({ fileName: z.string().min(1).max(500), text: templateTextSchema }), result: templateOutcomeSchema },
  /**
   * Makes a template the open workbook's (one undo step): a built-in or folder template by id, or a template
   * file's text (e.g. a variant made on the templates screen). The workbook keeps the resolved file inside it.
   */
  'templates.use': {
    args: z.union([z.object({ id: z.string().min(1) }), z.object({ text: templateTextSchema })]),
    result: z.object({ ok: z.boolean(), problems: z.array(templateProblemSchema), summary: workbookSummarySchema.nullable() }),
  },
  /**
   * What a published package's .xlsx teaches (docs/templates.md, "Learning"): its tables as read, each learned
   * table and what is uncertain, the variant, and the proof against last year's .budget when given. Nothing is
   * written: the clerk accepts with templates.use (or templates.import) and the variant's text.
   */
  'templates.learn': {
    args: z.object({
      source: priorSourceSchema,
      baseId: z.string().min(1).optional(),
      factsPath: z.string().min(1).optional(),
      meanings: z.array(z.object({ table: z.string().min(1), column: z.string().min(1), as: z.string().min(1) })).max(500).default([]),
    }),
    result: z.object({
      fileName: z.string(),
      baseId: z.string(),
      variantText: z.string().nullable(),
      problems: z.array(templateProblemSchema),
      sheets: z.array(z.object({ name: z.string(), rows: z.array(z.array(z.string())) })),
      tables: z.array(
        z.object({
          sheet: z.string(),
          range: z.string(),
          title: z.string(),
          status: z.enum(['learned', 'new', 'unmapped']),
          tableId: z.string(),
          baseTable: z.string().nullable(),
          columns: z.array(z.object({ id: z.string(), choices: z.array(z.object({ id: z.string(), header: z.string() })) })),
          learned: z.array(learnNoteSchema),
          uncertain: z.array(learnNoteSchema),
          notLearned: z.array(learnNoteSchema),
          proof: z.object({ numberCells: z.number().int(), reproduced: z.number().int(), different: z.array(z.string()) }).nullable(),
        }),
      ),
      removed: z.array(z.string()),
      notes: z.array(learnNoteSchema),
      proof: z.object({ numberCells: z.number().int(), reproduced: z.number().int(), different: z.number().int() }).nullable(),
    }),
  },
  /** A template as a whole file to share (resolved, so it needs no base elsewhere). `id` absent: the open workbook's. */
  'templates.export': { args: z.object({ id: z.string().min(1).optional() }), result: z.object({ fileName: z.string(), text: z.string() }) },
} as const;

export type ApiMethods = typeof apiMethods;
export type ApiMethodName = keyof ApiMethods;
export type ApiArgs<M extends ApiMethodName> = z.input<ApiMethods[M]['args']>;
export type ApiResult<M extends ApiMethodName> = z.output<ApiMethods[M]['result']>;
export const API_METHOD_NAMES = Object.keys(apiMethods) as ApiMethodName[];

/** What the renderer calls; the preload's window.api and the HTTP client both implement it. */
export interface ApiClient {
  call<M extends ApiMethodName>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
}

/** The outcome envelope both transports use, so errors arrive as data rather than exceptions. */
export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiErrorPayload };

/** Thrown by services for failures the user must be told about; `code` keys an i18n message. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'UserError';
  }
}
