import type { i18n } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, createI18n, type Language } from '../shared/i18n';

const STORAGE_KEY = 'budgetDesk.language';

export function storedLanguage(storage: Storage): Language {
  const value = storage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : DEFAULT_LANGUAGE;
}

/** The renderer's i18next instance; the chosen language is kept across restarts. */
export function createRendererI18n(storage: Storage): i18n {
  const instance = createI18n(storedLanguage(storage));
  const reflect = (language: string) => {
    document.documentElement.lang = language;
    document.title = instance.t('app:title');
  };
  reflect(instance.language);
  instance.on('languageChanged', (language) => {
    storage.setItem(STORAGE_KEY, language);
    reflect(language);
  });
  return instance;
}

/** The message for an error code, never the raw key: unknown codes get a generic sentence. */
export function errorMessage(instance: i18n, code: string, params: Record<string, string | number>): string {
  return instance.exists(code) ? instance.t(code, params) : instance.t('app:error.unknownCode', { code });
}
