import i18next, { type i18n } from 'i18next';
import zh_errors from './locales/zh-CN/errors.json';
import en_errors from './locales/en/errors.json';
import zh_store from './locales/zh-CN/store.json';
import en_store from './locales/en/store.json';
import zh_catalog from './locales/zh-CN/catalog.json';
import en_catalog from './locales/en/catalog.json';
import zh_app from './locales/zh-CN/app.json';
import en_app from './locales/en/app.json';
import zh_cli from './locales/zh-CN/cli.json';
import en_cli from './locales/en/cli.json';
import zh_checks from './locales/zh-CN/checks.json';
import en_checks from './locales/en/checks.json';
import zh_prior from './locales/zh-CN/prior.json';
import en_prior from './locales/en/prior.json';
import zh_workbench from './locales/zh-CN/workbench.json';
import en_workbench from './locales/en/workbench.json';
import zh_narrative from './locales/zh-CN/narrative.json';
import en_narrative from './locales/en/narrative.json';
import zh_export from './locales/zh-CN/export.json';
import en_export from './locales/en/export.json';
import zh_template from './locales/zh-CN/template.json';
import en_template from './locales/en/template.json';
import zh_audit from './locales/zh-CN/audit.json';
import en_audit from './locales/en/audit.json';
import zh_runtime from './locales/zh-CN/runtime.json';
import en_runtime from './locales/en/runtime.json';
import zh_learn from './locales/zh-CN/learn.json';
import en_learn from './locales/en/learn.json';

/**
 * Every user-facing string lives in src/shared/locales/<language>/<namespace>.json and goes
 * through i18next, in the renderer and the CLI alike. zh-CN is the default language.
 * Namespaces: "errors" (generic), "store" (workbook file), "catalog" (catalogue import), "cli",
 * "app" (renderer), "checks" (check findings), "export", "narrative", "workbench" (grid and
 * screens), "prior" (last year's figures), "template" (template file problems), "audit" (a published package audited), "runtime" (Node/Electron too old), "learn" (learning a layout from a published package). A UserError code names its namespace: "store:locked".
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const baseResources = {
  'zh-CN': { errors: zh_errors, store: zh_store, catalog: zh_catalog, app: zh_app, cli: zh_cli, checks: zh_checks, export: zh_export, narrative: zh_narrative, workbench: zh_workbench, prior: zh_prior, template: zh_template, audit: zh_audit, runtime: zh_runtime, learn: zh_learn },
  en: { errors: en_errors, store: en_store, catalog: en_catalog, app: en_app, cli: en_cli, checks: en_checks, export: en_export, narrative: en_narrative, workbench: en_workbench, prior: en_prior, template: en_template, audit: en_audit, runtime: en_runtime, learn: en_learn },
};

export type ResourceBundle = Record<Language, Record<string, Record<string, unknown>>>;

/** A fresh i18next instance with the given resources merged over the base ones. */
export function createI18n(language: Language = DEFAULT_LANGUAGE, extra?: Partial<ResourceBundle>): i18n {
  const instance = i18next.createInstance();
  const resources: ResourceBundle = {
    'zh-CN': { ...baseResources['zh-CN'], ...(extra?.['zh-CN'] ?? {}) },
    en: { ...baseResources.en, ...(extra?.en ?? {}) },
  };
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    defaultNS: 'errors',
    initImmediate: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  } as Parameters<typeof instance.init>[0]);
  return instance;
}

/**
 * Picks the CLI's language from BUDGET_DESK_LANG / LC_ALL / LANG, defaulting to zh-CN. An empty variable
 * counts as unset, as POSIX locale lookup treats it.
 */
export function languageFromEnv(env: Record<string, string | undefined>): Language {
  const value = env.BUDGET_DESK_LANG || env.LC_ALL || env.LANG || '';
  return /^en/i.test(value) ? 'en' : DEFAULT_LANGUAGE;
}
