import type { Margins, PageSetup } from './package-spec';

/** Font stacks: the embedded Noto faces first, then what a preview machine may have. */
export const SANS = "'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
export const SERIF = "'Noto Serif SC', 'SimSun', 'Songti SC', serif";

/** The font stacks of the roles a table's text plays: its body (and header, meta, notes) and its title. */
export interface TableFonts {
  table: string;
  title: string;
}

/** Tables as they look anywhere (preview and print), in these font stacks. */
export function tableCss(fonts: TableFonts): string {
  return `
.report-table { font-family: ${fonts.table}; color: #000; }
.report-table .table-label { font-family: ${fonts.title}; font-weight: 700; font-size: 12pt; margin: 0 0 1mm; break-after: avoid; }
.report-table .table-title { font-family: ${fonts.title}; font-weight: 700; font-size: 15pt; text-align: center; margin: 0 0 3mm; break-after: avoid; }
.report-table .table-meta { display: flex; justify-content: space-between; gap: 4mm; font-size: 9pt; margin: 0 0 1.5mm; break-after: avoid; }
.report-table .table-meta span:only-child { margin-right: auto; }
.report-table table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: var(--table-font, 9pt); line-height: 1.35; }
.report-table thead { display: table-header-group; }
.report-table tr { break-inside: avoid; page-break-inside: avoid; }
.report-table th, .report-table td { border: 0.6pt solid #000; padding: 0.2em 0.3em; vertical-align: middle; overflow-wrap: anywhere; word-break: normal; }
.report-table th { font-weight: 700; text-align: center; background: #f2f2f2; }
.report-table td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.report-table td.code { white-space: nowrap; }
.report-table tr.row-total td { font-weight: 700; }
.report-table .table-notes { font-size: 8.5pt; margin-top: 1.5mm; break-before: avoid; }
.report-table .table-notes p { margin: 0.5mm 0; }
`;
}

/** Tables in the preview: sans-serif text, serif titles. */
export const TABLE_CSS = tableCss({ table: SANS, title: SERIF });

/** The font stacks of the package's roles. */
export interface PackageFonts extends TableFonts {
  heading: string;
  body: string;
}

const EMBEDDED_STACKS: Record<string, string> = { 'Noto Sans SC': SANS, 'Noto Serif SC': SERIF };

/**
 * The CSS font stack for a template's font families: an embedded face (Noto Sans SC, Noto Serif SC) gets
 * its stack; any other family comes first, before the embedded stack of the role (sans for tables, serif
 * for the rest) so what it lacks prints in an embedded face.
 */
export function packageFonts(fonts: PageSetup['fonts']): PackageFonts {
  const stack = (family: string, fallback: string) => EMBEDDED_STACKS[family] ?? `${cssString(family)}, ${fallback}`;
  return { title: stack(fonts.title, SERIF), heading: stack(fonts.heading, SERIF), body: stack(fonts.body, SERIF), table: stack(fonts.table, SANS) };
}

/**
 * The printed package: pages (A4, the template's margins; tables take the named page `landscape` when
 * they print landscape), cover, contents, sections, in the template's fonts.
 */
export function packageCss(page: PageSetup): string {
  const { portrait, landscape } = page.margins;
  const fonts = packageFonts(page.fonts);
  // The cover fills the page's height less a little, so it never spills onto a second page.
  const coverHeight = Math.max(0, 297 - portrait.top - portrait.bottom - 13);
  return `
@page { size: ${page.size} portrait; margin: ${margin(portrait)}; }
@page landscape { size: ${page.size} landscape; margin: ${margin(landscape)}; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${fonts.body}; font-size: 11pt; line-height: 1.7; color: #000; }
.page-break { break-before: page; }
.cover { height: ${coverHeight}mm; display: flex; flex-direction: column; align-items: center; text-align: center; font-family: ${fonts.title}; }
.cover .cover-department { margin-top: 70mm; font-size: 24pt; font-weight: 700; letter-spacing: 0.05em; }
.cover .cover-title { margin-top: 10mm; font-size: 22pt; font-weight: 700; }
.cover .cover-text { margin-top: 8mm; font-size: 14pt; }
.cover .cover-date { margin-top: auto; margin-bottom: 20mm; font-size: 14pt; }
.toc h1, .part > h1 { font-family: ${fonts.heading}; font-size: 16pt; text-align: center; margin: 0 0 6mm; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc li { margin: 0; }
.toc a { display: flex; align-items: flex-end; color: inherit; text-decoration: none; }
.toc .toc-label { flex: 0 1 auto; }
.toc .toc-dots { flex: 1 1 auto; border-bottom: 1pt dotted #000; margin: 0 2mm 1.2mm; min-width: 8mm; }
.toc .toc-page { flex: 0 0 auto; min-width: 9mm; text-align: right; font-family: ${fonts.table}; }
.toc .level-1 { font-weight: 700; margin-top: 2mm; }
.toc .level-2 { padding-left: 8mm; font-size: 10.5pt; }
.toc .level-3 { padding-left: 16mm; font-size: 10.5pt; }
.part h2 { font-family: ${fonts.heading}; font-size: 13pt; margin: 5mm 0 2mm; break-after: avoid; }
.part h3, .part h4, .part h5, .part h6 { font-family: ${fonts.heading}; font-size: 12pt; margin: 3mm 0 1.5mm; break-after: avoid; }
.part h4, .part h5, .part h6 { font-weight: 400; }
.anchor { display: block; height: 0; }
.subcover { height: ${coverHeight}mm; display: flex; flex-direction: column; text-align: center; font-family: ${fonts.title}; break-after: page; }
.subcover > h1 { margin: 0 0 6mm; }
.subcover:not(:has(.cover-title, .cover-department)) > h1 { margin-top: 80mm; font-size: 20pt; }
.subcover .subcover-lines { flex: 1 1 auto; display: flex; flex-direction: column; align-items: center; }
.subcover .cover-department { margin-top: 50mm; font-size: 22pt; font-weight: 700; }
.subcover .cover-title { margin-top: 50mm; font-size: 22pt; font-weight: 700; }
.subcover .cover-department + .cover-title { margin-top: 10mm; }
.subcover .cover-text { margin-top: 8mm; font-size: 14pt; }
.subcover .cover-title + .cover-text { margin-top: 20mm; }
.subcover .cover-date { margin-top: auto; margin-bottom: 20mm; font-size: 14pt; }
.part p { text-indent: 2em; margin: 0 0 1.5mm; text-align: justify; }
.glossary p { text-indent: 0; }
.glossary .term { font-weight: 700; }
.units { width: 100%; border-collapse: collapse; font-family: ${fonts.table}; font-size: 9.5pt; margin-top: 2mm; }
.units th, .units td { border: 0.6pt solid #000; padding: 0.2em 0.4em; }
.units th { background: #f2f2f2; }
.units td.num { text-align: right; }
.attachment ol { list-style: none; padding: 0; font-size: 11pt; }
.report-table { break-before: page; }
.report-table.landscape { page: landscape; }
.inline-table { margin: 3mm 0 4mm; }
.inline-table > .report-table { break-before: auto; }
`;
}

/**
 * The page footer as a CSS page-margin box ("- n -" centred at the foot of every page, {page} the physical
 * page number); with `coverNumbered` false the first page (the cover) carries none. The print dialog's
 * footer, and the PDF's when the cover has no number (Chromium's footer template cannot skip a page).
 */
export function footerCss(footerText: string, coverNumbered: boolean): string {
  const content = footerText
    .split('{page}')
    .flatMap((piece, index) => [...(index > 0 ? ['counter(page)'] : []), ...(piece ? [cssString(piece, '"')] : [])])
    .join(' ');
  const first = coverNumbered ? '' : '@page :first { @bottom-center { content: none; } }\n';
  return `@page { @bottom-center { content: ${content || '""'}; font-family: ${SANS}; font-size: 8pt; color: #000; } }\n${first}`;
}

function margin(margins: Margins): string {
  return `${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm`;
}

/** A CSS string literal; safe inside <style> (no "<", no line breaks). */
function cssString(text: string, quote: "'" | '"' = "'"): string {
  const escaped = text.replace(/[\\'"<\r\n]/g, (char) => {
    if (char === '\\' || char === quote) return `\\${char}`;
    if (char === "'" || char === '"') return char;
    return `\\${char.charCodeAt(0).toString(16)} `;
  });
  return `${quote}${escaped}${quote}`;
}

/** The in-app preview: the tables one after another on a white sheet. */
export const PREVIEW_CSS = `
body { margin: 0; padding: 16px; background: #fff; font-family: ${SANS}; }
.report-table { margin: 0 auto 32px; max-width: 1400px; }
.report-table.portrait { max-width: 900px; }
`;
