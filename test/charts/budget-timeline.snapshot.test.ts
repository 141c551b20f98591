import { describe, expect, it } from 'vitest';
import { budgetTimeline } from '../../src/charts/budget-timeline.ts';
import { budgetYears } from './fixtures/budget-timeline.ts';
import { langs } from './fixtures/wards.ts';
import { all, expectImage, snapshotChart, texts } from './snapshot.ts';

/** Thousand yen, one unit throughout: the figures as the documents print them. */
const thousands = (v: number) => v.toLocaleString('en-US');
const words = {
  ja: { budget: '予算', settlement: '決算', noSettlement: '決算なし', projection: '（見込み）' },
  en: { budget: 'Budget', settlement: 'Settlement', noSettlement: 'not settled', projection: ' (projected)' },
} as const;

describe('budgetTimeline snapshots', () => {
  for (const lang of langs) {
    it(`budget-timeline-${lang}: five years, three settled, one projected`, () => {
      const rows = budgetYears(lang);
      const label = `${lang} budget over five years`;
      const r = snapshotChart(`budget-timeline-${lang}`, budgetTimeline(rows, thousands, words[lang]), label);
      expectImage(r, label, 2);
      // Four budgets, one projection, three settlements.
      expect(rows).toHaveLength(8);
      for (const svg of r.roots) {
        // One bar each; the projection the only one drawn outlined and dashed.
        expect(all(svg, 'rect')).toHaveLength(8);
        const dashed = all(svg, '[stroke-dasharray] rect');
        expect(dashed).toHaveLength(1);
        expect(dashed[0]!.closest('[stroke-dasharray]')!.getAttribute('fill')).toBe('white');
        const shown = texts(svg);
        // Every year, in time order.
        const years = lang === 'ja' ? ['2021年度', '2022年度', '2023年度', '2024年度', '2025年度'] : ['FY2021', 'FY2022', 'FY2023', 'FY2024', 'FY2025'];
        expect(shown.filter((t) => years.includes(t))).toEqual(years);
        // A label on every bar, settlements too; the projection's marked as such.
        const figures = ['48,200', '45,900', '51,000', '50,100', '53,400', '49,800', '55,000', `57,500${words[lang].projection}`];
        expect(shown.filter((t) => figures.includes(t)).sort()).toEqual([...figures].sort());
        // The two years without a settlement say so in their settlement row.
        expect(shown.filter((t) => t === words[lang].noSettlement)).toHaveLength(2);
        // A value axis in the same unit: 0 and at least one more tick.
        expect(shown).toContain('0');
        expect(shown.filter((t) => /^\d{1,3}(,\d{3})+$/.test(t) && !figures.includes(t)).length).toBeGreaterThanOrEqual(1);
      }
    });
  }
});
