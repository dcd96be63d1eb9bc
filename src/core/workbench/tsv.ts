/**
 * Tab-separated text as Excel and WPS put it on the clipboard: cells split by tabs, rows by CRLF
 * (or LF, or a lone CR), a trailing line break after the last row, and cells holding a tab, a line
 * break or a double quote wrapped in double quotes with inner quotes doubled. A quote that does not
 * open a well-formed quoted cell is kept as an ordinary character (a cell reading `5" pipe`).
 */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  const length = text.length;
  for (;;) {
    const { value, end } = readCell(text, index);
    row.push(value);
    if (end >= length) {
      rows.push(row);
      break;
    }
    const separator = text[end];
    if (separator === '\t') {
      index = end + 1;
      continue;
    }
    // A line break ends the row; CRLF counts as one.
    rows.push(row);
    row = [];
    index = separator === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
    // The line break after the last row closes it and starts no new one.
    if (index >= length) break;
  }
  return rows;
}

function isBreak(char: string | undefined): boolean {
  return char === '\t' || char === '\n' || char === '\r';
}

/** Reads one cell starting at `start`; `end` is the index of the separator after it (or the text's length). */
function readCell(text: string, start: number): { value: string; end: number } {
  if (text[start] === '"') {
    const quoted = readQuoted(text, start);
    if (quoted) return quoted;
  }
  let end = start;
  while (end < text.length && !isBreak(text[end])) end += 1;
  return { value: text.slice(start, end), end };
}

/** A quoted cell, or null when the quotes do not form one (then the cell is read literally). */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const quote = text.indexOf('"', index);
    if (quote === -1) return null;
    value += text.slice(index, quote);
    if (text[quote + 1] === '"') {
      value += '"';
      index = quote + 2;
      continue;
    }
    const after = quote + 1;
    if (after >= text.length || isBreak(text[after])) return { value, end: after };
    return null;
  }
  return null;
}

/** Cells to clipboard text that Excel, WPS and parseTsv read back to the same cells. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteCell).join('\t')).join('\r\n');
}

function quoteCell(value: string): string {
  return /[\t\r\n"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Pads every row to the widest one, so a pasted block is a rectangle. */
export function rectangular(rows: readonly (readonly string[])[]): string[][] {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  return rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]);
}
