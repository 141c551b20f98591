/**
 * Every derived table the pages and downloads read, computed once from the validated tables, the
 * metric declarations and the areas the site is about. The results are plain rows.
 */
import type { Tables } from '../dataset.ts';
import { deriveBudgetChanges, deriveBudgetPerCapita, deriveSettlementRates } from './budget.ts';
import { deriveCategoryShares } from './category-shares.ts';
import type { MetricSpec } from '../schema/metric-spec.ts';
import { withCountVariants } from './metric-families.ts';
import { derivePeerGroups } from './peers.ts';
import { comparisonGroups, deriveWardMetrics } from './ward-metrics.ts';

export interface DeriveOptions {
  /** Areas the site is about (a city brings its wards); all areas when absent. */
  scope?: readonly string[];
  /** The area the budget tables describe, for the budget per resident. */
  budgetArea?: string;
  /** Population bands of the "similar areas" peer groups. */
  populationBands?: readonly number[];
  /** Compute each metric at every vintage (for trends); default true. */
  trends?: boolean;
}

export function deriveAll(tables: Tables, declared: readonly MetricSpec[], options: DeriveOptions = {}) {
  const specs = withCountVariants(declared, tables);
  const metrics = deriveWardMetrics(tables, specs, options.scope, options.trends ?? true);
  const municipalities = comparisonGroups(tables, options.scope).municipalities?.members ?? [];
  return {
    specs,
    wardMetrics: metrics.wards,
    cityMetrics: metrics.cities,
    /** Every municipality against the others (a designated city by its own figures or its wards' sum). */
    municipalMetrics: metrics.municipal,
    municipalTotals: metrics.municipalTotals,
    /** Every group's values at each of its vintages, where it has more than one (trends). */
    metricSeries: metrics.series,
    metricSeriesTotals: metrics.seriesTotals,
    /** Each municipality's peer groups: the other designated cities, and similar areas. */
    peerGroups: derivePeerGroups(tables, municipalities, options.populationBands),
    categoryShares: deriveCategoryShares(tables),
    budgetChanges: deriveBudgetChanges(tables),
    budgetPerCapita: options.budgetArea ? deriveBudgetPerCapita(tables, options.budgetArea) : [],
    settlementRates: deriveSettlementRates(tables),
  };
}

export type Derived = ReturnType<typeof deriveAll>;
