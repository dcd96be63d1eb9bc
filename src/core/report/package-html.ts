import { escapeHtml } from './html';
import { tableLabel, type DisclosurePackage, type PrintedSection, type PrintedTable, type UnitLine } from './package';
import { packageCss, packageFonts, tableCss } from './styles';
import { renderTableHtml } from './table-html';
import { contentWidths, tableLayout } from './table-layout';

/** A heading of the package the contents list, with the id its link (and the PDF destination) targets. */
export interface OutlineEntry {
  id: string;
  label: string;
  level: 1 | 2;
}

export interface PackageHtmlOptions {
  /** @font-face rules (the embedded fonts) and any extra CSS, placed before the package's own styles. */
  fontCss?: string;
  /** Page of each outline entry by id; entries without one print no number (first layout pass). */
  pages?: Record<string, number>;
}

/**
 * Every heading in reading order: the contents' lines, and what the PDF's page numbers are looked up for.
 * Section headings (levels 1 and 2), the narrative's headed sections, and each table of a `tables` section;
 * a table printed inside the text (`table`) is not listed.
 */
export function packageOutline(pkg: DisclosurePackage): OutlineEntry[] {
  return pkg.sections.flatMap((section): OutlineEntry[] => {
    const own = section.heading ? [{ id: section.heading.anchor, label: section.heading.text, level: section.heading.level }] : [];
    if (section.kind === 'narrative') {
      // A section without a heading (Hebei's opening paragraph) has no line in the contents.
      return [...own, ...section.sections.flatMap((part) => (part.heading ? [{ id: part.anchor, label: part.heading, level: 2 as const }] : []))];
    }
    if (section.kind === 'tables') return [...own, ...section.tables.map(({ anchor, table }) => ({ id: anchor, label: tableLabel(table), level: 2 as const }))];
    return own;
  });
}

/**
 * The whole package as one printable HTML document, in the template's order and page set-up. Text pages
 * are portrait; each table of a `tables` section starts a page, in the orientation the template's rule
 * gives it (CSS named pages); a `table` section's tables print in the text, portrait. A table's <thead>
 * repeats on every page it spans.
 */
export function renderPackageHtml(pkg: DisclosurePackage, options: PackageHtmlOptions = {}): string {
  const pages = options.pages ?? {};
  const fonts = packageFonts(pkg.page.fonts);
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(pkg.title)}</title>`,
    `<style>${options.fontCss ?? ''}${tableCss(fonts)}${packageCss(pkg.page)}</style></head><body>`,
    cover(pkg),
    ...(pkg.contents ? [contents(pkg.contents.title, packageOutline(pkg), pages)] : []),
    ...pkg.sections.flatMap((section) => sectionHtml(section, pkg)),
    '</body></html>',
  ].join('\n');
}

function cover(pkg: DisclosurePackage): string {
  return ['<section class="cover">', ...pkg.cover.lines.map((line) => `<div class="cover-${line.role}">${escapeHtml(line.text)}</div>`), '</section>'].join('');
}

function contents(title: string, outline: OutlineEntry[], pages: Record<string, number>): string {
  const items = outline
    .map((entry) => {
      const page = pages[entry.id];
      return (
        `<li class="level-${entry.level}"><a href="#${entry.id}"><span class="toc-label">${escapeHtml(entry.label)}</span>` +
        `<span class="toc-dots"></span><span class="toc-page">${page === undefined ? '' : page}</span></a></li>`
      );
    })
    .join('');
  return `<section class="toc page-break"><h1>${escapeHtml(title)}</h1><ol>${items}</ol></section>`;
}

const KIND_CLASS: Partial<Record<PrintedSection['kind'], string>> = { glossary: 'glossary', tables: 'attachment' };

/** A section of the template: its heading and content in a <section class="part">, then the tables it prints. */
function sectionHtml(section: PrintedSection, pkg: DisclosurePackage): string[] {
  const body = [headingHtml(section), contentHtml(section), section.emptyText !== undefined ? `<p class="empty-text">${escapeHtml(section.emptyText)}</p>` : ''].join('');
  const classes = ['part', KIND_CLASS[section.kind], section.pageBreak ? 'page-break' : undefined].filter(Boolean).join(' ');
  // Nothing to print and no page to start: no element at all (an empty units list, say).
  const part = body || section.pageBreak ? [`<section class="${classes}" data-section="${escapeHtml(section.id)}">${body}</section>`] : [];
  if (section.kind === 'tables') return [...part, ...section.tables.map((printed) => tableHtml(printed, pkg, false))];
  if (section.kind === 'table') return [...part, ...section.tables.map((printed) => tableHtml(printed, pkg, true))];
  return part;
}

function headingHtml(section: PrintedSection): string {
  if (!section.heading) return '';
  const tag = section.heading.level === 1 ? 'h1' : 'h2';
  return `<${tag} id="${escapeHtml(section.heading.anchor)}">${escapeHtml(section.heading.text)}</${tag}>`;
}

function contentHtml(section: PrintedSection): string {
  switch (section.kind) {
    case 'heading':
      return '';
    case 'text':
      return paragraphsHtml(section.paragraphs);
    case 'units':
      return unitsHtml(section.units);
    case 'narrative':
      return section.sections.map((part) => `<h2 id="${escapeHtml(part.anchor)}">${escapeHtml(part.heading)}</h2>${paragraphsHtml(part.paragraphs)}`).join('');
    case 'glossary':
      return section.entries.map((entry, index) => `<p><span class="term">${index + 1}. ${escapeHtml(entry.term)}：</span>${escapeHtml(entry.explanation)}</p>`).join('');
    case 'tables':
      return section.list && section.tables.length > 0 ? `<ol>${section.tables.map(({ table }) => `<li>${escapeHtml(tableLabel(table))}</li>`).join('')}</ol>` : '';
    case 'table':
      return '';
  }
}

function unitsHtml(units: UnitLine[]): string {
  if (units.length === 0) return '';
  const showStaff = units.some((unit) => unit.authorizedStaff + unit.actualStaff + unit.retiredStaff > 0);
  const staffHeads = showStaff ? '<th>编制数</th><th>实有人数</th><th>离退休人数</th>' : '';
  const rows = units
    .map((unit) => {
      const staff = showStaff ? `<td class="num">${unit.authorizedStaff}</td><td class="num">${unit.actualStaff}</td><td class="num">${unit.retiredStaff}</td>` : '';
      return `<tr><td>${escapeHtml(unit.code)}</td><td>${escapeHtml(unit.name)}</td><td>${escapeHtml(unit.kind)}</td>${staff}</tr>`;
    })
    .join('');
  return `<table class="units"><thead><tr><th>单位编码</th><th>单位名称</th><th>单位性质</th>${staffHeads}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** A table on its own page(s) in the template's orientation, or (`inline`) in the text, portrait. */
function tableHtml({ anchor, table }: PrintedTable, pkg: DisclosurePackage, inline: boolean): string {
  const contentWidthMm = contentWidths(pkg.page.margins);
  const layout = tableLayout(table, { orientation: inline ? 'portrait' : pkg.page.tableOrientation, contentWidthMm });
  const html = renderTableHtml(table, { anchorId: anchor, layout });
  return inline ? `<div class="inline-table">${html}</div>` : html;
}

function paragraphsHtml(lines: string[]): string {
  return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
}
