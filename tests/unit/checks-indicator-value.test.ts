import { describe, expect, it } from 'vitest';
import { indicatorAmount, parseIndicatorValue } from '../../src/core/checks';

describe('parseIndicatorValue', () => {
  it.each([
    ['≥90%', { kind: 'quantity', operator: '≥', number: '90', unit: '%', unitClass: 'percent' }],
    ['≤136.07 万元', { kind: 'quantity', operator: '≤', number: '136.07', unit: '万元', unitClass: 'money' }],
    ['≤500元/人每天', { kind: 'quantity', operator: '≤', number: '500', unit: '元/人每天', unitClass: 'rate' }],
    ['7 个', { kind: 'quantity', operator: null, number: '7', unit: '个', unitClass: 'count' }],
    ['≥34万', { kind: 'quantity', operator: '≥', number: '34', unit: '万', unitClass: 'magnitude' }],
    ['1', { kind: 'quantity', operator: null, number: '1', unit: '', unitClass: 'none' }],
    ['不低于９５％', { kind: 'quantity', operator: '≥', number: '95', unit: '%', unitClass: 'percent' }],
    ['95%以上', { kind: 'quantity', operator: '≥', number: '95', unit: '%', unitClass: 'percent' }],
    ['≤30分钟', { kind: 'quantity', operator: '≤', number: '30', unit: '分钟', unitClass: 'time' }],
    ['≥20,000份', { kind: 'quantity', operator: '≥', number: '20000', unit: '份', unitClass: 'count' }],
    ['12月底前', { kind: 'date', yearOnly: false }],
    ['不晚于 12 月底', { kind: 'date', yearOnly: false }],
    ['2024年', { kind: 'date', yearOnly: true }],
    ['有所提升', { kind: 'text' }],
    ['不低于上年水平', { kind: 'text' }],
    ['符合救助条件的对象按规定纳入救助范围', { kind: 'text' }],
    ['无', { kind: 'placeholder' }],
    ['不涉及', { kind: 'placeholder' }],
    [' ', { kind: 'empty' }],
    ['≥较多', { kind: 'malformed' }],
    ['≥9.0.1%', { kind: 'malformed' }],
  ])('%s', (value, expected) => {
    expect(parseIndicatorValue(value)).toEqual(expected);
  });

  it('reads plain amounts in 分 and leaves rates alone', () => {
    expect(indicatorAmount(parseIndicatorValue('≤136.07万元'))).toBe(136_070_000);
    expect(indicatorAmount(parseIndicatorValue('≤421.4425万元'))).toBe(421_442_500);
    expect(indicatorAmount(parseIndicatorValue('140元'))).toBe(14_000);
    expect(indicatorAmount(parseIndicatorValue('≤0.5亿元'))).toBe(5_000_000_000);
    expect(indicatorAmount(parseIndicatorValue('≤500元/人每天'))).toBeUndefined();
    expect(indicatorAmount(parseIndicatorValue('≥90%'))).toBeUndefined();
  });
});
