import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../core/money';
import type { PriorYear } from '../../core/model';
import { figureLabel } from '../../core/prior';
import type { ApiArgs, ApiResult } from '../../shared/api';
import { Field } from '../components/Field';
import { readUpload } from '../file-upload';
import { errorMessage } from '../i18n';
import { useApp } from '../state/context';
import { errorPayload } from './template-list';
import './prior.css';

type Preview = ApiResult<'prior.preview'>;
type Source = ApiArgs<'prior.import'>['source'];

/**
 * 导入上年数据 (docs/prior-year.md): last year's figures for the 上年 columns, from last year's .budget or its
 * published Excel. The clerk names or chooses the file and sees, before anything is written, what was read from
 * which sheet, what it replaces and what the reader is unsure of; 导入 saves it as one undo step.
 */
export function PriorYearCard({ priorYear, year }: { priorYear: PriorYear; year: number }) {
  const { t, i18n } = useTranslation('prior');
  const api = useApp((state) => state.api);
  const info = useApp((state) => state.info);
  const pending = useApp((state) => state.pending > 0);
  const importPrior = useApp((state) => state.importPrior);
  const fileInput = useId();
  const [path, setPath] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const word = (message: { code: string; params: Record<string, string | number> }) => errorMessage(i18n, message.code, message.params);

  const read = async (chosen: Source) => {
    setReading(true);
    setProblem(null);
    setDone(null);
    try {
      setPreview(await api.call('prior.preview', { source: chosen, purpose: 'import' }));
      setSource(chosen);
    } catch (error) {
      setPreview(null);
      setProblem(word(errorPayload(error)));
    } finally {
      setReading(false);
    }
  };

  const readPath = (event: FormEvent) => {
    event.preventDefault();
    if (!path.trim()) return setProblem(t('ui.import.pathRequired'));
    void read({ path: path.trim() });
  };

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (chosen) await read(await readUpload(chosen));
  };

  const confirm = async () => {
    if (!source || !preview) return;
    if (await importPrior(source)) {
      setDone(t('ui.import.done', { count: preview.figures.length, year: preview.year }));
      setPreview(null);
      setSource(null);
    }
  };

  const figureCount = Object.keys(priorYear.figures).length;
  const blocked = preview !== null && preview.problems.length > 0;
  return (
    <section className="card prior-year-card" aria-labelledby="prior-year-title" data-testid="prior-year-card">
      <h2 id="prior-year-title">{t('ui.import.title')}</h2>
      <p className="card-intro">
        {priorYear.year !== null && figureCount > 0
          ? t('ui.import.current', { year: priorYear.year, count: figureCount, source: priorYear.source })
          : t('ui.import.none', { year: year - 1 })}
      </p>
      <form className="field-with-button" onSubmit={readPath} noValidate>
        <Field label={t('ui.import.source')} value={path} onValueChange={setPath} hint={info?.dataDir ? t('ui.pathHint', { dir: info.dataDir }) : undefined} />
        <button type="submit" className="secondary" disabled={reading || pending}>
          {reading ? t('ui.reading') : t('ui.read')}
        </button>
      </form>
      <div className="template-import-row">
        <input id={fileInput} type="file" accept=".xlsx,.budget" className="visually-hidden" disabled={reading || pending} onChange={(event) => void pick(event)} />
        <label htmlFor={fileInput} className="secondary template-file-button">
          {t('ui.import.choose')}
        </label>
      </div>
      {problem && (
        <p className="field-problem" role="alert" data-testid="prior-problem">
          {problem}
        </p>
      )}
      {done && (
        <p className="prior-done" role="status" data-testid="prior-done">
          {done}
        </p>
      )}
      {preview && (
        <div className="prior-preview" data-testid="prior-preview">
          <p>{t('ui.import.found', { fileName: preview.fileName, year: preview.year, count: preview.figures.length })}</p>
          {preview.sheets.length > 0 && (
            <table className="prior-sheets">
              <thead>
                <tr>
                  <th>{t('ui.import.sheet')}</th>
                  <th>{t('ui.import.table')}</th>
                  <th>{t('ui.import.status')}</th>
                  <th>{t('ui.import.figures')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sheets.map((sheet) => (
                  <tr key={sheet.sheet} className={sheet.status}>
                    <td>{sheet.sheet}</td>
                    <td>{sheet.title}</td>
                    <td>{t(`status.${sheet.status}`)}</td>
                    <td>{sheet.figures.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.replaces.length > 0 && (
            <details>
              <summary>{t('ui.import.replaces', { count: preview.replaces.length })}</summary>
              <ul>
                {preview.replaces.map((change) => {
                  const label = figureLabel(change.key);
                  return (
                    <li key={change.key}>
                      {t('ui.import.replace', {
                        what: errorMessage(i18n, label.code, label.params),
                        from: formatMoney(change.from, 'yuan'),
                        to: change.to === null ? t('ui.import.gone') : formatMoney(change.to, 'yuan'),
                      })}
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
          {[...preview.notes, ...preview.sheets.flatMap((sheet) => sheet.notes)].length > 0 && (
            <ul className="prior-notes" data-testid="prior-notes">
              {[...preview.notes, ...preview.sheets.flatMap((sheet) => sheet.notes)].map((note, index) => (
                <li key={index}>{word(note)}</li>
              ))}
            </ul>
          )}
          {blocked && (
            <ul className="field-problem" role="alert">
              {preview.problems.map((found, index) => (
                <li key={index}>{word(found)}</li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button type="button" className="primary" disabled={pending || blocked || preview.figures.length === 0} onClick={() => void confirm()}>
              {t('ui.import.confirm', { count: preview.figures.length })}
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
