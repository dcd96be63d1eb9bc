import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeInterchange } from '../../src/core/interchange';
import { displayRows, evaluateTemplate } from '../../src/core/tables/evaluate';
import { catalogNames } from '../../src/core/tables/names';
import { shippedTemplate } from '../support/templates';
import { expectRowsMatchPublished, loadPublishedTables, loadSeedWorkbook, seedPath, type KnownDifference } from '../support/seeds';

const henan2024 = shippedTemplate('henan-2024');

/**
 * Ground truth: the Henan seed's 13 published tables, reproduced from the fixture's atomic facts.
 * The only cells that may differ are where the seed contradicts itself (fixtures README): two
 * projects are printed under slightly different names in the project-performance table.
 */
const KNOWN_DIFFERENCES: Record<string, KnownDifference[]> = {
  'project-performance': [
    {
      row: 22,
      column: 1,
      ours: '豫财社2023-244号2024年中央财政医疗服务与保障能力提升补助资金（医疗保障服务能力建设部分）',
      published: '豫财社2023-244号2024年中央财政医疗服务与保障能力提升补助资金(医疗保障服务能力建设部分)',
    },
    {
      row: 81,
      column: 1,
      ours: '豫财社2023-248号2024年中央和省级财政医疗救助补助资金用于城乡医疗救助',
      published: '豫财社2023-248号2024年中央和省本级财政医疗救助补助资金用于城乡医疗救助',
    },
  ],
};

describe('henan-2024 template against the Henan seed', () => {
  const workbook = loadSeedWorkbook('henan-2024');
  const published = loadPublishedTables('henan-2024');
  const tables = evaluateTemplate(workbook, henan2024, catalogNames(workbook));

  it('has the seed’s 13 tables in the published order', () => {
    expect(tables.map((table) => table.id)).toEqual(published.map((table) => table.id));
  });

  it('fixture workbook is in canonical interchange form', () => {
    expect(serializeInterchange(workbook)).toBe(readFileSync(seedPath('henan-2024', 'workbook.json'), 'utf8'));
  });

  for (const expected of published) {
    it(`reproduces ${expected.id} (${expected.title}) row for row`, () => {
      const table = tables.find((candidate) => candidate.id === expected.id);
      expect(table).toBeDefined();
      if (!table) return;
      expect(table.title).toBe(expected.title);
      expect(table.meta).toEqual(expected.meta);
      expect(table.empty).toBe(expected.empty);
      expect(table.notes).toEqual(expected.notes);
      expectRowsMatchPublished(displayRows(table), expected.rows, KNOWN_DIFFERENCES[expected.id]);
    });
  }

  it('prints the empty-table note under the empty state-capital table', () => {
    const table = tables.find((candidate) => candidate.id === 'state-capital');
    expect(table?.notes).toContain('本部门2024年度没有国有资本经营预算支出，故本表无数据。');
  });
});
