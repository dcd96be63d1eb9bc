import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findTemplate } from '../../src/core/templates';
import { workbookFigures } from '../../src/core/prior/figures';
import { runCli } from '../../src/main/cli/run';
import { createApiHandlers, createDispatch, noDialogs, type ApiDispatch, type ApiSession } from '../../src/main/services/api-handlers';
import { buildXlsx, reportTables } from '../../src/main/services/export';
import { WorkbookStore } from '../../src/main/services/store';
import type { ApiResult } from '../../src/shared/api';
import { loadSeedWorkbook } from '../support/seeds';
import { tempFolder } from './helpers/store-fixtures';
import { fileState, writeBytes, writeWorkbookFile } from './prior-files';

let folder: ReturnType<typeof tempFolder>;
let dataDir: string;
let session: ApiSession;
let dispatch: ApiDispatch;
const last = loadSeedWorkbook('henan-2024');

beforeEach(() => {
  folder = tempFolder('prior-api-');
  dataDir = join(folder.dir, 'data');
  mkdirSync(dataDir);
  session = createApiHandlers({ transport: 'web', version: 'test', configDir: join(folder.dir, 'config'), dataDir, dialogs: noDialogs });
  dispatch = createDispatch(session, () => undefined);
});
afterEach(() => {
  session.dispose();
  folder.remove();
});

async function exportedBytes(): Promise<Uint8Array> {
  const template = findTemplate('henan-2024');
  if (!template) throw new Error('template');
  return (await buildXlsx(reportTables(last, template), {})).bytes;
}

describe('prior.* through the API contract', () => {
  it('lists last year’s projects, starts the new year, then takes prior-year figures from the published Excel', async () => {
    writeWorkbookFile(dataDir, 'henan-2024.budget', last);
    const preview = await dispatch('prior.preview', { source: { path: 'henan-2024.budget' } });
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    const projects = (preview.result as ApiResult<'prior.preview'>).projects;
    expect(projects).toHaveLength(last.projects.length);

    const created = await dispatch('prior.newYear', { sourcePath: 'henan-2024.budget', path: 'henan-2025', continuingProjects: [projects[0]?.id] });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const { summary, report } = created.result as ApiResult<'prior.newYear'>;
    expect(summary).toMatchObject({ year: 2025, departmentCode: '036', path: join(dataDir, 'henan-2025.budget') });
    expect(report.projects.map((project) => project.id)).toEqual([projects[0]?.id]);

    const contentBase64 = Buffer.from(await exportedBytes()).toString('base64');
    const imported = await dispatch('prior.import', { source: { fileName: '2024年部门预算公开表.xlsx', contentBase64 } });
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    const result = imported.result as ApiResult<'prior.import'>;
    expect(result.summary.revision).toBe(summary.revision + 1);
    expect(result.preview.sheets.every((sheet) => sheet.status === 'recognized')).toBe(true);
    const got = await dispatch('workbook.get', {});
    if (!got.ok) throw new Error('get');
    const workbook = (got.result as ApiResult<'workbook.get'>).workbook;
    expect(workbook.priorYear.source).toBe('2024年部门预算公开表.xlsx');
    expect(workbook.priorYear.figures.total).toBe(workbookFigures(last).total);
  });

  it('answers refusals as error envelopes', async () => {
    const contentBase64 = Buffer.from(await exportedBytes()).toString('base64');
    const noWorkbook = await dispatch('prior.preview', { source: { fileName: 'x.xlsx', contentBase64 } });
    expect(noWorkbook).toMatchObject({ ok: false, error: { code: 'prior:excelNeedsWorkbook' } });
    writeWorkbookFile(dataDir, 'later.budget', { ...last, department: { ...last.department, year: 2026 } });
    await dispatch('workbook.open', { path: 'later.budget' });
    const wrongYear = await dispatch('prior.import', { source: { fileName: 'x.xlsx', contentBase64 } });
    expect(wrongYear).toMatchObject({ ok: false, error: { code: 'prior:wrongYear', params: { expected: 2025, found: 2024 } } });
    // Starting the year after the open workbook: its own file is the source, previewed as a new year.
    const nextYear = await dispatch('prior.preview', { source: { path: 'later.budget' }, purpose: 'newYear' });
    expect(nextYear).toMatchObject({ ok: true, result: { kind: 'workbook', year: 2026, problems: [] } });
  });
});

describe('the new-year and import-prior commands', () => {
  function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const run = runCli(args, { stdout: (text) => out.push(text), stderr: (text) => err.push(text), env: { LANG: 'zh_CN.UTF-8' }, cwd: folder.dir });
    return run.then((code) => ({ code, json: out.length > 0 ? JSON.parse(out.join('')) : null, stderr: err.join('') }));
  }

  it('new-year carries the ticked projects and prints what it carried', async () => {
    writeWorkbookFile(folder.dir, 'last.budget', last);
    const code = last.projects[2]?.code ?? '';
    const result = await cli(['new-year', 'last.budget', 'next.budget', '--continue', code]);
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({ year: 2025, sourceYear: 2024, projects: [{ code }] });
    const store = WorkbookStore.open(join(folder.dir, 'next.budget'));
    try {
      expect(store.workbook.projects.map((project) => project.code)).toEqual([code]);
    } finally {
      store.close();
    }
  });

  it('import-prior --dry-run prints what it recognized and writes nothing; without it the figures are stored', async () => {
    const target = writeWorkbookFile(folder.dir, 'this.budget', { ...last, department: { ...last.department, year: 2025 }, priorYear: { year: null, source: '', figures: {} } });
    writeBytes(folder.dir, 'last.xlsx', await exportedBytes());
    const before = fileState(target);
    const dry = await cli(['import-prior', 'this.budget', 'last.xlsx', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.json.sheets.map((sheet: { status: string }) => sheet.status).every((status: string) => status === 'recognized')).toBe(true);
    expect(fileState(target).bytes.equals(before.bytes)).toBe(true);
    expect(existsSync(`${target}.lock`)).toBe(false);
    const real = await cli(['import-prior', 'this.budget', 'last.xlsx']);
    expect(real.code).toBe(0);
    const store = WorkbookStore.open(target);
    try {
      expect(store.workbook.priorYear.figures['sanGong.total']).toBe(workbookFigures(last)['sanGong.total']);
    } finally {
      store.close();
    }
  });

  it('import-prior refuses another year with a message in the user’s language and exit status 2', async () => {
    const target = writeWorkbookFile(folder.dir, 'this.budget', { ...last, department: { ...last.department, year: 2027 } });
    writeBytes(folder.dir, 'last.xlsx', await exportedBytes());
    const before = readFileSync(target);
    const result = await cli(['import-prior', 'this.budget', 'last.xlsx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('所选文件是 2024 年的');
    expect(readFileSync(target).equals(before)).toBe(true);
  });
});
