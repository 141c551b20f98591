/**
 * Every derived table the pages and downloads read, computed once from the validated tables and
 * the metric declarations. The results are plain rows.
 */
import type { Tables } from '../dataset.ts';
import { deriveBudgetChanges, deriveBudgetPerCapita, deriveSettlementRates } from './budget.ts';
import { deriveCategoryShares } from './category-shares.ts';
import type { MetricSpec } from './metric-spec.ts';
import { withCountVariants } from './metric-families.ts';
import { deriveWardMetrics } from './ward-metrics.ts';

export function deriveAll(tables: Tables, declared: readonly MetricSpec[]) {
  const specs = withCountVariants(declared, tables);
  const metrics = deriveWardMetrics(tables, specs);
  return {
    specs,
    wardMetrics: metrics.wards,
    cityMetrics: metrics.cities,
    categoryShares: deriveCategoryShares(tables),
    budgetChanges: deriveBudgetChanges(tables),
    budgetPerCapita: deriveBudgetPerCapita(tables),
    settlementRates: deriveSettlementRates(tables),
  };
}

export type Derived = ReturnType<typeof deriveAll>;
