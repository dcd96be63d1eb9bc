import type { EvaluatedTable } from '../tables/evaluate';
import { escapeHtml } from './html';
import { PREVIEW_CSS, TABLE_CSS } from './styles';
import { isToken, tableLayout, type TableLayout } from './table-layout';

export interface TableHtmlOptions {
  /** id of the section, the target of the contents' link. */
  anchorId?: string;
  /** How the table prints (the package measures it for its page set-up); default tableLayout(table). */
  layout?: TableLayout;
  /** A label printed on a line of its own above the title ("表4"). */
  label?: string;
}

/**
 * One evaluated table as HTML: title, meta line, the merged header in <thead> (repeated on every
 * printed page), the body, the notes. Column widths and font size come from tableLayout so the
 * table fits its page's width.
 */
export function renderTableHtml(table: EvaluatedTable, options: TableHtmlOptions = {}): string {
  const layout = options.layout ?? tableLayout(table);
  const columns = layout.columnShares.map((share) => `<col style="width:${(share * 100).toFixed(3)}%">`).join('');
  const header = table.header
    .map((row) => `<tr>${row.map((cell) => `<th${span('colspan', cell.colSpan)}${span('rowspan', cell.rowSpan)}>${text(cell.text)}</th>`).join('')}</tr>`)
    .join('');
  // Merged body cells print once with their spans; the cells they cover print nothing.
  const body = table.rows
    .map(
      (row) =>
        `<tr class="row-${row.style}">${row.cells
          .filter((cell) => !cell.covered)
          .map((cell) => `<td${span('colspan', cell.colSpan)}${span('rowspan', cell.rowSpan)}${cellClass(cell.text, cell.fen !== undefined)}>${text(cell.text)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  const id = options.anchorId ? ` id="${escapeHtml(options.anchorId)}"` : '';
  const meta = table.meta.length > 0 ? `<div class="table-meta">${table.meta.map((line) => `<span>${escapeHtml(line)}</span>`).join('')}</div>` : '';
  const notes = table.notes.length > 0 ? `<div class="table-notes">${table.notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('')}</div>` : '';
  return [
    `<section class="report-table ${layout.orientation}"${id} data-table="${escapeHtml(table.id)}" style="--table-font:${layout.fontSizePt}pt">`,
    options.label ? `<div class="table-label">${escapeHtml(options.label)}</div>` : '',
    table.title ? `<h2 class="table-title">${escapeHtml(table.title)}</h2>` : '',
    meta,
    `<table><colgroup>${columns}</colgroup>`,
    header ? `<thead>${header}</thead>` : '',
    `<tbody>${body}</tbody></table>`,
    notes,
    '</section>',
  ].join('');
}

/** A standalone page of tables for the in-app preview (system fonts unless `fontCss` is given). */
export function renderTablesDocument(tables: EvaluatedTable[], options: { title?: string; fontCss?: string } = {}): string {
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(options.title ?? '')}</title>`,
    `<style>${options.fontCss ?? ''}${TABLE_CSS}${PREVIEW_CSS}</style></head><body>`,
    tables.map((table) => renderTableHtml(table)).join('\n'),
    '</body></html>',
  ].join('');
}

function span(name: string, value: number | undefined): string {
  return value !== undefined && value > 1 ? ` ${name}="${value}"` : '';
}

function cellClass(value: string, money: boolean): string {
  if (money) return ' class="num"';
  return value.length > 1 && isToken(value) ? ' class="code"' : '';
}

/** Cell text keeps its line breaks. */
function text(value: string): string {
  return escapeHtml(value).replace(/\n/g, '<br>');
}
