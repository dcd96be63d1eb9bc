import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromInterchange } from '../../src/core/interchange';
import { WorkbookStore } from '../../src/main/services/store';
import { seedPath } from '../support/seeds';
import { runCli } from './helpers/cli';

const work = mkdtempSync(join(tmpdir(), 'budget-cli-info-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('cli info', () => {
  it('reports the counts the workbook holds, read without loading it, and the same as a full open', () => {
    const source = seedPath('henan-2024', 'workbook.json');
    expect(runCli(['import-json', source, 'henan.budget'], work).code).toBe(0);
    const parsed = fromInterchange(JSON.parse(readFileSync(source, 'utf8')));
    if (!parsed.ok) throw new Error('seed does not parse');
    const { units, incomeLines, budgetLines, projects } = parsed.workbook;
    const info = runCli(['info', 'henan.budget'], work);
    expect(info.stderr).toBe('');
    const printed = JSON.parse(info.stdout);
    expect(printed.counts).toEqual({ units: units.length, incomeLines: incomeLines.length, budgetLines: budgetLines.length, projects: projects.length });
    expect(budgetLines.length).toBeGreaterThan(0);
    expect(WorkbookStore.inspect(join(work, 'henan.budget'), { counts: true }).counts).toEqual(printed.counts);
    expect(Object.keys(printed)).toEqual(['path', 'schemaVersion', 'department', 'revision', 'counts']);
  });
});
