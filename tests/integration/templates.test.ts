import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { findTemplate, loadTemplate } from '../../src/core/templates';
import { createApiHandlers, createDispatch, noDialogs } from '../../src/main/services/api-handlers';
import { WorkbookStore } from '../../src/main/services/store';
import { seedPath } from '../support/seeds';
import { runCli } from './helpers/cli';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'budget-templates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const variantPath = join(root, 'tests/fixtures/templates/henan-county-variant.json');

/** The command line with its own config directory. */
function cli(args: string[], configDir: string, cwd = work) {
  return runCli(args, cwd, { BUDGET_DESK_CONFIG_DIR: configDir });
}

/** Every sheet's cell values, as exceljs reads the file back. */
async function sheetValues(path: string): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const out: Record<string, unknown[][]> = {};
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value && typeof value === 'object' && 'richText' in value ? JSON.stringify(value) : value))));
    out[sheet.name] = rows;
  });
  return out;
}

describe('templates on the command line', () => {
  const config = join(work, 'config');
  const broken = join(work, 'broken.json');

  it('lists the built-ins with their source and version', () => {
    const listed = JSON.parse(cli(['templates'], config).stdout);
    const shipped = (id: string) => (JSON.parse(readFileSync(join(root, 'resources/templates', `${id}.json`), 'utf8')) as { version: number }).version;
    expect(listed.templates.map((entry: { id: string; source: string; version: number }) => `${entry.id}:${entry.source}:${entry.version}`)).toEqual(
      ['henan-2024', 'hebei-2024', 'shaanxi-2024'].map((id) => `${id}:builtin:${shipped(id)}`),
    );
    expect(listed.folder).toBe(join(config, 'templates'));
  });

  it('checks a template file: exit 0 for a good one, exit 1 with every problem worded in the user’s language', () => {
    expect(cli(['template', 'check', variantPath], config).code).toBe(0);
    const variant = JSON.parse(readFileSync(variantPath, 'utf8'));
    variant.tables.remove = ['state-capitol'];
    variant.tables.change.expenditure.columns.replace.公用经费[0].cell.measure.funds = ['gen.appropriaton'];
    writeFileSync(broken, JSON.stringify(variant));
    const result = cli(['template', 'check', broken], config);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tables.remove[0]：所继承的模板中没有 id 为“state-capitol”的表');
    expect(result.stderr).toContain('没有资金来源“gen.appropriaton”');
    // The bad fund is named once per row list the new column reaches (total, department and function rows).
    const keys = JSON.parse(result.stdout).problems.map((problem: { messageKey: string }) => problem.messageKey);
    expect(keys).toEqual(['template:unknownTable', 'template:unknownFund', 'template:unknownFund', 'template:unknownFund']);
    const english = runCli(['template', 'check', broken], work, { LANG: 'en_US.UTF-8', BUDGET_DESK_CONFIG_DIR: config });
    expect(english.stderr).toContain('has no table with id "state-capitol"');
    expect(english.stderr).not.toContain('    at ');
  });

  it('shows the resolved template, which loads back to the built-in itself', () => {
    const shown = cli(['template', 'show', 'henan-2024'], config);
    expect(shown.code).toBe(0);
    const result = loadTemplate(shown.stdout);
    expect(result.ok && result.template).toEqual(findTemplate('henan-2024'));
    const variant = JSON.parse(cli(['template', 'show', variantPath], config).stdout);
    expect(variant.extends).toBeUndefined();
    expect(variant.tables.some((table: { id: string }) => table.id === 'state-capital')).toBe(false);
  });

  it('exports a template to share, whole', () => {
    const out = join(work, 'county-shared.json');
    expect(cli(['template', 'export', variantPath, '--out', out], config).code).toBe(0);
    const result = loadTemplate(readFileSync(out, 'utf8'));
    expect(result.ok && result.template.id).toBe('henan-2024-county');
  });

  it('renders a variant file through tables and export with no code change, and the workbook keeps it for another machine and next year', async () => {
    expect(cli(['import-json', seedPath('henan-2024', 'workbook.json'), 'county.budget'], config).code).toBe(0);
    const tables = JSON.parse(cli(['tables', 'county.budget', '--template', variantPath, '--table', 'expenditure'], config).stdout);
    expect(tables.template).toBe('henan-2024-county');
    expect(tables.tables[0].title).toBe('2024年部门支出预算总表');
    expect(tables.tables[0].rows[0].slice(9, 11)).toEqual(['129.72', '0.78']);

    const exported = cli(['export', 'county.budget', '--template', variantPath, '--xlsx', 'county.xlsx'], config);
    expect(exported.stderr).toBe('');
    const sheets = await sheetValues(join(work, 'county.xlsx'));
    const names = Object.keys(sheets);
    expect(names.length).toBe(findTemplate('henan-2024')!.tables.length - 1);
    expect(names.join(' ')).not.toContain('国有资本');
    expect(JSON.stringify(sheets)).toContain('2024年部门收支预算总表');

    // The workbook takes the variant as its template; copied to a machine with an empty config directory
    // (no templates folder, the variant file nowhere), it prints the same package.
    const used = JSON.parse(cli(['template', 'use', 'county.budget', variantPath], config).stdout);
    expect(used).toMatchObject({ template: 'henan-2024-county', version: 1 });
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    copyFileSync(join(work, 'county.budget'), join(elsewhere, 'county.budget'));
    const fresh = join(work, 'fresh-config');
    expect(cli(['export', 'county.budget', '--xlsx', 'again.xlsx'], fresh, elsewhere).code).toBe(0);
    expect(await sheetValues(join(elsewhere, 'again.xlsx'))).toEqual(sheets);
    expect(existsSync(join(fresh, 'templates'))).toBe(false);

    // Next year starts with the same template.
    expect(cli(['new-year', 'county.budget', 'next.budget'], fresh, elsewhere).code).toBe(0);
    const last = WorkbookStore.open(join(elsewhere, 'county.budget'));
    const kept = last.workbook.settings.templateDocument;
    last.close();
    const next = WorkbookStore.open(join(elsewhere, 'next.budget'));
    try {
      expect(next.workbook.settings.template).toBe('henan-2024-county');
      expect(next.workbook.settings.templateDocument).toEqual(kept);
      expect(kept?.id).toBe('henan-2024-county');
    } finally {
      next.close();
    }
  });
});

describe('templates through the API', () => {
  it('imports a good file into the templates folder, refuses a broken one without writing, lists both, and switches the workbook', async () => {
    const base = mkdtempSync(join(tmpdir(), 'budget-templates-api-'));
    const configDir = join(base, 'config');
    const dataDir = join(base, 'data');
    mkdirSync(dataDir);
    const session = createApiHandlers({ transport: 'web', version: '9.9.9', configDir, dataDir, dialogs: noDialogs });
    const dispatch = createDispatch(session, () => {});
    const call = async <T,>(method: string, args: unknown = {}): Promise<T> => {
      const response = await dispatch(method, args);
      if (!response.ok) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
      return response.result as T;
    };
    try {
      const text = readFileSync(variantPath, 'utf8');
      const bad = JSON.parse(text);
      bad.tables.change.expenditures = { title: 'x' };
      const refused = await call<{ ok: boolean; problems: { path: string; messageKey: string }[] }>('templates.import', { fileName: 'bad.json', text: JSON.stringify(bad) });
      expect(refused.ok).toBe(false);
      expect(refused.problems.map((problem) => `${problem.path} ${problem.messageKey}`)).toEqual(['tables.change["expenditures"] template:unknownTable']);
      expect(existsSync(join(configDir, 'templates'))).toBe(false);

      const imported = await call<{ ok: boolean; entry: { id: string; origin: string; extends: string } }>('templates.import', { fileName: 'county.json', text });
      expect(imported).toMatchObject({ ok: true, entry: { id: 'henan-2024-county', origin: 'folder', extends: 'henan-2024' } });
      expect(readdirSync(join(configDir, 'templates'))).toEqual(['henan-2024-county.json']);

      // A file that is not a template and a named pipe in the folder: listed as broken or skipped, never blocking.
      writeFileSync(join(configDir, 'templates', 'notes.json'), '{"format": "something-else"}');
      spawnSync('mkfifo', [join(configDir, 'templates', 'pipe.json')]);
      const listed = await call<{ templates: { id: string; origin: string }[]; broken: { path: string }[] }>('templates.list');
      expect(listed.templates.map((entry) => `${entry.id}:${entry.origin}`)).toContain('henan-2024-county:folder');
      expect(listed.broken.map((file) => file.path)).toEqual([join(configDir, 'templates', 'notes.json')]);

      await call('workbook.create', { path: 'a.budget', department: { code: '036', name: '医疗保障局', year: 2024 } });
      const used = await call<{ ok: boolean; summary: { revision: number } }>('templates.use', { id: 'henan-2024-county' });
      expect(used.ok).toBe(true);
      const listedAgain = await call<{ current: { id: string; origin: string; version: number; update: unknown } }>('templates.list');
      expect(listedAgain.current).toMatchObject({ id: 'henan-2024-county', origin: 'workbook', version: 1, update: null });
      const preview = await call<{ template: string; tables: { id: string; title: string }[] }>('tables.preview', {});
      expect(preview.template).toBe('henan-2024-county');
      expect(preview.tables.map((table) => table.id)).not.toContain('state-capital');

      // A variant made on the templates screen extends the workbook's own copy.
      const edited = { format: 'budget-desk-template', formatVersion: 1, id: 'county-edited', version: 1, name: '改', extends: 'henan-2024-county', tables: { remove: ['income'] } };
      expect((await call<{ ok: boolean }>('templates.use', { text: JSON.stringify(edited) })).ok).toBe(true);
      const exported = await call<{ fileName: string; text: string }>('templates.export', {});
      expect(exported.fileName).toBe('county-edited.json');
      const shared = loadTemplate(exported.text);
      expect(shared.ok && shared.template.tables.map((table) => table.id)).not.toContain('income');
      // One undo step puts the previous template back.
      await call('workbook.undo');
      expect((await call<{ current: { id: string } }>('templates.list')).current.id).toBe('henan-2024-county');
    } finally {
      session.dispose();
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('the Excel workbook follows the template’s page set-up', () => {
  it('prints every sheet in the orientation and margins the template sets', async () => {
    const { buildXlsx, reportTables } = await import('../../src/main/services/export');
    const { loadSeedWorkbook } = await import('../support/seeds');
    const henan = findTemplate('henan-2024')!;
    const page = { ...henan.package.page, tableOrientation: 'landscape' as const, margins: { ...henan.package.page.margins, landscape: { top: 20, right: 25.4, bottom: 20, left: 25.4 } } };
    const { bytes } = await buildXlsx(reportTables(loadSeedWorkbook('henan-2024'), henan), { page });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    book.eachSheet((sheet) => {
      expect(sheet.pageSetup.orientation, sheet.name).toBe('landscape');
      expect(sheet.pageSetup.margins).toMatchObject({ left: 1, right: 1 });
    });
  });
});
