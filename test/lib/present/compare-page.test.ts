/**
 * The comparison page's view model on the frozen 1.0.0 data: a count compared as a share of its
 * total, ranked bars only of areas at the group's date and only where two can be compared, and no
 * "whole" row made of one area. Expected figures are worked out by hand from the documents.
 */
import { describe, expect, it } from 'vitest';
import { comparePage } from '../../../src/lib/present/compare-page.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { metricTables } from '../../../src/lib/present/views.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const site = loadSiteData(frozenData);

describe("a count among a city's wards", () => {
  const page = comparePage(site, '14100', 'support_clinics_count', 'ja');

  it('compares each ward as its share of the city total, and says so in the heading', () => {
    expect(page.table.head[3]).toBe('全体に占める割合');
    const tsurumi = page.table.rows.find((r) => r[0] === '鶴見区')!;
    // 21 of 346 = 6.07 %; 都筑区 and 青葉区 37 of 346 = 10.69 %.
    expect(tsurumi[3]).toBe('6.1%');
    expect(page.table.rows.find((r) => r[0] === '都筑区')![3]).toBe('10.7%');
    expect(page.notes[0]).toBe('割合は、それぞれの数を横浜市全体の合計で割ったものです。');
  });

  it('ranks the 18 wards of one date in its chart', () => {
    expect(page.chart?.vintages).toEqual(['2015-10-31']);
    expect(page.notCompared).toBeNull();
  });
});

describe('a count among the municipalities, which share no date', () => {
  // 横浜市: 346 (its wards, 2015-10-31); 横須賀市: 43 (2018-03-01). The group's date is the later.
  const page = comparePage(site, 'municipalities', 'support_clinics_count', 'ja');

  it('draws no ranked chart and says why', () => {
    expect(page.chart).toBeNull();
    expect(page.notCompared).toBe('同じ時点の数値がある市町村が2つ以上ないため、グラフと順位はありません。');
  });

  it('has no "whole" row of one area, no rank of one and no share of itself', () => {
    const names = page.table.rows.map((r) => r[0]);
    expect(names).toEqual(['横浜市', '横須賀市']);
    const yokosuka = page.table.rows.find((r) => r[0] === '横須賀市')!;
    expect(yokosuka.slice(1, 4)).toEqual(['43', '—', '—']);
    expect(page.table.rows.flat()).not.toContain('1/1');
  });
});

describe('a share whose numerator and denominator come from one table', () => {
  // aged_75_share divides population.csv's aged_75_plus by its population.
  const spec = site.derived.specs.find((s) => s.id === 'aged_75_share')!;

  it('names that table once among the files a chart offers', () => {
    expect(spec.numerator.table).toBe('population');
    expect(spec.denominator?.table).toBe('population');
    expect(metricTables(spec)).toEqual(['population']);
  });
});
