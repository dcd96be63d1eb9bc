import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../src/core/catalog';
import { applyEdits } from '../../src/core/edits';
import { emptyWorkbook, type BudgetLine, type Unit } from '../../src/core/model';
import { budgetLineCodec } from '../../src/core/workbench/budget-lines';
import type { CellContext } from '../../src/core/workbench/cells';
import { changedBetween } from '../../src/core/workbench/diff';
import { fillDown, pasteWrites, tileOver } from '../../src/core/workbench/fill';
import { incomeLineCodec } from '../../src/core/workbench/income-lines';
import { applyToList, planCommit, type RowDraft } from '../../src/core/workbench/rows';
import { nextSort, viewOrder } from '../../src/core/workbench/view';

const units: Unit[] = [
  { id: 'u1', code: '036001', name: '本级', kind: 'admin', authorizedStaff: 0, actualStaff: 0, retiredStaff: 0 },
  { id: 'u2', code: '036002', name: '中心', kind: 'institution', authorizedStaff: 0, actualStaff: 0, retiredStaff: 0 },
];
const ctx: CellContext = { catalog: catalogFor(), units, projects: [], entryUnit: 'wan', language: 'zh' };
const codec = budgetLineCodec({ natures: ['basic', 'operating', 'remitUpward', 'subsidyAffiliates'] });
const defaults: Partial<BudgetLine> = { nature: 'basic', projectId: null, fund: 'gen.appropriation' };
const line = (id: string, amount: number, deptEconCode = '30101'): BudgetLine => ({
  id,
  unitId: 'u1',
  functionCode: '2101501',
  deptEconCode,
  govEconCode: '50101',
  nature: 'basic',
  projectId: null,
  fund: 'gen.appropriation',
  amount,
  note: '',
});
let counter = 0;
const newId = () => `new${(counter += 1)}`;

describe('planCommit: typed and pasted text into records and drafts', () => {
  it('saves a complete new row, deriving the only legal 政府经济 code for the unit', () => {
    const plan = planCommit(codec, ctx, [{ key: 'draft-1', record: null, texts: { unitId: '036002', functionCode: '2101501', deptEconCode: '30101', amount: '12.5' } }], new Map(), defaults, newId);
    expect(plan.puts).toHaveLength(1);
    expect(plan.puts[0]).toMatchObject({ unitId: 'u2', govEconCode: '50501', nature: 'basic', fund: 'gen.appropriation', amount: 12_500_000, note: '', projectId: null });
    expect(plan.created.get('draft-1')).toBe(plan.puts[0]?.id);
    expect(plan.drafts.get('draft-1')).toBeNull();
  });

  it('keeps a new row with a bad cell as a draft: every typed text, the problem, what is missing', () => {
    const texts = { unitId: '036001', functionCode: '21O1501', deptEconCode: '30201', amount: '3' };
    const plan = planCommit(codec, ctx, [{ key: 'd', record: null, texts }], new Map(), defaults, newId);
    expect(plan.puts).toEqual([]);
    const draft = plan.drafts.get('d') as RowDraft;
    expect(draft.texts).toEqual(texts);
    expect(Object.keys(draft.problems)).toEqual(['functionCode']);
    expect(draft.missing).toEqual([]);
  });

  it('saves the draft once its bad cell is fixed, keeping the earlier texts', () => {
    const draft: RowDraft = { texts: { unitId: '036001', functionCode: 'bad', deptEconCode: '30201', amount: '3' }, problems: {}, missing: [] };
    const plan = planCommit(codec, ctx, [{ key: 'd', record: null, texts: { functionCode: '2101501' } }], new Map([['d', draft]]), defaults, newId);
    expect(plan.puts[0]).toMatchObject({ functionCode: '2101501', deptEconCode: '30201', govEconCode: '50201', amount: 3_000_000 });
  });

  it('lists the required fields a new row still lacks', () => {
    const plan = planCommit(codec, ctx, [{ key: 'd', record: null, texts: { amount: '5' } }], new Map(), {}, newId);
    expect(plan.drafts.get('d')?.missing).toEqual(['unitId', 'functionCode', 'deptEconCode', 'govEconCode', 'nature', 'fund']);
  });

  it('saves the good cells of a saved record and keeps the bad ones as drafts over it', () => {
    const record = line('l1', 100);
    const plan = planCommit(codec, ctx, [{ key: 'l1', record, texts: { amount: '7', functionCode: '99' } }], new Map(), defaults, newId);
    expect(plan.puts).toEqual([{ ...record, amount: 7_000_000 }]);
    expect(plan.drafts.get('l1')?.texts).toEqual({ functionCode: '99' });
  });

  it('saves nothing when the text reads back to the saved value, and clears a fixed draft', () => {
    const record = line('l1', 7_000_000);
    const old: RowDraft = { texts: { functionCode: '99' }, problems: {}, missing: [] };
    const plan = planCommit(codec, ctx, [{ key: 'l1', record, texts: { amount: '7.00', functionCode: '2101501 行政运行' } }], new Map([['l1', old]]), defaults, newId);
    expect(plan.puts).toEqual([]);
    expect(plan.drafts.get('l1')).toBeNull();
  });

  it('refuses project expenditure in a grid of basic lines', () => {
    const plan = planCommit(codec, ctx, [{ key: 'l1', record: line('l1', 1), texts: { nature: '项目支出' } }], new Map(), defaults, newId);
    expect(plan.drafts.get('l1')?.problems.nature?.key).toBe('workbench:problem.nature.projectElsewhere');
  });

  it('drops a new row whose cells were all emptied', () => {
    const old: RowDraft = { texts: { amount: 'x' }, problems: {}, missing: [] };
    const plan = planCommit(codec, ctx, [{ key: 'd', record: null, texts: { amount: '' } }], new Map([['d', old]]), defaults, newId);
    expect(plan.drafts.get('d')).toBeNull();
    expect(plan.puts).toEqual([]);
  });

  it('reads income lines with an optional function code at any level', () => {
    const plan = planCommit(incomeLineCodec, ctx, [{ key: 'd', record: null, texts: { unitId: '本级', fund: '财政拨款', functionCode: '210', amount: '100' } }], new Map(), {}, newId);
    expect(plan.puts[0]).toMatchObject({ unitId: 'u1', fund: 'gen.appropriation', functionCode: '210', amount: 100_000_000 });
  });
});

describe('fill-down and paste geometry', () => {
  const text = (row: number, column: number) => `r${row}c${column}`;

  it('copies the first row of a range down, or the row above into a one-row range', () => {
    expect(fillDown({ top: 2, bottom: 4, left: 1, right: 2 }, text)).toEqual([
      { row: 3, column: 1, text: 'r2c1' },
      { row: 3, column: 2, text: 'r2c2' },
      { row: 4, column: 1, text: 'r2c1' },
      { row: 4, column: 2, text: 'r2c2' },
    ]);
    expect(fillDown({ top: 5, bottom: 5, left: 0, right: 0 }, text)).toEqual([{ row: 5, column: 0, text: 'r4c0' }]);
    expect(fillDown({ top: 0, bottom: 0, left: 0, right: 3 }, text)).toEqual([]);
  });

  it('places a pasted block at the active cell and drops columns past the grid', () => {
    expect(pasteWrites([['a', 'b', 'c']], 7, 1, 3)).toEqual([
      { row: 7, column: 1, text: 'a' },
      { row: 7, column: 2, text: 'b' },
    ]);
  });

  it('tiles one copied value over a larger selection, as Excel does', () => {
    expect(tileOver([['x']], { top: 0, bottom: 2, left: 0, right: 0 })).toEqual([['x'], ['x'], ['x']]);
    expect(tileOver([['a', 'b']], { top: 0, bottom: 0, left: 0, right: 2 })).toEqual([['a', 'b']]);
  });
});

describe('sorting and filtering', () => {
  const records = [line('a', 300, '30201'), line('b', 100, '30101'), line('c', 300, '30102'), line('d', 200, '30101')];
  const access = {
    text: (record: BudgetLine, column: string) => (column === 'deptEconCode' ? `${record.deptEconCode} 名称` : String(record.amount)),
    key: (record: BudgetLine, column: string) => (column === 'amount' ? record.amount : record.deptEconCode),
  };

  it('shows everything in workbook order when nothing is sorted or filtered', () => {
    expect(viewOrder(records, { sort: null, filters: { amount: '  ' } }, access)).toBeNull();
  });

  it('sorts stably in both directions', () => {
    expect(viewOrder(records, { sort: { column: 'amount', direction: 'asc' }, filters: {} }, access)).toEqual([1, 3, 0, 2]);
    expect(viewOrder(records, { sort: { column: 'amount', direction: 'desc' }, filters: {} }, access)).toEqual([0, 2, 3, 1]);
  });

  it('filters by every word of every column filter, then sorts', () => {
    expect(viewOrder(records, { sort: { column: 'amount', direction: 'desc' }, filters: { deptEconCode: '301 名称' } }, access)).toEqual([2, 3, 1]);
    expect(viewOrder(records, { sort: null, filters: { deptEconCode: '3010', amount: '200' } }, access)).toEqual([3]);
  });

  it('cycles a header through ascending, descending and unsorted', () => {
    expect(nextSort(null, 'amount')).toEqual({ column: 'amount', direction: 'asc' });
    expect(nextSort({ column: 'amount', direction: 'asc' }, 'amount')).toEqual({ column: 'amount', direction: 'desc' });
    expect(nextSort({ column: 'amount', direction: 'desc' }, 'amount')).toBeNull();
    expect(nextSort({ column: 'amount', direction: 'desc' }, 'note')).toEqual({ column: 'note', direction: 'asc' });
  });
});

describe('changedBetween: what an edit touched, for incremental checks', () => {
  const base = { ...emptyWorkbook({ code: '036', name: '部门', year: 2025, publishedOn: '' }), units, budgetLines: [line('a', 1), line('b', 2)] };

  it('names exactly the records and parts the edits wrote', () => {
    const { workbook } = applyEdits(base, [
      { op: 'put', collection: 'budgetLines', record: line('b', 5) },
      { op: 'put', collection: 'budgetLines', record: line('c', 3) },
      { op: 'delete', collection: 'budgetLines', id: 'a' },
      { op: 'set', key: 'texts', value: { ...base.texts, duties: '职责' } },
    ]);
    expect(changedBetween(base, workbook)).toEqual([
      { collection: 'texts' },
      { collection: 'budgetLines', id: 'b' },
      { collection: 'budgetLines', id: 'c' },
      { collection: 'budgetLines', id: 'a' },
    ]);
  });

  it('gives up (null) when more changed than re-checking from scratch costs', () => {
    const many = { ...base, budgetLines: Array.from({ length: 20 }, (_, index) => line(`x${index}`, index)) };
    expect(changedBetween(base, many, 10)).toBeNull();
  });
});

describe('applyToList', () => {
  it('replaces, appends and removes records of a nested list', () => {
    const list = [{ id: 'a', v: 1 }, { id: 'b', v: 2 }];
    expect(applyToList(list, [{ id: 'b', v: 3 }, { id: 'c', v: 4 }], ['a'])).toEqual([{ id: 'b', v: 3 }, { id: 'c', v: 4 }]);
  });
});

describe('summaryFigures: what the summary charts show', () => {
  it('groups income by fund source, expenditure by 类 and by nature, and pairs figures with last year', async () => {
    const { summaryFigures } = await import('../../src/core/workbench/summary');
    const workbook = {
      ...emptyWorkbook({ code: '036', name: '部门', year: 2025, publishedOn: '' }),
      units,
      incomeLines: [
        { id: 'i1', unitId: 'u1', fund: 'gen.appropriation', functionCode: null, amount: 500 },
        { id: 'i2', unitId: 'u1', fund: 'gen.special', functionCode: null, amount: 100 },
        { id: 'i3', unitId: 'u2', fund: 'carry.gen', functionCode: null, amount: 50 },
        { id: 'i4', unitId: 'u2', fund: 'unit.business', functionCode: null, amount: 30 },
      ],
      budgetLines: [
        line('a', 300, '30101'),
        line('b', 200, '30201'),
        { ...line('c', 150, '30227'), nature: 'project' as const, projectId: 'p', functionCode: '2080505' },
      ],
      priorYear: { year: 2024, source: 'test', figures: { total: 600, 'income.total': 650 } },
    };
    const figures = summaryFigures(workbook, catalogFor());
    expect(figures.incomeByFund).toEqual([
      { fund: 'gen', amount: 600 },
      { fund: 'unit', amount: 30 },
      { fund: 'carry', amount: 50 },
    ]);
    expect(figures.byFunctionClass).toEqual([
      { code: '210', name: '卫生健康支出', amount: 500 },
      { code: '208', name: '社会保障和就业支出', amount: 150 },
    ]);
    expect(figures.byNature).toEqual([
      { key: 'basic.personnel', amount: 300 },
      { key: 'basic.public', amount: 200 },
      { key: 'project', amount: 150 },
    ]);
    expect(figures.change.find((entry) => entry.key === 'total')).toEqual({ key: 'total', current: 650, prior: 600 });
    expect(figures.change.find((entry) => entry.key === 'basic')).toEqual({ key: 'basic', current: 500, prior: null });
  });
});
