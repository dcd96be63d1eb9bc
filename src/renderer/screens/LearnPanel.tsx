import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../shared/api';
import { readUpload } from '../file-upload';
import { errorMessage } from '../i18n';
import { useApp } from '../state/context';
import { errorPayload } from './template-list';

type Learned = ApiResult<'templates.learn'>;
type Meaning = { table: string; column: string; as: string };

/**
 * Learning the layout from last year's published Excel (docs/templates.md, "Learning"): the clerk picks the
 * file (and last year's .budget to check against); each table recognised is shown next to the sheet as
 * published, uncertain readings highlighted; a column's meaning can be set from the base table's columns;
 * accepting makes the learned variant the workbook's template. Nothing is written before that.
 */
export function LearnPanel({ onAccepted }: { onAccepted(name: string): void }) {
  const { t, i18n } = useTranslation('learn');
  const api = useApp((state) => state.api);
  const chooseTemplate = useApp((state) => state.chooseTemplate);
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [factsPath, setFactsPath] = useState('');
  const [meanings, setMeanings] = useState<Meaning[]>([]);
  const [result, setResult] = useState<Learned | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useId();

  const learn = async (source: { fileName: string; contentBase64: string }, fixes: Meaning[], facts: string) => {
    setBusy(true);
    setProblem(null);
    try {
      setResult(await api.call('templates.learn', { source, meanings: fixes, ...(facts.trim() ? { factsPath: facts.trim() } : {}) }));
    } catch (error) {
      const payload = errorPayload(error);
      setResult(null);
      setProblem(errorMessage(i18n, payload.code, payload.params));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    const source = await readUpload(chosen);
    setFile(source);
    setMeanings([]);
    await learn(source, [], factsPath);
  };

  const fix = (meaning: Meaning) => {
    const next = [...meanings.filter((item) => !(item.table === meaning.table && item.column === meaning.column)), ...(meaning.as ? [meaning] : [])];
    setMeanings(next);
    if (file) void learn(file, next, factsPath);
  };

  const accept = async () => {
    if (!result?.variantText) return;
    const outcome = await chooseTemplate({ text: result.variantText });
    if (outcome?.ok) {
      const name = (JSON.parse(result.variantText) as { name?: string }).name ?? result.baseId;
      setResult(null);
      setFile(null);
      onAccepted(name);
    } else if (outcome) setProblem(t('broken', { count: outcome.problems.length }));
  };

  return (
    <section className="card learn-panel" aria-labelledby="learn-title" data-testid="learn-panel">
      <h3 id="learn-title">{t('title')}</h3>
      <p className="muted">{t('intro')}</p>
      <label className="field">
        <span>{t('factsPath')}</span>
        <input value={factsPath} onChange={(event) => setFactsPath(event.target.value)} />
      </label>
      <div className="template-import-row">
        <input id={fileInput} type="file" accept=".xlsx" className="visually-hidden" disabled={busy} onChange={(event) => void pick(event)} />
        <label htmlFor={fileInput} className="secondary template-file-button">
          {t('chooseFile')}
        </label>
      </div>
      {busy && <p role="status">{t('learning')}</p>}
      {problem && (
        <p className="field-problem" role="alert" data-testid="learn-problem">
          {problem}
        </p>
      )}
      {result && (
        <div data-testid="learn-result">
          <p>{t('summary', { fileName: result.fileName, tables: result.tables.length, base: result.baseId })}</p>
          <p data-testid="learn-proof">{result.proof ? t('proof', { reproduced: result.proof.reproduced, cells: result.proof.numberCells }) : t('noProof')}</p>
          {result.removed.length > 0 && <p>{t('removed', { tables: result.removed.join('、') })}</p>}
          {result.tables.map((table) => (
            <LearnedTableView key={`${table.sheet}:${table.range}`} table={table} sheet={result.sheets.find((sheet) => sheet.name === table.sheet)} meanings={meanings} onFix={fix} />
          ))}
          <div className="form-actions">
            <button type="button" className="primary" disabled={busy || !result.variantText} onClick={() => void accept()}>
              {t('accept')}
            </button>
            <button type="button" className="secondary" onClick={() => setResult(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function LearnedTableView(props: { table: Learned['tables'][number]; sheet: Learned['sheets'][number] | undefined; meanings: Meaning[]; onFix(meaning: Meaning): void }) {
  const { t } = useTranslation('learn');
  const { table, sheet, meanings } = props;
  const word = (note: { code: string; params: Record<string, string | number> }) => t(note.code, note.params);
  const uncertainCells = new Set(table.uncertain.flatMap((note) => note.cells.map(localCell)));
  const rows = sheet ? sheet.rows.slice(rangeTop(table.range), rangeBottom(table.range) + 1) : [];
  const top = rangeTop(table.range);
  return (
    <article className={`learned-table ${table.uncertain.length > 0 ? 'has-uncertain' : ''}`} data-testid={`learned-${table.tableId}`}>
      <h3>
        {table.title || table.sheet} · {t(`status.${table.status}`)} {table.proof && `· ${table.proof.reproduced}/${table.proof.numberCells}`}
      </h3>
      <div className="learn-side-by-side">
        <div>
          <h4>{t('published')} ({table.range})</h4>
          <div className="learn-published-scroll">
            <table className="learn-published">
              <tbody>
                {rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((text, c) => (
                      <td key={c} className={uncertainCells.has(`${columnName(c)}${top + r + 1}`) ? 'uncertain' : undefined}>
                        {text}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div>
          <h4>{t('learned')}</h4>
          <ul>{table.learned.map((note, index) => <li key={index}>{word(note)}</li>)}</ul>
          {table.uncertain.length > 0 && (
            <>
              <h4>{t('uncertain')}</h4>
              <ul data-testid="learn-uncertain">
                {table.uncertain.map((note, index) => (
                  <li key={index} className="uncertain">
                    {word(note)} {note.cells.join(' ')}
                  </li>
                ))}
              </ul>
            </>
          )}
          {table.notLearned.length > 0 && (
            <>
              <h4>{t('notLearned')}</h4>
              <ul>{table.notLearned.map((note, index) => <li key={index}>{word(note)}</li>)}</ul>
            </>
          )}
          {table.baseTable &&
            table.columns
              .filter((column) => column.choices.length > 0)
              .map((column) => {
                const chosen = meanings.find((item) => item.table === table.tableId && item.column === column.id)?.as ?? '';
                return (
                  <label key={column.id} className="field">
                    <span>{t('columnMeaning', { column: column.id })}</span>
                    <select value={chosen} onChange={(event) => props.onFix({ table: table.tableId, column: column.id, as: event.target.value })}>
                      <option value="">{t('asRead')}</option>
                      {column.choices.map((choice) => (
                        <option key={choice.id} value={choice.id}>
                          {choice.header}
                        </option>
                      ))}
                    </select>
                  </label>
                );
              })}
        </div>
      </div>
    </article>
  );
}

/** "'表1'!C5" → "C5". */
function localCell(ref: string): string {
  return ref.replace(/^.*!/, '').replace(/\$/g, '');
}
function rangeRow(ref: string): number {
  return Number(/(\d+)$/.exec(ref)?.[1] ?? '1') - 1;
}
function rangeTop(range: string): number {
  return rangeRow(localCell(range).split(':')[0] ?? 'A1');
}
function rangeBottom(range: string): number {
  return rangeRow(localCell(range).split(':')[1] ?? localCell(range));
}
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

