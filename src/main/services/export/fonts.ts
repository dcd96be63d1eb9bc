import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UserError } from '../../../shared/api';

/**
 * The package's fonts come from the @fontsource npm packages (Noto Sans SC, Noto Serif SC), not from
 * the system, so every machine prints the same PDF. Each package splits a weight into ~100 woff2
 * subsets by unicode-range; only the subsets holding characters the document uses are embedded, as
 * data URLs, so the HTML is self-contained whatever loads it (Playwright's page, Electron's window).
 */
export interface FontSubset {
  family: string;
  weight: number;
  file: string;
  ranges: [number, number][];
}

export const FONT_PACKAGES = [
  { name: '@fontsource/noto-sans-sc', weights: [400, 700] },
  { name: '@fontsource/noto-serif-sc', weights: [400, 700] },
] as const;

const subsetsCache = new Map<string, FontSubset[]>();
const base64Cache = new Map<string, string>();

/** The subsets one @fontsource package declares for a weight, read from its CSS file. */
export function fontsourceSubsets(packageName: string, weight: number): FontSubset[] {
  const key = `${packageName}/${weight}`;
  const cached = subsetsCache.get(key);
  if (cached) return cached;
  let cssPath: string;
  try {
    cssPath = createRequire(import.meta.url).resolve(`${packageName}/${weight}.css`);
  } catch {
    throw new UserError('export:fontsMissing', { name: packageName });
  }
  const folder = dirname(cssPath);
  const subsets: FontSubset[] = [];
  for (const block of readFileSync(cssPath, 'utf8').split('@font-face').slice(1)) {
    const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!family || !file) continue;
    subsets.push({ family, weight, file: join(folder, file), ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]] });
  }
  subsetsCache.set(key, subsets);
  return subsets;
}

/** "U+4e00-9fff,U+20??" → [[0x4e00, 0x9fff], [0x2000, 0x20ff]] */
export function parseUnicodeRange(text: string): [number, number][] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter((part) => part !== '')
    .map((part): [number, number] => {
      if (part.includes('?')) return [parseInt(part.replace(/\?/g, '0'), 16), parseInt(part.replace(/\?/g, 'f'), 16)];
      const [start = '0', end = start] = part.split('-');
      return [parseInt(start, 16), parseInt(end, 16)];
    });
}

/** One font subset the document needs, its bytes base64 (for the FontFace API where a CSP refuses data: fonts). */
export interface EmbeddedFontFace {
  family: string;
  weight: number;
  /** CSS unicode-range, e.g. "U+4e00-4e7f,U+3002". */
  unicodeRange: string;
  woff2Base64: string;
}

/** Every subset of our fonts that holds a character of `text`. */
export function embeddedFontFaces(text: string): EmbeddedFontFace[] {
  const codes = [...new Set(Array.from(text, (char) => char.codePointAt(0) ?? 0))].sort((a, b) => a - b);
  const faces: EmbeddedFontFace[] = [];
  for (const { name, weights } of FONT_PACKAGES) {
    for (const weight of weights) {
      for (const subset of fontsourceSubsets(name, weight)) {
        if (!subset.ranges.some(([start, end]) => anyBetween(codes, start, end))) continue;
        const unicodeRange = subset.ranges.map(([start, end]) => (start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`)).join(',');
        faces.push({ family: subset.family, weight: subset.weight, unicodeRange, woff2Base64: base64Of(subset.file) });
      }
    }
  }
  return faces;
}

/** @font-face rules, as data URLs, for every subset of our fonts that holds a character of `text`. */
export function embeddedFontCss(text: string): string {
  return embeddedFontFaces(text)
    .map(
      (face) =>
        `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${face.woff2Base64}) format('woff2');unicode-range:${face.unicodeRange};}`,
    )
    .join('\n');
}

function base64Of(file: string): string {
  let data = base64Cache.get(file);
  if (!data) {
    data = readFileSync(file).toString('base64');
    base64Cache.set(file, data);
  }
  return data;
}

/** Whether the sorted `codes` hold one in [start, end] (binary search). */
function anyBetween(codes: number[], start: number, end: number): boolean {
  let low = 0;
  let high = codes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((codes[middle] ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  return low < codes.length && (codes[low] ?? Infinity) <= end;
}

function hex(code: number): string {
  return code.toString(16);
}
