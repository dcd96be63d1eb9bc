import { describe, expect, it } from 'vitest';
import { ASSET_FIGURES } from '../../src/core/workbench';
import { createI18n, LANGUAGES } from '../../src/shared/i18n';
import zhWorkbench from '../../src/shared/locales/zh-CN/workbench.json';
import enWorkbench from '../../src/shared/locales/en/workbench.json';

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

/** i18next plural suffixes: zh-CN has only "other", English "one" and "other". */
const withoutPlural = (key: string) => key.replace(/_(one|other)$/, '');

describe('workbench messages', () => {
  it('zh-CN and en have the same keys (up to plural forms), none empty', () => {
    const zh = leaves(zhWorkbench);
    const en = leaves(enWorkbench);
    expect([...new Set(en.map(([key]) => withoutPlural(key)))].sort()).toEqual([...new Set(zh.map(([key]) => withoutPlural(key)))].sort());
    for (const [key, text] of [...zh, ...en]) expect([key, typeof text === 'string' && text.trim() !== '']).toEqual([key, true]);
  });

  it('name every asset figure and quantity measure in both languages', () => {
    for (const language of LANGUAGES) {
      const i18n = createI18n(language);
      for (const spec of ASSET_FIGURES) {
        for (const key of [`workbench:assets.figure.${spec.key}`, ...(spec.quantity ? [`workbench:assets.measure.${spec.quantity.measure}`] : [])]) {
          expect([language, key, i18n.exists(key)]).toEqual([language, key, true]);
        }
      }
    }
  });
});
