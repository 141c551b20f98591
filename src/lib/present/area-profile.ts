/**
 * Everything the site knows about one area, gathered for its page: every metric against the
 * city, its hub, the hub's throughput, and the hospitals in its admission agreements.
 */
import { select } from '../dataset.ts';
import type { MetricSpec } from '../derive/metric-spec.ts';
import type { WardMetricValue } from '../derive/ward-metrics.ts';
import type { Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { byKey } from './views.ts';
import type { Row } from '../validate/validate-table.ts';

export interface AreaProfile {
  code: string;
  parent: string | null;
  metrics: { spec: MetricSpec; ward: WardMetricValue }[];
  hub: Row | null;
  throughput: Row[];
  hospitals: { role: string; names: string[]; source: string; asOf: string }[];
  facilities: Row[];
}

export function areaProfile(site: SiteData, code: string): AreaProfile {
  const area = select(site.tables, 'areas', { area_code: code })[0]?.row;
  const declared = new Set(site.specs.map((s) => s.id));
  const metrics = (byKey(site.derived.wardMetrics, 'area', (w) => w.area_code).get(code) ?? [])
    .filter((w) => declared.has(w.metric_id))
    .map((ward) => ({ spec: site.derived.specs.find((s) => s.id === ward.metric_id)!, ward }));
  const agreements = select(site.tables, 'emergency_hospitals', { area_code: code }).map((r) => r.row);
  // The newest document's list is shown; older ones are in the data tables.
  const newest = agreements.map((r) => String(r.as_of)).sort().at(-1);
  const current = agreements.filter((r) => String(r.as_of) === newest);
  const hospitals = ['temporary_admission', 'acute'].map((role) => ({
    role,
    names: current.filter((r) => r.role === role).map((r) => String(r.hospital_name_printed)),
    source: String(current[0]?.source_document ?? ''),
    asOf: newest ?? '',
  }));
  return {
    code,
    parent: area?.parent_code ? String(area.parent_code) : null,
    metrics,
    hub: select(site.tables, 'hubs', { area_code: code })[0]?.row ?? null,
    throughput: select(site.tables, 'hub_throughput', { area_code: code }).map((r) => r.row),
    hospitals,
    facilities: select(site.tables, 'home_care_facilities', { area_code: code }).map((r) => r.row),
  };
}

export const roleName = (role: string, lang: Lang) =>
  role === 'acute'
    ? lang === 'ja' ? '急性期（主に夜間に受け入れ）' : 'Acute (mainly at night)'
    : lang === 'ja' ? '一時入院（主に日中に受け入れ）' : 'Temporary admission (mainly in the daytime)';
