import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEN_PER, roundFen, type Fen, type MoneyUnit } from '../../src/core/money';
import type { Workbook } from '../../src/core/model';
import { workbookFigures } from '../../src/core/prior/figures';
import { findTemplate } from '../../src/core/templates';
import { buildXlsx, reportTables } from '../../src/main/services/export';
import { importPrior, previewPrior } from '../../src/main/services/prior';
import { WorkbookStore } from '../../src/main/services/store';
import { UserError } from '../../src/shared/api';
import { createI18n } from '../../src/shared/i18n';
import { loadPublishedTables, loadSeedWorkbook, SEED_IDS, type SeedId } from '../support/seeds';
import { publishedGrid } from '../unit/prior-grids';
import { tempFolder } from './helpers/store-fixtures';
import { compoundFile, fileState, handMadeXlsx, writeBytes, writeWorkbookFile } from './prior-files';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => {
  folder = tempFolder('prior-import-');
});
afterEach(() => folder.remove());

/** This year's workbook of the seed's department: the seed moved one year on, no prior-year figures yet. */
function thisYear(seed: SeedId, year?: number): Workbook {
  const last = loadSeedWorkbook(seed);
  return { ...last, department: { ...last.department, year: year ?? last.department.year + 1 }, priorYear: { year: null, source: '', figures: {} } };
}

function openThisYear(seed: SeedId, year?: number): WorkbookStore {
  const workbook = thisYear(seed, year);
  return WorkbookStore.open(writeWorkbookFile(folder.dir, `${seed}-${workbook.department.year}.budget`, workbook));
}

/** The figure the seed's workbook gives, exactly or as a table prints it (0.01 of its unit). */
function agrees(read: Fen, expected: Fen, unit: MoneyUnit): boolean {
  return read === expected || read === roundFen(expected, unit) * (FEN_PER[unit] / 100);
}

async function exportedXlsx(seed: SeedId, workbook: Workbook = loadSeedWorkbook(seed)): Promise<string> {
  const template = findTemplate(workbook.settings.template ?? '');
  if (!template) throw new Error(seed);
  const { bytes } = await buildXlsx(reportTables(workbook, template), {});
  return writeBytes(folder.dir, `${seed}-exported.xlsx`, bytes);
}

async function refusal(action: () => Promise<unknown>): Promise<UserError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

/** The refusal is worded in both languages (no bare key) and the workbook file did not change. */
async function expectRefused(store: WorkbookStore, source: { path: string }, code: string, mentions: string) {
  // The file alone holds every committed edit (docs/workbook-file.md): its bytes and its neighbours say whether anything was written.
  const before = { main: fileState(store.path), revision: store.revision, workbook: structuredClone(store.workbook) };
  const error = await refusal(() => importPrior(store, source));
  expect(error.code).toBe(code);
  for (const language of ['zh-CN', 'en'] as const) {
    const message = createI18n(language).t(error.code, error.params);
    expect(message).not.toBe(code.split(':')[1]);
    expect(message).toContain(mentions);
  }
  expect(store.revision).toBe(before.revision);
  expect(store.workbook).toEqual(before.workbook);
  expect(fileState(store.path).bytes.equals(before.main.bytes)).toBe(true);
  expect(fileState(store.path).folder).toEqual(before.main.folder);
}

describe('last year’s figures from last year’s workbook', () => {
  it('replaces the prior-year figures in one undoable step; last year’s file is only read', async () => {
    const last = loadSeedWorkbook('henan-2024');
    const lastPath = writeWorkbookFile(folder.dir, 'henan-2024.budget', last);
    const lastBefore = fileState(lastPath);
    const store = openThisYear('henan-2024');
    try {
      const revision = store.revision;
      const preview = await previewPrior(store.workbook, { path: lastPath });
      expect(store.revision).toBe(revision);
      expect(preview).toMatchObject({ kind: 'workbook', year: 2024, problems: [] });
      expect(preview.projects).toHaveLength(last.projects.length);
      await importPrior(store, { path: lastPath });
      expect(store.workbook.priorYear).toEqual({ year: 2024, source: 'henan-2024.budget', figures: workbookFigures(last) });
      expect(store.revision).toBe(revision + 1);
      store.undo();
      expect(store.workbook.priorYear).toEqual({ year: null, source: '', figures: {} });
    } finally {
      store.close();
    }
    const lastAfter = fileState(lastPath);
    expect(lastAfter.bytes.equals(lastBefore.bytes)).toBe(true);
    expect(lastAfter.mtimeMs).toBe(lastBefore.mtimeMs);
    const beside = (names: string[]) => names.filter((name) => name.startsWith('henan-2024.budget'));
    expect(beside(lastAfter.folder)).toEqual(beside(lastBefore.folder));
  });

  it('refuses another year, another department, a newer program’s file, the workbook itself', async () => {
    const last = loadSeedWorkbook('henan-2024');
    const older = writeWorkbookFile(folder.dir, 'henan-2023.budget', { ...last, department: { ...last.department, year: 2023 } });
    const other = writeWorkbookFile(folder.dir, 'other.budget', { ...last, department: { ...last.department, code: '999', name: '别的局' } });
    const newer = writeWorkbookFile(folder.dir, 'newer.budget', last);
    const bytes = readFileSync(newer);
    bytes.writeInt32BE(99, 60);
    writeFileSync(newer, bytes);
    const store = openThisYear('henan-2024');
    try {
      await expectRefused(store, { path: older }, 'prior:wrongYear', '2023');
      await expectRefused(store, { path: other }, 'prior:otherDepartment', '别的局');
      await expectRefused(store, { path: newer }, 'store:newerVersion', '99');
      await expectRefused(store, { path: store.path }, 'prior:sameFile', 'henan-2024-2025.budget');
    } finally {
      store.close();
    }
  });
});

describe('last year’s figures from last year’s published Excel', () => {
  for (const seed of SEED_IDS) {
    it(`${seed}: round trip — exported with its template, imported as prior year, every figure equals the workbook’s`, async () => {
      const last = loadSeedWorkbook(seed);
      const path = await exportedXlsx(seed);
      const store = openThisYear(seed);
      try {
        const preview = await importPrior(store, { path });
        expect(preview.problems).toEqual([]);
        expect(preview.sheets.every((sheet) => sheet.status === 'recognized')).toBe(true);
        const template = findTemplate(last.settings.template ?? '');
        const expected = workbookFigures(last, template?.conventions.operatingCostUnits);
        const units = new Map(preview.sheets.map((sheet) => [sheet.sheet, sheet.unit ?? 'wan']));
        const figures = store.workbook.priorYear.figures;
        expect(Object.keys(figures).length).toBeGreaterThan(20);
        const cellsOf = new Map(preview.figures.map((figure) => [figure.key, figure.cells[0] ?? '']));
        const wrong = Object.entries(figures).filter(([key, fen]) => !agrees(fen, expected[key] ?? 0, units.get((cellsOf.get(key) ?? '').split('!')[0] ?? '') ?? 'wan'));
        expect(wrong).toEqual([]);
        for (const key of ['total', 'fiscal.total', 'fiscal.gen', 'sanGong.total', 'sanGong.reception', 'sanGong.vehicleRunning']) expect(figures).toHaveProperty([key]);
        expect(store.workbook.priorYear.year).toBe(last.department.year);
      } finally {
        store.close();
      }
    });
  }

  for (const seed of SEED_IDS) {
    it(`${seed}: a hand-made copy of the published tables (merged cells, blank rows, text amounts) is recognized table by table`, async () => {
      const tables = loadPublishedTables(seed);
      const grids = tables.map((table, index) => publishedGrid(table, { blankRows: true, mergedTotalLabel: true, unitWording: index % 2 === 0 }, `${index + 1}`));
      const path = writeBytes(folder.dir, `${seed}-hand-made.xlsx`, await handMadeXlsx(grids, { textAmounts: true }));
      const store = openThisYear(seed);
      try {
        const preview = await previewPrior(store.workbook, { path });
        expect(preview.problems).toEqual([]);
        expect(preview.templateId).toBe(seed);
        const recognized = preview.sheets.map((sheet) => [sheet.sheet, sheet.status, sheet.tableId?.replace(/-\{\w+\}$/, '')]);
        expect(recognized).toEqual(tables.map((table, index) => [`${index + 1}`, 'recognized', table.id.replace(/-(\d+|[0-9A-Z]{12,})$/, '')]));
        const expected = workbookFigures(loadSeedWorkbook(seed), findTemplate(seed)?.conventions.operatingCostUnits);
        const units = new Map(preview.sheets.map((sheet) => [sheet.sheet, sheet.unit ?? 'wan']));
        const wrong = preview.figures.filter((figure) => !agrees(figure.fen, expected[figure.key] ?? 0, units.get((figure.cells[0] ?? '').split('!')[0] ?? '') ?? 'wan'));
        expect(wrong).toEqual([]);
        expect(preview.figures.length).toBeGreaterThan(5);
      } finally {
        store.close();
      }
    });
  }

  it('refuses a wrong year, another department, damaged, password-protected or old-style files and sheets that match no template', async () => {
    const exported = await exportedXlsx('henan-2024');
    const hebei = await exportedXlsx('hebei-2024');
    const damaged = writeBytes(folder.dir, 'damaged.xlsx', readFileSync(exported));
    truncateSync(damaged, Math.floor(readFileSync(exported).length / 2));
    const encrypted = writeBytes(folder.dir, 'locked.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    const legacy = writeBytes(folder.dir, 'old.xls', compoundFile(['Workbook']));
    const unrelated = writeBytes(folder.dir, 'unrelated.xlsx', await handMadeXlsx([{ name: '通讯录', rows: [['姓名', '电话'], ['张三', '13800000000']], merges: [] }]));
    const notes = writeBytes(folder.dir, 'notes.txt', new TextEncoder().encode('上年数见附件'));

    const later = openThisYear('henan-2024', 2026);
    try {
      await expectRefused(later, { path: exported }, 'prior:wrongYear', '2024');
    } finally {
      later.close();
    }
    const store = openThisYear('henan-2024');
    try {
      await expectRefused(store, { path: hebei }, 'prior:otherDepartment', '邢台市医疗保障局');
      await expectRefused(store, { path: damaged }, 'prior:damagedXlsx', 'damaged.xlsx');
      await expectRefused(store, { path: encrypted }, 'prior:encryptedXlsx', 'locked.xlsx');
      await expectRefused(store, { path: legacy }, 'prior:legacyXls', 'old.xls');
      await expectRefused(store, { path: unrelated }, 'prior:noTableRecognized', '通讯录');
      await expectRefused(store, { path: notes }, 'prior:unsupportedFile', 'notes.txt');
      // After all that, a good file still imports.
      await expect(importPrior(store, { path: exported })).resolves.toMatchObject({ problems: [] });
    } finally {
      store.close();
    }
  });

  it('refuses tables that state no prior-year figure', async () => {
    const organization = loadPublishedTables('hebei-2024').find((table) => table.id === 'organization');
    if (!organization) throw new Error('fixture');
    const path = writeBytes(folder.dir, 'organization.xlsx', await handMadeXlsx([publishedGrid(organization)]));
    const store = openThisYear('hebei-2024');
    try {
      await expectRefused(store, { path }, 'prior:noFigures', 'organization.xlsx');
    } finally {
      store.close();
    }
  });

  it('a preview of a file with problems lists them and writes nothing', async () => {
    const hebei = await exportedXlsx('hebei-2024');
    const store = openThisYear('henan-2024');
    try {
      const revision = store.revision;
      const preview = await previewPrior(store.workbook, { path: hebei });
      expect(preview.problems.map((problem) => problem.code)).toEqual(['prior:otherDepartment']);
      expect(preview.sheets.filter((sheet) => sheet.status === 'recognized').length).toBeGreaterThan(5);
      expect(store.revision).toBe(revision);
    } finally {
      store.close();
    }
  });

  it('reads uploaded bytes like a file', async () => {
    const path = await exportedXlsx('henan-2024');
    const store = openThisYear('henan-2024');
    try {
      const fromBytes = await previewPrior(store.workbook, { fileName: 'upload.xlsx', bytes: readFileSync(path) });
      const fromFile = await previewPrior(store.workbook, { path });
      expect(fromBytes.figures).toEqual(fromFile.figures);
      const lastPath = writeWorkbookFile(folder.dir, 'last.budget', loadSeedWorkbook('henan-2024'));
      const budget = await previewPrior(store.workbook, { fileName: 'last.budget', bytes: readFileSync(lastPath) });
      expect(budget.figures.find((figure) => figure.key === 'total')?.fen).toBe(workbookFigures(loadSeedWorkbook('henan-2024')).total);
    } finally {
      store.close();
    }
  });
});
