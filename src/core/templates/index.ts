import type { Workbook } from '../model';
import type { TemplateSpec } from '../tables/spec';
import { BUILTIN_DOCUMENTS } from './builtin';
import { loadTemplate, type BaseLookup } from './load';
import { workbookTemplate, type WorkbookTemplate } from './workbook-template';

/**
 * Templates are JSON documents (docs/templates.md): the built-ins in resources/templates, a bureau's in the
 * user's templates folder, a workbook's own inside its file. All are read by `loadTemplate`; the engine
 * only ever sees the resolved `TemplateSpec`.
 */
export { loadTemplate, type BaseLookup, type TemplateResult } from './load';
export type { TemplateProblem } from './problems';
export { TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION, type TemplateDocument, type BaseTemplateDocument, type VariantTemplateDocument } from './document';
export { formatTemplateJson } from './json-format';
export { toBaseDocument } from './to-document';

const builtinById = new Map<string, unknown>(BUILTIN_DOCUMENTS.map((document) => [(document as { id: string }).id, document]));

/** A variant of a built-in finds its base here. */
export const builtinLookup: BaseLookup = (id) => builtinById.get(id);

function loadBuiltins(): Record<string, TemplateSpec> {
  const out: Record<string, TemplateSpec> = {};
  for (const document of BUILTIN_DOCUMENTS) {
    const result = loadTemplate(document, builtinLookup);
    // A built-in that does not load is a bug in the shipped files; tests/unit/template-files.test.ts names its problems.
    if (!result.ok) throw new Error(`built-in template ${(document as { id?: string }).id}: ${result.problems.map((p) => `${p.path} ${p.messageKey} ${JSON.stringify(p.params)}`).join('; ')}`);
    out[result.template.id] = result.template;
  }
  return out;
}

/** Every province template the app ships, by id. A new province is a new file in resources/templates. */
export const TEMPLATES: Record<string, TemplateSpec> = loadBuiltins();

/** A built-in template by id. */
export function findTemplate(id: string): TemplateSpec | undefined {
  return TEMPLATES[id];
}

export const TEMPLATE_IDS = Object.keys(TEMPLATES);

export { BUILTIN_DOCUMENTS } from './builtin';

export { builtinUpdate, settingsWithTemplate, useTemplateEdits, workbookTemplate, type TemplateOrigin, type WorkbookTemplate } from './workbook-template';

const resolvedCopies = new WeakMap<object, WorkbookTemplate | null>();

/**
 * The template `workbook` publishes with: its own copy, else the built-in it names; undefined when none is
 * chosen or the copy does not load. Resolved once per copy (the same settings object resolves once).
 */
export function templateForWorkbook(workbook: Pick<Workbook, 'settings'>): TemplateSpec | undefined {
  const copy = workbook.settings.templateDocument;
  if (!copy || copy.id !== workbook.settings.template) return workbookTemplate(workbook.settings, TEMPLATES, builtinLookup)?.ok ? TEMPLATES[workbook.settings.template ?? ''] : undefined;
  let found = resolvedCopies.get(copy);
  if (found === undefined) {
    found = workbookTemplate(workbook.settings, TEMPLATES, builtinLookup);
    resolvedCopies.set(copy, found);
  }
  return found?.ok ? found.template : undefined;
}
