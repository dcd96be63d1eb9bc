import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPublishedTables, seedPath } from '../support/seeds';
import { runCli } from './helpers/cli';

const work = mkdtempSync(join(tmpdir(), 'budget-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The command line, run in this test's folder. */
function cli(args: string[], env: Record<string, string> = {}) {
  return runCli(args, work, env);
}

describe('command line', () => {
  it('creates a workbook and reports it as JSON', () => {
    const created = cli(['new', 'a.budget', '--code', '036', '--name', '医疗保障局', '--year', '2025']);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ department: { code: '036', name: '医疗保障局', year: 2025 }, counts: { units: 0 } });
    const info = cli(['info', 'a.budget']);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ schemaVersion: expect.any(Number), department: { year: 2025 } });
  });

  it('import-json then export-json gives the same bytes back', () => {
    const source = seedPath('henan-2024', 'workbook.json');
    expect(cli(['import-json', source, 'henan.budget']).code).toBe(0);
    const exported = cli(['export-json', 'henan.budget']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(readFileSync(source, 'utf8'));
  });

  it('prints the evaluated tables as the template displays them', () => {
    const result = cli(['tables', 'henan.budget', '--template', 'henan-2024', '--table', 'income-expenditure-summary']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout).tables[0];
    const published = loadPublishedTables('henan-2024').find((table) => table.id === 'income-expenditure-summary')!;
    expect(printed.title).toBe(published.title);
    expect(printed.rows).toEqual(published.rows);
  });

  it('check reports findings as JSON in the user’s language and exits 1 on errors', () => {
    expect(cli(['import-json', seedPath('hebei-2024', 'workbook.json'), 'hebei.budget']).code).toBe(0);
    const result = cli(['check', 'hebei.budget', '--template', 'hebei-2024']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const cost = report.findings.filter((finding: { ruleId: string }) => finding.ruleId === 'indicator.costAboveAmount');
    // The seed's own mistake: a cost target of ≤136.07万元 on a project budgeted at 136.064万元.
    expect(cost.map((finding: { message: string }) => finding.message).join('\n')).toContain('≤136.07');
    expect(report.summary.errors).toBeGreaterThan(0);
    const clean = cli(['check', 'henan.budget', '--template', 'henan-2024'], { LANG: 'en_US.UTF-8' });
    const english = JSON.parse(clean.stdout);
    expect(english.findings.every((finding: { message: string }) => !finding.message.startsWith('checks:'))).toBe(true);
  });

  it('explains failures in the user’s language on stderr, with exit status 2', () => {
    const missing = cli(['info', 'nothere.budget']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('nothere.budget');
    expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/);
    const english = cli(['info', 'nothere.budget'], { LANG: 'en_US.UTF-8' });
    expect(english.stderr).toMatch(/not|No/);
    const unknown = cli(['tables', 'henan.budget', '--template', 'nowhere-1999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('henan-2024');
    const usage = cli(['frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('import-json');
  });

  it('refuses a broken interchange file, naming the path of each problem, and creates nothing', () => {
    const doc = JSON.parse(readFileSync(seedPath('henan-2024', 'workbook.json'), 'utf8'));
    doc.budgetLines[2].amount = '12.3';
    writeFileSync(join(work, 'bad.json'), JSON.stringify(doc));
    const result = cli(['import-json', 'bad.json', 'bad.budget']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('budgetLines[2].amount');
    expect(cli(['info', 'bad.budget']).code).toBe(2);
  });
});
