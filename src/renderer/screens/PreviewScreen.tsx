import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workbook } from '../../core/model';
import { TEMPLATES } from '../../core/templates';
import { ApiCallError } from '../api/client';
import { errorMessage } from '../i18n';
import { useApp } from '../state/context';
import { mountPreview, splitPreviewDocument } from './preview-document';
import { ScreenHeading } from './ScreenHeading';

const DEFAULT_TEMPLATE = 'henan-2024';

interface Preview {
  template: string;
  revision: number;
  tables: { id: string; title: string }[];
  html: string;
}

/**
 * The disclosure tables as the province publishes them, from the export's own HTML (the same
 * writer as the PDF), numbers in the template's unit. Refreshed after every change.
 */
export function PreviewScreen({ workbook }: { workbook: Workbook }) {
  const { t, i18n } = useTranslation('workbench');
  const api = useApp((state) => state.api);
  const edit = useApp((state) => state.edit);
  const revision = useApp((state) => state.summary?.revision ?? 0);
  const template = workbook.settings.template && TEMPLATES[workbook.settings.template] ? workbook.settings.template : DEFAULT_TEMPLATE;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    api.call('tables.preview', { template }).then(
      (result) => {
        if (cancelled) return;
        setPreview({ template: result.template, revision, tables: result.tables, html: result.html });
        setProblem(null);
      },
      (error: unknown) => {
        if (cancelled) return;
        const payload = error instanceof ApiCallError ? error.payload : { code: 'errors:internal', params: {} };
        setProblem(errorMessage(i18n, payload.code, payload.params));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, template, revision, i18n]);

  useEffect(() => {
    if (host.current && preview) mountPreview(host.current, splitPreviewDocument(preview.html));
  }, [preview]);

  const chooseTemplate = (id: string) => void edit([{ op: 'set', key: 'settings', value: { ...workbook.settings, template: id } }]);
  const show = (id: string) => {
    const section = host.current?.shadowRoot?.querySelector(`[data-table="${CSS.escape(id)}"]`);
    section?.scrollIntoView({ block: 'start' });
  };

  return (
    <main className="screen grid-screen preview-screen">
      <ScreenHeading title={t('preview.title')} hint={t('preview.hint')}>
        <label className="inline-field">
          {t('preview.template')}
          <select value={template} onChange={(event) => chooseTemplate(event.target.value)} aria-label={t('preview.template')}>
            {Object.values(TEMPLATES).map((spec) => (
              <option key={spec.id} value={spec.id}>
                {spec.name}
              </option>
            ))}
          </select>
        </label>
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
