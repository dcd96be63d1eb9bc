import { describe, expect, it } from 'vitest';
import { fenToYuanString, formatMoney, parseMoney, percentOf, roundFen, yuanStringToFen } from '../../src/core/money';

describe('parseMoney', () => {
  it.each([
    ['1,234.56', 'yuan', 123456],
    ['1234.5', 'yuan', 123450],
    ['-12', 'yuan', -1200],
    ['(12.00)', 'yuan', -1200],
    ['１２３４．５', 'yuan', 123450],
    [' 6,465.30 万元', 'wan', 64_653_000_00],
    ['0.000001', 'wan', 1],
    ['0', 'wan', 0],
    ['567', 'wan', 5_670_000_00],
  ] as const)('reads %s in %s as %d 分', (input, unit, fen) => {
    expect(parseMoney(input, unit)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'notANumber'],
    ['1,23.00', 'notANumber'],
    ['12.345', 'tooPrecise'],
    ['1.2.3', 'notANumber'],
    ['99999999999999999', 'tooLarge'],
  ] as const)('refuses %j as %s', (input, reason) => {
    expect(parseMoney(input, 'yuan')).toEqual({ ok: false, reason });
  });
});

describe('formatMoney', () => {
  it('formats 万元 with separators and two decimals, rounding half away from zero once', () => {
    expect(formatMoney(64_653_000_00, 'wan')).toBe('6,465.30');
    expect(formatMoney(64_653_000_00, 'wan', { separators: false })).toBe('6465.30');
    expect(formatMoney(5_000, 'wan')).toBe('0.01');
    expect(formatMoney(4_999, 'wan')).toBe('0.00');
    expect(formatMoney(-5_000, 'wan')).toBe('-0.01');
    expect(formatMoney(0, 'wan', { zero: '' })).toBe('');
    expect(formatMoney(123456, 'yuan')).toBe('1,234.56');
  });

  it('round-trips 元 strings exactly', () => {
    for (const fen of [0, 1, -1, 99, 100, 123456789012345]) {
      expect(yuanStringToFen(fenToYuanString(fen))).toBe(fen);
    }
  });

  it('rounds in integer steps', () => {
    expect(roundFen(15_000, 'wan')).toBe(2);
    expect(roundFen(14_999, 'wan')).toBe(1);
  });
});

describe('percentOf', () => {
  it('gives shares with two decimals as the seeds print them', () => {
    expect(percentOf(3_323_60_0000, 6_465_30_0000)).toBe('51.41');
    expect(percentOf(3_141_70_0000, 6_465_30_0000)).toBe('48.59');
    expect(percentOf(1, 0)).toBeNull();
  });
});

describe('percentOf precision', () => {
  it('is exact for large amounts and negative changes', () => {
    expect(percentOf(-379_10_0000, 6_844_40_0000)).toBe('-5.54');
    expect(percentOf(1, 3)).toBe('33.33');
    expect(percentOf(2, 3)).toBe('66.67');
    expect(percentOf(900_719_925_474_099, 900_719_925_474_099)).toBe('100.00');
  });
});

describe('formatMoney trimZeros', () => {
  it('prints 万元 as performance forms do', () => {
    expect(formatMoney(4_214_425_00, 'wan', { trimZeros: true, separators: false })).toBe('421.4425');
    expect(formatMoney(10_000_000, 'wan', { trimZeros: true })).toBe('10');
    expect(formatMoney(0, 'wan', { trimZeros: true })).toBe('0');
  });
});
