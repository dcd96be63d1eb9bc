import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CellRange, SheetGrid } from '../../src/core/prior/grid';
import { placeHeader } from '../../src/core/report';
import { evaluateTemplate, type EvaluatedTable } from '../../src/core/tables/evaluate';
import { catalogNames } from '../../src/core/tables/names';
import type { TemplateSpec } from '../../src/core/tables/spec';
import { builtinLookup, loadTemplate, TEMPLATES } from '../../src/core/templates';
import { learnTemplate } from '../../src/core/templates/learn';
import { headerCells, sheetBlocks, sheetView } from '../../src/core/templates/learn/blocks';
import { readPath } from '../../src/core/templates/learn/vocabulary';
import { formatNumber } from '../../src/main/services/templates/learn-read';
import enTemplate from '../../src/shared/locales/en/template.json';
import zhTemplate from '../../src/shared/locales/zh-CN/template.json';
import { loadPublishedTables, loadSeedWorkbook, type PublishedTable } from '../support/seeds';

/**
 * The learning core on grids typed by hand (no Excel file): the heading vocabulary, cutting a sheet into tables,
 * header merges, and learning — a table no base has read from its words alone, a table nothing can read kept
 * for the clerk, a heading that reads two ways decided by the numbers.
 */

const bases = Object.values(TEMPLATES);

describe('the heading vocabulary', () => {
  const first = (...path: string[]) => readPath(path)[0]?.filter;
  const all = (...path: string[]) => readPath(path).map((reading) => reading.filter);

  it('reads fund sources, natures and the classifications along a header path', () => {
    expect(first('本年收入', '一般公共预算', '小计')).toEqual({ funds: ['gen'] });
    expect(first('上年结转结余', '政府性基金')).toEqual({ funds: ['carry.fund'] });
    expect(first('上年结转')).toEqual({ funds: ['carry'] });
    expect(first('财政专户管理资金收入')).toEqual({ funds: ['specialAccount'] });
    expect(first('单位资金', '事业收入')).toEqual({ funds: ['unit.business'] });
    expect(first('基本支出', '人员经费', '工资福利支出')).toEqual({ natures: ['basic'], deptEcon: ['301'] });
    expect(first('项目支出', '特定目标类')).toEqual({ natures: ['project'], projectTypes: ['specificGoal', 'special'] });
    expect(first('专项业务经费支出')).toEqual({ natures: ['project'] });
    expect(first('公务用车购置及运行维护费', '小计')).toEqual({ deptEcon: ['31013', '30231'] });
    expect(first('“三公”经费合计')).toEqual({ deptEcon: ['30212', '31013', '30231', '30217'] });
    // Names from the catalogues: 政府经济分类 and 功能分类 as well as 部门经济分类.
    expect(first('机关商品和服务支出')).toEqual({ govEcon: ['502'] });
    expect(first('十、卫生健康')).toEqual({ functions: ['210'] });
  });

  it('gives every reading where a word can mean more than one thing, the likeliest first', () => {
    // 财政拨款 below 一般公共预算 is its own appropriation; standing alone, the three fiscal budgets.
    expect(first('一般公共预算', '其中：财政拨款')).toEqual({ funds: ['gen.appropriation'] });
    expect(all('财政拨款')).toContainEqual({ funds: ['gen', 'fund', 'capital'] });
    // A fund column with or without the fund's carried-over money.
    expect(all('一般公共预算财政拨款')).toEqual([{ funds: ['gen'] }, { funds: ['gen', 'carry.gen'] }]);
    // 公用经费: everything basic but personnel, or 商品和服务支出 with 资本性支出.
    expect(all('公用经费')).toEqual(expect.arrayContaining([{ basicPart: 'public' }, { natures: ['basic'], deptEcon: ['302', '310'] }]));
    // 上级提前下达 of the general budget or of the government funds.
    expect(all('上级提前下达')).toEqual([{ funds: ['gen.upperAdvance'] }, { funds: ['fund.upperAdvance'] }]);
  });

  it('says nothing for headings it does not know', () => {
    expect(readPath(['编制数'])).toEqual([]);
    expect(readPath(['联系电话'])).toEqual([]);
  });
});

describe('cutting a sheet into tables', () => {
  const sheet: SheetGrid = {
    name: '表',
    rows: [
      ['2024年部门收入预算表'],
      ['部门名称：某局', '', '', '单位：万元'],
      ['项目', '本年收入', '', '上年结转'],
      ['', '小计', '财政拨款', ''],
      ['合计', '10.00', '8.00', '2.00'],
      ['注：报表金额单位转换时可能存在四舍五入尾数误差。'],
      [],
      ['2024年部门支出预算表'],
      ['单位：万元'],
      ['项目', '合计'],
      ['合计', '12.00'],
    ],
    merges: [
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 2, left: 1, bottom: 2, right: 2 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 3, bottom: 3, right: 3 },
      { top: 5, left: 0, bottom: 5, right: 3 },
      { top: 7, left: 0, bottom: 7, right: 1 },
    ],
  };

  it('finds each table with its title, meta lines, header, body and notes', () => {
    const blocks = sheetBlocks(sheet);
    expect(blocks.map((block) => [block.title, block.meta, block.header, block.body, block.notes.map((note) => note.text)])).toEqual([
      ['2024年部门收入预算表', ['部门名称：某局', '单位：万元'], { from: 2, to: 3 }, [4], ['注：报表金额单位转换时可能存在四舍五入尾数误差。']],
      ['2024年部门支出预算表', ['单位：万元'], { from: 9, to: 9 }, [10], []],
    ]);
  });

  it('turns merged header cells into spans, and implies them where a sheet was typed without merges', () => {
    const [block] = sheetBlocks(sheet);
    expect(headerCells(sheetView(sheet), block!)).toEqual([
      [{ text: '项目', rowSpan: 2 }, { text: '本年收入', colSpan: 2 }, { text: '上年结转', rowSpan: 2 }],
      [{ text: '小计' }, { text: '财政拨款' }],
    ]);
    const typed = { ...sheet, merges: [] as CellRange[] };
    const [plain] = sheetBlocks(typed);
    expect(headerCells(sheetView(typed), plain!)).toEqual([
      [{ text: '项目', rowSpan: 2 }, { text: '本年收入', colSpan: 2 }, { text: '上年结转', rowSpan: 2 }],
      [{ text: '小计' }, { text: '财政拨款' }],
    ]);
  });
});

describe('number formats as Excel displays them', () => {
  it('prints sections, decimals, separators and literal zeros', () => {
    expect(formatNumber(5497.6, '#,##0.00')).toBe('5,497.60');
    expect(formatNumber(5497.6, '0.00')).toBe('5497.60');
    expect(formatNumber(0, '#,##0.00;-#,##0.00;"-"')).toBe('-');
    expect(formatNumber(0, '0.00;-0.00;""')).toBe('');
    expect(formatNumber(-12.5, '#,##0.00_);(#,##0.00)')).toBe('(12.50)');
    expect(formatNumber(421.4425, 'General')).toBe('421.4425');
    expect(formatNumber(0.125, '0.00')).toBe('0.13');
    expect(formatNumber(0.441, '0.00%')).toBe('44.10%');
  });
});

/** Evaluated tables laid out as a clerk's sheet: title, meta, header with merges, rows, notes. */
function sheetsOf(tables: EvaluatedTable[]): SheetGrid[] {
  return tables.map((table, index) => {
    const rows: string[][] = [[table.title]];
    const merges: CellRange[] = [{ top: 0, left: 0, bottom: 0, right: table.columnCount - 1 }];
    if (table.meta.length > 0) rows.push([table.meta.join('\u3000')]);
    const top = rows.length;
    for (const cell of placeHeader(table.header, table.columnCount)) {
      const row = (rows[top + cell.row] ??= []);
      row[cell.column] = cell.text;
      if (cell.rowSpan > 1 || cell.colSpan > 1) merges.push({ top: top + cell.row, left: cell.column, bottom: top + cell.row + cell.rowSpan - 1, right: cell.column + cell.colSpan - 1 });
    }
    for (let r = top; r < top + table.header.length; r += 1) rows[r] = Array.from({ length: table.columnCount }, (_, c) => rows[r]?.[c] ?? '');
    for (const row of table.rows) rows.push(row.cells.map((cell) => (cell.covered ? '' : cell.text)));
    for (const note of table.notes) rows.push([note]);
    return { name: `S${index + 1}`, rows, merges };
  });
}

function publishedSheet(table: PublishedTable): SheetGrid {
  return { name: table.id.slice(0, 31), rows: [[table.title], ...table.meta.map((line) => [line]), ...table.header, ...table.rows, ...table.notes.map((note) => [note])], merges: [] };
}

describe('learning a package', () => {
  const workbook = loadSeedWorkbook('henan-2024');
  const names = catalogNames(workbook);

  it('finds the nearest base and learns what differs without facts, leaving two-way headings open', () => {
    const county = loadTemplate(
      {
        format: 'budget-desk-template',
        formatVersion: 1,
        id: 'county',
        version: 1,
        name: 'county',
        extends: 'henan-2024',
        money: { zero: '0.00' },
        tables: {
          remove: ['state-capital'],
          change: {
            expenditure: {
              title: '{year}年部门支出预算总表',
              columns: { replace: { 公用经费: [{ id: '商品和服务支出', header: '商品和服务支出', cell: { measure: { source: 'budget', natures: ['basic'], deptEcon: ['302'] } } }] } },
            },
          },
        },
      },
      builtinLookup,
    );
    if (!county.ok) throw new Error(JSON.stringify(county.problems));
    const sheets = sheetsOf(evaluateTemplate(workbook, county.template, names));
    const result = learnTemplate(sheets, { bases });
    expect(result.baseId).toBe('henan-2024');
    expect(result.proof).toBeNull();
    expect(result.removed).toEqual(['state-capital']);
    expect(result.money.zero).toBe('0.00');
    const expenditure = result.tables.find((table) => table.baseTable === 'expenditure');
    expect(expenditure?.spec.title).toBe('{year}年部门支出预算总表');
    // 商品和服务支出 under 基本支出: read from the heading (basic, 302); said to be learned, with the cell of the heading.
    expect(expenditure?.learned.map((note) => note.code)).toContain('template:learn.columnRead');
    expect(JSON.stringify(expenditure?.spec.body)).toContain('"natures":["basic"],"deptEcon":["302"]');
    expect(result.template?.tables.map((table) => table.id)).not.toContain('state-capital');
  });

  it('decides a heading that reads two ways by the numbers, and says which cells it read', () => {
    const shaanxi = loadSeedWorkbook('shaanxi-2024');
    const changed = loadTemplate(
      {
        format: 'budget-desk-template',
        formatVersion: 1,
        id: 'split',
        version: 1,
        name: 'split',
        extends: 'shaanxi-2024',
        tables: { change: { 'general-budget-expenditure': { columns: { replace: { 公用经费支出: [{ id: '商品和服务支出', header: '商品和服务支出', cell: { measure: { source: 'budget', natures: ['basic'], deptEcon: ['302'] } } }] } } } } },
      },
      builtinLookup,
    );
    if (!changed.ok) throw new Error(JSON.stringify(changed.problems));
    const sheets = sheetsOf(evaluateTemplate(shaanxi, changed.template, catalogNames(shaanxi)));
    const blind = learnTemplate(sheets, { bases });
    const open = blind.tables.find((table) => table.baseTable === 'general-budget-expenditure');
    // Nothing says the column is basic expenditure's: without facts it stays open, and says where.
    expect(open?.uncertain.find((note) => note.code === 'template:learn.columnAmbiguous')?.cells[0]).toMatch(/!E\d+$/);
    const proved = learnTemplate(sheets, { bases, facts: shaanxi });
    const decided = proved.tables.find((table) => table.baseTable === 'general-budget-expenditure');
    expect(decided?.learned.map((note) => note.code)).toContain('template:learn.columnByNumbers');
    expect(JSON.stringify(decided?.spec.body)).toContain('"natures":["basic"],"deptEcon":["302"]');
    expect(proved.proof?.different).toBe(0);
  });

  it('reads a table no base has from its headings and labels, and keeps one nothing can read for the clerk', () => {
    const published = loadPublishedTables('henan-2024');
    const known = published.filter((table) => table.id !== 'general-budget-expenditure');
    // A county prints a table of its own: 一般公共预算项目支出 by function item, under a title no base has.
    const own = (published.find((table) => table.id === 'general-budget-expenditure') as PublishedTable);
    const projectOnly: PublishedTable = {
      ...own,
      id: 'own-project-table',
      title: '2024年一般公共预算项目支出情况表',
      header: [['科目编码', '', '', '科目名称', '合计', '其他运转类', '特定目标类'], ['类', '款', '项', '', '', '', '']],
      rows: [],
      notes: [],
    };
    const evaluated = evaluateTemplate(workbook, TEMPLATES['henan-2024'] as TemplateSpec, names).find((table) => table.id === 'general-budget-expenditure') as EvaluatedTable;
    projectOnly.rows = evaluated.rows
      .filter((row) => row.cells[10]?.text !== '' && row.cells[0]?.text !== '')
      .map((row) => [0, 1, 2, 4, 10, 11, 12].map((c) => row.cells[c]?.text ?? ''));
    const staff: PublishedTable = { ...own, id: '人员编制情况表', title: '人员编制情况表', meta: [], header: [['单位', '编制数', '实有人数']], rows: [['某局', '12', '10']], notes: [] };
    const sheets = [...known, projectOnly, staff].map(publishedSheet);
    const result = learnTemplate(sheets, { bases, facts: workbook });
    const fresh = result.tables.find((table) => table.title === '2024年一般公共预算项目支出情况表');
    expect(fresh?.status).toBe('new');
    expect(result.variant.tables?.add?.map((entry) => entry.item.title)).toContain('{year}年一般公共预算项目支出情况表');
    const kept = result.tables.find((table) => table.title === '人员编制情况表');
    expect(kept?.status).toBe('unmapped');
    expect(kept?.notLearned.length).toBeGreaterThan(0);
    expect(result.notes.map((note) => note.code)).toContain('template:learn.tableUnmapped');
    expect(JSON.stringify(result.variant)).not.toContain('人员编制情况表');
    // Its numbers are not reproduced: the proof says so cell by cell.
    const staffProof = result.proof?.tables.find((table) => table.title === '人员编制情况表');
    expect(staffProof?.different.map((cell) => cell.cell)).toEqual(["'人员编制情况表'!B3", "'人员编制情况表'!C3"]);
    const freshProof = result.proof?.tables.find((table) => table.title === '2024年一般公共预算项目支出情况表');
    expect(freshProof?.different).toEqual([]);
    expect(freshProof?.numberCells).toBeGreaterThan(20);
  });
});

describe('the learning messages', () => {
  it('words every message the learner and the command use, in zh-CN and en alike', () => {
    const root = new URL('../../', import.meta.url);
    const files = [
      ...readdirSync(new URL('src/core/templates/learn/', root)).map((name) => `src/core/templates/learn/${name}`),
      'src/main/services/templates/learn.ts',
      'src/main/services/templates/learn-read.ts',
      'src/main/cli/learn-command.ts',
    ];
    const used = new Set<string>();
    for (const file of files) for (const match of readFileSync(new URL(file, root), 'utf8').matchAll(/'template:learn\.(\w+)'/g)) used.add(match[1] as string);
    expect(used.size).toBeGreaterThan(30);
    expect(Object.keys(enTemplate.learn).sort()).toEqual(Object.keys(zhTemplate.learn).sort());
    for (const key of used) expect(Object.keys(zhTemplate.learn), key).toContain(key);
  });
});
