import { lazy, Suspense, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workbook } from '../../core/model';
import { AppStoreContext } from '../state/context';
import { startCheckRunner } from '../state/checks-runner';
import { startDraftSync } from '../state/draft-sync';
import { WorkbenchContext, useWorkbench } from '../state/workbench-context';
import { createWorkbenchStore, SECTIONS, type SectionId } from '../state/workbench-store';
import { CheckPanel } from './CheckPanel';
import { AssetsScreen } from './AssetsScreen';
import { ExpenditureScreen } from './ExpenditureScreen';
import { ExportScreen } from './ExportScreen';
import { IncomeScreen } from './IncomeScreen';
import { PerformanceScreen } from './PerformanceScreen';
import { PreviewScreen } from './PreviewScreen';
import { ProjectsScreen } from './ProjectsScreen';
import { TemplatesScreen } from './TemplatesScreen';
import { TextsScreen } from './TextsScreen';
import { StatusBar } from './StatusBar';
import { WorkbookScreen } from './WorkbookScreen';
import './workbench.css';

// ECharts is large: the summary screen (and it) load when first opened.
const SummaryScreen = lazy(() => import('./SummaryScreen').then((module) => ({ default: module.SummaryScreen })));

/** The open workbook: screens in a side navigation, the check panel, and the status bar that always shows the balance. */
export function Workbench({ workbook }: { workbook: Workbook }) {
  const app = useContext(AppStoreContext);
  const [store] = useState(createWorkbenchStore);
  useEffect(() => (app ? startCheckRunner(app, store) : undefined), [app, store]);
  useEffect(() => (app ? startDraftSync(app, store) : undefined), [app, store]);
  return (
    <WorkbenchContext.Provider value={store}>
      <WorkbenchLayout workbook={workbook} />
    </WorkbenchContext.Provider>
  );
}

function WorkbenchLayout({ workbook }: { workbook: Workbook }) {
  const { t } = useTranslation('workbench');
  const section = useWorkbench((state) => state.section);
  const go = useWorkbench((state) => state.go);
  const panelOpen = useWorkbench((state) => state.checkPanelOpen);
  return (
    <div className="workbench">
      <nav className="workbench-nav" aria-label={t('nav.label')}>
        {SECTIONS.map((id) => (
          <button key={id} type="button" aria-current={section === id ? 'page' : undefined} onClick={() => go(id)}>
            {t(`nav.${id}`)}
          </button>
        ))}
      </nav>
      <div className="workbench-body">
        <div className="workbench-content">{screenFor(section, workbook)}</div>
        {panelOpen && <CheckPanel workbook={workbook} />}
      </div>
      <StatusBar workbook={workbook} />
    </div>
  );
}

function screenFor(section: SectionId, workbook: Workbook): ReactNode {
  switch (section) {
    case 'units':
      return <WorkbookScreen workbook={workbook} />;
    case 'income':
      return <IncomeScreen workbook={workbook} />;
    case 'expenditure':
      return <ExpenditureScreen workbook={workbook} />;
    case 'projects':
      return <ProjectsScreen workbook={workbook} />;
    case 'performance':
      return <PerformanceScreen workbook={workbook} />;
    case 'texts':
      return <TextsScreen workbook={workbook} />;
    case 'assets':
      return <AssetsScreen workbook={workbook} />;
    case 'templates':
      return <TemplatesScreen workbook={workbook} />;
    case 'preview':
      return <PreviewScreen workbook={workbook} />;
    case 'summary':
      return (
        <Suspense fallback={null}>
          <SummaryScreen workbook={workbook} />
        </Suspense>
      );
    case 'export':
      return <ExportScreen workbook={workbook} />;
    default:
      return <Pending section={section} />;
  }
}

function Pending({ section }: { section: SectionId }) {
  const { t } = useTranslation('workbench');
  return (
    <main className="screen">
      <h2>{t(`nav.${section}`)}</h2>
      <p className="muted">{t('pending')}</p>
    </main>
  );
}
