import { describe, expect, it } from 'vitest';
import { tileMap } from '../../src/charts/tile-map.ts';
import { smallGrid, tileText, wideGrid } from './fixtures/tile-map.ts';
import { langs, wards, type Lang } from './fixtures/wards.ts';
import { all, expectImage, snapshotChart, texts, type SvgRoot } from './snapshot.ts';

const tilesOf = (grid: typeof smallGrid, lang: Lang) =>
  grid.map((t) => ({ row: t.row, col: t.col, name: wards[t.ward][lang], valueText: t.value === null ? tileText[lang].noData : t.value.toFixed(1), quintile: t.quintile }));

/** Tile names read back whole: lines joined, a romanised name's break hyphen dropped. */
const names = (svg: SvgRoot, given: readonly string[]) => texts(svg).map((t) => t.replace(/-\n/g, '').replace(/\n/g, '')).filter((t) => given.includes(t));

describe('tileMap snapshots', () => {
  for (const lang of langs) {
    it(`tile-map-${lang}-small: four columns across the desktop's width, and 72 px tiles on a phone`, () => {
      const tiles = tilesOf(smallGrid, lang);
      const label = `${lang} tile map, four columns`;
      const r = snapshotChart(`tile-map-${lang}-small`, tileMap(tiles), label);
      expectImage(r, label, 2);
      expect(r.roots.map((s) => Number(s.getAttribute('width')))).toEqual([4 * 200, 4 * 72]);
      for (const svg of r.roots) {
        expect(all(svg, 'rect')).toHaveLength(tiles.length);
        expect(names(svg, tiles.map((t) => t.name))).toEqual(tiles.map((t) => t.name));
        expect(texts(svg)).toContain(tileText[lang].noData);
      }
    });

    it(`tile-map-${lang}-wide: six columns, with a narrow variant for phones`, () => {
      const tiles = tilesOf(wideGrid, lang);
      const label = `${lang} tile map, six columns`;
      const r = snapshotChart(`tile-map-${lang}-wide`, tileMap(tiles), label);
      expectImage(r, label, 2);
      expect(r.roots.map((s) => Number(s.getAttribute('width')))).toEqual([6 * Math.floor(800 / 6), 6 * Math.floor(340 / 6)]);
      let variants = 0;
      for (const svg of r.roots) {
        expect(all(svg, 'rect')).toHaveLength(tiles.length);
        // Every name whole on its tile, never cut, and every value printed.
        expect(names(svg, tiles.map((t) => t.name))).toEqual(tiles.map((t) => t.name));
        for (const t of tiles) expect(texts(svg)).toContain(t.valueText);
        variants++;
      }
      expect(variants).toBe(2);
    });
  }
});
