import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App, MissingToken } from './App';
import { connect } from './api/client';
import { createRendererI18n } from './i18n';
import { createAppStore } from './state/app-store';
import { AppStoreContext } from './state/context';
import './styles.css';

const i18n = createRendererI18n(window.localStorage);
const connection = connect();
const store = connection.kind === 'ready' ? createAppStore(connection.client, { memory: window.sessionStorage }) : null;
const root = createRoot(document.getElementById('root') as HTMLElement);

root.render(
  <StrictMode>
    <I18nextProvider i18n={i18n} defaultNS="app">
      {store ? (
        <AppStoreContext.Provider value={store}>
          <App />
        </AppStoreContext.Provider>
      ) : (
        <MissingToken />
      )}
    </I18nextProvider>
  </StrictMode>,
);
