import { describe, expect, it } from 'vitest';
import { categoryBars } from '../../src/charts/category-bars.ts';
import { budgetChanges, subjects } from './fixtures/category-bars.ts';
import { langs } from './fixtures/wards.ts';
import { all, expectImage, snapshotChart, texts, type SvgRoot } from './snapshot.ts';

const signed = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '±0');
const count = { ja: (v: number) => `${v}件`, en: (v: number) => `${v}` } as const;

/** The horizontal extent of each bar, in document order. */
const bars = (svg: SvgRoot) => all(svg, 'rect').map((r) => ({ left: Number(r.getAttribute('x')), right: Number(r.getAttribute('x')) + Number(r.getAttribute('width')) }));

describe('categoryBars snapshots', () => {
  for (const lang of langs) {
    it(`category-bars-${lang}-subjects: one bar per subject, every name and value printed`, () => {
      const rows = subjects[lang];
      const label = `${lang} consultations by subject`;
      const r = snapshotChart(`category-bars-${lang}-subjects`, categoryBars(rows, count[lang]), label);
      expectImage(r, label, 2);
      const svg = r.roots[0]!;
      expect(bars(svg)).toHaveLength(rows.length);
      // A name may be wrapped over lines; read back whole, every one is there, in the order given.
      const shown = texts(svg).map((t) => t.replace(/\n/g, ' '));
      const names = shown.filter((t) => rows.some((row) => row.label === t));
      expect(names).toEqual(rows.map((row) => row.label));
      let values = 0;
      for (const row of rows) {
        expect(shown).toContain(count[lang](row.value));
        values++;
      }
      expect(values).toBe(5);
    });

    it(`category-bars-${lang}-budget-change: long names shown whole, a cut drawn left of zero`, () => {
      const rows = budgetChanges[lang];
      const label = `${lang} budget change by line`;
      const r = snapshotChart(`category-bars-${lang}-budget-change`, categoryBars(rows, signed), label);
      expectImage(r, label, 2);
      const svg = r.roots[0]!;
      const extents = bars(svg);
      expect(extents).toHaveLength(4);
      // The cut (second line) ends where the increases start: at zero.
      const zero = extents[0]!.left;
      expect(extents[1]!.right).toBeCloseTo(zero, 6);
      expect(extents[1]!.left).toBeLessThan(zero);
      expect(extents[3]!.left).toBeCloseTo(zero, 6);
      // Wrapped or not, each name reads back whole (Japanese lines join without a space).
      const joined = texts(svg).map((t) => t.replace(/\n/g, lang === 'ja' ? '' : ' '));
      let names = 0;
      for (const row of rows) {
        expect(joined).toContain(row.label);
        names++;
      }
      expect(names).toBe(4);
      for (const v of ['+1250', '−380', '±0', '+95']) expect(joined).toContain(v);
      // Nothing is drawn outside the chart's width.
      const width = Number(svg.getAttribute('width'));
      for (const e of extents) expect(e.right).toBeLessThanOrEqual(width);
    });
  }
});
