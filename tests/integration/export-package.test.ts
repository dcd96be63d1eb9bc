import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageSection } from '../../src/core/report';
import type { TemplateSpec } from '../../src/core/tables/spec';
import { findTemplate } from '../../src/core/templates';
import { ChromiumPdfPrinter, exportPdf, reportTables, type PdfResult } from '../../src/main/services/export';
import { loadSeedWorkbook } from '../support/seeds';

/**
 * A real PDF of a template whose package differs from the built-ins: Henan's tables in another structure —
 * the glossary first, a text section with the 三公 table printed inside it, numbered parts, every table
 * landscape, a cover without date or page number, a footer of its own. pdftotext reads the sections in
 * the spec's order, the placed table inside its section, and the cover without a date.
 */
const henan = findTemplate('henan-2024')!;
const byId = (id: string): PackageSection => henan.package.sections.find((section) => section.id === id)!;

const template: TemplateSpec = {
  ...henan,
  id: 'henan-2024-variant',
  package: {
    ...henan.package,
    cover: { ...henan.package.cover, dateFallback: 'none', pageNumber: false },
    sections: [
      { ...byId('glossary'), heading: '{number} 名词解释', numbering: 'chinese-part' },
      { ...byId('overview'), heading: '{number} {departmentName}部门概况', numbering: 'chinese-part' },
      byId('duties'),
      byId('organization'),
      { id: 'units', kind: 'units' },
      { id: 'san-gong', kind: 'text', level: 2, heading: '三、“三公”经费预算', source: 'texts.blocks.nothingWritten', emptyText: '“三公”经费预算如下表。' },
      { id: 'san-gong-table', kind: 'table', table: 'three-public' },
      { ...byId('narrative'), heading: '{number} 预算情况说明', numbering: 'chinese-part' },
      byId('tables'),
      byId('annex'),
    ],
    page: { ...henan.package.page, tableOrientation: 'landscape', footer: { text: '第{page}页' } },
  },
};

const workbook = (() => {
  const seed = loadSeedWorkbook('henan-2024');
  return { ...seed, department: { ...seed.department, publishedOn: '' } };
})();

let root: string;
let printer: ChromiumPdfPrinter;
let pdf: string;
let result: PdfResult;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'budget-desk-package-'));
  printer = await ChromiumPdfPrinter.launch();
  pdf = join(root, 'variant.pdf');
  result = await exportPdf(workbook, template, pdf, { printer, date: '2024-06-01' });
}, 60_000);

afterAll(async () => {
  await printer?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const normalize = (text: string) => text.replace(/\s+/g, '');
const pageText = (page: number) => normalize(execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }));
/** The whole text without the footers ("第7页" on a line of its own). */
const fullText = () => normalize(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/^\s*第\d+页\s*$/gm, ''));
const threePublic = () => reportTables(workbook, template).find(({ spec }) => spec.id === 'three-public')!.table.title;

describe('a PDF of a package spec other than the built-ins', () => {
  it('prints the cover without a date and without a page number; other pages carry the template’s footer', () => {
    const cover = pageText(1);
    expect(cover).toContain('济源产城融合示范区医疗保障局');
    expect(cover).toContain('部门预算说明');
    expect(cover).not.toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(cover).not.toMatch(/第\d+页/);
    expect(pageText(2)).toContain('第2页');
    expect(pageText(result.pageCount)).toContain(`第${result.pageCount}页`);
  });

  it('prints the sections in the spec’s order, numbered', () => {
    const text = fullText();
    const headings = ['第一部分名词解释', '第二部分济源产城融合示范区医疗保障局部门概况', '一、济源产城融合示范区医疗保障局主要职责', '二、机构设置及预算单位构成', '三、“三公”经费预算', '第三部分预算情况说明', '附件：'];
    const contentsEnd = text.indexOf('一、财政拨款收入');
    expect(contentsEnd).toBeGreaterThan(0);
    const body = text.slice(text.indexOf('第一部分名词解释', contentsEnd - 40));
    const at = headings.map((heading) => body.indexOf(heading));
    expect(at.every((index) => index >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(result.contentsPages['part-glossary']).toBeLessThan(result.contentsPages['part-overview']!);
    expect(result.contentsPages['part-overview']).toBeLessThan(result.contentsPages['part-narrative']!);
  });

  it('prints the placed table inside its section, on the section’s page, and not in the annex', () => {
    const title = normalize(threePublic());
    const text = fullText();
    // Once: not in the contents, not in the annex's list.
    expect(text.split(title).length - 1).toBe(1);
    const index = henan.tables.findIndex((table) => table.id === 'three-public');
    expect(Object.keys(result.contentsPages)).not.toContain(`table-${index + 1}`);
    const headingPage = result.contentsPages['overview-san-gong']!;
    const page = pageText(headingPage);
    expect(page).toContain('三、“三公”经费预算“三公”经费预算如下表。');
    expect(page.indexOf(title)).toBeGreaterThan(page.indexOf('三、“三公”经费预算'));
    expect(headingPage).toBeLessThan(result.contentsPages['part-narrative']!);
  });

  it('prints every annex table landscape, as the template fixes it', () => {
    const landscape = (page: number) => {
      const [, width, height] = /size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' }))!;
      return Number(width) > Number(height);
    };
    // 一、部门收支预算表 prints portrait under the built-in's automatic choice.
    const tables = Object.keys(result.contentsPages).filter((id) => id.startsWith('table-'));
    expect(tables.length).toBe(henan.tables.length - 1);
    for (const id of tables) expect(landscape(result.contentsPages[id]!), id).toBe(true);
    expect(landscape(1)).toBe(false);
    expect(landscape(result.contentsPages['part-tables']!)).toBe(false);
  });

  it('numbers the contents with the pages poppler finds, and embeds every font', () => {
    const dests = new Map(
      execFileSync('pdfinfo', ['-dests', pdf], { encoding: 'utf8' })
        .split('\n')
        .flatMap((line) => {
          const match = /^\s*(\d+)\s+\[.*\]\s+"([^"]+)"\s*$/.exec(line);
          return match ? [[match[2]!, Number(match[1])] as const] : [];
        }),
    );
    expect(Object.keys(result.contentsPages).length).toBeGreaterThan(5);
    for (const [id, page] of Object.entries(result.contentsPages)) expect(dests.get(id), id).toBe(page);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    for (const line of fonts) {
      expect(line).not.toMatch(/Type 3/);
      expect(line.trim().split(/\s+/).slice(-5)[0], line).toBe('yes');
    }
  });

  it('prints a package without contents in one pass, its first section on page 2', async () => {
    const path = join(root, 'no-contents.pdf');
    const printed = await exportPdf(workbook, { ...template, package: { ...template.package, contents: undefined } }, path, { printer, date: '2024-06-01' });
    expect(printed.passes).toBe(1);
    expect(printed.contentsPages).toEqual({});
    const second = normalize(execFileSync('pdftotext', ['-f', '2', '-l', '2', path, '-'], { encoding: 'utf8' }));
    expect(second.startsWith('第一部分名词解释')).toBe(true);
  }, 30_000);
});
