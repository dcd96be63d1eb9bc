import { describe, expect, it } from 'vitest';
import { evaluateAmountFormula, isFormula } from '../../src/core/formula';

const fen = (text: string, unit: 'yuan' | 'wan' = 'wan') => {
  const result = evaluateAmountFormula(text, unit);
  return result.ok ? result.fen : result.reason;
};

describe('arithmetic in an amount cell', () => {
  it('evaluates what clerks type, with precedence and brackets, exactly', () => {
    expect(fen('=3+3')).toBe(6_000_000);
    expect(fen('=12*0.5')).toBe(6_000_000);
    expect(fen('=(120-8.5)/2')).toBe(55_750_000);
    expect(fen('=0.1+0.2', 'yuan')).toBe(30);
    expect(fen('=-5+2', 'yuan')).toBe(-300);
    expect(fen('= 2 × 3 ÷ 4', 'yuan')).toBe(150);
    expect(fen('＝１２＋３', 'yuan')).toBe(1_500);
    expect(fen('=.5', 'yuan')).toBe(50);
  });

  it('rounds to whole 分 only at the end, half away from zero, and says so', () => {
    expect(evaluateAmountFormula('=10/3', 'yuan')).toEqual({ ok: true, fen: 333, rounded: true });
    expect(evaluateAmountFormula('=-0.005', 'yuan')).toEqual({ ok: true, fen: -1, rounded: true });
    expect(evaluateAmountFormula('=1/3*3', 'yuan')).toEqual({ ok: true, fen: 100, rounded: false });
  });

  it('refuses what is not arithmetic, names a division by zero, and bounds the size', () => {
    for (const text of ['=', '=3+', '=(3', '=3)', '=abc', '=3,000+1', '=3++', '=2**3']) expect(fen(text), text).toBe('badFormula');
    expect(fen('=1/(2-2)')).toBe('divideByZero');
    expect(fen('=99999999999*99999999999')).toBe('tooLarge');
  });

  it('knows a formula by its leading =', () => {
    expect(isFormula('=1+1')).toBe(true);
    expect(isFormula(' ＝1')).toBe(true);
    expect(isFormula('1+1')).toBe(false);
  });
});

describe('an amount cell takes a formula', () => {
  it('stores the result, and words a bad formula as a cell problem', async () => {
    const { parseAmount } = await import('../../src/core/workbench/cells');
    expect(parseAmount('=3+3', 'wan')).toEqual(parseAmount('6', 'wan'));
    const bad = parseAmount('=3+', 'wan');
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain('money.badFormula');
  });
});
