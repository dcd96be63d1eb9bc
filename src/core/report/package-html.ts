import { escapeHtml } from './html';
import { tableLabel, type DisclosurePackage } from './package';
import { PACKAGE_CSS, TABLE_CSS } from './styles';
import { renderTableHtml } from './table-html';

/** A heading of the package the contents list, with the id its link (and the PDF destination) targets. */
export interface OutlineEntry {
  id: string;
  label: string;
  level: 1 | 2;
}

export interface PackageHtmlOptions {
  /** @font-face rules (the embedded fonts), placed before the package's own styles. */
  fontCss?: string;
  /** Page of each outline entry by id; entries without one print no number (first layout pass). */
  pages?: Record<string, number>;
}

/** Every heading in reading order: the contents' lines, and what the PDF's page numbers are looked up for. */
export function packageOutline(pkg: DisclosurePackage): OutlineEntry[] {
  return [
    { id: 'part-overview', label: pkg.overview.heading, level: 1 },
    { id: 'overview-duties', label: pkg.overview.dutiesHeading, level: 2 },
    { id: 'overview-organization', label: pkg.overview.organizationHeading, level: 2 },
    { id: 'part-narrative', label: pkg.narrative.heading, level: 1 },
    // A section without a heading (Hebei's opening paragraph) has no line in the contents.
    ...pkg.narrative.sections.flatMap((section, index) => (section.heading ? [{ id: `narrative-${index + 1}`, label: section.heading, level: 2 as const }] : [])),
    { id: 'part-glossary', label: pkg.glossary.heading, level: 1 },
    { id: 'part-tables', label: pkg.tables.heading, level: 1 },
    ...pkg.tables.items.map((table, index) => ({ id: tableAnchor(index), label: tableLabel(table), level: 2 as const })),
  ];
}

export function tableAnchor(index: number): string {
  return `table-${index + 1}`;
}

/**
 * The whole package as one printable HTML document. Portrait pages for the text; each table starts a
 * page, landscape when it is wide (CSS named pages); its <thead> repeats on every page it spans.
 */
export function renderPackageHtml(pkg: DisclosurePackage, options: PackageHtmlOptions = {}): string {
  const pages = options.pages ?? {};
  const outline = packageOutline(pkg);
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(`${pkg.departmentName}${pkg.coverTitle}`)}</title>`,
    `<style>${options.fontCss ?? ''}${TABLE_CSS}${PACKAGE_CSS}</style></head><body>`,
    cover(pkg),
    contents(outline, pages),
    overview(pkg),
    narrative(pkg),
    glossary(pkg),
    tables(pkg),
    '</body></html>',
  ].join('\n');
}

function cover(pkg: DisclosurePackage): string {
  return [
    '<section class="cover">',
    `<div class="cover-department">${escapeHtml(pkg.departmentName)}</div>`,
    `<div class="cover-title">${escapeHtml(pkg.coverTitle)}</div>`,
    pkg.date ? `<div class="cover-date">${escapeHtml(pkg.date)}</div>` : '',
    '</section>',
  ].join('');
}

function contents(outline: OutlineEntry[], pages: Record<string, number>): string {
  const items = outline
    .map((entry) => {
      const page = pages[entry.id];
      return (
        `<li class="level-${entry.level}"><a href="#${entry.id}"><span class="toc-label">${escapeHtml(entry.label)}</span>` +
        `<span class="toc-dots"></span><span class="toc-page">${page === undefined ? '' : page}</span></a></li>`
      );
    })
    .join('');
  return `<section class="toc page-break"><h1>目　录</h1><ol>${items}</ol></section>`;
}

function overview(pkg: DisclosurePackage): string {
  const { overview: part } = pkg;
  const showStaff = part.units.some((unit) => unit.authorizedStaff + unit.actualStaff + unit.retiredStaff > 0);
  const staffHeads = showStaff ? '<th>编制数</th><th>实有人数</th><th>离退休人数</th>' : '';
  const rows = part.units
    .map((unit) => {
      const staff = showStaff ? `<td class="num">${unit.authorizedStaff}</td><td class="num">${unit.actualStaff}</td><td class="num">${unit.retiredStaff}</td>` : '';
      return `<tr><td>${escapeHtml(unit.code)}</td><td>${escapeHtml(unit.name)}</td><td>${escapeHtml(unit.kind)}</td>${staff}</tr>`;
    })
    .join('');
  const units = part.units.length > 0 ? `<table class="units"><thead><tr><th>单位编码</th><th>单位名称</th><th>单位性质</th>${staffHeads}</tr></thead><tbody>${rows}</tbody></table>` : '';
  return [
    '<section class="part page-break">',
    `<h1 id="part-overview">${escapeHtml(part.heading)}</h1>`,
    `<h2 id="overview-duties">${escapeHtml(part.dutiesHeading)}</h2>`,
    paragraphsHtml(part.duties),
    `<h2 id="overview-organization">${escapeHtml(part.organizationHeading)}</h2>`,
    paragraphsHtml(part.organization),
    units,
    '</section>',
  ].join('');
}

function narrative(pkg: DisclosurePackage): string {
  const sections = pkg.narrative.sections
    .map((section, index) => `<h2 id="narrative-${index + 1}">${escapeHtml(section.heading)}</h2>${paragraphsHtml(section.paragraphs)}`)
    .join('');
  return `<section class="part page-break"><h1 id="part-narrative">${escapeHtml(pkg.narrative.heading)}</h1>${sections}</section>`;
}

function glossary(pkg: DisclosurePackage): string {
  const entries = pkg.glossary.entries
    .map((entry, index) => `<p><span class="term">${index + 1}. ${escapeHtml(entry.term)}：</span>${escapeHtml(entry.explanation)}</p>`)
    .join('');
  return `<section class="part glossary page-break"><h1 id="part-glossary">${escapeHtml(pkg.glossary.heading)}</h1>${entries}</section>`;
}

function tables(pkg: DisclosurePackage): string {
  const list = pkg.tables.items.map((table) => `<li>${escapeHtml(tableLabel(table))}</li>`).join('');
  const attachment = `<section class="part attachment page-break"><h1 id="part-tables">${escapeHtml(pkg.tables.heading)}</h1><ol>${list}</ol></section>`;
  return [attachment, ...pkg.tables.items.map((table, index) => renderTableHtml(table, { anchorId: tableAnchor(index) }))].join('\n');
}

function paragraphsHtml(lines: string[]): string {
  return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
}
