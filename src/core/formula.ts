import { FEN_PER, type Fen, type MoneyUnit } from './money';

/**
 * Arithmetic typed into an amount cell, as in Excel: `=3+3`, `=12*0.5`, `=(120-8.5)/2`. The result, not the
 * formula, is stored. Numbers are decimal and the arithmetic is exact (fractions of big integers), so `=0.1+0.2`
 * is 0.3 exactly; the result is rounded half away from zero to whole 分 only at the end, since 分 is the smallest
 * amount a budget holds.
 */
export type FormulaResult = { ok: true; fen: Fen; rounded: boolean } | { ok: false; reason: 'badFormula' | 'divideByZero' | 'tooLarge' };

interface Fraction {
  n: bigint;
  d: bigint;
}

/** Whether the text is a formula at all (an `=` first, half- or full-width). */
export function isFormula(text: string): boolean {
  return /^\s*[=＝]/.test(text);
}

export function evaluateAmountFormula(text: string, unit: MoneyUnit): FormulaResult {
  const source = text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[×]/g, '*')
    .replace(/[÷]/g, '/')
    .replace(/\s+/g, '')
    .replace(/^=/, '');
  if (source === '' || source.length > 200) return { ok: false, reason: 'badFormula' };
  const tokens = source.match(/\d+(?:\.\d+)?|\.\d+|[-+*/()]/g);
  if (!tokens || tokens.join('') !== source) return { ok: false, reason: 'badFormula' };
  let at = 0;
  let divideByZero = false;

  const number = (token: string): Fraction => {
    const [whole = '0', fraction = ''] = token.split('.');
    return { n: BigInt(`${whole || '0'}${fraction}`), d: 10n ** BigInt(fraction.length) };
  };
  const primary = (): Fraction | null => {
    const token = tokens[at];
    if (token === undefined) return null;
    if (token === '-' || token === '+') {
      at += 1;
      const value = primary();
      return value && (token === '-' ? { n: -value.n, d: value.d } : value);
    }
    if (token === '(') {
      at += 1;
      const value = sum();
      if (tokens[at] !== ')') return null;
      at += 1;
      return value;
    }
    if (/^[\d.]/.test(token)) {
      at += 1;
      return number(token);
    }
    return null;
  };
  const product = (): Fraction | null => {
    let left = primary();
    while (left && (tokens[at] === '*' || tokens[at] === '/')) {
      const operator = tokens[at];
      at += 1;
      const right = primary();
      if (!right) return null;
      if (operator === '*') left = { n: left.n * right.n, d: left.d * right.d };
      else if (right.n === 0n) {
        divideByZero = true;
        return null;
      } else left = { n: left.n * right.d * (right.n < 0n ? -1n : 1n), d: left.d * (right.n < 0n ? -right.n : right.n) };
    }
    return left;
  };
  const sum = (): Fraction | null => {
    let left = product();
    while (left && (tokens[at] === '+' || tokens[at] === '-')) {
      const operator = tokens[at];
      at += 1;
      const right = product();
      if (!right) return null;
      const n = left.n * right.d + (operator === '+' ? right.n : -right.n) * left.d;
      left = { n, d: left.d * right.d };
    }
    return left;
  };

  const value = sum();
  if (divideByZero) return { ok: false, reason: 'divideByZero' };
  if (!value || at !== tokens.length) return { ok: false, reason: 'badFormula' };
  // In 分: value × FEN_PER, rounded half away from zero.
  const scaled = value.n * BigInt(FEN_PER[unit]);
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const whole = magnitude / value.d;
  const remainder = magnitude % value.d;
  const roundedUp = remainder * 2n >= value.d ? whole + 1n : whole;
  if (roundedUp > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'tooLarge' };
  const fen = Number(roundedUp);
  return { ok: true, fen: negative && fen !== 0 ? -fen : fen, rounded: remainder !== 0n };
}
