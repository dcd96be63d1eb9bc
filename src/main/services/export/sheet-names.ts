/** Excel's limit on a sheet name's length. */
const MAX_LENGTH = 31;

/**
 * Sheet names from table titles, valid and unique: the characters Excel forbids (\ / ? * [ ] :)
 * become full-width look-alikes, leading/trailing apostrophes go, names are cut to 31 characters
 * (by code point) and repeats get " (2)", " (3)" … (compared case-insensitively, as Excel does).
 */
export function sheetNames(titles: string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, index) => {
    const base = clean(title) || `Sheet${index + 1}`;
    let name = cut(base, MAX_LENGTH);
    for (let copy = 2; used.has(name.toLowerCase()) || name.toLowerCase() === 'history'; copy += 1) {
      const suffix = ` (${copy})`;
      name = cut(base, MAX_LENGTH - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

const REPLACEMENTS: Record<string, string> = { '\\': '＼', '/': '／', '?': '？', '*': '＊', '[': '［', ']': '］', ':': '：' };

function clean(title: string): string {
  return title
    .replace(/[\\/?*[\]:]/g, (char) => REPLACEMENTS[char] ?? '')
    .replace(/[\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
}

function cut(text: string, length: number): string {
  const chars = Array.from(text);
  return chars.length <= length ? text : chars.slice(0, length).join('').trimEnd();
}
