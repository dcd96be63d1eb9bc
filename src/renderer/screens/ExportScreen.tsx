import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Workbook } from '../../core/model';
import { TEMPLATES, templateForWorkbook } from '../../core/templates';
import type { FieldProblem } from '../forms';
import { ConfirmDialog } from '../grid/ConfirmDialog';
import { errorMessage } from '../i18n';
import { useApp } from '../state/context';
import { useWorkbench } from '../state/workbench-context';
import { EXPORT_KINDS, SAVE_FILTERS, defaultExportNames, defaultTemplate, type ExportKind } from './export-defaults';
import { exportStoreFor, type ExportStore, type ExportStep, type ExportTemplate } from './export-state';
import { standingBeforePublishing, type Standing } from './export-standing';
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
 * Before anything leaves the desk the screen shows what stands (errors, warnings, unsaved input, a missing date)
 * and asks before exporting or printing over it; a file already there is replaced only when the clerk says so.
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
  const findings = useWorkbench((state) => state.checks.findings);
  const drafts = useWorkbench((state) => state.drafts);
  const openChecks = useWorkbench((state) => state.toggleCheckPanel);
  const standing = useMemo(() => standingBeforePublishing(findings, drafts, workbook), [findings, drafts, workbook]);
  const standingLines = standingText(standing, t);
  const [asking, setAsking] = useState<
    { about: 'standing'; action: 'export' | 'print' } | { about: 'replace'; existing: string[]; requests: { kind: ExportKind; path: string }[] } | null
  >(null);

  const check = (): boolean => {
    const paths: Partial<Record<ExportKind, FieldProblem>> = {};
    for (const kind of EXPORT_KINDS) if (chosen[kind] && pathOf(kind).trim() === '') paths[kind] = { key: 'app:validation.required' };
    const form = !usable ? t('template.unusable', { id: suggested.id ?? '' }) : !templateId ? t('validation.noTemplate') : EXPORT_KINDS.some((kind) => chosen[kind]) ? undefined : t('validation.nothingChosen');
    setProblems({ form, paths });
    return !form && Object.keys(paths).length === 0;
  };

  /** Exports, after asking to replace any file already there. */
  const startExport = async () => {
    const requests = EXPORT_KINDS.filter((kind) => chosen[kind]).map((kind) => ({ kind, path: pathOf(kind).trim() }));
    // Should the question fail, the service still refuses to replace (export:exists) and each output says so.
    const { existing } = await api.call('export.existing', { outputs: requests }).catch(() => ({ existing: [] }));
    if (existing.length > 0) setAsking({ about: 'replace', existing: existing.map((output) => output.path), requests });
    else void run(workbookPath, requests, template, false);
  };

  const startPrint = () => void printPackage(workbookPath, template, printInFrame);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check()) return;
    if (standingLines.length > 0) setAsking({ about: 'standing', action: 'export' });
    else void startExport();
  };

  const print = () => {
    if (!usable) return setProblems({ form: t('template.unusable', { id: suggested.id ?? '' }), paths: {} });
    if (!templateId) return setProblems({ form: t('validation.noTemplate'), paths: {} });
    setProblems({ paths: {} });
    if (standingLines.length > 0) setAsking({ about: 'standing', action: 'print' });
    else startPrint();
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
        <StandingSummary lines={standingLines} onOpenChecks={() => openChecks(true)} />
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
      {asking?.about === 'standing' && (
        <ConfirmDialog
          title={t('ask.title')}
          message={t('ask.message')}
          details={standingLines}
          confirmLabel={t(asking.action === 'export' ? 'ask.export' : 'ask.print')}
          cancelLabel={t('ask.back')}
          onConfirm={() => {
            setAsking(null);
            if (asking.action === 'export') void startExport();
            else startPrint();
          }}
          onCancel={() => {
            setAsking(null);
            openChecks(true);
          }}
        />
      )}
      {asking?.about === 'replace' && (
        <ConfirmDialog
          title={t('replace.title')}
          message={t('replace.message', { count: asking.existing.length })}
          details={asking.existing}
          confirmLabel={t('replace.confirm')}
          cancelLabel={t('replace.cancel')}
          onConfirm={() => {
            setAsking(null);
            void run(workbookPath, asking.requests, template, true);
          }}
          onCancel={() => setAsking(null)}
        />
      )}
      <ExportProgress store={store} workbookPath={workbookPath} />
      <PrintStatus store={store} workbookPath={workbookPath} />
      <ExportResults store={store} workbookPath={workbookPath} />
    </main>
  );
}

/** What stands before publishing, one line each, in the clerk's language. */
function standingText(standing: Standing, t: (key: string, options?: Record<string, unknown>) => string): string[] {
  const lines: string[] = [];
  if (standing.errors > 0) lines.push(t('standing.errors', { count: standing.errors }));
  if (standing.warnings > 0) lines.push(t('standing.warnings', { count: standing.warnings }));
  if (standing.unsaved > 0) lines.push(t('standing.unsaved', { count: standing.unsaved }));
  if (standing.missingDate) lines.push(t('standing.noDate'));
  return lines;
}

/** Always on the screen: what the export would publish over, or that nothing stands. */
function StandingSummary({ lines, onOpenChecks }: { lines: string[]; onOpenChecks(): void }) {
  const { t } = useTranslation('export');
  return (
    <div className={`export-standing${lines.length > 0 ? ' open' : ''}`} data-testid="export-standing">
      <strong>{t('standing.title')}</strong>
      {lines.length === 0 ? (
        <span>{t('standing.clear')}</span>
      ) : (
        <>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button type="button" className="link" onClick={onOpenChecks}>
            {t('standing.openChecks')}
          </button>
        </>
      )}
    </div>
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
