import { describe, expect, it } from 'vitest';
import { carryForward, projectChoices } from '../../src/core/prior/carry-forward';
import { workbookFigures } from '../../src/core/prior/figures';
import { judgeIdentity } from '../../src/core/prior/identity';
import { modelSchemas } from '../../src/core/interchange';
import { loadSeedWorkbook } from '../support/seeds';

describe('carrying a workbook into next year', () => {
  const last = loadSeedWorkbook('henan-2024');
  const [first, second] = last.projects;
  if (!first || !second) throw new Error('the seed has projects');
  const result = carryForward(last, { continuingProjects: [first.id, second.code], source: 'henan-2024.budget' });
  if (!result.ok) throw new Error('carried');
  const next = result.workbook;

  it('is a valid workbook of the next year for the same department', () => {
    expect(modelSchemas.workbook.safeParse(next).success).toBe(true);
    expect(next.department).toEqual({ ...last.department, year: 2025, publishedOn: '' });
    expect(next.settings).toEqual({ ...last.settings, catalogEdition: 2025 });
    expect(next.catalogEntries).toEqual(last.catalogEntries);
  });

  it('keeps units and staffing, text blocks and the glossary; reasons for last year’s changes do not carry', () => {
    expect(next.units).toEqual(last.units);
    expect(next.texts.duties).toBe(last.texts.duties);
    expect(next.texts.organization).toBe(last.texts.organization);
    expect(next.texts.other).toBe(last.texts.other);
    expect(next.texts.glossary).toEqual(last.texts.glossary);
    expect(next.texts.glossary.length).toBeGreaterThan(0);
    expect(next.texts.blocks).toEqual(last.texts.blocks);
    expect(Object.keys(next.texts.blocks).length).toBeGreaterThan(0);
    expect(next.texts.reasons).toEqual({});
    expect(next.departmentPerformance.indicators).toEqual(last.departmentPerformance.indicators);
    expect(next.departmentPerformance.tasks.every((task) => task.amount === 0)).toBe(true);
  });

  it('takes only the ticked projects, with indicators and spending plan, no procurement (nor basic spending’s) and no amounts', () => {
    expect(next.projects.map((project) => project.id)).toEqual([first.id, second.id]);
    for (const project of next.projects) {
      const before = last.projects.find((candidate) => candidate.id === project.id);
      expect(project.performance).toEqual(before?.performance);
      expect(project.spendingPlan).toEqual(before?.spendingPlan);
      expect(project.continuing).toBe(true);
      expect(project.procurement).toEqual([]);
    }
    // What basic spending buys is decided afresh, like a project's procurement.
    expect(last.basicProcurement.length).toBeGreaterThan(0);
    expect(next.basicProcurement).toEqual([]);
    const kept = new Set(next.projects.map((project) => project.id));
    const expectedLines = last.budgetLines.filter((line) => line.projectId === null || kept.has(line.projectId));
    expect(next.budgetLines.map((line) => ({ ...line, amount: 0 }))).toEqual(expectedLines.map((line) => ({ ...line, amount: 0 })));
    expect(next.budgetLines.every((line) => line.amount === 0)).toBe(true);
    expect(next.incomeLines.every((line) => line.amount === 0)).toBe(true);
    expect(result.report.projectsLeftBehind).toBe(last.projects.length - 2);
  });

  it('summarises last year as prior-year figures', () => {
    expect(next.priorYear).toEqual({ year: 2024, source: 'henan-2024.budget', figures: workbookFigures(last) });
    expect(next.priorYear.figures.total).toBeGreaterThan(0);
  });

  it('does not change last year’s workbook', () => {
    expect(last).toEqual(loadSeedWorkbook('henan-2024'));
  });

  it('refuses projects last year does not have', () => {
    expect(carryForward(last, { continuingProjects: ['nope', first.id], source: '' })).toEqual({ ok: false, unknownProjects: ['nope'] });
  });

  it('lists last year’s projects with their amounts for ticking', () => {
    const choices = projectChoices(last);
    expect(choices).toHaveLength(last.projects.length);
    const total = last.budgetLines.filter((line) => line.projectId === first.id).reduce((sum, line) => sum + line.amount, 0);
    expect(choices[0]).toMatchObject({ id: first.id, code: first.code, unitCode: '036001', amount: total, indicators: first.performance.indicators.length });
  });
});

describe('is the source last year’s, of this department?', () => {
  const current = { code: '036', name: '济源产城融合示范区医疗保障局', year: 2025 };
  it('accepts last year of the same department', () => {
    expect(judgeIdentity(current, { year: 2024, departmentCode: '036', departmentName: current.name })).toEqual({ problems: [], notes: [] });
  });
  it('refuses another year', () => {
    expect(judgeIdentity(current, { year: 2023, departmentCode: '036', departmentName: current.name }).problems).toEqual([
      { code: 'prior:wrongYear', params: { expected: 2024, found: 2023, current: 2025 } },
    ]);
    expect(judgeIdentity(current, { year: 2025, departmentCode: '036', departmentName: current.name }).problems[0]?.code).toBe('prior:wrongYear');
  });
  it('refuses another department by code, or by name when no code is stated', () => {
    expect(judgeIdentity(current, { year: 2024, departmentCode: '417', departmentName: current.name }).problems[0]?.code).toBe('prior:otherDepartment');
    expect(judgeIdentity(current, { year: 2024, departmentCode: null, departmentName: '邢台市医疗保障局' }).problems[0]?.code).toBe('prior:otherDepartment');
  });
  it('says what it assumed: no year, no department, a renamed department', () => {
    const verdict = judgeIdentity(current, { year: null, departmentCode: null, departmentName: null });
    expect(verdict.problems).toEqual([]);
    expect(verdict.notes.map((note) => note.code)).toEqual(['prior:note.yearNotStated', 'prior:note.departmentNotStated']);
    expect(judgeIdentity(current, { year: 2024, departmentCode: '036', departmentName: '济源市医疗保障局' }).notes[0]?.code).toBe('prior:note.departmentRenamed');
    // Spacing and full-width forms are not a different name.
    expect(judgeIdentity(current, { year: 2024, departmentCode: null, departmentName: ' 济源产城融合示范区 医疗保障局' })).toEqual({ problems: [], notes: [] });
  });
});
