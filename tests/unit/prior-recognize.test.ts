import { describe, expect, it } from 'vitest';
import { FEN_PER, roundFen, type Fen, type MoneyUnit } from '../../src/core/money';
import { workbookFigures } from '../../src/core/prior/figures';
import type { SheetGrid } from '../../src/core/prior/grid';
import { recognizeExcel, type ExcelRecognition } from '../../src/core/prior/recognize';
import { TEMPLATES } from '../../src/core/templates';
import { loadPublishedTables, loadSeedWorkbook, SEED_IDS, type PublishedTable, type SeedId } from '../support/seeds';
import { publishedGrid, withBlankRepeatedClass, withJoinedCodes } from './prior-grids';

function recognize(seed: SeedId, grids: SheetGrid[]): ExcelRecognition {
  const workbook = loadSeedWorkbook(seed);
  return recognizeExcel(grids, { templates: Object.values(TEMPLATES), preferredTemplate: null, department: workbook.department });
}

/** Does a figure read agree with the workbook's as the table prints it: exact, or rounded to 0.01 of its unit? */
function agrees(read: Fen, expected: Fen, unit: MoneyUnit): boolean {
  return read === expected || read === roundFen(expected, unit) * (FEN_PER[unit] / 100);
}

/** Each figure read equals the seed workbook's, as far as the table's precision goes. */
function expectSeedFigures(seed: SeedId, recognition: ExcelRecognition) {
  const workbook = loadSeedWorkbook(seed);
  const template = TEMPLATES[workbook.settings.template ?? ''];
  if (!template) throw new Error(seed);
  const expected = workbookFigures(workbook, template.conventions.operatingCostUnits);
  const units = new Map(recognition.sheets.map((sheet) => [sheet.sheet, sheet.unit ?? template.money.unit]));
  const differences = recognition.figures
    .filter((figure) => !agrees(figure.fen, expected[figure.key] ?? 0, units.get(figure.sheet) ?? 'wan'))
    .map((figure) => `${figure.key}: read ${figure.fen} at ${figure.cells.join('+')}, workbook ${expected[figure.key] ?? 0}`);
  expect(differences).toEqual([]);
}

const tableIdPattern = (templateId: string) => new RegExp(`^${templateId.replace(/\{\w+\}/g, '.+')}$`);

const MUST_READ: Record<SeedId, string[]> = {
  'henan-2024': ['total', 'income.total', 'basic', 'basic.personnel', 'basic.public', 'project', 'fiscal.total', 'fiscal.gen', 'fiscal.fund', 'fiscal.capital', 'general.total', 'sanGong.total', 'sanGong.abroad', 'sanGong.reception', 'sanGong.vehicle', 'sanGong.vehiclePurchase', 'sanGong.vehicleRunning', 'operatingCost', 'function.2101501', 'function.210', 'deptEcon.302', 'govEcon.50501'],
  'hebei-2024': ['total', 'income.total', 'basic', 'project', 'fiscal.total', 'fiscal.gen', 'sanGong.total', 'sanGong.reception', 'sanGong.vehicleRunning', 'function.210', 'function.2101599'],
  // The Shaanxi fixture transcribes 表4–表8, 表10 and the forms (not 表1–表3, 表9, 表11, 表12).
  'shaanxi-2024': ['total', 'fiscal.total', 'fiscal.gen', 'function.2101501', 'deptEcon.302', 'govEcon.505'],
};

describe('recognizing last year’s published tables', () => {
  for (const seed of SEED_IDS) {
    it(`${seed}: every table is recognized and every figure read is the published one`, () => {
      const tables = loadPublishedTables(seed);
      const recognition = recognize(seed, tables.map((table) => publishedGrid(table)));
      expect(recognition.templateId).toBe(seed);
      recognition.sheets.forEach((sheet, index) => {
        const table = tables[index] as PublishedTable;
        expect([table.id, sheet.status]).toEqual([table.id, 'recognized']);
        expect(table.id).toMatch(tableIdPattern(sheet.tableId ?? ''));
      });
      expectSeedFigures(seed, recognition);
      const read = new Set(recognition.figures.map((figure) => figure.key));
      expect(MUST_READ[seed].filter((key) => !read.has(key))).toEqual([]);
    });
  }

  it('henan-2024: states its year and department, reads projects with their indicators', () => {
    const recognition = recognize('henan-2024', loadPublishedTables('henan-2024').map((table) => publishedGrid(table)));
    expect(recognition.identity).toEqual({ year: 2024, departmentCode: null, departmentName: '济源产城融合示范区医疗保障局' });
    const grid = recognition.sheets.find((sheet) => sheet.tableId === 'project-performance');
    const workbook = loadSeedWorkbook('henan-2024');
    expect(grid?.projects.map((project) => project.code).sort()).toEqual(workbook.projects.map((project) => project.code).sort());
    const first = grid?.projects.find((project) => project.code === '419001240000000004001');
    const indicators = workbook.projects.find((project) => project.code === '419001240000000004001')?.performance.indicators ?? [];
    expect(first?.indicators.map((indicator) => indicator.level3).sort()).toEqual(indicators.map((indicator) => indicator.level3).sort());
  });

  it('hebei-2024: reads code and department from "417 邢台市医疗保障局" and each project form', () => {
    const recognition = recognize('hebei-2024', loadPublishedTables('hebei-2024').map((table) => publishedGrid(table)));
    expect(recognition.identity).toEqual({ year: 2024, departmentCode: '417', departmentName: '邢台市医疗保障局' });
    const forms = recognition.sheets.filter((sheet) => sheet.tableId === 'project-performance-{projectCode}').flatMap((sheet) => sheet.projects);
    expect(forms.map((project) => project.code)).toEqual(loadSeedWorkbook('hebei-2024').projects.map((project) => project.code));
    expect(forms.every((project) => project.amount !== null && project.indicators.length > 0)).toBe(true);
  });

  it('tolerates blank rows, merged labels, joined or blank-carried codes, reworded headings and another 单位 wording', () => {
    const tables = loadPublishedTables('henan-2024').map((table) => {
      if (table.id === 'general-budget-expenditure') return withJoinedCodes(table);
      if (table.id === 'economic-summary') return withBlankRepeatedClass(table);
      // Reworded headings: "预算数" for "金额", "科目名称" for "单位（科目名称）".
      return { ...table, header: table.header.map((row) => row.map((text) => (text === '金额' ? '预算数' : text === '单位（科目名称）' ? '科目名称' : text))) };
    });
    const recognition = recognize('henan-2024', tables.map((table) => publishedGrid(table, { blankRows: true, unitWording: true, mergedTotalLabel: true })));
    expect(recognition.sheets.every((sheet) => sheet.status === 'recognized' && sheet.unitStated === (sheet.tableId !== 'department-performance' || sheet.unitStated))).toBe(true);
    expectSeedFigures('henan-2024', recognition);
    const read = new Set(recognition.figures.map((figure) => figure.key));
    expect(MUST_READ['henan-2024'].filter((key) => !read.has(key))).toEqual([]);
    expect(read.has('function.2101501') && read.has('deptEcon.30101') && read.has('govEcon.50101')).toBe(true);
    const summary = recognition.sheets.find((sheet) => sheet.tableId === 'income-expenditure-summary');
    expect(summary?.figures.map((figure) => figure.key)).toEqual(expect.arrayContaining(['total', 'income.total', 'income.gen', 'income.carry']));
  });

  it('reads a table in 元 when its 单位 line says 元', () => {
    const table = loadPublishedTables('henan-2024').find((candidate) => candidate.id === 'three-public') as PublishedTable;
    const inYuan: PublishedTable = {
      ...table,
      meta: table.meta.map((line) => line.replace('万元', '元')),
      rows: table.rows.map((row) => row.map((text) => (text === '' ? '' : String(Math.round(Number(text.replace(/,/g, '')) * 10000))))),
    };
    const recognition = recognize('henan-2024', [publishedGrid(inYuan)]);
    expect(recognition.sheets[0]?.unit).toBe('yuan');
    expect(recognition.figures.find((figure) => figure.key === 'sanGong.total')?.fen).toBe(3_200_000);
  });

  it('names a cell that holds no amount and leaves its figure out', () => {
    const table = loadPublishedTables('henan-2024').find((candidate) => candidate.id === 'three-public') as PublishedTable;
    const broken: PublishedTable = { ...table, rows: [['三块二', ...(table.rows[0] ?? []).slice(1)]] };
    const recognition = recognize('henan-2024', [publishedGrid(broken)]);
    expect(recognition.sheets[0]?.notes).toContainEqual({ code: 'prior:note.badAmount', params: { cell: '八!A6', text: '三块二' } });
    expect(recognition.figures.find((figure) => figure.key === 'sanGong.total')?.derived).toBe(true);
  });

  it('reports conflicting readings of a figure', () => {
    const tables = loadPublishedTables('henan-2024');
    const summary = tables.find((table) => table.id === 'income-expenditure-summary') as PublishedTable;
    const altered: PublishedTable = { ...summary, rows: summary.rows.map((row) => (row[2] === '支出总计' ? [row[0] ?? '', row[1] ?? '', row[2], '9,999.99'] : row)) };
    const recognition = recognize('henan-2024', [publishedGrid(altered)]);
    expect(recognition.notes.map((note) => note.code)).toContain('prior:note.conflict');
  });

  it('leaves a sheet that is no template table unrecognized', () => {
    const recognition = recognize('henan-2024', [
      { name: '说明', rows: [['关于 2023 年部门预算的说明'], ['随便写的内容', '123.00']], merges: [] },
      { name: 'Sheet2', rows: [], merges: [] },
    ]);
    expect(recognition.templateId).toBeNull();
    expect(recognition.sheets.map((sheet) => sheet.status)).toEqual(['unrecognized', 'empty']);
    expect(recognition.figures).toEqual([]);
  });
});
