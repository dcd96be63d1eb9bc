import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/edits';
import { fromInterchange, serializeInterchange } from '../../src/core/interchange';
import { interchangeJsonSchema } from '../../src/core/interchange-json-schema';
import { emptyWorkbook, type Workbook } from '../../src/core/model';

export function sampleWorkbook(): Workbook {
  const base = emptyWorkbook({ code: '036', name: '济源产城融合示范区医疗保障局', year: 2025, publishedOn: '2025-05-26' });
  return applyEdits(base, [
    { op: 'put', collection: 'units', record: { id: 'u1', code: '036001', name: '局机关', kind: 'admin', authorizedStaff: 20, actualStaff: 18, retiredStaff: 5 } },
    { op: 'put', collection: 'incomeLines', record: { id: 'i1', unitId: 'u1', fund: 'gen.appropriation', functionCode: null, amount: 4_029_000_00 } },
    {
      op: 'put',
      collection: 'projects',
      record: {
        id: 'p1',
        code: '419001240000000004001',
        name: '医疗保障工作经费',
        unitId: 'u1',
        type: 'operation',
        purpose: '保障医保业务',
        spendingPlan: { march: 25, june: 50, october: 80, december: 100 },
        continuing: true,
        procurement: [{ id: 'g1', name: '台式计算机', catalogCode: 'A02010104', measureUnit: '台', quantity: 2, unitPrice: 5_000_00, amount: 10_000_00, smallFirmShare: 100 }],
        performance: { goal: '完成年度工作', indicators: [{ id: 'k1', level1: '产出指标', level2: '数量指标', level3: '宣传次数', description: '', value: '≥1次', valueNote: '' }] },
      },
    },
    {
      op: 'put',
      collection: 'budgetLines',
      record: { id: 'b1', unitId: 'u1', functionCode: '2101501', deptEconCode: '30101', govEconCode: '50101', nature: 'basic', projectId: null, fund: 'gen.appropriation', amount: 304_500_00, note: '' },
    },
    {
      op: 'put',
      collection: 'budgetLines',
      record: { id: 'b2', unitId: 'u1', functionCode: '2101599', deptEconCode: '30227', govEconCode: '50205', nature: 'project', projectId: 'p1', fund: 'gen.appropriation', amount: 20_000_01, note: '委托业务' },
    },
    {
      op: 'set',
      key: 'basicProcurement',
      value: [
        {
          id: 'bp1',
          unitId: 'u1',
          name: '公用类项目1',
          budget: 67_55_0000,
          listedAfter: 'p1',
          items: [{ id: 'bp1-g01', name: '复印纸', catalogCode: 'A05040101', measureUnit: '箱', quantity: 2.5, unitPrice: 200_00, amount: 500_00, smallFirmShare: 32.5 }],
        },
      ],
    },
    {
      op: 'set',
      key: 'texts',
      value: {
        duties: '贯彻医疗保障制度',
        organization: '内设机构7个',
        reasons: { total: '项目减少' },
        glossary: [{ term: '基本支出', explanation: '保障机构正常运转' }],
        other: '',
        blocks: { safeguards: '总体要求。\n# 1、完善制度建设\n制定制度。' },
      },
    },
    { op: 'set', key: 'priorYear', value: { year: 2024, source: 'henan-2024.xlsx', figures: { total: 6_844_40_0000 } } },
  ]).workbook;
}

describe('interchange JSON', () => {
  it('round-trips byte for byte: serialize → parse → serialize', () => {
    const text = serializeInterchange(sampleWorkbook());
    const parsed = fromInterchange(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.workbook).toEqual(sampleWorkbook());
    expect(serializeInterchange(parsed.workbook)).toBe(text);
  });

  it('keeps amounts exact as 元 strings', () => {
    const text = serializeInterchange(sampleWorkbook());
    expect(text).toContain('"amount": "20000.01"');
    expect(text).toContain('"total": "68444000.00"');
  });

  it('names the path of each bad value and of broken references', () => {
    const doc = JSON.parse(serializeInterchange(sampleWorkbook()));
    doc.budgetLines[1].amount = '12.345';
    doc.budgetLines[0].fund = 'nonsense';
    doc.incomeLines[0].unitId = 'nobody';
    const first = fromInterchange(doc);
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['budgetLines[1].amount', 'budgetLines[0].fund']));
    doc.budgetLines[1].amount = '12.34';
    doc.budgetLines[0].fund = 'gen.appropriation';
    const second = fromInterchange(doc);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.issues).toEqual([{ path: 'incomeLines[0].unitId', message: 'unknown unit "nobody"' }]);
  });

  it('reads a file written before basic-expenditure procurement and prose blocks existed, and writes both', () => {
    const doc = JSON.parse(serializeInterchange(sampleWorkbook()));
    delete doc.basicProcurement;
    delete doc.texts.blocks;
    const parsed = fromInterchange(doc);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.workbook.basicProcurement).toEqual([]);
    expect(parsed.workbook.texts.blocks).toEqual({});
    expect(serializeInterchange(parsed.workbook)).toContain('"basicProcurement": [],');
    expect(serializeInterchange(parsed.workbook)).toContain('"blocks": {}');
  });

  it('refuses a basic-expenditure group of an unknown unit or a repeated id; an unknown listedAfter is only an ordering hint', () => {
    const doc = JSON.parse(serializeInterchange(sampleWorkbook()));
    doc.basicProcurement.push({ ...doc.basicProcurement[0], unitId: 'nobody', listedAfter: 'gone' });
    const result = fromInterchange(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: 'basicProcurement[1].id', message: 'duplicate id "bp1"' },
      { path: 'basicProcurement[1].unitId', message: 'unknown unit "nobody"' },
    ]);
    doc.basicProcurement[1] = { ...doc.basicProcurement[1], id: 'bp2', unitId: 'u1' };
    expect(fromInterchange(doc).ok).toBe(true);
  });

  it('ships a JSON Schema that matches the zod schema', () => {
    const shipped = readFileSync(new URL('../../resources/interchange.schema.json', import.meta.url), 'utf8');
    expect(shipped).toBe(interchangeJsonSchema());
  });
});
