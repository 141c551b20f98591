/**
 * Consistency of the transcription, under the rules data/consistency.json declares: every total the
 * documents print is recomputed from the rows and compared with the figure as the issue and the
 * documents state it (written out here, not read from data/), and the disagreements are exactly the
 * ones found by hand. The frozen 1.0.0 data gives the 152 findings of the checks that were code
 * before the rules were declared; the frozen second city runs its own rules.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { select, wardsOf, type Tables } from '../../../src/lib/dataset.ts';
import { decimalsOf, toleranceFor } from '../../../src/lib/quality/finding.ts';
import type { QualityReport } from '../../../src/lib/quality/run-checks.ts';
import { runGate } from '../../../src/lib/pipeline.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

let tables: Tables;
let report: QualityReport;
beforeAll(() => {
  const result = runGate(frozenData);
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  tables = result.tables;
  report = result.quality!;
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
  it('the 18 hubs: 1 in FY2013, 10 in FY2014, 6 in FY2015, 1 in FY2016', () => {
    const opened = select(tables, 'hubs').map((r) => String(r.row.opened_on));
    const inFy = (fy: number) => opened.filter((d) => d >= `${fy}-04-01` && d <= `${fy + 1}-03-31`).length;
    expect([inFy(2013), inFy(2014), inFy(2015), inFy(2016)]).toEqual([1, 10, 6, 1]);
  });
});

describe('the data-quality report under the declared rules', () => {
  it('compares every printed derived figure, check by check', () => {
    // 3 + 3 facility totals and rates, 18 shares aged 75+, 4 throughput totals, 34 per-month
    // figures (17 rows × 2), 2 per-ward figures, 18 months, 13 weekdays, 1 + 15 category checks,
    // 8 + 15 + 6 budget checks, 2 hospital counts, 6 opening counts, 2 + 2 survey checks.
    expect(report.checks.map((c) => [c.id, c.findings.length])).toEqual([
      ['facility-city-totals', 3], ['facility-city-rates', 3], ['aged-75-share', 18], ['hub-throughput-totals', 4],
      ['hub-per-month', 34], ['hub-per-month-per-ward', 2], ['hub-months-active', 18], ['hub-opening-weekdays', 13],
      ['consultation-sources-total', 1], ['category-shares', 15], ['budget-totals', 8], ['budget-changes', 15],
      ['funding-statutory-split', 6], ['hospital-counts', 2], ['hub-openings-by-year', 6], ['yokosuka-surveys', 4],
    ]);
    expect(report.compared).toBe(152);
  });
  it('lists each disagreement worked out by hand', () => {
    const found = report.disagreements.map((f) => [f.checkId, f.area, f.printed, Math.round(f.recomputed * 10) / 10]);
    expect(found).toEqual([
      ['facility-city-rates', '14100', 6.5, 7.0], // 260 / 3,711,450 × 100,000 = 7.005
      ['aged-75-share', '14105', 8.2, 11.9], // 南区: 23,086 / 194,363 = 11.88%
      ['category-shares', '14100', 23, 23.5], // family or the patient: 403 / 1,713 = 23.53%
      ['category-shares', '14100', 14, 14.5], // other support: 1,201 / 8,271 = 14.52%
      ['hospital-counts', '14100', 84, 83], // 86 named, 3 outside the city
      ['yokosuka-surveys', null, 158, 169], // survey 2 had 169 responses
    ]);
    expect(report.disagreements.every((f) => f.explanation !== undefined)).toBe(true);
  });
  it('agrees where the hand arithmetic agrees', () => {
    const at = (table: string, line: number, column: string) => report.checks.flatMap((c) => c.findings).find((f) => f.printedAt.some((p) => p.table === table && p.line === line && p.column === column))!;
    const lineOf = (id: string) => select(tables, 'document_figures', { figure_id: id })[0]!.line;
    // 346 / 3,711,450 × 100,000 = 9.32 → printed 9.3; 29 → 0.78 → printed 0.8.
    expect(at('document_figures', lineOf('yokohama-support-clinics-per-100k-2015-10'), 'value').recomputed).toBeCloseTo(9.3225, 3);
    expect(at('document_figures', lineOf('yokohama-support-clinics-per-100k-2015-10'), 'value').agrees).toBe(true);
    expect(at('document_figures', lineOf('yokohama-support-hospitals-per-100k-2015-10'), 'value').agrees).toBe(true);
    // 1,533 / 119 = 12.88 → printed 12.9 in the text.
    expect(at('document_figures', lineOf('yokohama-hub-new-clients-per-month-ward-2015'), 'value').recomputed).toBeCloseTo(12.882, 3);
    // Kanagawa: 94 actions / 4 months = 23.5, printed 24 (half rounds up).
    const kanagawa = select(tables, 'hub_throughput', { area_code: '14102', ...hub })[0]!.line;
    expect(at('hub_throughput', kanagawa, 'support_actions_per_month_printed').recomputed).toBe(23.5);
    expect(at('hub_throughput', kanagawa, 'support_actions_per_month_printed').agrees).toBe(true);
  });
  it('lists the printed figures it could not recompute, with why', () => {
    const skipped = report.checks.flatMap((c) => c.rules.flatMap((r) => r.skipped.map((s) => [c.id, s.at.table, s.reason])));
    // The FY2015 new clients (2,336) have no ward rows for that year; the budget totals of FY2017–2019
    // have no budget lines; 「協力できない」 prints a share (73%) without its count.
    expect(skipped).toEqual([
      ['hub-throughput-totals', 'hub_throughput', 'no-rows'],
      ...Array<string[]>(6).fill(['budget-totals', 'budget_history', 'no-rows']),
      ['yokosuka-surveys', 'survey_results', 'blank'],
    ]);
  });
});

describe('the second city', () => {
  it('runs its own rules: every printed share aged 75+, the town’s too', () => {
    const result = runGate(join(import.meta.dirname, '../../fixtures/city-shiomi'));
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // 15,000 / 120,000 = 12.5 %; 13,500 / 90,000 = 15; 9,000 / 60,000 = 15; 5,100 / 30,000 = 17; 12,000 / 80,000 = 15.
    expect(result.quality!.checks.flatMap((c) => c.findings.map((f) => [f.area, f.printed, f.recomputed, f.agrees]))).toEqual([
      ['47101', 12.5, 12.5, true], ['47102', 15, 15, true], ['47103', 15, 15, true], ['47104', 17, 17, true], ['47201', 15, 15, true],
    ]);
  });
});

describe('helpers', () => {
  it('takes the tolerance from the printed precision', () => {
    expect(decimalsOf(12.9)).toBe(1);
    expect(decimalsOf(346)).toBe(0);
    expect(toleranceFor(9.3, true)).toBeCloseTo(0.05, 6);
    expect(toleranceFor(13, true)).toBeCloseTo(0.5, 6);
    expect(toleranceFor(13, true, 1)).toBeCloseTo(0.05, 6);
    expect(toleranceFor(346, false)).toBeLessThan(1e-6);
  });
});
