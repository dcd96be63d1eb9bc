import { closeSync, copyFileSync, existsSync, openSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workbookFigures } from '../../src/core/prior/figures';
import { createNewYear, previewNewYear } from '../../src/main/services/prior';
import { WorkbookStore } from '../../src/main/services/store';
import { UserError } from '../../src/shared/api';
import { createI18n } from '../../src/shared/i18n';
import { loadSeedWorkbook } from '../support/seeds';
import { tempFolder } from './helpers/store-fixtures';
import { fileState, writeWorkbookFile } from './prior-files';

function userError(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('a new year from last year’s workbook', () => {
  let folder: ReturnType<typeof tempFolder>;
  let lastPath: string;
  const last = loadSeedWorkbook('henan-2024');
  const continuing = [last.projects[0]?.id ?? '', last.projects[5]?.code ?? ''];

  beforeEach(() => {
    folder = tempFolder('prior-');
    lastPath = writeWorkbookFile(folder.dir, 'henan-2024.budget', last);
  });
  afterEach(() => folder.remove());

  it('carries department, units, staffing, texts, glossary and the ticked projects; last year’s file is not touched', () => {
    const before = fileState(lastPath);
    const { store, report } = createNewYear({ sourcePath: lastPath, targetPath: join(folder.dir, 'henan-2025.budget'), continuingProjects: continuing });
    const next = store.workbook;
    store.close();
    const reopened = WorkbookStore.open(join(folder.dir, 'henan-2025.budget'));
    try {
      expect(reopened.workbook).toEqual(next);
    } finally {
      reopened.close();
    }
    expect(next.department).toEqual({ ...last.department, year: 2025, publishedOn: '' });
    expect(next.units).toEqual(last.units);
    expect(next.texts).toEqual({ ...last.texts, reasons: {} });
    expect(next.projects.map((project) => project.code)).toEqual([last.projects[0]?.code, last.projects[5]?.code]);
    expect(next.projects.map((project) => project.performance)).toEqual([last.projects[0]?.performance, last.projects[5]?.performance]);
    expect(next.projects.every((project) => project.procurement.length === 0 && project.continuing)).toBe(true);
    expect(next.budgetLines.length).toBeGreaterThan(0);
    expect(next.budgetLines.every((line) => line.amount === 0)).toBe(true);
    expect(next.priorYear).toEqual({ year: 2024, source: 'henan-2024.budget', figures: workbookFigures(last) });
    expect(report).toMatchObject({ year: 2025, sourceYear: 2024, units: 2, projectsLeftBehind: last.projects.length - 2 });
    expect(report.projectsAvailable).toHaveLength(last.projects.length);
    const after = fileState(lastPath);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.folder.filter((name) => name.startsWith('henan-2024'))).toEqual(before.folder.filter((name) => name.startsWith('henan-2024')));
  });

  it('reads last year’s file while it is open and being edited elsewhere, without its lock', () => {
    const holder = WorkbookStore.open(lastPath);
    try {
      holder.apply([{ op: 'set', key: 'texts', value: { ...last.texts, duties: '今年改过的职责' } }]);
      const before = fileState(lastPath);
      const { store } = createNewYear({ sourcePath: lastPath, targetPath: join(folder.dir, 'next.budget'), continuingProjects: [] });
      expect(store.workbook.texts.duties).toBe('今年改过的职责');
      store.close();
      expect(fileState(lastPath).bytes.equals(before.bytes)).toBe(true);
      const neighbours = (folder: string[]) => folder.filter((name) => name.startsWith('henan-2024'));
      expect(neighbours(fileState(lastPath).folder)).toEqual(neighbours(before.folder));
      // The holder keeps working: nothing of its lock was taken.
      holder.apply([{ op: 'set', key: 'texts', value: { ...last.texts, duties: '再改一次' } }]);
    } finally {
      holder.close();
    }
  });

  it('lists last year’s projects to tick without writing anything', () => {
    const before = fileState(lastPath);
    const preview = previewNewYear(lastPath);
    expect(preview.department.year).toBe(2024);
    expect(preview.projects.map((project) => project.code)).toEqual(last.projects.map((project) => project.code));
    expect(fileState(lastPath)).toEqual(before);
  });

  it('refuses a project last year does not have, and leaves no new file behind', () => {
    const target = join(folder.dir, 'next.budget');
    const error = userError(() => createNewYear({ sourcePath: lastPath, targetPath: target, continuingProjects: ['999'] }));
    expect(error.code).toBe('prior:unknownProject');
    expect(createI18n('zh-CN').t(error.code, error.params)).toContain('999');
    expect(existsSync(target)).toBe(false);
  });

  it('never overwrites: an existing target, or the source itself, is refused', () => {
    const target = writeWorkbookFile(folder.dir, 'taken.budget', { ...last, department: { ...last.department, year: 2025 } });
    const before = fileState(target);
    expect(userError(() => createNewYear({ sourcePath: lastPath, targetPath: target, continuingProjects: [] })).code).toBe('store:exists');
    expect(fileState(target).bytes.equals(before.bytes)).toBe(true);
    expect(userError(() => createNewYear({ sourcePath: lastPath, targetPath: lastPath, continuingProjects: [] })).code).toBe('prior:sameFile');
  });

  it('refuses a workbook from a newer program, a damaged one and a file that is no workbook', () => {
    const newer = join(folder.dir, 'newer.budget');
    copyFileSync(lastPath, newer);
    const fd = openSync(newer, 'r+');
    const version = Buffer.alloc(4);
    version.writeInt32BE(99);
    writeSync(fd, version, 0, 4, 60);
    closeSync(fd);
    const newerState = fileState(newer);
    const error = userError(() => createNewYear({ sourcePath: newer, targetPath: join(folder.dir, 'a.budget'), continuingProjects: [] }));
    expect(error.code).toBe('store:newerVersion');
    expect(createI18n('en').t(error.code, error.params)).toContain('newer version');
    expect(fileState(newer).bytes.equals(newerState.bytes)).toBe(true);

    const damaged = join(folder.dir, 'damaged.budget');
    copyFileSync(lastPath, damaged);
    // Copied only in part: the tail is missing.
    truncateSync(damaged, fileState(damaged).bytes.length - 1000);
    expect(userError(() => createNewYear({ sourcePath: damaged, targetPath: join(folder.dir, 'b.budget'), continuingProjects: [] })).code).toBe('store:damaged');

    const text = join(folder.dir, 'notes.budget');
    const fd3 = openSync(text, 'w');
    writeSync(fd3, '这不是工作簿');
    closeSync(fd3);
    expect(userError(() => createNewYear({ sourcePath: text, targetPath: join(folder.dir, 'c.budget'), continuingProjects: [] })).code).toBe('store:notWorkbook');
    expect(['a.budget', 'b.budget', 'c.budget'].filter((name) => existsSync(join(folder.dir, name)))).toEqual([]);
  });
});
