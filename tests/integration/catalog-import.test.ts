import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../src/core/catalog';
import { MAX_WARNINGS } from '../../src/core/catalog/grid-import';
import type { CatalogKind } from '../../src/core/model';
import { importCatalogFile, type ImportWarning } from '../../src/main/services/catalog-import';
import { UserError } from '../../src/shared/api';
import { createI18n, LANGUAGES } from '../../src/shared/i18n';
import { readSeed } from '../unit/catalog-seed-rows';

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('科目'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

async function rejection(fileName: string, bytes: Uint8Array, kind: CatalogKind = 'function'): Promise<UserError> {
  const error: unknown = await importCatalogFile(fileName, bytes, kind).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const codesAndNames = (entries: { code: string; name: string }[]) => entries.map(({ code, name }) => `${code} ${name}`);

describe('importCatalogFile from .xlsx', () => {
  it('reads a code column and a name column under a merged title, with numeric codes and bad rows as warnings', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getCell('A1').value = '2025年支出功能分类科目';
      sheet.mergeCells('A1:C1');
      sheet.getRow(2).values = ['科目编码', '科目名称', '说明'];
      sheet.getRow(3).values = [210, '卫生健康支出'];
      sheet.getRow(4).values = ['21015', '医疗保障管理事务'];
      sheet.mergeCells('B4:C4');
      sheet.getRow(5).values = [2101501, '行政运行'];
      // row 6 stays blank
      sheet.getRow(7).values = ['2101598', '医保新设项目'];
      sheet.getRow(8).values = ['21O15', '坏编码'];
      sheet.getRow(9).values = [30101, '基本工资'];
      sheet.getRow(10).values = [2101501, '行政运行'];
      sheet.getRow(11).values = [2101598, '别的名字'];
      sheet.getRow(12).values = ['', '只有名称'];
      sheet.getRow(13).values = [2101599, ''];
      sheet.getCell('A14').value = { formula: '2101500+50', result: 2101550 };
      sheet.getCell('B14').value = { richText: [{ text: '事业' }, { text: '运行' }] };
    });
    const { entries, warnings } = await importCatalogFile('2025功能科目.xlsx', bytes, 'function');
    expect(codesAndNames(entries)).toEqual(['210 卫生健康支出', '21015 医疗保障管理事务', '2101501 行政运行', '2101598 医保新设项目', '2101550 事业运行']);
    expect(entries.every((entry) => entry.kind === 'function')).toBe(true);
    expect(warnings).toEqual<ImportWarning[]>([
      { code: 'catalog:badCode', params: { row: 8, value: '21O15' } },
      { code: 'catalog:wrongKind', params: { row: 9, value: '30101' } },
      { code: 'catalog:duplicateCode', params: { row: 11, code: '2101598', firstRow: 7 } },
      { code: 'catalog:missingCode', params: { row: 12, name: '只有名称' } },
      { code: 'catalog:missingName', params: { row: 13, code: '2101599' } },
    ]);
  });

  it('reads codes split across 类/款/项 columns, with the 类 merged down and 款/项 stored as numbers', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getRow(1).values = ['类', '款', '项', '科目名称'];
      sheet.getRow(2).values = [210, null, null, '卫生健康支出'];
      sheet.getRow(3).values = [null, 15, null, '医疗保障管理事务'];
      sheet.getRow(4).values = [null, 15, 1, '行政运行'];
      sheet.getRow(5).values = [null, null, 6, '医疗保障经办事务'];
      sheet.mergeCells('A2:A5');
      sheet.getRow(6).values = [221, 2, 1, '住房公积金'];
    });
    const { entries, warnings } = await importCatalogFile('split.xlsx', bytes, 'function');
    expect(codesAndNames(entries)).toEqual(['210 卫生健康支出', '21015 医疗保障管理事务', '2101501 行政运行', '2101506 医疗保障经办事务', '2210201 住房公积金']);
    expect(warnings).toEqual([]);
  });

  it('takes the first two used columns when there is no header', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getRow(1).values = [null, 301, '工资福利支出'];
      sheet.getRow(2).values = [null, 30101, '基本工资'];
    });
    const { entries } = await importCatalogFile('econ.xlsx', bytes, 'deptEcon');
    expect(codesAndNames(entries)).toEqual(['301 工资福利支出', '30101 基本工资']);
  });
});

describe('importCatalogFile from text', () => {
  it('reads UTF-8 CSV with a BOM and names the bad row', async () => {
    const csv = withBom('编码,名称\r\n30101,基本工资\r\n30102,"津贴补贴"\r\n3O103,奖金\r\n30199,其他工资福利支出\r\n');
    const { entries, warnings } = await importCatalogFile('部门经济分类.csv', csv, 'deptEcon');
    expect(codesAndNames(entries)).toEqual(['30101 基本工资', '30102 津贴补贴', '30199 其他工资福利支出']);
    expect(warnings).toEqual([{ code: 'catalog:badCode', params: { row: 4, value: '3O103' } }]);
  });

  it('reads GB18030 CSV and skips the title above the header', async () => {
    const bytes = new Uint8Array(readFileSync(resolve(process.cwd(), 'tests/fixtures/catalog/function-gb18030.csv')));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { entries, warnings } = await importCatalogFile('function-gb18030.csv', bytes, 'function');
    expect(codesAndNames(entries)).toEqual(['210 卫生健康支出', '21015 医疗保障管理事务', '2101501 行政运行', '2101598 医保新设项目']);
    expect(warnings).toEqual([]);
  });

  it('reads tab-separated UTF-16 text without a header, with code and name in one cell', async () => {
    const text = '501\t机关工资福利支出\n50101 工资奖金津补贴\n50102、社会保障缴费\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const { entries, warnings } = await importCatalogFile('gov.txt', bytes, 'govEcon');
    expect(codesAndNames(entries)).toEqual(['501 机关工资福利支出', '50101 工资奖金津补贴', '50102 社会保障缴费']);
    expect(warnings).toEqual([]);
  });

  it("reads a published table's rows: Henan's 一般公共预算支出预算表 with 类/款/项 columns", async () => {
    const lines = readSeed('henan-2024').split('\n');
    const title = lines.indexOf('2024年一般公共预算支出预算表');
    const start = lines.findIndex((line, i) => i > title && line.startsWith('科目编码'));
    expect(title).toBeGreaterThan(0);
    const end = lines.findIndex((line, i) => i > start && line.startsWith('注：'));
    const tsv = lines.slice(start, end).join('\n');
    const { entries, warnings } = await importCatalogFile('henan.tsv', utf8(tsv), 'function');
    expect(entries).toHaveLength(15);
    expect(codesAndNames(entries.slice(0, 2))).toEqual(['2080107 社会保险业务管理事务', '2080108 信息化建设']);
    for (const entry of entries) expect(catalogFor().lookupFunction(entry.code)?.name).toBe(entry.name);
    expect(warnings.map((w) => [w.code, w.params.name])).toEqual([
      ['catalog:missingCode', '合计'],
      ['catalog:missingCode', '济源产城融合示范区医疗保障局'],
    ]);
  });

  it('lists at most a hundred warnings and counts the rest', async () => {
    const rows = ['编码,名称', '210,卫生健康支出', ...Array.from({ length: MAX_WARNINGS + 7 }, (_, i) => `X${i},坏行`)];
    const { entries, warnings } = await importCatalogFile('many.csv', utf8(rows.join('\n')), 'function');
    expect(entries).toHaveLength(1);
    expect(warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(warnings.at(-1)).toEqual({ code: 'catalog:moreWarnings', params: { count: 7 } });
  });
});

describe('importCatalogFile refuses what it cannot read', () => {
  it.each([
    ['empty.csv', new Uint8Array()],
    ['blank.csv', utf8('\n\n , \n')],
    ['broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])],
    ['scan.pdf', utf8('%PDF-1.7 …')],
    ['binary.csv', new Uint8Array([0x00, 0x01, 0x02, 0x00, 0xff])],
    ['renamed.xlsx', utf8('编码,名称\n210,卫生健康支出\n')],
  ])('%s: catalog:unreadable', async (fileName, bytes) => {
    const error = await rejection(fileName, bytes);
    expect(error.code).toBe('catalog:unreadable');
    expect(error.params).toEqual({ fileName });
  });

  it('an old .xls: asks for .xlsx or .csv', async () => {
    const error = await rejection('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(error.code).toBe('catalog:xlsNotSupported');
  });

  it('a list of another classification: nothing imported, no half import', async () => {
    const error = await rejection('econ.csv', utf8('编码,名称\n30101,基本工资\n30102,津贴补贴\n'), 'function');
    expect(error.code).toBe('catalog:noCodes');
    expect(error.params).toEqual({ fileName: 'econ.csv', rows: 3 });
  });
});

describe('import messages', () => {
  it.each(LANGUAGES)('%s: every warning and error key has a message that names the row', async (language) => {
    const t = createI18n(language).t;
    const samples: ImportWarning[] = [
      { code: 'catalog:badCode', params: { row: 8, value: '21O15' } },
      { code: 'catalog:wrongKind', params: { row: 8, value: '30101' } },
      { code: 'catalog:duplicateCode', params: { row: 8, code: '2101598', firstRow: 7 } },
      { code: 'catalog:missingCode', params: { row: 8, name: '只有名称' } },
      { code: 'catalog:missingName', params: { row: 8, code: '2101599' } },
    ];
    for (const { code, params } of samples) {
      const text = t(code, params);
      expect(text, code).not.toBe(code.split(':')[1]);
      expect(text, code).toContain('8');
      expect(text, code).not.toContain('{{');
    }
    for (const code of ['catalog:unreadable', 'catalog:xlsNotSupported', 'catalog:noCodes', 'catalog:tooLarge']) {
      const text = t(code, { fileName: 'list.csv', rows: 3, limitMb: 20 });
      expect(text, code).toContain('list.csv');
      expect(text, code).not.toContain('{{');
    }
    expect(t('catalog:moreWarnings', { count: 7 })).toContain('7');
  });
});
