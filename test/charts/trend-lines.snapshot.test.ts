import { describe, expect, it } from 'vitest';
import { trendLines } from '../../src/charts/trend-lines.ts';
import { fiveYears, tenYears } from './fixtures/trend-lines.ts';
import { all, expectImage, snapshotChart, texts } from './snapshot.ts';

const format = (v: number) => v.toFixed(1);
const options = { highlight: 'shiomi', reference: '__group', format };

describe('trendLines snapshots', () => {
  it('trend-lines-five-years: every year and every value of the area printed', () => {
    const label = '潮見区の推移（5年）';
    const r = snapshotChart('trend-lines-five-years', trendLines(fiveYears, options), label);
    expectImage(r, label, 2);
    const svg = r.roots[0]!;
    const mine = fiveYears.filter((p) => p.series === 'shiomi');
    expect(all(svg, 'circle')).toHaveLength(mine.length);
    const shown = texts(svg);
    expect(shown.filter((t) => /^20\d\d$/.test(t))).toEqual(['2020', '2021', '2022', '2023', '2024']);
    // Value labels are white-haloed text; tick labels are not.
    expect(all(svg, '[stroke="white"] text').map((t) => t.textContent)).toEqual(['2.1', '2.4', '2.2', '2.9', '3.3']);
  });

  it('trend-lines-ten-years: the first, lowest, highest and latest values only', () => {
    const label = 'Shiomi over ten years';
    const r = snapshotChart('trend-lines-ten-years', trendLines(tenYears, options), label);
    expectImage(r, label, 2);
    const svg = r.roots[0]!;
    expect(all(svg, 'circle')).toHaveLength(10);
    const shown = texts(svg);
    const years = shown.filter((t) => /^20\d\d$/.test(t));
    expect(years.length).toBeLessThanOrEqual(6);
    expect(years.at(-1)).toBe('2024');
    // Value labels are white-haloed text; tick labels are not.
    const haloed = all(svg, '[stroke="white"] text').map((t) => t.textContent);
    expect(haloed).toEqual(['3.0', '2.6', '4.2', '4.0']);
  });
});
