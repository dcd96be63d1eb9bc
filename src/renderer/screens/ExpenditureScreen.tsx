import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { legalGovEconCodes } from '../../core/catalog';
import type { BudgetLine, Nature, Workbook } from '../../core/model';
import { budgetLineCodec, natureDisplay, parseCode, parseUnit, type CellContext } from '../../core/workbench';
import { codeSuggestions, collectionEdits, fundSuggestions, listSuggestions, useCellContext } from '../grid/bindings';
import { Grid } from '../grid/Grid';
import { useFindingMarks, useFocusRequest, useUndoRedo } from '../grid/hooks';
import type { Suggestion } from '../grid/types';
import { useEntryGrid, type EntryColumn } from '../grid/useEntryGrid';
import { useApp } from '../state/context';
import { useWorkbench } from '../state/workbench-context';
import { BASIC_PROCUREMENT_GRIDS, BasicProcurementPanel } from './BasicProcurementPanel';
import { ScreenHeading } from './ScreenHeading';

const NON_PROJECT_NATURES: Nature[] = ['basic', 'operating', 'remitUpward', 'subsidyAffiliates'];
const codec = budgetLineCodec({ natures: NON_PROJECT_NATURES });

type ExpenditureView = 'lines' | 'procurement';

/** The view a focus request (a finding, another screen) needs. */
function viewFor(tableId: string | undefined): ExpenditureView | null {
  if (tableId === 'budgetLines') return 'lines';
  if ((BASIC_PROCUREMENT_GRIDS as readonly (string | undefined)[]).includes(tableId)) return 'procurement';
  return null;
}

/**
 * Basic expenditure (and the other non-project natures): every budget line without a project. The
 * 政府采购 paid from basic expenditure opens from the grid's toolbar, so the lines keep the screen's height.
 */
export function ExpenditureScreen({ workbook }: { workbook: Workbook }) {
  const { t } = useTranslation('workbench');
  const focus = useWorkbench((state) => state.focus);
  const [view, setView] = useState<ExpenditureView>(() => viewFor(focus?.tableId) ?? 'lines');
  useEffect(() => {
    const wanted = viewFor(focus?.tableId);
    if (wanted) setView(wanted);
  }, [focus]);
  const records = useMemo(() => workbook.budgetLines.filter((line) => line.projectId === null), [workbook.budgetLines]);
  const total = useMemo(() => records.reduce((sum, line) => sum + line.amount, 0), [records]);

  if (view === 'procurement') {
    return (
      <main className="screen grid-screen basic-procurement-screen">
        <div className="screen-heading">
          <button type="button" className="link" onClick={() => setView('lines')}>
            {t('basicProcurement.back')}
          </button>
          <h2>{t('basicProcurement.title')}</h2>
          <span className="screen-hint">{t('basicProcurement.screenHint')}</span>
        </div>
        <BasicProcurementPanel workbook={workbook} />
      </main>
    );
  }
  return (
    <main className="screen grid-screen">
      <ScreenHeading title={t('expenditure.title')} total={total} unit={workbook.settings.entryUnit} hint={t('expenditure.hint')} />
      <BasicLines
        workbook={workbook}
        records={records}
        toolbar={
          <button type="button" className="secondary" onClick={() => setView('procurement')}>
            {t('basicProcurement.open', { count: workbook.basicProcurement.length })}
          </button>
        }
      />
    </main>
  );
}

function BasicLines({ workbook, records, toolbar }: { workbook: Workbook; records: BudgetLine[]; toolbar: ReactNode }) {
  const { t } = useTranslation('workbench');
  const ctx = useCellContext(workbook);
  const edit = useApp((state) => state.edit);
  const onlyUnit = workbook.units.length === 1 ? workbook.units[0]?.id : undefined;
  const defaults = useMemo<Partial<BudgetLine>>(
    () => ({ nature: 'basic', projectId: null, fund: 'gen.appropriation', ...(onlyUnit ? { unitId: onlyUnit } : {}) }),
    [onlyUnit],
  );
  const persist = useCallback((puts: BudgetLine[], deletes: string[]) => void edit(collectionEdits('budgetLines', puts, deletes)), [edit]);
  const columns = useBudgetLineColumns(ctx, true);
  const suggest = useBudgetLineSuggestions(ctx, NON_PROJECT_NATURES);
  const model = useEntryGrid({ tableId: 'budgetLines', records, codec, columns, ctx, defaults, persist, marks: useFindingMarks('budgetLines'), suggest });
  const { undo, redo } = useUndoRedo();
  return <Grid id="budgetLines" label={t('expenditure.title')} model={model} onUndo={undo} onRedo={redo} focusRequest={useFocusRequest('budgetLines')} toolbar={toolbar} />;
}

export function useBudgetLineColumns(ctx: CellContext, withNature: boolean): EntryColumn[] {
  const { t } = useTranslation('workbench');
  return useMemo(() => {
    // English names of natures and funds run longer than the Chinese ones.
    const wide = ctx.language === 'en' ? 40 : 0;
    const columns: EntryColumn[] = [
      { id: 'unitId', header: t('column.unit'), width: 140 },
      { id: 'functionCode', header: t('column.functionCode'), width: 200 },
      { id: 'deptEconCode', header: t('column.deptEconCode'), width: 150 },
      { id: 'govEconCode', header: t('column.govEconCode'), width: 150 },
      { id: 'nature', header: t('column.nature'), width: 96 + wide },
      { id: 'fund', header: t('column.fund'), width: 110 + wide },
      { id: 'amount', header: t('column.amount', { unit: t(`moneyUnit.${ctx.entryUnit}`) }), width: 110 },
      { id: 'note', header: t('column.note'), width: 120, multiline: true },
    ];
    return withNature ? columns : columns.filter((column) => column.id !== 'nature');
  }, [t, ctx.entryUnit, ctx.language, withNature]);
}

/** Pickers of a budget-line grid: units, codes (政府经济 narrowed to the legal ones for the row), natures, funds. */
export function useBudgetLineSuggestions(ctx: CellContext, natures: readonly Nature[], defaultUnitId?: string) {
  return useCallback(
    (row: { record: BudgetLine | null; texts: Record<string, string> }, column: string, text: string): Suggestion[] => {
      switch (column) {
        case 'unitId':
          return listSuggestions(
            ctx.units.map((unit) => ({ value: unit.name, label: unit.name, detail: unit.code })),
            text,
          );
        case 'functionCode':
          return codeSuggestions(ctx.catalog, 'function', 3, text);
        case 'deptEconCode':
          return codeSuggestions(ctx.catalog, 'deptEcon', 2, text);
        case 'govEconCode': {
          const unitId = row.texts.unitId !== undefined ? okValue(parseUnit(row.texts.unitId, ctx.units)) : (row.record?.unitId ?? defaultUnitId);
          const kind = ctx.units.find((unit) => unit.id === unitId)?.kind ?? (ctx.units.length === 1 ? ctx.units[0]?.kind : undefined);
          const deptEcon = row.texts.deptEconCode !== undefined ? okValue(parseCode('deptEcon', row.texts.deptEconCode, ctx.catalog)) : row.record?.deptEconCode;
          const legal = kind && deptEcon ? legalGovEconCodes(kind, deptEcon, ctx.catalog) : undefined;
          return codeSuggestions(ctx.catalog, 'govEcon', 2, text, legal);
        }
        case 'nature':
          return listSuggestions(
            natures.map((nature) => ({ value: natureDisplay(nature, ctx.language), label: natureDisplay(nature, ctx.language) })),
            text,
          );
        case 'fund':
          return listSuggestions(fundSuggestions(ctx.language), text);
        default:
          return [];
      }
    },
    [ctx, natures, defaultUnitId],
  );
}

function okValue<V>(result: { ok: true; value: V } | { ok: false }): V | undefined {
  return result.ok ? result.value : undefined;
}
