/**
 * Consistency of the transcription: every total the documents print is recomputed from the rows
 * and compared with the figure as the issue and the documents state it (written out here, not
 * read from data/), and the disagreements are exactly the ones found by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { select, wardsOf, type Tables } from '../../../src/lib/dataset.ts';
import { monthsOpen } from '../../../src/lib/quality/checks.ts';
import { decimalsOf, toleranceFor } from '../../../src/lib/quality/finding.ts';
import { runChecks, type QualityReport } from '../../../src/lib/quality/run-checks.ts';
import { runGate } from '../../../src/lib/pipeline.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

let tables: Tables;
let report: QualityReport;
beforeAll(() => {
  const result = runGate(frozenData);
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  tables = result.tables;
  report = runChecks(tables);
});

const wardSum = (table: string, column: string, where: Record<string, string | number> = {}) => {
  const wards = new Set(wardsOf(tables, '14100'));
  return select(tables, table, where)
    .filter((r) => wards.has(String(r.row.area_code)))
    .reduce((a, r) => a + (typeof r.row[column] === 'number' ? (r.row[column] as number) : 0), 0);
};
const hub = { period_start: '2015-04-01', period_end: '2015-12-31' };

describe('printed totals recomputed from the rows', () => {
  it('Yokohama has 18 wards', () => expect(wardsOf(tables, '14100')).toHaveLength(18));
  it('home-care support clinics: 346', () => expect(wardSum('home_care_facilities', 'support_clinics')).toBe(346));
  it('home-care support hospitals: 29', () => expect(wardSum('home_care_facilities', 'support_hospitals')).toBe(29));
  it('visiting-nurse stations: 260', () => expect(wardSum('home_care_facilities', 'visiting_nurse_stations')).toBe(260));
  it('all hospitals: 134 (the denominator of 84/134)', () => expect(wardSum('medical_institutions', 'hospitals')).toBe(134));
  it('new clients 1,533, continuing 180, support actions 5,105, months 119', () => {
    expect(wardSum('hub_throughput', 'new_clients', hub)).toBe(1533);
    expect(wardSum('hub_throughput', 'continuing_clients', hub)).toBe(180);
    expect(wardSum('hub_throughput', 'support_actions', hub)).toBe(5105);
    expect(wardSum('hub_throughput', 'months_active', hub)).toBe(119);
  });
  it('consultation sources sum to 1,713 = 1,533 + 180', () => {
    const total = select(tables, 'consultation_sources').reduce((a, r) => a + (r.row.clients as number), 0);
    expect(total).toBe(1533 + 180);
  });
  it('support contents sum to 8,271', () => {
    const parts = select(tables, 'support_contents').filter((r) => r.row.content_id !== 'total');
    expect(parts).toHaveLength(8);
    expect(parts.reduce((a, r) => a + (r.row.cases as number), 0)).toBe(8271);
  });
  it('budget lines sum to 396,288 (FY2021) and 411,656 (FY2020) thousand yen', () => {
    const total = (fy: number) =>
      select(tables, 'budget_lines', { fiscal_year: fy })
        .filter((r) => r.row.line_id !== 'total')
        .reduce((a, r) => a + (r.row.budget_thousand_yen as number), 0);
    expect(total(2021)).toBe(396288);
    expect(total(2020)).toBe(411656);
    expect(total(2021) - total(2020)).toBe(-15368);
  });
  it('funding sources sum to the same totals', () => {
    const total = (fy: number) =>
      select(tables, 'budget_funding', { fiscal_year: fy })
        .filter((r) => r.row.funding_source !== 'total')
        .reduce((a, r) => a + (r.row.amount_thousand_yen as number), 0);
    expect(total(2021)).toBe(152571 + 76285 + 91146 + 76286);
    expect(total(2021)).toBe(396288);
    expect(total(2020)).toBe(411656);
  });
  it('the 18 hubs: 1 in FY2013, 10 in FY2014, 6 in FY2015, 1 in FY2016', () => {
    const opened = select(tables, 'hubs').map((r) => String(r.row.opened_on));
    const inFy = (fy: number) => opened.filter((d) => d >= `${fy}-04-01` && d <= `${fy + 1}-03-31`).length;
    expect([inFy(2013), inFy(2014), inFy(2015), inFy(2016)]).toEqual([1, 10, 6, 1]);
  });
});

describe('the data-quality report', () => {
  it('compares every printed derived figure and lists each disagreement', () => {
    // 3 + 3 facility totals and rates, 18 shares aged 75+, 4 throughput totals, 34 per-month
    // figures (17 rows × 2), 2 per-ward figures, 18 months, 13 weekdays, 1 + 15 category checks,
    // 8 + 15 + 6 budget checks, 2 hospital counts, 6 opening counts, 2 + 2 survey checks.
    expect(report.compared).toBe(3 + 3 + 18 + 4 + 34 + 2 + 18 + 13 + 1 + 15 + 8 + 15 + 6 + 2 + 6 + 4);
    const found = report.disagreements.map((f) => [f.subject.en, f.printed, Math.round(f.recomputed * 10) / 10]);
    // Each worked out by hand from the printed figures:
    expect(found).toEqual([
      ['visiting-nurse stations per 100,000 population', 6.5, 7.0], // 260 / 3,711,450 × 100,000 = 7.005
      ['Share aged 75+, Minami Ward', 8.2, 11.9], // 23,086 / 194,363 = 11.88%
      ['Share of Family or the patient (consultation_sources)', 23, 23.5], // 403 / 1,713 = 23.53%
      ['Share of Other (support_contents)', 14, 14.5], // 1,201 / 8,271 = 14.52%
      ["The 84 in '84 of 134 hospitals' (hospitals in agreements)", 84, 83], // 86 named, 3 outside the city
      ["Base of the share answering 'Can cooperate' (respondents)", 158, 169], // survey 2 had 169 responses
    ]);
  });
  it('agrees where the hand arithmetic agrees', () => {
    const bySubject = new Map(report.checks.flatMap((c) => c.findings).map((f) => [f.subject.en, f]));
    // 346 / 3,711,450 × 100,000 = 9.32 → printed 9.3; 29 → 0.78 → printed 0.8.
    expect(bySubject.get('home-care support clinics per 100,000 population')!.recomputed).toBeCloseTo(9.3225, 3);
    expect(bySubject.get('home-care support clinics per 100,000 population')!.agrees).toBe(true);
    expect(bySubject.get('home-care support hospitals per 100,000 population')!.agrees).toBe(true);
    // 1,533 / 119 = 12.88 → printed 12.9 in the text.
    expect(bySubject.get('new clients per month per ward')!.recomputed).toBeCloseTo(12.882, 3);
    // Kanagawa: 94 actions / 4 months = 23.5, printed 24 (half rounds up).
    expect(bySubject.get('support actions per month, Kanagawa Ward')!.agrees).toBe(true);
  });
});

describe('helpers', () => {
  it('counts the months a hub was open inside a period, the month of opening included', () => {
    expect(monthsOpen('2015-09-01', '2015-04-01', '2015-12-31')).toBe(4);
    expect(monthsOpen('2015-11-16', '2015-04-01', '2015-12-31')).toBe(2);
    expect(monthsOpen('2013-11-01', '2015-04-01', '2015-12-31')).toBe(9);
    expect(monthsOpen('2016-01-29', '2015-04-01', '2015-12-31')).toBe(0);
  });
  it('takes the tolerance from the printed precision', () => {
    expect(decimalsOf(12.9)).toBe(1);
    expect(decimalsOf(346)).toBe(0);
    expect(toleranceFor(9.3, true)).toBeCloseTo(0.05, 6);
    expect(toleranceFor(13, true)).toBeCloseTo(0.5, 6);
    expect(toleranceFor(346, false)).toBeLessThan(1e-6);
  });
});
