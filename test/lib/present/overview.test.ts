/**
 * The top page's key figures carry their units in every language. Expected figures are those the
 * 2016 hub report and the FY2021 budget sheet print for Yokohama (346 support clinics and 260
 * visiting-nurse stations at 31 Oct 2015, 392,013 people aged 75+, 18 hubs, 2,336 new clients in
 * FY2015, ¥396,288 thousand), read from the frozen 1.0.0 data.
 */
import { describe, expect, it } from 'vitest';
import { overview } from '../../../src/lib/present/overview.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const site = loadSiteData(frozenData);

describe('the key figures of the top page', () => {
  it('print every count with its unit in English', () => {
    const cards = overview(site, 'en').cards;
    expect(cards.map((c) => c.value)).toEqual(['346 facilities', '260 stations', '392,013 people', '18 hubs', '2,336 people', '¥396,288 thousand']);
    // The rates beside them: what is counted per what, then the value.
    expect(cards.slice(0, 3).map((c) => c.sub)).toEqual([
      'Home-care support clinics per 10,000 population: 0.93',
      'Visiting-nurse stations per 10,000 population: 0.70',
      'Share of the population aged 75+: 10.6%',
    ]);
  });

  it('keep their counters in Japanese and in plain Japanese', () => {
    for (const lang of ['ja', 'ja-Hira']) {
      const cards = overview(site, lang).cards;
      expect(cards.map((c) => c.value), lang).toEqual(['346か所', '260か所', '392,013人', '18か所', '2,336人', '396,288千円']);
      expect(cards[0]!.sub, lang).toMatch(/：0\.93か所$/);
    }
  });
});
