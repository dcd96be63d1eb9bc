import { escapeHtml } from './html';
import { tableLabel, type DisclosurePackage, type PrintedCoverLine, type PrintedSection, type PrintedTable, type UnitLine } from './package';
import type { TableNumberStyle } from './package-spec';
import { packageCss, packageFonts, tableCss } from './styles';
import { renderTableHtml } from './table-html';
import { contentWidths, tableLayout } from './table-layout';

/** A heading of the package the contents list, with the id its link (and the PDF destination) targets. */
export interface OutlineEntry {
  id: string;
  label: string;
  /** 1 a part, 2 a section, 3 a narrative sub-section (when a narrative section lists more than one level). */
  level: 1 | 2 | 3;
}

export interface PackageHtmlOptions {
  /** @font-face rules (the embedded fonts) and any extra CSS, placed before the package's own styles. */
  fontCss?: string;
  /** Page of each outline entry by id; entries without one print no number (first layout pass). */
  pages?: Record<string, number>;
}

/**
 * Every line of the contents in reading order, and what the PDF's page numbers are looked up for: the
 * section headings of levels 1 and 2 (in their contents wording, unless a section is not listed), the
 * narrative's headings down to its section's `contentsDepth`, and each table of a listed `tables` section;
 * a table printed inside the text (`table`) is not listed.
 */
export function packageOutline(pkg: DisclosurePackage): OutlineEntry[] {
  return pkg.sections.flatMap((section): OutlineEntry[] => {
    const heading = section.heading;
    const own = heading && heading.contentsLabel !== null ? [{ id: heading.anchor, label: heading.contentsLabel, level: heading.level === 1 ? (1 as const) : (2 as const) }] : [];
    if (section.kind === 'narrative') {
      // A section without a heading (Hebei's opening paragraph) has no line in the contents.
      return [...own, ...section.sections.flatMap((part) => (part.listed ? [{ id: part.anchor, label: part.heading, level: part.level > 1 ? (3 as const) : (2 as const) }] : []))];
    }
    if (section.kind === 'tables' && section.listed) {
      return [...own, ...section.tables.map(({ anchor, table, contentsLabel }) => ({ id: anchor, label: contentsLabel ?? tableLabel(table), level: 2 as const }))];
    }
    return own;
  });
}

/**
 * The whole package as one printable HTML document, in the template's order and page set-up. Text pages
 * are portrait; each table of a `tables` section starts a page, in the orientation the template's rule
 * gives it (CSS named pages); a `table` section's tables print in the text, portrait. A table's <thead>
 * repeats on every page it spans. A heading printed only in the contents leaves its anchor at the start of
 * whatever prints next, so its contents line finds that page.
 */
export function renderPackageHtml(pkg: DisclosurePackage, options: PackageHtmlOptions = {}): string {
  const pages = options.pages ?? {};
  const fonts = packageFonts(pkg.page.fonts);
  const chunks: string[] = [];
  let pending: string[] = [];
  for (const section of pkg.sections) {
    if (section.heading && !section.heading.printed) pending.push(section.heading.anchor);
    for (const chunk of sectionHtml(section, pkg)) {
      chunks.push(pending.length > 0 ? withAnchors(chunk, pending) : chunk);
      pending = [];
    }
  }
  if (pending.length > 0) chunks.push(`<div>${anchorsHtml(pending)}</div>`);
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(pkg.title)}</title>`,
    `<style>${options.fontCss ?? ''}${tableCss(fonts)}${packageCss(pkg.page)}</style></head><body>`,
    ...(pkg.cover.lines.length > 0 ? [cover(pkg)] : []),
    ...(pkg.contents ? [contents(pkg.contents.title, packageOutline(pkg), pages, pkg.cover.lines.length > 0)] : []),
    ...chunks,
    '</body></html>',
  ].join('\n');
}

function anchorsHtml(ids: string[]): string {
  return ids.map((id) => `<span class="anchor" id="${escapeHtml(id)}"></span>`).join('');
}

/** The chunk (one element of ours) with the anchors as its first children. */
function withAnchors(chunk: string, ids: string[]): string {
  const open = chunk.indexOf('>') + 1;
  return chunk.slice(0, open) + anchorsHtml(ids) + chunk.slice(open);
}

function coverLinesHtml(lines: PrintedCoverLine[]): string {
  return lines.map((line) => `<div class="cover-${line.role}">${escapeHtml(line.text)}</div>`).join('');
}

function cover(pkg: DisclosurePackage): string {
  return `<section class="cover">${coverLinesHtml(pkg.cover.lines)}</section>`;
}

function contents(title: string, outline: OutlineEntry[], pages: Record<string, number>, afterCover: boolean): string {
  const items = outline
    .map((entry) => {
      const page = pages[entry.id];
      return (
        `<li class="level-${entry.level}"><a href="#${entry.id}"><span class="toc-label">${escapeHtml(entry.label)}</span>` +
        `<span class="toc-dots"></span><span class="toc-page">${page === undefined ? '' : page}</span></a></li>`
      );
    })
    .join('');
  return `<section class="toc${afterCover ? ' page-break' : ''}"><h1>${escapeHtml(title)}</h1><ol>${items}</ol></section>`;
}

const KIND_CLASS: Partial<Record<PrintedSection['kind'], string>> = { glossary: 'glossary', tables: 'attachment', cover: 'subcover' };

/** A section of the template: its heading and content in a <section class="part">, then the tables it prints. */
function sectionHtml(section: PrintedSection, pkg: DisclosurePackage): string[] {
  const body = [headingHtml(section), contentHtml(section), section.emptyText !== undefined ? `<p class="empty-text">${escapeHtml(section.emptyText)}</p>` : ''].join('');
  const classes = ['part', KIND_CLASS[section.kind], section.pageBreak ? 'page-break' : undefined].filter(Boolean).join(' ');
  // Nothing to print and no page to start: no element at all (an empty units list, say).
  const part = body || section.pageBreak ? [`<section class="${classes}" data-section="${escapeHtml(section.id)}">${body}</section>`] : [];
  if (section.kind === 'tables') return [...part, ...section.tables.map((printed) => tableHtml(printed, pkg, { inline: false, number: section.tableNumber }))];
  if (section.kind === 'table') {
    return [...part, ...section.tables.map((printed) => tableHtml(printed, pkg, { inline: true, number: section.tableNumber, ...(section.title !== undefined ? { title: section.title } : {}) }))];
  }
  return part;
}

function headingHtml(section: PrintedSection): string {
  if (!section.heading || !section.heading.printed) return '';
  const tag = `h${section.heading.level}`;
  return `<${tag} id="${escapeHtml(section.heading.anchor)}">${escapeHtml(section.heading.text)}</${tag}>`;
}

/** The tag of a narrative heading: one level below the section's own heading (or in its place when it has none). */
function narrativeTag(section: PrintedSection, level: number): string {
  const base = section.heading ? section.level : section.level - 1;
  return `h${Math.min(6, Math.max(2, base + level))}`;
}

function contentHtml(section: PrintedSection): string {
  switch (section.kind) {
    case 'heading':
      return '';
    case 'cover':
      return `<div class="subcover-lines">${coverLinesHtml(section.lines)}</div>`;
    case 'text':
      return paragraphsHtml(section.paragraphs);
    case 'units':
      return unitsHtml(section.units);
    case 'narrative':
      return section.sections
        .map((part) => {
          if (part.heading === '') return `${anchorsHtml([part.anchor])}${paragraphsHtml(part.paragraphs)}`;
          const tag = narrativeTag(section, part.level);
          return `<${tag} id="${escapeHtml(part.anchor)}">${escapeHtml(part.heading)}</${tag}>${paragraphsHtml(part.paragraphs)}`;
        })
        .join('');
    case 'glossary':
      return section.entries
        .map((entry) => `<p><span class="term">${escapeHtml(entry.number)}${entry.number.endsWith('.') ? ' ' : ''}${escapeHtml(entry.term)}：</span>${escapeHtml(entry.explanation)}</p>`)
        .join('');
    case 'tables':
      return section.list && section.tables.length > 0 ? `<ol>${section.tables.map(({ table, contentsLabel }) => `<li>${escapeHtml(contentsLabel ?? tableLabel(table))}</li>`).join('')}</ol>` : '';
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

/**
 * A table on its own page(s) in the template's orientation, or (`inline`) in the text, portrait; its number
 * before the title or on a line above it as the section says; `title` in place of the table's own.
 */
function tableHtml({ anchor, table }: PrintedTable, pkg: DisclosurePackage, how: { inline: boolean; number: TableNumberStyle; title?: string }): string {
  const contentWidthMm = contentWidths(pkg.page.margins);
  const layout = tableLayout(table, { orientation: how.inline ? 'portrait' : pkg.page.tableOrientation, contentWidthMm });
  const own = how.title ?? table.title;
  const title = how.number === 'prefix' ? tableLabel({ ...table, title: own }) : own;
  const label = how.number === 'above' && table.number ? { label: table.number } : {};
  const html = renderTableHtml({ ...table, title }, { anchorId: anchor, layout, ...label });
  return how.inline ? `<div class="inline-table">${html}</div>` : html;
}

function paragraphsHtml(lines: string[]): string {
  return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
}
