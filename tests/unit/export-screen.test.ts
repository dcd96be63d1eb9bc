import { describe, expect, it } from 'vitest';
import { emptyWorkbook } from '../../src/core/model';
import { settingsWithTemplate, TEMPLATES } from '../../src/core/templates';
import { baseResources } from '../../src/shared/i18n';
import { defaultExportNames, defaultTemplate, safeFileName } from '../../src/renderer/screens/export-defaults';

/** The export screen's defaults, and its words in both languages. */
const templates = Object.values(TEMPLATES);

function workbookNamed(name: string, year = 2024, template: string | null = null) {
  const workbook = emptyWorkbook({ code: '001', name, year, publishedOn: '' });
  return { ...workbook, settings: { ...workbook.settings, template } };
}

describe('default template', () => {
  it('takes the workbook’s own setting first', () => {
    expect(defaultTemplate(workbookNamed('济源产城融合示范区医疗保障局', 2024, 'shaanxi-2024'), templates)).toEqual({ id: 'shaanxi-2024', reason: 'setting' });
  });

  it('finds the province from the department’s province or city name', () => {
    expect(defaultTemplate(workbookNamed('济源产城融合示范区医疗保障局'), templates)).toEqual({ id: 'henan-2024', reason: 'province' });
    expect(defaultTemplate(workbookNamed('邢台市医疗保障局'), templates)).toEqual({ id: 'hebei-2024', reason: 'province' });
    expect(defaultTemplate(workbookNamed('陕西省财政厅', 2025), templates)).toEqual({ id: 'shaanxi-2024', reason: 'province' });
    expect(defaultTemplate(workbookNamed('汉中市西乡县医疗保障局'), templates)).toEqual({ id: 'shaanxi-2024', reason: 'province' });
  });

  it('leaves the choice to the clerk when nothing points anywhere', () => {
    expect(defaultTemplate(workbookNamed('西乡县医疗保障局'), templates)).toEqual({ id: null, reason: 'none' });
  });

  it('reports a setting that names no template as unusable, never swapping in the province’s', () => {
    expect(defaultTemplate(workbookNamed('某某局', 2024, 'gone-2020'), templates)).toEqual({ id: 'gone-2020', reason: 'unusable' });
    expect(defaultTemplate(workbookNamed('济源产城融合示范区医疗保障局', 2024, 'gone-2020'), templates)).toEqual({ id: 'gone-2020', reason: 'unusable' });
  });

  it('takes the workbook’s own copy of a custom template', () => {
    const workbook = workbookNamed('济源产城融合示范区医疗保障局');
    const henan = TEMPLATES['henan-2024']!;
    const custom = settingsWithTemplate(workbook.settings, { ...henan, id: 'henan-2024-custom', name: '河南（自定义）' });
    expect(defaultTemplate({ ...workbook, settings: custom }, templates)).toEqual({ id: 'henan-2024-custom', reason: 'setting' });
    // A copy left behind by a client that changed only the id does not count.
    expect(defaultTemplate({ ...workbook, settings: { ...custom, template: 'gone-2020' } }, templates)).toEqual({ id: 'gone-2020', reason: 'unusable' });
  });
});

describe('default names', () => {
  it('names the outputs after the department and year, in the data folder', () => {
    expect(defaultExportNames(workbookNamed('济源产城融合示范区医疗保障局'))).toEqual({
      xlsx: '济源产城融合示范区医疗保障局-2024-部门预算公开.xlsx',
      pdf: '济源产城融合示范区医疗保障局-2024-部门预算公开.pdf',
      openData: '济源产城融合示范区医疗保障局-2024-部门预算公开数据',
    });
  });

  it('keeps names legal on every file system', () => {
    expect(safeFileName(' A/B\\C:D*E?F"G<H>I|J ')).toBe('A／B＼C：D＊E？F＂G＜H＞I｜J');
    expect(defaultExportNames(workbookNamed('局/处')).pdf).toBe('局／处-2024-部门预算公开.pdf');
  });
});

describe('export words', () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
      : [prefix];

  it('has every key in both languages, none empty', () => {
    const zh = keys(baseResources['zh-CN'].export).sort();
    const en = keys(baseResources.en.export).sort();
    // Plural forms differ: zh-CN has only "_other", English "_one" and "_other".
    const withoutPlural = (list: string[]) => [...new Set(list.map((key) => key.replace(/_(one|other)$/, '')))];
    expect(withoutPlural(zh)).toEqual(withoutPlural(en));
    for (const key of zh) {
      const path = key.split('.');
      const word = (bundle: unknown) => path.reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], bundle);
      expect(String(word(baseResources['zh-CN'].export)).trim(), key).not.toBe('');
      expect(String(word(baseResources.en.export)), key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
