import { describe, expect, it } from 'vitest';
import { scatter } from '../../src/charts/scatter.ts';
import { scatterPoints, scatterReference, scatterText } from './fixtures/scatter.ts';
import { langs, wards } from './fixtures/wards.ts';
import { all, expectImage, snapshotChart, texts } from './snapshot.ts';

describe('scatter snapshots', () => {
  for (const lang of langs) {
    it(`scatter-${lang}: eight wards, wide and narrow, names only where they fit`, () => {
      const points = scatterPoints.map((p) => ({ name: wards[p.ward][lang], x: p.x, y: p.y }));
      const text = scatterText[lang];
      const label = `${lang} need against supply`;
      const r = snapshotChart(`scatter-${lang}`, scatter(points, { ...text, reference: scatterReference }), label);
      expectImage(r, label, 2);
      expect(r.roots.map((s) => s.getAttribute('class'))).toEqual(['chart chart-wide', 'chart chart-narrow']);
      expect(r.roots.map((s) => Number(s.getAttribute('width')))).toEqual([800, 340]);
      const names: string[] = points.map((p) => p.name);
      let variants = 0;
      for (const svg of r.roots) {
        // A dot for every ward, whether or not its name found room.
        expect(all(svg, 'circle')).toHaveLength(points.length);
        const shown = texts(svg).filter((t) => names.includes(t));
        expect(new Set(shown).size).toBe(shown.length);
        expect(shown.length).toBeGreaterThan(0);
        // Both axes are titled.
        const titles = texts(svg);
        expect(titles.some((t) => t.includes(text.xLabel))).toBe(true);
        expect(titles.some((t) => t.includes(text.yLabel))).toBe(true);
        variants++;
      }
      expect(variants).toBe(2);
      // The ward far from the others has room for its name at any width.
      for (const svg of r.roots) expect(texts(svg)).toContain(wards.wakabadai[lang]);
    });
  }
});
