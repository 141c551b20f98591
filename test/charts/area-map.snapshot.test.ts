import { describe, expect, it } from 'vitest';
import { areaMap } from '../../src/charts/area-map.ts';
import { colors, noDataFill, quintileFill } from '../../src/charts/palette.ts';
import { mapAreas } from './fixtures/area-map.ts';
import { langs, wards, type Lang } from './fixtures/wards.ts';
import { all, expectImage, snapshotChart, texts } from './snapshot.ts';

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
      expectImage(r, label, 2);
      expect(r.roots.map((s) => Number(s.getAttribute('width')))).toEqual([640, 340]);
      let variants = 0;
      for (const svg of r.roots) {
        const links = all(svg, 'a');
        expect(links.map((a) => a.getAttribute('href'))).toEqual(['/' + lang + '/wards/90101/', `/${lang}/wards/90102/`, `/${lang}/wards/90103/`, `/${lang}/wards/90104/`]);
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
