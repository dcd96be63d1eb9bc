import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { checkDepartment, type DepartmentField, type Problems } from '../forms';
import { useApp } from '../state/context';
import { NewYearCard } from './NewYearCard';

export function StartScreen() {
  return (
    <main className="start-screen">
      <div className="start-column">
        <NewWorkbookCard />
        <NewYearCard />
      </div>
      <div className="start-column">
        <OpenWorkbookCard />
        <RecentFilesCard />
      </div>
    </main>
  );
}

function NewWorkbookCard() {
  const { t } = useTranslation('app');
  const info = useApp((state) => state.info);
  const pending = useApp((state) => state.pending > 0);
  const create = useApp((state) => state.create);
  const chooseSaveLocation = useApp((state) => state.chooseSaveLocation);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [fileName, setFileName] = useState('');
  const [fileNameTouched, setFileNameTouched] = useState(false);
  const [problems, setProblems] = useState<Problems<DepartmentField | 'fileName'>>({});

  const suggestedName = `${code.trim() || 'budget'}-${year.trim()}`;
  const shownFileName = fileNameTouched ? fileName : suggestedName;
  const electron = info?.transport === 'electron';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDepartment({ code, name, year, publishedOn: '' });
    const found: Problems<DepartmentField | 'fileName'> = { ...checked.problems };
    if (shownFileName.trim() === '') found.fileName = { key: 'app:validation.required' };
    setProblems(found);
    if (!checked.value || found.fileName) return;
    const { code: departmentCode, name: departmentName, year: budgetYear } = checked.value;
    await create({ path: shownFileName.trim(), department: { code: departmentCode, name: departmentName, year: budgetYear }, entryUnit: 'wan' });
  };

  const browse = async () => {
    const chosen = await chooseSaveLocation(`${suggestedName}.budget`);
    if (chosen) {
      setFileName(chosen);
      setFileNameTouched(true);
    }
  };

  return (
    <section className="card" aria-labelledby="new-workbook-title">
      <h2 id="new-workbook-title">{t('start.newTitle')}</h2>
      <p className="card-intro">{t('start.newIntro')}</p>
      <form className="stacked-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field-row">
          <Field label={t('department.code')} value={code} onValueChange={setCode} problem={problems.code} className="narrow" />
          <Field
            label={t('department.year')}
            value={year}
            onValueChange={setYear}
            problem={problems.year}
            inputMode="numeric"
            className="narrow"
          />
        </div>
        <Field label={t('department.name')} value={name} onValueChange={setName} problem={problems.name} />
        <div className="field-with-button">
          <Field
            label={t('start.fileName')}
            value={shownFileName}
            onValueChange={(value) => {
              setFileName(value);
              setFileNameTouched(true);
            }}
            hint={info?.dataDir ? t('start.fileNameHint', { dir: info.dataDir }) : undefined}
            problem={problems.fileName}
          />
          {electron && (
            <button type="button" className="secondary" onClick={() => void browse()}>
              {t('start.chooseLocation')}
            </button>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={pending}>
            {t('start.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function OpenWorkbookCard() {
  const { t } = useTranslation('app');
  const info = useApp((state) => state.info);
  const pending = useApp((state) => state.pending > 0);
  const open = useApp((state) => state.open);
  const browseAndOpen = useApp((state) => state.browseAndOpen);
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<{ key: string } | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (path.trim() === '') return setProblem({ key: 'app:validation.required' });
    setProblem(undefined);
    await open(path.trim());
  };

  return (
    <section className="card" aria-labelledby="open-workbook-title">
      <h2 id="open-workbook-title">{t('start.openTitle')}</h2>
      {info?.transport === 'electron' ? (
        <button type="button" className="primary" disabled={pending} onClick={() => void browseAndOpen()}>
          {t('start.browse')}
        </button>
      ) : (
        <form className="field-with-button" onSubmit={(event) => void submit(event)} noValidate>
          <Field
            label={t('start.path')}
            value={path}
            onValueChange={setPath}
            hint={info?.dataDir ? t('start.pathHint', { dir: info.dataDir }) : undefined}
            problem={problem}
          />
          <button type="submit" className="primary" disabled={pending}>
            {t('start.open')}
          </button>
        </form>
      )}
    </section>
  );
}

function RecentFilesCard() {
  const { t, i18n } = useTranslation('app');
  const recent = useApp((state) => state.recent);
  const pending = useApp((state) => state.pending > 0);
  const open = useApp((state) => state.open);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="card recent-card" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('start.recentTitle')}</h2>
      {recent.length === 0 ? (
        <p className="muted">{t('start.recentEmpty')}</p>
      ) : (
        <ul className="recent-list" aria-labelledby="recent-title">
          {recent.map((file) => (
            <li key={file.path}>
              <button type="button" className="recent-item" disabled={pending} onClick={() => void open(file.path)}>
                <span className="recent-name">{t('start.recentName', { name: file.departmentName, year: file.year })}</span>
                <span className="recent-path">{file.path}</span>
                <span className="recent-time">{t('start.openedAt', { time: dateFormat.format(new Date(file.openedAt)) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
