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
      expectImage(r, label, 1);
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
      expectImage(r, label, 1);
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
    expectImage(r, label, 1);
    const svg = r.roots[0]!;
    expect(all(svg, 'rect')).toHaveLength(5);
    expect(all(svg, 'line')).toHaveLength(0);
    for (const v of ['12.4', '8.1', '5.0', '0.0', '15.8']) expect(texts(svg)).toContain(v);
  });
});
