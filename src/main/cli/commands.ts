import type { ParseArgsConfig } from 'node:util';
import { checkCatalogForWorkbook, checkOptionsForTemplate, runChecks } from '../../core/checks';
import { serializeInterchange } from '../../core/interchange';
import { displayRows, evaluateTemplateBySpec } from '../../core/tables/evaluate';
import { catalogNames } from '../../core/tables/names';
import { UserError } from '../../shared/api';
import { createI18n, languageFromEnv } from '../../shared/i18n';
import { WorkbookStore } from '../services/store';
import { exportFiles } from '../services/export';
import { createNewYear, importPrior, previewNewYear, previewPrior, readWorkbookReadOnly } from '../services/prior';
import { readInterchangeFile, writeText, type CliIo } from './run';
import { TEMPLATE_COMMANDS, templateFor } from './template-commands';
import { CATALOG_COMMANDS } from './catalog-commands';
import { AUDIT_COMMAND } from './audit-command';

export interface CommandContext {
  io: CliIo;
  resolvePath: (path: string) => string;
  printJson: (value: unknown) => void;
}

type Values = Record<string, string | boolean | undefined>;

export interface Command {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(positionals: string[], values: Values, context: CommandContext): Promise<number> | number;
}

function positional(positionals: string[], index: number, usage: string): string {
  const value = positionals[index];
  if (!value) throw new UserError('cli:missingArgument', { usage });
  return value;
}

function withStore<T>(path: string, action: (store: WorkbookStore) => T): T {
  const store = WorkbookStore.open(path);
  try {
    return action(store);
  } finally {
    store.close();
  }
}

function summary(store: WorkbookStore) {
  const { department, units, budgetLines, incomeLines, projects } = store.workbook;
  return {
    path: store.path,
    department,
    revision: store.revision,
    counts: { units: units.length, incomeLines: incomeLines.length, budgetLines: budgetLines.length, projects: projects.length },
  };
}

export const COMMANDS: Record<string, Command> = {
  new: {
    usage: 'new <file.budget> --code 036 --name 部门名称 --year 2025 [--unit wan|yuan]',
    options: { code: { type: 'string' }, name: { type: 'string' }, year: { type: 'string' }, unit: { type: 'string' } },
    run(positionals, values, context) {
      const usage = this.usage;
      const path = context.resolvePath(positional(positionals, 0, usage));
      const year = Number(values.year);
      if (typeof values.code !== 'string' || typeof values.name !== 'string' || !Number.isInteger(year) || year < 2000 || year > 2100) {
        throw new UserError('cli:missingArgument', { usage });
      }
      const unit = values.unit === 'yuan' ? 'yuan' : values.unit === undefined || values.unit === 'wan' ? 'wan' : null;
      if (!unit) throw new UserError('cli:badUnit', { value: String(values.unit) });
      const store = WorkbookStore.create(path, { department: { code: values.code, name: values.name, year, publishedOn: '' }, entryUnit: unit });
      try {
        context.printJson(summary(store));
      } finally {
        store.close();
      }
      return 0;
    },
  },
  'import-json': {
    usage: 'import-json <workbook.json> <file.budget> [--replace]',
    options: { replace: { type: 'boolean' } },
    run(positionals, values, context) {
      const source = context.resolvePath(positional(positionals, 0, this.usage));
      const target = context.resolvePath(positional(positionals, 1, this.usage));
      const workbook = readInterchangeFile(source);
      // A new file is built whole under a temporary name and moved into place only when complete:
      // a failure leaves nothing behind. --replace backs the old content up first (<file>.r<N>.bak).
      const store = values.replace ? WorkbookStore.open(target) : WorkbookStore.createWith(target, workbook);
      try {
        if (values.replace) store.replaceAll(workbook);
        context.printJson(summary(store));
      } finally {
        store.close();
      }
      return 0;
    },
  },
  'export-json': {
    usage: 'export-json <file.budget> [--out workbook.json]',
    options: { out: { type: 'string' } },
    run(positionals, values, context) {
      const path = context.resolvePath(positional(positionals, 0, this.usage));
      const text = withStore(path, (store) => serializeInterchange(store.workbook));
      if (typeof values.out === 'string') writeText(context.resolvePath(values.out), text);
      else context.io.stdout(text);
      return 0;
    },
  },
  check: {
    usage: 'check <file.budget> [--template ID|FILE.json]',
    options: { template: { type: 'string' } },
    run(positionals, values, context) {
      const path = context.resolvePath(positional(positionals, 0, this.usage));
      const workbook = withStore(path, (store) => store.workbook);
      const requested = typeof values.template === 'string' ? values.template : undefined;
      const template = requested !== undefined || workbook.settings.template ? templateFor(workbook, requested, context) : undefined;
      const findings = runChecks(workbook, checkCatalogForWorkbook(workbook), checkOptionsForTemplate(template));
      const i18n = createI18n(languageFromEnv(context.io.env));
      const count = (severity: string) => findings.filter((finding) => finding.severity === severity).length;
      context.printJson({
        path,
        template: template?.id ?? null,
        summary: { errors: count('error'), warnings: count('warning'), info: count('info') },
        findings: findings.map((finding) => ({ ...finding, message: i18n.t(finding.messageKey, finding.params) })),
      });
      return count('error') > 0 ? 1 : 0;
    },
  },
  tables: {
    usage: 'tables <file.budget> [--template ID|FILE.json] [--table ID]',
    options: { template: { type: 'string' }, table: { type: 'string' } },
    run(positionals, values, context) {
      const path = context.resolvePath(positional(positionals, 0, this.usage));
      const workbook = withStore(path, (store) => store.workbook);
      const template = templateFor(workbook, typeof values.template === 'string' ? values.template : undefined, context);
      const wanted = typeof values.table === 'string' ? values.table : null;
      const specIds = template.tables.map((table) => table.id);
      // Evaluate the whole template (a catalogue reads the other tables), then pick: by spec id, which
      // selects every copy of a per-project table, or by an evaluated copy's own id.
      const bySpec = evaluateTemplateBySpec(workbook, template, catalogNames(workbook));
      const all = bySpec.flatMap((entry) => entry.tables);
      const tables = wanted === null ? all : (bySpec.find((entry) => entry.spec.id === wanted)?.tables ?? all.filter((table) => table.id === wanted));
      if (tables.length === 0) {
        throw new UserError('cli:unknownTable', { id: wanted ?? '', ids: specIds.join(', ') });
      }
      context.printJson({
        template: template.id,
        tables: tables.map((table) => ({
          id: table.id,
          number: table.number,
          title: table.title,
          meta: table.meta,
          header: table.header.map((row) => row.map((cell) => cell.text)),
          rows: displayRows(table),
          notes: table.notes,
          empty: table.empty,
        })),
      });
      return 0;
    },
  },
  export: {
    usage: 'export <file.budget> [--template ID|FILE.json] [--xlsx PATH] [--pdf PATH] [--open-data DIR]',
    options: { template: { type: 'string' }, xlsx: { type: 'string' }, pdf: { type: 'string' }, 'open-data': { type: 'string' } },
    async run(positionals, values, context) {
      const path = context.resolvePath(positional(positionals, 0, this.usage));
      const target = (key: string) => {
        const value = values[key];
        return typeof value === 'string' ? context.resolvePath(value) : undefined;
      };
      const targets = { xlsx: target('xlsx'), pdf: target('pdf'), openData: target('open-data') };
      if (!targets.xlsx && !targets.pdf && !targets.openData) throw new UserError('cli:missingArgument', { usage: this.usage });
      const workbook = withStore(path, (store) => store.workbook);
      const template = templateFor(workbook, typeof values.template === 'string' ? values.template : undefined, context);
      context.printJson(await exportFiles(workbook, template, targets));
      return 0;
    },
  },
  'new-year': {
    usage: 'new-year <last.budget> <new.budget> [--continue CODE,CODE…] [--all-projects] [--unit wan|yuan]',
    options: { continue: { type: 'string' }, 'all-projects': { type: 'boolean' }, unit: { type: 'string' } },
    run(positionals, values, context) {
      const sourcePath = context.resolvePath(positional(positionals, 0, this.usage));
      const targetPath = context.resolvePath(positional(positionals, 1, this.usage));
      const unit = values.unit === undefined ? undefined : values.unit === 'wan' || values.unit === 'yuan' ? values.unit : null;
      if (unit === null) throw new UserError('cli:badUnit', { value: String(values.unit) });
      const continuingProjects = values['all-projects']
        ? previewNewYear(sourcePath).projects.map((project) => project.id)
        : String(values.continue ?? '').split(',').map((code) => code.trim()).filter((code) => code !== '');
      const { store, report } = createNewYear({ sourcePath, targetPath, continuingProjects, entryUnit: unit });
      try {
        context.printJson({ path: store.path, department: store.workbook.department, ...report });
      } finally {
        store.close();
      }
      return 0;
    },
  },
  'import-prior': {
    usage: 'import-prior <file.budget> <last.xlsx|last.budget> [--dry-run]',
    options: { 'dry-run': { type: 'boolean' } },
    async run(positionals, values, context) {
      const targetPath = context.resolvePath(positional(positionals, 0, this.usage));
      const source = { path: context.resolvePath(positional(positionals, 1, this.usage)) };
      if (values['dry-run']) {
        // Nothing is written: this year's workbook is only read, like last year's.
        const preview = await previewPrior(readWorkbookReadOnly(targetPath), source);
        context.printJson(preview);
        return preview.problems.length > 0 ? 1 : 0;
      }
      const store = WorkbookStore.open(targetPath);
      try {
        context.printJson({ ...(await importPrior(store, source)), revision: store.revision });
      } finally {
        store.close();
      }
      return 0;
    },
  },
  info: {
    usage: 'info <file.budget>',
    options: {},
    run(positionals, _values, context) {
      const path = context.resolvePath(positional(positionals, 0, this.usage));
      const facts = WorkbookStore.inspect(path, { counts: true });
      const counts = facts.counts ?? withStore(path, (store) => summary(store).counts);
      context.printJson({ path, schemaVersion: facts.schemaVersion, department: facts.department, revision: facts.revision, counts });
      return 0;
    },
  },
  ...TEMPLATE_COMMANDS,
  ...CATALOG_COMMANDS,
  audit: AUDIT_COMMAND,
};
