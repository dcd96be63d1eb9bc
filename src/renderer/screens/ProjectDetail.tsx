import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edit } from '../../core/edits';
import { formatMoney } from '../../core/money';
import { formatCalendarDate, parseCalendarDate } from '../../core/tables/paths';
import type { BudgetLine, Indicator, ProcurementItem, Project, ProjectType, Workbook } from '../../core/model';
import { applyToList, budgetLineCodec, indicatorCodec, parsePercent, PROJECT_TYPE_LABELS } from '../../core/workbench';
import { collectionEdits, useCellContext } from '../grid/bindings';
import { EntryGrid } from '../grid/EntryGrid';
import { useFieldMarks } from '../grid/hooks';
import type { Suggestion } from '../grid/types';
import { useApp } from '../state/context';
import { useWorkbench } from '../state/workbench-context';
import { useBudgetLineColumns, useBudgetLineSuggestions } from './ExpenditureScreen';
import { indicatorSuggestions, useIndicatorColumns } from './indicators';
import { LineField, Tabs, TextBlock, useFieldFocus } from './parts';
import { ProcurementItemsGrid } from './ProcurementItems';
import { useProjectTotals } from './ProjectsScreen';

type ProjectTab = 'lines' | 'performance' | 'plan' | 'procurement' | 'basics';
const PROJECT_NATURES = ['project'] as const;
const linesCodec = budgetLineCodec({ natures: PROJECT_NATURES });
const PLAN_MONTHS = ['march', 'june', 'october', 'december'] as const;
/** Facts the province's performance forms print about a project (项目负责人, 联系电话, 计划开始/完成时间). */
const FORM_FACTS = ['manager', 'phone', 'plannedStart', 'plannedEnd'] as const;

/** Which tab shows a field a finding or another screen asks for. */
function tabFor(column: string): ProjectTab {
  if (column.startsWith('spendingPlan')) return 'plan';
  if (column.startsWith('performance')) return 'performance';
  if (['code', 'name', 'unitId', 'type', 'continuing', 'purpose', ...FORM_FACTS].includes(column)) return 'basics';
  return 'lines';
}

/** One project: its lines, performance target, spending plan, procurement and basic facts. */
export function ProjectDetail({ workbook, project }: { workbook: Workbook; project: Project }) {
  const { t } = useTranslation('workbench');
  const edit = useApp((state) => state.edit);
  const go = useWorkbench((state) => state.go);
  const focus = useWorkbench((state) => state.focus);
  const totals = useProjectTotals(workbook)(project.id);
  const marks = useFieldMarks('project', project.id);
  const [tab, setTab] = useState<ProjectTab>(() => {
    if (!focus) return 'lines';
    if (focus.tableId === 'projectIndicators') return 'performance';
    if (focus.tableId === 'procurement') return 'procurement';
    if (focus.tableId === 'project') return tabFor(focus.column);
    return 'lines';
  });
  const root = useRef<HTMLElement>(null);
  useFieldFocus('project', root, useCallback((column: string) => setTab(tabFor(column)), []));
  useFieldFocus('projectIndicators', root, useCallback(() => setTab('performance'), []));
  useFieldFocus('procurement', root, useCallback(() => setTab('procurement'), []));
  useFieldFocus('projectLines', root, useCallback(() => setTab('lines'), []));

  const save = useCallback((changes: Partial<Project>, extra: Edit[] = []) => void edit([{ op: 'put', collection: 'projects', record: { ...project, ...changes } }, ...extra]), [edit, project]);
  const unit = workbook.units.find((candidate) => candidate.id === project.unitId);

  return (
    <main className="screen grid-screen project-detail" ref={root}>
      <div className="screen-heading">
        <button type="button" className="link" onClick={() => go('projects')}>
          {t('project.back')}
        </button>
        <h2>{project.name}</h2>
        <span className="muted">{[project.code, unit?.name, t(`projectType.${project.type}`)].filter(Boolean).join(' · ')}</span>
        <span className="screen-total">
          {t('screenTotal', { amount: formatMoney(totals.amount, workbook.settings.entryUnit), unit: t(`moneyUnit.${workbook.settings.entryUnit}`) })}
        </span>
      </div>
      <Tabs<ProjectTab>
        label={t('project.tabs')}
        current={tab}
        onChange={setTab}
        tabs={[
          { id: 'lines', label: t('project.tab.lines'), count: totals.lines },
          { id: 'performance', label: t('project.tab.performance'), count: project.performance.indicators.length },
          { id: 'plan', label: t('project.tab.plan') },
          { id: 'procurement', label: t('project.tab.procurement'), count: project.procurement.length },
          { id: 'basics', label: t('project.tab.basics') },
        ]}
      />
      {tab === 'lines' && <ProjectLines workbook={workbook} project={project} />}
      {tab === 'performance' && (
        <>
          <TextBlock
            label={t('project.goal')}
            field="performance.goal"
            rows={3}
            value={project.performance.goal}
            mark={marks.get('performance.goal') ?? marks.get('performance') ?? null}
            onCommit={(goal) => save({ performance: { ...project.performance, goal } })}
          />
          {marks.get('performance.indicators') && <p className="field-problem">{marks.get('performance.indicators')?.message}</p>}
          <ProjectIndicators workbook={workbook} project={project} />
        </>
      )}
      {tab === 'plan' && <SpendingPlan project={project} onSave={save} marks={marks} />}
      {tab === 'procurement' && <ProjectProcurement workbook={workbook} project={project} />}
      {tab === 'basics' && <ProjectBasics workbook={workbook} project={project} onSave={save} />}
    </main>
  );
}

function ProjectLines({ workbook, project }: { workbook: Workbook; project: Project }) {
  const { t } = useTranslation('workbench');
  const ctx = useCellContext(workbook);
  const edit = useApp((state) => state.edit);
  const records = useMemo(() => workbook.budgetLines.filter((line) => line.projectId === project.id), [workbook.budgetLines, project.id]);
  const defaults = useMemo<Partial<BudgetLine>>(
    () => ({ nature: 'project', projectId: project.id, unitId: project.unitId, fund: 'gen.appropriation' }),
    [project.id, project.unitId],
  );
  const persist = useCallback((puts: BudgetLine[], deletes: string[]) => void edit(collectionEdits('budgetLines', puts, deletes)), [edit]);
  const all = useBudgetLineColumns(ctx, false);
  const columns = useMemo(() => all.filter((column) => column.id !== 'unitId'), [all]);
  const suggest = useBudgetLineSuggestions(ctx, PROJECT_NATURES, project.unitId);
  return (
    <EntryGrid
      id="projectLines"
      findingsFrom="budgetLines"
      draftKey={`projectLines:${project.id}`}
      label={t('project.tab.lines')}
      records={records}
      codec={linesCodec}
      columns={columns}
      ctx={ctx}
      defaults={defaults}
      persist={persist}
      suggest={suggest}
    />
  );
}

function ProjectIndicators({ workbook, project }: { workbook: Workbook; project: Project }) {
  const { t } = useTranslation('workbench');
  const ctx = useCellContext(workbook);
  const edit = useApp((state) => state.edit);
  const columns = useIndicatorColumns();
  const persist = useCallback(
    (puts: Indicator[], deletes: string[]) =>
      void edit([
        {
          op: 'put',
          collection: 'projects',
          record: { ...project, performance: { ...project.performance, indicators: applyToList(project.performance.indicators, puts, deletes) } },
        },
      ]),
    [edit, project],
  );
  const suggest = useCallback(
    (row: { record: Indicator | null; texts: Record<string, string> }, column: string, text: string): Suggestion[] =>
      indicatorSuggestions(row.texts.level1 ?? row.record?.level1 ?? '', column, text),
    [],
  );
  return (
    <EntryGrid
      id="projectIndicators"
      draftKey={`projectIndicators:${project.id}`}
      label={t('project.indicators')}
      records={project.performance.indicators}
      codec={indicatorCodec}
      columns={columns}
      ctx={ctx}
      defaults={NO_DEFAULTS}
      persist={persist}
      suggest={suggest}
    />
  );
}

const NO_DEFAULTS = {};

function ProjectProcurement({ workbook, project }: { workbook: Workbook; project: Project }) {
  const { t } = useTranslation('workbench');
  const edit = useApp((state) => state.edit);
  const save = useCallback((procurement: ProcurementItem[]) => void edit([{ op: 'put', collection: 'projects', record: { ...project, procurement } }]), [edit, project]);
  return (
    <ProcurementItemsGrid
      id="procurement"
      draftKey={`procurement:${project.id}`}
      label={t('project.tab.procurement')}
      workbook={workbook}
      items={project.procurement}
      onSave={save}
    />
  );
}

function SpendingPlan({ project, onSave, marks }: { project: Project; onSave(changes: Partial<Project>): void; marks: ReadonlyMap<string, { level: 'error' | 'warning' | 'draft' | 'missing'; message: string }> }) {
  const { t } = useTranslation('workbench');
  const plan = project.spendingPlan;
  return (
    <div className="plan-form">
      <p className="muted">{t('project.planHint')}</p>
      <div className="field-row">
        {PLAN_MONTHS.map((month) => (
          <LineField
            key={month}
            className="percent"
            label={t(`project.plan.${month}`)}
            field={`spendingPlan.${month}`}
            inputMode="decimal"
            value={plan ? String(plan[month]) : ''}
            mark={marks.get(`spendingPlan.${month}`) ?? null}
            onCommit={(text) => {
              if (text.trim() === '' && plan === null) return null;
              const parsed = parsePercent(text);
              if (!parsed.ok) return t('cellProblem', { row: 1, field: t(`project.plan.${month}`), message: t(parsed.problem.key, parsed.problem.params) });
              const next = { ...(plan ?? { march: 0, june: 0, october: 0, december: 0 }), [month]: parsed.value };
              onSave({ spendingPlan: next });
              return null;
            }}
          />
        ))}
      </div>
      {(marks.get('spendingPlan') ?? null) && <p className="field-problem">{marks.get('spendingPlan')?.message}</p>}
    </div>
  );
}

function ProjectBasics({ workbook, project, onSave }: { workbook: Workbook; project: Project; onSave(changes: Partial<Project>, extra?: Edit[]): void }) {
  const { t } = useTranslation('workbench');
  const marks = useFieldMarks('project', project.id);
  const changeUnit = (unitId: string) => {
    // The project's lines belong to its unit: they move with it, in the same step.
    const lines = workbook.budgetLines.filter((line) => line.projectId === project.id).map((line) => ({ ...line, unitId }));
    onSave({ unitId }, collectionEdits('budgetLines', lines, []));
  };
  return (
    <div className="project-basics">
      <div className="field-row">
        <LineField label={t('project.code')} field="code" value={project.code} className="wide" onCommit={(code) => (onSave({ code: code.trim() }), null)} />
        <LineField
          label={t('project.name')}
          field="name"
          value={project.name}
          className="wide"
          onCommit={(name) => (name.trim() === '' ? t('problem.required') : (onSave({ name: name.trim() }), null))}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="project-unit">{t('column.unit')}</label>
          <select id="project-unit" data-field="unitId" value={project.unitId} onChange={(event) => changeUnit(event.target.value)}>
            {workbook.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.code} {unit.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="project-type">{t('project.type')}</label>
          <select id="project-type" data-field="type" value={project.type} onChange={(event) => onSave({ type: event.target.value as ProjectType })}>
            {(Object.keys(PROJECT_TYPE_LABELS) as ProjectType[]).map((type) => (
              <option key={type} value={type}>
                {t(`projectType.${type}`)}
              </option>
            ))}
          </select>
          {marks.get('type') && <p className="field-problem">{marks.get('type')?.message}</p>}
        </div>
        <label className="checkbox-field">
          <input type="checkbox" data-field="continuing" checked={project.continuing} onChange={(event) => onSave({ continuing: event.target.checked })} />
          {t('project.continuingLong')}
        </label>
      </div>
      <TextBlock label={t('project.purpose')} field="purpose" value={project.purpose} rows={5} mark={marks.get('purpose') ?? null} onCommit={(purpose) => onSave({ purpose })} />
      <FormFacts project={project} onSave={onSave} marks={marks} />
    </div>
  );
}

/** 项目负责人, 联系电话 and the planned start and completion: what the performance forms print beside the budget. */
function FormFacts({ project, onSave, marks }: { project: Project; onSave(changes: Partial<Project>): void; marks: ReturnType<typeof useFieldMarks> }) {
  const { t } = useTranslation('workbench');
  // An empty fact is absent, as in the interchange file.
  const text = (key: 'manager' | 'phone') => (value: string) => (onSave({ [key]: value.trim() || undefined }), null);
  const date = (key: 'plannedStart' | 'plannedEnd') => (value: string) => {
    const parsed = parseCalendarDate(value);
    if (parsed === null) return t('project.badDate', { value: value.trim() });
    const start = key === 'plannedStart' ? parsed : project.plannedStart;
    const end = key === 'plannedEnd' ? parsed : project.plannedEnd;
    if (start && end && end < start) return t('project.endBeforeStart');
    onSave({ [key]: parsed || undefined });
    return null;
  };
  return (
    <section className="screen-section" aria-labelledby="project-form-facts">
      <div className="screen-section-heading">
        <h3 id="project-form-facts">{t('project.formFacts')}</h3>
      </div>
      <div className="field-row">
        <LineField label={t('project.manager')} field="manager" value={project.manager ?? ''} mark={marks.get('manager') ?? null} onCommit={text('manager')} />
        <LineField label={t('project.phone')} field="phone" value={project.phone ?? ''} inputMode="text" mark={marks.get('phone') ?? null} onCommit={text('phone')} />
      </div>
      <div className="field-row">
        <LineField label={t('project.plannedStart')} field="plannedStart" value={formatCalendarDate(project.plannedStart ?? '')} mark={marks.get('plannedStart') ?? null} onCommit={date('plannedStart')} />
        <LineField label={t('project.plannedEnd')} field="plannedEnd" value={formatCalendarDate(project.plannedEnd ?? '')} mark={marks.get('plannedEnd') ?? null} onCommit={date('plannedEnd')} />
      </div>
      <p className="muted">{t('project.dateHint')}</p>
    </section>
  );
}

