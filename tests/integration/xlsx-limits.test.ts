import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPrior, previewPrior } from '../../src/main/services/prior';
import { inspectXlsx, XLSX_LIMITS } from '../../src/main/services/prior/xlsx-limits';
import { WorkbookStore } from '../../src/main/services/store';
import { UserError } from '../../src/shared/api';
import { createI18n } from '../../src/shared/i18n';
import enCatalog from '../../src/shared/locales/en/catalog.json';
import enPrior from '../../src/shared/locales/en/prior.json';
import zhCatalog from '../../src/shared/locales/zh-CN/catalog.json';
import zhPrior from '../../src/shared/locales/zh-CN/prior.json';
import { rawXlsx, zip } from '../support/zip';
import { writeBytes } from './prior-files';
import { department, tempFolder } from './helpers/store-fixtures';

/** Hostile spreadsheets are cheap to refuse: bounded before exceljs loads them (issue 15). */

const root = new URL('../..', import.meta.url).pathname;
const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
let folder: ReturnType<typeof tempFolder>;
beforeAll(() => {
  folder = tempFolder('xlsx-limits-');
});
afterAll(() => {
  folder.remove();
});

const title = [['2024年部门收支预算表'], ['单位：万元'], ['项目', '金额']];

/** What the child process says about each file (see helpers/xlsx-attempt.ts). */
async function attempt(cases: string[]): Promise<{ file: string; importer: string; via: string; ms: number; code: string; params?: Record<string, unknown> }[]> {
  const child = spawn(process.execPath, ['--max-old-space-size=1024', '--import', tsxLoader, join(root, 'tests/integration/helpers/xlsx-attempt.ts'), ...cases], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = await new Promise<number | null>((resolveExit) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveExit(code);
    });
  });
  expect(exit, `the reader died (out of memory?) or hung: ${stderr.slice(-2000)}`).toBe(0);
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('hostile spreadsheets', () => {
  it('refuses each quickly, by name, in both languages, for last year’s tables and for code lists alike', async () => {
    const files: Record<string, { bytes: Buffer; code: string }> = {
      // 44 KB in the wild, 2 KB here: one merge over the whole sheet.
      merge: { bytes: rawXlsx([{ name: '表一', rows: title, after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' }]), code: 'xlsx.mergeTooLarge' },
      validation: {
        bytes: rawXlsx([{ name: '表一', rows: title, after: '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>1</formula1></dataValidation></dataValidations>' }]),
        code: 'xlsx.validationTooLarge',
      },
      merges: {
        bytes: rawXlsx([{ name: '表一', rows: title, after: `<mergeCells>${Array.from({ length: 20 }, (_, n) => `<mergeCell ref="A${n * 60_000 + 1}:Z${n * 60_000 + 2000}"/>`).join('')}</mergeCells>` }]),
        code: 'xlsx.mergeTooLarge',
      },
      // A cell far down (row 250,000) and one past Excel's last column.
      rows: { bytes: rawXlsxWithCell('A250000'), code: 'xlsx.sheetTooLarge' },
      far: { bytes: rawXlsxWithCell('XFE1'), code: 'xlsx.sheetTooLarge' },
      parts: {
        bytes: rawXlsx([{ name: '表一', rows: title }], Array.from({ length: XLSX_LIMITS.entries + 10 }, (_, n) => ({ name: `xl/media/image${n}.png`, data: 'x', method: 'store' as const }))),
        code: 'xlsx.tooManyParts',
      },
      // 100 MB of zeros deflate to 100 KB; the directory claims 1 KB.
      bomb: { bytes: rawXlsx([{ name: '表一', rows: title }], [{ name: 'xl/media/zeros.bin', data: Buffer.alloc(100 * 1024 * 1024), declaredSize: 1024 }]), code: 'xlsx.unpackedTooLarge' },
      big: { bytes: rawXlsx([{ name: '表一', rows: title }], [{ name: 'xl/media/noise.bin', data: randomBytes(XLSX_LIMITS.fileBytes + 1024), method: 'store' }]), code: 'xlsx.fileTooLarge' },
    };
    const cases: string[] = [];
    for (const [name, { bytes }] of Object.entries(files)) {
      const path = writeBytes(folder.dir, `${name}.xlsx`, bytes);
      cases.push(`prior|path|${path}`, `prior|bytes|${path}`, `catalog|bytes|${path}`);
    }
    const results = await attempt(cases);
    for (const result of results) {
      const name = result.file.split('/').pop()!.replace('.xlsx', '');
      const expected = files[name]!.code;
      // A code list over 20 MB is refused by the catalogue's own size rule before any zip is read.
      const code = result.importer === 'catalog' && name === 'big' ? 'catalog:tooLarge' : `${result.importer}:${expected}`;
      expect([name, result.importer, result.via, result.code]).toEqual([name, result.importer, result.via, code]);
      expect(result.ms, `${name} via ${result.via}`).toBeLessThan(3_000);
      for (const language of ['zh-CN', 'en'] as const) {
        const message = createI18n(language).t(result.code, result.params as Record<string, string>);
        expect(message, `${language} ${result.code}`).not.toMatch(/\{\{|^xlsx\./);
        if (result.params && 'fileName' in result.params) expect(message).toContain(String(result.params.fileName));
      }
    }
  }, 120_000);

  it('words every limit in both languages, with the same keys for last year’s tables and code lists', () => {
    expect(Object.keys(zhPrior.xlsx).sort()).toEqual(Object.keys(enPrior.xlsx).sort());
    expect(Object.keys(zhCatalog.xlsx).sort()).toEqual(Object.keys(zhPrior.xlsx).sort());
    expect(Object.keys(enCatalog.xlsx).sort()).toEqual(Object.keys(zhPrior.xlsx).sort());
  });

  it('lets an ordinary workbook through and lists its sheets in order', () => {
    const inspection = inspectXlsx(rawXlsx([{ name: '表一', rows: title }, { name: '表二 & 附表', rows: title }]), 'ok.xlsx', 'prior');
    expect(inspection.sheets).toEqual([
      { name: '表一', part: 'xl/worksheets/sheet1.xml', missing: false },
      { name: '表二 & 附表', part: 'xl/worksheets/sheet2.xml', missing: false },
    ]);
  });
});

describe('sheets the file lists but does not hold', () => {
  it('are named before anything is written, and the import is refused', async () => {
    const bytes = rawXlsx([
      { name: '部门收支总表', rows: title },
      { name: '部门支出总表', rows: title, missing: true },
      { name: '三公经费', rows: title, missing: true },
    ]);
    const path = writeBytes(folder.dir, 'incomplete.xlsx', bytes);
    const store = WorkbookStore.create(join(folder.dir, 'this-year.budget'), { department });
    try {
      const preview = await previewPrior(store.workbook, { path });
      expect(preview.problems).toContainEqual({ code: 'prior:sheetsUnreadable', params: { fileName: 'incomplete.xlsx', count: 2, names: '部门支出总表、三公经费' } });
      const revision = store.revision;
      const error = await importPrior(store, { path }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe('prior:sheetsUnreadable');
      expect(createI18n('zh-CN').t((error as UserError).code, (error as UserError).params)).toContain('部门支出总表、三公经费');
      expect(store.revision).toBe(revision);
    } finally {
      store.close();
    }
  });
});

/** A workbook whose one sheet has a single cell at `reference`. */
function rawXlsxWithCell(reference: string): Buffer {
  return zip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表一" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>2024年部门收支预算表</t></is></c></row><row r="${reference.replace(/^[A-Z]+/, '')}"><c r="${reference}" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
    },
  ]);
}
