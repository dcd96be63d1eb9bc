import { describe, expect, it } from 'vitest';
import { changedParts, checkCatalogForWorkbook, createCheckSession, runChecks } from '../../src/core/checks';
import type { Edit } from '../../src/core/edits';
import type { BudgetLine, Indicator, Project, Workbook } from '../../src/core/model';
import { BASIC_GROUP, baseWorkbook, budgetLine, edit, incomeLine, indicator, PROJECT, unit, WAN } from './checks-builders';
import { mulberry32 as rng } from '../support/random';


const FUNCTIONS = ['2101501', '2101502', '2101506', '2120899', '2109998'];
const ECON: [string, string][] = [
  ['30101', '50101'],
  ['30101', '50501'],
  ['30201', '50201'],
  ['30201', '50502'],
  ['30217', '50206'],
  ['30298', '50298'],
];
const FUNDS = ['gen.appropriation', 'gen.appropriation', 'carry.gen', 'fund.regular', 'unit.other', 'gen.upperAdvance'];
const UNITS = ['u1', 'u2', 'u3', 'u9'];
const VALUES = ['≥12次', '≥34万', '1', '有所提升', '≤30万元', '≤300万元', '2025年', '≤2973人', '及时性', '', '≥较多', '≥95%'];
const TEXTS = ['人员经费增加。', '压减支出。', '比上年增加 1.00 万元，下降 5%。', '运行经费10.00元。', ''];

function randomEdits(workbook: Workbook, random: () => number, serial: number): Edit[] {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const anyLine = (): BudgetLine | undefined => workbook.budgetLines[Math.floor(random() * workbook.budgetLines.length)];
  const project = (): Project | undefined => workbook.projects[Math.floor(random() * workbook.projects.length)];
  const kind = Math.floor(random() * 16);
  const line = anyLine();
  switch (kind) {
    case 0:
    case 1:
    case 2:
      return line ? [{ op: 'put', collection: 'budgetLines', record: { ...line, amount: Math.round(random() * 40) * WAN + (random() < 0.2 ? 1 : 0) } }] : [];
    case 3: {
      if (!line) return [];
      const [deptEconCode, govEconCode] = pick(ECON);
      return [{ op: 'put', collection: 'budgetLines', record: { ...line, functionCode: pick(FUNCTIONS), deptEconCode, govEconCode, fund: pick(FUNDS) } }];
    }
    case 4:
      return line ? [{ op: 'put', collection: 'budgetLines', record: { ...line, unitId: pick(UNITS) } }] : [];
    case 5: {
      if (!line) return [];
      const target = random() < 0.7 ? (project()?.id ?? null) : pick([null, 'p-missing']);
      return [{ op: 'put', collection: 'budgetLines', record: { ...line, projectId: target, nature: random() < 0.8 ? (target ? 'project' : 'basic') : 'operating' } }];
    }
    case 6:
      return line ? [{ op: 'delete', collection: 'budgetLines', id: line.id }] : [];
    case 7: {
      const record = budgetLine(`n${serial}`, { unitId: pick(UNITS.slice(0, 3)), fund: pick(FUNDS), amount: Math.round(random() * 20) * WAN });
      return [{ op: 'put', collection: 'budgetLines', record, at: Math.floor(random() * (workbook.budgetLines.length + 1)) }];
    }
    case 8: {
      const income = workbook.incomeLines[Math.floor(random() * workbook.incomeLines.length)];
      if (income && random() < 0.3) return [{ op: 'delete', collection: 'incomeLines', id: income.id }];
      if (income && random() < 0.6) return [{ op: 'put', collection: 'incomeLines', record: { ...income, amount: Math.round(random() * 100) * WAN } }];
      return [{ op: 'put', collection: 'incomeLines', record: incomeLine(`ni${serial}`, pick(UNITS), Math.round(random() * 30) * WAN, pick(FUNDS)) }];
    }
    case 9: {
      const target = project();
      if (!target) return [];
      const indicators: Indicator[] = target.performance.indicators.map((item) => (random() < 0.3 ? { ...item, value: pick(VALUES) } : item));
      const plan = random() < 0.5 ? { march: 25, june: 25, october: 25, december: 25 } : { march: 10, june: 40 * random(), october: 70, december: random() < 0.5 ? 100 : 90 };
      return [{ op: 'put', collection: 'projects', record: { ...target, spendingPlan: plan, purpose: pick(TEXTS), performance: { goal: pick(TEXTS), indicators } } }];
    }
    case 10: {
      const target = project();
      if (!target) return [];
      if (random() < 0.4) return [{ op: 'delete', collection: 'projects', id: target.id }];
      return [{ op: 'put', collection: 'projects', record: { ...target, unitId: pick(UNITS) } }];
    }
    case 11:
      return [{ op: 'put', collection: 'projects', record: { ...PROJECT, id: random() < 0.5 ? 'p-missing' : `np${serial}`, name: `项目${serial}` } }];
    case 12: {
      const reasons = { total: pick(TEXTS), 'sanGong.reception': pick(TEXTS) };
      const other = pick(TEXTS);
      // Procurement paid from basic spending comes and goes, its item's amount off by one 分 (basicProcurement.amount).
      const basic = workbook.basicProcurement.length > 0 ? [] : [{ ...BASIC_GROUP, items: BASIC_GROUP.items.map((item) => ({ ...item, amount: item.amount + 1 })) }];
      return [
        { op: 'set', key: 'texts', value: { ...workbook.texts, reasons, other, blocks: { workTasks: other } } },
        { op: 'set', key: 'priorYear', value: { ...workbook.priorYear, figures: { total: Math.round(random() * 200) * WAN, 'sanGong.reception': 0 } } },
        { op: 'set', key: 'basicProcurement', value: basic },
      ];
    }
    case 13:
      return [{ op: 'put', collection: 'units', record: unit('u2', pick(['admin', 'civilServantManaged', 'institution'] as const), '医疗保障服务中心', '036002') }];
    case 14:
      return [
        {
          op: 'set',
          key: 'departmentPerformance',
          value: { ...workbook.departmentPerformance, indicators: [indicator('d1', '产出指标', '成本指标', '人员经费', pick(VALUES))] },
        },
      ];
    default:
      return [
        { op: 'set', key: 'settings', value: { ...workbook.settings, entryUnit: workbook.settings.entryUnit === 'wan' ? 'yuan' : 'wan' } },
      ];
  }
}

function startingWorkbook(): Workbook {
  const base = baseWorkbook();
  const extra: Edit[] = [{ op: 'put', collection: 'units', record: unit('u3', 'institution', '医疗保障基金中心', '036003') }];
  for (let index = 0; index < 30; index += 1) {
    const [deptEconCode, govEconCode] = ECON[index % ECON.length] as [string, string];
    extra.push({
      op: 'put',
      collection: 'budgetLines',
      record: budgetLine(`x${index}`, { unitId: UNITS[index % 3] as string, deptEconCode, govEconCode, amount: (index + 1) * WAN }),
    });
  }
  return edit(base, extra);
}

describe('check session', () => {
  it('gives the same findings as a full run after every step of a random edit sequence', () => {
    const random = rng(20250101);
    let workbook = startingWorkbook();
    const session = createCheckSession(workbook, checkCatalogForWorkbook);
    expect(session.findings()).toEqual(runChecks(workbook, checkCatalogForWorkbook));
    let compared = 0;
    for (let step = 0; step < 400; step += 1) {
      const batch = [...randomEdits(workbook, random, step), ...(random() < 0.25 ? randomEdits(workbook, random, step + 10_000) : [])];
      // Two edits of one batch may touch the same record; apply them in order like the store does.
      let next = workbook;
      const applied: Edit[] = [];
      for (const one of batch) {
        try {
          next = edit(next, [one]);
          applied.push(one);
        } catch {
          // A delete of a record an earlier edit of the batch already deleted.
        }
      }
      if (applied.length === 0) continue;
      const incremental = session.update(next, changedParts(applied));
      expect(incremental, `step ${step}: ${JSON.stringify(applied).slice(0, 300)}`).toEqual(runChecks(next, checkCatalogForWorkbook));
      workbook = next;
      compared += 1;
    }
    expect(compared).toBeGreaterThan(300);
    // The sequence reached states with findings of many kinds, so the comparison meant something.
    const seen = new Set(runChecks(workbook, checkCatalogForWorkbook).map((finding) => finding.ruleId));
    expect(seen.size).toBeGreaterThan(5);
  });

  it('renumbers rows after a line is inserted or deleted above a faulty one', () => {
    const base = baseWorkbook();
    const faulty = edit(base, [{ op: 'put', collection: 'budgetLines', record: { ...base.budgetLines[3]!, govEconCode: '50101' } }]);
    const session = createCheckSession(faulty, checkCatalogForWorkbook);
    const rowOf = () => session.findings().find((finding) => finding.ruleId === 'line.govEconNotLegal')?.params.row;
    expect(rowOf()).toBe(4);
    const inserted: Edit[] = [{ op: 'put', collection: 'budgetLines', record: budgetLine('b0', { unitId: 'u1', amount: 0 }), at: 0 }];
    const withInsert = edit(faulty, inserted);
    session.update(withInsert, changedParts(inserted));
    expect(rowOf()).toBe(5);
    const deleted: Edit[] = [
      { op: 'delete', collection: 'budgetLines', id: 'b0' },
      { op: 'delete', collection: 'budgetLines', id: 'b1' },
    ];
    session.update(edit(withInsert, deleted), changedParts(deleted));
    expect(rowOf()).toBe(3);
  });

  it('agrees with a full run after one edited amount on a 5,000-line workbook', () => {
    let workbook = startingWorkbook();
    const many: Edit[] = [];
    for (let index = 0; index < 5_000; index += 1) {
      many.push({ op: 'put', collection: 'budgetLines', record: budgetLine(`m${index}`, { unitId: 'u3', amount: WAN }) });
    }
    workbook = edit(workbook, many);
    const session = createCheckSession(workbook, checkCatalogForWorkbook);
    const line = workbook.budgetLines[2_500]!;
    const changed: Edit[] = [{ op: 'put', collection: 'budgetLines', record: { ...line, amount: line.amount + 100 } }];
    const next = edit(workbook, changed);
    const findings = session.update(next, changedParts(changed));
    expect(findings).toEqual(runChecks(next, checkCatalogForWorkbook));
    expect(findings.some((finding) => finding.ruleId === 'totals.balanced')).toBe(true);
  });
});
