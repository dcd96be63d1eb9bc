import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers, createDispatch, noDialogs, type ApiHandlerDeps, type ApiSession } from '../../src/main/services/api-handlers';
import { chromium } from 'playwright-core';
import { ChromiumPdfPrinter, DEFAULT_CHROMIUM, PRINT_FOOTER_CSS, readNamedDestinations } from '../../src/main/services/export';
import { WorkbookStore } from '../../src/main/services/store';
import type { ApiResponse, ExportJobStatusPayload } from '../../src/shared/api';
import { createI18n } from '../../src/shared/i18n';
import { loadSeedWorkbook } from '../support/seeds';

/**
 * Exports as jobs over the real handlers and dispatch (the path both transports take): progress
 * that advances, one export at a time, cancel that leaves no file, errors as translatable codes,
 * finished jobs kept until read, and the package for printing.
 */
const workbook = loadSeedWorkbook('henan-2024');
let work: string;
let dataDir: string;
let printer: ChromiumPdfPrinter;
let session: ApiSession;
let logged: string[];
let call: (method: string, args?: unknown) => Promise<ApiResponse<unknown>>;
/** The contents' page numbers the PDF export found, for the print document to agree with. */
let pdfContentsPages: Record<string, number> | null = null;
let pdfPageCount = 0;

function sessionWith(extra: Partial<ApiHandlerDeps> = {}): ApiSession {
  return createApiHandlers({ transport: 'web', version: '0.0.0', configDir: join(work, 'config'), dataDir, dialogs: noDialogs, pdfPrinter: printer, ...extra });
}

async function ok<T>(response: Promise<ApiResponse<unknown>>): Promise<T> {
  const settled = await response;
  if (!settled.ok) throw new Error(`call failed: ${JSON.stringify(settled.error)}`);
  return settled.result as T;
}

async function start(kind: 'xlsx' | 'pdf' | 'openData', path: string, template?: string): Promise<{ jobId: string; path: string }> {
  return ok(call('export.start', { kind, path, ...(template ? { template } : {}) }));
}

/** Polls every 20 ms until the job has finished; every status seen, the final one last. */
async function follow(jobId: string, onStatus: (status: ExportJobStatusPayload) => Promise<void> | void = () => undefined): Promise<ExportJobStatusPayload[]> {
  const seen: ExportJobStatusPayload[] = [];
  for (;;) {
    const status = await ok<ExportJobStatusPayload>(call('export.status', { jobId }));
    seen.push(status);
    await onStatus(status);
    if (status.state !== 'running') return seen;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Files an atomic write leaves behind if it was interrupted: ".<name>.<pid>.tmp". */
const temporaries = () => readdirSync(dataDir).filter((name) => name.endsWith('.tmp'));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'budget-desk-export-jobs-'));
  dataDir = join(work, 'data');
  mkdirSync(dataDir, { recursive: true });
  // A second file for the other sessions: a workbook has one writer at a time.
  for (const name of ['henan.budget', 'henan-2.budget']) {
    const store = WorkbookStore.create(join(dataDir, name), { department: workbook.department, entryUnit: workbook.settings.entryUnit });
    store.replaceAll(workbook);
    store.close();
  }
  printer = await ChromiumPdfPrinter.launch();
  session = sessionWith();
  logged = [];
  const dispatch = createDispatch(session, (message) => logged.push(message));
  call = (method, args = {}) => dispatch(method, args);
  await ok(call('workbook.open', { path: 'henan.budget' }));
});

afterAll(async () => {
  session?.dispose();
  await printer?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('export jobs', () => {
  it('refuses to start before a workbook is open', async () => {
    const empty = sessionWith();
    expect(await createDispatch(empty)('export.start', { kind: 'xlsx', path: 'x' })).toEqual({ ok: false, error: { code: 'app:error.noWorkbookOpen', params: {} } });
    empty.dispose();
  });

  it('runs a PDF export whose progress advances through its stages to the written file', async () => {
    const { jobId, path } = await start('pdf', '济源-2024-部门预算公开');
    expect(path).toBe(join(dataDir, '济源-2024-部门预算公开.pdf'));
    const seen = await follow(jobId);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ jobId, state: 'done', fraction: 1, stage: 'done', result: { kind: 'pdf', path } });
    if (last.result?.kind !== 'pdf') throw new Error('not a PDF result');
    expect(last.result.pages).toBeGreaterThan(10);
    pdfContentsPages = last.result.contentsPages;
    pdfPageCount = last.result.pages;
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

    // Polls see the stages that wait on Chromium (the synchronous ones pass between two polls).
    const running = seen.filter((status) => status.state === 'running');
    expect(new Set(running.filter((status) => status.fraction > 0).map((status) => status.fraction)).size).toBeGreaterThanOrEqual(2);
    const fractions = seen.map((status) => status.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(running.at(-1)!.stage).toBe('print');

    // Read once, then forgotten.
    expect(await call('export.status', { jobId })).toMatchObject({ ok: false, error: { code: 'export:unknownJob' } });
  }, 60_000);

  it('writes the Excel workbook and the open-data folder as jobs', async () => {
    const xlsx = await start('xlsx', '济源-2024-部门预算公开.xlsx');
    const done = (await follow(xlsx.jobId)).at(-1)!;
    expect(done).toMatchObject({ state: 'done', result: { kind: 'xlsx', path: join(dataDir, '济源-2024-部门预算公开.xlsx') } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.path);
    expect(book.worksheets.length).toBe(13);
    expect(done.result?.kind === 'xlsx' && done.result.sheets).toHaveLength(13);

    const data = await start('openData', '公开数据');
    const written = (await follow(data.jobId)).at(-1)!;
    expect(written).toMatchObject({ state: 'done', result: { kind: 'openData', folder: join(dataDir, '公开数据') } });
    if (written.result?.kind !== 'openData') throw new Error('not an open-data result');
    for (const file of written.result.files) expect(existsSync(file), file).toBe(true);
    expect(written.result.files).toContain(join(dataDir, '公开数据', 'datapackage.json'));
  }, 60_000);

  it('says which outputs would replace something, and refuses to replace when told not to', async () => {
    writeFileSync(join(dataDir, 'taken.xlsx'), 'earlier export');
    mkdirSync(join(dataDir, 'empty-folder'), { recursive: true });
    mkdirSync(join(dataDir, 'full-folder'), { recursive: true });
    writeFileSync(join(dataDir, 'full-folder', 'budget-lines.csv'), 'a');
    const { existing } = await ok<{ existing: { kind: string; path: string }[] }>(
      call('export.existing', {
        outputs: [
          { kind: 'xlsx', path: 'taken' },
          { kind: 'pdf', path: 'free.pdf' },
          { kind: 'openData', path: 'empty-folder' },
        ],
      }),
    );
    expect(existing).toEqual([{ kind: 'xlsx', path: join(dataDir, 'taken.xlsx') }]);
    expect((await ok<{ existing: unknown[] }>(call('export.existing', { outputs: [{ kind: 'openData', path: 'full-folder' }] }))).existing).toHaveLength(1);

    const refused = await call('export.start', { kind: 'xlsx', path: 'taken.xlsx', replace: false });
    expect(refused).toEqual({ ok: false, error: { code: 'export:exists', params: { path: join(dataDir, 'taken.xlsx') } } });
    expect(readFileSync(join(dataDir, 'taken.xlsx'), 'utf8')).toBe('earlier export');
    expect(createI18n('zh-CN').t('export:exists', { path: 'x.xlsx' })).toContain('已经存在，未替换');

    const replaced = await ok<{ jobId: string }>(call('export.start', { kind: 'xlsx', path: 'taken.xlsx', replace: true }));
    expect((await follow(replaced.jobId)).at(-1)?.state).toBe('done');
    expect(readFileSync(join(dataDir, 'taken.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a second export while one runs, and cancels mid-way leaving no file', async () => {
    const target = join(dataDir, '取消的导出.pdf');
    const { jobId } = await start('pdf', target);
    expect(await call('export.start', { kind: 'xlsx', path: 'another.xlsx' })).toEqual({ ok: false, error: { code: 'export:busy', params: {} } });

    let cancelled: ExportJobStatusPayload | null = null;
    const seen = await follow(jobId, async (status) => {
      if (cancelled || status.state !== 'running' || status.stage !== 'print') return;
      // Mid-way: the first print pass has begun. Cancel answers only once the export has stopped.
      cancelled = await ok<ExportJobStatusPayload>(call('export.cancel', { jobId }));
    });
    expect(cancelled).toMatchObject({ jobId, state: 'cancelled' });
    expect(seen.at(-1)).toMatchObject({ jobId, state: 'cancelled' });
    expect(seen.at(-1)!.result).toBeUndefined();
    expect(existsSync(target)).toBe(false);
    expect(temporaries()).toEqual([]);
    expect(existsSync(join(dataDir, 'another.xlsx'))).toBe(false);

    // The next export is welcome again.
    const next = await start('xlsx', 'another.xlsx');
    expect((await follow(next.jobId)).at(-1)).toMatchObject({ state: 'done' });
  }, 60_000);

  it('cancels an export before it has begun', async () => {
    const { jobId, path } = await start('xlsx', 'never.xlsx');
    expect(await ok(call('export.cancel', { jobId }))).toMatchObject({ state: 'cancelled', fraction: 0 });
    expect(await ok(call('export.status', { jobId }))).toMatchObject({ state: 'cancelled' });
    expect(existsSync(path)).toBe(false);
    // Cancelling a job already read is an unknown job, worded like any error.
    expect(await call('export.cancel', { jobId })).toMatchObject({ ok: false, error: { code: 'export:unknownJob' } });
  });

  it('reports failures as codes the renderer words in either language', async () => {
    const zh = createI18n('zh-CN');
    const en = createI18n('en');
    writeFileSync(join(dataDir, 'not-a-folder'), 'x');
    const { jobId, path } = await start('xlsx', 'not-a-folder/out.xlsx');
    const failed = (await follow(jobId)).at(-1)!;
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'export:writeFailed', params: { path: join(dataDir, 'not-a-folder') } } });
    expect(existsSync(path)).toBe(false);
    const { code, params } = failed.error!;
    expect(zh.exists(code) && en.exists(code)).toBe(true);
    expect(zh.t(code, params)).toContain('无法写入文件');
    expect(zh.t(code, params)).toContain(join(dataDir, 'not-a-folder'));
    expect(en.t(code, params)).toContain('Could not write');

    const unknown = await call('export.start', { kind: 'pdf', path: 'x.pdf', template: 'nowhere-2024' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'export:unknownTemplate', params: { id: 'nowhere-2024' } } });
    for (const key of ['export:busy', 'export:unknownJob', 'export:cancelled']) {
      expect(zh.t(key)).not.toBe(key.split(':')[1]);
      expect(zh.t(key)).toMatch(/[\u4e00-\u9fff]/);
      expect(en.t(key)).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await call('export.start', { kind: 'csv', path: 'x' })).toMatchObject({ ok: false, error: { code: 'errors:invalidArguments' } });
    expect(logged).toEqual([]);
  });

  it('stops a running export when the session is disposed', async () => {
    const other = sessionWith();
    const dispatch = createDispatch(other, () => undefined);
    expect((await dispatch('workbook.open', { path: 'henan-2.budget' })).ok).toBe(true);
    const started = await dispatch('export.start', { kind: 'pdf', path: 'disposed.pdf' });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    const { jobId, path } = started.result as { jobId: string; path: string };
    other.dispose();
    const stopped = await dispatch('export.cancel', { jobId });
    expect(stopped).toMatchObject({ ok: true, result: { state: 'cancelled' } });
    expect(existsSync(path)).toBe(false);
  }, 60_000);
});

describe('export.print and dialog.saveFile', () => {
  it('hands browser mode the package with the PDF’s contents numbers, a CSS page footer and the fonts apart', async () => {
    const printed = await ok<{ via: string; html: string; fonts: { family: string; weight: number; unicodeRange: string; woff2Base64: string }[] }>(call('export.print', {}));
    expect(printed.via).toBe('browser');
    expect(printed.html).toContain(PRINT_FOOTER_CSS.trim());
    expect(printed.html).not.toContain('data:font');
    const numbers = [...printed.html.matchAll(/<span class="toc-page">(\d*)<\/span>/g)].map((match) => match[1]);
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers.every((number) => /^\d+$/.test(number ?? ''))).toBe(true);

    // The same numbers the PDF export found for its contents.
    expect(pdfContentsPages).not.toBeNull();
    expect(numbers).toEqual(Object.values(pdfContentsPages ?? {}).map(String));

    expect(new Set(printed.fonts.map((font) => font.family))).toEqual(new Set(['Noto Sans SC', 'Noto Serif SC']));
    for (const font of printed.fonts) {
      expect(font.unicodeRange).toMatch(/^U\+[0-9a-f]/);
      expect(Buffer.from(font.woff2Base64, 'base64').subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
  }, 60_000);

  it('prints through the system dialog where the session has one', async () => {
    const documents: string[] = [];
    const desktop = sessionWith({ transport: 'electron', printDialog: { print: async (html) => (documents.push(html), false) } });
    const dispatch = createDispatch(desktop, () => undefined);
    try {
      expect((await dispatch('workbook.open', { path: 'henan-2.budget' })).ok).toBe(true);
      expect(await dispatch('export.print', { template: 'henan-2024' })).toEqual({ ok: true, result: { via: 'dialog', printed: false } });
      expect(documents).toHaveLength(1);
      expect(documents[0]).toContain('data:font/woff2;base64,');
      expect(documents[0]).toContain(PRINT_FOOTER_CSS.trim());
      expect(documents[0]).toMatch(/<span class="toc-page">\d+<\/span>/);

      // Printed as a print dialog would (no footer template), it breaks pages where the PDF does.
      const browser = await chromium.launch({ executablePath: process.env.BUDGET_DESK_CHROMIUM || DEFAULT_CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage();
        await page.setContent(documents[0] ?? '', { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const printedPdf = new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
        expect(pdfPageCount).toBeGreaterThan(10);
        expect(readNamedDestinations(printedPdf).pageCount).toBe(pdfPageCount);
        expect(readNamedDestinations(printedPdf).pages.get('table-1')).toBe(pdfContentsPages?.['table-1']);
      } finally {
        await browser.close();
      }
    } finally {
      desktop.dispose();
    }
  }, 60_000);

  it('answers dialog.saveFile with null without native dialogs and with the chosen path with them', async () => {
    expect(await call('dialog.saveFile', { suggestedName: 'a.xlsx', filters: [{ name: 'Excel', extensions: ['xlsx'] }] })).toEqual({ ok: true, result: { path: null } });
    const asked: unknown[] = [];
    const desktop = sessionWith({ dialogs: { ...noDialogs, saveFile: async (name, filters) => (asked.push([name, filters]), `/chosen/${name}`) } });
    const dispatch = createDispatch(desktop, () => undefined);
    expect(await dispatch('dialog.saveFile', { suggestedName: 'b.pdf' })).toEqual({ ok: true, result: { path: '/chosen/b.pdf' } });
    expect(asked).toEqual([['b.pdf', []]]);
    expect(await dispatch('dialog.saveFile', { suggestedName: 'c', filters: [{ name: 'x', extensions: ['../x'] }] })).toMatchObject({ ok: false, error: { code: 'errors:invalidArguments' } });
    desktop.dispose();
  });
});
