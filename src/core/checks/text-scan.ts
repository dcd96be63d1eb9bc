/**
 * What the text lints look for in clerk-written prose, found once per distinct text (the result
 * is memoised, so re-checking unchanged texts on every edit costs a map lookup).
 */
export interface YuanAmount {
  /** As written: "7.04元", "476.38 元". */
  quote: string;
  /** The number without separators: "7.04". */
  number: string;
  decimals: number;
}

export interface TextScan {
  /** Passages saying one figure both rose and fell: "增加32.02万元，下降5.54%". */
  roseAndFell: string[];
  /** Amounts written in 元 (not 万元/亿元, not a rate such as "500元/人"). */
  yuanAmounts: YuanAmount[];
  /** Does the text speak of an increase / a decrease at all? */
  rises: boolean;
  falls: boolean;
}

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
const UP = '增加|增长|上升|增幅';
const DOWN = '减少|下降|降低|降幅|减幅';
const CHANGE = String.raw`(${UP}|${DOWN})了?\s*为?\s*(${NUM})\s*(万元|亿元|元|%)`;
const ROSE_AND_FELL = new RegExp(`${CHANGE}\\s*[，,、]?\\s*${CHANGE}`, 'g');
const UP_WORD = new RegExp(UP);
const YUAN = new RegExp(String.raw`(?<![\d.,])(${NUM})\s*元(?![/／每])`, 'g');

/** Words that say which way a figure moved, as reasons use them ("人员增加", "压减"). */
const RISE_WORDS = /增加|增长|上升|增多|新增|上涨|扩大|调增/;
const FALL_WORDS = /减少|下降|降低|压减|压缩|缩减|削减|核减|调减|减小/;

const cache = new Map<string, TextScan>();

export function scanText(raw: string): TextScan {
  let scan = cache.get(raw);
  if (scan) return scan;
  const text = raw.replace(/％/g, '%');
  const roseAndFell: string[] = [];
  for (const match of text.matchAll(ROSE_AND_FELL)) {
    const [quote, firstWord = '', , firstUnit = '', secondWord = '', , secondUnit = ''] = match;
    const oneIsShare = (firstUnit === '%') !== (secondUnit === '%');
    if (oneIsShare && UP_WORD.test(firstWord) !== UP_WORD.test(secondWord)) roseAndFell.push(quote);
  }
  const yuanAmounts: YuanAmount[] = [];
  for (const match of text.matchAll(YUAN)) {
    const number = (match[1] ?? '').replaceAll(',', '');
    const decimals = number.includes('.') ? number.length - number.indexOf('.') - 1 : 0;
    yuanAmounts.push({ quote: match[0], number, decimals });
  }
  scan = { roseAndFell, yuanAmounts, rises: RISE_WORDS.test(text), falls: FALL_WORDS.test(text) };
  if (cache.size > 5_000) cache.clear();
  cache.set(raw, scan);
  return scan;
}
