import { describe, expect, it } from 'vitest';
import { pairRatios } from '../../src/charts/pair-ratios.ts';
import { textWidth } from '../../src/charts/text-width.ts';
import { pairRows, pairText } from './fixtures/pair-ratios.ts';
import { langs, wards } from './fixtures/wards.ts';
import { renderChart } from '../../src/charts/render.ts';
import { all, expectImage, parseSvgs, snapshotChart, texts, type SvgRoot } from './snapshot.ts';

const format = (v: number) => v.toFixed(2);

/** Plot places text by a translate transform. */
const translateX = (el: Element) => Number(/translate\(([-\d.]+)/.exec(el.getAttribute('transform') ?? '')?.[1] ?? NaN);

/** The printed multiples: their text, x, anchor. */
const valueLabels = (svg: SvgRoot) =>
  all(svg, 'g.chart-values').flatMap((g) => all(g, 'text').map((t) => ({ text: t.textContent ?? '', x: translateX(t), anchor: g.getAttribute('text-anchor') ?? 'start' })));

describe('pairRatios snapshots', () => {
  for (const lang of langs) {
    const rows = pairRows[lang];
    const text = pairText[lang];
    const names = [wards.shiomi[lang], wards.newTown[lang]] as const;

    it(`pair-ratios-${lang}: both wards on every measure, a value label on each side of the line, no data never drawn as zero`, () => {
      const label = `${lang} pair ratios`;
      const r = snapshotChart(`pair-ratios-${lang}`, pairRatios(rows, { names, reference: text.reference, format, noData: text.noData }), label);
      expectImage(r, label, 2);
      let checked = 0;
      for (const svg of r.roots) {
        const width = Number(svg.getAttribute('width'));
        const shown = texts(svg).map((t) => t.replace(/\n/g, lang === 'ja' ? '' : ' '));
        // Every measure named once, each ward named on each measure's row, the reference labelled.
        for (const row of rows) expect(shown.filter((t) => t === row.label)).toHaveLength(1);
        expect(shown.filter((t) => t === names[0])).toHaveLength(5);
        expect(shown.filter((t) => t === names[1])).toHaveLength(5);
        expect(shown).toContain(text.reference);
        // Ten printed values: nine multiples and one "no data" (the first ward's fourth measure), and 0.00 for the zero.
        const values = valueLabels(svg);
        expect(values.map((v) => v.text).sort()).toEqual(['0.00', '0.62', '0.88', '0.97', '1.00', '1.08', '1.23', '1.41', '2.35', text.noData].sort());
        // Nine marks: the ward without a figure has none, the zero has one.
        const dots = all(svg, 'g.pair-marks path');
        expect(dots).toHaveLength(9);
        // Told apart by colour and shape: the first ward's four blue circles, the second's five orange squares.
        expect(dots.filter((d) => d.getAttribute('fill') === '#3460fb' && d.getAttribute('d')!.includes('A'))).toHaveLength(4);
        expect(dots.filter((d) => d.getAttribute('fill') === '#c74700' && d.getAttribute('d')!.includes('h'))).toHaveLength(5);
        // The reference line, at one x: one line beside the names on the wide drawing, one piece
        // per measure under names that span the phone's width.
        const rules = all(svg, 'g.chart-reference line');
        expect(rules).toHaveLength(width >= 600 ? 1 : 5);
        const lineX = Number(rules[0]!.getAttribute('x1'));
        for (const rule of rules) expect(Number(rule.getAttribute('x1'))).toBeCloseTo(lineX, 6);
        // No printed value crosses the line, and every one stays inside the chart.
        for (const v of values) {
          const w = textWidth(v.text, 13);
          if (v.anchor === 'end') {
            expect(v.x, v.text).toBeLessThan(lineX - 3);
            expect(v.x - w, v.text).toBeGreaterThanOrEqual(0);
          } else {
            expect(v.x, v.text).toBeGreaterThan(lineX + 3);
            expect(v.x + w, v.text).toBeLessThanOrEqual(width);
          }
        }
        // Below 1 printed left of the line, from 1 up and "no data" right of it.
        expect(values.filter((v) => v.anchor === 'end').map((v) => v.text).sort()).toEqual(['0.00', '0.62', '0.88', '0.97']);
        checked++;
      }
      expect(checked).toBe(2);
    });
  }
});

describe('pairRatios without a multiple', () => {
  it('prints why a figure is not compared where one is given, "no data" otherwise, and draws no mark for either', () => {
    const rows = [
      { label: 'A', a: 1.2, b: null, missing: ['ignored', 'another date'] as const },
      { label: 'B', a: null, b: 0.8 },
    ];
    const r = parseSvgs(renderChart(pairRatios(rows, { names: ['x', 'y'], reference: 'city = 1', format, noData: 'no data' }), { label: 'l' }));
    expect(r).toHaveLength(2);
    let checked = 0;
    for (const svg of r) {
      expect(valueLabels(svg).map((v) => v.text).sort()).toEqual(['0.80', '1.20', 'another date', 'no data']);
      expect(all(svg, 'g.pair-marks path')).toHaveLength(2);
      checked++;
    }
    expect(checked).toBe(2);
  });
});
