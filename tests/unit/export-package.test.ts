import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/model';
import {
  buildDisclosurePackage,
  chineseNumeral,
  evaluateReportTables,
  footerCss,
  packageNarrative,
  packageOutline,
  renderPackageHtml,
  tableLayout,
  type DisclosurePackage,
  type PackageSection,
  type PackageSpec,
} from '../../src/core/report';
import { catalogNames } from '../../src/core/tables/names';
import type { TemplateSpec } from '../../src/core/tables/spec';
import { builtinLookup, findTemplate, loadTemplate } from '../../src/core/templates';
import { pdfFooter } from '../../src/main/services/export/pdf';
import { PAGE_NUMBER_FOOTER, pageNumberFooter } from '../../src/main/services/export/pdf-printer';
import { loadSeedWorkbook, seedPath } from '../support/seeds';

/**
 * The package is built from the template's `package` structure: a variant of Henan's template with its
 * package changed (sections reordered, a table placed in the text, numbering, emptyText, no contents, a
 * cover without date, fixed orientation, another footer) prints exactly that, in the HTML and the outline.
 */
const henan = findTemplate('henan-2024')!;
const workbook = loadSeedWorkbook('henan-2024');

function section(template: TemplateSpec, id: string): PackageSection {
  const found = template.package.sections.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

function variant(change: (spec: PackageSpec) => Partial<PackageSpec>): TemplateSpec {
  const spec = structuredClone(henan.package);
  return { ...henan, package: { ...spec, ...change(spec) } };
}

function build(template: TemplateSpec, book: Workbook = workbook, fallbackDate = '2024-06-01'): DisclosurePackage {
  return buildDisclosurePackage({
    workbook: book,
    template,
    tables: evaluateReportTables(book, template, catalogNames(book)),
    narrative: packageNarrative(book, template),
    fallbackDate,
  });
}

/** The body's visible text in order (tags dropped), for "A comes before B" assertions. */
function bodyText(html: string): string {
  return html
    .slice(html.indexOf('<body>'))
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, '');
}

function before(text: string, first: string, second: string): boolean {
  const a = text.indexOf(first);
  const b = text.indexOf(second);
  return a >= 0 && b >= 0 && a < b;
}

const tableTitle = (id: string) => evaluateReportTables(workbook, henan, catalogNames(workbook)).find(({ spec }) => spec.id === id)!.table.title;

describe('the built-in structure', () => {
  it('keeps the contents’ ids and order: parts, their sections, the narrative, every table in the annex', () => {
    const pkg = build(henan);
    const outline = packageOutline(pkg);
    expect(outline.slice(0, 4).map((entry) => entry.id)).toEqual(['part-overview', 'overview-duties', 'overview-organization', 'part-narrative']);
    expect(outline.map((entry) => entry.id)).toContain('part-glossary');
    const annex = outline.findIndex((entry) => entry.id === 'part-tables');
    expect(outline.slice(annex + 1).map((entry) => entry.id)).toEqual(henan.tables.map((_, index) => `table-${index + 1}`));
    expect(outline[0]!.label).toBe('第一部分 济源产城融合示范区医疗保障局 部门概况');
    // The contents word 一、 shorter than the heading, as the seed does.
    expect(outline[1]!.label).toBe('一、主要职责');
    expect(pkg.cover.lines.map((line) => line.text)).toEqual(['2024年度济源产城融合示范区医疗保障局', '部门预算说明']);
    const html = renderPackageHtml(pkg);
    expect(html).toContain('<h2 id="overview-duties">一、济源产城融合示范区医疗保障局主要职责</h2>');
    expect(html).toContain('<title>2024年度济源产城融合示范区医疗保障局部门预算说明</title>');
    expect(html).toContain('<h1>目　录</h1>');
    expect(html).toContain('@page { size: A4 portrait; margin: 18mm 15mm 16mm 15mm; }');
    expect(html).toContain('@page landscape { size: A4 landscape; margin: 13mm 12mm 14mm 12mm; }');
  });
});

describe('sections in the template’s order', () => {
  it('prints and lists reordered sections in their new order', () => {
    const template = variant((spec) => ({
      sections: ['glossary', 'tables', 'annex', 'narrative', 'overview', 'duties', 'organization'].map((id) => spec.sections.find((candidate) => candidate.id === id)!),
    }));
    const pkg = build(template);
    const levelOne = packageOutline(pkg).filter((entry) => entry.level === 1);
    expect(levelOne.map((entry) => entry.id)).toEqual(['part-glossary', 'part-tables', 'part-narrative', 'part-overview']);
    const html = renderPackageHtml(pkg);
    // The body, after the contents.
    const all = bodyText(html);
    const text = all.slice(all.indexOf('第三部分名词解释', all.indexOf('第三部分名词解释') + 1));
    expect(before(text, '第三部分名词解释', '附件：')).toBe(true);
    // Every table prints right after the annex's title page, before the narrative.
    expect(before(text, tableTitle('project-performance'), '第二部分')).toBe(true);
    expect(before(text, '第二部分', '第一部分')).toBe(true);
    expect(before(text, '第一部分', '一、济源产城融合示范区医疗保障局主要职责')).toBe(true);
  });

  it('prints a table placed in a text section there, portrait, and leaves it out of the annex and the contents', () => {
    const template = variant((spec) => {
      const sections = [...spec.sections];
      const glossary = sections.findIndex((candidate) => candidate.id === 'glossary');
      sections.splice(
        glossary,
        0,
        { id: 'san-gong', kind: 'text', level: 2, heading: '三、“三公”经费说明', source: 'texts.blocks.transferPayments' },
        { id: 'san-gong-table', kind: 'table', table: 'three-public' },
      );
      return { sections };
    });
    const pkg = build(template);
    const html = renderPackageHtml(pkg);
    const title = tableTitle('three-public');
    const index = henan.tables.findIndex((table) => table.id === 'three-public');
    // The table keeps the anchor of its place among the template's tables.
    const placed = html.indexOf(`id="table-${index + 1}"`);
    expect(placed).toBeGreaterThan(html.indexOf('三、“三公”经费说明'));
    expect(placed).toBeLessThan(html.indexOf('id="part-glossary"'));
    expect(html.slice(placed - 200, placed)).toContain('<div class="inline-table"><section class="report-table portrait"');
    // Once only, and not in the annex's list or the contents.
    expect(html.split(`data-table="three-public"`).length).toBe(2);
    const annex = html.slice(html.indexOf('id="part-tables"'));
    expect(annex.slice(0, annex.indexOf('</ol>'))).not.toContain(title);
    const outline = packageOutline(pkg);
    expect(outline.map((entry) => entry.id)).not.toContain(`table-${index + 1}`);
    expect(outline.find((entry) => entry.id === 'narrative-san-gong')?.label).toBe('三、“三公”经费说明');
    expect(outline.filter((entry) => entry.id.startsWith('table-'))).toHaveLength(henan.tables.length - 1);
  });

  it('prints the tables a `tables` section names, in its order, and the rest where `rest` is', () => {
    const template = variant((spec) => ({
      sections: [
        ...spec.sections.filter((candidate) => candidate.id !== 'tables'),
        { id: 'budget', kind: 'tables', level: 1, heading: '附件一', tables: ['three-public', 'income'], list: true, pageBreak: true },
        { ...section(henan, 'annex'), level: 1, heading: '附件二' },
      ],
    }));
    const outline = packageOutline(build(template));
    const first = outline.findIndex((entry) => entry.label === '附件一');
    const second = outline.findIndex((entry) => entry.label === '附件二');
    expect(outline.slice(first + 1, second).map((entry) => entry.label)).toEqual([`八、${tableTitle('three-public')}`, `二、${tableTitle('income')}`]);
    expect(outline.slice(second + 1)).toHaveLength(henan.tables.length - 2);
  });
});

describe('numbering', () => {
  it('numbers headings by level and style, restarting level 2 in each part', () => {
    const template = variant(() => ({
      sections: [
        { id: 'a', kind: 'heading', heading: '{number} 概况', numbering: 'chinese-part' },
        { id: 'a1', kind: 'text', heading: '{number}主要职责', numbering: 'chinese', source: 'texts.duties' },
        { id: 'a2', kind: 'text', heading: '{number}机构设置', numbering: 'chinese', source: 'texts.organization' },
        { id: 'a3', kind: 'text', heading: '{number}其他', numbering: 'chinese-paren', source: 'texts.other' },
        { id: 'b', kind: 'heading', heading: '情况说明', numbering: 'chinese-part' },
        { id: 'b1', kind: 'text', heading: '收支', numbering: 'chinese', source: 'texts.duties' },
        { id: 'b2', kind: 'glossary', heading: '{number} 名词解释', numbering: 'decimal' },
        { id: 'b3', kind: 'text', heading: '无编号 {number}', source: 'texts.duties' },
        { id: 'c', kind: 'tables', level: 1, heading: '{number}：附表', numbering: 'chinese-part', tables: 'rest' },
      ],
    }));
    const labels = packageOutline(build(template))
      .filter((entry) => !entry.id.startsWith('table-'))
      .map((entry) => entry.label);
    expect(labels).toEqual(['第一部分 概况', '一、主要职责', '二、机构设置', '（一）其他', '第二部分 情况说明', '一、收支', '1. 名词解释', '无编号 ', '第三部分：附表']);
  });

  it('writes Chinese numerals', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
  });
});

describe('empty sections', () => {
  const template = variant((spec) => ({
    sections: [
      section(henan, 'overview'),
      { ...section(henan, 'duties'), emptyText: '本部门暂无职责说明。' },
      { id: 'block', kind: 'text', heading: '二、其他', source: 'texts.blocks.nothingHere', emptyText: '无。' },
      { id: 'plain', kind: 'text', heading: '三、空白', source: 'texts.blocks.nothingHere' },
      { id: 'units', kind: 'units', emptyText: '本部门无下属单位。' },
      { ...section(henan, 'glossary'), emptyText: '（无）' },
      ...spec.sections.filter((candidate) => candidate.id === 'tables' || candidate.id === 'annex'),
    ],
  }));

  it('prints emptyText only where the section has nothing, and a heading alone without it', () => {
    const html = renderPackageHtml(build(template));
    // The workbook has duties, units and a glossary: their emptyText does not print.
    expect(html).not.toContain('本部门暂无职责说明。');
    expect(html).not.toContain('本部门无下属单位。');
    expect(html).not.toContain('（无）');
    expect(html).toContain('<h2 id="overview-block">二、其他</h2><p class="empty-text">无。</p>');
    expect(html).toContain('<h2 id="overview-plain">三、空白</h2></section>');
  });

  it('prints it when the clerk wrote nothing, there are no units or no entries', () => {
    const bare: Workbook = { ...workbook, units: [], texts: { ...workbook.texts, duties: '', glossary: [] } };
    const html = renderPackageHtml(build(template, bare));
    expect(html).toContain('主要职责</h2><p class="empty-text">本部门暂无职责说明。</p>');
    expect(html).toContain('<p class="empty-text">本部门无下属单位。</p>');
    expect(html).toContain('第三部分 名词解释</h1><p class="empty-text">（无）</p>');
    expect(html).not.toContain('<table class="units">');
  });

  it('prints emptyText for a placed table with no copy (a per-project table without projects)', () => {
    const hebei = findTemplate('hebei-2024')!;
    const hebeiBook = loadSeedWorkbook('hebei-2024');
    const perProject = 'project-performance-{projectCode}';
    const withTable: TemplateSpec = {
      ...hebei,
      package: {
        ...hebei.package,
        sections: [{ id: 'perf', kind: 'table', heading: '项目绩效', table: perProject, emptyText: '本部门无项目。' }, ...hebei.package.sections.filter((candidate) => candidate.id !== 'project-performance')],
      },
    };
    const noProjects = { ...hebeiBook, projects: [], budgetLines: hebeiBook.budgetLines.filter((line) => !line.projectId) };
    expect(renderPackageHtml(build(withTable, noProjects))).toContain('<h2 id="section-perf">项目绩效</h2><p class="empty-text">本部门无项目。</p>');
    // With projects, every copy prints there (and none in the annex).
    const html = renderPackageHtml(build(withTable, hebeiBook));
    expect(html).not.toContain('本部门无项目。');
    const copies = hebeiBook.projects.length;
    expect(copies).toBeGreaterThan(1);
    expect(html.split('<div class="inline-table"><section class="report-table portrait" id="table-11"').length - 1).toBe(1);
    expect(html.split('data-table="project-performance-').length - 1).toBe(copies);
    expect(html.indexOf('data-table="project-performance-')).toBeLessThan(html.indexOf('data-table="income-expenditure-summary"'));
  });
});

describe('cover and contents', () => {
  it('prints no contents when the template has none', () => {
    const pkg = build(variant(() => ({ contents: undefined })));
    expect(pkg.contents).toBeUndefined();
    const html = renderPackageHtml(pkg);
    expect(html).not.toContain('class="toc');
    expect(html).not.toContain('目　录');
    expect(html).toContain('id="part-overview"');
  });

  it('prints a contents title of the template’s own', () => {
    expect(renderPackageHtml(build(variant(() => ({ contents: { title: '{year}年目录' } }))))).toContain('<section class="toc page-break"><h1>2024年目录</h1>');
  });

  it('prints the workbook’s 公开日期, and no date without one: the built-ins never fall back to the export’s day', () => {
    const unpublished = { ...workbook, department: { ...workbook.department, publishedOn: '' } };
    // Henan prints its date on the annex's title page.
    expect(renderPackageHtml(build(henan))).toContain('<div class="subcover-lines"><div class="cover-date">2024年5月26日</div></div>');
    for (const id of ['henan-2024', 'hebei-2024', 'shaanxi-2024']) {
      const template = findTemplate(id)!;
      expect(template.package.cover.dateFallback, id).toBe('none');
      const html = renderPackageHtml(build(template, { ...loadSeedWorkbook(id as 'henan-2024'), department: { ...unpublished.department, publishedOn: '' } }, '2024-06-01'));
      expect(html, id).not.toContain('<div class="cover-date">');
      expect(html, id).not.toContain('2024年6月1日');
    }
    // A template that chooses the export's date as its fallback says so, and gets it.
    const dated = variant((spec) => ({ cover: { ...spec.cover, lines: [...spec.cover.lines, { role: 'date', text: '{date}' }], dateFallback: 'exportDate' } }));
    expect(renderPackageHtml(build(dated, unpublished, '2024-06-01'))).toContain('<div class="cover-date">2024年6月1日</div>');
    expect(renderPackageHtml(build(dated))).toContain('<div class="cover-date">2024年5月26日</div>');
  });

  it('prints the cover’s lines in order, with their placeholders', () => {
    const template = variant((spec) => ({
      cover: {
        ...spec.cover,
        lines: [
          { role: 'title', text: '{year}年部门预算公开' },
          { role: 'department', text: '{departmentName}（{departmentCode}）' },
          { role: 'text', text: '对比{priorYear}年' },
          { role: 'date', text: '公开日期：{date}' },
        ],
      },
    }));
    const pkg = build(template);
    expect(pkg.title).toBe('2024年部门预算公开济源产城融合示范区医疗保障局（036）');
    expect(renderPackageHtml(pkg)).toContain(
      '<section class="cover"><div class="cover-title">2024年部门预算公开</div><div class="cover-department">济源产城融合示范区医疗保障局（036）</div>' +
        '<div class="cover-text">对比2023年</div><div class="cover-date">公开日期：2024年5月26日</div></section>',
    );
  });
});

describe('page set-up', () => {
  const annexOrientations = (pkg: DisclosurePackage) => [...renderPackageHtml(pkg).matchAll(/<section class="report-table (\w+)"/g)].map((match) => match[1]);

  it('chooses each table’s orientation by its width (auto), or prints every table as the template fixes it', () => {
    const auto = annexOrientations(build(henan));
    expect(new Set(auto)).toEqual(new Set(['portrait', 'landscape']));
    const landscape = build(variant((spec) => ({ page: { ...spec.page, tableOrientation: 'landscape' } })));
    expect(annexOrientations(landscape)).toEqual(auto.map(() => 'landscape'));
    const portrait = build(variant((spec) => ({ page: { ...spec.page, tableOrientation: 'portrait' } })));
    expect(annexOrientations(portrait)).toEqual(auto.map(() => 'portrait'));
  });

  it('measures tables for the template’s margins', () => {
    const table = evaluateReportTables(workbook, henan, catalogNames(workbook)).find(({ spec }) => spec.id === 'income')!.table;
    const wide = tableLayout(table, { orientation: 'landscape', contentWidthMm: { portrait: 180, landscape: 273 } });
    const narrow = tableLayout(table, { orientation: 'landscape', contentWidthMm: { portrait: 180, landscape: 237 } });
    expect(narrow.fontSizePt).toBeLessThan(wide.fontSizePt);
    const template = variant((spec) => ({ page: { ...spec.page, margins: { portrait: { top: 25, right: 20, bottom: 20, left: 30 }, landscape: { top: 20, right: 30, bottom: 20, left: 30 } } } }));
    const html = renderPackageHtml(build(template));
    expect(html).toContain('@page { size: A4 portrait; margin: 25mm 20mm 20mm 30mm; }');
    expect(html).toContain('@page landscape { size: A4 landscape; margin: 20mm 30mm 20mm 30mm; }');
    expect(html).toContain(`data-table="income" style="--table-font:${narrow.fontSizePt}pt"`);
  });

  it('sets the font of each role, the embedded faces behind any other family', () => {
    const template = variant((spec) => ({ page: { ...spec.page, fonts: { title: 'Noto Sans SC', heading: 'FangSong', body: 'Noto Serif SC', table: 'Noto Sans SC' } } }));
    const html = renderPackageHtml(build(template));
    expect(html).toContain(".cover { height: 250mm; display: flex; flex-direction: column; align-items: center; text-align: center; font-family: 'Noto Sans SC',");
    expect(html).toContain(".part h2 { font-family: 'FangSong', 'Noto Serif SC', 'SimSun', 'Songti SC', serif;");
    expect(html).toContain("body { margin: 0; font-family: 'Noto Serif SC', 'SimSun', 'Songti SC', serif;");
  });

  it('prints the template’s footer text, and none on the cover when it says so', () => {
    expect(pageNumberFooter('- {page} -')).toBe(PAGE_NUMBER_FOOTER);
    expect(pageNumberFooter('第{page}页')).toContain('>第<span class="pageNumber"></span>页</div>');
    expect(footerCss('第 {page} 页', true)).toMatch(/^@page \{ @bottom-center \{ content: "第 " counter\(page\) " 页";/);
    expect(footerCss('{page}', false)).toContain('content: counter(page);');
    expect(footerCss('{page}', false)).toContain('@page :first { @bottom-center { content: none; } }');

    const numbered = pdfFooter(build(variant((spec) => ({ cover: { ...spec.cover, pageNumber: true }, page: { ...spec.page, footer: { text: '第{page}页' } } }))));
    expect(numbered).toEqual({ footerTemplate: pageNumberFooter('第{page}页'), css: '' });
    const bareCover = pdfFooter(build(variant((spec) => ({ cover: { ...spec.cover, pageNumber: false }, page: { ...spec.page, footer: { text: '第{page}页' } } }))));
    expect(bareCover.footerTemplate).not.toContain('pageNumber');
    expect(bareCover.css).toBe(footerCss('第{page}页', false));
  });
});

describe('title pages, sub-headings and what the contents list', () => {
  const narrativeIds = henan.narrative!.sections.map((part) => part.id!);

  it('prints a cover section on a page of its own, its heading in the contents, its date the workbook’s', () => {
    const template = variant((spec) => ({
      sections: [
        ...spec.sections.filter((candidate) => candidate.id !== 'tables' && candidate.id !== 'annex'),
        { id: 'forms', kind: 'cover', heading: '第四部分 公开报表', lines: [{ role: 'title', text: '{year}年部门综合预算公开报表' }, { role: 'text', text: '部门名称：{departmentName}' }, { role: 'date', text: '{date}' }] },
        { id: 'annex', kind: 'tables', tables: 'rest' },
      ],
    }));
    const pkg = build(template);
    const html = renderPackageHtml(pkg);
    expect(html).toContain(
      '<section class="part subcover page-break" data-section="forms"><h1 id="part-forms">第四部分 公开报表</h1><div class="subcover-lines"><div class="cover-title">2024年部门综合预算公开报表</div>' +
        '<div class="cover-text">部门名称：济源产城融合示范区医疗保障局</div><div class="cover-date">2024年5月26日</div></div></section>',
    );
    const outline = packageOutline(pkg);
    const forms = outline.findIndex((entry) => entry.id === 'part-forms');
    // The tables after it are listed under it.
    expect(outline.slice(forms + 1).map((entry) => entry.id)).toEqual(henan.tables.map((_, index) => `table-${index + 1}`));
  });

  it('prints level-3 headings as sub-headings, numbered within their section, never in the contents', () => {
    const template = variant(() => ({
      sections: [
        { id: 'a', kind: 'heading', heading: '{number} 部门概况', numbering: 'chinese-part' },
        { id: 'a1', kind: 'heading', level: 2, heading: '{number}主要职责及机构设置', numbering: 'chinese' },
        { id: 'a1x', kind: 'text', level: 3, heading: '{number}部门主要职责', numbering: 'chinese-paren', source: 'texts.duties' },
        { id: 'a1y', kind: 'text', level: 3, heading: '{number}机构设置', numbering: 'chinese-paren', source: 'texts.organization' },
        { id: 'a2', kind: 'text', level: 2, heading: '{number}其他', numbering: 'chinese', source: 'texts.other' },
        { id: 'a2x', kind: 'text', level: 3, heading: '{number}细目', numbering: 'chinese-paren', source: 'texts.duties' },
      ],
    }));
    const pkg = build(template);
    expect(packageOutline(pkg).map((entry) => entry.label)).toEqual(['第一部分 部门概况', '一、主要职责及机构设置', '二、其他']);
    const html = renderPackageHtml(pkg);
    expect(html).toContain('<h3 id="a-a1x">（一）部门主要职责</h3>');
    expect(html).toContain('<h3 id="a-a1y">（二）机构设置</h3>');
    expect(html).toContain('<h3 id="a-a2x">（一）细目</h3>');
  });

  it('words a contents line as contentsHeading says, leaves one out with false, and links a contents-only heading to what prints next', () => {
    const template = variant(() => ({
      sections: [
        { id: 'tables', kind: 'tables', level: 1, heading: '部门预算公开表', headingPrinted: false, tables: ['income', 'expenditure'] },
        { id: 'a', kind: 'heading', heading: '{departmentName}情况说明', contentsHeading: '情况说明', pageBreak: true },
        { id: 'a1', kind: 'text', heading: '一、主要职责', contentsHeading: false, source: 'texts.duties' },
        { id: 'rest', kind: 'tables', tables: 'rest', listed: false },
      ],
    }));
    const pkg = build(template);
    const outline = packageOutline(pkg);
    expect(outline.map((entry) => entry.label)).toEqual(['部门预算公开表', `二、${tableTitle('income')}`, `三、${tableTitle('expenditure')}`, '情况说明']);
    const html = renderPackageHtml(pkg);
    // The heading is not printed; its anchor is the first thing on the first table's page.
    expect(html).not.toContain('<h1 id="part-tables">');
    expect(html).toContain('<section class="report-table landscape" id="table-2" data-table="income" style="--table-font:');
    expect(html).toMatch(/id="table-2" data-table="income" style="--table-font:[\d.]+pt"><span class="anchor" id="part-tables"><\/span><h2 class="table-title">/);
    expect(html).toContain('<h1 id="part-a">济源产城融合示范区医疗保障局情况说明</h1>');
    expect(html).toContain('<h2 id="a-a1">一、主要职责</h2>');
  });

  it('prints the narrative sections a section names, the rest where no list is given, headings by their level', () => {
    const levels = structuredClone(henan);
    levels.narrative!.sections = levels.narrative!.sections.map((part) => ('heading' in part && part.heading.startsWith('（') ? { ...part, level: 2 } : part));
    const template: TemplateSpec = {
      ...levels,
      package: {
        ...levels.package,
        sections: [
          { id: 'overview', kind: 'heading', heading: '第一部分 概况' },
          { id: 'early', kind: 'narrative', sections: [narrativeIds[1]!, narrativeIds[0]!] },
          { id: 'table', kind: 'table', table: 'three-public' },
          { id: 'late', kind: 'narrative', heading: '第二部分 说明', level: 1, contentsDepth: 2 },
        ],
      },
    };
    const pkg = build(template);
    const labels = packageOutline(pkg).map((entry) => `${entry.level}:${entry.label}`);
    // In the narrative's order, wherever the list names them; the rest after the table, down to two levels.
    expect(labels.slice(0, 3)).toEqual(['1:第一部分 概况', '2:一、收入支出预算总体情况说明', '2:二、收入预算总体情况说明']);
    expect(labels).toContain('3:（一）行政（事业）单位机关（机构）运转经费');
    expect(labels.filter((label) => label.includes('收入支出预算总体情况说明'))).toHaveLength(1);
    const html = renderPackageHtml(pkg);
    expect(before(html, '<h2 id="early-2">二、收入预算总体情况说明</h2>', 'data-table="three-public"')).toBe(true);
    expect(before(html, 'data-table="three-public"', '<h2 id="late-3">三、支出预算总体情况说明</h2>')).toBe(true);
    // A narrative without a heading of its own: its top headings are h2; under a part heading too, sub-sections h3.
    expect(html).toContain('<h2 id="early-1">一、收入支出预算总体情况说明</h2>');
    expect(html).toContain('<h3 id="late-11">（一）行政（事业）单位机关（机构）运转经费</h3>');
    const none = build({ ...template, package: { ...template.package, sections: template.package.sections.map((part) => (part.id === 'late' ? { ...part, contentsDepth: 0 } : part)) } });
    expect(packageOutline(none).map((entry) => entry.id)).toEqual(['part-overview', 'early-1', 'early-2', 'part-late']);
  });

  it('numbers glossary entries in the style the section gives', () => {
    const styled = (entryNumbering?: 'chinese' | 'decimal-comma') =>
      renderPackageHtml(build(variant((spec) => ({ sections: spec.sections.map((part) => (part.kind === 'glossary' ? { ...part, ...(entryNumbering ? { entryNumbering } : { entryNumbering: undefined }) } : part)) }))));
    expect(styled()).toContain('<p><span class="term">1. 财政拨款收入：</span>是指市级财政当年拨付的资金。</p>');
    expect(styled('chinese')).toContain('<p><span class="term">一、财政拨款收入：</span>');
    expect(styled('chinese')).toContain('<p><span class="term">八、行政（事业）单位机关（机构）运转经费：</span>');
    expect(styled('decimal-comma')).toContain('<p><span class="term">2、事业收入：</span>');
  });

  it('prints a table’s number above its title or before it, a placed table’s title of the section’s own', () => {
    const template = variant(() => ({
      sections: [
        { id: 'units', kind: 'table', table: 'income', title: '{year}年单位收入', tableNumber: 'prefix' },
        { id: 'annex', kind: 'tables', tables: 'rest', tableNumber: 'above', contentsTitles: { expenditure: '部门支出预算表' } },
      ],
    }));
    const pkg = build(template);
    const html = renderPackageHtml(pkg);
    expect(html).toContain('<h2 class="table-title">二、2024年单位收入</h2>');
    expect(html).toMatch(/data-table="expenditure" style="--table-font:[\d.]+pt"><div class="table-label">三<\/div><h2 class="table-title">2024年部门支出预算表<\/h2>/);
    expect(packageOutline(pkg).find((entry) => entry.id === 'table-3')?.label).toBe('三、部门支出预算表');
  });

  it('prints no cover page when the cover has no lines: the contents open the package and name it', () => {
    const pkg = build(variant((spec) => ({ cover: { ...spec.cover, lines: [] }, contents: { title: '{year} 年部门预算信息公开目录' } })));
    const html = renderPackageHtml(pkg);
    expect(html).not.toContain('class="cover"');
    expect(html).toContain('<body>\n<section class="toc"><h1>2024 年部门预算信息公开目录</h1>');
    expect(pkg.title).toBe('2024 年部门预算信息公开目录');
  });
});

describe('the built-ins print their seed’s 目录', () => {
  interface Entry {
    text: string;
    ours?: string;
    seedOnly?: boolean;
  }
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  for (const id of ['henan-2024', 'hebei-2024', 'shaanxi-2024'] as const) {
    it(id, () => {
      const fixture = JSON.parse(readFileSync(seedPath(id, 'headings.json'), 'utf8')) as { contentsTitle: Entry; contents: Entry[] };
      const pkg = build(findTemplate(id)!, loadSeedWorkbook(id));
      expect(squeeze(pkg.contents!.title)).toBe(squeeze(fixture.contentsTitle.text));
      expect(packageOutline(pkg).map((entry) => squeeze(entry.label))).toEqual(fixture.contents.filter((entry) => !entry.seedOnly).map((entry) => squeeze(entry.ours ?? entry.text)));
    });
  }
});

describe('a variant that removes what the package names', () => {
  it('takes the removed tables and narrative sections out of the package with them', () => {
    const loaded = loadTemplate(
      {
        format: 'budget-desk-template',
        formatVersion: 1,
        id: 'hebei-county',
        version: 1,
        name: '河北某县',
        extends: 'hebei-2024',
        tables: { remove: ['state-capital', 'fixed-assets'] },
        narrative: { sections: { remove: ['政府采购预算情况'] } },
      },
      builtinLookup,
    );
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const sections = loaded.template.package.sections;
    expect(sections.find((part) => part.id === 'fixed-assets')).toBeUndefined();
    const tables = sections.find((part) => part.id === 'tables');
    expect(tables?.kind === 'tables' && tables.tables).not.toContain('state-capital');
    const procurement = sections.find((part) => part.id === 'narrative-procurement');
    expect(procurement?.kind === 'narrative' && procurement.sections).toEqual([]);
    const html = renderPackageHtml(build(loaded.template, loadSeedWorkbook('hebei-2024')));
    expect(html).not.toContain('data-table="fixed-assets"');
    expect(html).not.toContain('八、政府采购预算情况');
    expect(html).toContain('data-table="procurement"');
  });

  it('still refuses a package naming a table that never existed', () => {
    const loaded = loadTemplate(
      { format: 'budget-desk-template', formatVersion: 1, id: 'hebei-county', version: 1, name: '河北某县', extends: 'hebei-2024', package: { sections: { add: [{ item: { id: 'x', kind: 'table', table: 'no-such-table' } }] } } },
      builtinLookup,
    );
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.problems.map((problem) => problem.messageKey)).toContain('template:unknownTableRef');
  });
});
