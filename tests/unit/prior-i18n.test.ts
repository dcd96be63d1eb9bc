import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbookFigures } from '../../src/core/prior/figures';
import { KEY_DEFINITIONS } from '../../src/core/prior/keys';
import { figureLabel } from '../../src/core/prior/labels';
import { createI18n, LANGUAGES } from '../../src/shared/i18n';
import enPrior from '../../src/shared/locales/en/prior.json';
import zhPrior from '../../src/shared/locales/zh-CN/prior.json';
import { loadSeedWorkbook, SEED_IDS } from '../support/seeds';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const root = new URL('../../', import.meta.url).pathname;

/** Every message code the prior-year code can raise or note. */
function codesInSource(): string[] {
  const files = [...sourceFiles(join(root, 'src/core/prior')), ...sourceFiles(join(root, 'src/main/services/prior'))];
  const codes = new Set<string>();
  for (const file of files) for (const match of readFileSync(file, 'utf8').matchAll(/'(prior:[\w.]+)'/g)) codes.add(match[1] as string);
  for (const scope of ['withoutCarryOver', 'generalBudgetOnly']) codes.add(`prior:note.scope_${scope}`);
  return [...codes].sort();
}

describe('prior-year messages', () => {
  it('zh-CN and en have the same keys (up to plural forms: zh-CN has only "_other")', () => {
    const withoutPlural = (list: string[]) => [...new Set(list.map((key) => key.replace(/_(one|other)$/, '')))].sort();
    expect(withoutPlural(keyPaths(enPrior))).toEqual(withoutPlural(keyPaths(zhPrior)));
  });

  it('every code the code uses is worded in both languages', () => {
    const codes = codesInSource();
    expect(codes.length).toBeGreaterThan(15);
    for (const language of LANGUAGES) {
      const i18n = createI18n(language);
      const missing = codes.filter((code) => !i18n.exists(code));
      expect([language, missing]).toEqual([language, []]);
    }
  });

  it('every figure key has a name in both languages', () => {
    const keys = new Set(KEY_DEFINITIONS.map((definition) => definition.key));
    for (const seed of SEED_IDS) for (const key of Object.keys(workbookFigures(loadSeedWorkbook(seed)))) keys.add(key);
    for (const language of LANGUAGES) {
      const i18n = createI18n(language);
      const unnamed = [...keys].filter((key) => {
        const label = figureLabel(key);
        return !i18n.exists(label.code) || i18n.t(label.code, label.params).includes('{{');
      });
      expect([language, unnamed]).toEqual([language, []]);
    }
    expect(createI18n('zh-CN').t(figureLabel('function.2101501').code, figureLabel('function.2101501').params)).toBe('一般公共预算支出（功能分类 2101501）');
    expect(createI18n('zh-CN').t(figureLabel('basic.personnel').code)).toBe('人员经费');
  });
});
