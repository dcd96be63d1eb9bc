import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayRows, evaluateTemplate, type EvaluatedTable } from '../../src/core/tables/evaluate';
import { catalogNames } from '../../src/core/tables/names';
import type { Workbook } from '../../src/core/model';
import {
  builtinLookup,
  builtinUpdate,
  findTemplate,
  formatTemplateJson,
  loadTemplate,
  TEMPLATE_IDS,
  TEMPLATES,
  toBaseDocument,
  useTemplateEdits,
  workbookTemplate,
  type TemplateProblem,
} from '../../src/core/templates';
import { templateJsonSchema } from '../../src/core/templates/json-schema';
import { createI18n } from '../../src/shared/i18n';
import enTemplate from '../../src/shared/locales/en/template.json';
import zhTemplate from '../../src/shared/locales/zh-CN/template.json';
import { loadSeedWorkbook } from '../support/seeds';
import { shippedTemplate, templateFromFile } from '../support/templates';

const root = new URL('../../', import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a template file as raw JSON, which the cases below break on purpose
type RawJson = Record<string, any>;
const shipped = (id: string) => JSON.parse(readFileSync(new URL(`resources/templates/${id}.json`, root), 'utf8')) as RawJson;
const zh = createI18n('zh-CN');
const en = createI18n('en');

/** The problems of a template built from `document`, each worded in both languages. */
function problemsOf(document: unknown, lookup = builtinLookup): (TemplateProblem & { zh: string; en: string })[] {
  const result = loadTemplate(document, lookup);
  if (result.ok) return [];
  return result.problems.map((problem) => ({ ...problem, zh: zh.t(problem.messageKey, problem.params), en: en.t(problem.messageKey, problem.params) }));
}

/** A Henan file with one change made to it. */
function henanWith(change: (document: RawJson) => void): RawJson {
  const document = shipped('henan-2024');
  change(document);
  return document;
}

const variant = (changes: Record<string, unknown>) => ({ format: 'budget-desk-template', formatVersion: 1, id: 'county', version: 1, name: '某县', extends: 'henan-2024', ...changes });

describe('template files', () => {
  it('ships every built-in as a file that loads without a problem', () => {
    for (const id of TEMPLATE_IDS) {
      const result = loadTemplate(readFileSync(new URL(`resources/templates/${id}.json`, root), 'utf8'), builtinLookup);
      expect(result.ok ? [] : result.problems).toEqual([]);
    }
    expect(TEMPLATE_IDS.sort()).toEqual(['hebei-2024', 'henan-2024', 'shaanxi-2024']);
  });

  it('ships the JSON Schema generated from the zod schemas', () => {
    expect(readFileSync(new URL('resources/template.schema.json', root), 'utf8')).toBe(templateJsonSchema());
  });

  it('keeps the shipped files in the formatter’s layout, so an export or a rewrite reads the same', () => {
    for (const id of TEMPLATE_IDS) expect(readFileSync(new URL(`resources/templates/${id}.json`, root), 'utf8')).toBe(formatTemplateJson(shipped(id)));
  });

  it('prints a resolved template as a whole file that loads back to the same template', () => {
    const county = templateFromFile(new URL('tests/fixtures/templates/henan-county-variant.json', root));
    const printed = JSON.parse(formatTemplateJson(toBaseDocument(county)));
    expect('extends' in printed).toBe(false);
    const again = loadTemplate(printed);
    expect(again.ok && again.template).toEqual(county);
  });

  it('has every message in both languages', () => {
    expect(Object.keys(enTemplate).sort()).toEqual(Object.keys(zhTemplate).sort());
    const used = new Set<string>();
    for (const file of ['load.ts', 'validate.ts', 'overlay.ts', 'columns.ts', 'workbook-template.ts']) {
      for (const match of readFileSync(new URL(`src/core/templates/${file}`, root), 'utf8').matchAll(/'template:(\w+)'/g)) used.add(match[1]!);
    }
    for (const key of used) expect(Object.keys(zhTemplate), key).toContain(key);
  });
});

describe('validation names the mistake by JSON path, in zh and en', () => {
  const cases: { name: string; document: () => unknown; path: string; key: string; zh: string; en: string }[] = [
    {
      name: 'unknown fund node',
      document: () => henanWith((d) => (d.tables[1].body[0].cells[2] = { measure: { source: 'income', funds: ['gen.appropriaton'] } })),
      path: 'tables[1].body[0].cells[2].measure.funds[0]',
      key: 'template:unknownFund',
      zh: '没有资金来源“gen.appropriaton”',
      en: 'There is no fund source "gen.appropriaton"',
    },
    {
      name: 'code prefix',
      document: () => henanWith((d) => (d.tables[0].body[0].cells[3] = { measure: { source: 'budget', functions: ['21O'] } })),
      path: 'tables[0].body[0].cells[3].measure.functions[0]',
      key: 'template:badCodePrefix',
      zh: '科目编码前缀“21O”无效',
      en: 'Code prefix "21O" is not valid',
    },
    {
      name: 'field path',
      document: () => henanWith((d) => (d.tables[2].body[2].cells.leaf[0] = { field: 'classcode' })),
      path: 'tables[2].body[2].cells.leaf[0].field',
      key: 'template:unknownRowField',
      zh: '行字段“classcode”不存在',
      en: 'There is no row field "classcode"',
    },
    {
      name: 'placeholder',
      document: () => henanWith((d) => (d.tables[0].title = '{yaer}年部门收支预算表')),
      path: 'tables[0].title',
      key: 'template:unknownPlaceholder',
      zh: '不认识的占位符 {yaer}',
      en: 'Unknown placeholder {yaer}',
    },
    {
      name: 'figure key',
      document: () => henanWith((d) => (d.narrative.sections[0].paragraphs[0] = '收入总计{amount:income.totl}万元。')),
      path: 'narrative.sections[0].paragraphs[0]',
      key: 'template:unknownFigure',
      zh: '没有名为“income.totl”的数据项',
      en: 'There is no figure "income.totl"',
    },
    {
      name: 'part kind',
      document: () => henanWith((d) => (d.tables[2].body[2].kind = 'functionRows')),
      path: 'tables[2].body[2].kind',
      key: 'template:unknownKind',
      zh: '不认识的类型“functionRows”',
      en: 'Unknown kind "functionRows"',
    },
    {
      name: 'header spans that do not fit the column count',
      document: () => henanWith((d) => (d.tables[0].header[0][1].colSpan = 3)),
      path: 'tables[0].header[0][1]',
      key: 'template:headerTooWide',
      zh: '超出了表的 4 列',
      en: 'runs past the table\'s 4 columns',
    },
    {
      name: 'header with a gap',
      document: () => henanWith((d) => d.tables[0].header[1].pop()),
      path: 'tables[0].header[1]',
      key: 'template:headerGap',
      zh: '没有覆盖全部 4 列（缺 1 列）',
      en: 'does not cover all 4 columns (1 missing)',
    },
    {
      name: 'sum columns out of range',
      document: () => henanWith((d) => (d.tables[0].body[0].cells[1] = { sum: [1, 7] })),
      path: 'tables[0].body[0].cells[1].sum',
      key: 'template:sumOutOfRange',
      zh: '合计引用了第 7 列',
      en: 'refers to column 7',
    },
    {
      name: 'a variant changing a table its base does not have',
      document: () => variant({ tables: { change: { 'expenditures': { title: 'x' } } } }),
      path: 'tables.change["expenditures"]',
      key: 'template:unknownTable',
      zh: '没有 id 为“expenditures”的表',
      en: 'has no table with id "expenditures"',
    },
    {
      name: 'a variant replacing a column its base does not have',
      document: () => variant({ tables: { change: { expenditure: { columns: { replace: { 公共经费: [{ id: 'goods', header: '商品和服务支出', cell: '' }] } } } } } }),
      path: 'tables.change["expenditure"].columns.replace["公共经费"]',
      key: 'template:unknownColumn',
      zh: '没有标识为“公共经费”的列',
      en: 'has no column with id "公共经费"',
    },
    {
      name: 'a variant removing a row list its base does not have',
      document: () => variant({ tables: { change: { expenditure: { rows: { remove: ['rows-unit'] } } } } }),
      path: 'tables.change["expenditure"].rows.remove[0]',
      key: 'template:unknownPart',
      zh: '没有 id 为“rows-unit”的行组',
      en: 'has no row list with id "rows-unit"',
    },
    {
      name: 'a variant changing a package section its base does not have',
      document: () => variant({ package: { sections: { remove: ['appendix'] } } }),
      path: 'package.sections.remove[0]',
      key: 'template:unknownSection',
      zh: '没有 id 为“appendix”的章节',
      en: 'has no section with id "appendix"',
    },
    {
      name: 'an unknown base',
      document: () => variant({ extends: 'henan-2023' }),
      path: 'extends',
      key: 'template:unknownBase',
      zh: '找不到所继承的模板“henan-2023”',
      en: 'The template it extends, "henan-2023", was not found',
    },
    {
      name: 'a table printed twice in the package',
      document: () => henanWith((d) => d.package.sections.splice(2, 0, { id: 'early', kind: 'table', table: 'income' }, { id: 'again', kind: 'table', table: 'income' })),
      path: 'package.sections[3].table',
      key: 'template:tablePrintedTwice',
      zh: '表“income”在公开文本中出现了两次',
      en: 'Table "income" is printed twice',
    },
    {
      name: 'a package section printing a narrative section the narrative does not have',
      document: () => henanWith((d) => (d.package.sections[3].sections = ['其他说明'])),
      path: 'package.sections[3].sections[0]',
      key: 'template:unknownNarrativeSection',
      zh: '情况说明中没有 id 为“其他说明”的部分',
      en: 'The narrative has no section with id "其他说明"',
    },
    {
      name: 'a narrative section printed twice in the package',
      document: () =>
        henanWith((d) => {
          d.package.sections[3].sections = ['收入预算总体情况说明'];
          d.package.sections.splice(4, 0, { id: 'again', kind: 'narrative', sections: ['收入预算总体情况说明'] });
        }),
      path: 'package.sections[4].sections[0]',
      key: 'template:narrativeSectionPrintedTwice',
      zh: '情况说明的“收入预算总体情况说明”部分在公开文本中出现了两次',
      en: 'Narrative section "收入预算总体情况说明" is printed twice',
    },
    {
      name: 'an unknown field in the file',
      document: () => henanWith((d) => (d.tables[0].titel = '收支总表')),
      path: 'tables[0]',
      key: 'template:unknownField',
      zh: '不认识的字段：titel',
      en: 'Unknown field: titel',
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const problems = problemsOf(testCase.document());
      const found = problems.find((problem) => problem.messageKey === testCase.key);
      expect(found, JSON.stringify(problems.slice(0, 3))).toBeDefined();
      expect(found!.path).toBe(testCase.path);
      expect(found!.zh).toContain(testCase.zh);
      expect(found!.en).toContain(testCase.en);
    });
  }

  it('finds cycles in extends', () => {
    const a = { ...variant({}), id: 'a', extends: 'b' };
    const b = { ...variant({}), id: 'b', extends: 'a' };
    const lookup = (id: string) => ({ a, b })[id as 'a' | 'b'];
    const problems = problemsOf(a, lookup);
    expect(problems.map((problem) => problem.messageKey)).toEqual(['template:extendsCycle']);
    expect(problems[0]!.zh).toContain('a → b → a');
    expect(problems[0]!.en).toContain('a → b → a');
  });

  it('refuses what is not a template, is not JSON, or is a newer format, without a stack trace', () => {
    expect(problemsOf('{"format": "budget-desk-workbook"}')[0]!.zh).toContain('这不是部门预算编制助手的模板文件');
    expect(problemsOf('{ not json')[0]!.messageKey).toBe('template:notJson');
    expect(problemsOf(henanWith((d) => (d.formatVersion = 2)))[0]!.en).toContain('newer format (version 2)');
  });

  it('never half-uses a broken template: any problem means no template', () => {
    const result = loadTemplate(henanWith((d) => (d.tables[0].title = '{x}')), builtinLookup);
    expect(result.ok).toBe(false);
    expect('template' in result).toBe(false);
  });
});

describe('a county variant written only as a file', () => {
  const base = shippedTemplate('henan-2024');
  const county = templateFromFile(new URL('tests/fixtures/templates/henan-county-variant.json', root));
  const workbook = loadSeedWorkbook('henan-2024');
  const names = catalogNames(workbook);
  const tablesOf = (template: typeof base) => new Map(evaluateTemplate(workbook, template, names).map((table) => [table.id, table]));
  const ours = tablesOf(county);
  const henan = tablesOf(base);
  const column = (table: EvaluatedTable, id: string, columns: string[]) => table.rows.map((row) => row.cells[columns.indexOf(id)]!);

  it('leaves out the table it removes and rewords titles', () => {
    expect(ours.has('state-capital')).toBe(false);
    expect([...ours.keys()]).toEqual([...henan.keys()].filter((id) => id !== 'state-capital'));
    expect(ours.get('income-expenditure-summary')!.title).toBe('2024年部门收支预算总表');
    expect(ours.get('expenditure')!.title).toBe('2024年部门支出预算总表');
    expect(ours.get('fiscal-summary')!.title).toBe(henan.get('fiscal-summary')!.title);
  });

  it('splits 公用经费 into 商品和服务支出 and 资本性支出 that add up to it, row by row, to the fen', () => {
    for (const id of ['expenditure', 'general-budget-expenditure']) {
      const spec = county.tables.find((table) => table.id === id)!;
      const baseSpec = base.tables.find((table) => table.id === id)!;
      const goods = column(ours.get(id)!, '商品和服务支出', spec.columns);
      const capital = column(ours.get(id)!, '资本性支出', spec.columns);
      const publicCost = column(henan.get(id)!, '公用经费', baseSpec.columns);
      expect(goods.length).toBe(publicCost.length);
      goods.forEach((cell, row) => expect((cell.fen ?? 0) + (capital[row]!.fen ?? 0)).toBe(publicCost[row]!.fen ?? 0));
      // The seed publishes 公用经费 130.50: 129.72 of 302 商品和服务支出 and 0.78 of 310 资本性支出.
      if (id === 'expenditure') expect([goods[0]!.text, capital[0]!.text, publicCost[0]!.text]).toEqual(['129.72', '0.78', '130.50']);
      expect(spec.columnCount).toBe(baseSpec.columnCount + 1);
    }
  });

  it('prints zeros as 0.00 and every other cell as the published Henan table does', () => {
    const ourRows = displayRows(ours.get('expenditure')!);
    const published = displayRows(henan.get('expenditure')!);
    const spec = county.tables.find((table) => table.id === 'expenditure')!;
    const baseSpec = base.tables.find((table) => table.id === 'expenditure')!;
    const split = ['商品和服务支出', '资本性支出'].map((id) => spec.columns.indexOf(id));
    const publicAt = baseSpec.columns.indexOf('公用经费');
    ourRows.forEach((row, index) => {
      const unchanged = row.filter((_, column) => !split.includes(column));
      const expected = published[index]!.filter((_, column) => column !== publicAt).map((text, column) => (text === '' && column >= 5 ? '0.00' : text));
      expect(unchanged).toEqual(expected);
    });
  });

  it('puts the new columns under 基本支出 in the header, which keeps fitting the table', () => {
    const header = ours.get('expenditure')!.header;
    expect(header[0]!.find((cell) => cell.text === '基本支出')!.colSpan).toBe(5);
    expect(header[1]!.map((cell) => cell.text)).toEqual(['类', '款', '项', '小计', '人员经费', '商品和服务支出', '资本性支出', '小计', '其他运转类', '特定目标类']);
  });

  it('is a short file', () => {
    expect(readFileSync(new URL('tests/fixtures/templates/henan-county-variant.json', root), 'utf8').split('\n').length).toBeLessThan(60);
    expect(findTemplate('henan-2024-county')).toBeUndefined();
  });
});

describe('the workbook’s template', () => {
  const henan = shippedTemplate('henan-2024');
  const workbook = loadSeedWorkbook('henan-2024');

  it('is kept whole in the workbook, and a stale copy (another id) is ignored', () => {
    const edits = useTemplateEdits({ ...workbook, texts: { ...workbook.texts, glossary: [] } }, henan);
    const settings = (edits[0] as { value: Workbook['settings'] }).value;
    expect(settings.template).toBe('henan-2024');
    expect(workbookTemplate(settings, {}, () => undefined)).toMatchObject({ ok: true, origin: 'workbook', template: henan });
    expect(workbookTemplate({ ...settings, template: 'hebei-2024' }, TEMPLATES, builtinLookup)).toMatchObject({ ok: true, origin: 'builtin', template: { id: 'hebei-2024' } });
    expect(workbookTemplate({ template: 'nowhere', templateDocument: undefined }, TEMPLATES, builtinLookup)).toMatchObject({ ok: false, problems: [{ messageKey: 'template:unknownBase' }] });
  });

  it('starts an empty glossary with the template’s defaults, and leaves a written one alone', () => {
    const empty = useTemplateEdits({ ...workbook, texts: { ...workbook.texts, glossary: [] } }, henan);
    expect(empty.map((edit) => ('key' in edit ? edit.key : ''))).toEqual(['settings', 'texts']);
    expect((empty[1] as { value: Workbook['texts'] }).value.glossary.map((entry) => entry.term)).toContain('“三公”经费');
    expect(useTemplateEdits(workbook, henan).length).toBe(1);
  });

  it('says when a newer version of its built-in exists, and keeps its own copy until the clerk takes it', () => {
    const settings = (useTemplateEdits(workbook, henan)[0] as { value: Workbook['settings'] }).value;
    expect(builtinUpdate(settings, TEMPLATES)).toBeNull();
    const newer = { ...TEMPLATES, 'henan-2024': { ...henan, version: henan.version + 1, name: '新版' } };
    expect(builtinUpdate(settings, newer)).toEqual({ id: 'henan-2024', version: henan.version, newVersion: henan.version + 1 });
    expect(workbookTemplate(settings, newer, builtinLookup)).toMatchObject({ ok: true, template: { version: henan.version, name: henan.name } });
  });
});

describe('column changes keep merged body cells whole', () => {
  it('widens a cell merged across an added column and narrows it when one is removed', () => {
    const added = loadTemplate(variant({ tables: { change: { 'department-performance': { columns: { add: [{ after: 'c3', columns: [{ id: 'c3b', header: '', cell: '' }] }] } } } } }), builtinLookup);
    const removed = loadTemplate(variant({ tables: { change: { 'department-performance': { columns: { remove: ['c4'] } } } } }), builtinLookup);
    const goal = (result: typeof added) => {
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const table = result.template.tables.find((candidate) => candidate.id === 'department-performance')!;
      const row = table.body.find((part) => part.id === '年度履职目标') as { cells: { colSpan?: number }[] };
      return { columns: table.columnCount, span: row.cells[1]!.colSpan, cells: row.cells.length };
    };
    expect(goal(added)).toEqual({ columns: 6, span: 5, cells: 6 });
    expect(goal(removed)).toEqual({ columns: 4, span: 3, cells: 4 });
  });
});
