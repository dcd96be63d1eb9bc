import { parseMoney, type Fen } from '../money';

/**
 * 指标值 as published is either quantitative — an optional operator, a number and a unit
 * ("≥90%", "≤136.07 万元", "7个", "不低于95%") — a date ("12月底前", "2024年"), or qualitative
 * text ("有所提升", "及时"). Unused rows read "无" or "不涉及".
 */
export type IndicatorOperator = '≥' | '≤' | '>' | '<' | '=';

export type UnitClass =
  /** No unit at all ("1"). */
  | 'none'
  /** A bare magnitude with no unit ("≥34万"). */
  | 'magnitude'
  | 'percent'
  /** A plain amount: 元, 万元, 亿元. */
  | 'money'
  /** Money per something: "元/人每天", "万元/个". Not comparable with a budget. */
  | 'rate'
  | 'time'
  | 'score'
  /** Anything else: 次, 人, 个, 家, 份, 万人 … */
  | 'count';

export type ParsedIndicatorValue =
  | { kind: 'empty' }
  | { kind: 'placeholder' }
  | { kind: 'quantity'; operator: IndicatorOperator | null; number: string; unit: string; unitClass: UnitClass }
  | { kind: 'date'; yearOnly: boolean }
  | { kind: 'text' }
  | { kind: 'malformed' };

const PLACEHOLDERS = new Set(['无', '不涉及', '/', '-', '—', '——', '--', '无此项', '不适用']);

/** Prefix operators, longest first within each spelling family. */
const PREFIX_OPERATORS: [string, IndicatorOperator, 'symbol' | 'word'][] = [
  ['>=', '≥', 'symbol'],
  ['<=', '≤', 'symbol'],
  ['≥', '≥', 'symbol'],
  ['≧', '≥', 'symbol'],
  ['≤', '≤', 'symbol'],
  ['≦', '≤', 'symbol'],
  ['>', '>', 'symbol'],
  ['<', '<', 'symbol'],
  ['=', '=', 'symbol'],
  ['大于等于', '≥', 'word'],
  ['大于或等于', '≥', 'word'],
  ['不低于', '≥', 'word'],
  ['不少于', '≥', 'word'],
  ['不小于', '≥', 'word'],
  ['至少', '≥', 'word'],
  ['小于等于', '≤', 'word'],
  ['小于或等于', '≤', 'word'],
  ['不高于', '≤', 'word'],
  ['不超过', '≤', 'word'],
  ['不多于', '≤', 'word'],
  ['不大于', '≤', 'word'],
  ['大于', '>', 'word'],
  ['高于', '>', 'word'],
  ['超过', '>', 'word'],
  ['小于', '<', 'word'],
  ['低于', '<', 'word'],
  ['少于', '<', 'word'],
  ['等于', '=', 'word'],
  ['不晚于', '≤', 'word'],
  ['不迟于', '≤', 'word'],
  ['最迟', '≤', 'word'],
];

const SUFFIX_OPERATORS: [string, IndicatorOperator][] = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
];

const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/;
const UNIT_TEXT = /^[^\d\s，。；;,.!?！？、：:]{0,10}$/;
const DATE = /^(?:(\d{4})年度?)?(?:(\d{1,2})月)?(?:(\d{1,2})[日号])?(底|末|中旬|上旬|下旬)?(前|之前|以前|内|底前)?$/;

export function parseIndicatorValue(raw: string): ParsedIndicatorValue {
  const text = normalize(raw);
  if (text === '') return { kind: 'empty' };
  if (PLACEHOLDERS.has(text)) return { kind: 'placeholder' };
  let rest = text;
  let operator: IndicatorOperator | null = null;
  let operatorStyle: 'symbol' | 'word' | null = null;
  for (const [spelling, op, style] of PREFIX_OPERATORS) {
    if (rest.startsWith(spelling)) {
      operator = op;
      operatorStyle = style;
      rest = rest.slice(spelling.length);
      break;
    }
  }
  const date = DATE.exec(rest);
  if (date && (date[1] !== undefined || (date[2] !== undefined && (date[3] ?? date[4] ?? date[5]) !== undefined))) {
    return { kind: 'date', yearOnly: date[2] === undefined && date[3] === undefined && date[4] === undefined && date[5] === undefined };
  }
  const number = NUMBER.exec(rest);
  if (!number) {
    // "≥较高" has an operator and no number; "不低于上年水平" is a qualitative comparison.
    return operatorStyle === 'symbol' ? { kind: 'malformed' } : { kind: 'text' };
  }
  let unit = rest.slice(number[0].length);
  if (operator === null) {
    for (const [suffix, op] of SUFFIX_OPERATORS) {
      if (unit.endsWith(suffix)) {
        operator = op;
        unit = unit.slice(0, -suffix.length);
        break;
      }
    }
  }
  if (/^[.\d]/.test(unit) || !UNIT_TEXT.test(unit)) {
    // A number followed by a sentence ("3个县全覆盖，……") reads as text; an operator promised a figure.
    return operatorStyle === 'symbol' || /^[.\d]/.test(unit) ? { kind: 'malformed' } : { kind: 'text' };
  }
  return { kind: 'quantity', operator, number: number[0].replaceAll(',', ''), unit, unitClass: classifyUnit(unit) };
}

const MONEY = /^(亿|千万|百万|万|千)?元$/;
const RATE = /^(亿|万|千)?元.|[/／每]/;
const TIME = /^(个)?(工作日|自然日|日|天|小时|分钟|周|星期|个月|月|年|季度)(内|以内)?$/;

export function classifyUnit(unit: string): UnitClass {
  if (unit === '') return 'none';
  if (/^(万|千|百|亿|万亿|十万|百万|千万)$/.test(unit)) return 'magnitude';
  if (/^(%|‰|个百分点|百分点)$/.test(unit)) return 'percent';
  if (MONEY.test(unit)) return 'money';
  if (RATE.test(unit)) return 'rate';
  if (TIME.test(unit)) return 'time';
  if (unit === '分') return 'score';
  return 'count';
}

const MONEY_SCALE: Record<string, { unit: 'yuan' | 'wan'; times: number }> = {
  元: { unit: 'yuan', times: 1 },
  千元: { unit: 'yuan', times: 1000 },
  万元: { unit: 'wan', times: 1 },
  百万元: { unit: 'wan', times: 100 },
  千万元: { unit: 'wan', times: 1000 },
  亿元: { unit: 'wan', times: 10000 },
};

/** The amount a money-valued 指标值 names, in 分; undefined when it is not a plain amount. */
export function indicatorAmount(value: ParsedIndicatorValue): Fen | undefined {
  if (value.kind !== 'quantity' || value.unitClass !== 'money') return undefined;
  const scale = MONEY_SCALE[value.unit];
  if (!scale) return undefined;
  const parsed = parseMoney(value.number, scale.unit);
  return parsed.ok ? parsed.fen * scale.times : undefined;
}

function normalize(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/[。.]$/, '');
}
