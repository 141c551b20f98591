/**
 * View models the pages render: plain rows computed from the site data, so pages stay wiring.
 */
import { select, wardsOf, type Tables } from '../dataset.ts';
import type { MetricSpec } from '../derive/metric-spec.ts';
import type { CityMetricValue, WardMetricValue } from '../derive/ward-metrics.ts';
import { formatDate, formatPeriod } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';

export const YOKOHAMA = '14100';

export function areaName(tables: Tables, code: string, lang: Lang): string {
  const row = select(tables, 'areas', { area_code: code })[0]?.row;
  if (!row) return code;
  return String(lang === 'ja' ? row.name_ja : row.name_en);
}

/** Wards of a city in code order, with names. */
export function wardList(tables: Tables, city = YOKOHAMA) {
  return wardsOf(tables, city)
    .sort()
    .map((code) => ({ code, ja: areaName(tables, code, 'ja'), en: areaName(tables, code, 'en') }));
}

export interface MetricView {
  spec: MetricSpec;
  city: CityMetricValue;
  wards: (WardMetricValue & { name: string })[];
}

export function metricView(site: SiteData, metricId: string, lang: Lang, city = YOKOHAMA): MetricView {
  const spec = site.derived.specs.find((s) => s.id === metricId);
  if (!spec) throw new Error(`no metric ${metricId}`);
  const c = site.derived.cityMetrics.find((m) => m.metric_id === metricId && m.city_code === city)!;
  const wards = (byKey(site.derived.wardMetrics, 'metric-city', (w) => `${w.metric_id}|${w.city_code}`).get(`${metricId}|${city}`) ?? []).map((w) => ({
    ...w,
    name: areaName(site.tables, w.area_code, lang),
  }));
  return { spec, city: c, wards };
}

const groupings = new WeakMap<object, Map<string, Map<string, unknown[]>>>();

/**
 * Rows grouped by a key, computed once per array and grouping name: pages ask for one metric's or
 * one area's rows thousands of times in a national build.
 */
export function byKey<T>(rows: readonly T[], name: string, key: (row: T) => string): Map<string, T[]> {
  const cacheKey = rows as unknown as object;
  let byName = groupings.get(cacheKey);
  if (!byName) groupings.set(cacheKey, (byName = new Map()));
  let map = byName.get(name) as Map<string, T[]> | undefined;
  if (!map) {
    map = new Map();
    for (const row of rows) {
      const k = key(row);
      const list = map.get(k);
      if (list) list.push(row);
      else map.set(k, [row]);
    }
    byName.set(name, map as Map<string, unknown[]>);
  }
  return map;
}

/** A vintage key (`2015-10-31`, `2015-04-01/2015-12-31`, `FY2021`) in words. */
export function vintageText(key: string | null, lang: Lang): string {
  if (!key) return '';
  if (key.startsWith('FY')) return key;
  const [a, b] = key.split('/');
  return b ? formatPeriod(a!, b, lang) : formatDate(a!, lang);
}

/** The tables a metric reads, for its source line. */
export const metricTables = (spec: MetricSpec) => [spec.numerator.table, ...(spec.denominator ? [spec.denominator.table] : [])];

/** The dates a city value's vintages end on, to pick the sources that describe them. */
export const vintageDates = (c: Pick<CityMetricValue, 'numerator_vintage' | 'denominator_vintage'>) =>
  [c.numerator_vintage, c.denominator_vintage].filter((v): v is string => !!v).map((v) => v.split('/').at(-1)!);
