import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCatalogForWorkbook, checkOptionsForTemplate, runChecks, type Finding } from '../../src/core/checks';
import { applyEdits, type Edit } from '../../src/core/edits';
import { fromInterchange } from '../../src/core/interchange';
import type { Workbook } from '../../src/core/model';
import { findTemplate } from '../../src/core/templates';

/**
 * The reviewer's rules of issue 14 on the three published packages, checked with the options each seed's
 * template implies (its printed unit for 尾差): the untouched seeds give only their own known defect (README),
 * and a mistake planted into each is found where it was planted.
 */
const SEEDS = ['henan-2024', 'hebei-2024', 'shaanxi-2024'] as const;
const REVIEW_RULES = new Set([
  'line.functionUnitKind',
  'line.zeroAmount',
  'line.outOfProportion',
  'project.codeFormat',
  'text.placeholder',
  'text.repeatedPhrase',
  'text.budgetYear',
  'tables.roundingTail',
]);

function load(seed: string): Workbook {
  const parsed = fromInterchange(JSON.parse(readFileSync(new URL(`../fixtures/seeds/${seed}/workbook.json`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(seed);
  return parsed.workbook;
}

function review(workbook: Workbook): Finding[] {
  const options = checkOptionsForTemplate(findTemplate(workbook.settings.template ?? ''));
  return runChecks(workbook, checkCatalogForWorkbook, options).filter((finding) => REVIEW_RULES.has(finding.ruleId));
}

describe('reviewer rules on the seeds', () => {
  it('henan-2024: the one 22-digit project code among 21-digit ones (README: project code length)', () => {
    const found = review(load('henan-2024'));
    expect(found.map((finding) => [finding.ruleId, finding.params.code, finding.params.length, finding.params.usualLength])).toEqual([
      ['project.codeFormat', '4190012400000000037614', 22, 21],
    ]);
  });

  it('hebei-2024 and shaanxi-2024: nothing (Hebei\'s codes end in a letter or a digit; Shaanxi prints 元, so nothing to round)', () => {
    expect(review(load('hebei-2024'))).toEqual([]);
    expect(review(load('shaanxi-2024'))).toEqual([]);
  });

  for (const seed of SEEDS) {
    it(`${seed}: a planted 事业运行 line in the administrative unit, a 0.00 line and an "XX" are each found where planted`, () => {
      const workbook = load(seed);
      const admin = workbook.units.find((unit) => unit.kind === 'admin');
      const target = workbook.budgetLines.find((line) => line.unitId === admin?.id && checkCatalogForWorkbook(workbook).functionUnitKind?.(line.functionCode)?.kind === 'admin');
      expect(target, `${seed} has an administrative unit's 行政运行 line`).toBeDefined();
      const twin = checkCatalogForWorkbook(workbook).functionUnitKind?.(target!.functionCode)?.counterpart;
      expect(twin).toBeTruthy();
      const zero = workbook.budgetLines.find((line) => line.id !== target!.id)!;
      const edits: Edit[] = [
        { op: 'put', collection: 'budgetLines', record: { ...target!, functionCode: twin! } },
        { op: 'put', collection: 'budgetLines', record: { ...zero, amount: 0 } },
        { op: 'set', key: 'texts', value: { ...workbook.texts, other: `${workbook.texts.other}本部门共有XX个内设机构。` } },
      ];
      const planted = applyEdits(workbook, edits).workbook;
      const before = review(workbook);
      const added = review(planted).filter((finding) => !before.some((old) => JSON.stringify(old) === JSON.stringify(finding)));
      const row = (id: string) => planted.budgetLines.findIndex((line) => line.id === id) + 1;
      expect(added.map((finding) => [finding.ruleId, finding.location.id, finding.params.row ?? finding.params.quote]).sort()).toEqual([
        ['line.functionUnitKind', target!.id, row(target!.id)],
        ['line.zeroAmount', zero.id, row(zero.id)],
        ['text.placeholder', 'other', 'XX'],
      ]);
    });
  }
});
