import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edits';
import { serializeInterchange } from '../../src/core/interchange';
import { emptyWorkbook, type Workbook } from '../../src/core/model';
import { runCli } from './helpers/cli';

const work = mkdtempSync(join(tmpdir(), 'budget-cli-catalog-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The command line, run in this test's folder. */
function cli(args: string[], env: Record<string, string> = {}) {
  return runCli(args, work, env);
}

interface Finding {
  ruleId: string;
  severity: string;
  params: Record<string, unknown>;
  message: string;
}
const findingsOf = (path: string): Finding[] => JSON.parse(cli(['check', path]).stdout).findings;
const exported = (path: string) => cli(['export-json', path]).stdout;

/** A 2027 司法局 with one line on a 项 the Ministry added during the year, which no built-in list has. */
function justiceBureau(): Workbook {
  const empty = emptyWorkbook({ code: '041', name: '示范县司法局', year: 2027, publishedOn: '' });
  return applyEdits(empty, [
    { op: 'put', collection: 'units', record: { id: 'u1', code: '041001', name: '示范县司法局', kind: 'admin', authorizedStaff: 20, actualStaff: 18, retiredStaff: 3 } },
    { op: 'put', collection: 'incomeLines', record: { id: 'i1', unitId: 'u1', fund: 'gen.appropriation', functionCode: null, amount: 3_000_000 } },
    {
      op: 'put',
      collection: 'budgetLines',
      record: { id: 'b1', unitId: 'u1', functionCode: '2040601', deptEconCode: '30101', govEconCode: '50101', nature: 'basic', projectId: null, fund: 'gen.appropriation', amount: 2_000_000, note: '' },
    },
    {
      op: 'put',
      collection: 'budgetLines',
      record: { id: 'b2', unitId: 'u1', functionCode: '2040697', deptEconCode: '30227', govEconCode: '50205', nature: 'basic', projectId: null, fund: 'gen.appropriation', amount: 1_000_000, note: '' },
    },
  ]).workbook;
}

/** The year's list as a finance bureau sends it: a title, a header, all three classifications on one sheet. */
async function officialList(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2027年科目');
  sheet.getCell('A1').value = '2027年政府收支分类科目（节选）';
  sheet.mergeCells('A1:B1');
  sheet.getRow(2).values = ['科目编码', '科目名称'];
  const rows: [number | string, string][] = [
    [204, '公共安全支出'],
    [20406, '司法'],
    [2040601, '行政运行'],
    [2040697, '法律援助'],
    [2040699, '其他司法支出'],
    [30227, '委托业务费'],
    ['30298', '新设经济科目'],
    [50205, '委托业务费（新）'],
  ];
  rows.forEach((row, index) => (sheet.getRow(index + 3).values = row));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  writeFileSync(join(work, 'justice.json'), serializeInterchange(justiceBureau()));
  expect(cli(['import-json', 'justice.json', 'justice.budget']).code).toBe(0);
  writeFileSync(join(work, 'official-2027.xlsx'), await officialList());
});

describe('catalog import on the command line', () => {
  it('before the import: the unlisted code is saved and only warned about, and the edition notice says which list serves 2027', () => {
    const findings = findingsOf('justice.budget');
    expect(findings.filter((finding) => finding.ruleId === 'line.functionUnknown').map((finding) => [finding.severity, finding.params.code])).toEqual([['warning', '2040697']]);
    const notice = findings.find((finding) => finding.ruleId === 'catalog.editionFallback');
    expect(notice?.severity).toBe('info');
    expect(notice?.message).toContain('2027');
    expect(notice?.message).toContain('2024');
  });

  it('a dry run reports what the list adds and renames, of every kind it holds, and writes nothing', () => {
    const before = exported('justice.budget');
    const result = cli(['catalog', 'import', 'official-2027.xlsx', '--workbook', 'justice.budget', '--dry-run']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ applied: false, kinds: ['function', 'deptEcon', 'govEcon'], entries: 8, unchanged: 5, badRows: [] });
    expect(report.edition).toEqual({ requested: 2027, edition: 2024, builtIn: false });
    expect(report.added).toEqual([
      { kind: 'function', code: '2040697', name: '法律援助', level: 3 },
      { kind: 'deptEcon', code: '30298', name: '新设经济科目', level: 2 },
    ]);
    expect(report.renamed).toEqual([{ kind: 'govEcon', code: '50205', from: '委托业务费', to: '委托业务费（新）' }]);
    expect(exported('justice.budget')).toBe(before);
  });

  it('imports the list as one change; the warning goes and the new names are used', () => {
    const result = cli(['catalog', 'import', 'official-2027.xlsx', '--workbook', 'justice.budget']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.applied).toBe(true);
    expect(report.revision).toBeGreaterThan(0);
    expect(report.added.map((entry: { code: string }) => entry.code)).toEqual(['2040697', '30298']);
    expect(findingsOf('justice.budget').map((finding) => finding.ruleId)).not.toContain('line.functionUnknown');
    expect(JSON.parse(exported('justice.budget')).catalogEntries).toContainEqual({ kind: 'function', code: '2040697', name: '法律援助' });
    // The same list again changes nothing.
    const again = JSON.parse(cli(['catalog', 'import', 'official-2027.xlsx', '--workbook', 'justice.budget']).stdout);
    expect(again).toMatchObject({ applied: false, added: [], renamed: [], unchanged: 8 });
  });

  it('refuses a list with rows it cannot read, naming each row, and leaves the workbook as it was', () => {
    writeFileSync(join(work, 'bad.csv'), '科目编码,科目名称\n2040601,行政运行\n20A0698,坏编码\n2040696,\n2040695,社区矫正（新）\n');
    const before = exported('justice.budget');
    const result = cli(['catalog', 'import', 'bad.csv', '--workbook', 'justice.budget']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('未导入任何科目');
    expect(result.stderr).toContain('第 3 行');
    expect(result.stderr).toContain('第 4 行');
    const report = JSON.parse(result.stdout);
    expect(report.applied).toBe(false);
    expect(report.badRows.map((row: { code: string; params: { row: number } }) => [row.code, row.params.row])).toEqual([
      ['catalog:badCode', 3],
      ['catalog:missingName', 4],
    ]);
    expect(exported('justice.budget')).toBe(before);
    const english = cli(['catalog', 'import', 'bad.csv', '--workbook', 'justice.budget'], { LANG: 'en_US.UTF-8' });
    expect(english.stderr).toContain('Row 3');
    expect(english.stderr).toContain('nothing was imported');

    // Asked to, it imports the rows it can read and still lists the others.
    const skipping = JSON.parse(cli(['catalog', 'import', 'bad.csv', '--workbook', 'justice.budget', '--skip-bad-rows']).stdout);
    expect(skipping).toMatchObject({ applied: true, added: [{ code: '2040695', name: '社区矫正（新）' }] });
    expect(skipping.badRows).toHaveLength(2);
  });

  it('refuses files that are no list, and a list of another kind than asked, changing nothing', () => {
    const before = exported('justice.budget');
    writeFileSync(join(work, 'old.xls'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const xls = cli(['catalog', 'import', 'old.xls', '--workbook', 'justice.budget']);
    expect(xls.code).toBe(2);
    expect(xls.stderr).toContain('.xlsx');
    const wrongKind = cli(['catalog', 'import', 'official-2027.xlsx', '--workbook', 'justice.budget', '--kind', 'deptEcon']);
    expect(wrongKind.code).toBe(1);
    expect(JSON.parse(wrongKind.stdout).badRows.every((row: { code: string }) => row.code === 'catalog:wrongKind')).toBe(true);
    writeFileSync(join(work, 'names.csv'), '名称\n行政运行\n');
    const noCodes = cli(['catalog', 'import', 'names.csv', '--workbook', 'justice.budget']);
    expect(noCodes.code).toBe(2);
    expect(noCodes.stderr).toContain('names.csv');
    expect(exported('justice.budget')).toBe(before);
  });

  it('explains a wrong --kind, a missing file and a missing verb', () => {
    expect(cli(['catalog', 'import', 'official-2027.xlsx', '--kind', 'economic']).stderr).toContain('function');
    expect(cli(['catalog', 'import', 'nowhere.csv']).code).toBe(2);
    expect(cli(['catalog', 'list']).stderr).toContain('catalog import');
  });

  it('without a workbook, compares the list with the built-in catalogue', () => {
    const report = JSON.parse(cli(['catalog', 'import', 'official-2027.xlsx']).stdout);
    expect(report).toMatchObject({ workbook: null, applied: false, edition: 2024 });
    expect(report.added.map((entry: { code: string }) => entry.code)).toEqual(['2040697', '30298']);
  });
});
