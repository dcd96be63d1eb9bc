import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluatedTable } from '../../src/core/tables/evaluate';
import { findTemplate } from '../../src/core/templates';
import { buildXlsx, reportTables } from '../../src/main/services/export';
import { SCHEMA_VERSION, WorkbookStore } from '../../src/main/services/store';
import { loadSeedWorkbook, SEED_IDS } from '../support/seeds';
import { department, project, tempFolder, unit } from './helpers/store-fixtures';

/**
 * The performance forms print merged in the province's workbook: every rowSpan/colSpan of the evaluated
 * body is one merged range of the sheet, read back with exceljs, and nothing else in the body is merged.
 */

/** The body's merged ranges as A1 references, from the evaluated cells. */
function expectedMerges(table: EvaluatedTable, bodyStartRow: number): string[] {
  const ranges: string[] = [];
  table.rows.forEach((row, rowIndex) => {
    row.cells.forEach((cell, column) => {
      if (cell.covered || ((cell.rowSpan ?? 1) === 1 && (cell.colSpan ?? 1) === 1)) return;
      const top = bodyStartRow + rowIndex;
      const left = column + 1;
      ranges.push(`${address(top, left)}:${address(top + (cell.rowSpan ?? 1) - 1, left + (cell.colSpan ?? 1) - 1)}`);
    });
  });
  return ranges.sort();
}

function address(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

const FORMS: Record<(typeof SEED_IDS)[number], RegExp> = {
  'henan-2024': /^(department|project)-performance$/,
  'hebei-2024': /^project-performance-/,
  'shaanxi-2024': /^(project-performance-\d+|department-performance)$/,
};

describe.each(SEED_IDS)('%s performance forms in the xlsx', (seed) => {
  it('are merged exactly where the evaluated forms merge', async () => {
    const workbook = loadSeedWorkbook(seed);
    const tables = reportTables(workbook, findTemplate(seed)!);
    const result = await buildXlsx(tables, {});
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(result.bytes.slice().buffer);
    let forms = 0;
    tables.forEach(({ table }, index) => {
      const placement = result.sheets[index]!;
      const sheet = book.getWorksheet(placement.name)!;
      const firstBody = placement.bodyStartRow;
      const lastBody = firstBody + placement.bodyRowCount - 1;
      // The title, meta, header and notes have merges of their own; the body's are the form's.
      const body = sheet.model.merges.filter((range) => {
        const top = Number(/\d+/.exec(range)?.[0]);
        return top >= firstBody && top <= lastBody;
      });
      expect(body.sort(), table.id).toEqual(expectedMerges(table, firstBody));
      if (!FORMS[seed].test(table.id)) return;
      forms += 1;
      expect(body.length, `${table.id} prints merged`).toBeGreaterThan(3);
      // The merged cell holds the text; the cells it covers are part of it.
      for (const [rowIndex, row] of table.rows.entries()) {
        for (const [column, cell] of row.cells.entries()) {
          const target = sheet.getCell(firstBody + rowIndex, column + 1);
          if (cell.covered) expect(target.isMerged).toBe(true);
          else if ((cell.rowSpan ?? 1) > 1 && cell.text !== '' && cell.fen === undefined) expect(target.value).toBe(cell.text);
        }
      }
    });
    expect(forms).toBeGreaterThan(0);
  });
});

describe('the facts of a project’s performance form in the workbook file', () => {
  let folder: ReturnType<typeof tempFolder>;
  let file: string;
  beforeEach(() => {
    folder = tempFolder('form-facts-');
    file = join(folder.dir, '2025.budget');
  });
  afterEach(() => folder.remove());

  it('are kept across closing and opening, absent where not given', () => {
    const store = WorkbookStore.create(file, { department, entryUnit: 'yuan' });
    store.apply([
      { op: 'put', collection: 'units', record: unit('u1') },
      { op: 'put', collection: 'projects', record: project('p1', { manager: '张三', phone: '0391-6630000', plannedStart: '2025-01', plannedEnd: '2025-12-31' }) },
      { op: 'put', collection: 'projects', record: project('p2') },
    ]);
    const before = structuredClone(store.workbook);
    store.close();
    const reopened = WorkbookStore.open(file);
    try {
      expect(reopened.workbook).toEqual(before);
      expect(reopened.workbook.projects[0]).toMatchObject({ manager: '张三', plannedEnd: '2025-12-31' });
      expect(reopened.workbook.projects[1]).not.toHaveProperty('manager');
    } finally {
      reopened.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT manager, phone, planned_start, planned_end FROM projects ORDER BY position').raw().all()).toEqual([
        ['张三', '0391-6630000', '2025-01', '2025-12-31'],
        ['', '', '', ''],
      ]);
    } finally {
      db.close();
    }
  });

  it('refuse a planned date that is no month or day', () => {
    const store = WorkbookStore.create(file, { department, entryUnit: 'yuan' });
    try {
      store.apply([{ op: 'put', collection: 'units', record: unit('u1') }]);
      expect(() => store.apply([{ op: 'put', collection: 'projects', record: project('p1', { plannedStart: '2025年1月' }) }])).toThrow();
    } finally {
      store.close();
    }
  });
});
