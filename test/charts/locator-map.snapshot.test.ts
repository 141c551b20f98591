import { describe, expect, it } from 'vitest';
import { locatorMap } from '../../src/charts/locator-map.ts';
import { mapAreas } from './fixtures/area-map.ts';
import { langs, wards, type Lang } from './fixtures/wards.ts';
import { all, snapshotChart, texts } from './snapshot.ts';

const areasOf = (lang: Lang) =>
  mapAreas.map((a) => ({
    code: a.code,
    geometry: a.geometry,
    name: wards[a.ward][lang],
    label: wards[a.ward][lang].replace(/区$/, ''),
    href: `/${lang}/wards/${a.code}/`,
  }));

describe('locatorMap snapshots', () => {
  for (const lang of langs) {
    it(`locator-map-${lang}: every area a link in one light fill, named by its full name, labelled with its short name where it fits`, () => {
      const areas = areasOf(lang);
      const label = `${lang} locator map, four areas`;
      const r = snapshotChart(`locator-map-${lang}`, locatorMap(areas), label);
      expect(r.roots.map((s) => [s.getAttribute('role'), s.getAttribute('aria-label')])).toEqual([['group', label], ['group', label]]);
      expect(r.roots.map((s) => Number(s.getAttribute('width')))).toEqual([600, 340]);
      let variants = 0;
      for (const svg of r.roots) {
        const links = all(svg, 'a');
        expect(links.map((a) => a.getAttribute('href'))).toEqual(areas.map((a) => a.href));
        // A link is named by the area's full name: no figure, no class.
        expect(links.map((a) => a.getAttribute('aria-label'))).toEqual(areas.map((a) => a.name));
        expect(new Set(links.map((a) => a.parentElement?.getAttribute('fill')))).toEqual(new Set(['#e8f1fe']));
        // Names alone, on one line, inside the three squares; the strip is too narrow for one.
        expect(texts(svg)).toEqual(areas.slice(0, 3).map((a) => a.label));
        variants++;
      }
      expect(variants).toBe(2);
    });
  }
});
