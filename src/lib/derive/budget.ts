/**
 * Budget figures derived from the budget tables: the change between fiscal years per line and in
 * total, yen per resident and per resident aged 75+, and settlement as a share of budget.
 */
import * as aq from 'arquero';
import { select, wardsOf, type Tables } from '../dataset.ts';

const { op } = aq;

export interface BudgetChange {
  line_id: string;
  name_ja: string;
  name_en: string;
  from_fiscal_year: number;
  to_fiscal_year: number;
  from_thousand_yen: number;
  to_thousand_yen: number;
  change_thousand_yen: number;
  /** Null where the earlier budget was zero. */
  change_pct: number | null;
}

export interface BudgetPerCapita {
  city_code: string;
  fiscal_year: number;
  budget_thousand_yen: number;
  /** The amount is a projection printed in the history, not an adopted budget. */
  projected: boolean;
  population: number;
  population_aged_75_plus: number;
  population_as_of: string;
  yen_per_resident: number;
  yen_per_resident_aged_75: number;
  /** The population figure is not from the budget's year. */
  vintages_differ: boolean;
}

export interface SettlementRate {
  fiscal_year: number;
  budget_thousand_yen: number;
  settlement_thousand_yen: number;
  settlement_pct: number;
}

/** Change of every budget line (and the total) between each pair of consecutive fiscal years. */
export function deriveBudgetChanges(tables: Tables): BudgetChange[] {
  const rows = select(tables, 'budget_lines').map((r) => r.row);
  if (rows.length === 0) return [];
  const t = aq.from(rows).select('fiscal_year', 'line_id', 'name_ja', 'name_en', 'budget_thousand_yen');
  const years = (t.rollup({ y: op.array_agg_distinct('fiscal_year') }).object() as { y: number[] }).y.sort((a, b) => a - b);
  return years.slice(1).flatMap((to, i) => {
    const from = years[i]!;
    const year = (fy: number) => t.params({ fy }).filter((d: { fiscal_year: number }, $: { fy: number }) => d.fiscal_year === $.fy);
    return year(to)
      .rename({ budget_thousand_yen: 'to_thousand_yen', fiscal_year: 'to_fiscal_year' })
      .join(year(from).select({ line_id: 'line_id', budget_thousand_yen: 'from_thousand_yen', fiscal_year: 'from_fiscal_year' }), 'line_id')
      .derive({
        change_thousand_yen: (d: BudgetChange) => d.to_thousand_yen - d.from_thousand_yen,
        change_pct: (d: BudgetChange) => (d.from_thousand_yen === 0 ? null : ((d.to_thousand_yen - d.from_thousand_yen) / d.from_thousand_yen) * 100),
      })
      .select('line_id', 'name_ja', 'name_en', 'from_fiscal_year', 'to_fiscal_year', 'from_thousand_yen', 'to_thousand_yen', 'change_thousand_yen', 'change_pct')
      .objects() as BudgetChange[];
  });
}

/**
 * Budget per resident: each fiscal year's total budget over the city's population, summed over
 * its wards, from the population vintage closest to the start of that fiscal year. A year's total
 * is the budget sheet's total line where there is one, else the history's budget, else its
 * projection (marked `projected`).
 */
export function deriveBudgetPerCapita(tables: Tables, cityCode: string): BudgetPerCapita[] {
  const wards = new Set(wardsOf(tables, cityCode));
  const pop = select(tables, 'population').filter((r) => wards.has(String(r.row.area_code)));
  if (pop.length === 0) return [];
  const byDate = aq
    .from(pop.map((r) => r.row))
    .groupby('as_of')
    .rollup({ population: op.sum('population'), aged: op.sum('aged_75_plus') })
    .objects() as { as_of: string; population: number; aged: number }[];
  const totals = new Map<number, { thousand: number; projected: boolean }>();
  for (const r of select(tables, 'budget_lines')) if (r.row.line_id === 'total') totals.set(r.row.fiscal_year as number, { thousand: r.row.budget_thousand_yen as number, projected: false });
  for (const kind of ['budget', 'projection'])
    for (const r of select(tables, 'budget_history', { kind }))
      if (!totals.has(r.row.fiscal_year as number) && typeof r.row.total_thousand_yen === 'number') totals.set(r.row.fiscal_year as number, { thousand: r.row.total_thousand_yen, projected: kind === 'projection' });
  return [...totals]
    .map(([fy, total]) => {
      const start = Date.parse(`${fy}-04-01`);
      const p = [...byDate].sort((a, b) => Math.abs(Date.parse(a.as_of) - start) - Math.abs(Date.parse(b.as_of) - start))[0]!;
      const yen = total.thousand * 1000;
      return {
        city_code: cityCode,
        fiscal_year: fy,
        budget_thousand_yen: total.thousand,
        projected: total.projected,
        population: p.population,
        population_aged_75_plus: p.aged,
        population_as_of: p.as_of,
        yen_per_resident: yen / p.population,
        yen_per_resident_aged_75: yen / p.aged,
        vintages_differ: p.as_of < `${fy}-04-01` || p.as_of > `${fy + 1}-03-31`,
      };
    })
    .sort((a, b) => a.fiscal_year - b.fiscal_year);
}

/** Settlement as a share of budget, for every fiscal year that has both. */
export function deriveSettlementRates(tables: Tables): SettlementRate[] {
  const rows = select(tables, 'budget_history').map((r) => r.row);
  // A site without a budget history has no settlement rates (arquero cannot filter a table with no columns).
  if (rows.length === 0) return [];
  const budget = aq.from(rows).filter((d: { kind: string }) => d.kind === 'budget').select({ fiscal_year: 'fiscal_year', total_thousand_yen: 'budget_thousand_yen' });
  const settled = aq.from(rows).filter((d: { kind: string }) => d.kind === 'settlement').select({ fiscal_year: 'fiscal_year', total_thousand_yen: 'settlement_thousand_yen' });
  return budget
    .join(settled, 'fiscal_year')
    .derive({ settlement_pct: (d: SettlementRate) => (d.settlement_thousand_yen / d.budget_thousand_yen) * 100 })
    .orderby('fiscal_year')
    .objects() as SettlementRate[];
}
