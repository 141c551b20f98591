import { describe, expect, it } from 'vitest';
import { isIsoDate, parseFiscalYear, parseJapaneseDate } from '../../../src/lib/load/japanese-date.ts';

describe('parseJapaneseDate', () => {
  it('reads kanji era dates, with or without a weekday', () => {
    expect(parseJapaneseDate('平成27年10月1日')).toEqual({ iso: '2015-10-01', precision: 'day' });
    expect(parseJapaneseDate('平成25年11月1日(金)')).toEqual({ iso: '2013-11-01', precision: 'day' });
    expect(parseJapaneseDate('令和元年5月1日')).toEqual({ iso: '2019-05-01', precision: 'day' });
  });
  it('reads a year and month as the first of the month, saying so', () => {
    expect(parseJapaneseDate('平成27年10月')).toEqual({ iso: '2015-10-01', precision: 'month' });
    expect(parseJapaneseDate('H27.10')).toEqual({ iso: '2015-10-01', precision: 'month' });
  });
  it('reads letter eras and slash dates', () => {
    expect(parseJapaneseDate('H27.10.31')).toEqual({ iso: '2015-10-31', precision: 'day' });
    expect(parseJapaneseDate('R3/4/1')).toEqual({ iso: '2021-04-01', precision: 'day' });
    expect(parseJapaneseDate('2015/1/5')).toEqual({ iso: '2015-01-05', precision: 'day' });
  });
  it('rejects impossible dates and other text', () => {
    expect(parseJapaneseDate('平成27年2月30日')).toBeNull();
    expect(parseJapaneseDate('来年')).toBeNull();
    expect(parseJapaneseDate('2015-13-01')).toBeNull();
  });
});

describe('parseFiscalYear', () => {
  it('turns era and fiscal-year notations into the starting calendar year', () => {
    expect(parseFiscalYear('令和3年度')).toBe(2021);
    expect(parseFiscalYear('R3')).toBe(2021);
    expect(parseFiscalYear('H27年度')).toBe(2015);
    expect(parseFiscalYear('平成元年度')).toBe(1989);
    expect(parseFiscalYear('2021年度')).toBe(2021);
    expect(parseFiscalYear('FY2021')).toBe(2021);
    expect(parseFiscalYear('三年度')).toBeNull();
  });
});

describe('isIsoDate', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2016-02-29')).toBe(true);
    expect(isIsoDate('2015-02-29')).toBe(false);
    expect(isIsoDate('2015-1-05')).toBe(false);
  });
});

describe('era bounds', () => {
  it('accepts the first and last days of each era', () => {
    expect(parseJapaneseDate('明治元年1月25日')).toEqual({ iso: '1868-01-25', precision: 'day' });
    expect(parseJapaneseDate('大正元年7月30日')).toEqual({ iso: '1912-07-30', precision: 'day' });
    expect(parseJapaneseDate('昭和元年12月25日')).toEqual({ iso: '1926-12-25', precision: 'day' });
    expect(parseJapaneseDate('平成元年1月8日')).toEqual({ iso: '1989-01-08', precision: 'day' });
    expect(parseJapaneseDate('平成31年4月30日')).toEqual({ iso: '2019-04-30', precision: 'day' });
    expect(parseJapaneseDate('R1.5.1')).toEqual({ iso: '2019-05-01', precision: 'day' });
    // A month without a day belongs to an era if any of its days does.
    expect(parseJapaneseDate('平成31年4月')).toEqual({ iso: '2019-04-01', precision: 'month' });
    expect(parseJapaneseDate('令和元年5月')).toEqual({ iso: '2019-05-01', precision: 'month' });
  });
  it('refuses a day outside its era', () => {
    expect(parseJapaneseDate('令和元年4月1日')).toBe('out-of-range');
    expect(parseJapaneseDate('平成31年5月1日')).toBe('out-of-range');
    expect(parseJapaneseDate('平成99年1月1日')).toBe('out-of-range');
    expect(parseJapaneseDate('平成元年1月7日')).toBe('out-of-range');
    expect(parseJapaneseDate('昭和64年1月8日')).toBe('out-of-range');
    expect(parseJapaneseDate('明治元年1月24日')).toBe('out-of-range');
    expect(parseJapaneseDate('令和元年4月')).toBe('out-of-range');
  });
  it('refuses an era fiscal year the era never reached', () => {
    expect(parseFiscalYear('平成31年度')).toBe(2019);
    expect(parseFiscalYear('平成32年度')).toBe('out-of-range');
    expect(parseFiscalYear('H99')).toBe('out-of-range');
    expect(parseFiscalYear('大正15年度')).toBe(1926);
    expect(parseFiscalYear('大正16年度')).toBe('out-of-range');
  });
});
