/**
 * Cell text as recognition compares it: full-width forms folded (NFKC), every kind of space and
 * line break removed, quotes and brackets unified, so "（一）一般公共 预算" and "(一)一般公共预算"
 * compare equal.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”‘’"'「」『』]/g, '')
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']')
    .replace(/[—–－‐]/g, '-')
    .replace(/[：]/g, ':');
}

/** A 4-digit year (2000–2100) written in the text ("2023年…", "预算年度：2023"), or null. */
export function yearIn(text: string): number | null {
  const match = /(20\d{2}|2100)\s*年|年度\s*[:：]?\s*(20\d{2}|2100)/.exec(text.normalize('NFKC'));
  const digits = match?.[1] ?? match?.[2];
  return digits ? Number(digits) : null;
}

const NUMBERING = /^(?:[(（]?[一二三四五六七八九十]+[)）、.．]|[(（]\d+[)）]|\d+[、.．](?!\d))/;

/**
 * A row label without what varies between hand-filled copies: its numbering ("一、", "（三）",
 * "2.") and a leading "其中：", so "（一）一般公共预算拨款" matches "一般公共预算拨款".
 */
export function normalizeLabel(text: string): string {
  let label = normalizeText(text);
  for (let previous = ''; previous !== label; ) {
    previous = label;
    label = label.replace(NUMBERING, '').replace(/^其中[:]?/, '');
  }
  return label;
}

/** Similarity of two texts as the share of character pairs they have in common (Dice), 0–1. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const pairs = (text: string) => {
    const counts = new Map<string, number>();
    for (let index = 0; index < text.length - 1; index += 1) {
      const pair = text.slice(index, index + 2);
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
    return counts;
  };
  const left = pairs(a);
  const right = pairs(b);
  let common = 0;
  for (const [pair, count] of left) common += Math.min(count, right.get(pair) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total === 0 ? 0 : (2 * common) / total;
}
