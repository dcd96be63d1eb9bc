import type { GridRow } from './grid-import';

/**
 * Reads delimited text (RFC 4180 quoting) into rows numbered as a spreadsheet would show them.
 * The delimiter is whichever of comma, tab and semicolon is most frequent in the first lines, so
 * Excel's "CSV" and "Unicode text" (tab-separated) exports both read.
 */
export function parseDelimited(text: string): GridRow[] {
  const delimiter = guessDelimiter(text);
  const rows: GridRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    rows.push({ number: rows.length + 1, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      cell += ch;
    }
    i += 1;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

function guessDelimiter(text: string): string {
  const sample = text.split(/\r?\n|\r/, 20).join('\n');
  const counts = [',', '\t', ';'].map((delimiter) => ({ delimiter, count: sample.split(delimiter).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]!.count > 0 ? counts[0]!.delimiter : ',';
}
