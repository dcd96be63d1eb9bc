import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeInterchange } from '../../src/core/interchange';
import type { Workbook } from '../../src/core/model';
import { displayRows, evaluateTemplate, type EvaluatedTable } from '../../src/core/tables/evaluate';
import { catalogNames } from '../../src/core/tables/names';
import { planPercent } from '../../src/core/tables/parts/project-row';
import type { HeaderCell, TableSpec } from '../../src/core/tables/spec';
import { findTemplate } from '../../src/core/templates';
import { shippedTemplate } from '../support/templates';
import { loadPublishedTables, loadSeedWorkbook, seedPath, type PublishedTable } from '../support/seeds';

const hebei2024 = shippedTemplate('hebei-2024');

/**
 * Ground truth: every table of the Hebei seed, reproduced from the fixture's atomic facts. The only
 * differences allowed are the `deviations` recorded in the fixture's tables.json (see its README): single
 * cells with the published and the reproduced text (the seed's spelling variants and extraction slips).
 */
interface Deviation {
  table: string;
  row: number;
  col: number;
  published: string;
  reproduced: string;
  kind: string;
  reason: string;
}

const deviations: Deviation[] = JSON.parse(readFileSync(seedPath('hebei-2024', 'tables.json'), 'utf8')).deviations;

/** The published rows turned into what a correct pivot of the facts prints, checking each deviation as it is applied. */
function reproducibleRows(published: PublishedTable): string[][] {
  const rows = published.rows.map((row) => [...row]);
  for (const deviation of deviations.filter((candidate) => candidate.table === published.id)) {
    expect(rows[deviation.row]?.[deviation.col], `${published.id} row ${deviation.row} col ${deviation.col}`).toBe(deviation.published);
    expect(deviation.reproduced).not.toBe(deviation.published);
    rows[deviation.row]![deviation.col] = deviation.reproduced;
  }
  return rows;
}

/** Header rows as the fixture transcribes them: merged cells spread out, covered positions empty. */
function headerGrid(header: HeaderCell[][], width: number): string[][] {
  const grid: (string | undefined)[][] = header.map(() => new Array<string | undefined>(width).fill(undefined));
  header.forEach((cells, rowIndex) => {
    let column = 0;
    for (const cell of cells) {
      while (grid[rowIndex]?.[column] !== undefined) column += 1;
      for (let down = 0; down < (cell.rowSpan ?? 1); down += 1) {
        for (let across = 0; across < (cell.colSpan ?? 1); across += 1) {
          const target = grid[rowIndex + down];
          if (target) target[column + across] = down === 0 && across === 0 ? cell.text : '';
        }
      }
      column += cell.colSpan ?? 1;
    }
  });
  return grid.map((row) => row.map((text) => text ?? ''));
}

const evaluate = (workbook: Workbook, tables: TableSpec[] = hebei2024.tables) =>
  evaluateTemplate(workbook, { ...hebei2024, tables }, catalogNames(workbook));
const byId = (tables: EvaluatedTable[], id: string) => tables.find((table) => table.id === id);
const specById = (id: string) => hebei2024.tables.find((table) => table.id === id)!;

describe('hebei-2024 template against the Hebei seed', () => {
  const workbook = loadSeedWorkbook('hebei-2024');
  const published = loadPublishedTables('hebei-2024');
  const tables = evaluate(workbook);

  it('is registered and yields the seed’s tables in the published order', () => {
    expect(findTemplate('hebei-2024')).toEqual(hebei2024);
    expect(tables.map((table) => table.id)).toEqual(published.map((table) => table.id));
  });

  it('fixture workbook is in canonical interchange form', () => {
    expect(serializeInterchange(workbook)).toBe(readFileSync(seedPath('hebei-2024', 'workbook.json'), 'utf8'));
  });

  it('every recorded deviation names a published table', () => {
    for (const deviation of deviations) expect(published.map((table) => table.id)).toContain(deviation.table);
  });

  for (const expected of published) {
    it(`reproduces ${expected.id} (${expected.title}) row for row`, () => {
      const table = byId(tables, expected.id);
      expect(table).toBeDefined();
      if (!table) return;
      expect(table.number).toBe(expected.number);
      expect(table.title).toBe(expected.title);
      expect(table.meta).toEqual(expected.meta);
      expect(headerGrid(table.header, table.columnCount)).toEqual(expected.header);
      expect(table.empty).toBe(expected.empty);
      expect(table.notes).toEqual(expected.notes);
      expect(displayRows(table)).toEqual(reproducibleRows(expected));
    });
  }
});

describe('hebei-2024 parts beyond the seed', () => {
  const seed = loadSeedWorkbook('hebei-2024');

  it('prints plan percentages whole when whole, else with two decimals', () => {
    expect([44.1, 50, 100, 8.33, 0].map(planPercent)).toEqual(['44.10', '50', '100', '8.33', '0']);
  });

  it('repeats the project form only for the project types asked, numbered among them', () => {
    const operationOnly = { ...specById('project-performance-{projectCode}'), perProject: { projectTypes: ['operation' as const] } };
    const forms = evaluate(seed, [operationOnly]);
    expect(forms.map((form) => [form.number, form.id])).toEqual([
      ['1', 'project-performance-13050024P00935510019K'],
      ['2', 'project-performance-13050024P009355100226'],
      ['3', 'project-performance-13050024P00935510020Y'],
    ]);
    // Each form sums its own project's lines only.
    expect(forms.map((form) => displayRows(form)[1]?.[2])).toEqual(['70.00', '60.00', '30.00']);
  });

  it('splits a procurement item pro rata over its project’s funds and totals the split', () => {
    const line = seed.budgetLines.find((candidate) => candidate.projectId === 'p4')!;
    const split: Workbook = {
      ...seed,
      budgetLines: [
        ...seed.budgetLines.filter((candidate) => candidate !== line),
        { ...line, amount: 45_000_000 },
        { ...line, id: 'b028-carry', fund: 'carry.gen', amount: 15_000_000 },
      ],
    };
    const procurement = byId(evaluate(split, [specById('procurement')]), 'procurement')!;
    const rows = displayRows(procurement);
    const desktop = rows.find((row) => row[0] === '弥补医保工作经费' && row[2] === '台式计算机')!;
    // 2.25 = 0.75 × 3; three quarters general budget (1.6875 → 1.69), one quarter carried over (0.5625 → 0.56).
    expect([desktop[1], desktop[7], desktop[8], desktop[13]]).toEqual(['60.00', '2.25', '1.69', '0.56']);
    // Exact amounts: every item's fund parts make up its amount, and the totals add up the items' exact parts.
    const items = procurement.rows.slice(2);
    const exact = (row: (typeof items)[number], index: number) => row.cells[index]?.fen ?? 0;
    for (const item of items) expect(exact(item, 8) + exact(item, 13)).toBe(exact(item, 7));
    for (const index of [7, 8, 13, 14]) {
      expect(exact(procurement.rows[0]!, index)).toBe(items.reduce((total, item) => total + exact(item, index), 0));
    }
    expect(rows[0]?.slice(7)).toEqual(rows[1]?.slice(7));
  });

  it('places basic-expenditure groups by listedAfter and splits their items over the unit’s 公用经费 by fund', () => {
    const group = seed.basicProcurement[0]!;
    const sources = (listedAfter: string | null) => {
      const table = byId(evaluate({ ...seed, basicProcurement: [{ ...group, listedAfter }] }, [specById('procurement')]), 'procurement')!;
      return [...new Set(displayRows(table).slice(2).map((row) => row[0]))];
    };
    const [p1, p2, p3] = seed.projects.map((project) => project.name);
    expect(sources('p2').slice(0, 4)).toEqual([p1, p2, '公用类项目1', p3]);
    expect(sources(null)[0]).toBe('公用类项目1');
    // A project deleted since: the group goes after the unit's projects.
    expect(sources('gone').at(-1)).toBe('公用类项目1');

    // Personnel lines paid otherwise do not pay for purchases; a 公用经费 line carried over does, pro rata.
    const publicGen = seed.budgetLines.filter((line) => line.nature === 'basic' && !['301', '303'].includes(line.deptEconCode.slice(0, 3)));
    const publicTotal = publicGen.reduce((total, line) => total + line.amount, 0);
    const template = publicGen[0]!;
    const split: Workbook = {
      ...seed,
      budgetLines: [
        ...seed.budgetLines,
        { ...template, id: 'personnel-carry', deptEconCode: '30101', govEconCode: '50101', fund: 'carry.gen', amount: 99_000_000 },
        { ...template, id: 'public-carry', fund: 'carry.gen', amount: publicTotal * 3 },
      ],
    };
    const rows = displayRows(byId(evaluate(split, [specById('procurement')]), 'procurement')!);
    const paper = rows.find((row) => row[0] === '公用类项目1' && row[2] === '纸制品')!;
    expect([paper[1], paper[7], paper[8], paper[13], paper[14]]).toEqual(['67.55', '4.00', '1.00', '3.00', '4.00']);
  });

  it('leaves the unit list empty only when there is no unit', () => {
    const organization = [specById('organization')];
    expect(byId(evaluate(seed, organization), 'organization')?.empty).toBe(false);
    expect(byId(evaluate({ ...seed, units: [] }, organization), 'organization')?.empty).toBe(true);
  });
});
