import { describe, expect, it } from 'vitest';
import { budgetTimeline } from '../../src/charts/budget-timeline.ts';
import { budgetYears } from './fixtures/budget-timeline.ts';
import { langs } from './fixtures/wards.ts';
import { all, expectImage, snapshotChart, texts } from './snapshot.ts';

const millions = (v: number) => String(Math.round(v / 1000));

describe('budgetTimeline snapshots', () => {
  for (const lang of langs) {
    it(`budget-timeline-${lang}: five years, three settled, one projected`, () => {
      const rows = budgetYears(lang);
      const label = `${lang} budget over five years`;
      const r = snapshotChart(`budget-timeline-${lang}`, budgetTimeline(rows, millions), label);
      expectImage(r, label, 2);
      const svg = r.roots[0]!;
      // Four budgets, one projection, three settlements: one bar each.
      expect(rows).toHaveLength(8);
      expect(all(svg, 'rect')).toHaveLength(8);
      const shown = texts(svg);
      // Every year on the axis, in time order; every planned figure printed above its bar.
      const years = lang === 'ja' ? ['2021年度', '2022年度', '2023年度', '2024年度', '2025年度'] : ['FY2021', 'FY2022', 'FY2023', 'FY2024', 'FY2025'];
      expect(shown.filter((t) => years.includes(t))).toEqual(years);
      expect(shown.filter((t) => /^\d+$/.test(t))).toEqual(['48', '51', '53', '55', '58']);
      // The projection is the only bar drawn outlined and dashed.
      const dashed = all(svg, '[stroke-dasharray] rect');
      expect(dashed).toHaveLength(1);
      expect(dashed[0]!.closest('[stroke-dasharray]')!.getAttribute('fill')).toBe('white');
    });
  }
});
