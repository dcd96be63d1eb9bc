import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeInterchange } from '../../src/core/interchange';
import { formatMoney, parseMoney, type Fen } from '../../src/core/money';
import type { Workbook } from '../../src/core/model';
import { displayRows, evaluateTemplate, type EvaluatedTable } from '../../src/core/tables/evaluate';
import { catalogNames } from '../../src/core/tables/names';
import { planPercent } from '../../src/core/tables/parts/project-row';
import type { HeaderCell, TableSpec } from '../../src/core/tables/spec';
import { findTemplate } from '../../src/core/templates';
import { hebei2024 } from '../../src/core/templates/hebei-2024';
import { loadPublishedTables, loadSeedWorkbook, seedPath, type PublishedTable } from '../support/seeds';

/**
 * Ground truth: every table of the Hebei seed, reproduced from the fixture's atomic facts. The only
 * differences allowed are the `deviations` recorded in the fixture's tables.json (see its README):
 * single cells with the published and the reproduced text, rows the model cannot hold (procurement paid
 * from basic spending), and the totals over those rows, which come out less by exactly their amounts.
 */
type Deviation =
  | { table: string; row: number; col: number; published: string; reproduced: string; kind: string; reason: string }
  | { table: string; rows: number[]; cols?: number[]; kind: string; reason: string };

const deviations: Deviation[] = JSON.parse(readFileSync(seedPath('hebei-2024', 'tables.json'), 'utf8')).deviations;

const fen = (text: string): Fen => {
  if (text === '') return 0;
  const parsed = parseMoney(text, 'wan');
  if (!parsed.ok) throw new Error(`not an amount: ${text}`);
  return parsed.fen;
};
const wan = (amount: Fen) => formatMoney(amount, 'wan', { separators: false, zero: '' });

/** The published rows turned into what a correct pivot of the facts prints, checking each deviation as it is applied. */
function reproducibleRows(published: PublishedTable): string[][] {
  const mine = deviations.filter((deviation) => deviation.table === published.id);
  const rows = published.rows.map((row) => [...row]);
  const dropped = new Set(mine.flatMap((deviation) => ('rows' in deviation && !deviation.cols ? deviation.rows : [])));
  for (const deviation of mine) {
    if ('row' in deviation) {
      expect(rows[deviation.row]?.[deviation.col], `${published.id} row ${deviation.row} col ${deviation.col}`).toBe(deviation.published);
      expect(deviation.reproduced).not.toBe(deviation.published);
      rows[deviation.row]![deviation.col] = deviation.reproduced;
    } else if (deviation.cols) {
      for (const row of deviation.rows) {
        for (const col of deviation.cols) {
          const missing = [...dropped].reduce((total, index) => total + fen(published.rows[index]?.[col] ?? ''), 0);
          expect(missing, `${published.id} col ${col}: the dropped rows hold money`).not.toBe(0);
          const reproduced = wan(fen(published.rows[row]?.[col] ?? '') - missing);
          expect(deviation.reason).toContain(reproduced);
          rows[row]![col] = reproduced;
        }
      }
    }
  }
  return rows.filter((_, index) => !dropped.has(index));
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
    expect(findTemplate('hebei-2024')).toBe(hebei2024);
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

  it('leaves the unit list empty only when there is no unit', () => {
    const organization = [specById('organization')];
    expect(byId(evaluate(seed, organization), 'organization')?.empty).toBe(false);
    expect(byId(evaluate({ ...seed, units: [] }, organization), 'organization')?.empty).toBe(true);
  });
});
