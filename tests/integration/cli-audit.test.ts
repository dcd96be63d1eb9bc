import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recognizeExcel, type ExcelRecognition } from '../../src/core/prior';
import { findTemplate, TEMPLATES } from '../../src/core/templates';
import { runCli } from '../../src/main/cli/run';
import { exportFiles } from '../../src/main/services/export';
import { readXlsxGrids } from '../../src/main/services/prior/read-xlsx';
import { loadSeedWorkbook, SEED_IDS, type SeedId } from '../support/seeds';
import { runCli as runCliProcess } from './helpers/cli';
import { compoundFile } from './prior-files';
import { tempFolder } from './helpers/store-fixtures';

/**
 * `cli audit` on real published packages: each seed exported to xlsx by the app, read back by exceljs, audited.
 * Untouched, the three exports give nothing; a mistake of each audit class planted into Henan's export is found
 * with its sheet and cell; unreadable files exit 2 with a message.
 */
let folder: ReturnType<typeof tempFolder>;
const exported = new Map<SeedId, string>();

beforeAll(async () => {
  folder = tempFolder('cli-audit-');
  for (const seed of SEED_IDS) {
    const workbook = loadSeedWorkbook(seed);
    const path = join(folder.dir, `${seed}.xlsx`);
    await exportFiles(workbook, findTemplate(workbook.settings.template ?? '')!, { xlsx: path });
    exported.set(seed, path);
  }
}, 120_000);
afterAll(() => folder.remove());

interface AuditJson {
  template: string | null;
  summary: { errors: number; warnings: number; info: number };
  findings: { ruleId: string; severity: string; cells: string[]; params: Record<string, string | number>; message: string }[];
}

async function audit(args: string[], language = 'zh-CN') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['audit', ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: { LANG: language }, cwd: folder.dir });
  return { code, json: stdout ? (JSON.parse(stdout) as AuditJson) : null, stderr };
}

async function recognize(path: string): Promise<ExcelRecognition> {
  const grids = await readXlsxGrids(readFileSync(path), 'x.xlsx');
  return recognizeExcel(grids, { templates: Object.values(TEMPLATES), preferredTemplate: null, department: { code: '', name: '' } });
}

/** The cell a sheet prints a figure in (as the recognizer reads it), split into sheet and address. */
function cellOf(recognition: ExcelRecognition, tableId: string, key: string): { sheet: string; address: string } {
  const sheet = recognition.sheets.find((candidate) => candidate.tableId === tableId);
  const figure = sheet?.figures.find((candidate) => candidate.key === key && !candidate.derived && candidate.cells.length === 1);
  if (!sheet || !figure) throw new Error(`${tableId} ${key}`);
  return { sheet: sheet.sheet, address: figure.cells[0]!.slice(sheet.sheet.length + 1) };
}

async function plant(source: string, target: string, changes: { sheet: string; address: string; value: number | string | null }[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(source);
  for (const change of changes) book.getWorksheet(change.sheet)!.getCell(change.address).value = change.value;
  await book.xlsx.writeFile(target);
}

function numberAt(grid: ExcelJS.Workbook, at: { sheet: string; address: string }): number {
  return Number(grid.getWorksheet(at.sheet)!.getCell(at.address).value);
}

describe('cli audit', () => {
  for (const seed of SEED_IDS) {
    it(`${seed}: the untouched export is consistent (exit 0, no findings)`, async () => {
      const result = await audit([exported.get(seed)!]);
      expect(result.stderr).toBe('');
      expect(result.json?.template).toBe(seed);
      expect(result.json?.findings).toEqual([]);
      expect(result.code).toBe(0);
    });
  }

  it('finds a mistake of each class planted into Henan, naming sheet and cell; exit 1', async () => {
    const source = exported.get('henan-2024')!;
    const recognition = await recognize(source);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(source);
    const publicCost = cellOf(recognition, 'general-budget-basic', 'fiscal.gen.basic.public');
    const sanGong = cellOf(recognition, 'three-public', 'sanGong.total');
    const functionSheet = recognition.sheets.find((sheet) => sheet.tableId === 'general-budget-expenditure')!;
    const item = functionSheet.figures.find((figure) => /^function\.\d{7}$/.test(figure.key) && !figure.derived && figure.fen > 0 && figure.scope === 'withoutCarryOver')!;
    const itemAt = { sheet: functionSheet.sheet, address: item.cells[0]!.slice(functionSheet.sheet.length + 1) };
    const capitalSheet = recognition.sheets.find((sheet) => sheet.tableId === 'state-capital')!;
    const noteRow = book.getWorksheet(capitalSheet.sheet)!.getRows(1, 40)!.find((row) => String(row.getCell(1).value ?? '').includes('无数据'))!;
    const planted = join(folder.dir, 'henan-planted.xlsx');
    await plant(source, planted, [
      // 公用经费 up by 1万元: 基本支出 ≠ 人员 + 公用 on that table, and the table disagrees with the 一般公共预算支出表.
      { ...publicCost, value: numberAt(book, publicCost) + 1 },
      // 三公 total up by 0.5万元: ≠ its parts.
      { ...sanGong, value: numberAt(book, sanGong) + 0.5 },
      // A 项 row up by 2万元: its 款 and 类 rows no longer add up.
      { ...itemAt, value: numberAt(book, itemAt) + 2 },
      // The empty 国有资本经营 table loses its note.
      { sheet: capitalSheet.sheet, address: `A${noteRow.number}`, value: null },
    ]);
    const textPath = join(folder.dir, 'narrative.txt');
    writeFileSync(textPath, '一、部门预算收支总体情况\n现将2023年部门预算公开如下。本部门当年收支总预算6465.30元。\n本部门共有XX个内设机构。\n');
    const result = await audit([planted, '--text', textPath]);
    expect(result.code).toBe(1);
    const found = result.json!.findings;
    const cellsOf = (ruleId: string) => found.filter((finding) => finding.ruleId === ruleId).flatMap((finding) => finding.cells);
    const ref = (at: { sheet: string; address: string }) => `${at.sheet}!${at.address}`;
    expect(cellsOf('audit.partsDoNotAdd')).toContain(ref(publicCost));
    expect(cellsOf('audit.partsDoNotAdd')).toContain(ref(sanGong));
    expect(cellsOf('audit.tablesDisagree')).toContain(ref(publicCost));
    expect(cellsOf('audit.codeRowsDoNotAdd')).toContain(ref(itemAt));
    expect(found.filter((finding) => finding.ruleId === 'audit.emptyTableWithoutNote').map((finding) => finding.params.sheet)).toEqual([capitalSheet.sheet]);
    expect(found.filter((finding) => finding.ruleId.startsWith('audit.text')).map((finding) => [finding.ruleId, finding.cells[0]])).toEqual([
      ['audit.textBudgetYear', 'text:2'],
      ['audit.textPlaceholder', 'text:3'],
      ['audit.textYuanForWan', 'text:2'],
    ]);
    const basicMessage = found.find((finding) => finding.ruleId === 'audit.partsDoNotAdd' && finding.cells.includes(ref(publicCost)))!.message;
    expect(basicMessage).toMatch(new RegExp(`^“${publicCost.sheet}”[A-Z]+\\d+：`));
    expect(basicMessage).toMatch(/相差 -?1\.00/);
    expect(result.json!.summary.errors).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it("shaanxi-2024: the seed's own narrative sentence “476.38 元” is found against the table's 476.38万元 (README 1)", async () => {
    const textPath = join(folder.dir, 'shaanxi.txt');
    writeFileSync(textPath, '五、一般公共预算当年拨款情况\n（一）一般公共预算当年拨款规模变化情况\n本部门当年预算支出 476.38 元，较上年增加32.02万元。\n');
    const result = await audit([exported.get('shaanxi-2024')!, '--text', textPath]);
    expect(result.code).toBe(0);
    expect(result.json!.findings.map((finding) => [finding.ruleId, finding.cells[0], finding.params.quote])).toEqual([['audit.textYuanForWan', 'text:3', '476.38 元']]);
  });

  it('a rounding tail (0.01万元) is reported as such, not as an error', async () => {
    const source = exported.get('henan-2024')!;
    const recognition = await recognize(source);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(source);
    const publicCost = cellOf(recognition, 'general-budget-basic', 'fiscal.gen.basic.public');
    const planted = join(folder.dir, 'henan-tail.xlsx');
    await plant(source, planted, [{ ...publicCost, value: Math.round((numberAt(book, publicCost) + 0.01) * 100) / 100 }]);
    const found = (await audit([planted], 'en')).json!.findings;
    const tail = found.find((finding) => finding.ruleId === 'audit.roundingTail');
    expect(tail?.severity).toBe('info');
    expect(tail?.cells).toContain(`${publicCost.sheet}!${publicCost.address}`);
    expect(tail?.message).toContain('rounding tail');
  }, 60_000);

  it('refuses what it cannot read with a message and exit 2, from the real command line', () => {
    writeFileSync(join(folder.dir, 'encrypted.xlsx'), compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    writeFileSync(join(folder.dir, 'damaged.xlsx'), 'not a zip at all');
    const encrypted = runCliProcess(['audit', 'encrypted.xlsx'], folder.dir);
    expect(encrypted.code).toBe(2);
    expect(encrypted.stderr).toMatch(/加密|密码/);
    expect(encrypted.stderr).not.toMatch(/at .*\.ts/);
    const damaged = runCliProcess(['audit', 'damaged.xlsx'], folder.dir, { LANG: 'en' });
    expect(damaged.code).toBe(2);
    expect(damaged.stdout).toBe('');
    const missing = runCliProcess(['audit', 'nowhere.xlsx'], folder.dir);
    expect(missing.code).toBe(2);
  });

  it('a workbook with no recognizable table exits 2 naming the file', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('清单').getCell('A1').value = '购物清单';
    const path = join(folder.dir, 'shopping.xlsx');
    await book.xlsx.writeFile(path);
    const result = await audit([path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shopping.xlsx');
    expect(result.stderr).toContain('没有可识别');
  });
});
