import type { Edit } from '../edits';
import type { Settings, Workbook } from '../model';
import type { TemplateSpec } from '../tables/spec';
import { loadTemplate, type BaseLookup } from './load';
import type { TemplateProblem } from './problems';
import { toBaseDocument } from './to-document';

/** Where a template came from: shipped, the bureau's templates folder, the workbook's own copy, a file named on the command line. */
export type TemplateOrigin = 'builtin' | 'folder' | 'workbook' | 'file';

export type WorkbookTemplate =
  | { ok: true; template: TemplateSpec; origin: 'workbook' | 'builtin' }
  | { ok: false; id: string; problems: TemplateProblem[] };

/**
 * The template a workbook publishes with: its own copy (settings.templateDocument) when it has one, so the
 * file prints the same package wherever it is opened; otherwise the built-in named by settings.template. A copy
 * whose id is not settings.template is stale and ignored.
 * null: no template chosen. A copy that no longer loads is reported, never half-used.
 */
export function workbookTemplate(settings: Pick<Settings, 'template' | 'templateDocument'>, builtins: Readonly<Record<string, TemplateSpec>>, lookup: BaseLookup): WorkbookTemplate | null {
  // The copy counts only while it is the template the settings name (an older client may change the id alone).
  if (settings.templateDocument && settings.templateDocument.id === settings.template) {
    const result = loadTemplate(settings.templateDocument, lookup);
    if (!result.ok) return { ok: false, id: settings.template ?? String(settings.templateDocument.id ?? ''), problems: result.problems };
    return { ok: true, template: result.template, origin: 'workbook' };
  }
  if (!settings.template) return null;
  const builtin = builtins[settings.template];
  if (builtin) return { ok: true, template: builtin, origin: 'builtin' };
  return { ok: false, id: settings.template, problems: [{ path: 'settings.template', messageKey: 'template:unknownBase', params: { id: settings.template } }] };
}

/** The settings that make `template` the workbook's template, its whole resolved file kept inside the workbook. */
export function settingsWithTemplate(settings: Settings, template: TemplateSpec): Settings {
  return { ...settings, template: template.id, templateDocument: toBaseDocument(template) as unknown as Record<string, unknown> };
}

/**
 * The edits that make `template` the workbook's (one undo step): its settings, and the template's default
 * 名词解释 where the workbook has none yet.
 */
export function useTemplateEdits(workbook: Pick<Workbook, 'settings' | 'texts'>, template: TemplateSpec): Edit[] {
  const edits: Edit[] = [{ op: 'set', key: 'settings', value: settingsWithTemplate(workbook.settings, template) }];
  if (workbook.texts.glossary.length === 0 && template.glossary.length > 0) {
    edits.push({ op: 'set', key: 'texts', value: { ...workbook.texts, glossary: template.glossary.map((entry) => ({ ...entry })) } });
  }
  return edits;
}

/**
 * A newer version of the built-in the workbook's copy was made from: the workbook keeps printing with its
 * copy until the clerk takes the newer one.
 */
export function builtinUpdate(settings: Pick<Settings, 'template' | 'templateDocument'>, builtins: Readonly<Record<string, TemplateSpec>>): { id: string; version: number; newVersion: number } | null {
  const copy = settings.templateDocument;
  if (!copy || copy.id !== settings.template || typeof copy.id !== 'string' || typeof copy.version !== 'number') return null;
  const builtin = builtins[copy.id];
  if (!builtin || builtin.version <= copy.version) return null;
  return { id: copy.id, version: copy.version, newVersion: builtin.version };
}

/** The workbook's template for evaluation code that only has the workbook (checks, the renderer). */
export function templateOfWorkbook(workbook: Pick<Workbook, 'settings'>, builtins: Readonly<Record<string, TemplateSpec>>, lookup: BaseLookup): TemplateSpec | undefined {
  const found = workbookTemplate(workbook.settings, builtins, lookup);
  return found?.ok ? found.template : undefined;
}
