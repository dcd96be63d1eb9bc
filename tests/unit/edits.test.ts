import { describe, expect, it } from 'vitest';
import { applyEdits, EditError, type Edit } from '../../src/core/edits';
import { emptyWorkbook, type Unit } from '../../src/core/model';

const unit = (id: string, name = id): Unit => ({
  id,
  code: id,
  name,
  kind: 'admin',
  authorizedStaff: 1,
  actualStaff: 1,
  retiredStaff: 0,
});

describe('applyEdits', () => {
  const base = emptyWorkbook({ code: '036', name: '医疗保障局', year: 2025, publishedOn: '' });

  it('applies puts, deletes and sets, and its inverse restores the workbook exactly', () => {
    const first = applyEdits(base, [
      { op: 'put', collection: 'units', record: unit('a') },
      { op: 'put', collection: 'units', record: unit('b') },
      { op: 'put', collection: 'units', record: unit('c') },
    ]).workbook;
    const edits: Edit[] = [
      { op: 'delete', collection: 'units', id: 'b' },
      { op: 'put', collection: 'units', record: unit('a', 'renamed') },
      { op: 'set', key: 'texts', value: { ...base.texts, duties: '职责' } },
    ];
    const { workbook, inverse } = applyEdits(first, edits);
    expect(workbook.units.map((u) => u.name)).toEqual(['renamed', 'c']);
    expect(workbook.texts.duties).toBe('职责');
    expect(first.units.map((u) => u.name)).toEqual(['a', 'b', 'c']);
    expect(applyEdits(workbook, inverse).workbook).toEqual(first);
  });

  it('refuses to delete a record that does not exist', () => {
    expect(() => applyEdits(base, [{ op: 'delete', collection: 'units', id: 'x' }])).toThrow(EditError);
  });
});
