/**
 * Find my area: on a site of up to 50 areas the top page links every area page (a list grouped by
 * city, and a map whose areas are links), and on a larger one lists of its areas, so that any
 * area is at most two taps away.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { generateDataDir } from '../../../bench/lib/synthetic-data.ts';
import { areaFinder, MAX_LISTED } from '../../../src/lib/present/area-finder.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

describe('finding an area from the top page', () => {
  it('links each of Yokohama’s 18 wards under its city, and Yokosuka among the municipalities', () => {
    const finder = areaFinder(loadSiteData(frozenData), 'ja');
    expect(finder.total).toBe(20);
    expect(finder.groups.map((g) => [g.city?.name ?? null, g.members.length, g.list])).toEqual([['横浜市', 18, null], [null, 1, null]]);
    expect(finder.groups[0]!.members[0]).toEqual({ name: '鶴見区', path: 'wards/14101/' });
    expect(finder.groups[1]!.members).toEqual([{ name: '横須賀市', path: 'wards/14201/' }]);
  });

  it('draws every ward and municipality on the map as a link to its page, the city not over its wards', () => {
    // The frozen data folder with the project's boundary file (released after 1.0.0).
    const dir = mkdtempSync(join(tmpdir(), 'finder-map-'));
    cpSync(frozenData, dir, { recursive: true });
    cpSync('data/boundaries.json', join(dir, 'boundaries.json'));
    cpSync('data/boundaries', join(dir, 'boundaries'), { recursive: true });
    const finder = areaFinder(loadSiteData(dir), 'en');
    rmSync(dir, { recursive: true, force: true });
    const { document } = parseHTML(`<div>${finder.map!.svg}</div>`);
    // The wide and the phone drawing, each with the 19 areas.
    const wide = [...document.querySelectorAll('svg.chart-wide a')].map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')]);
    expect(wide).toHaveLength(19);
    expect(wide).toContainEqual(['/en/wards/14101/', 'Tsurumi Ward']);
    expect(wide).toContainEqual(['/en/wards/14201/', 'Yokosuka City']);
    expect(wide.some(([href]) => href === '/en/wards/14100/')).toBe(false);
    expect(document.querySelectorAll('svg.chart-narrow a')).toHaveLength(19);
  });

  it(`lists, on a site of more than ${MAX_LISTED} areas, each city’s wards and the municipalities as lists to open`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'finder-'));
    try {
      generateDataDir({ areas: 300, vintages: 1, outDir: dir, seed: 1 });
      const finder = areaFinder(loadSiteData(dir), 'ja');
      expect(finder.total).toBeGreaterThan(MAX_LISTED);
      expect(finder.map).toBeNull();
      expect(finder.groups.every((g) => g.members.length === 0 && g.list !== null)).toBe(true);
      const cities = finder.groups.filter((g) => g.city);
      expect(cities.length).toBeGreaterThan(2);
      // Every area page is counted once: each city, its wards in its list, the rest in the municipalities' list.
      expect(cities.length + finder.groups.reduce((n, g) => n + g.list!.count, 0)).toBe(finder.total);
      expect(finder.groups.at(-1)!.list!.path).toBe('wards/#municipalities');
      expect(cities[0]!.list!.path).toBe(`wards/#c-${cities[0]!.city!.path.split('/')[1]}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
