import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../src/core/catalog';
import { figureValue, REASON_KEYS } from '../../src/core/checks/figures';
import { Totals } from '../../src/core/checks/totals';
import { emptyWorkbook, type Assets, type BasicProcurement, type Project, type Unit, type Workbook } from '../../src/core/model';
import { NARRATIVE_BLOCKS } from '../../src/core/narrative';
import { displayRows, evaluateTemplate } from '../../src/core/tables/evaluate';
import { catalogNames } from '../../src/core/tables/names';
import { shippedTemplate } from '../support/templates';
import {
  ASSET_FIGURES,
  assetQuantity,
  basicProcurementCodec,
  nextGroupName,
  parseAssetFigure,
  parseAssetQuantity,
  planCommit,
  textBlocksFor,
  unitProfile,
  withAssetFigure,
  withAssetQuantity,
  withUnitProfile,
  type CellContext,
} from '../../src/core/workbench';
import { loadSeedWorkbook } from '../support/seeds';

const hebei2024 = shippedTemplate('hebei-2024');

const WAN = 1_000_000;
const unit: Unit = { id: 'u1', code: '037001', name: '本级', kind: 'admin', authorizedStaff: 20, actualStaff: 18, retiredStaff: 3 };

describe("a unit's 单位规格 and 经费保障形式", () => {
  it('are kept trimmed, and an empty one is removed rather than stored as ""', () => {
    const profiled = withUnitProfile(unit, { grade: '　正处（县）级 ', fundingForm: '财政拨款' });
    expect(profiled).toEqual({ ...unit, grade: '正处（县）级', fundingForm: '财政拨款' });
    const cleared = withUnitProfile(profiled, { grade: ' ', fundingForm: '财政拨款' });
    expect(cleared).toEqual({ ...unit, fundingForm: '财政拨款' });
    expect('grade' in cleared).toBe(false);
    expect(unitProfile(cleared)).toEqual({ grade: '', fundingForm: '财政拨款' });
    expect(unitProfile(null)).toEqual({ grade: '', fundingForm: '' });
  });
});

describe('asset figures', () => {
  const assets: Assets = emptyWorkbook({ code: '037', name: '部门', year: 2025, publishedOn: '' }).assets;

  it('list every figure and quantity Hebei’s 固定资产占用 table reads, in its row order', () => {
    const table = hebei2024.tables.find((candidate) => candidate.id === 'fixed-assets');
    const cells = (table?.body ?? []).flatMap((part) => (part.kind === 'assetRow' ? part.cells : []));
    const attributes = cells.flatMap((cell) => (typeof cell === 'object' && cell !== null && 'attribute' in cell ? [cell.attribute] : []));
    const figures = attributes.filter((name) => name.startsWith('figure.')).map((name) => name.slice('figure.'.length));
    const quantities = attributes.filter((name) => name.startsWith('quantity.')).map((name) => name.slice('quantity.'.length));
    expect(ASSET_FIGURES.map((spec) => spec.key)).toEqual(figures);
    expect(ASSET_FIGURES.filter((spec) => spec.quantity?.source === 'typed').map((spec) => spec.key)).toEqual(quantities);
    // The vehicle row counts the vehicle list.
    expect(attributes).toContain('vehicleCount');
    expect(ASSET_FIGURES.find((spec) => spec.key === 'vehicles')?.quantity?.source).toBe('vehicleList');
  });

  it('parse money in the entry unit and quantities by their kind; empty is "not given", not zero', () => {
    expect(parseAssetFigure('1503.09', 'wan')).toEqual({ ok: true, value: 15_030_900_00 });
    expect(parseAssetFigure('1,234.5', 'yuan')).toEqual({ ok: true, value: 123_450 });
    expect(parseAssetFigure('  ', 'wan')).toEqual({ ok: true, value: null });
    expect(parseAssetFigure('0', 'wan')).toEqual({ ok: true, value: 0 });
    expect(parseAssetFigure('abc', 'wan')).toMatchObject({ ok: false, problem: { key: 'workbench:problem.money.notANumber' } });
    const area = ASSET_FIGURES.find((spec) => spec.key === 'buildings')?.quantity;
    const count = ASSET_FIGURES.find((spec) => spec.key === 'equipmentOver200k')?.quantity;
    if (!area || !count) throw new Error('ASSET_FIGURES lost its quantities');
    expect(parseAssetQuantity('1200.5', area)).toEqual({ ok: true, value: 1200.5 });
    expect(parseAssetQuantity('１２', count)).toEqual({ ok: true, value: 12 });
    expect(parseAssetQuantity('', count)).toEqual({ ok: true, value: null });
    expect(parseAssetQuantity('2.5', count)).toMatchObject({ ok: false, problem: { key: 'workbench:problem.count' } });
  });

  it('are set and removed by key; no quantity left removes the field', () => {
    const withMoney = withAssetFigure(assets, 'total', 120 * WAN);
    expect(withMoney.figures).toEqual({ total: 120 * WAN });
    expect(withAssetFigure(withMoney, 'total', null).figures).toEqual({});
    const withArea = withAssetQuantity(assets, 'buildings', 1200.5);
    expect(withArea.quantities).toEqual({ buildings: 1200.5 });
    const both = withAssetQuantity(withArea, 'equipmentOver200k', 0);
    expect(both.quantities).toEqual({ buildings: 1200.5, equipmentOver200k: 0 });
    const none = withAssetQuantity(withAssetQuantity(both, 'buildings', null), 'equipmentOver200k', null);
    expect('quantities' in none).toBe(false);
    expect(assetQuantity({ ...assets, vehicles: [{ kind: '一般公务用车', count: 2 }, { kind: '执法执勤用车', count: 3 }] }, ASSET_FIGURES[3]!)).toBe(5);
    expect(assetQuantity(both, ASSET_FIGURES[0]!)).toBeUndefined();
  });

  it('print in Hebei’s table: areas and counts typed, the vehicle count from the list', () => {
    const seed = loadSeedWorkbook('hebei-2024');
    let typed = withAssetQuantity(seed.assets, 'buildings', 1200.5);
    typed = withAssetQuantity(typed, 'officeBuildings', 900);
    typed = withAssetFigure(typed, 'buildings', 80 * WAN);
    const workbook: Workbook = { ...seed, assets: typed };
    const table = evaluateTemplate(workbook, { ...hebei2024, tables: hebei2024.tables.filter((candidate) => candidate.id === 'fixed-assets') }, catalogNames(workbook))[0];
    if (!table) throw new Error('no fixed-assets table');
    expect(displayRows(table).slice(1, 5)).toEqual([
      ['1、房屋（平方米）', '1200.5', '80.00'],
      ['其中：办公用房（平方米）', '900', ''],
      ['2、车辆（台、辆）', '1', '19.57'],
      ['3、单价在 20 万元以上的设备', '12', '672.56'],
    ]);
  });
});

describe('procurement groups paid from basic expenditure', () => {
  const project: Project = {
    id: 'p1',
    code: 'X1',
    name: '医保基金监管',
    unitId: 'u1',
    type: 'specificGoal',
    purpose: '',
    spendingPlan: null,
    continuing: false,
    procurement: [],
    performance: { goal: '', indicators: [] },
  };
  const ctx: CellContext = { catalog: catalogFor(), units: [unit], projects: [project], entryUnit: 'wan', language: 'zh' };
  const newId = () => 'g-new';

  it('become a group from typed text: no items yet, listed before the projects unless a project is named', () => {
    const plan = planCommit(basicProcurementCodec, ctx, [{ key: 'd', record: null, texts: { unitId: '037001', name: '公用类项目1', budget: '6' } }], new Map(), {}, newId);
    expect(plan.puts).toEqual([{ id: 'g-new', unitId: 'u1', name: '公用类项目1', budget: 6 * WAN, listedAfter: null, items: [] }]);
    const after = planCommit(basicProcurementCodec, ctx, [{ key: 'g-new', record: plan.puts[0], texts: { listedAfter: '医保基金监管' } }], new Map(), {}, newId);
    expect(after.puts[0]?.listedAfter).toBe('p1');
    const cleared = planCommit(basicProcurementCodec, ctx, [{ key: 'g-new', record: after.puts[0], texts: { listedAfter: '' } }], new Map(), {}, newId);
    expect(cleared.puts[0]?.listedAfter).toBeNull();
  });

  it('refuse an unknown project and typing into the computed columns', () => {
    const group: BasicProcurement = { id: 'g1', unitId: 'u1', name: '公用类项目1', budget: 0, listedAfter: null, items: [] };
    const plan = planCommit(basicProcurementCodec, ctx, [{ key: 'g1', record: group, texts: { listedAfter: '没有的项目', itemCount: '3' } }], new Map(), {}, newId);
    expect(plan.puts).toEqual([]);
    expect(plan.drafts.get('g1')?.problems.listedAfter?.key).toBe('workbench:problem.project.unknown');
  });

  it('show the items’ count and amount', () => {
    const item = { id: 'i1', name: '复印纸', catalogCode: 'A05040101', measureUnit: '箱', quantity: 20, unitPrice: 0.02 * WAN, amount: 0.4 * WAN, smallFirmShare: 100 };
    const group: BasicProcurement = { id: 'g1', unitId: 'u1', name: '公用类项目1', budget: 6 * WAN, listedAfter: 'p1', items: [item, { ...item, id: 'i2' }] };
    const shown = Object.fromEntries(basicProcurementCodec.fields.map((field) => [field.id, field.display(group, ctx)]));
    expect(shown).toEqual({ unitId: '本级', name: '公用类项目1', budget: '6.00', listedAfter: '医保基金监管', itemCount: '2', itemsAmount: '0.80' });
  });

  it('are offered the next free name of the unit', () => {
    expect(nextGroupName([], 'u1')).toBe('公用类项目1');
    expect(nextGroupName([{ unitId: 'u1', name: '公用类项目1' }, { unitId: 'u2', name: '公用类项目2' }], 'u1')).toBe('公用类项目2');
  });
});

describe('the prose blocks the texts screen offers', () => {
  it('are those of the chosen template, headed as its narrative heads them', () => {
    expect(textBlocksFor('hebei-2024', {})).toEqual({
      template: 'hebei-2024',
      entries: [{ block: 'safeguards', headings: [{ templateId: 'hebei-2024', province: '河北', heading: '（三）工作保障措施' }], printed: true }],
    });
    expect(textBlocksFor('henan-2024', {}).entries.map((entry) => entry.headings[0]?.heading)).toEqual(['（四）重点项目绩效评价情况', '（六）专项转移支付项目情况']);
  });

  it('are every known block, with each template’s heading, when no template is chosen', () => {
    for (const template of [null, 'no-such-template']) {
      const list = textBlocksFor(template, {});
      expect(list.template).toBeNull();
      expect(list.entries.map((entry) => entry.block)).toEqual([...NARRATIVE_BLOCKS]);
      expect(list.entries.every((entry) => entry.headings.length > 0 && entry.printed)).toBe(true);
    }
  });

  it('keep a block with text the chosen template does not print, marked so', () => {
    const list = textBlocksFor('hebei-2024', { workTasks: '一、…', transferPayments: ' ' });
    expect(list.entries.map((entry) => [entry.block, entry.printed])).toEqual([
      ['safeguards', true],
      ['workTasks', false],
    ]);
    expect(list.entries[1]?.headings).toEqual([{ templateId: 'shaanxi-2024', province: '陕西', heading: '二、工作任务' }]);
  });
});

describe('narrative figure keys', () => {
  const workbook = loadSeedWorkbook('henan-2024');
  const totals = new Totals(() => true);
  for (const line of workbook.incomeLines) totals.addIncomeLine(line, 1);
  for (const line of workbook.budgetLines) totals.addBudgetLine(line, 1);

  it('every key a reason is offered for is a figure the checks compute', () => {
    for (const key of REASON_KEYS) expect([key, typeof figureValue(totals, key)]).toEqual([key, 'number']);
    expect(figureValue(totals, 'sanGong.reception.use')).toBeUndefined();
  });

  it('checks also know fund.total, the alias of fiscal.fund, and derive sanGong.total from its parts', () => {
    expect(figureValue(totals, 'fund.total')).toBe(figureValue(totals, 'fiscal.fund'));
    expect(REASON_KEYS).not.toContain('fund.total');
    const parts = ['sanGong.abroad', 'sanGong.reception', 'sanGong.vehiclePurchase', 'sanGong.vehicleRunning'].map((key) => figureValue(totals, key) ?? NaN);
    expect(figureValue(totals, 'sanGong.total')).toBe(parts.reduce((sum, part) => sum + part, 0));
    expect(figureValue(totals, 'sanGong.total')).toBeGreaterThan(0);
  });
});
