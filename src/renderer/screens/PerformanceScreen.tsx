import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../core/money';
import type { DepartmentPerformance, Indicator, Workbook } from '../../core/model';
import { applyToList, indicatorCodec, taskCodec, type Task } from '../../core/workbench';
import { useCellContext } from '../grid/bindings';
import { EntryGrid } from '../grid/EntryGrid';
import { useFieldMarks } from '../grid/hooks';
import type { Suggestion } from '../grid/types';
import type { EntryColumn } from '../grid/useEntryGrid';
import { useApp } from '../state/context';
import { indicatorSuggestions, useIndicatorColumns } from './indicators';
import { ScreenHeading } from './ScreenHeading';
import { Tabs, TextBlock, useFieldFocus } from './parts';

type PerformanceTab = 'goal' | 'tasks' | 'indicators';
const NO_DEFAULTS = {};

/** The department-wide performance target (部门整体绩效目标): annual goal, main tasks, indicators. */
export function PerformanceScreen({ workbook }: { workbook: Workbook }) {
  const { t } = useTranslation('workbench');
  const ctx = useCellContext(workbook);
  const edit = useApp((state) => state.edit);
  const performance = workbook.departmentPerformance;
  const marks = useFieldMarks('department', 'department');
  const [tab, setTab] = useState<PerformanceTab>('goal');
  const root = useRef<HTMLElement>(null);
  useFieldFocus('performance', root, useCallback((column: string) => setTab(column.includes('indicators') ? 'indicators' : 'goal'), []));
  useFieldFocus('departmentIndicators', root, useCallback(() => setTab('indicators'), []));

  const save = useCallback((value: DepartmentPerformance) => void edit([{ op: 'set', key: 'departmentPerformance', value }]), [edit]);
  const persistTasks = useCallback((puts: Task[], deletes: string[]) => save({ ...performance, tasks: applyToList(performance.tasks, puts, deletes) }), [save, performance]);
  const persistIndicators = useCallback(
    (puts: Indicator[], deletes: string[]) => save({ ...performance, indicators: applyToList(performance.indicators, puts, deletes) }),
    [save, performance],
  );
  const unitName = t(`moneyUnit.${ctx.entryUnit}`);
  const taskColumns = useMemo<EntryColumn[]>(
    () => [
      { id: 'name', header: t('task.name'), width: 240 },
      { id: 'content', header: t('task.content'), width: 520, multiline: true },
      { id: 'amount', header: t('column.amount', { unit: unitName }), width: 140 },
    ],
    [t, unitName],
  );
  const indicatorColumns = useIndicatorColumns();
  const suggest = useCallback(
    (row: { record: Indicator | null; texts: Record<string, string> }, column: string, text: string): Suggestion[] =>
      indicatorSuggestions(row.texts.level1 ?? row.record?.level1 ?? '', column, text),
    [],
  );
  const taskTotal = performance.tasks.reduce((sum, task) => sum + task.amount, 0);

  return (
    <main className="screen grid-screen" ref={root}>
      <ScreenHeading title={t('performance.title')} hint={t('performance.hint')} />
      <Tabs<PerformanceTab>
        label={t('performance.title')}
        current={tab}
        onChange={setTab}
        tabs={[
          { id: 'goal', label: t('performance.tab.goal') },
          { id: 'tasks', label: t('performance.tab.tasks'), count: performance.tasks.length },
          { id: 'indicators', label: t('performance.tab.indicators'), count: performance.indicators.length },
        ]}
      />
      {tab === 'goal' && (
        <TextBlock
          label={t('performance.annualGoal')}
          field="departmentPerformance.annualGoal"
          rows={10}
          value={performance.annualGoal}
          mark={marks.get('departmentPerformance.annualGoal') ?? null}
          onCommit={(annualGoal) => save({ ...performance, annualGoal })}
        />
      )}
      {tab === 'tasks' && (
        <>
          <p className="muted">{t('performance.taskTotal', { amount: formatMoney(taskTotal, ctx.entryUnit), unit: unitName })}</p>
          <EntryGrid id="departmentTasks" label={t('performance.tab.tasks')} records={performance.tasks} codec={taskCodec} columns={taskColumns} ctx={ctx} defaults={NO_DEFAULTS} persist={persistTasks} />
        </>
      )}
      {tab === 'indicators' && (
        <>
          {marks.get('departmentPerformance.indicators') && <p className="field-problem">{marks.get('departmentPerformance.indicators')?.message}</p>}
          <EntryGrid
            id="departmentIndicators"
            label={t('performance.tab.indicators')}
            records={performance.indicators}
            codec={indicatorCodec}
            columns={indicatorColumns}
            ctx={ctx}
            defaults={NO_DEFAULTS}
            persist={persistIndicators}
            suggest={suggest}
          />
        </>
      )}
    </main>
  );
}
