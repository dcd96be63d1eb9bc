import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../shared/api';
import { Field } from '../components/Field';
import { errorMessage } from '../i18n';
import { useApp } from '../state/context';
import { errorPayload } from './template-list';
import './prior.css';

type Preview = ApiResult<'prior.preview'>;

/**
 * Next year from this year's file, on the start screen (docs/prior-year.md): the clerk names last year's .budget,
 * sees what it holds and which projects continue (ticked as last year's file marks them), names the new file, and
 * creates it. Last year's file is only read; nothing is written before 新建.
 */
export function NewYearCard() {
  const { t, i18n } = useTranslation('prior');
  const api = useApp((state) => state.api);
  const info = useApp((state) => state.info);
  const pending = useApp((state) => state.pending > 0);
  const startNewYear = useApp((state) => state.startNewYear);
  const browseForWorkbook = useApp((state) => state.browseForWorkbook);
  const [sourcePath, setSourcePath] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [continuing, setContinuing] = useState<Set<string>>(new Set());
  const [fileName, setFileName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const read = async (event?: FormEvent) => {
    event?.preventDefault();
    const path = sourcePath.trim();
    if (!path) return setProblem(t('ui.newYear.pathRequired'));
    setReading(true);
    setProblem(null);
    try {
      const found = await api.call('prior.preview', { source: { path }, purpose: 'newYear' });
      setPreview(found);
      setContinuing(new Set(found.projects.filter((project) => project.continuing).map((project) => project.id)));
      setFileName(`${found.identity.departmentCode ?? 'budget'}-${found.year + 1}`);
    } catch (error) {
      const payload = errorPayload(error);
      setPreview(null);
      setProblem(errorMessage(i18n, payload.code, payload.params));
    } finally {
      setReading(false);
    }
  };

  const create = async () => {
    if (!preview) return;
    if (!fileName.trim()) return setProblem(t('ui.newYear.fileNameRequired'));
    await startNewYear({ sourcePath: sourcePath.trim(), path: fileName.trim(), continuingProjects: [...continuing] });
  };

  const toggle = (id: string, on: boolean) =>
    setContinuing((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const electron = info?.transport === 'electron';
  return (
    <section className="card new-year-card" aria-labelledby="new-year-title" data-testid="new-year-card">
      <h2 id="new-year-title">{t('ui.newYear.title')}</h2>
      <p className="card-intro">{t('ui.newYear.intro')}</p>
      <form className="field-with-button" onSubmit={(event) => void read(event)} noValidate>
        <Field label={t('ui.newYear.source')} value={sourcePath} onValueChange={setSourcePath} hint={info?.dataDir ? t('ui.pathHint', { dir: info.dataDir }) : undefined} />
        {electron && (
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void browseForWorkbook().then((path) => {
                if (path) setSourcePath(path);
              })
            }
          >
            {t('ui.browse')}
          </button>
        )}
        <button type="submit" className="secondary" disabled={reading || pending}>
          {reading ? t('ui.reading') : t('ui.read')}
        </button>
      </form>
      {problem && (
        <p className="field-problem" role="alert" data-testid="new-year-problem">
          {problem}
        </p>
      )}
      {preview && (
        <div className="new-year-preview" data-testid="new-year-preview">
          <p>
            {t('ui.newYear.found', {
              name: preview.identity.departmentName ?? '',
              year: preview.year,
              next: preview.year + 1,
              projects: preview.projects.length,
            })}
          </p>
          {preview.projects.length > 0 && (
            <fieldset className="new-year-projects">
              <legend>{t('ui.newYear.projects', { count: continuing.size, total: preview.projects.length })}</legend>
              <ul>
                {preview.projects.map((project) => (
                  <li key={project.id}>
                    <label>
                      <input type="checkbox" checked={continuing.has(project.id)} onChange={(event) => toggle(project.id, event.target.checked)} />
                      <span>{t('ui.newYear.project', { code: project.code, name: project.name, unit: project.unitName, indicators: project.indicators })}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <Field label={t('ui.newYear.fileName')} value={fileName} onValueChange={setFileName} />
          <div className="form-actions">
            <button type="button" className="primary" disabled={pending} onClick={() => void create()}>
              {t('ui.newYear.create', { year: preview.year + 1 })}
            </button>
            <button type="button" className="secondary" onClick={() => setPreview(null)}>
              {t('ui.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
