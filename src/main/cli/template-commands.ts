import { existsSync } from 'node:fs';
import type { Workbook } from '../../core/model';
import type { TemplateSpec } from '../../core/tables/spec';
import { formatTemplateJson, toBaseDocument, useTemplateEdits, type TemplateProblem } from '../../core/templates';
import { UserError } from '../../shared/api';
import { createI18n, languageFromEnv } from '../../shared/i18n';
import { defaultConfigDir } from '../services/config-dir';
import { WorkbookStore } from '../services/store';
import { readTemplateFile, TemplateLibrary } from '../services/templates/library';
import type { Command, CommandContext } from './commands';
import { LEARN_COMMAND } from './learn-command';
import { writeText } from './run';

/** The library the command line sees: built-ins and the templates folder of the config directory. */
export function cliLibrary(context: CommandContext): TemplateLibrary {
  return new TemplateLibrary(defaultConfigDir(context.io.env));
}

/** A --template value names a template file when it looks like one (ends in .json or is an existing file). */
function isFileArgument(value: string, context: CommandContext): boolean {
  return value.toLowerCase().endsWith('.json') || existsSync(context.resolvePath(value));
}

/** The template `--template` names (an id or a file), else the workbook's own. */
export function templateFor(workbook: Workbook, requested: string | undefined, context: CommandContext): TemplateSpec {
  const library = cliLibrary(context);
  if (requested !== undefined && isFileArgument(requested, context)) return library.resolveFile(context.resolvePath(requested));
  return library.forWorkbook(workbook, requested ?? null).template;
}

function worded(problems: TemplateProblem[], context: CommandContext) {
  const i18n = createI18n(languageFromEnv(context.io.env));
  return problems.map((problem) => ({ ...problem, message: i18n.t('template:problem', { path: problem.path, message: i18n.t(problem.messageKey, problem.params) }) }));
}

function resolveArgument(value: string, context: CommandContext): TemplateSpec {
  const library = cliLibrary(context);
  return isFileArgument(value, context) ? library.resolveFile(context.resolvePath(value)) : library.resolve(value);
}

export const TEMPLATE_COMMANDS: Record<string, Command> = {
  templates: {
    usage: 'templates',
    options: {},
    run(_positionals, _values, context) {
      const library = cliLibrary(context);
      const { templates, broken } = library.list();
      context.printJson({
        folder: library.folder,
        templates: templates.map(({ id, name, province, version, origin, path, extends: base }) => ({ id, name, province, version, source: origin, ...(path ? { path } : {}), ...(base ? { extends: base } : {}) })),
        broken: broken.map((file) => ({ path: file.path, problems: worded(file.problems, context) })),
      });
      return 0;
    },
  },
  template: {
    usage:
      'template check <file.json> | template show <id|file.json> | template export <id|file.json> [--out F] | template use <file.budget> <id|file.json> | template learn <published.xlsx> [--base ID] [--facts last.budget] --out variant.json',
    options: { out: { type: 'string' }, base: { type: 'string' }, facts: { type: 'string' } },
    run(positionals, values, context) {
      const [verb, first, second] = positionals;
      if (verb === 'learn') return LEARN_COMMAND.run(positionals, values, context);
      if (!verb || !first) throw new UserError('cli:missingArgument', { usage: this.usage });
      switch (verb) {
        case 'check': {
          const path = context.resolvePath(first);
          const result = cliLibrary(context).check(readTemplateFile(path));
          if (result.ok) {
            context.printJson({ path, ok: true, id: result.template.id, name: result.template.name, tables: result.template.tables.length });
            return 0;
          }
          context.printJson({ path, ok: false, problems: worded(result.problems, context) });
          for (const problem of worded(result.problems, context)) context.io.stderr(`${problem.message}\n`);
          return 1;
        }
        case 'show':
          context.io.stdout(formatTemplateJson(toBaseDocument(resolveArgument(first, context))));
          return 0;
        case 'export': {
          const template = resolveArgument(first, context);
          const text = cliLibrary(context).exportText(template);
          if (typeof values.out === 'string') {
            const out = context.resolvePath(values.out);
            writeText(out, text);
            context.printJson({ id: template.id, path: out });
          } else context.io.stdout(text);
          return 0;
        }
        case 'use': {
          if (!second) throw new UserError('cli:missingArgument', { usage: this.usage });
          const store = WorkbookStore.open(context.resolvePath(first));
          try {
            const template = isFileArgument(second, context) ? cliLibrary(context).resolveFile(context.resolvePath(second)) : cliLibrary(context).forWorkbook(store.workbook, second).template;
            store.apply(useTemplateEdits(store.workbook, template));
            context.printJson({ path: store.path, template: template.id, version: template.version, revision: store.revision });
          } finally {
            store.close();
          }
          return 0;
        }
        default:
          throw new UserError('cli:missingArgument', { usage: this.usage });
      }
    },
  },
};
