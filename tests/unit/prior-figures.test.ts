import { describe, expect, it } from 'vitest';
import { figureValue } from '../../src/core/checks/figures';
import { Totals } from '../../src/core/checks/totals';
import type { Workbook } from '../../src/core/model';
import { narrativeFigures } from '../../src/core/narrative';
import { budgetPredicate, incomePredicate } from '../../src/core/tables/filter';
import { workbookFigures } from '../../src/core/prior/figures';
import { KEY_DEFINITIONS, operatingCostDefinition, type Combination } from '../../src/core/prior/keys';
import { matchScope } from '../../src/core/prior/same-lines';
import { parseMoney, type Fen } from '../../src/core/money';
import { loadPublishedTables, loadSeedWorkbook, SEED_IDS } from '../support/seeds';

/** The checks' own running totals over a workbook: an independent computation of the same keys. */
function checkTotals(workbook: Workbook, adminOnly: boolean): Totals {
  const kinds = new Map(workbook.units.map((unit) => [unit.id, unit.kind]));
  const totals = new Totals((unitId) => !adminOnly || kinds.get(unitId) === 'admin');
  for (const line of workbook.incomeLines) totals.addIncomeLine(line, 1);
  for (const line of workbook.budgetLines) totals.addBudgetLine(line, 1);
  return totals;
}

const wan = (text: string) => {
  const parsed = parseMoney(text, 'wan');
  if (!parsed.ok) throw new Error(text);
  return parsed.fen;
};

/** What a key's definition (the meaning recognition reads tables by) sums over the workbook's lines. */
function sumOf(meaning: Combination, workbook: Workbook): Fen {
  const lookups = { unitsById: new Map(workbook.units.map((unit) => [unit.id, unit])), projectsById: new Map(workbook.projects.map((project) => [project.id, project])) };
  let total = 0;
  for (const { measure, sign } of meaning) {
    if (measure.source === 'budget') {
      const test = budgetPredicate(measure, lookups);
      for (const line of workbook.budgetLines) if (test(line)) total += sign * line.amount;
    } else {
      const test = incomePredicate(measure, lookups);
      for (const line of workbook.incomeLines) if (test(line)) total += sign * line.amount;
    }
  }
  return total;
}

describe('prior-year figures of a workbook', () => {
  for (const seed of SEED_IDS) {
    it(`${seed}: the narrative's figures, equal to the checks' and to what each key's definition sums`, () => {
      const workbook = loadSeedWorkbook(seed);
      for (const convention of ['all', 'adminOnly'] as const) {
        const figures = workbookFigures(workbook, convention);
        const narrative = narrativeFigures(workbook, { conventions: { operatingCostUnits: convention } }).amounts;
        const totals = checkTotals(workbook, convention === 'adminOnly');
        expect(Object.keys(figures).length).toBeGreaterThan(40);
        for (const [key, fen] of Object.entries(figures)) {
          if (key in narrative) expect([key, fen]).toEqual([key, narrative[key]]);
          const checked = figureValue(totals, key);
          if (checked !== undefined) expect([key, fen]).toEqual([key, checked]);
        }
        for (const definition of [...KEY_DEFINITIONS, operatingCostDefinition(convention)]) {
          expect([definition.key, figures[definition.key]]).toEqual([definition.key, sumOf(definition.meaning, workbook)]);
        }
      }
    });
  }

  it('henan-2024: the headline figures are the published ones', () => {
    const figures = workbookFigures(loadSeedWorkbook('henan-2024'));
    const summary = loadPublishedTables('henan-2024').find((table) => table.id === 'income-expenditure-summary');
    const total = summary?.rows.find((row) => row[2] === '支出总计')?.[3] ?? '';
    expect(figures.total).toBe(wan(total));
    expect(figures['sanGong.total']).toBe(wan('3.20'));
    expect(figures.operatingCost).toBe(wan('130.50'));
    expect(figures.basic).toBe(wan('3,323.60'));
    expect(figures['general.total']).toBe(figures['fiscal.gen']);
  });

  it('code keys hold every level of a code and leave zero out', () => {
    const figures = workbookFigures(loadSeedWorkbook('henan-2024'));
    expect(figures['function.210']).toBe((figures['function.21011'] ?? 0) + (figures['function.21013'] ?? 0) + (figures['function.21014'] ?? 0) + (figures['function.21015'] ?? 0) + (figures['function.21099'] ?? 0));
    expect(Object.entries(figures).filter(([key, fen]) => key.includes('.') && /\d/.test(key) && fen === 0)).toEqual([]);
  });
});

describe('which cells give which key', () => {
  const spend = (filter: object): Combination => [{ measure: { source: 'budget', ...filter }, sign: 1 }];
  const reception = KEY_DEFINITIONS.find((definition) => definition.key === 'sanGong.reception')?.meaning as Combination;
  const fiscalGen = KEY_DEFINITIONS.find((definition) => definition.key === 'fiscal.gen')?.meaning as Combination;

  it('the same lines written another way match exactly', () => {
    expect(matchScope(spend({ funds: ['gen.appropriation', 'gen.special', 'gen.fee', 'gen.asset', 'gen.other', 'gen.upperAdvance', 'gen.bond', 'carry.gen'] }), fiscalGen, false)).toBe('exact');
    const personnel = KEY_DEFINITIONS.find((definition) => definition.key === 'basic.personnel')?.meaning as Combination;
    expect(matchScope([...spend({ natures: ['basic'], deptEcon: ['301'] }), ...spend({ natures: ['basic'], deptEcon: ['303'] })], personnel, false)).toBe('exact');
  });

  it('a table without carry-over or of the general budget only says so', () => {
    expect(matchScope(spend({ funds: ['gen'] }), fiscalGen, false)).toBe('withoutCarryOver');
    expect(matchScope(spend({ funds: ['gen'], deptEcon: ['30217'] }), reception, true)).toBe('generalBudgetOnly');
    expect(matchScope(spend({ funds: ['gen'], deptEcon: ['30217'] }), reception, false)).toBeNull();
  });

  it('a table never counts more than the key: carry-over in the cell but not in the key is no match', () => {
    const thisYear = KEY_DEFINITIONS.find((definition) => definition.key === 'appropriation.gen')?.meaning as Combination;
    expect(matchScope(spend({ funds: ['gen', 'carry.gen'] }), thisYear, true)).toBeNull();
    expect(matchScope(spend({ funds: ['gen'] }), thisYear, true)).toBe('exact');
  });

  it('other lines do not match', () => {
    expect(matchScope(spend({ funds: ['gen'], deptEcon: ['30215'] }), reception, true)).toBeNull();
    expect(matchScope(spend({ funds: ['gen'], natures: ['basic'] }), fiscalGen, false)).toBeNull();
    expect(matchScope(spend({ funds: ['fund', 'carry.fund'] }), fiscalGen, false)).toBeNull();
    const total = KEY_DEFINITIONS.find((definition) => definition.key === 'total')?.meaning as Combination;
    expect(matchScope([{ measure: { source: 'income' }, sign: 1 }], total, false)).toBeNull();
  });

  it('机关运行经费 follows the template: Shaanxi counts administrative units only', () => {
    const all = operatingCostDefinition('all').meaning;
    const adminOnly = operatingCostDefinition('adminOnly').meaning;
    expect(matchScope(spend({ funds: ['gen', 'carry.gen', 'fund', 'carry.fund', 'capital', 'carry.capital'], basicPart: 'public', unitKinds: ['admin'] }), adminOnly, false)).toBe('exact');
    expect(matchScope(spend({ funds: ['gen', 'carry.gen', 'fund', 'carry.fund', 'capital', 'carry.capital'], basicPart: 'public', unitKinds: ['admin'] }), all, false)).toBeNull();
  });
});
