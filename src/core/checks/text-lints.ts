/**
 * What the writing lints look for in clerk-written prose (memoised per distinct text, like text-scan.ts):
 * unfilled placeholders, a phrase repeated back to back, and years named with a budget.
 */
export interface TextLints {
  /** Template leftovers as written: "XX", "××", "。。。", "0个…：…". */
  placeholders: string[];
  /** A phrase written twice in a row: "保障运转保障运转". */
  repeats: string[];
  /** Years written with 预算 ("2023年部门预算"), not as a comparison ("比2023年"): [quote, year]. */
  budgetYears: { quote: string; year: number }[];
}

/** Two or more X/×/＊ (a name or number left to fill; ASCII ** is left alone, it is Markdown), two or more 。, empty brackets, ___. */
const PLACEHOLDER = /(?<![A-Za-z])(?:[XxＸｘ×＊]{2,})(?![A-Za-z])|。{2,}|[（(]\s*[)）]|_{3,}/g;
/** A count of nought followed by the items it counts: "共0个，分别是：…", "包括0项：…". */
const ZERO_THEN_LIST = /(?<![\d.])0\s*(?:个|项|家|所|人)[^。；\n]{0,12}?(?:[:：]|分别是|包括)(?=\s*[^\s。；])/g;
/** Three or more CJK characters repeated immediately: the copy-paste double. */
const REPEAT = /([\u4e00-\u9fff]{3,12})\1/g;
/**
 * A year followed by a budget's name; not after 比/较/与/同/相比/上年 (a comparison with last year), nor
 * before 执行/调整/数/批复 (last year's budget spoken of as such).
 */
const BUDGET_YEAR = /(?<!比|较|与|同|相比|对比|上年)(20\d{2})\s*年(?:度)?(?:部门|单位)?(?:综合)?(?:收支|支出|收入)?预算(?!执行|调整|数|批复)/g;

const cache = new Map<string, TextLints>();

export function lintText(text: string): TextLints {
  let lints = cache.get(text);
  if (lints) return lints;
  const placeholders = [...text.matchAll(PLACEHOLDER), ...text.matchAll(ZERO_THEN_LIST)].map((match) => match[0]);
  const repeats = [...text.matchAll(REPEAT)].map((match) => match[0]);
  const budgetYears = [...text.matchAll(BUDGET_YEAR)].map((match) => ({ quote: match[0], year: Number(match[1]) }));
  lints = { placeholders, repeats, budgetYears };
  if (cache.size > 5_000) cache.clear();
  cache.set(text, lints);
  return lints;
}
