import type { ReactNode } from 'react';
import { Grid } from './Grid';
import { useFindingMarks, useFocusRequest, useUndoRedo } from './hooks';
import { useEntryGrid, type EntryGridConfig } from './useEntryGrid';
import { useWorkbench } from '../state/workbench-context';

export type EntryGridProps<R extends { id: string }> = Omit<EntryGridConfig<R>, 'tableId' | 'marks' | 'draftKey'> & {
  /** The grid's id: focus requests and (unless `findingsFrom` says otherwise) findings name it. */
  id: string;
  label: string;
  /** The finding table whose marks the grid shows, when it differs from `id` (project lines show "budgetLines"). */
  findingsFrom?: string;
  /** Where drafts are kept: grids of one kind per project need one place each. */
  draftKey?: string;
  toolbar?: ReactNode;
  onActiveRowChange?(rowKey: string): void;
};

/** A Grid over records with drafts, check marks, focus requests and workbook undo wired in. */
export function EntryGrid<R extends { id: string }>({ id, label, findingsFrom, draftKey, toolbar, onActiveRowChange, ...config }: EntryGridProps<R>) {
  const marks = useFindingMarks(findingsFrom ?? id);
  const model = useEntryGrid<R>({ ...config, tableId: id, draftKey: draftKey ?? id, marks });
  const { undo, redo } = useUndoRedo();
  const focusDone = useWorkbench((state) => state.focusDone);
  return (
    <Grid
      id={id}
      label={label}
      model={model}
      onUndo={undo}
      onRedo={redo}
      focusRequest={useFocusRequest(id)}
      toolbar={toolbar}
      onActiveRowChange={onActiveRowChange}
      onFocusDone={focusDone}
    />
  );
}
