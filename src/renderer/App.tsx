import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from './components/ErrorBanner';
import { TopBar } from './components/TopBar';
import { WorkbookToolbar } from './components/WorkbookToolbar';
import { StartScreen } from './screens/StartScreen';
import { Workbench } from './screens/Workbench';
import { useApp } from './state/context';

export function App() {
  const start = useApp((state) => state.start);
  const summary = useApp((state) => state.summary);
  const workbook = useApp((state) => state.workbook);
  const unsent = useApp((state) => state.unsent);

  useEffect(() => {
    void start();
  }, [start]);

  // Closing the tab while edits wait for the service would lose them: the browser asks first.
  useEffect(() => {
    if (unsent === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsent]);

  return (
    <div className="app">
      <TopBar>{summary && <WorkbookToolbar summary={summary} />}</TopBar>
      <ErrorBanner />
      {workbook ? <Workbench workbook={workbook} /> : <StartScreen />}
    </div>
  );
}

/** Browser mode opened without the printed address: explain where the access token comes from. */
export function MissingToken() {
  const { t } = useTranslation('app');
  return (
    <div className="app">
      <TopBar />
      <main className="notice">
        <section className="card" aria-labelledby="token-title">
          <h2 id="token-title">{t('token.title')}</h2>
          <p>{t('token.body')}</p>
        </section>
      </main>
    </div>
  );
}
