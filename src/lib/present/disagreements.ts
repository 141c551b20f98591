/**
 * Where the site shows a figure its source printed differently: a value an area's metric
 * computes from one row, which a consistency check found the document printing otherwise for
 * that same row (南区's share aged 75+: 11.9 % from the counts, 8.2 % as printed). The value is
 * marked where it is used, with a note that names both figures and links to the data-quality
 * report; the printed figure itself stays in data/, uncorrected.
 */
import type { MetricSpec } from '../schema/metric-spec.ts';
import type { WardMetricValue } from '../derive/ward-metrics.ts';
import { formatNumber } from '../format.ts';
import { pick, type Lang } from '../i18n.ts';
import type { Finding } from '../quality/finding.ts';
import type { SiteData } from '../site-data.ts';
import { areaName } from './groups.ts';
import { memo } from './views.ts';
import { translate } from '../i18n/translate.ts';

export const DISAGREEMENT_MARK = '‡';

/** The disagreement behind an area's value of a metric, if the source printed it otherwise. */
export function disagreementOf(site: SiteData, spec: MetricSpec, w: Pick<WardMetricValue, 'area_code' | 'value'>): { finding: Finding; checkId: string } | null {
  if (w.value === null) return null;
  for (const { finding, checkId } of disagreementsByRow(site).get(`${spec.numerator.table}|${w.area_code}`) ?? [])
    // The same figure recomputed: the site shows what the check recomputed.
    if (Math.abs(finding.recomputed - w.value) <= 1e-6 * Math.max(1, Math.abs(w.value))) return { finding, checkId };
  return null;
}

/** Every disagreeing finding by the table and area of the rows that printed it, indexed once per build. */
function disagreementsByRow(site: SiteData) {
  return memo(site.quality, 'disagreements-by-row', () => {
    const out = new Map<string, { finding: Finding; checkId: string }[]>();
    for (const check of site.quality.checks)
      for (const finding of check.findings) {
        if (finding.agrees) continue;
        for (const at of finding.printedAt) {
          const table = site.tables.get(at.table);
          const row = table?.rows[table.lines.indexOf(at.line)];
          if (!row) continue;
          const key = `${at.table}|${String(row.area_code)}`;
          const list = out.get(key) ?? [];
          // One entry per finding and row, in the order the checks report them.
          list.push({ finding, checkId: check.id });
          out.set(key, list);
        }
      }
    return out;
  });
}

/** The note under a table: each marked value's printed and recomputed figures, for the quality page link. */
export function disagreementNote(site: SiteData, marked: { spec: MetricSpec; w: Pick<WardMetricValue, 'area_code' | 'value'>; finding: Finding }[], lang: Lang): string {
  if (marked.length === 0) return '';
  const parts = marked.map(({ spec, w, finding }) => {
    const digits = Math.max(spec.digits, String(finding.printed).split('.')[1]?.length ?? 0);
    const name = areaName(site.tables, w.area_code, lang);
    const pct = pick(lang, spec.unit) === '%' ? '%' : '';
    return translate(lang, 'disagreements.documentPrintsDataGive', { name, labelLabel: pick(lang, spec.label), printed: formatNumber(finding.printed, digits, lang), pct, recomputed: formatNumber(finding.recomputed, spec.digits, lang) });
  });
  return translate(lang, 'disagreements.printedFigureNotCorrected', { disagreementMark: DISAGREEMENT_MARK, parts: parts.join(translate(lang, 'list.sentences')) });
}

/**
 * The values of a table that their source printed otherwise: which to mark, and the note (with the
 * first check's anchor) for under the table.
 */
export function disagreementsIn(site: SiteData, values: readonly { spec: MetricSpec; w: Pick<WardMetricValue, 'area_code' | 'value'> }[], lang: Lang) {
  const marked = values.flatMap(({ spec, w }) => {
    const d = disagreementOf(site, spec, w);
    return d ? [{ spec, w, ...d }] : [];
  });
  return {
    has: (metricId: string, area: string) => marked.some((m) => m.spec.id === metricId && m.w.area_code === area),
    summary: marked.length ? { note: disagreementNote(site, marked, lang), anchor: `check-${marked[0]!.checkId}` } : null,
  };
}
