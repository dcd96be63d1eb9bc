import { describe, expect, it } from 'vitest';
import { previewFromExcel } from '../../src/core/prior/preview';
import { recognizeExcel } from '../../src/core/prior/recognize';
import { TEMPLATES } from '../../src/core/templates';
import { createI18n } from '../../src/shared/i18n';
import { loadPublishedTables, loadSeedWorkbook, type PublishedTable } from '../support/seeds';
import { publishedGrid } from './prior-grids';

/** Recognition is linear in its input, and says what a file gets wrong about its units. */

const henan = loadSeedWorkbook('henan-2024');
const tables = loadPublishedTables('henan-2024');
const table = (id: string) => tables.find((candidate) => candidate.id === id) as PublishedTable;
const options = { templates: Object.values(TEMPLATES), preferredTemplate: null, department: henan.department };

describe('recognition stays linear', () => {
  it('reads a sheet with a 500,000-character cell in its title rows in well under a second or two', () => {
    const grid = publishedGrid(table('three-public'));
    // The title's own beginning, repeated: what made the unanchored title pattern backtrack over the whole cell.
    grid.rows.splice(1, 0, ['2023年'.repeat(100_000)]);
    grid.rows.push(['项目'.repeat(250_000)]);
    const started = performance.now();
    const recognition = recognizeExcel([grid], options);
    const elapsed = performance.now() - started;
    expect(recognition.sheets[0]?.status).toBe('recognized');
    expect(recognition.figures.find((figure) => figure.key === 'sanGong.total')).toBeDefined();
    expect(elapsed).toBeLessThan(2_000);
  }, 20_000);

  it('keeps its time proportional to the cell: ten times the text, not a hundred times the time', () => {
    const time = (characters: number) => {
      const grid = publishedGrid(table('three-public'));
      grid.rows.splice(1, 0, ['2023年部门'.repeat(characters / 7)]);
      const started = performance.now();
      recognizeExcel([grid], options);
      return performance.now() - started;
    };
    time(1_000);
    const small = Math.max(time(20_000), 5);
    const large = time(200_000);
    expect(large / small).toBeLessThan(30);
  }, 20_000);
});

describe('what a file says about its units', () => {
  it('notes sheets of one file that state different units', () => {
    const inYuan: PublishedTable = { ...table('three-public'), meta: table('three-public').meta.map((line) => line.replace('万元', '元')) };
    const recognition = recognizeExcel([publishedGrid(table('income-expenditure-summary')), publishedGrid(inYuan)], options);
    const note = recognition.notes.find((candidate) => candidate.code === 'prior:note.unitsDiffer');
    expect(note?.params.sheets).toMatch(/（万元）.*（元）/);
    for (const language of ['zh-CN', 'en'] as const) expect(createI18n(language).t(note!.code, note!.params)).toContain('（元）');
  });

  it('notes figures about 10,000 times off this year’s, as a 万元 table whose unit line says 元 gives them', () => {
    // This year's workbook holds last year's figures again: a faithful import is 1:1, a unit read wrongly 1:10,000.
    const thisYear = { ...henan, department: { ...henan.department, year: henan.department.year + 1 } };
    const faithful = previewFromExcel(thisYear, tables.map((published) => publishedGrid(published)), 'last.xlsx');
    expect(faithful.notes.map((note) => note.code)).not.toContain('prior:note.scaleOff_smaller');
    const wrongUnit = tables.map((published) => publishedGrid({ ...published, meta: published.meta.map((line) => line.replace('万元', '元')) }));
    const preview = previewFromExcel(thisYear, wrongUnit, 'last.xlsx');
    const note = preview.notes.find((candidate) => candidate.code === 'prior:note.scaleOff_smaller');
    expect(note?.params.keys).toContain('total');
    expect(createI18n('zh-CN').t(note!.code, note!.params)).toContain('万分之一');
    // Without this year's lines there is nothing to compare with, and nothing is said.
    const empty = previewFromExcel({ ...thisYear, budgetLines: [], incomeLines: [] }, wrongUnit, 'last.xlsx');
    expect(empty.notes.map((candidate) => candidate.code)).not.toContain('prior:note.scaleOff_smaller');
  });

  it('refuses a file with sheets it could not read, naming them', () => {
    const thisYear = { ...henan, department: { ...henan.department, year: henan.department.year + 1 } };
    const preview = previewFromExcel(thisYear, tables.slice(0, 3).map((published) => publishedGrid(published)), 'last.xlsx', { unreadableSheets: ['四', '五'] });
    expect(preview.problems).toContainEqual({ code: 'prior:sheetsUnreadable', params: { fileName: 'last.xlsx', count: 2, names: '四、五' } });
  });
});
