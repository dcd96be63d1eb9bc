import { describe, expect, it } from 'vitest';
import type { RowDraft } from '../../src/core/workbench';
import { createWorkbenchStore } from '../../src/renderer/state/workbench-store';

const draft = (text: string): RowDraft => ({ texts: { functionCode: text }, problems: {}, missing: ['amount'] });

describe('dropping and restoring drafts (undo of a deleted draft row)', () => {
  it('puts each dropped row back where it stood among the new rows, with its draft', () => {
    const store = createWorkbenchStore();
    store.setState({ drafts: { lines: { rows: { '+1': draft('a'), '+2': draft('b'), '+3': draft('c'), rec: draft('d') }, newRows: ['+1', '+2', '+3'] } } });
    const before = store.getState().drafts.lines;
    const dropped = store.getState().dropDrafts('lines', ['+1', '+3', 'rec']);
    expect(store.getState().drafts.lines).toEqual({ rows: { '+2': draft('b') }, newRows: ['+2'] });
    expect(dropped.newRowPositions).toEqual([
      ['+1', 0],
      ['+3', 2],
    ]);
    store.getState().restoreDrafts('lines', dropped);
    expect(store.getState().drafts.lines).toEqual(before);
  });

  it('drops nothing from a grid without drafts', () => {
    const store = createWorkbenchStore();
    expect(store.getState().dropDrafts('none', ['+1'])).toEqual({ rows: {}, newRowPositions: [] });
  });
});
