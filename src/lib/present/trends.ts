/**
 * A metric over time within one group, from the derived series: each vintage's value for every
 * area and for the group, the change over the period (absolute and in percent, 増減率) and rank
 * moves. Only where the group has more than one vintage: one vintage draws no trend.
 */
import { trendLines } from '../../charts/trend-lines.ts';
import { renderChart } from '../../charts/render.ts';
import type { MetricSpec } from '../schema/metric-spec.ts';
import type { CityMetricValue, WardMetricValue } from '../derive/ward-metrics.ts';
import { formatNumber } from '../format.ts';
import { pick, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { areaName, groupInfo } from './groups.ts';
import { formatValue } from './metric-text.ts';
import { anchorOf, byKey, memo, vintageText } from './views.ts';
import { translator, translate } from '../i18n/translate.ts';

export interface Trend {
  spec: MetricSpec;
  vintages: string[];
  byArea: Map<string, WardMetricValue[]>;
  totals: CityMetricValue[];
}

/** A metric's series in a group; null with fewer than two vintages. */
export function trendOf(site: SiteData, metricId: string, group: string): Trend | null {
  if (!site.config.trends) return null;
  return memo(site.derived, `trend|${metricId}|${group}`, () => buildTrend(site, metricId, group));
}

function buildTrend(site: SiteData, metricId: string, group: string): Trend | null {
  const spec = site.derived.specs.find((s) => s.id === metricId);
  if (!spec) return null;
  const key = `${metricId}|${group}`;
  const totals = byKey(site.derived.metricSeriesTotals, 'metric-group', (c) => `${c.metric_id}|${c.city_code}`).get(key) ?? [];
  if (totals.length < 2) return null;
  const rows = byKey(site.derived.metricSeries, 'metric-group', (w) => `${w.metric_id}|${w.city_code}`).get(key) ?? [];
  const byArea = new Map<string, WardMetricValue[]>();
  for (const r of rows) {
    const list = byArea.get(r.area_code);
    if (list) list.push(r);
    else byArea.set(r.area_code, [r]);
  }
  return { spec, vintages: totals.map((t) => t.numerator_vintage!), byArea, totals };
}

/**
 * The n areas whose latest value is nearest the given area's, from the group's areas sorted once by
 * latest value: walking outwards from the area's place finds them without sorting per page.
 */
function nearest(site: SiteData, group: string, trend: Trend, code: string, n: number): [string, WardMetricValue[]][] {
  const last = (list: WardMetricValue[]) => list.at(-1)!.value!;
  const sorted = memo(site.derived, `trend-order|${trend.spec.id}|${group}`, () => [...trend.byArea].sort((a, b) => last(a[1]) - last(b[1])));
  const places = memo(sorted, 'places', () => new Map(sorted.map(([a], i) => [a, i])));
  const at = places.get(code)!;
  const mine = last(sorted[at]![1]);
  const out: [string, WardMetricValue[]][] = [];
  let lo = at - 1;
  let hi = at + 1;
  while (out.length < n && (lo >= 0 || hi < sorted.length)) {
    const below = lo >= 0 ? mine - last(sorted[lo]![1]) : Infinity;
    const above = hi < sorted.length ? last(sorted[hi]![1]) - mine : Infinity;
    out.push(below <= above ? sorted[lo--]! : sorted[hi++]!);
  }
  return out;
}

/** Above this many areas, a comparison page lists the largest changes only (see groupTrend). */
const LARGE_GROUP = 40;

/** Faint lines drawn behind an area: every other area of a group up to this size, else the nearest ones. */
const BACKGROUND_LINES = 20;

const endOf = (vintage: string) => vintage.split('/').at(-1)!;
/** "0.93か所（2016年10月31日）" / "0.93 (31 Oct 2016)". */
const dated = (text: string, vintage: string | null, lang: Lang) => translate(lang, 'trends.dated', { text, vintage: vintageText(vintage, lang) });

/** First and last value of a list of points, with the change and 増減率; null with fewer than two. */
export function change(points: readonly { value: number | null; numerator_vintage: string | null; rank?: number | null }[]) {
  const known = points.filter((p) => p.value !== null);
  if (known.length < 2) return null;
  const first = known[0]!;
  const last = known.at(-1)!;
  const diff = last.value! - first.value!;
  return { first, last, diff, pct: first.value === 0 ? null : (diff / first.value!) * 100 };
}

/** "+0.12（+5.3%）" / "+0.12 (+5.3%)". */
export function changeText(c: NonNullable<ReturnType<typeof change>>, spec: MetricSpec, lang: Lang): string {
  const sign = (v: number) => (v > 0 ? '+' : v < 0 ? '−' : '±');
  const abs = `${sign(c.diff)}${formatNumber(Math.abs(c.diff), spec.digits, lang)}`;
  const pct = c.pct === null ? '' : `${sign(c.pct)}${formatNumber(Math.abs(c.pct), 1, lang)}%`;
  return pct ? translate(lang, 'trends.absPct', { abs, pct }) : abs;
}

/** The area page's trend: its headline metric drawn against its group, and every metric's change in a table. */
export function areaTrends(site: SiteData, code: string, group: string, metricIds: readonly string[], chartMetric: string | null, lang: Lang) {
  const t = translator(lang);
  const info = groupInfo(site, group, lang);
  const name = areaName(site.tables, code, lang);
  const rows: string[][] = [];
  for (const id of metricIds) {
    const trend = trendOf(site, id, group);
    const mine = trend?.byArea.get(code);
    const c = mine ? change(mine) : null;
    if (!trend || !c) continue;
    rows.push([
      pick(lang, trend.spec.label),
      dated(formatValue(c.first.value, trend.spec, lang), c.first.numerator_vintage, lang),
      dated(formatValue(c.last.value, trend.spec, lang), c.last.numerator_vintage, lang),
      changeText(c, trend.spec, lang),
      c.first.rank != null && c.last.rank != null ? (c.first.rank === c.last.rank ? t('trends.noChange', { rank: c.last.rank }) : `${c.first.rank} → ${c.last.rank}`) : '—',
    ]);
  }
  let chart = null;
  const trend = chartMetric ? trendOf(site, chartMetric, group) : null;
  const mine = trend?.byArea.get(code);
  const c = mine ? change(mine) : null;
  if (trend && mine && c) {
    const { spec } = trend;
    const date = (v: string) => new Date(`${endOf(v)}T00:00:00Z`);
    // Behind the area: every other area of a small group; in a large one, the 20 nearest to it at the
    // latest date (a page stays light, and the nearest are the ones a reader compares with).
    const behind = trend.byArea.size - 1 > BACKGROUND_LINES ? nearest(site, group, trend, code, BACKGROUND_LINES) : [...trend.byArea].filter(([a]) => a !== code);
    const others = behind.flatMap(([a, list]) => list.map((p) => ({ series: a, date: date(p.numerator_vintage!), value: p.value! })));
    const points = [
      ...others,
      ...mine.map((p) => ({ series: code, date: date(p.numerator_vintage!), value: p.value! })),
      ...trend.totals.filter((x) => x.value !== null).map((x) => ({ series: '__group', date: date(x.numerator_vintage!), value: x.value! })),
    ];
    const direction = c.diff > 0 ? t('trends.rose') : c.diff < 0 ? t('trends.fell') : t('trends.didNotChange');
    const title = t('trends.areaChange', { name, labelLabel: pick(lang, spec.label), numeratorVintage: vintageText(c.first.numerator_vintage, lang), value: formatValue(c.first.value, spec, lang), numeratorVintage2: vintageText(c.last.numerator_vintage, lang), value2: formatValue(c.last.value, spec, lang), direction, c: changeText(c, spec, lang) });
    const format = (v: number) => formatValue(v, spec, lang, false);
    // The lines carry no names and the same figures in every language: drawn once per area.
    const reuse = `trend|${spec.id}|${group}|${code}|${points.map((p) => `${p.series}@${p.date.getTime()}=${p.value}`).join(',')}|${mine.map((p) => format(p.value!)).join(',')}`;
    const svg = renderChart(trendLines(points, { highlight: code, reference: '__group', format }), { label: title, reuse });
    chart = {
      id: `${anchorOf(spec.id)}-trend`,
      title,
      svg,
      unit: pick(lang, spec.unit),
      note: t('trends.boldLineDottedThin', { name, wholeName: info.wholeName, others: behind.length < trend.byArea.size - 1 ? t('trends.othersNearest', { count: behind.length }) : t('trends.others') }),
      table: {
        caption: t('trends.overTime', { name, wholeName: info.wholeName, labelLabel: pick(lang, spec.label) }),
        head: [t('common.asOf'), name, info.wholeName, t('common.rank')],
        rows: trend.totals.map((tot) => {
          const p = mine.find((x) => x.numerator_vintage === tot.numerator_vintage);
          return [vintageText(tot.numerator_vintage, lang), formatValue(p?.value ?? null, spec, lang), formatValue(tot.value, spec, lang), p?.rank != null ? `${p.rank}/${p.rank_of}` : '—'];
        }),
        numeric: [false, true, true, true],
      },
    };
  }
  if (!chart && rows.length === 0) return null;
  return {
    chart,
    table: rows.length
      ? { caption: t('trends.howSMeasuresChanged', { name }), head: [t('common.measure'), t('trends.first'), t('trends.latest'), t('trends.change'), t('trends.rankChange')], rows, numeric: [false, true, true, true, true] }
      : null,
  };
}

/** The comparison page's trend: every area's first and latest value, change and rank move, and each earlier vintage's figures. */
export function groupTrend(site: SiteData, metricId: string, group: string, lang: Lang) {
  const t = translator(lang);
  const trend = trendOf(site, metricId, group);
  if (!trend) return null;
  const { spec } = trend;
  const rows = [...trend.byArea]
    .flatMap(([area, list]) => {
      const c = change(list);
      return c ? [{ area, c }] : [];
    })
    .sort((a, b) => b.c.diff - a.c.diff);
  // A group whose areas each have one date has no trend, only figures from different dates.
  if (rows.length === 0) return null;
  const name = (a: string) => areaName(site.tables, a, lang);
  // A large group lists its largest rises and falls, and leaves each earlier date's full figures
  // to the downloads: a page of thousands of rows per date helps no reader.
  const large = trend.byArea.size > LARGE_GROUP;
  const listed = large ? [...rows.slice(0, 20), ...rows.slice(-20)] : rows;
  const earlier = (large ? [] : trend.totals.slice(0, -1)).reverse().map((tot) => ({
    id: `${anchorOf(spec.id)}-${tot.numerator_vintage!.replace(/[^0-9]/g, '')}`,
    heading: t('trends.asOf', { numeratorVintage: vintageText(tot.numerator_vintage, lang) }),
    table: {
      caption: t('trends.labelAsOf', { labelLabel: pick(lang, spec.label), numeratorVintage: vintageText(tot.numerator_vintage, lang) }),
      head: [t('common.area'), pick(lang, spec.unit), t('common.rank')],
      rows: [...trend.byArea]
        .flatMap(([area, list]) => list.filter((p) => p.numerator_vintage === tot.numerator_vintage).map((p) => ({ area, p })))
        .sort((a, b) => (a.p.rank ?? 1e9) - (b.p.rank ?? 1e9))
        .map(({ area, p }) => [name(area), formatValue(p.value, spec, lang, false) + (p.unstable ? ' *' : ''), p.rank != null ? `${p.rank}/${p.rank_of}` : '—'])
        .concat([[groupInfo(site, group, lang).wholeName, formatValue(tot.value, spec, lang, false), '']]),
      numeric: [false, true, true],
    },
  }));
  // Every area's line, faint, with the group's value dashed: drawn where the group is small enough to read.
  let chart = null;
  if (trend.byArea.size <= 40) {
    const date = (v: string) => new Date(`${endOf(v)}T00:00:00Z`);
    const info = groupInfo(site, group, lang);
    const top = rows[0];
    const points = [
      ...[...trend.byArea].flatMap(([a, list]) => list.map((p) => ({ series: a, date: date(p.numerator_vintage!), value: p.value! }))),
      ...trend.totals.filter((x) => x.value !== null).map((x) => ({ series: '__group', date: date(x.numerator_vintage!), value: x.value! })),
    ];
    const title = top
      ? t('trends.overTimeLargestRise', { labelLabel: pick(lang, spec.label), area: name(top.area), c: changeText(top.c, spec, lang) })
      : t('trends.labelOverTime', { labelLabel: pick(lang, spec.label) });
    chart = {
      title,
      svg: renderChart(trendLines(points, { highlight: top?.area ?? '', reference: '__group', format: (v) => formatValue(v, spec, lang, false) }), { label: title }),
      unit: pick(lang, spec.unit),
      note: t('trends.boldLineLargestRise', { value: top ? name(top.area) : '', wholeName: info.wholeName }),
    };
  }
  return {
    chart,
    heading: t('trends.changeSince', { vintageText: vintageText(trend.vintages[0]!, lang) }),
    table: {
      caption: large
        ? t('trends.20LargestRises20', { labelLabel: pick(lang, spec.label) })
        : t('trends.changeAreaLargestIncrease', { labelLabel: pick(lang, spec.label) }),
      head: [t('common.area'), t('trends.first'), t('trends.latest'), t('trends.change'), t('trends.rankChange')],
      rows: listed.map(({ area, c }) => [name(area), formatValue(c.first.value, spec, lang, false), formatValue(c.last.value, spec, lang, false), changeText(c, spec, lang), c.first.rank != null && c.last.rank != null ? `${c.first.rank} → ${c.last.rank}` : '—']),
      numeric: [false, true, true, true, true],
    },
    earlier,
  };
}
