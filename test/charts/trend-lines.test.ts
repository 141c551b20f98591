import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/render.ts';
import { trendLines, type TrendPoint } from '../../src/charts/trend-lines.ts';

/** An area, its group and one other area over `years` years from 2015, the area's values 1.00, 1.10, … */
function series(years: number): TrendPoint[] {
  const at = (i: number) => new Date(Date.UTC(2015 + i, 9, 31));
  return Array.from({ length: years }, (_, i) => [
    { series: 'a', date: at(i), value: 1 + i / 10 },
    { series: 'g', date: at(i), value: 1 },
    { series: 'b', date: at(i), value: 0.5 },
  ]).flat();
}

/** The chart's two drawings, for a desktop and for a phone: each must read alike. */
const drawings = (years: number) => {
  const svgs = renderChart(trendLines(series(years), { highlight: 'a', reference: 'g', format: (v) => v.toFixed(2) }), { label: 'trend' }).split(/(?<=<\/svg>)(?=<svg)/);
  expect(svgs).toHaveLength(2);
  return svgs;
};
/** Text of the x axis's tick labels, and of the value labels (numbers with two decimals). */
const years = (svg: string) => [...svg.matchAll(/>(20\d\d)</g)].map((m) => m[1]);
const values = (svg: string) => [...svg.matchAll(/>(\d\.\d\d)</g)].map((m) => m[1]);

describe('trendLines', () => {
  it('labels every year and every value of a short series', () => {
    for (const svg of drawings(3)) {
      expect(years(svg)).toEqual(['2015', '2016', '2017']);
      expect(values(svg)).toEqual(['1.00', '1.10', '1.20']);
    }
  });

  it('keeps ten years on a phone-width axis legible: at most six year labels, the latest among them', () => {
    for (const svg of drawings(10)) {
      const shown = years(svg);
      expect(shown.length).toBeLessThanOrEqual(6);
      expect(shown.at(-1)).toBe('2024');
      // Evenly spaced, counted back from the latest.
      expect(shown).toEqual(['2016', '2018', '2020', '2022', '2024']);
    }
  });

  it('prints the first, latest, highest and lowest values of a long series, not all ten', () => {
    // Rising steadily: the first is the lowest and the latest the highest.
    for (const svg of drawings(10)) expect(values(svg)).toEqual(['1.00', '1.90']);
  });
});
