import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/checks';
import { standingBeforePublishing } from '../../src/renderer/screens/export-standing';
import { loadSeedWorkbook } from '../support/seeds';

const finding = (severity: Finding['severity']): Finding => ({ severity }) as Finding;

describe('what stands before publishing', () => {
  const workbook = loadSeedWorkbook('henan-2024');

  it('counts errors and warnings apart from notes, rows with unsaved input in every grid, and a missing date', () => {
    const drafts = {
      budgetLines: { rows: { '+1': { texts: { amount: '6.5万' }, problems: {}, missing: [] }, l7: { texts: { functionCode: '21O1' }, problems: {}, missing: [] } }, newRows: ['+1'] },
      incomeLines: { rows: { '+2': { texts: { fund: '?' }, problems: {}, missing: [] } }, newRows: ['+2'] },
    };
    const undated = { ...workbook, department: { ...workbook.department, publishedOn: ' ' } };
    expect(standingBeforePublishing([finding('error'), finding('warning'), finding('warning'), finding('info')], drafts, undated)).toEqual({
      errors: 1,
      warnings: 2,
      unsaved: 3,
      missingDate: true,
    });
  });

  it('has nothing standing for a clean, dated workbook', () => {
    expect(standingBeforePublishing([finding('info')], {}, workbook)).toEqual({ errors: 0, warnings: 0, unsaved: 0, missingDate: false });
  });
});
