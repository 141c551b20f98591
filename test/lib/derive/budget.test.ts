import { describe, expect, it } from 'vitest';
import { deriveBudgetChanges, deriveBudgetPerCapita, deriveSettlementRates } from '../../../src/lib/derive/budget.ts';
import { deriveCategoryShares } from '../../../src/lib/derive/category-shares.ts';
import { runGate } from '../../../src/lib/pipeline.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const { tables } = runGate(frozenData);

describe('budget changes FY2020 → FY2021', () => {
  const changes = deriveBudgetChanges(tables);
  const line = (id: string) => changes.find((c) => c.line_id === id)!;
  it('per line and in total, absolute and in percent', () => {
    expect(changes).toHaveLength(9); // 8 lines and the total
    expect(line('total')).toMatchObject({ from_thousand_yen: 411656, to_thousand_yen: 396288, change_thousand_yen: -15368 });
    expect(line('total').change_pct).toBeCloseTo((-15368 / 411656) * 100, 10); // −3.73%
    expect(line('7').change_thousand_yen).toBe(27400 - 40671); // −13,271
    expect(line('7').change_pct).toBeCloseTo(-32.63, 2);
    expect(line('8').change_pct).toBe(-100); // merged into line ⑦
    expect(line('2').change_pct).toBe(0);
  });
});

describe('budget per resident', () => {
  it('divides the yen budget by the 18 wards’ population and marks the year gap', () => {
    const fy2021 = deriveBudgetPerCapita(tables, '14100').find((r) => r.fiscal_year === 2021)!;
    expect(fy2021.population).toBe(3711450);
    expect(fy2021.yen_per_resident).toBeCloseTo(396288000 / 3711450, 10); // 106.8 yen
    expect(fy2021.yen_per_resident_aged_75).toBeCloseTo(396288000 / 392013, 10); // 1,010.9 yen
    expect(fy2021.population_as_of).toBe('2015-01-01');
    expect(fy2021.vintages_differ).toBe(true);
  });
  it('covers every fiscal year of the history, projections marked as projections', () => {
    const rows = deriveBudgetPerCapita(tables, '14100');
    expect(rows.map((r) => [r.fiscal_year, r.budget_thousand_yen, r.projected])).toEqual([
      [2017, 357415, false], [2018, 362067, false], [2019, 390817, false], [2020, 411656, false], [2021, 396288, false], [2022, 396288, true], [2023, 396288, true],
    ]);
    expect(rows.find((r) => r.fiscal_year === 2017)!.yen_per_resident).toBeCloseTo(357415000 / 3711450, 10); // 96.3 yen
  });
});

describe('settlement as a share of budget', () => {
  it('FY2017–FY2019', () => {
    const rates = deriveSettlementRates(tables);
    expect(rates.map((r) => r.fiscal_year)).toEqual([2017, 2018, 2019]);
    expect(rates[0]!.settlement_pct).toBeCloseTo((312768 / 357415) * 100, 10); // 87.5%
    expect(rates[1]!.settlement_pct).toBeCloseTo(89.83, 2); // 325,254 / 362,067
    expect(rates[2]!.settlement_pct).toBeCloseTo(90.50, 2); // 353,697 / 390,817
  });
});

describe('category shares', () => {
  const shares = deriveCategoryShares(tables);
  it('who consulted: shares of 1,713 clients', () => {
    const s = shares.filter((r) => r.breakdown === 'consultation_sources');
    expect(s).toHaveLength(7);
    expect(s.every((r) => r.total === 1713 && !r.multiple_answers)).toBe(true);
    expect(s.find((r) => r.category_id === 'care_manager')!.share_pct).toBeCloseTo(23.93, 2); // 410 / 1,713
  });
  it('support contents: shares of 8,271 answers, marked as multiple answers', () => {
    const s = shares.filter((r) => r.breakdown === 'support_contents');
    expect(s).toHaveLength(8);
    expect(s.every((r) => r.total === 8271 && r.multiple_answers)).toBe(true);
    expect(s.find((r) => r.category_id === 'home_physician')!.share_pct).toBeCloseTo(24.64, 2); // 2,038 / 8,271
    expect(s.reduce((a, r) => a + r.share_pct, 0)).toBeCloseTo(100, 9);
  });
});
