import type { MoneyFormat } from '../../tables/spec';
import { isDash, normalizeText, printedNumber } from './cells';
import type { Block, SheetView } from './blocks';

/**
 * How a table prints its amounts, read from the amounts themselves: thousands separators (only numbers of four
 * integer digits or more can show them), two decimals or as few as needed (and below which size), and what a
 * zero prints as — blank, "0.00", "0", "-" — where a row prints amounts beside it.
 */

export interface FormatEvidence {
  grouped: number;
  ungrouped: number;
  fixed: number;
  trimmed: number;
  /** Trimmed amounts all below this, fixed ones all at or above it (Shaanxi's 表6: "720" beside "1,234.00"). */
  plainBelow: number | null;
  zeros: Map<string, number>;
  amounts: number;
  nonZero: number;
}

const THRESHOLDS = [10, 100, 1000, 10000];

export function formatEvidence(view: SheetView, block: Block, moneyColumns: Set<number>): FormatEvidence {
  const evidence: FormatEvidence = { grouped: 0, ungrouped: 0, fixed: 0, trimmed: 0, plainBelow: null, zeros: new Map(), amounts: 0, nonZero: 0 };
  const trimmedValues: number[] = [];
  const fixedValues: number[] = [];
  for (const row of block.body) {
    const cells = [...moneyColumns].map((column) => view.raw(row, block.left + column));
    const hasAmount = cells.some((text) => text !== '' && (printedNumber(text) !== null || isDash(text)));
    for (const text of cells) {
      if (text === '') {
        if (hasAmount) evidence.zeros.set('', (evidence.zeros.get('') ?? 0) + 1);
        continue;
      }
      if (isDash(text)) {
        evidence.amounts += 1;
        evidence.zeros.set(text.trim(), (evidence.zeros.get(text.trim()) ?? 0) + 1);
        continue;
      }
      const number = printedNumber(text);
      if (!number || number.percent) continue;
      evidence.amounts += 1;
      const value = Number(number.digits);
      if (value === 0) {
        const shown = normalizeText(text);
        evidence.zeros.set(shown, (evidence.zeros.get(shown) ?? 0) + 1);
        continue;
      }
      evidence.nonZero += 1;
      if (number.wide) {
        if (number.grouped) evidence.grouped += 1;
        else evidence.ungrouped += 1;
      }
      if (number.decimals === 2) {
        evidence.fixed += 1;
        fixedValues.push(value);
      } else {
        evidence.trimmed += 1;
        trimmedValues.push(value);
      }
    }
  }
  if (evidence.trimmed > 0 && evidence.fixed > 0) {
    // Trimmed only below some size: the rest is printed with two decimals.
    const maxTrimmed = Math.max(...trimmedValues);
    const minFixed = Math.min(...fixedValues);
    const threshold = THRESHOLDS.find((t) => maxTrimmed < t && minFixed >= t);
    if (threshold !== undefined && trimmedValues.every((value) => Number.isInteger(value))) evidence.plainBelow = threshold;
  }
  return evidence;
}

/** What the evidence says about a format, as changes to `current` (only what it can tell). */
export function formatFrom(evidence: FormatEvidence, current: MoneyFormat): Partial<MoneyFormat> {
  const out: Partial<MoneyFormat> = {};
  if (evidence.grouped + evidence.ungrouped > 0) {
    const separators = evidence.grouped >= evidence.ungrouped;
    if (separators !== current.separators) out.separators = separators;
  }
  if (evidence.plainBelow !== null) {
    if (current.plainBelow !== evidence.plainBelow) out.plainBelow = evidence.plainBelow;
    if (current.trimZeros) out.trimZeros = false;
  } else if (evidence.trimmed > 0 && evidence.trimmed * 4 >= evidence.fixed) {
    if (!current.trimZeros) out.trimZeros = true;
  } else if (evidence.fixed > 0) {
    if (current.trimZeros) out.trimZeros = false;
    if (current.plainBelow !== undefined && current.plainBelow > 0) out.plainBelow = 0;
  }
  const zero = zeroFrom(evidence);
  if (zero !== null && zero !== current.zero) out.zero = zero;
  return out;
}

/** The zero printed most; a zero printed as a number counts over blanks (blanks may be cells without amount). */
export function zeroFrom(evidence: FormatEvidence): string | null {
  let best: string | null = null;
  let count = 0;
  for (const [text, n] of evidence.zeros) {
    if (text === '') continue;
    if (n > count) [best, count] = [text, n];
  }
  if (best !== null) return best;
  return (evidence.zeros.get('') ?? 0) > 0 ? '' : null;
}
