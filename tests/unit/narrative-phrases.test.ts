import { describe, expect, it } from 'vitest';
import type { Fen } from '../../src/core/money';
import { cleanReason, compareWithPrior, comparisonPhrase, formatAmount, splitShares, type ComparisonStyle } from '../../src/core/narrative';

const wan = (text: string): Fen => {
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 1_000_000 + Number(fraction.padEnd(6, '0'));
};

/** Henan's words (henan-2024.ts), restated here so that a change to the template does not hide a change to the builder. */
const henan: ComparisonStyle = {
  up: '增加{delta}万元，增长{percent}%',
  down: '减少{delta}万元，下降{percent}%',
  same: '与上年持平，无增减变动',
  fromZero: '增加{delta}万元，上年为0',
  reason: '，主要原因：{reason}',
};
const context = { unit: 'wan' as const, money: 'compact' as const, year: 2024, priorYear: 2023 };

describe('formatAmount', () => {
  it('prints each province’s rule: fixed, compact (whole amounts bare) and trimmed', () => {
    expect(formatAmount(wan('3323.6'), 'wan', 'compact')).toBe('3323.60');
    expect(formatAmount(wan('2174'), 'wan', 'compact')).toBe('2174');
    expect(formatAmount(0, 'wan', 'compact')).toBe('0');
    expect(formatAmount(wan('3141.7'), 'wan', 'trim')).toBe('3141.7');
    expect(formatAmount(wan('2.8'), 'wan', 'trim')).toBe('2.8');
    expect(formatAmount(wan('2'), 'wan', 'trim')).toBe('2');
    expect(formatAmount(0, 'wan', 'fixed')).toBe('0.00');
    expect(formatAmount(wan('1890.258'), 'wan', 'fixed')).toBe('1890.26');
    expect(formatAmount(wan('6465.3'), 'wan', 'fixed')).toBe('6465.30');
  });

  it('rounds to 0.01 before choosing the form: 14.9736万 is 14.97, 9.999万 is 10', () => {
    expect(formatAmount(wan('14.9736'), 'wan', 'compact')).toBe('14.97');
    expect(formatAmount(wan('9.999'), 'wan', 'compact')).toBe('10');
    expect(formatAmount(wan('0.005'), 'wan', 'trim')).toBe('0.01');
    expect(formatAmount(12345, 'yuan', 'compact')).toBe('123.45');
  });
});

describe('splitShares', () => {
  it('gives the seed’s shares: 51.41 + 48.59, 60.46 + 39.54, 96.07 + 3.93', () => {
    expect(splitShares([wan('3323.6'), wan('3141.7')], wan('6465.3'))).toEqual(['51.41', '48.59']);
    expect(splitShares([wan('3323.6'), wan('2174')], wan('5497.6'))).toEqual(['60.46', '39.54']);
    expect(splitShares([wan('3193.1'), wan('130.5')], wan('3323.6'))).toEqual(['96.07', '3.93']);
  });

  it('makes a split add up to 100.00 where rounding each share alone would not', () => {
    // Thirds: alone each rounds to 33.33 (99.99 in all).
    expect(splitShares([1, 1, 1], 3)).toEqual(['33.34', '33.33', '33.33']);
    // 0.125 and 0.875 of a whole: alone 12.50 / 87.50, already exact.
    expect(splitShares([1, 7], 8)).toEqual(['12.50', '87.50']);
    // Two halves of an odd-hundredth split: 1/6 + 5/6 → 16.666… + 83.333… → 16.67 + 83.33.
    expect(splitShares([1, 5], 6)).toEqual(['16.67', '83.33']);
    for (const parts of [[1, 1, 1], [2, 2, 2, 1], [1, 1, 1, 1, 1, 1, 1], [333, 333, 334], [5, 5, 5, 5, 5, 5]]) {
      const whole = parts.reduce((a, b) => a + b, 0);
      const sum = splitShares(parts, whole).reduce((total, share) => total + Math.round(Number(share) * 100), 0);
      expect(sum, parts.join('+')).toBe(10000);
    }
  });

  it('rounds each share alone when the parts are not a split of the whole, and has none of a zero whole', () => {
    expect(splitShares([1, 1], 3)).toEqual(['33.33', '33.33']);
    expect(splitShares([5], 0)).toEqual([null]);
    expect(splitShares([0, 10], 10)).toEqual(['0.00', '100.00']);
  });
});

describe('compareWithPrior and comparisonPhrase', () => {
  it('an increase: the change and its percentage of last year', () => {
    expect(compareWithPrior(wan('967.7'), wan('206.5'), 'wan')).toEqual({ direction: 'up', delta: wan('761.2'), percent: '368.62' });
    expect(comparisonPhrase(wan('1.2'), wan('0.7'), henan, '地市间交叉检查、交流活动增多。', context)).toBe(
      '增加0.50万元，增长71.43%，主要原因：地市间交叉检查、交流活动增多',
    );
  });

  it('a decrease', () => {
    expect(comparisonPhrase(wan('6465.3'), wan('6844.4'), henan, '', context)).toBe('减少379.10万元，下降5.54%');
    expect(comparisonPhrase(0, wan('3.4'), henan, '', context)).toBe('减少3.40万元，下降100.00%');
  });

  it('unchanged, also when the amounts differ below the printed precision', () => {
    expect(comparisonPhrase(0, 0, henan, '', context)).toBe('与上年持平，无增减变动');
    expect(compareWithPrior(wan('2.8'), wan('2.8049'), 'wan')).toEqual({ direction: 'same', delta: 0, percent: null });
    expect(comparisonPhrase(wan('10'), wan('10'), henan, '严格执行预算', context)).toBe('与上年持平，无增减变动，主要原因：严格执行预算');
  });

  it('a zero last year: the style’s own words, no percentage, no division by zero', () => {
    expect(compareWithPrior(wan('48.0272'), 0, 'wan')).toEqual({ direction: 'fromZero', delta: wan('48.03'), percent: null });
    expect(comparisonPhrase(wan('48.0272'), 0, henan, '', context)).toBe('增加48.03万元，上年为0');
  });

  it('computes the change from the printed amounts, so it agrees with them', () => {
    // 96.88 − 66.06 = 30.82 as printed. 1.005 − 0.004 prints as 1.01 − 0 = 1.01, although 1.001 would round to 1.00.
    expect(compareWithPrior(wan('96.8753'), wan('66.06'), 'wan').delta).toBe(wan('30.82'));
    expect(compareWithPrior(wan('1.005'), wan('0.004'), 'wan').delta).toBe(wan('1.01'));
    // 元: 0.01 元 precision.
    expect(compareWithPrior(26000_00, 29000_00, 'yuan')).toEqual({ direction: 'down', delta: 3000_00, percent: '10.34' });
  });

  it('fills {prior}, {current} and the years, in the paragraph’s money style', () => {
    const hebei: ComparisonStyle = { ...henan, same: '与{priorYear}年预算{prior}万元相比没有增减变化', up: '{year}年{current}万元，比上年增加{delta}万元' };
    expect(comparisonPhrase(wan('2.8'), wan('2.8'), hebei, '', { ...context, money: 'trim' })).toBe('与2023年预算2.8万元相比没有增减变化');
    expect(comparisonPhrase(wan('3'), wan('2.8'), hebei, '', { ...context, money: 'fixed' })).toBe('2024年3.00万元，比上年增加0.20万元');
  });
});

describe('cleanReason', () => {
  it('drops blanks and the trailing punctuation the template supplies', () => {
    expect(cleanReason(' 在职人员减少，公用经费减少。 ')).toBe('在职人员减少，公用经费减少');
    expect(cleanReason('人员增加；')).toBe('人员增加');
    expect(cleanReason(undefined)).toBe('');
  });
});
