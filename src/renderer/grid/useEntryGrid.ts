import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fieldOf,
  nextSort,
  NO_VIEW,
  planCommit,
  viewOrder,
  type CellContext,
  type CellProblem,
  type CellWrite,
  type FieldCodec,
  type RowChange,
  type RowCodec,
  type RowDraft,
  type ViewSpec,
} from '../../core/workbench';
import { newId } from '../forms';
import { useApp } from '../state/context';
import { useWorkbench } from '../state/workbench-context';
import { EMPTY_DRAFTS } from '../state/workbench-store';
import type { CellMark, GridColumn, GridModel, Suggestion } from './types';

export interface EntryColumn {
  id: string;
  header: string;
  width: number;
  multiline?: boolean;
}

/** Marks from check findings: row key → column → mark; a row's own marks under the key "" column. */
export type MarkIndex = ReadonlyMap<string, ReadonlyMap<string, CellMark>>;

export interface EntryGridConfig<R extends { id: string }> {
  /** Names the grid ("budgetLines"). */
  tableId: string;
  /** Where its drafts are kept (default: tableId); grids of one kind per project need one place each. */
  draftKey?: string;
  records: readonly R[];
  codec: RowCodec<R>;
  columns: readonly EntryColumn[];
  ctx: CellContext;
  /** Values every new row starts with (the nature, the project, the only unit …). */
  defaults: Partial<R>;
  /** Saves records and deletes ids as one user action. */
  persist(puts: R[], deletes: string[]): void;
  marks?: MarkIndex;
  /** Choices for a cell being typed: the row's record (or new-row values) and the text so far. */
  suggest?(row: { record: R | null; texts: Record<string, string> }, column: string, text: string): Suggestion[];
}

const BLANK_KEY = '+new';

/** Room for a header's text at the grid's 13px: CJK characters are about twice as wide as Latin ones. */
function headerWidth(header: string): number {
  let width = 0;
  for (const char of header) width += char.charCodeAt(0) > 0x2e80 ? 13.5 : 7.4;
  return Math.ceil(width + 30);
}

/** A cell shows one line; more lines are hinted with an ellipsis and shown in the editor. */
function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : `${text.slice(0, end)} …`;
}
let newRowCounter = 0;

/**
 * Binds a list of records to the Grid: the visible order (sort, filter), drafts of text that could
 * not be saved, and commits that turn typed or pasted text into one `workbook.edit`.
 */
export function useEntryGrid<R extends { id: string }>(config: EntryGridConfig<R>): GridModel {
  const { t } = useTranslation('workbench');
  const { records, codec, ctx, defaults, persist, marks, suggest } = config;
  const tableId = config.draftKey ?? config.tableId;
  const drafts = useWorkbench((state) => state.drafts[tableId]) ?? EMPTY_DRAFTS;
  const applyDrafts = useWorkbench((state) => state.applyDrafts);
  const dropDrafts = useWorkbench((state) => state.dropDrafts);
  const restoreDrafts = useWorkbench((state) => state.restoreDrafts);
  const recordLocal = useApp((state) => state.recordLocal);
  const [view, setView] = useState<ViewSpec>(NO_VIEW);
  // Filtering 50,000 rows must not hold up the filter box: the order follows a moment later.
  const shownView = useDeferredValue(view);

  const columnsKey = config.columns.map((column) => `${column.id}:${column.header}:${column.width}`).join('|');
  const gridColumns = useMemo<GridColumn[]>(
    () =>
      config.columns.map((column) => {
        const codecField = fieldOf(codec, column.id);
        return {
          id: column.id,
          header: column.header,
          width: Math.max(column.width, headerWidth(column.header)),
          align: codecField?.align ?? 'start',
          readOnly: codecField?.readOnly ?? false,
          multiline: column.multiline ?? false,
        };
      }),
    [columnsKey, codec],
  );
  const fields = useMemo(() => gridColumns.map((column) => fieldOf(codec, column.id) as FieldCodec<R>), [gridColumns, codec]);

  const order = useMemo(
    () =>
      viewOrder(records, shownView, {
        text: (record, column) => fieldOf(codec, column)?.display(record, ctx) ?? '',
        key: (record, column) => {
          const codecField = fieldOf(codec, column);
          return codecField?.sortKey?.(record, ctx) ?? codecField?.display(record, ctx) ?? '';
        },
      }),
    [records, shownView, codec, ctx],
  );
  const visibleCount = order ? order.length : records.length;
  const newRows = drafts.newRows;
  const rowCount = visibleCount + newRows.length + 1;

  const positions = useRef<{ records: readonly R[]; order: number[] | null; map: Map<string, number> } | null>(null);

  const recordAt = useCallback(
    (row: number): R | null => (row < visibleCount ? ((order ? records[order[row] as number] : records[row]) ?? null) : null),
    [visibleCount, order, records],
  );

  const rowKey = useCallback(
    (row: number): string => recordAt(row)?.id ?? newRows[row - visibleCount] ?? BLANK_KEY,
    [recordAt, newRows, visibleCount],
  );

  const draftText = useCallback(
    (row: number, column: number): string | undefined => {
      const id = gridColumns[column]?.id;
      if (id === undefined) return undefined;
      return drafts.rows[rowKey(row)]?.texts[id];
    },
    [gridColumns, drafts, rowKey],
  );

  const problemMessage = useCallback(
    (row: number, column: number, problem: CellProblem) =>
      t('cellProblem', { row: row + 1, field: gridColumns[column]?.header ?? '', message: t(problem.key, problem.params) }),
    [t, gridColumns],
  );

  const model = useMemo<GridModel>(() => {
    const cellMark = (row: number, column: number): CellMark | null => {
      const key = rowKey(row);
      const id = gridColumns[column]?.id ?? '';
      const draft: RowDraft | undefined = drafts.rows[key];
      const problem = draft?.problems[id];
      if (problem) return { level: 'draft', message: problemMessage(row, column, problem) };
      if (draft?.missing.includes(id)) return { level: 'missing', message: problemMessage(row, column, { key: 'workbench:problem.required', params: {} }) };
      return marks?.get(key)?.get(id) ?? null;
    };
    return {
      columns: gridColumns,
      rowCount,
      rowKey,
      rowKind: (row) => (row < visibleCount ? 'record' : row < visibleCount + newRows.length ? 'draft' : 'blank'),
      indexOfKey: (key) => {
        if (positions.current?.records !== records || positions.current.order !== order) {
          const map = new Map<string, number>();
          if (order) order.forEach((index, position) => map.set((records[index] as R).id, position));
          else records.forEach((record, position) => map.set(record.id, position));
          positions.current = { records, order, map };
        }
        const found = positions.current.map.get(key);
        if (found !== undefined) return found;
        const draftIndex = newRows.indexOf(key);
        return draftIndex === -1 ? -1 : visibleCount + draftIndex;
      },
      cellText: (row, column) => {
        const draft = draftText(row, column);
        const record = recordAt(row);
        return firstLine(draft ?? (record ? (fields[column]?.display(record, ctx) ?? '') : ''));
      },
      editText: (row, column) => {
        const draft = draftText(row, column);
        if (draft !== undefined) return draft;
        const record = recordAt(row);
        return record ? (fields[column]?.text(record, ctx) ?? '') : '';
      },
      cellMark,
      rowMark: (row) => {
        const key = rowKey(row);
        const own = marks?.get(key)?.get('');
        if (own) return own;
        const draft = drafts.rows[key];
        if (!draft) return null;
        const problems = Object.keys(draft.problems).length;
        if (problems > 0) return { level: 'draft', message: t('rowDraft', { row: row + 1, count: problems }) };
        return draft.missing.length > 0 ? { level: 'missing', message: t('rowMissing', { row: row + 1, count: draft.missing.length }) } : null;
      },
      commit: (writes: CellWrite[]) => {
        const byRow = new Map<number, Record<string, string>>();
        for (const write of writes) {
          const id = gridColumns[write.column]?.id;
          if (id === undefined) continue;
          const texts = byRow.get(write.row) ?? {};
          texts[id] = write.text;
          byRow.set(write.row, texts);
        }
        const firstNew = visibleCount + newRows.length;
        const newKeys: string[] = [];
        const changes: RowChange[] = [...byRow.entries()]
          .sort(([a], [b]) => a - b)
          .map(([row, texts]) => {
            if (row < firstNew) return { key: rowKey(row), record: recordAt(row), texts };
            newRowCounter += 1;
            const key = `+${newRowCounter}`;
            newKeys.push(key);
            return { key, record: null, texts };
          });
        const draftMap = new Map(Object.entries(drafts.rows));
        const plan = planCommit(codec, ctx, changes, draftMap, defaults, newId);
        applyDrafts(tableId, plan, newKeys);
        if (plan.puts.length > 0) persist(plan.puts, []);
        const rows = [...byRow.keys()].sort((a, b) => a - b);
        return new Map(rows.map((row, index) => {
          const key = changes[index]?.key ?? rowKey(row);
          return [row, plan.created.get(key) ?? key];
        }));
      },
      deleteRows: (rows) => {
        const ids: string[] = [];
        const draftKeys: string[] = [];
        for (const row of rows) {
          const key = rowKey(row);
          if (drafts.rows[key]) draftKeys.push(key);
          if (row < visibleCount) ids.push(key);
        }
        if (draftKeys.length > 0) {
          const dropped = dropDrafts(tableId, draftKeys);
          // Drafts are not in the file's undo log: this window's history undoes their deletion (with the lines', if any).
          recordLocal({ undo: () => restoreDrafts(tableId, dropped), redo: () => dropDrafts(tableId, draftKeys) }, ids.length > 0);
        }
        if (ids.length > 0) persist([], ids);
      },
      suggest: suggest
        ? (row, column, text) => {
            const key = rowKey(row);
            return suggest({ record: recordAt(row), texts: drafts.rows[key]?.texts ?? {} }, gridColumns[column]?.id ?? '', text);
          }
        : undefined,
      sort: view.sort,
      filters: view.filters,
      onSort: (column) => setView((current) => ({ ...current, sort: nextSort(current.sort, column) })),
      onFilter: (column, text) => setView((current) => ({ ...current, filters: { ...current.filters, [column]: text } })),
    };
  }, [
    gridColumns,
    rowCount,
    rowKey,
    visibleCount,
    newRows,
    records,
    order,
    draftText,
    recordAt,
    fields,
    ctx,
    drafts,
    marks,
    problemMessage,
    t,
    codec,
    defaults,
    applyDrafts,
    dropDrafts,
    restoreDrafts,
    recordLocal,
    tableId,
    persist,
    suggest,
    view,
  ]);

  return model;
}
