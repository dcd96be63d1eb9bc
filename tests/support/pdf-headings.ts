import { execFileSync } from 'node:child_process';

/** A line of a PDF's text as poppler lays it out: its page, font size (pt) and vertical place. */
export interface PdfLine {
  page: number;
  /** The font size of its largest word, in pt (from the word boxes' height). */
  size: number;
  yMin: number;
  text: string;
}

/** Height of a word box per pt of font size, for the embedded Noto faces (ascender + descender). */
const BOX_PER_PT = 1.437;

/** Every text line of the PDF, in poppler's reading order (`pdftotext -bbox-layout`). */
export function pdfLines(pdf: string): PdfLine[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  return xml
    .split('<page ')
    .slice(1)
    .flatMap((page, index) =>
      page
        .split('<line ')
        .slice(1)
        .flatMap((line): PdfLine[] => {
          const words = [...line.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)];
          if (words.length === 0) return [];
          const size = Math.max(...words.map((word) => Number(word[2]) - Number(word[1]))) / BOX_PER_PT;
          const text = words.map((word) => decodeEntities(word[3] ?? '')).join('');
          return [{ page: index + 1, size: Math.round(size * 10) / 10, yMin: Math.min(...words.map((word) => Number(word[1]))), text }];
        }),
    );
}

/**
 * The headings of the pages from `fromPage` on: lines set at 12 pt or more (the package's body text is 11 pt,
 * tables at most 10 pt; headings, table labels and titles, and the lines of a title page are larger). A
 * heading that wraps is one heading: a line of the same size right below the previous one (closer than
 * 1.85 line heights of its size; separate headings have a margin between them) continues it.
 */
export function pdfHeadings(lines: PdfLine[], fromPage = 1): PdfLine[] {
  const out: PdfLine[] = [];
  let previous: PdfLine | undefined;
  for (const line of lines) {
    if (line.page < fromPage) continue;
    if (line.size < 11.7) {
      previous = undefined;
      continue;
    }
    const last = out[out.length - 1];
    if (last && previous === last && line.page === last.page && Math.abs(line.size - last.size) < 0.3 && line.yMin > last.yMin && line.yMin - last.yMin < 1.85 * line.size * 1.0) {
      last.text += line.text;
      // Further wrapped lines are measured from this one.
      last.yMin = line.yMin;
    } else {
      out.push({ ...line });
    }
    previous = out[out.length - 1];
  }
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (entity, name: string) => {
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name] ?? entity;
  });
}

/** Text compared as printed, whitespace aside (the seeds' extraction spaces words inconsistently). */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');
