import { describe, expect, it } from 'vitest';
import { rankedBars } from '../../src/charts/ranked-bars.ts';
import { rankedRows, rankedText } from './fixtures/ranked-bars.ts';
import { langs, wards } from './fixtures/wards.ts';
import { all, expectImage, snapshotChart, texts } from './snapshot.ts';

const format = (v: number) => v.toFixed(1);

describe('rankedBars snapshots', () => {
  for (const lang of langs) {
    const rows = rankedRows.map((r) => ({ label: wards[r.ward][lang], value: r.value, highlight: r.highlight }));
    const text = rankedText[lang];

    it(`ranked-bars-${lang}: five wards with a reference line, one without data, one at zero`, () => {
      const label = `${lang} ranked bars`;
      const r = snapshotChart(`ranked-bars-${lang}`, rankedBars(rows, { reference: { value: 9.6, label: text.reference }, format, noData: text.noData }), label);
      expectImage(r, label, 2);
      const svg = r.roots[0]!;
      // One bar per ward with a value (the ward without data has none, the one at zero has an empty bar).
      expect(all(svg, 'rect')).toHaveLength(rows.filter((row) => row.value !== null).length);
      const shown = texts(svg);
      // Every ward is named, the highlighted one marked, the longest name whole.
      expect(shown).toContain(wards.newTown[lang]);
      expect(shown).toContain(`▶ ${wards.hamakaze[lang]}`);
      expect(shown).toContain(text.noData);
      expect(shown).toContain(text.reference);
      expect(shown).toContain('0.0');
      expect(shown).toContain('15.8');
    });

    it(`ranked-bars-${lang}-reference-highest: a reference above every ward keeps its label inside the chart`, () => {
      const label = `${lang} ranked bars, high reference`;
      const r = snapshotChart(`ranked-bars-${lang}-reference-highest`, rankedBars(rows, { reference: { value: 18, label: text.referenceHigh }, format, noData: text.noData }), label);
      expectImage(r, label, 2);
      const svg = r.roots[0]!;
      expect(texts(svg)).toContain(text.referenceHigh);
      // The ward names are ordered from the highest value down (the one without data last).
      const names = Object.values(wards).map((w) => w[lang] as string);
      const order = texts(svg).filter((t) => names.includes(t.replace(/^▶ /, '')));
      expect(order).toEqual([wards.newTown[lang], wards.shiomi[lang], `▶ ${wards.hamakaze[lang]}`, wards.kitayama[lang], wards.wakabadai[lang]]);
    });
  }

  it('ranked-bars-ja-plain: without a reference line, every value printed', () => {
    const rows = rankedRows.map((r) => ({ label: wards[r.ward].ja, value: r.value ?? 5 }));
    const label = '区別の値（基準線なし）';
    const r = snapshotChart('ranked-bars-ja-plain', rankedBars(rows, { format, noData: rankedText.ja.noData }), label);
    expectImage(r, label, 2);
    const svg = r.roots[0]!;
    expect(all(svg, 'rect')).toHaveLength(5);
    expect(all(svg, 'line')).toHaveLength(0);
    for (const v of ['12.4', '8.1', '5.0', '0.0', '15.8']) expect(texts(svg)).toContain(v);
  });

  it('prints a value that would straddle the reference line inside its bar, or past the line on a bar too short', () => {
    const rows = [
      { label: 'A', value: 10 },
      { label: 'B', value: 9.5 },
      { label: 'C', value: 0.3 },
    ];
    let drawings = 0;
    for (const reference of [9.6, 0.5]) {
      const r = snapshotChart(`ranked-bars-ja-near-reference-${reference}`, rankedBars(rows, { reference: { value: reference, label: '全体' }, format, noData: 'なし' }), 'near');
      for (const svg of r.roots) {
        const text = (v: string) => all(svg, 'text').find((t) => t.textContent === v)!;
        // Plot places a label by a translate() on it, its mark's dx by one on the group.
        const xOf = (v: string) => Number(/translate\(([-\d.]+)/.exec(text(v).getAttribute('transform') ?? '')?.[1]);
        const line = all(svg, 'line')[0]!;
        const x = Number(line.getAttribute('x1'));
        const group = (v: string) => text(v).parentElement!;
        // Every value is one of the chart's value labels; the reference is marked as such.
        for (const v of ['10.0', '9.5', '0.3']) expect(group(v).getAttribute('class')).toContain('chart-values');
        expect(line.parentElement!.getAttribute('class')).toContain('chart-reference');
        if (reference === 9.6) {
          // 9.5 ends just short of 9.6: printed in white inside its bar's end, left of the line.
          expect(group('9.5').getAttribute('fill')).toBe('white');
          expect(group('9.5').getAttribute('text-anchor')).toBe('end');
          expect(xOf('9.5')).toBeLessThan(x);
        } else {
          // 0.3's bar is too short to hold its value: printed just past the line.
          expect(xOf('0.3')).toBeCloseTo(x, 0);
          expect(group('0.3').getAttribute('fill')).not.toBe('white');
        }
        drawings++;
      }
    }
    expect(drawings).toBe(4);
  });
});
