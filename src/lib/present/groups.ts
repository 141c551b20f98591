/**
 * Areas and the groups they are compared in, as the pages name them: a ward among the wards of
 * its own city, against that city's value; a municipality among the municipalities of the site.
 */
import { select, type Tables } from '../dataset.ts';
import type { MetricSpec } from '../schema/metric-spec.ts';
import { MUNICIPAL_GROUP, type CityMetricValue, type WardMetricValue } from '../derive/ward-metrics.ts';
import type { Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { byKey, memo } from './views.ts';
import { translator } from '../i18n/translate.ts';
import { siteLanguages } from '../i18n/languages.ts';
import { localColumn } from '../i18n/labels.ts';

export { MUNICIPAL_GROUP };

export interface AreaInfo {
  code: string;
  kind: string;
  parent: string | null;
  name: Record<Lang, string>;
}

/** An area's row from areas.csv, or null when the data has no such area. */
export function areaInfo(tables: Tables, code: string): AreaInfo | null {
  return memo(tables, `area|${code}`, () => {
    const row = select(tables, 'areas', { area_code: code })[0]?.row;
    if (!row) return null;
    // A name per configured language, by the column rule (name_ja, name_en, name_<code>) along each fallback chain.
    const name = Object.fromEntries(siteLanguages().map((l) => [l.code, localColumn(row, 'name', l.chain)]));
    return { code, kind: String(row.kind), parent: row.parent_code ? String(row.parent_code) : null, name };
  });
}

export const areaName = (tables: Tables, code: string, lang: Lang) => areaInfo(tables, code)?.name[lang] ?? code;

export { shortName } from './metric-text.ts';

export interface GroupInfo {
  code: string;
  /** Is this a city's wards (true) or the municipalities of the site (false)? */
  wards: boolean;
  members: string[];
  /** The whole the group's value describes: 横浜市全体 / the municipalities in the data. */
  wholeName: string;
  /** What the members are called, for "N区中M位" and headings. */
  memberNoun: { one: string; counter: string };
}

/** Every comparison group of the site, cities with wards first (in code order), then the municipalities. */
export function groupsOf(site: SiteData): string[] {
  const codes = new Set([...site.derived.cityMetrics.map((c) => c.city_code)]);
  const out = [...codes].sort();
  if (site.derived.municipalTotals.length > 0) out.push(MUNICIPAL_GROUP);
  return out;
}

export function groupInfo(site: SiteData, group: string, lang: Lang): GroupInfo {
  const t = translator(lang);
  const members = memo(site.derived, `members|${group}`, () =>
    group === MUNICIPAL_GROUP
      ? [...new Set(site.derived.municipalMetrics.map((m) => m.area_code))].sort()
      : select(site.tables, 'areas', { parent_code: group }).map((r) => String(r.row.area_code)).sort(),
  );
  if (group === MUNICIPAL_GROUP) {
    return { code: group, wards: false, members, wholeName: t('groups.allMunicipalitiesShown'), memberNoun: { one: t('groups.municipality'), counter: t('groups.municipalities') } };
  }
  const name = areaName(site.tables, group, lang);
  return { code: group, wards: true, members, wholeName: t('groups.whole', { name }), memberNoun: { one: t('groups.ward'), counter: t('groups.wards') } };
}

/** The group an area is compared in: its city for a ward, the municipalities otherwise. */
export function groupOfArea(tables: Tables, code: string): string {
  return areaInfo(tables, code)?.parent ?? MUNICIPAL_GROUP;
}

export interface MetricView {
  spec: MetricSpec;
  total: CityMetricValue;
  areas: readonly (WardMetricValue & { name: string })[];
  /** The same rows by area code. */
  byArea: ReadonlyMap<string, WardMetricValue & { name: string }>;
}

/** One metric for one group, with the areas' names; null when the group has no figure for it. */
export function metricView(site: SiteData, metricId: string, lang: Lang, group: string): MetricView | null {
  return memo(site.derived, `view|${metricId}|${lang}|${group}`, () => buildMetricView(site, metricId, lang, group));
}

function buildMetricView(site: SiteData, metricId: string, lang: Lang, group: string): MetricView | null {
  const spec = site.derived.specs.find((s) => s.id === metricId);
  if (!spec) return null;
  const municipal = group === MUNICIPAL_GROUP;
  const totals = municipal ? site.derived.municipalTotals : site.derived.cityMetrics;
  const rows = municipal ? site.derived.municipalMetrics : site.derived.wardMetrics;
  const total = byKey(totals, 'metric-group', (c) => `${c.metric_id}|${c.city_code}`).get(`${metricId}|${group}`)?.[0];
  if (!total) return null;
  const areas = (byKey(rows, 'metric-group', (w) => `${w.metric_id}|${w.city_code}`).get(`${metricId}|${group}`) ?? []).map((w) => ({
    ...w,
    name: areaName(site.tables, w.area_code, lang),
  }));
  return { spec, total, areas, byArea: new Map(areas.map((a) => [a.area_code, a])) };
}

/**
 * Every metric of one area's group, in declaration order, with the area's value (null where the
 * area has none: its page says "no data" rather than leaving the measure out).
 */
export function areaMetrics(site: SiteData, code: string): { spec: MetricSpec; value: WardMetricValue }[] {
  const municipal = groupOfArea(site.tables, code) === MUNICIPAL_GROUP;
  const rows = municipal ? site.derived.municipalMetrics : site.derived.wardMetrics;
  const mine = byKey(rows, 'area', (w) => w.area_code).get(code) ?? [];
  return site.derived.specs.flatMap((spec) => {
    const value = mine.find((w) => w.metric_id === spec.id);
    // The area's own figure stands even where its group has no whole at that date (derive/ward-metrics.ts).
    return value && (value.city_value !== null || value.value !== null) ? [{ spec, value }] : [];
  });
}

/** The areas that have a page: every area in scope, cities before their wards. */
export function pagedAreas(site: SiteData): string[] {
  return [...new Set([...site.derived.municipalMetrics.map((m) => m.area_code), ...site.derived.wardMetrics.map((w) => w.area_code), ...scopeAreas(site)])].sort();
}

/** The areas of the site's scope and their wards, from areas.csv. */
export function scopeAreas(site: SiteData): string[] {
  const scope = site.config.areas;
  return select(site.tables, 'areas')
    .map((r) => r.row)
    .filter((r) => !scope || scope.includes(String(r.area_code)) || (r.parent_code && scope.includes(String(r.parent_code))))
    .map((r) => String(r.area_code));
}
