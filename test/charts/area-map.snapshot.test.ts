import { describe, expect, it } from 'vitest';
import { areaMap } from '../../src/charts/area-map.ts';
import { colors, noDataFill, quintileFill } from '../../src/charts/palette.ts';
import { mapAreas } from './fixtures/area-map.ts';
import { langs, wards, type Lang } from './fixtures/wards.ts';
import { all, snapshotChart, texts } from './snapshot.ts';

const noData = { ja: 'データなし', en: 'No data' } as const;
const areasOf = (lang: Lang) =>
  mapAreas.map((a) => ({
    code: a.code,
    geometry: a.geometry,
    name: wards[a.ward][lang].replace(/区$/, ''),
    valueText: a.value === null ? noData[lang] : a.value.toFixed(1),
    quintile: a.quintile,
    href: `/${lang}/wards/${a.code}/`,
    current: a.code === '90102',
  }));

describe('areaMap snapshots', () => {
  for (const lang of langs) {
    it(`area-map-${lang}: every area a link filled by its quintile, the current one outlined, names only where they fit`, () => {
      const areas = areasOf(lang);
      const label = `${lang} boundary map, four areas`;
      const r = snapshotChart(`area-map-${lang}`, areaMap(areas), label);
      // Its areas are links, so the map is a labelled group of named links, not an image (an
      // image holds nothing a keyboard or a screen reader can follow).
      expect(r.roots.map((s) => [s.getAttribute('role'), s.getAttribute('aria-label')])).toEqual([['group', label], ['group', label]]);
      expect(r.roots.map((s) => Number(s.getAttribute('width')))).toEqual([640, 340]);
      let variants = 0;
      for (const svg of r.roots) {
        const links = all(svg, 'a');
        expect(links.map((a) => a.getAttribute('href'))).toEqual(['/' + lang + '/wards/90101/', `/${lang}/wards/90102/`, `/${lang}/wards/90103/`, `/${lang}/wards/90104/`]);
        // Each link is named by its area and value; the drawing around the links is hidden.
        expect(links.map((a) => a.getAttribute('aria-label'))).toEqual(areas.map((a) => `${a.name} ${a.valueText}`));
        expect([...svg.children].filter((c) => c.tagName.toLowerCase() !== 'a' && c.getAttribute('aria-hidden') !== 'true' && !c.querySelector('a'))).toEqual([]);
        // Each link holds its area's shape, in the colour of its quintile (no data: grey).
        expect(links.map((a) => a.querySelector('path')?.getAttribute('fill'))).toEqual([quintileFill[0], quintileFill[2], noDataFill, quintileFill[4]]);
        // The current area is outlined once, in the highlight colour, outside the links.
        const outlines = all(svg, 'path').filter((p) => p.parentElement?.getAttribute('stroke') === colors.highlight);
        expect(outlines).toHaveLength(1);
        expect(outlines[0]!.closest('a')).toBeNull();
        // The three squares are labelled (name and value); the strip, too narrow, is not.
        expect(texts(svg)).toEqual([`${areas[0]!.name}\n1.8`, `${areas[1]!.name}\n0.9`, `${areas[2]!.name}\n${noData[lang]}`]);
        variants++;
      }
      expect(variants).toBe(2);
    });
  }
});
