import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Workbook } from '../../core/model';
import { TEMPLATES, templateForWorkbook } from '../../core/templates';
import type { FieldProblem } from '../forms';
import { errorMessage } from '../i18n';
import { useApp } from '../state/context';
import { useWorkbench } from '../state/workbench-context';
import { EXPORT_KINDS, SAVE_FILTERS, defaultExportNames, defaultTemplate, type ExportKind } from './export-defaults';
import { exportStoreFor, type ExportStore, type ExportStep, type ExportTemplate } from './export-state';
import { printInFrame } from './print-frame';
import { ScreenHeading } from './ScreenHeading';
import { templateChoices, useTemplateList } from './template-list';
import './export.css';

const TEMPLATE_LIST = Object.values(TEMPLATES);

/**
 * Publishing: the template, which outputs (Excel tables, PDF package, open data) and where they go,
 * progress with Cancel for exports that take more than half a second, the files written; and Print.
 * The template is the workbook's (one setting, the same the preview shows): choosing another here makes it
 * the workbook's; one that does not resolve is reported and blocks the export, never swapped for another.
 */
export function ExportScreen({ workbook }: { workbook: Workbook }) {
  const { t } = useTranslation('export');
  const info = useApp((state) => state.info);
  const api = useApp((state) => state.api);
  const workbookPath = useApp((state) => state.summary?.path ?? '');
  const store = exportStoreFor(api);
  const run = useStore(store, (state) => state.run);
  const running = useStore(store, (state) => state.running);
  const printing = useStore(store, (state) => state.print.phase === 'preparing');
  const printPackage = useStore(store, (state) => state.printPackage);

  const chooseTemplate = useApp((state) => state.chooseTemplate);
  const choosing = useApp((state) => state.pending > 0);
  const go = useWorkbench((state) => state.go);
  const { list } = useTemplateList(workbook);
  const choices = templateChoices(workbook, list);
  const suggested = useMemo(() => defaultTemplate(workbook, TEMPLATE_LIST), [workbook]);
  const usable = suggested.reason !== 'unusable';
  const templateId = usable ? (suggested.id ?? '') : '';
  const template: ExportTemplate = {
    id: templateId,
    name: (suggested.reason === 'setting' ? templateForWorkbook(workbook)?.name : undefined) ?? choices.find((choice) => choice.id === templateId)?.name ?? templateId,
  };
  const names = useMemo(() => defaultExportNames(workbook), [workbook]);
  const [chosen, setChosen] = useState<Record<ExportKind, boolean>>({ xlsx: true, pdf: true, openData: false });
  const [typed, setTyped] = useState<Partial<Record<ExportKind, string>>>({});
  const [problems, setProblems] = useState<{ form?: string; paths: Partial<Record<ExportKind, FieldProblem>> }>({ paths: {} });
  const electron = info?.transport === 'electron';
  const pathOf = (kind: ExportKind) => typed[kind] ?? names[kind];

  const check = (): boolean => {
    const paths: Partial<Record<ExportKind, FieldProblem>> = {};
    for (const kind of EXPORT_KINDS) if (chosen[kind] && pathOf(kind).trim() === '') paths[kind] = { key: 'app:validation.required' };
    const form = !usable ? t('template.unusable', { id: suggested.id ?? '' }) : !templateId ? t('validation.noTemplate') : EXPORT_KINDS.some((kind) => chosen[kind]) ? undefined : t('validation.nothingChosen');
    setProblems({ form, paths });
    return !form && Object.keys(paths).length === 0;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    const requests = EXPORT_KINDS.filter((kind) => chosen[kind]).map((kind) => ({ kind, path: pathOf(kind).trim() }));
    void run(workbookPath, requests, template);
  };

  const print = () => {
    if (!usable) return setProblems({ form: t('template.unusable', { id: suggested.id ?? '' }), paths: {} });
    if (!templateId) return setProblems({ form: t('validation.noTemplate'), paths: {} });
    setProblems({ paths: {} });
    void printPackage(workbookPath, template, printInFrame);
  };

  const browse = async (kind: ExportKind) => {
    const { path } = await api
      .call('dialog.saveFile', { suggestedName: names[kind], filters: SAVE_FILTERS[kind] })
      .catch(() => ({ path: null }));
    if (path) setTyped((current) => ({ ...current, [kind]: path }));
  };

  const templateHint =
    suggested.reason === 'setting'
      ? t('template.fromSetting')
      : suggested.reason === 'province'
        ? t('template.fromProvince', { province: TEMPLATES[templateId]?.province ?? '' })
        : suggested.reason === 'none'
          ? t('template.none')
          : undefined;

  return (
    <main className="screen export-screen">
      <ScreenHeading title={t('screen.title')} hint={t('screen.hint')} />
      <form className="card export-form" onSubmit={submit} noValidate aria-label={t('screen.title')}>
        <TemplateSelect
          value={suggested.id ?? ''}
          choices={choices}
          onChange={(id) => void chooseTemplate({ id })}
          hint={templateHint}
          problem={usable ? undefined : t('template.unusable', { id: suggested.id ?? '' })}
          onManage={() => go('templates')}
          onAdopt={suggested.reason === 'province' && suggested.id ? () => void chooseTemplate({ id: templateId }) : undefined}
          disabled={running || choosing}
        />
        <fieldset className="export-outputs" disabled={running}>
          <legend className="visually-hidden">{t('outputs.legend')}</legend>
          <div className="export-outputs-head" aria-hidden="true">
            <span>{t('outputs.legend')}</span>
            <span>{t('outputs.where')}</span>
          </div>
          {EXPORT_KINDS.map((kind) => (
            <OutputRow
              key={kind}
              kind={kind}
              chosen={chosen[kind]}
              onChoose={(on) => setChosen((current) => ({ ...current, [kind]: on }))}
              path={pathOf(kind)}
              onPath={(value) => setTyped((current) => ({ ...current, [kind]: value }))}
              problem={problems.paths[kind]}
              onBrowse={electron ? () => void browse(kind) : undefined}
              disabled={running}
            />
          ))}
        </fieldset>
        {info?.dataDir && <p className="field-hint">{t('output.pathHint', { dir: info.dataDir })}</p>}
        {problems.form && (
          <p className="field-problem" role="alert">
            {problems.form}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={running}>
            {t('actions.export')}
          </button>
          <button type="button" className="secondary" disabled={printing} onClick={print}>
            {t('actions.print')}
          </button>
        </div>
      </form>
      <ExportProgress store={store} workbookPath={workbookPath} />
      <PrintStatus store={store} workbookPath={workbookPath} />
      <ExportResults store={store} workbookPath={workbookPath} />
    </main>
  );
}

/** One output: the checkbox with what it holds, and where it goes (its label is read out, the row shows what it is). */
function OutputRow(props: {
  kind: ExportKind;
  chosen: boolean;
  onChoose(on: boolean): void;
  path: string;
  onPath(path: string): void;
  problem?: FieldProblem;
  onBrowse?: () => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('export');
  const { t: tApp } = useTranslation('app');
  const id = useId();
  const what = t(`output.${props.kind}.label`);
  const pathLabel = t('output.path', { what });
  const off = !props.chosen || props.disabled;
  return (
    <div className={`export-output${props.chosen ? ' chosen' : ''}`} data-kind={props.kind}>
      <label className="export-output-choice">
        <input type="checkbox" checked={props.chosen} disabled={props.disabled} onChange={(event) => props.onChoose(event.target.checked)} />
        <span>
          <span className="export-output-label">{what}</span>
          <span className="export-output-description">{t(`output.${props.kind}.description`)}</span>
        </span>
      </label>
      <div className="export-output-path">
        <label htmlFor={id} className="visually-hidden">
          {pathLabel}
        </label>
        <input
          id={id}
          value={props.path}
          title={pathLabel}
          disabled={off}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={props.problem ? true : undefined}
          aria-describedby={props.problem ? `${id}-problem` : undefined}
          onChange={(event) => props.onPath(event.target.value)}
        />
        {props.onBrowse && (
          <button type="button" className="secondary" disabled={off} onClick={props.onBrowse}>
            {t('output.browse')}
          </button>
        )}
        {props.problem && (
          <p id={`${id}-problem`} className="field-problem" role="alert">
            {tApp(props.problem.key, { field: pathLabel, ...props.problem.params })}
          </p>
        )}
      </div>
    </div>
  );
}

/** The workbook's template; choosing another makes it the workbook's (templates.use). */
function TemplateSelect({
  value,
  choices,
  onChange,
  hint,
  problem,
  onManage,
  onAdopt,
  disabled,
}: {
  value: string;
  choices: readonly { id: string; name: string }[];
  onChange(id: string): void;
  hint?: string;
  problem?: string;
  onManage(): void;
  /** Shown for a suggestion: makes it the workbook's template. */
  onAdopt?: () => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('export');
  const id = useId();
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className="field export-template">
      <label htmlFor={id}>{t('template.label')}</label>
      <div className="export-template-row">
        <select
          id={id}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described || undefined}
        >
          {!value && <option value="">{t('template.choose')}</option>}
          {value && !choices.some((choice) => choice.id === value) && <option value={value}>{value}</option>}
          {choices.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
        {hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
        {onAdopt && (
          <button type="button" className="link" disabled={disabled} onClick={onAdopt}>
            {t('template.adopt')}
          </button>
        )}
        <button type="button" className="link" onClick={onManage}>
          {t('template.manage')}
        </button>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Shown only once a run has taken more than half a second: the step, its stage, the bar, Cancel. */
function ExportProgress({ store, workbookPath }: { store: ExportStore; workbookPath: string }) {
  const { t } = useTranslation('export');
  const state = useStore(store);
  if (!state.running || !state.slow || state.workbookPath !== workbookPath) return null;
  const index = Math.max(
    0,
    state.steps.findIndex((step) => step.state === 'running' || step.state === 'waiting'),
  );
  const step = state.steps[index];
  const overall = (index + (step?.fraction ?? 0)) / Math.max(1, state.steps.length);
  const percent = Math.round(overall * 100);
  return (
    <section className="card export-progress" aria-labelledby="export-progress-title" data-testid="export-progress">
      <div className="export-progress-heading">
        <h3 id="export-progress-title">{t('progress.title')}</h3>
        <span className="export-progress-step">{step && t('progress.step', { index: index + 1, count: state.steps.length, what: t(`kind.${step.kind}`) })}</span>
      </div>
      <div className="export-progress-bar">
        <progress max={100} value={percent} aria-label={t('progress.label')} />
        <span className="export-progress-percent">{t('progress.percent', { percent })}</span>
      </div>
      <p className="export-progress-stage" role="status">
        {step && t(`stage.${step.stage}`)}
      </p>
      <div className="form-actions">
        <button type="button" className="secondary" disabled={state.cancelling} onClick={() => void state.cancel()}>
          {state.cancelling ? t('progress.cancelling') : t('progress.cancel')}
        </button>
      </div>
    </section>
  );
}

function PrintStatus({ store, workbookPath }: { store: ExportStore; workbookPath: string }) {
  const { t, i18n } = useTranslation('export');
  const print = useStore(store, (state) => state.print);
  const owner = useStore(store, (state) => state.workbookPath);
  if (print.phase === 'idle' || owner !== workbookPath) return null;
  const text = print.phase === 'failed' ? t('print.failed', { message: errorMessage(i18n, print.error.code, print.error.params) }) : t(`print.${print.phase}`);
  return (
    <p className={`export-print-status${print.phase === 'failed' ? ' failed' : ''}`} role="status" data-testid="print-status">
      {text}
    </p>
  );
}

/** What each output of the last run came to, with the paths written. */
function ExportResults({ store, workbookPath }: { store: ExportStore; workbookPath: string }) {
  const { t } = useTranslation('export');
  const steps = useStore(store, (state) => state.steps);
  const owner = useStore(store, (state) => state.workbookPath);
  const template = useStore(store, (state) => state.template);
  const finished = steps.filter((step) => step.state === 'done' || step.state === 'failed' || step.state === 'cancelled');
  if (finished.length === 0 || owner !== workbookPath) return null;
  return (
    <section className="card export-results" aria-labelledby="export-results-title">
      <h3 id="export-results-title">{t('result.title')}</h3>
      {template && <p className="muted">{t('result.template', { name: template.name })}</p>}
      <ul>
        {finished.map((step) => (
          <ResultLine key={step.kind} step={step} />
        ))}
      </ul>
    </section>
  );
}

function ResultLine({ step }: { step: ExportStep }) {
  const { t, i18n } = useTranslation('export');
  const result = step.result;
  let text: string;
  let paths: string[] = [];
  if (step.state === 'done' && result?.kind === 'xlsx') {
    text = t('result.xlsx', { sheets: result.sheets.length });
    paths = [result.path];
  } else if (step.state === 'done' && result?.kind === 'pdf') {
    text = t('result.pdf', { pages: result.pages });
    paths = [result.path];
  } else if (step.state === 'done' && result?.kind === 'openData') {
    text = t('result.openData', { count: result.files.length });
    paths = [result.folder];
  } else if (step.state === 'failed' && step.error) {
    text = t('result.failed', { message: errorMessage(i18n, step.error.code, step.error.params) });
  } else {
    text = t('result.cancelled');
  }
  return (
    <li className={`export-result ${step.state}`} data-testid={`export-result-${step.kind}`}>
      <span className="export-result-what">{t(`kind.${step.kind}`)}</span>
      <span className="export-result-text">{text}</span>
      {paths.map((path) => (
        <code key={path} className="export-result-path" title={t('result.location')}>
          {path}
        </code>
      ))}
    </li>
  );
}
