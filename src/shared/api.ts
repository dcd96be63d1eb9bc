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

/** Errors carry a stable code and the parameters the renderer needs to word them in its language. */
export const apiErrorSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type ApiErrorPayload = z.infer<typeof apiErrorSchema>;

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
  'workbook.edit': { args: z.object({ edits: z.array(editSchema).min(1).max(100_000) }), result: workbookSummarySchema },
  'workbook.undo': { args: empty, result: workbookSummarySchema },
  'workbook.redo': { args: empty, result: workbookSummarySchema },
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
