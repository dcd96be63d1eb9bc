import { describe, expect, it } from 'vitest';
import { checkCatalogForWorkbook, RULES, runChecks, type Finding } from '../../src/core/checks';
import { baseWorkbook, edit, WAN } from './checks-builders';
import { RULE_CASES, type Scenario } from './checks-cases';

function findingsOf(scenario: Scenario): Finding[] {
  const base = baseWorkbook(scenario.entryUnit);
  return runChecks(edit(base, scenario.edits(base)), checkCatalogForWorkbook, scenario.options);
}

describe('checks: one case per rule', () => {
  it('the base workbook passes every rule', () => {
    expect(runChecks(baseWorkbook(), checkCatalogForWorkbook)).toEqual([]);
    expect(runChecks(baseWorkbook('yuan'), checkCatalogForWorkbook)).toEqual([]);
  });

  it('covers every rule, and rule ids are unique', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(RULE_CASES.map((c) => c.ruleId).sort()).toEqual([...ids].sort());
  });

  for (const ruleCase of RULE_CASES) {
    describe(ruleCase.ruleId, () => {
      it('fires, naming the figures and the place', () => {
        const rule = RULES.find((candidate) => candidate.id === ruleCase.ruleId);
        expect(rule?.messageKey).toBe(ruleCase.messageKey);
        expect(rule?.severity).toBe(ruleCase.severity);
        const found = findingsOf(ruleCase.fires).filter((finding) => finding.ruleId === ruleCase.ruleId);
        expect(found).toEqual(
          ruleCase.fires.expect.map(({ params, location }) => ({
            ruleId: ruleCase.ruleId,
            severity: ruleCase.severity,
            messageKey: ruleCase.messageKey,
            params,
            location,
          })),
        );
      });

      ruleCase.passes.forEach((scenario, index) => {
        it(`does not fire on near miss ${index + 1}`, () => {
          expect(findingsOf(scenario).filter((finding) => finding.ruleId === ruleCase.ruleId)).toEqual([]);
        });
      });
    });
  }

  it('formats amounts in the entry unit, with more decimals only when the amount has them', () => {
    const base = baseWorkbook('yuan');
    const unbalanced = edit(base, [{ op: 'put', collection: 'incomeLines', record: { ...base.incomeLines[1]!, amount: 50 * WAN + 500 } }]);
    const total = runChecks(unbalanced, checkCatalogForWorkbook).find((finding) => finding.ruleId === 'totals.balanced');
    expect(total?.params).toEqual({ income: '1,500,005.00', expenditure: '1,500,000.00', difference: '5.00', moneyUnit: 'yuan' });
    const wan = baseWorkbook();
    const fine = edit(wan, [{ op: 'put', collection: 'incomeLines', record: { ...wan.incomeLines[1]!, amount: 50 * WAN + 640 } }]);
    expect(runChecks(fine, checkCatalogForWorkbook).find((finding) => finding.ruleId === 'totals.balanced')?.params).toEqual({
      income: '150.00064',
      expenditure: '150.00',
      difference: '0.00064',
      moneyUnit: 'wan',
    });
  });

  it('leaves out disabled rules', () => {
    const base = baseWorkbook();
    const broken = edit(base, [{ op: 'delete', collection: 'incomeLines', id: 'i2' }]);
    const ids = (options?: { disabledRules: string[] }) => runChecks(broken, checkCatalogForWorkbook, options).map((finding) => finding.ruleId);
    expect(ids()).toContain('unit.noIncome');
    expect(ids({ disabledRules: ['unit.noIncome'] })).not.toContain('unit.noIncome');
  });
});
