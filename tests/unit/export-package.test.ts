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
import { findTemplate } from '../../src/core/templates';
import { pdfFooter } from '../../src/main/services/export/pdf';
import { PAGE_NUMBER_FOOTER, pageNumberFooter } from '../../src/main/services/export/pdf-printer';
import { loadSeedWorkbook } from '../support/seeds';

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
    expect(outline[0]!.label).toBe('第一部分 济源产城融合示范区医疗保障局部门概况');
    expect(pkg.cover.lines.map((line) => line.text)).toEqual(['济源产城融合示范区医疗保障局', '2024年度部门预算', '2024年5月26日']);
    const html = renderPackageHtml(pkg);
    expect(html).toContain('<title>济源产城融合示范区医疗保障局2024年度部门预算</title>');
    expect(html).toContain('<h1>目　录</h1>');
    expect(html).toContain('@page { size: A4 portrait; margin: 18mm 15mm 16mm 15mm; }');
    expect(html).toContain('@page landscape { size: A4 landscape; margin: 13mm 12mm 14mm 12mm; }');
  });
});

describe('sections in the template’s order', () => {
  it('prints and lists reordered sections in their new order', () => {
    const template = variant((spec) => ({
      sections: ['glossary', 'tables', 'narrative', 'overview', 'duties', 'organization', 'units'].map((id) => spec.sections.find((candidate) => candidate.id === id)!),
    }));
    const pkg = build(template);
    const levelOne = packageOutline(pkg).filter((entry) => entry.level === 1);
    expect(levelOne.map((entry) => entry.id)).toEqual(['part-glossary', 'part-tables', 'part-narrative', 'part-overview']);
    const text = bodyText(renderPackageHtml(pkg));
    expect(before(text, '第三部分名词解释', '附件：')).toBe(true);
    // Every table prints right after the annex's list, before the narrative.
    expect(before(text, tableTitle('project-performance'), '第二部分')).toBe(true);
    expect(before(text, '第二部分', '第一部分')).toBe(true);
    expect(before(text, '第一部分', '一、主要职责')).toBe(true);
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
        { ...section(henan, 'tables'), heading: '附件二' },
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
      { ...section(henan, 'units'), emptyText: '本部门无下属单位。' },
      { ...section(henan, 'glossary'), emptyText: '（无）' },
      ...spec.sections.filter((candidate) => candidate.id === 'tables'),
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
    expect(html).toContain('一、主要职责</h2><p class="empty-text">本部门暂无职责说明。</p>');
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
      package: { ...hebei.package, sections: [{ id: 'perf', kind: 'table', heading: '项目绩效', table: perProject, emptyText: '本部门无项目。' }, ...hebei.package.sections] },
    };
    const noProjects = { ...hebeiBook, projects: [], budgetLines: hebeiBook.budgetLines.filter((line) => !line.projectId) };
    expect(renderPackageHtml(build(withTable, noProjects))).toContain('<h2 id="section-perf">项目绩效</h2><p class="empty-text">本部门无项目。</p>');
    // With projects, every copy prints there (and none in the annex).
    const html = renderPackageHtml(build(withTable, hebeiBook));
    expect(html).not.toContain('本部门无项目。');
    const copies = hebeiBook.projects.length;
    expect(copies).toBeGreaterThan(1);
    expect(html.split('<div class="inline-table">').length - 1).toBe(copies);
    expect(html.indexOf('<div class="inline-table">')).toBeLessThan(html.indexOf('id="part-overview"'));
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

  it('prints no date when the cover does not fall back to the export date', () => {
    const template = variant((spec) => ({ cover: { ...spec.cover, dateFallback: 'none' } }));
    const unpublished = { ...workbook, department: { ...workbook.department, publishedOn: '' } };
    const html = renderPackageHtml(build(template, unpublished, '2024-06-01'));
    expect(html).not.toContain('<div class="cover-date">');
    expect(html).not.toContain('2024年6月1日');
    // The workbook's own 公开日期 still prints.
    expect(renderPackageHtml(build(template))).toContain('<div class="cover-date">2024年5月26日</div>');
    // Falling back to the export date (the built-ins):
    expect(renderPackageHtml(build(henan, unpublished, '2024-06-01'))).toContain('<div class="cover-date">2024年6月1日</div>');
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

    const numbered = pdfFooter(build(variant((spec) => ({ page: { ...spec.page, footer: { text: '第{page}页' } } }))));
    expect(numbered).toEqual({ footerTemplate: pageNumberFooter('第{page}页'), css: '' });
    const bareCover = pdfFooter(build(variant((spec) => ({ cover: { ...spec.cover, pageNumber: false }, page: { ...spec.page, footer: { text: '第{page}页' } } }))));
    expect(bareCover.footerTemplate).not.toContain('pageNumber');
    expect(bareCover.css).toBe(footerCss('第{page}页', false));
  });
});
