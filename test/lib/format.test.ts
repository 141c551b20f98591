import { describe, expect, it } from 'vitest';
import { formatFiscalYear, formatNumber, roundPeople } from '../../src/lib/format.ts';

describe('formatNumber', () => {
  it('writes figures with separators and the asked digits, the same on every call', () => {
    for (let round = 0; round < 3; round++) {
      expect(formatNumber(1533)).toBe('1,533');
      expect(formatNumber(9.3456, 1)).toBe('9.3');
      expect(formatNumber(9.3456, 2, 'en')).toBe('9.35');
      expect(formatNumber(1234567.891, 1, 'en')).toBe('1,234,567.9');
    }
  });

  it('keeps the digits of one call apart from another for the same value', () => {
    expect(formatNumber(2.5, 0)).toBe('3');
    expect(formatNumber(2.5, 1)).toBe('2.5');
    expect(formatNumber(2.5, 2)).toBe('2.50');
    expect(formatNumber(2.5, 0)).toBe('3');
  });

  it('tells zero from negative zero, in either order', () => {
    // A change rounded to nothing from below is written "-0", as Intl writes it; plain zero is "0".
    expect(formatNumber(-0, 1)).toBe('-0.0');
    expect(formatNumber(0, 1)).toBe('0.0');
    expect(formatNumber(0, 2)).toBe('0.00');
    expect(formatNumber(-0, 2)).toBe('-0.00');
  });

  it('writes population bounds in round words: 万 in Japanese, whole numbers in English', () => {
    expect(roundPeople('ja', 50_000)).toBe('5万人');
    expect(roundPeople('ja', 1_000_000)).toBe('100万人');
    expect(roundPeople('yasashii', 300_000)).toBe('30万人');
    expect(roundPeople('en', 50_000)).toBe('50,000');
  });

  it('writes やさしい日本語 as Japanese and fiscal years by era', () => {
    expect(formatNumber(12345, 0, 'yasashii')).toBe('12,345');
    expect(formatFiscalYear(2019)).toBe('令和元年度（FY2019）');
    expect(formatFiscalYear(2019, 'en')).toBe('FY2019');
  });
});
