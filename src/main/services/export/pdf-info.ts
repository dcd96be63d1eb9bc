/**
 * Sets a PDF's document properties (the Info dictionary) by an incremental update (ISO 32000-1 §7.5.6):
 * a new Info object, a cross-reference section and a trailer are appended; nothing already in the file
 * moves, so the printer's bytes, offsets and named destinations stay as they were. The new section
 * repeats the old classic table's entries (what Chromium's Skia writer emits) so a reader of the last
 * section alone (pdf-destinations.ts) still finds every object. A file without a classic table (a
 * cross-reference stream) comes back unchanged.
 */
export interface PdfDocumentInfo {
  title: string;
  author: string;
  creator: string;
  producer: string;
  subject?: string;
  keywords?: string;
}

/** What every PDF we print says about itself, whichever printer laid it out. */
export const BUDGET_DESK_NAME = 'Budget Desk (部门预算编制助手)';

export function budgetDeskInfo(title: string, subject?: string): PdfDocumentInfo {
  return { title, author: BUDGET_DESK_NAME, creator: BUDGET_DESK_NAME, producer: BUDGET_DESK_NAME, ...(subject ? { subject } : {}) };
}

const TAIL = 2048;

export function withDocumentInfo(bytes: Uint8Array, info: PdfDocumentInfo, now = new Date()): Uint8Array {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const start = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(text.slice(-TAIL));
  const xrefAt = start ? Number(start[1]) : -1;
  if (xrefAt < 0 || !text.startsWith('xref', xrefAt)) return bytes;
  const trailerAt = text.indexOf('trailer', xrefAt);
  if (trailerAt < 0) return bytes;
  const table = text.slice(xrefAt + 'xref'.length, trailerAt).replace(/^\s+|\s+$/g, '');
  const trailer = dictionaryAt(text, trailerAt + 'trailer'.length);
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1] ?? NaN);
  if (!Number.isInteger(size) || size <= 0) return bytes;

  const oldInfo = infoObject(text, table, trailer);
  const created = /\/CreationDate\s*(\([^)]*\))/.exec(oldInfo)?.[1] ?? pdfDate(now);
  const id = size;
  const entries: [string, string][] = [
    ['Title', info.title],
    ['Author', info.author],
    ['Subject', info.subject ?? ''],
    ['Keywords', info.keywords ?? ''],
    ['Creator', info.creator],
    ['Producer', info.producer],
  ];
  const fields = entries.filter(([, value]) => value !== '').map(([key, value]) => `/${key} ${textString(value)}`);
  fields.push(`/CreationDate ${created}`, `/ModDate ${pdfDate(now)}`);

  const separator = text.endsWith('\n') ? '' : '\n';
  const objectAt = bytes.byteLength + separator.length;
  const object = `${id} 0 obj\n<<${fields.join('\n')}>>\nendobj\n`;
  const newXrefAt = objectAt + object.length;
  const kept = trailer
    .slice(2, -2)
    .replace(/\/(Size|Info|Prev)\s+\d+(?:\s+\d+\s+R)?/g, '')
    .trim();
  const update =
    `${separator}${object}xref\n${table}\n${id} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${id + 1}\n${kept}\n/Info ${id} 0 R\n/Prev ${xrefAt}>>\nstartxref\n${newXrefAt}\n%%EOF\n`;
  const tail = Buffer.from(update, 'latin1');
  const out = new Uint8Array(bytes.byteLength + tail.byteLength);
  out.set(bytes, 0);
  out.set(tail, bytes.byteLength);
  return out;
}

/** A PDF text string as UTF-16BE with its byte-order mark, hex-encoded (no escaping needed). */
export function textString(value: string): string {
  let hex = 'FEFF';
  for (let index = 0; index < value.length; index += 1) hex += value.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSSZ */
export function pdfDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `(D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z)`;
}

/** The old Info object's text, through the classic table's offset for it; '' without one. */
function infoObject(text: string, table: string, trailer: string): string {
  const target = Number(/\/Info\s+(\d+)\s+\d+\s+R/.exec(trailer)?.[1] ?? NaN);
  if (!Number.isInteger(target)) return '';
  let id = 0;
  for (const line of table.split(/\r\n|\r|\n/)) {
    const section = /^(\d+)\s+(\d+)\s*$/.exec(line);
    if (section) {
      id = Number(section[1]);
      continue;
    }
    const entry = /^(\d{10})\s+\d{5}\s+([nf])/.exec(line);
    if (!entry) continue;
    if (id === target && entry[2] === 'n') {
      const at = Number(entry[1]);
      const end = text.indexOf('endobj', at);
      return end < 0 ? '' : text.slice(at, end);
    }
    id += 1;
  }
  return '';
}

function dictionaryAt(text: string, at: number): string {
  const open = text.indexOf('<<', at);
  if (open < 0) return '<<>>';
  let depth = 0;
  for (let index = open; index < text.length - 1; index += 1) {
    const pair = text.slice(index, index + 2);
    if (pair === '<<') {
      depth += 1;
      index += 1;
    } else if (pair === '>>') {
      depth -= 1;
      index += 1;
      if (depth === 0) return text.slice(open, index + 1);
    }
  }
  return '<<>>';
}
