import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n';
import { useApp } from '../state/context';

/** The last failed call, in the clerk's language. */
export function ErrorBanner() {
  const { t, i18n } = useTranslation('app');
  const error = useApp((state) => state.error);
  const dismiss = useApp((state) => state.dismissError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <p>{errorMessage(i18n, error.code, error.params)}</p>
      <button type="button" className="quiet" onClick={dismiss}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
