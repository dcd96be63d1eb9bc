import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Workbook } from '../../../core/model';
import type { TemplateSpec } from '../../../core/tables/spec';
import {
  BUILTIN_DOCUMENTS,
  builtinUpdate,
  formatTemplateJson,
  loadTemplate,
  TEMPLATES,
  toBaseDocument,
  workbookTemplate,
  type TemplateOrigin,
  type TemplateProblem,
} from '../../../core/templates';
import { UserError } from '../../../shared/api';

/** A template file larger than this is refused unread (the built-ins are about 100 KB). */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

export interface TemplateEntry {
  id: string;
  name: string;
  province: string;
  year: number;
  version: number;
  description: string;
  origin: TemplateOrigin;
  /** The file it was read from (folder templates). */
  path?: string;
  /** The template it extends, for a variant. */
  extends?: string;
}

/** A file in the templates folder that does not load: listed with its problems, never used. */
export interface BrokenTemplateFile {
  path: string;
  problems: TemplateProblem[];
}

/**
 * Every template the app can use, wherever it lives: the built-ins (resources/templates), the bureau's own in
 * `<configDir>/templates/*.json`, and a workbook's own copy. A variant finds its base among them by id. Folder
 * files are read on each call, so a file dropped into the folder is there without a restart.
 */
export class TemplateLibrary {
  readonly folder: string;

  constructor(configDir: string) {
    this.folder = join(configDir, 'templates');
  }

  /** Built-ins first, then the folder's templates; broken files are listed apart. */
  list(): { templates: TemplateEntry[]; broken: BrokenTemplateFile[] } {
    const templates: TemplateEntry[] = Object.values(TEMPLATES).map((template) => entryOf(template, 'builtin'));
    const broken: BrokenTemplateFile[] = [];
    for (const file of this.folderFiles()) {
      const result = loadTemplate(file.value ?? file.text, this.lookup);
      if (!result.ok) broken.push({ path: file.path, problems: result.problems });
      else if (TEMPLATES[result.template.id]) broken.push({ path: file.path, problems: [{ path: 'id', messageKey: 'template:builtinId', params: { id: result.template.id } }] });
      else templates.push({ ...entryOf(result.template, 'folder'), path: file.path, ...('extends' in result.document ? { extends: result.document.extends } : {}) });
    }
    return { templates, broken };
  }

  /** The document with this id: a built-in's or a folder file's (for variants and for `template show`). */
  readonly lookup = (id: string): unknown => {
    const builtin = BUILTIN_DOCUMENTS.find((document) => (document as { id?: unknown }).id === id);
    if (builtin) return builtin;
    for (const file of this.folderFiles()) if (file.value !== undefined && (file.value as { id?: unknown }).id === id) return file.value;
    return undefined;
  };

  /** A template by id (built-in or folder), resolved; a clear error when it does not exist or does not load. */
  resolve(id: string): TemplateSpec {
    const builtin = TEMPLATES[id];
    if (builtin) return builtin;
    const document = this.lookup(id);
    if (document === undefined) throw new UserError('template:notFound', { id, ids: this.list().templates.map((entry) => entry.id).join(', ') });
    return loaded(loadTemplate(document, this.lookup), id);
  }

  /** A template file anywhere (the command line's --template FILE), resolved against this library. */
  resolveFile(path: string): TemplateSpec {
    return loaded(loadTemplate(readTemplateFile(path), this.lookup), basename(path));
  }

  /** What a template file's text would give, without keeping it: the template or its problems. */
  check(text: string) {
    return loadTemplate(text, this.lookup);
  }

  /**
   * Keeps a template file in the folder as `<id>.json`, after it loads without a problem; a broken file changes
   * nothing. A built-in's id is refused (a copy cannot shadow what ships); a folder file of the same id is replaced.
   */
  import(text: string): { ok: true; entry: TemplateEntry } | { ok: false; problems: TemplateProblem[] } {
    const result = loadTemplate(text, this.lookup);
    if (!result.ok) return result;
    if (TEMPLATES[result.template.id]) return { ok: false, problems: [{ path: 'id', messageKey: 'template:builtinId', params: { id: result.template.id } }] };
    // The file as given (a variant stays a variant).
    const path = this.write(result.template.id, formatTemplateJson(result.document));
    return { ok: true, entry: { ...entryOf(result.template, 'folder'), path, ...('extends' in result.document ? { extends: result.document.extends } : {}) } };
  }

  /**
   * Keeps a resolved template in the folder as a whole file (no base needed), e.g. one the clerk made on the
   * templates screen, so switching the workbook to another template never loses it. Built-ins are not copied.
   */
  keep(template: TemplateSpec): void {
    if (TEMPLATES[template.id]) return;
    this.write(template.id, this.exportText(template));
  }

  /** Whether a built-in or a folder file has this id. */
  has(id: string): boolean {
    return this.lookup(id) !== undefined;
  }

  /** Written whole under a temporary name, then renamed, so a crash leaves no half file. */
  private write(id: string, text: string): string {
    mkdirSync(this.folder, { recursive: true });
    const path = join(this.folder, `${id}.json`);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, text, { flag: 'w' });
    try {
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    return path;
  }

  /**
   * The template `workbook` publishes with, or the one asked for: an id of the workbook's own copy, a
   * built-in or a folder template. Errors are UserErrors worded for the clerk.
   */
  forWorkbook(workbook: Pick<Workbook, 'settings'>, requested?: string | null): { template: TemplateSpec; origin: TemplateOrigin } {
    const own = workbookTemplate(workbook.settings, TEMPLATES, this.lookup);
    const id = requested || workbook.settings.template || '';
    if (!id) throw new UserError('export:noTemplate', { ids: this.list().templates.map((entry) => entry.id).join(', ') });
    if (own && (own.ok ? own.template.id : own.id) === id) {
      if (!own.ok) throw new UserError('template:workbookCopyBroken', { id, count: own.problems.length, first: own.problems[0]?.path ?? '' });
      return { template: own.template, origin: own.origin };
    }
    const template = TEMPLATES[id] ?? (this.lookup(id) !== undefined ? this.resolve(id) : undefined);
    if (!template) throw new UserError('export:unknownTemplate', { id, ids: this.list().templates.map((entry) => entry.id).join(', ') });
    return { template, origin: TEMPLATES[id] ? 'builtin' : 'folder' };
  }

  /** The workbook's template as the templates screen shows it: which, from where, and a newer built-in if any. */
  describe(workbook: Pick<Workbook, 'settings'>): WorkbookTemplateInfo | null {
    const own = workbookTemplate(workbook.settings, TEMPLATES, this.lookup);
    if (!own) return null;
    if (!own.ok) return { id: own.id, name: '', version: 0, origin: 'workbook', problems: own.problems, update: null };
    return { id: own.template.id, name: own.template.name, version: own.template.version, origin: own.origin, problems: [], update: builtinUpdate(workbook.settings, TEMPLATES) };
  }

  /** The template as a whole file to share: resolved, so it needs no base on the other machine. */
  exportText(template: TemplateSpec): string {
    return formatTemplateJson({ $schema: 'https://budget-desk.invalid/template.schema.json', ...toBaseDocument(template) });
  }

  /** Every *.json regular file in the folder, read with a size limit; never blocks on a pipe or a device. */
  private folderFiles(): { path: string; text: string; value: unknown }[] {
    let names: string[];
    try {
      names = readdirSync(this.folder).filter((name) => name.toLowerCase().endsWith('.json')).sort();
    } catch {
      return [];
    }
    return names.flatMap((name) => {
      const path = join(this.folder, name);
      try {
        const text = readTemplateFile(path);
        let value: unknown;
        try {
          value = JSON.parse(text.replace(/^\uFEFF/, ''));
        } catch {
          value = undefined;
        }
        return [{ path, text, value }];
      } catch {
        return [];
      }
    });
  }
}

export interface WorkbookTemplateInfo {
  id: string;
  name: string;
  version: number;
  origin: TemplateOrigin;
  problems: TemplateProblem[];
  update: { id: string; version: number; newVersion: number } | null;
}

export function entryOf(template: TemplateSpec, origin: TemplateOrigin): TemplateEntry {
  return { id: template.id, name: template.name, province: template.province, year: template.year, version: template.version, description: template.description ?? '', origin };
}

function loaded(result: ReturnType<typeof loadTemplate>, name: string): TemplateSpec {
  if (result.ok) return result.template;
  throw new UserError('template:broken', { name, count: result.problems.length, first: result.problems[0]?.path ?? '' });
}

/**
 * A template file's text: a regular file only (a named pipe or a device in the folder would block every call),
 * at most MAX_TEMPLATE_BYTES. O_NONBLOCK so that opening a FIFO does not wait for a writer.
 */
export function readTemplateFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    throw new UserError('template:unreadable', { path });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UserError('template:notAFile', { path });
    if (stat.size > MAX_TEMPLATE_BYTES) throw new UserError('template:tooLarge', { path, limit: `${MAX_TEMPLATE_BYTES / 1024 / 1024} MB` });
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const count = readSync(fd, buffer, read, stat.size - read, read);
      if (count === 0) break;
      read += count;
    }
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer.subarray(0, read));
    return text;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('template:notUtf8', { path });
  } finally {
    closeSync(fd);
  }
}
