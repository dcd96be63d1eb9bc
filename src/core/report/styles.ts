import { CONTENT_WIDTH_MM } from './table-layout';

/** Font stacks: the embedded Noto faces first, then what a preview machine may have. */
export const SANS = "'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
export const SERIF = "'Noto Serif SC', 'SimSun', 'Songti SC', serif";

/** Tables as they look anywhere: preview and print. */
export const TABLE_CSS = `
.report-table { font-family: ${SANS}; color: #000; }
.report-table .table-title { font-family: ${SERIF}; font-weight: 700; font-size: 15pt; text-align: center; margin: 0 0 3mm; break-after: avoid; }
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

/** The printed package: pages, cover, contents, parts. Named pages give tables their orientation. */
export const PACKAGE_CSS = `
@page { size: A4 portrait; margin: 18mm ${(210 - CONTENT_WIDTH_MM.portrait) / 2}mm 16mm; }
@page landscape { size: A4 landscape; margin: 13mm ${(297 - CONTENT_WIDTH_MM.landscape) / 2}mm 14mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${SERIF}; font-size: 11pt; line-height: 1.7; color: #000; }
.page-break { break-before: page; }
.cover { height: 250mm; display: flex; flex-direction: column; align-items: center; text-align: center; }
.cover .cover-department { margin-top: 70mm; font-size: 24pt; font-weight: 700; letter-spacing: 0.05em; }
.cover .cover-title { margin-top: 10mm; font-size: 22pt; font-weight: 700; }
.cover .cover-date { margin-top: auto; margin-bottom: 20mm; font-size: 14pt; }
.toc h1, .part > h1 { font-size: 16pt; text-align: center; margin: 0 0 6mm; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc li { margin: 0; }
.toc a { display: flex; align-items: flex-end; color: inherit; text-decoration: none; }
.toc .toc-label { flex: 0 1 auto; }
.toc .toc-dots { flex: 1 1 auto; border-bottom: 1pt dotted #000; margin: 0 2mm 1.2mm; min-width: 8mm; }
.toc .toc-page { flex: 0 0 auto; min-width: 9mm; text-align: right; font-family: ${SANS}; }
.toc .level-1 { font-weight: 700; margin-top: 2mm; }
.toc .level-2 { padding-left: 8mm; font-size: 10.5pt; }
.part h2 { font-size: 13pt; margin: 5mm 0 2mm; break-after: avoid; }
.part p { text-indent: 2em; margin: 0 0 1.5mm; text-align: justify; }
.glossary p { text-indent: 0; }
.glossary .term { font-weight: 700; }
.units { width: 100%; border-collapse: collapse; font-family: ${SANS}; font-size: 9.5pt; margin-top: 2mm; }
.units th, .units td { border: 0.6pt solid #000; padding: 0.2em 0.4em; }
.units th { background: #f2f2f2; }
.units td.num { text-align: right; }
.attachment ol { list-style: none; padding: 0; font-size: 11pt; }
.report-table { break-before: page; }
.report-table.landscape { page: landscape; }
`;

/** The in-app preview: the tables one after another on a white sheet. */
export const PREVIEW_CSS = `
body { margin: 0; padding: 16px; background: #fff; font-family: ${SANS}; }
.report-table { margin: 0 auto 32px; max-width: 1400px; }
.report-table.portrait { max-width: 900px; }
`;
