import { useCallback, useMemo } from 'react';
import type { Finding } from '../../core/checks';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/context';
import { useWorkbench } from '../state/workbench-context';
import { marksFor } from './bindings';
import type { CellMark, FocusRequest } from './types';
import type { MarkIndex } from './useEntryGrid';

/**
 * Words findings in the interface language. A budget line's finding names its row as the grid
 * that shows it numbers it: among the department's non-project lines, or among its project's lines.
 */
export function useFindingWording(): (finding: Finding) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const lines = useApp((state) => state.workbook?.budgetLines);
  const rows = useMemo(() => {
    const counters = new Map<string | null, number>();
    const map = new Map<string, number>();
    for (const line of lines ?? []) {
      const row = (counters.get(line.projectId) ?? 0) + 1;
      counters.set(line.projectId, row);
      map.set(line.id, row);
    }
    return map;
  }, [lines]);
  return useCallback(
    (finding: Finding) => {
      if (!i18n.exists(finding.messageKey)) return i18n.t('workbench:checks.unworded', { rule: finding.ruleId });
      const row = finding.location.entity === 'budgetLine' && finding.location.id ? rows.get(finding.location.id) : undefined;
      return i18n.t(finding.messageKey, row === undefined ? finding.params : { ...finding.params, row });
    },
    // The language is a dependency: findings are re-worded when it changes.
    [i18n, rows, language],
  );
}

/** The check findings pointing into one grid, as cell marks worded in the interface language. */
export function useFindingMarks(tableId: string): MarkIndex {
  const findings = useWorkbench((state) => state.checks.findings);
  const word = useFindingWording();
  return useMemo(() => marksFor(findings, tableId, word), [findings, tableId, word]);
}

/** The pending focus request for a grid, if it is the one asked for. */
export function useFocusRequest(tableId: string): FocusRequest | null {
  const focus = useWorkbench((state) => state.focus);
  return useMemo(() => (focus && focus.tableId === tableId ? { rowKey: focus.rowKey, column: focus.column, seq: focus.seq } : null), [focus, tableId]);
}

/** Undo and redo of the workbook, for grids' Ctrl+Z / Ctrl+Y. */
export function useUndoRedo(): { undo(): void; redo(): void } {
  const undo = useApp((state) => state.undo);
  const redo = useApp((state) => state.redo);
  return useMemo(() => ({ undo: () => void undo(), redo: () => void redo() }), [undo, redo]);
}

/** Findings about one record's own fields (a project's goal, the department's annual goal), by field. */
export function useFieldMarks(entity: string, id: string): ReadonlyMap<string, CellMark> {
  const findings = useWorkbench((state) => state.checks.findings);
  const word = useFindingWording();
  return useMemo(() => {
    const marks = new Map<string, CellMark>();
    for (const finding of findings) {
      const { location } = finding;
      if (finding.severity === 'info' || location.entity !== entity || location.id !== id) continue;
      const field = location.field ?? '';
      const message = word(finding);
      const existing = marks.get(field);
      const level = finding.severity === 'error' ? 'error' : 'warning';
      marks.set(field, existing ? { level: existing.level === 'error' ? 'error' : level, message: `${existing.message}\n${message}` } : { level, message });
    }
    return marks;
  }, [findings, entity, id, word]);
}
