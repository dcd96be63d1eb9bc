import { FEN_PER, formatMoney, roundFen, type Fen, type MoneyUnit } from '../money';
import { fill } from '../tables/render';
import type { ComparisonStyle, MoneyStyle } from './spec';

/** Decimals every narrative amount is rounded to, in its unit: the tables' precision. */
const DECIMALS = 2;

/** An amount as the narrative prints it ("3323.60", "2174", "3141.7"); never separators. */
export function formatAmount(fen: Fen, unit: MoneyUnit, style: MoneyStyle): string {
  const text = formatMoney(fen, unit, { separators: false, decimals: DECIMALS });
  if (style === 'fixed') return text;
  if (style === 'compact') return text.replace(/\.0+$/, '');
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/**
 * Shares of `whole` in percent with 2 decimals ("51.41"), null when the whole is 0. When the parts
 * add up to the whole, the shares add up to exactly 100.00: each is rounded down to 0.01% and the
 * hundredths still missing go to the parts with the largest remainders (the earlier part on a tie).
 * Otherwise each share is rounded half away from zero on its own.
 */
export function splitShares(parts: readonly Fen[], whole: Fen): (string | null)[] {
  if (whole === 0) return parts.map(() => null);
  const scale = 10_000n;
  const w = BigInt(whole);
  const isSplit = parts.reduce((sum, part) => sum + part, 0) === whole && parts.every((part) => Math.sign(part) !== -Math.sign(whole));
  if (!isSplit) return parts.map((part) => basisPoints(divideHalfAway(BigInt(part) * scale, w)));
  const magnitude = w < 0n ? -w : w;
  const exact = parts.map((part) => {
    const numerator = (BigInt(part) < 0n ? -BigInt(part) : BigInt(part)) * scale;
    return { floor: numerator / magnitude, remainder: numerator % magnitude };
  });
  let missing = scale - exact.reduce((sum, share) => sum + share.floor, 0n);
  const order = exact.map((share, index) => ({ ...share, index })).sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const shares = exact.map((share) => share.floor);
  for (const share of order) {
    if (missing <= 0n) break;
    if (share.remainder === 0n) continue;
    shares[share.index] = (shares[share.index] ?? 0n) + 1n;
    missing -= 1n;
  }
  return shares.map(basisPoints);
}

function basisPoints(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function divideHalfAway(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

export type Direction = 'up' | 'down' | 'same' | 'fromZero';

export interface Change {
  direction: Direction;
  /** |this year − last year| in 分, both rounded to the printed precision first. */
  delta: Fen;
  /** delta / last year in percent, 2 decimals; null when last year prints as 0. */
  percent: string | null;
}

/**
 * This year against last year as the reader can recompute it from the printed figures: both are
 * rounded to 0.01 of `unit` first, so "3.20 − 4.10 = 0.90" and a change below the precision is
 * "unchanged".
 */
export function compareWithPrior(current: Fen, prior: Fen, unit: MoneyUnit): Change {
  const now = roundFen(current, unit, DECIMALS);
  const before = roundFen(prior, unit, DECIMALS);
  const delta = Math.abs(now - before) * (FEN_PER[unit] / 10 ** DECIMALS);
  if (now === before) return { direction: 'same', delta: 0, percent: null };
  if (before === 0) return { direction: 'fromZero', delta, percent: null };
  const percent = basisPoints(divideHalfAway(BigInt(Math.abs(now - before)) * 10_000n, BigInt(Math.abs(before))));
  return { direction: now > before ? 'up' : 'down', delta, percent };
}

export interface ComparisonContext {
  unit: MoneyUnit;
  money: MoneyStyle;
  year: number;
  priorYear: number;
}

/**
 * The comparison phrase: "减少379.10万元，下降5.54%", "与上年持平，无增减变动", a zero last year in
 * the style's own words (never a division by zero), then "，主要原因：<reason>" when the clerk wrote one.
 */
export function comparisonPhrase(current: Fen, prior: Fen, style: ComparisonStyle, reason: string, context: ComparisonContext): string {
  const change = compareWithPrior(current, prior, context.unit);
  const money = (fen: Fen) => formatAmount(fen, context.unit, context.money);
  const values = {
    delta: money(change.delta),
    percent: change.percent ?? '',
    prior: money(prior),
    current: money(current),
    year: String(context.year),
    priorYear: String(context.priorYear),
  };
  const phrase = fill(style[change.direction], values);
  const cause = cleanReason(reason);
  return cause === '' ? phrase : phrase + fill(style.reason, { ...values, reason: cause });
}

/** A clerk's reason without surrounding blanks and trailing punctuation (the template supplies it). */
export function cleanReason(text: string | undefined): string {
  return (text ?? '').trim().replace(/[。；，、;,.\s]+$/u, '');
}
