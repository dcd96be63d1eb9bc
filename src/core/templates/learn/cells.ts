import { normalizeText } from '../../prior/text';

/**
 * What a published cell's text is, for learning: a number as printed ("5,497.60", "0.00", "4763825", "44.10",
 * "100%"), a dash printed for zero, or text. Numbers keep how they were printed (separators, decimals), which
 * is what the money format is learned from.
 */

export interface PrintedNumber {
  /** The value as an exact decimal string without separators or sign ("5497.60"). */
  digits: string;
  negative: boolean;
  /** Digits after the point as printed. */
  decimals: number;
  /** Printed with thousands separators. */
  grouped: boolean;
  /** The integer part has four digits or more (only then can separators show). */
  wide: boolean;
  percent: boolean;
}

const NUMBER = /^([-+]?)((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d+))?(%?)$/;
const ACCOUNTING = /^\((.+)\)$/;

export function printedNumber(text: string): PrintedNumber | null {
  let plain = normalizeText(text);
  if (plain === '') return null;
  let negative = false;
  const accounting = ACCOUNTING.exec(plain);
  if (accounting) {
    negative = true;
    plain = accounting[1] ?? '';
  }
  const match = NUMBER.exec(plain);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', percent = ''] = match;
  const integer = whole.replaceAll(',', '');
  return {
    digits: fraction === '' ? integer : `${integer}.${fraction}`,
    negative: negative !== (sign === '-'),
    decimals: fraction.length,
    grouped: whole.includes(','),
    wide: integer.replace(/^0+(?=\d)/, '').length >= 4,
    percent: percent === '%',
  };
}

/** "-", "—", "－", "--": how some bureaus print a zero amount. */
export function isDash(text: string): boolean {
  return /^[-—–－‐]{1,2}$/.test(text.trim());
}

/**
 * Two printed numbers are the same value: "5,497.60" and "5497.6", "0.00" and "0", "-" and "0". Codes with
 * leading zeros ("01", "036") compare as text, so "1" does not reproduce "01".
 */
export function sameNumber(published: string, ours: string): boolean {
  const a = published.trim();
  const b = ours.trim();
  if (normalizeText(a) === normalizeText(b)) return true;
  const left = isDash(a) ? zero() : printedNumber(a);
  const right = b === '' || isDash(b) ? zero() : printedNumber(b);
  if (!left || !right) return false;
  if (left.percent !== right.percent) return false;
  if (hasLeadingZero(left) || hasLeadingZero(right)) return false;
  return compareDecimal(left, right) === 0;
}

function zero(): PrintedNumber {
  return { digits: '0', negative: false, decimals: 0, grouped: false, wide: false, percent: false };
}

function hasLeadingZero(number: PrintedNumber): boolean {
  return /^0\d/.test(number.digits);
}

/** Numeric comparison of two exact decimals. */
export function compareDecimal(a: PrintedNumber, b: PrintedNumber): number {
  const scale = Math.max(a.decimals, b.decimals);
  const toBig = (n: PrintedNumber) => {
    const [whole = '0', fraction = ''] = n.digits.split('.');
    const value = BigInt(whole + fraction.padEnd(scale, '0'));
    return n.negative ? -value : value;
  };
  const x = toBig(a);
  const y = toBig(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Excel's name of a column: 0 → "A". */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "Sheet!C12" (0-based row and column). */
export function cellRef(sheet: string, row: number, column: number): string {
  const quoted = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${columnLetters(column)}${row + 1}`;
}

/** Text compared for meaning: full-width folded, spaces and quotes removed (prior/text.ts). */
export { normalizeLabel, normalizeText, textSimilarity } from '../../prior/text';
