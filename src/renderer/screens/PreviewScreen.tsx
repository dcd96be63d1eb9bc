import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workbook } from '../../core/model';
import { TEMPLATES } from '../../core/templates';
import { errorMessage } from '../i18n';
import { useApp } from '../state/context';
import { useWorkbench } from '../state/workbench-context';
import { defaultTemplate } from './export-defaults';
import { mountPreview, splitPreviewDocument } from './preview-document';
import { ScreenHeading } from './ScreenHeading';
import { errorPayload, templateChoices, useTemplateList } from './template-list';

/** What the preview shows while the workbook has no template yet (it is not chosen for the clerk). */
const FALLBACK_TEMPLATE = 'henan-2024';

interface Preview {
  template: string;
  revision: number;
  tables: { id: string; title: string }[];
  html: string;
}

/**
 * The disclosure tables as the province publishes them, from the export's own HTML (the same
 * writer as the PDF), numbers in the template's unit, with the workbook's template (its own copy when it
 * has one). Refreshed after every change. Choosing another template here makes it the workbook's.
 */
export function PreviewScreen({ workbook }: { workbook: Workbook }) {
  const { t, i18n } = useTranslation('workbench');
  const api = useApp((state) => state.api);
  const chooseTemplate = useApp((state) => state.chooseTemplate);
  const busy = useApp((state) => state.pending > 0);
  const go = useWorkbench((state) => state.go);
  const revision = useApp((state) => state.summary?.revision ?? 0);
  const { list } = useTemplateList(workbook);
  const chosen = workbook.settings.template ?? null;
  // Not chosen yet: the province the department's name points to, else Henan's, shown as such (and not stored).
  const suggested = chosen ? null : (defaultTemplate(workbook, Object.values(TEMPLATES)).id ?? FALLBACK_TEMPLATE);
  const template = chosen ?? suggested ?? FALLBACK_TEMPLATE;
  const choices = templateChoices(workbook, list);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    // The workbook's own template is resolved by the service (its copy); a suggestion is asked for by id.
    api.call('tables.preview', chosen ? {} : { template }).then(
      (result) => {
        if (cancelled) return;
        setPreview({ template: result.template, revision, tables: result.tables, html: result.html });
        setProblem(null);
      },
      (error: unknown) => {
        if (cancelled) return;
        const payload = errorPayload(error);
        setPreview(null);
        setProblem(errorMessage(i18n, payload.code, payload.params));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, chosen, template, revision, i18n]);

  useEffect(() => {
    if (!host.current) return;
    if (preview) mountPreview(host.current, splitPreviewDocument(preview.html));
    else if (host.current.shadowRoot) host.current.shadowRoot.innerHTML = '';
  }, [preview]);

  const choose = (id: string) => void chooseTemplate({ id });
  const show = (id: string) => {
    const section = host.current?.shadowRoot?.querySelector(`[data-table="${CSS.escape(id)}"]`);
    section?.scrollIntoView({ block: 'start' });
  };

  return (
    <main className="screen grid-screen preview-screen">
      <ScreenHeading title={t('preview.title')} hint={t('preview.hint')}>
        <label className="inline-field">
          {t('preview.template')}
          <select value={template} disabled={busy} onChange={(event) => choose(event.target.value)} aria-label={t('preview.template')}>
            {!choices.some((choice) => choice.id === template) && <option value={template}>{template}</option>}
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </label>
        {suggested && (
          <>
            <span className="muted">{t('preview.notChosen')}</span>
            <button type="button" className="link" disabled={busy} onClick={() => choose(suggested)}>
              {t('preview.useSuggested')}
            </button>
          </>
        )}
        <button type="button" className="link" onClick={() => go('templates')}>
          {t('preview.manageTemplates')}
        </button>
        {preview && preview.revision !== revision && <span className="muted">{t('preview.refreshing')}</span>}
      </ScreenHeading>
      {problem && <p className="field-problem">{problem}</p>}
      <div className="preview-layout">
        <nav className="preview-contents" aria-label={t('preview.contents')}>
          <ol>
            {(preview?.tables ?? []).map((table) => (
              <li key={table.id}>
                <button type="button" className="link" onClick={() => show(table.id)}>
                  {table.title}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <div className="preview-pages" ref={host} data-testid="preview" aria-busy={!preview} />
      </div>
    </main>
  );
}
