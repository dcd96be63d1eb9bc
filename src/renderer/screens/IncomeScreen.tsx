import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncomeLine, Workbook } from '../../core/model';
import { incomeLineCodec } from '../../core/workbench';
import { codeSuggestions, collectionEdits, fundSuggestions, listSuggestions, useCellContext } from '../grid/bindings';
import { Grid } from '../grid/Grid';
import { useFindingMarks, useFocusRequest, useUndoRedo } from '../grid/hooks';
import type { Suggestion } from '../grid/types';
import { useEntryGrid, type EntryColumn } from '../grid/useEntryGrid';
import { useApp } from '../state/context';
import { ScreenHeading } from './ScreenHeading';

/** Income by unit and fund source (and 功能 code where the province's income table asks for it). */
export function IncomeScreen({ workbook }: { workbook: Workbook }) {
  const { t } = useTranslation('workbench');
  const ctx = useCellContext(workbook);
  const edit = useApp((state) => state.edit);
  const onlyUnit = workbook.units.length === 1 ? workbook.units[0]?.id : undefined;
  const defaults = useMemo<Partial<IncomeLine>>(() => (onlyUnit ? { unitId: onlyUnit } : {}), [onlyUnit]);
  const persist = useCallback((puts: IncomeLine[], deletes: string[]) => void edit(collectionEdits('incomeLines', puts, deletes)), [edit]);
  const columns = useMemo<EntryColumn[]>(
    () => [
      { id: 'unitId', header: t('column.unit'), width: 240 },
      { id: 'fund', header: t('column.fund'), width: 260 },
      { id: 'functionCode', header: t('column.incomeFunctionCode'), width: 260 },
      { id: 'amount', header: t('column.amount', { unit: t(`moneyUnit.${ctx.entryUnit}`) }), width: 160 },
    ],
    [t, ctx.entryUnit],
  );
  const suggest = useCallback(
    (_row: unknown, column: string, text: string): Suggestion[] => {
      if (column === 'unitId') return listSuggestions(ctx.units.map((unit) => ({ value: unit.name, label: unit.name, detail: unit.code })), text);
      if (column === 'fund') return listSuggestions(fundSuggestions(ctx.language), text);
      if (column === 'functionCode') {
        const digits = /\d+/.exec(text)?.[0] ?? '';
        return codeSuggestions(ctx.catalog, 'function', digits.length <= 3 && digits.length > 0 ? 1 : digits.length === 5 ? 2 : 3, text);
      }
      return [];
    },
    [ctx],
  );
  const model = useEntryGrid({
    tableId: 'incomeLines',
    records: workbook.incomeLines,
    codec: incomeLineCodec,
    columns,
    ctx,
    defaults,
    persist,
    marks: useFindingMarks('incomeLines'),
    suggest,
  });
  const { undo, redo } = useUndoRedo();
  const total = useMemo(() => workbook.incomeLines.reduce((sum, line) => sum + line.amount, 0), [workbook.incomeLines]);

  return (
    <main className="screen grid-screen">
      <ScreenHeading title={t('income.title')} total={total} unit={workbook.settings.entryUnit} hint={t('income.hint')} />
      <Grid id="incomeLines" label={t('income.title')} model={model} onUndo={undo} onRedo={redo} focusRequest={useFocusRequest('incomeLines')} />
    </main>
  );
}
