import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/checks';
import { emptyWorkbook, type BudgetLine, type Workbook } from '../../src/core/model';
import { clampPos, moveFor, rangeOf } from '../../src/renderer/grid/selection';
import { targetOf } from '../../src/renderer/screens/finding-target';

describe('grid keyboard moves', () => {
  const at = { row: 5, column: 2 };
  it('moves one cell with arrows, to the edges with Ctrl, by pages and to row ends', () => {
    expect(moveFor('ArrowDown', false, at, 100, 8, 20)).toEqual({ row: 6, column: 2 });
    expect(moveFor('ArrowUp', true, at, 100, 8, 20)).toEqual({ row: 0, column: 2 });
    expect(moveFor('ArrowRight', true, at, 100, 8, 20)).toEqual({ row: 5, column: 7 });
    expect(moveFor('PageDown', false, at, 100, 8, 20)).toEqual({ row: 25, column: 2 });
    expect(moveFor('Home', false, at, 100, 8, 20)).toEqual({ row: 5, column: 0 });
    expect(moveFor('End', true, at, 100, 8, 20)).toEqual({ row: 99, column: 7 });
    expect(moveFor('a', false, at, 100, 8, 20)).toBeNull();
  });

  it('keeps the active cell inside the grid and spans a range from its corners', () => {
    expect(clampPos({ row: -3, column: 9 }, 10, 4)).toEqual({ row: 0, column: 3 });
    expect(rangeOf({ row: 7, column: 1 }, { row: 2, column: 4 })).toEqual({ top: 2, bottom: 7, left: 1, right: 4 });
  });
});

describe('where a finding leads', () => {
  const line = (id: string, projectId: string | null): BudgetLine => ({
    id,
    unitId: 'u1',
    functionCode: '2101501',
    deptEconCode: '30101',
    govEconCode: '50101',
    nature: projectId ? 'project' : 'basic',
    projectId,
    fund: 'gen.appropriation',
    amount: 1,
    note: '',
  });
  const workbook: Workbook = {
    ...emptyWorkbook({ code: '036', name: '部门', year: 2025, publishedOn: '' }),
    budgetLines: [line('b1', null), line('p1', 'proj')],
    incomeLines: [{ id: 'i1', unitId: 'u1', fund: 'gen.appropriation', functionCode: null, amount: 2 }],
    projects: [
      {
        id: 'proj',
        code: '',
        name: '项目',
        unitId: 'u1',
        type: 'operation',
        purpose: '',
        spendingPlan: null,
        continuing: false,
        procurement: [],
        performance: { goal: '', indicators: [] },
      },
    ],
  };
  const finding = (location: Finding['location']): Finding => ({ ruleId: 'r', severity: 'error', messageKey: 'checks:x', params: {}, location });

  it('takes a basic line to its cell in the expenditure grid, a project line to its project', () => {
    expect(targetOf(finding({ entity: 'budgetLine', id: 'b1', field: 'govEconCode', tables: [{ tableId: 'budgetLines', rowKey: 'b1', column: 'govEconCode' }] }), workbook)).toEqual({
      section: 'expenditure',
      projectId: null,
      focus: { tableId: 'budgetLines', rowKey: 'b1', column: 'govEconCode' },
    });
    expect(targetOf(finding({ entity: 'budgetLine', id: 'p1', field: 'amount', tables: [{ tableId: 'budgetLines', rowKey: 'p1', column: 'amount' }] }), workbook)).toEqual({
      section: 'projects',
      projectId: 'proj',
      focus: { tableId: 'projectLines', rowKey: 'p1', column: 'amount' },
    });
  });

  it("takes a unit's balance to its first income line, and a project's plan to the project's field", () => {
    expect(targetOf(finding({ entity: 'unit', id: 'u1', field: 'fund', tables: [{ tableId: 'incomeLines' }, { tableId: 'budgetLines' }] }), workbook)?.focus).toEqual({
      tableId: 'incomeLines',
      rowKey: 'i1',
      column: 'amount',
    });
    expect(targetOf(finding({ entity: 'project', id: 'proj', field: 'spendingPlan.december', tables: [{ tableId: 'projects', rowKey: 'proj', column: 'spendingPlan.december' }] }), workbook)).toEqual({
      section: 'projects',
      projectId: 'proj',
      focus: { tableId: 'project', rowKey: 'proj', column: 'spendingPlan.december' },
    });
  });

  it('takes department indicators and texts to their screens', () => {
    expect(targetOf(finding({ entity: 'indicator', id: 'k1', parentId: 'department', field: 'value', tables: [{ tableId: 'departmentIndicators', rowKey: 'k1', column: 'value' }] }), workbook)?.section).toBe(
      'performance',
    );
    expect(targetOf(finding({ entity: 'text', id: 'reasons', field: 'total', tables: [{ tableId: 'texts', rowKey: 'reasons.total' }] }), workbook)?.section).toBe('texts');
  });

  it('takes procurement paid from basic expenditure to the expenditure screen: a group to its row, an item to the items grid', () => {
    expect(
      targetOf(finding({ entity: 'procurement', id: 'g1', field: 'budget', tables: [{ tableId: 'basicProcurement', rowKey: 'g1', column: 'budget' }] }), workbook),
    ).toEqual({ section: 'expenditure', projectId: null, focus: { tableId: 'basicProcurement', rowKey: 'g1', column: 'budget' } });
    expect(
      targetOf(finding({ entity: 'procurement', id: 'it1', parentId: 'g1', field: 'amount', tables: [{ tableId: 'basicProcurement', rowKey: 'it1', column: 'amount' }] }), workbook),
    ).toEqual({ section: 'expenditure', projectId: null, focus: { tableId: 'basicProcurementItems', rowKey: 'it1', column: 'amount' } });
  });
});
