import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/i18n';

/** Always visible in the top bar; each button is labelled in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('app');
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
