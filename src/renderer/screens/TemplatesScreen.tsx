import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workbook } from '../../core/model';
import type { TemplateSpec } from '../../core/tables/spec';
import { BUILTIN_DOCUMENTS, TEMPLATES, templateForWorkbook } from '../../core/templates';
import type { ApiResult, TemplateEntryPayload, TemplateProblemPayload } from '../../shared/api';
import { errorMessage } from '../i18n';
import { useApp } from '../state/context';
import { useWorkbench } from '../state/workbench-context';
import { LearnPanel } from './LearnPanel';
import { ScreenHeading } from './ScreenHeading';
import { errorPayload, useTemplateList, type TemplateList } from './template-list';
import { buildVariant, customTemplateId, tableDrafts, TEMPLATE_ID_PATTERN, titleForYear, zeroChoices, type TableDraft } from './template-variant';
import './templates.css';

/** The largest template file the service takes (its contract's limit). */
const MAX_TEMPLATE_CHARS = 5 * 1024 * 1024;
const ORIGIN_ORDER: Record<TemplateEntryPayload['origin'], number> = { builtin: 0, folder: 1, workbook: 2, file: 3 };

type Notice = { kind: 'done'; text: string } | { kind: 'problems'; text: string; problems: TemplateProblemPayload[] };
type ImportOutcome = { fileName: string; result: ApiResult<'templates.import'> };

/**
 * Templates (模板): which one the workbook publishes with and where it comes from, a newer built-in version
 * to take, the templates to choose from (built-in, the templates folder, the workbook's own), importing a
 * template file (a broken one is refused with its problems and changes nothing), exporting the current one to
 * share, simple changes to its tables saved as a variant, and the folder's files that do not load.
 */
export function TemplatesScreen({ workbook }: { workbook: Workbook }) {
  const { t, i18n } = useTranslation('workbench');
  const api = useApp((state) => state.api);
  const chooseTemplate = useApp((state) => state.chooseTemplate);
  const busy = useApp((state) => state.pending > 0);
  const go = useWorkbench((state) => state.go);
  const { list, problem, reload } = useTemplateList(workbook);
  const spec = templateForWorkbook(workbook);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [customizing, setCustomizing] = useState(false);

  const use = async (args: { id: string } | { text: string }, name: string): Promise<boolean> => {
    const outcome = await chooseTemplate(args);
    if (!outcome) return false;
    if (!outcome.ok) {
      setNotice({ kind: 'problems', text: t('templates.refused', { name }), problems: outcome.problems });
      return false;
    }
    setNotice({ kind: 'done', text: t('templates.used', { name }) });
    return true;
  };

  const takeUpdate = (id: string) => {
    // The built-in's own file: by id the service would keep the workbook's copy of the same id.
    const document = BUILTIN_DOCUMENTS.find((candidate) => (candidate as { id?: unknown }).id === id);
    const name = TEMPLATES[id]?.name ?? id;
    void use(document ? { text: JSON.stringify(document) } : { id }, name);
  };

  const exportCurrent = async () => {
    try {
      const { fileName, text } = await api.call('templates.export', {});
      download(fileName, text);
      setNotice({ kind: 'done', text: t('templates.exported', { fileName }) });
    } catch (error) {
      const payload = errorPayload(error);
      setNotice({ kind: 'problems', text: errorMessage(i18n, payload.code, payload.params), problems: [] });
    }
  };

  return (
    <main className="screen templates-screen">
      <ScreenHeading title={t('templates.title')} hint={t('templates.hint')} />
      {problem && <p className="field-problem">{problem}</p>}
      <CurrentTemplate
        workbook={workbook}
        list={list}
        spec={spec}
        busy={busy}
        onPreview={() => go('preview')}
        onExport={() => void exportCurrent()}
        onCustomize={() => setCustomizing(true)}
        onUpdate={takeUpdate}
      />
      {notice && (
        <div className={`card template-notice ${notice.kind}`} role={notice.kind === 'problems' ? 'alert' : 'status'} data-testid="template-notice">
          <p>{notice.text}</p>
          {notice.kind === 'problems' && notice.problems.length > 0 && <ProblemList problems={notice.problems} />}
        </div>
      )}
      {customizing && spec && (
        <TableChanges
          key={`${spec.id}@${spec.version}`}
          template={spec}
          year={workbook.department.year}
          busy={busy}
          onSaved={(name) => {
            setCustomizing(false);
            setNotice({ kind: 'done', text: t('templates.used', { name }) });
          }}
          onCancel={() => setCustomizing(false)}
        />
      )}
      <LearnPanel
        onAccepted={(name) => {
          reload();
          setNotice({ kind: 'done', text: t('templates.used', { name }) });
        }}
      />
      <ImportTemplate onImported={reload} onUse={(entry) => void use({ id: entry.id }, entry.name)} busy={busy} />
      <AvailableTemplates list={list} current={workbook.settings.template ?? null} busy={busy} onUse={(entry) => void use({ id: entry.id }, entry.name)} />
      {list && list.broken.length > 0 && <BrokenFiles broken={list.broken} />}
    </main>
  );
}

/** The workbook's template: name, version, where it comes from; a newer built-in; preview, export, change. */
function CurrentTemplate(props: {
  workbook: Workbook;
  list: TemplateList | null;
  spec: TemplateSpec | undefined;
  busy: boolean;
  onPreview(): void;
  onExport(): void;
  onCustomize(): void;
  onUpdate(id: string): void;
}) {
  const { t } = useTranslation('workbench');
  const { list, spec, workbook } = props;
  const current = list?.current ?? null;
  const chosen = workbook.settings.template;
  const name = current?.name || spec?.name || chosen || '';
  const version = current?.version || spec?.version || 0;
  // Where it comes from: the built-in or folder template of the same id, else the workbook alone holds it.
  const source = list?.templates.find((entry) => entry.id === chosen && entry.origin !== 'workbook')?.origin ?? (current?.origin === 'builtin' ? 'builtin' : 'workbook');
  const problems = current?.problems ?? [];
  return (
    <section className="card template-current" aria-labelledby="template-current-title" data-testid="template-current">
      <h3 id="template-current-title">{t('templates.current.title')}</h3>
      {!chosen ? (
        <p className="muted">{t('templates.current.none')}</p>
      ) : problems.length > 0 || (list && !spec && !current) ? (
        <>
          <p className="field-problem">{t('templates.current.broken', { id: chosen })}</p>
          <ProblemList problems={problems} />
        </>
      ) : (
        <>
          <p className="template-current-name">
            <strong>{name}</strong>
            <span className="muted">{t('templates.current.version', { version })}</span>
            <code>{chosen}</code>
          </p>
          <p className="muted" data-testid="template-source">
            {t(`templates.current.source.${source}`)}
            {workbook.settings.templateDocument && workbook.settings.templateDocument.id === chosen ? ` ${t('templates.current.copy')}` : ''}
          </p>
          {current?.update && (
            <div className="template-update" role="status">
              <p>{t('templates.current.update', { name: TEMPLATES[current.update.id]?.name ?? current.update.id, version: current.update.version, newVersion: current.update.newVersion })}</p>
              <button type="button" className="primary" disabled={props.busy} onClick={() => props.onUpdate(current.update?.id ?? '')}>
                {t('templates.current.takeUpdate', { newVersion: current.update.newVersion })}
              </button>
            </div>
          )}
        </>
      )}
      <div className="form-actions">
        <button type="button" className="secondary" onClick={props.onPreview}>
          {t('templates.actions.preview')}
        </button>
        <button type="button" className="secondary" disabled={!spec} onClick={props.onExport}>
          {t('templates.actions.export')}
        </button>
        <button type="button" className="secondary" disabled={!spec || props.busy} onClick={props.onCustomize}>
          {t('templates.actions.customize')}
        </button>
      </div>
    </section>
  );
}

/** Every template to choose from, built-ins first; the one in use is marked. */
function AvailableTemplates({ list, current, busy, onUse }: { list: TemplateList | null; current: string | null; busy: boolean; onUse(entry: TemplateEntryPayload): void }) {
  const { t } = useTranslation('workbench');
  const entries = [...(list?.templates ?? [])].sort((a, b) => ORIGIN_ORDER[a.origin] - ORIGIN_ORDER[b.origin]);
  return (
    <section className="card template-list" aria-labelledby="template-list-title">
      <h3 id="template-list-title">{t('templates.list.title')}</h3>
      {list && <p className="field-hint">{t('templates.list.folder', { folder: list.folder })}</p>}
      <div className="table-scroll">
        <table className="units-table templates-table">
          <thead>
            <tr>
              <th>{t('templates.list.name')}</th>
              <th>{t('templates.list.id')}</th>
              <th>{t('templates.list.version')}</th>
              <th>{t('templates.list.origin')}</th>
              <th className="actions">{t('templates.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={`${entry.origin}:${entry.id}`} className={entry.id === current ? 'selected' : undefined} data-testid={`template-row-${entry.id}`}>
                <td>
                  {entry.name}
                  {entry.description && <span className="template-description">{entry.description}</span>}
                </td>
                <td className="code">
                  {entry.id}
                  {entry.extends && <span className="template-description">{t('templates.list.extends', { id: entry.extends })}</span>}
                </td>
                <td>{t('templates.current.version', { version: entry.version })}</td>
                <td title={entry.path}>{t(`templates.origin.${entry.origin}`)}</td>
                <td className="actions">
                  {entry.id === current ? (
                    <span className="template-in-use">{t('templates.list.inUse')}</span>
                  ) : (
                    <button type="button" className="link" disabled={busy} aria-label={t('templates.list.useNamed', { name: entry.name })} onClick={() => onUse(entry)}>
                      {t('templates.list.use')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A template file chosen from disk, read in the page and handed to templates.import; its outcome below. */
function ImportTemplate({ onImported, onUse, busy }: { onImported(): void; onUse(entry: TemplateEntryPayload): void; busy: boolean }) {
  const { t, i18n } = useTranslation('workbench');
  const api = useApp((state) => state.api);
  const id = useId();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again after it was fixed.
    event.target.value = '';
    if (!file) return;
    setReading(true);
    setFailure(null);
    setOutcome(null);
    try {
      if (file.size > MAX_TEMPLATE_CHARS) {
        setOutcome({ fileName: file.name, result: { ok: false, entry: null, problems: [{ path: '(file)', messageKey: 'template:tooLarge', params: { path: file.name, limit: '5 MB' } }] } });
        return;
      }
      const text = await file.text();
      const result = await api.call('templates.import', { fileName: file.name, text });
      setOutcome({ fileName: file.name, result });
      if (result.ok) onImported();
    } catch (error) {
      const payload = errorPayload(error);
      setFailure(errorMessage(i18n, payload.code, payload.params));
    } finally {
      setReading(false);
    }
  };

  const entry = outcome?.result.entry ?? null;
  return (
    <section className="card template-import" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('templates.import.title')}</h3>
      <p className="muted">{t('templates.import.intro')}</p>
      <div className="template-import-row">
        <input id={id} type="file" accept=".json,application/json" className="visually-hidden" disabled={reading} onChange={(event) => void chosen(event)} />
        <label htmlFor={id} className="secondary template-file-button">
          {t('templates.import.choose')}
        </label>
        {reading && <span className="muted">{t('templates.import.reading')}</span>}
      </div>
      {failure && (
        <p className="field-problem" role="alert">
          {failure}
        </p>
      )}
      {outcome && !outcome.result.ok && (
        <div className="template-refused" role="alert" data-testid="template-import-problems">
          <p className="field-problem">{t('templates.import.refused', { fileName: outcome.fileName, count: outcome.result.problems.length })}</p>
          <ProblemList problems={outcome.result.problems} />
        </div>
      )}
      {outcome?.result.ok && entry && (
        <div className="template-imported" role="status" data-testid="template-import-done">
          <p>{t('templates.import.done', { name: entry.name, id: entry.id })}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => onUse(entry)}>
            {t('templates.import.use')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Files in the templates folder that do not load: never used, listed with their problems. */
function BrokenFiles({ broken }: { broken: TemplateList['broken'] }) {
  const { t } = useTranslation('workbench');
  return (
    <section className="card template-broken" aria-labelledby="template-broken-title" data-testid="template-broken">
      <h3 id="template-broken-title">{t('templates.broken.title')}</h3>
      <p className="muted">{t('templates.broken.intro')}</p>
      {broken.map((file) => (
        <div key={file.path} className="template-broken-file">
          <p>
            <code>{file.path}</code> {t('templates.broken.count', { count: file.problems.length })}
          </p>
          <ProblemList problems={file.problems} />
        </div>
      ))}
    </section>
  );
}

const SHOWN_PROBLEMS = 30;

/** Problems of a template file: where (its JSON path) and what, worded in the clerk's language. */
function ProblemList({ problems }: { problems: readonly TemplateProblemPayload[] }) {
  const { t, i18n } = useTranslation('workbench');
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  return (
    <ul className="template-problems" aria-label={t('templates.problems.label')}>
      {shown.map((problem, index) => (
        <li key={`${index}:${problem.path}`}>
          <code className="template-problem-path">{problem.path}</code>
          <span>{errorMessage(i18n, problem.messageKey, problem.params)}</span>
        </li>
      ))}
      {problems.length > shown.length && <li className="muted">{t('templates.problems.more', { count: problems.length - shown.length })}</li>}
    </ul>
  );
}

/**
 * Simple changes to the current template's tables, saved as a variant of it (only the changes) that becomes
 * the workbook's template: a table's title, its notes, how its zeros print, and whether it is published.
 */
function TableChanges({
  template,
  year,
  busy,
  onSaved,
  onCancel,
}: {
  template: TemplateSpec;
  year: number;
  busy: boolean;
  onSaved(name: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('workbench');
  const chooseTemplate = useApp((state) => state.chooseTemplate);
  const formId = useId();
  const [drafts, setDrafts] = useState<TableDraft[]>(() => tableDrafts(template));
  const defaultName = template.name.endsWith(t('templates.custom.defaultName', { name: '' })) ? template.name : t('templates.custom.defaultName', { name: template.name });
  const [id, setId] = useState(() => customTemplateId(template.id));
  const [name, setName] = useState(defaultName);
  const [problems, setProblems] = useState<TemplateProblemPayload[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const change = (index: number, patch: Partial<TableDraft>) => setDrafts((current) => current.map((draft, at) => (at === index ? { ...draft, ...patch } : draft)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const wanted = id.trim() || customTemplateId(template.id);
    const local: TemplateProblemPayload[] = [];
    if (!TEMPLATE_ID_PATTERN.test(wanted)) local.push({ path: 'id', messageKey: 'workbench:templates.custom.badId', params: {} });
    else if (wanted === template.id) local.push({ path: 'id', messageKey: 'workbench:templates.custom.sameId', params: {} });
    else if (TEMPLATES[wanted]) local.push({ path: 'id', messageKey: 'template:builtinId', params: { id: wanted } });
    setProblems(local);
    if (local.length > 0) return;
    const { document, changes } = buildVariant(template, drafts, { id: wanted, name: name.trim() || defaultName });
    if (changes === 0) return setMessage(t('templates.custom.nothing'));
    // The base (the current template) resolves from the workbook's own copy in the service.
    const outcome = await chooseTemplate({ text: JSON.stringify(document) });
    if (!outcome) return;
    if (!outcome.ok) return setProblems(outcome.problems);
    onSaved(document.name);
  };

  return (
    <form className="card template-custom" onSubmit={(event) => void submit(event)} aria-labelledby={`${formId}-title`} noValidate>
      <h3 id={`${formId}-title`}>{t('templates.custom.title')}</h3>
      <p className="muted">{t('templates.custom.intro', { name: template.name })}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${formId}-id`}>{t('templates.custom.id')}</label>
          <input id={`${formId}-id`} value={id} autoComplete="off" spellCheck={false} onChange={(event) => setId(event.target.value)} />
          <p className="field-hint">{t('templates.custom.idHint')}</p>
        </div>
        <div className="field wide">
          <label htmlFor={`${formId}-name`}>{t('templates.custom.name')}</label>
          <input id={`${formId}-name`} value={name} autoComplete="off" onChange={(event) => setName(event.target.value)} />
        </div>
      </div>
      <div className="table-scroll">
        <table className="units-table template-tables">
          <thead>
            <tr>
              <th>{t('templates.custom.include')}</th>
              <th>{t('templates.custom.table')}</th>
              <th>{t('templates.custom.tableTitle')}</th>
              <th>{t('templates.custom.zero')}</th>
              <th>{t('templates.custom.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((draft, index) => {
              const table = titleForYear(draft.baseTitle, year) || draft.id;
              return (
                <tr key={draft.id} className={draft.included ? undefined : 'left-out'}>
                  <td>
                    <input type="checkbox" checked={draft.included} aria-label={t('templates.custom.includeOf', { table })} onChange={(event) => change(index, { included: event.target.checked })} />
                  </td>
                  <td className="code">
                    {draft.number && <span>{draft.number} </span>}
                    <span className="template-description">{draft.id}</span>
                  </td>
                  <td>
                    <input
                      className="template-title-input"
                      value={draft.title}
                      disabled={!draft.included}
                      aria-label={t('templates.custom.titleOf', { table })}
                      spellCheck={false}
                      onChange={(event) => change(index, { title: event.target.value })}
                    />
                  </td>
                  <td>
                    <select value={draft.zero} disabled={!draft.included} aria-label={t('templates.custom.zeroOf', { table })} onChange={(event) => change(index, { zero: event.target.value })}>
                      {zeroChoices(draft.zero).map((zero) => (
                        <option key={zero} value={zero}>
                          {zero === '' ? t('templates.custom.zeroBlank') : zero}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <textarea
                      className="template-notes-input"
                      value={draft.notes}
                      rows={Math.min(3, Math.max(1, draft.notes.split('\n').length))}
                      disabled={!draft.included}
                      aria-label={t('templates.custom.notesOf', { table })}
                      spellCheck={false}
                      onChange={(event) => change(index, { notes: event.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {message && (
        <p className="field-hint" role="status">
          {message}
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert">
          <p className="field-problem">{t('templates.custom.refused')}</p>
          <ProblemList problems={problems} />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('templates.custom.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('templates.custom.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Hands `text` to the browser as a file download (a Blob link; the page's CSP allows blob: downloads). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
