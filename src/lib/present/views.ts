/**
 * View models the pages render: plain rows computed from the site data, so pages stay wiring.
 */
import type { MetricSpec } from '../schema/metric-spec.ts';
import type { CityMetricValue } from '../derive/ward-metrics.ts';
import { formatDate, formatPeriod } from '../format.ts';
import type { Lang } from '../i18n.ts';
import { translate } from '../i18n/translate.ts';

const memos = new WeakMap<object, Map<string, unknown>>();

/**
 * A value computed once per owner (the derived data, the tables) and key: a national build renders
 * thousands of pages that each ask for the same group's series, names and views, and recomputing
 * them per page made the build quadratic in its areas. Callers treat the result as read-only.
 */
export function memo<T>(owner: object, key: string, compute: () => T): T {
  let byKey = memos.get(owner);
  if (!byKey) memos.set(owner, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  byKey.set(key, value);
  return value;
}

/**
 * Rows grouped by a key, computed once per array and grouping name: pages ask for one metric's or
 * one area's rows thousands of times in a national build.
 */
export function byKey<T>(rows: readonly T[], name: string, key: (row: T) => string): Map<string, T[]> {
  return memo(rows, `by-key|${name}`, () => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const k = key(row);
      const list = map.get(k);
      if (list) list.push(row);
      else map.set(k, [row]);
    }
    return map;
  });
}

/** A vintage key (`2015-10-31`, `2015-04-01/2015-12-31`, `FY2021`) in words. */
export function vintageText(key: string | null, lang: Lang): string {
  if (!key) return '';
  if (key.startsWith('FY')) return key;
  const [a, b] = key.split('/');
  return b ? formatPeriod(a!, b, lang) : formatDate(a!, lang);
}

/** The tables a metric reads, for its source line. */
/** The tables a metric reads, each once (a share's numerator and denominator may share one). */
export const metricTables = (spec: MetricSpec) => [...new Set([spec.numerator.table, ...(spec.denominator ? [spec.denominator.table] : [])])];

/** The dates a city value's vintages end on, to pick the sources that describe them. */
export const vintageDates = (c: Pick<CityMetricValue, 'numerator_vintage' | 'denominator_vintage'>) =>
  [c.numerator_vintage, c.denominator_vintage].filter((v): v is string => !!v).map((v) => v.split('/').at(-1)!);

/** Kept here too for modules that read area names beside vintages. */

/** 「このページの数値は2015年1月1日から2015年10月31日までの時点のものです。」 from the dates figures describe. */
export function ageText(ends: readonly string[], lang: Lang, opening: string): string {
  const sorted = [...ends].sort();
  if (sorted.length === 0) return '';
  const first = vintageText(sorted[0]!, lang);
  const last = vintageText(sorted.at(-1)!, lang);
  if (first === last) return translate(lang, 'views.ageOne', { opening, first });
  return translate(lang, 'views.ageRange', { opening, first, last });
}

/** A source line, or a plain note where no source document describes the figures' dates. */
export const sourceOrNote = (source: string, lang: Lang) =>
  source || translate(lang, 'views.noSourceDocumentRecorded');

/** A readable anchor from an id: lower case, words joined by hyphens (`support-clinics-per-10k-population`). */
export const anchorOf = (id: string) => id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
