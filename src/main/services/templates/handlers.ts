import type { TemplateSpec } from '../../../core/tables/spec';
import { loadTemplate, toBaseDocument, useTemplateEdits, type TemplateResult } from '../../../core/templates';
import type { ApiResult, WorkbookSummary } from '../../../shared/api';
import type { WorkbookStore } from '../store';
import { entryOf, TemplateLibrary, type TemplateEntry } from './library';

interface TemplateHandlerDeps {
  templates: TemplateLibrary;
  /** The open workbook, or null. */
  current: () => WorkbookStore | null;
  /** The open workbook; throws app:error.noWorkbookOpen without one. */
  openStore: () => WorkbookStore;
  afterChange: (store: WorkbookStore) => WorkbookSummary;
}

/** The templates.* calls of the API contract (src/shared/api.ts). */
export function templateHandlers({ templates, current, openStore, afterChange }: TemplateHandlerDeps) {
  /** Bases a variant may extend: the library's, and the open workbook's own copy by its id. */
  const lookup = (id: string): unknown => {
    const settings = current()?.workbook.settings;
    const copy = settings?.templateDocument;
    if (copy && copy.id === id && settings?.template === id) return copy;
    return templates.lookup(id);
  };
  const outcome = (result: TemplateResult, origin: TemplateEntry['origin']): ApiResult<'templates.check'> =>
    result.ok ? { ok: true, problems: [], entry: entryOf(result.template, origin) } : { ok: false, problems: result.problems, entry: null };
  const chosen = (id?: string): TemplateSpec => {
    if (id === undefined) return templates.forWorkbook(openStore().workbook).template;
    const store = current();
    return store ? templates.forWorkbook(store.workbook, id).template : templates.resolve(id);
  };

  return {
    'templates.list': async (): Promise<ApiResult<'templates.list'>> => {
      const { templates: entries, broken } = templates.list();
      const store = current();
      const info = store ? templates.describe(store.workbook) : null;
      const own = store?.workbook.settings.templateDocument;
      // The workbook's own copy is listed too when nothing here has its id (a file from another machine).
      const extra = info && own && !entries.some((entry) => entry.id === info.id) && info.problems.length === 0 ? [{ ...entryOf(templates.forWorkbook(store.workbook).template, 'workbook') }] : [];
      return { templates: [...entries, ...extra], broken, folder: templates.folder, current: info };
    },
    'templates.document': async ({ id }: { id?: string }): Promise<ApiResult<'templates.document'>> => ({
      document: toBaseDocument(chosen(id)) as unknown as Record<string, unknown>,
    }),
    'templates.check': async ({ text }: { text: string }) => outcome(loadTemplate(text, lookup), 'file'),
    'templates.import': async ({ text }: { fileName: string; text: string }): Promise<ApiResult<'templates.import'>> => {
      const result = templates.import(text);
      return result.ok ? { ok: true, problems: [], entry: result.entry } : { ok: false, problems: result.problems, entry: null };
    },
    'templates.use': async (args: { id: string } | { text: string }): Promise<ApiResult<'templates.use'>> => {
      const store = openStore();
      let template: TemplateSpec;
      // By id: the template as it ships or lives in the folder (a newer built-in replaces the workbook's older
      // copy); an id only the workbook has is its own copy.
      if ('id' in args) template = templates.has(args.id) ? templates.resolve(args.id) : templates.forWorkbook(store.workbook, args.id).template;
      else {
        const result = loadTemplate(args.text, lookup);
        if (!result.ok) return { ok: false, problems: result.problems, summary: null };
        template = result.template;
        // A template made here is kept in the folder too, so choosing another one never loses it.
        templates.keep(template);
      }
      store.apply(useTemplateEdits(store.workbook, template));
      return { ok: true, problems: [], summary: afterChange(store) };
    },
    'templates.export': async ({ id }: { id?: string }): Promise<ApiResult<'templates.export'>> => {
      const template = chosen(id);
      return { fileName: `${template.id}.json`, text: templates.exportText(template) };
    },
  };
}
