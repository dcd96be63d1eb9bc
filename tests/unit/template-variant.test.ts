import { describe, expect, it } from 'vitest';
import { emptyWorkbook } from '../../src/core/model';
import { builtinLookup, loadTemplate, settingsWithTemplate, TEMPLATES, templateForWorkbook } from '../../src/core/templates';
import { textBlocksFor } from '../../src/core/workbench';
import { buildVariant, customTemplateId, notesOf, tableDrafts, titleForYear, zeroChoices } from '../../src/renderer/screens/template-variant';
import { templateFromFile } from '../support/templates';

/** The templates screen's simple changes: the drafts of a template's tables and the variant they come to. */
const henan = TEMPLATES['henan-2024']!;
const county = templateFromFile(new URL('../fixtures/templates/henan-county-variant.json', import.meta.url));

describe('table drafts', () => {
  it('start from the template as it prints: title, notes one a line, the zero style in force', () => {
    const drafts = tableDrafts(henan);
    expect(drafts.map((draft) => draft.id)).toEqual(henan.tables.map((table) => table.id));
    expect(drafts[0]).toEqual({
      id: 'income-expenditure-summary',
      number: '一',
      baseTitle: '{year}年部门收支预算表',
      title: '{year}年部门收支预算表',
      notes: '注：报表金额单位转换时可能存在四舍五入尾数误差。',
      zero: '',
      included: true,
    });
    expect(tableDrafts(county).every((draft) => draft.zero === '0.00')).toBe(true);
    // A table's own zero wins over the template's (Shaanxi's summary prints "0").
    const shaanxi = tableDrafts(TEMPLATES['shaanxi-2024']!);
    expect(shaanxi.find((draft) => draft.id === 'income-expenditure-summary')?.zero).toBe('0');
  });

  it('offer blank, 0.00 and a dash, and a table’s other style besides', () => {
    expect(zeroChoices('')).toEqual(['', '0.00', '-']);
    expect(zeroChoices('0')).toEqual(['', '0.00', '-', '0']);
  });

  it('read notes one a line, without blank lines', () => {
    expect(notesOf('注：一。  \r\n\n  \n二、说明')).toEqual(['注：一。', '二、说明']);
    expect(notesOf('')).toEqual([]);
  });
});

describe('the variant the form saves', () => {
  it('is nothing but the header when nothing changed', () => {
    const { document, changes } = buildVariant(henan, tableDrafts(henan), { id: 'henan-2024-custom', name: '河南（自定义）' });
    expect(changes).toBe(0);
    expect(document).toEqual({ format: 'budget-desk-template', formatVersion: 1, id: 'henan-2024-custom', version: 1, name: '河南（自定义）', extends: 'henan-2024' });
  });

  it('lists only the changed tables, and the ones left out', () => {
    const drafts = tableDrafts(henan).map((draft) => {
      if (draft.id === 'income-expenditure-summary') return { ...draft, title: '{year}年部门收支预算总表' };
      if (draft.id === 'income') return { ...draft, notes: `${draft.notes}\n本表含上年结转。`, zero: '-' };
      if (draft.id === 'expenditure') return { ...draft, zero: '' }; // the style it has: no change
      if (draft.id === 'state-capital') return { ...draft, included: false, title: 'ignored' };
      return draft;
    });
    const { document, changes } = buildVariant(henan, drafts, { id: 'henan-2024-custom', name: '河南（自定义）' });
    expect(changes).toBe(3);
    expect(document.tables).toEqual({
      remove: ['state-capital'],
      change: {
        'income-expenditure-summary': { title: '{year}年部门收支预算总表' },
        income: { notes: ['注：报表金额单位转换时可能存在四舍五入尾数误差。', '本表含上年结转。'], zero: '-' },
      },
    });
  });

  it('loads on top of its base into the template the clerk asked for', () => {
    const drafts = tableDrafts(county).map((draft) => {
      if (draft.id === 'fiscal-summary') return { ...draft, title: '{year}年财政拨款收支总表', zero: '-' };
      if (draft.id === 'three-public') return { ...draft, included: false };
      return draft;
    });
    const { document } = buildVariant(county, drafts, { id: customTemplateId(county.id), name: '某县（自定义）' });
    // The base resolves as the service resolves it: from the workbook's own copy of the current template.
    const workbook = emptyWorkbook({ code: '001', name: '某县医疗保障局', year: 2024, publishedOn: '' });
    const settings = settingsWithTemplate(workbook.settings, county);
    const result = loadTemplate(JSON.stringify(document), (id) => (id === settings.templateDocument?.id ? settings.templateDocument : builtinLookup(id)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const tables = result.template.tables;
    expect(result.template.id).toBe('henan-2024-county-custom');
    expect(tables.map((table) => table.id)).toEqual(county.tables.map((table) => table.id).filter((id) => id !== 'three-public'));
    expect(tables.find((table) => table.id === 'fiscal-summary')).toMatchObject({ title: '{year}年财政拨款收支总表', zero: '-' });
    // The county's own changes stay: 0.00 zeros, its reworded titles.
    expect(result.template.money.zero).toBe('0.00');
    expect(tables[0]?.title).toBe('{year}年部门收支预算总表');
    // Kept in a workbook, it is what the workbook's screens use.
    expect(templateForWorkbook({ settings: settingsWithTemplate(settings, result.template) })?.name).toBe('某县（自定义）');
  });
});

describe('naming', () => {
  it('suggests an id after the current template’s, numbering custom ones', () => {
    expect(customTemplateId('henan-2024')).toBe('henan-2024-custom');
    expect(customTemplateId('henan-2024-custom')).toBe('henan-2024-custom-2');
    expect(customTemplateId('henan-2024-custom-2')).toBe('henan-2024-custom-3');
  });

  it('labels a table with the budget year in its title', () => {
    expect(titleForYear('{year}年部门收支预算表', 2025)).toBe('2025年部门收支预算表');
  });
});

describe('the texts screen with a custom template', () => {
  it('offers the blocks its narrative prints, under its own name', () => {
    const custom = { ...TEMPLATES['hebei-2024']!, id: 'hebei-2024-custom', name: '河北（自定义）' };
    expect(textBlocksFor(custom, {})).toEqual({
      template: 'hebei-2024-custom',
      entries: [{ block: 'safeguards', headings: [{ templateId: 'hebei-2024-custom', province: '河北', heading: '（三）工作保障措施' }], printed: true }],
    });
  });
});
