/**
 * Money is an integer number of 分 (0.01 元). Floats never hold money: parsing works on the
 * decimal string and formatting rounds half away from zero exactly once, at display.
 */
export type Fen = number;

export type MoneyUnit = 'yuan' | 'wan';

/** How many 分 one unit holds. */
export const FEN_PER: Record<MoneyUnit, number> = { yuan: 100, wan: 1_000_000 };

export type ParseMoneyResult =
  | { ok: true; fen: Fen }
  | { ok: false; reason: 'empty' | 'notANumber' | 'tooPrecise' | 'tooLarge' };

const NUMBER_PATTERN = /^([+-]?)(\d+)(?:\.(\d*))?$/;
const GROUPED_PATTERN = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Parses what a clerk types or pastes: "1,234.56", "１２３４.５", "-12", "(12.00)" (accounting
 * negative), " 12.3 万元". The value is read in `unit`; the result is exact 分 or a reason.
 * 万元 accepts at most 6 decimals (one 分), 元 at most 2.
 */
export function parseMoney(input: string, unit: MoneyUnit): ParseMoneyResult {
  let text = toHalfWidth(input).trim().replace(/\s+/g, '');
  text = text.replace(/(万元|元)$/, '');
  if (text === '' || text === '-') return { ok: false, reason: 'empty' };
  let negative = false;
  const accounting = /^\((.*)\)$/.exec(text);
  if (accounting) {
    negative = true;
    text = accounting[1] ?? '';
  }
  if (text.includes(',')) {
    if (!GROUPED_PATTERN.test(text)) return { ok: false, reason: 'notANumber' };
    text = text.replaceAll(',', '');
  }
  const match = NUMBER_PATTERN.exec(text);
  if (!match) return { ok: false, reason: 'notANumber' };
  const [, sign, whole = '0', fraction = ''] = match;
  if (sign === '-') negative = !negative;
  const decimals = unit === 'wan' ? 6 : 2;
  const trimmedFraction = fraction.replace(/0+$/, '');
  if (trimmedFraction.length > decimals) return { ok: false, reason: 'tooPrecise' };
  const digits = (whole + trimmedFraction.padEnd(decimals, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { ok: false, reason: 'tooLarge' };
  const fen = Number(digits);
  return { ok: true, fen: negative && fen !== 0 ? -fen : fen };
}

export interface FormatMoneyOptions {
  /** Thousands separators, as Henan and Shaanxi print them; Hebei prints none. */
  separators?: boolean;
  /** Digits after the point; templates use 2. */
  decimals?: number;
  /** What zero prints as: Henan leaves cells empty, others print 0.00. */
  zero?: string;
  /** Drop trailing zeros of the fraction ("10", "421.4425"), as performance forms print 万元. */
  trimZeros?: boolean;
}

/** Formats 分 in `unit`, rounding half away from zero once, e.g. 64653000000 → "6,465.30" (万元). */
export function formatMoney(fen: Fen, unit: MoneyUnit, options: FormatMoneyOptions = {}): string {
  const { separators = true, zero, trimZeros = false } = options;
  const decimals = trimZeros ? Math.log10(FEN_PER[unit]) : (options.decimals ?? 2);
  const scaled = roundFen(fen, unit, decimals);
  if (scaled === 0 && zero !== undefined) return zero;
  const negative = scaled < 0;
  const digits = Math.abs(scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let fraction = digits.slice(digits.length - decimals);
  if (trimZeros) fraction = fraction.replace(/0+$/, '');
  const grouped = separators ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${negative ? '-' : ''}${grouped}${fraction.length > 0 ? `.${fraction}` : ''}`;
}

/**
 * The integer count of the display's smallest step (e.g. 0.01 万元 = 100 元) that `fen` rounds to,
 * half away from zero. Exact for every amount below 2^53 分.
 */
export function roundFen(fen: Fen, unit: MoneyUnit, decimals = 2): number {
  const step = FEN_PER[unit] / 10 ** decimals;
  if (step <= 1) return fen * Math.round(1 / step);
  const magnitude = Math.abs(fen);
  const quotient = Math.floor(magnitude / step);
  const remainder = magnitude - quotient * step;
  const rounded = remainder * 2 >= step ? quotient + 1 : quotient;
  return fen < 0 ? -rounded : rounded;
}

/** The number a spreadsheet cell holds for `fen` shown in `unit` (rounded to `decimals`). */
export function moneyToNumber(fen: Fen, unit: MoneyUnit, decimals = 2): number {
  return roundFen(fen, unit, decimals) / 10 ** decimals;
}

/** Exact 元 decimal string used by the interchange format: 123456 → "1234.56". */
export function fenToYuanString(fen: Fen): string {
  return formatMoney(fen, 'yuan', { separators: false });
}

/** Inverse of fenToYuanString; throws on anything else because interchange input is validated. */
export function yuanStringToFen(text: string): Fen {
  const parsed = parseMoney(text, 'yuan');
  if (!parsed.ok) throw new RangeError(`not an amount in 元: ${text}`);
  return parsed.fen;
}

/** Share of `part` in `whole` as a percentage rounded to 2 decimals ("51.41"), or null when whole is 0. */
export function percentOf(part: Fen, whole: Fen): string | null {
  if (whole === 0) return null;
  const basisPoints = divideRounded(BigInt(part) * 10000n, BigInt(whole));
  const negative = basisPoints < 0n;
  const digits = (negative ? -basisPoints : basisPoints).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** amount × part / whole to the 分, rounded half away from zero, exact for any size; 0 when whole is 0. */
export function prorate(amount: Fen, part: number, whole: number): Fen {
  if (whole === 0) return 0;
  return Number(divideRounded(BigInt(amount) * BigInt(part), BigInt(whole)));
}

/** Integer division rounding half away from zero, exact for any size. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[，]/g, ',')
    .replace(/[。]/g, '.');
}
