/** The measures an area's page lists: its own figures, whether or not its group has a whole at that date. */
import { describe, expect, it } from 'vitest';
import { areaMetrics } from '../../../src/lib/present/groups.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

describe('areaMetrics', () => {
  const site = loadSiteData(frozenData);
  it("keeps 横須賀市's own figure, 43 support clinics on 2018-03-01, where the municipalities have no whole at that date", () => {
    // 横浜市's support clinics are of 2015-10-31 only: no sum over both municipalities exists for 2018.
    const figures = areaMetrics(site, '14201').filter((m) => m.value.value !== null).map((m) => [m.spec.id, m.value.value, m.value.numerator_vintage, m.value.city_value]);
    expect(figures).toEqual([['support_clinics_count', 43, '2018-03-01', null]]);
  });
  it('lists every measure of a ward, each with its city value', () => {
    const measures = areaMetrics(site, '14101');
    expect(measures).toHaveLength(17);
    expect(measures.every((m) => m.value.city_value !== null)).toBe(true);
  });
});
