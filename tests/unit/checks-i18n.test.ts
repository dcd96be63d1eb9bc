import { describe, expect, it } from 'vitest';
import { checkCatalogForWorkbook, RULES, runChecks, type Finding } from '../../src/core/checks';
import { createI18n, LANGUAGES } from '../../src/shared/i18n';
import zhChecks from '../../src/shared/locales/zh-CN/checks.json';
import enChecks from '../../src/shared/locales/en/checks.json';
import { baseWorkbook, edit } from './checks-builders';
import { RULE_CASES } from './checks-cases';

/** Every finding the rule cases produce: each rule's message with real params. */
function sampleFindings(): Finding[] {
  return RULE_CASES.flatMap((ruleCase) => {
    const base = baseWorkbook(ruleCase.fires.entryUnit);
    return runChecks(edit(base, ruleCase.fires.edits(base)), checkCatalogForWorkbook, ruleCase.fires.options);
  });
}

/** The first finding of a rule in its own case. */
function sampleOf(ruleId: string): Finding {
  const ruleCase = RULE_CASES.find((candidate) => candidate.ruleId === ruleId);
  if (!ruleCase) throw new Error(ruleId);
  const base = baseWorkbook(ruleCase.fires.entryUnit);
  const found = runChecks(edit(base, ruleCase.fires.edits(base)), checkCatalogForWorkbook, ruleCase.fires.options);
  return found.find((finding) => finding.ruleId === ruleId) as Finding;
}

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** Names of the lookup tables messages nest; one left in the output means a value had no entry. */
const LOOKUPS = Object.entries(zhChecks)
  .filter(([, value]) => typeof value === 'object')
  .map(([key]) => key);

describe('check messages', () => {
  it('zh-CN and en have the same keys', () => {
    expect(keyPaths(enChecks).sort()).toEqual(keyPaths(zhChecks).sort());
  });

  it('every rule has its message in both languages', () => {
    for (const rule of RULES) {
      const key = rule.messageKey.replace(/^checks:/, '');
      expect(rule.messageKey.startsWith('checks:')).toBe(true);
      expect(typeof (zhChecks as Record<string, unknown>)[key], rule.id).toBe('string');
      expect(typeof (enChecks as Record<string, unknown>)[key], rule.id).toBe('string');
    }
  });

  const findings = sampleFindings();

  it('the samples cover every rule', () => {
    expect(new Set(findings.map((finding) => finding.ruleId))).toEqual(new Set(RULES.map((rule) => rule.id)));
  });

  for (const language of LANGUAGES) {
    it(`render in ${language} without raw keys or placeholders`, () => {
      const i18n = createI18n(language);
      for (const finding of findings) {
        const text = i18n.t(finding.messageKey, finding.params);
        const context = `${finding.ruleId}: ${text}`;
        expect(text, context).not.toBe(finding.messageKey);
        expect(text, context).not.toMatch(/\{\{|\}\}|\$t\(|checks:/);
        for (const lookup of LOOKUPS) expect(text, context).not.toContain(`${lookup}.`);
      }
    });
  }

  it('word the figures and the row as the clerk reads them', () => {
    const zh = createI18n('zh-CN');
    const en = createI18n('en');
    const byRule = sampleOf;
    const total = byRule('totals.balanced');
    expect(zh.t(total.messageKey, total.params)).toBe('收入总计 150.05 ≠ 支出总计 150.00，差 0.05（万元）');
    expect(en.t(total.messageKey, total.params)).toBe('Total income 150.05 ≠ total expenditure 150.00, difference 0.05 (10k yuan)');
    const legal = byRule('line.govEconNotLegal');
    expect(zh.t(legal.messageKey, legal.params)).toBe(
      '第 4 行支出明细：政府经济分类 50101 不适用于事业单位“医疗保障服务中心”的部门经济分类 30101，应为 50501',
    );
    const unitFund = byRule('unit.fundBalanced');
    expect(zh.t(unitFund.messageKey, unitFund.params)).toBe(
      '单位“医疗保障服务中心”的一般公共预算拨款（含上年结转）：收入 49.00 ≠ 支出 50.00，差 1.00（万元）',
    );
  });
});
