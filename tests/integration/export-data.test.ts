import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMoney } from '../../src/core/money';
import { cellNumber } from '../../src/core/report';
import { findTemplate } from '../../src/core/templates';
import { createApiHandlers, createDispatch, noDialogs, type ApiSession } from '../../src/main/services/api-handlers';
import { ChromiumPdfPrinter, exportOpenData, exportPdf, exportXlsx, reportTables, type ExportStage } from '../../src/main/services/export';
import { sheetNames } from '../../src/main/services/export/sheet-names';
import { WorkbookStore } from '../../src/main/services/store';
import { UserError } from '../../src/shared/api';
import { loadSeedWorkbook, seedPath } from '../support/seeds';

/** Open data, progress and cancel, the CLI command and the API methods of publishing. */
const root = new URL('../..', import.meta.url).pathname;
let work: string;
let printer: ChromiumPdfPrinter;
const workbook = loadSeedWorkbook('henan-2024');
const template = findTemplate('henan-2024')!;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'budget-desk-export-data-'));
  printer = await ChromiumPdfPrinter.launch();
});

afterAll(async () => {
  await printer?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Our CSV: UTF-8 without a BOM, CRLF, RFC 4180 quoting. */
function readCsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).not.toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += char;
  }
  return rows;
}

describe('open data', () => {
  const folder = () => join(work, 'open-data');

  it('writes the budget lines, income lines and every table as CSV, described by datapackage.json', async () => {
    const result = await exportOpenData(workbook, template, folder());
    const descriptor = JSON.parse(readFileSync(join(folder(), 'datapackage.json'), 'utf8'));
    expect(descriptor).toMatchObject({ profile: 'tabular-data-package', name: 'budget-036-2024', countryCode: 'CN', fiscalPeriod: { start: '2024-01-01' } });
    const tables = reportTables(workbook, template);
    expect(descriptor.resources).toHaveLength(2 + tables.length);
    expect(result.files).toHaveLength(3 + tables.length);
    for (const resource of descriptor.resources) {
      const rows = readCsv(join(folder(), resource.path));
      expect(rows[0], resource.name).toEqual(resource.schema.fields.map((field: { name: string }) => field.name));
      resource.schema.fields.forEach((field: { type: string; name: string }, column: number) => {
        if (field.type !== 'number') return;
        for (const row of rows.slice(1)) if (row[column] !== '') expect(row[column], `${resource.name}.${field.name}`).toMatch(/^-?\d+(\.\d+)?$/);
      });
    }
  });

  it('keeps every budget line exact in 元 with its codes as text', () => {
    const rows = readCsv(join(folder(), 'budget-lines.csv'));
    const header = rows[0]!;
    const amount = header.indexOf('amount');
    const unit = header.indexOf('unit_code');
    expect(rows.length - 1).toBe(workbook.budgetLines.length);
    const total = rows.slice(1).reduce((sum, row) => {
      const parsed = parseMoney(row[amount]!, 'yuan');
      if (!parsed.ok) throw new Error(row[amount]);
      return sum + parsed.fen;
    }, 0);
    expect(total).toBe(workbook.budgetLines.reduce((sum, line) => sum + line.amount, 0));
    expect(rows.slice(1).every((row) => /^0\d+/.test(row[unit]!))).toBe(true);
  });

  it('writes each table’s money as plain numbers in the table’s unit, zero included', () => {
    const descriptor = JSON.parse(readFileSync(join(folder(), 'datapackage.json'), 'utf8'));
    const tables = reportTables(workbook, template);
    tables.forEach(({ table, money }, index) => {
      const resource = descriptor.resources[2 + index];
      const rows = readCsv(join(folder(), resource.path)).slice(1);
      expect(rows).toHaveLength(table.rows.length);
      table.rows.forEach((row, rowIndex) =>
        row.cells.forEach((cell, column) => {
          // The first column says how the row stands (total, subtotal, detail); the table's columns follow.
          const written = rows[rowIndex]![column + 1]!;
          if (cell.fen === undefined) expect(written).toBe(cell.text);
          else expect(Number(written)).toBe(cellNumber({ ...cell, text: cell.text || '0' }, money)!.value);
        }),
      );
      const unitField = resource.schema.fields.find((field: { type: string }) => field.type === 'number');
      if (unitField) expect(unitField).toMatchObject({ unit: '万元', currency: 'CNY', factor: 10000 });
    });
  });
});

describe('progress and cancel', () => {
  it('reports rising progress from 0 to 1 with its stages', async () => {
    const seen: [number, ExportStage][] = [];
    await exportXlsx(workbook, template, join(work, 'progress.xlsx'), { onProgress: (fraction, stage) => seen.push([fraction, stage]) });
    const fractions = seen.map(([fraction]) => fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBe(0);
    expect(seen.at(-1)).toEqual([1, 'done']);
    expect(new Set(seen.map(([, stage]) => stage))).toEqual(new Set(['evaluate', 'sheets', 'write', 'done']));
  });

  it('stops an xlsx export when cancelled and writes nothing', async () => {
    const controller = new AbortController();
    const target = join(work, 'cancelled.xlsx');
    const run = exportXlsx(workbook, template, target, {
      signal: controller.signal,
      onProgress: (_fraction, stage) => {
        if (stage === 'sheets') controller.abort();
      },
    });
    await expect(run).rejects.toSatisfy((error) => error instanceof UserError && error.code === 'export:cancelled');
    expect(existsSync(target)).toBe(false);
  });

  it('stops a PDF export between printing passes', async () => {
    const controller = new AbortController();
    const target = join(work, 'cancelled.pdf');
    const stages: ExportStage[] = [];
    const run = exportPdf(workbook, template, target, {
      printer,
      signal: controller.signal,
      onProgress: (_fraction, stage) => {
        stages.push(stage);
        if (stage === 'paginate') controller.abort();
      },
    });
    await expect(run).rejects.toSatisfy((error) => error instanceof UserError && error.code === 'export:cancelled');
    expect(stages).toContain('print');
    expect(existsSync(target)).toBe(false);
  });
});

describe('sheet names', () => {
  it('replaces forbidden characters, cuts to 31 and numbers repeats', () => {
    const long = '部门综合预算一般公共预算支出明细表（按支出经济分类科目）附加说明文字';
    const names = sheetNames(['a/b:c?[d]*e\\f', long, long, "'quoted'", '', 'History', 'A', 'a']);
    expect(names[0]).toBe('a／b：c？［d］＊e＼f');
    expect(Array.from(names[1]!)).toHaveLength(31);
    expect(names[2]!.endsWith(' (2)')).toBe(true);
    expect(Array.from(names[2]!).length).toBeLessThanOrEqual(31);
    expect(names[3]).toBe('quoted');
    expect(names[4]).toBe('Sheet5');
    expect(names[5]).toBe('History (2)');
    expect(names.slice(6)).toEqual(['A', 'a (2)']);
  });
});

describe('export command', () => {
  it('writes the xlsx, the PDF and the open data and prints what it wrote as JSON', () => {
    const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['--import', tsxLoader, join(root, 'src/main/cli/index.ts'), ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
    expect(cli(['import-json', seedPath('henan-2024', 'workbook.json'), 'henan.budget']).status).toBe(0);
    const result = cli(['export', 'henan.budget', '--template', 'henan-2024', '--xlsx', 'out/h.xlsx', '--pdf', 'out/h.pdf', '--open-data', 'out/data']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({
      template: 'henan-2024',
      xlsx: { path: join(work, 'out/h.xlsx'), sheets: expect.arrayContaining(['2024年部门收支预算表']) },
      pdf: { path: join(work, 'out/h.pdf'), pages: expect.any(Number) },
      openData: { folder: join(work, 'out/data') },
    });
    expect(printed.xlsx.sheets).toHaveLength(13);
    for (const path of [printed.xlsx.path, printed.pdf.path, ...printed.openData.files]) expect(existsSync(path), path).toBe(true);

    const missing = cli(['export', 'henan.budget']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('export <file.budget>');
    const unknown = cli(['export', 'henan.budget', '--template', 'nowhere-2024', '--xlsx', 'x.xlsx']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('nowhere-2024');
  }, 180_000);
});

describe('API methods', () => {
  let session: ApiSession;
  let dataDir: string;

  beforeAll(() => {
    dataDir = join(work, 'api-data');
    mkdirSync(dataDir, { recursive: true });
    const store = WorkbookStore.create(join(dataDir, 'henan.budget'), { department: workbook.department, entryUnit: workbook.settings.entryUnit });
    store.replaceAll(workbook);
    store.close();
    session = createApiHandlers({ transport: 'web', version: '0.0.0', configDir: join(work, 'api-config'), dataDir, dialogs: noDialogs, pdfPrinter: printer });
  });

  afterAll(() => session?.dispose());

  const call = async (method: string, args: unknown = {}) => createDispatch(session, () => undefined)(method, args);

  it('refuses to export before a workbook is open', async () => {
    expect(await call('export.xlsx', { path: 'x.xlsx' })).toEqual({ ok: false, error: { code: 'app:error.noWorkbookOpen', params: {} } });
  });

  it('previews one template’s tables as HTML and exports xlsx and PDF into the data folder', async () => {
    expect((await call('workbook.open', { path: 'henan.budget' })).ok).toBe(true);
    const preview = await call('tables.preview', {});
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    const { html, tables } = preview.result as { html: string; tables: { id: string; title: string }[] };
    expect(tables).toHaveLength(13);
    for (const table of tables) expect(html).toContain(`data-table="${table.id}"`);
    expect(html).toContain('<thead>');

    const one = await call('tables.preview', { tables: ['three-public'] });
    expect(one.ok && (one.result as { tables: unknown[] }).tables).toHaveLength(1);

    const xlsx = await call('export.xlsx', { path: 'published' });
    expect(xlsx).toMatchObject({ ok: true, result: { path: join(dataDir, 'published.xlsx'), sheets: expect.any(Array) } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dataDir, 'published.xlsx'));
    expect(book.worksheets).toHaveLength(13);

    const pdf = await call('export.pdf', { path: 'published.pdf' });
    expect(pdf).toMatchObject({ ok: true, result: { path: join(dataDir, 'published.pdf'), pages: expect.any(Number) } });
    expect(readFileSync(join(dataDir, 'published.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    expect(await call('export.xlsx', { path: 'x.xlsx', template: 'nowhere-2024' })).toMatchObject({ ok: false, error: { code: 'export:unknownTemplate' } });
  }, 30_000);
});
