/**
 * A metric over time within one group, from the derived series: each vintage's value for every
 * area and for the group, the change over the period (absolute and in percent, 増減率) and rank
 * moves. Only where the group has more than one vintage: one vintage draws no trend.
 */
import { trendLines } from '../../charts/trend-lines.ts';
import { renderChart } from '../../charts/render.ts';
import type { MetricSpec } from '../derive/metric-spec.ts';
import type { CityMetricValue, WardMetricValue } from '../derive/ward-metrics.ts';
import { formatNumber } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { areaName, groupInfo } from './groups.ts';
import { formatValue } from './metric-text.ts';
import { anchorOf, byKey, memo, vintageText } from './views.ts';

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
  const at = sorted.findIndex(([a]) => a === code);
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
const dated = (text: string, vintage: string | null, lang: Lang) => (lang === 'ja' ? `${text}（${vintageText(vintage, lang)}）` : `${text} (${vintageText(vintage, lang)})`);

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
  return pct ? (lang === 'ja' ? `${abs}（${pct}）` : `${abs} (${pct})`) : abs;
}

/** The area page's trend: its headline metric drawn against its group, and every metric's change in a table. */
export function areaTrends(site: SiteData, code: string, group: string, metricIds: readonly string[], chartMetric: string | null, lang: Lang) {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const info = groupInfo(site, group, lang);
  const name = areaName(site.tables, code, lang);
  const rows: string[][] = [];
  for (const id of metricIds) {
    const trend = trendOf(site, id, group);
    const mine = trend?.byArea.get(code);
    const c = mine ? change(mine) : null;
    if (!trend || !c) continue;
    rows.push([
      trend.spec.label[lang],
      dated(formatValue(c.first.value, trend.spec, lang), c.first.numerator_vintage, lang),
      dated(formatValue(c.last.value, trend.spec, lang), c.last.numerator_vintage, lang),
      changeText(c, trend.spec, lang),
      c.first.rank != null && c.last.rank != null ? (c.first.rank === c.last.rank ? t(`${c.last.rank}位のまま`, `${c.last.rank} (no change)`) : `${c.first.rank} → ${c.last.rank}`) : '—',
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
    const direction = c.diff > 0 ? t('増えました', 'rose') : c.diff < 0 ? t('減りました', 'fell') : t('変わりませんでした', 'did not change');
    const title = t(
      `${name}の${spec.label.ja}は、${vintageText(c.first.numerator_vintage, 'ja')}の${formatValue(c.first.value, spec, 'ja')}から${vintageText(c.last.numerator_vintage, 'ja')}の${formatValue(c.last.value, spec, 'ja')}へ${direction}（${changeText(c, spec, 'ja')}）`,
      `${name}: ${spec.label.en} ${direction} from ${formatValue(c.first.value, spec, 'en')} (${vintageText(c.first.numerator_vintage, 'en')}) to ${formatValue(c.last.value, spec, 'en')} (${vintageText(c.last.numerator_vintage, 'en')}), ${changeText(c, spec, 'en')}`,
    );
    const format = (v: number) => formatValue(v, spec, lang, false);
    // The lines carry no names and the same figures in every language: drawn once per area.
    const reuse = `trend|${spec.id}|${group}|${code}|${points.map((p) => `${p.series}@${p.date.getTime()}=${p.value}`).join(',')}|${mine.map((p) => format(p.value!)).join(',')}`;
    const svg = renderChart(trendLines(points, { highlight: code, reference: '__group', format }), { label: title, reuse });
    chart = {
      id: `${anchorOf(spec.id)}-trend`,
      title,
      svg,
      unit: spec.unit[lang],
      note: t(`太い線が${name}、点線が${info.wholeName}、細い灰色の線が${behind.length < trend.byArea.size - 1 ? `値の近いほかの${behind.length}地域` : 'ほかの地域'}です。`, `Bold line: ${name}; dotted: ${info.wholeName}; thin grey: ${behind.length < trend.byArea.size - 1 ? `the ${behind.length} other areas nearest in value` : 'the other areas'}.`),
      table: {
        caption: t(`${name}と${info.wholeName}の${spec.label.ja}の推移`, `${spec.label.en} over time: ${name} and ${info.wholeName}`),
        head: [t('時点', 'As of'), name, info.wholeName, t('順位', 'Rank')],
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
      ? { caption: t(`${name}の指標の変化`, `How ${name}'s measures changed`), head: [t('指標', 'Measure'), t('はじめ', 'First'), t('最新', 'Latest'), t('増減（増減率）', 'Change (%)'), t('順位の変化', 'Rank change')], rows, numeric: [false, true, true, true, true] }
      : null,
  };
}

/** The comparison page's trend: every area's first and latest value, change and rank move, and each earlier vintage's figures. */
export function groupTrend(site: SiteData, metricId: string, group: string, lang: Lang) {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
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
    heading: t(`${vintageText(tot.numerator_vintage, 'ja')}時点`, `As of ${vintageText(tot.numerator_vintage, 'en')}`),
    table: {
      caption: t(`${spec.label.ja}（${vintageText(tot.numerator_vintage, 'ja')}時点）`, `${spec.label.en}, as of ${vintageText(tot.numerator_vintage, 'en')}`),
      head: [t('地域', 'Area'), spec.unit[lang], t('順位', 'Rank')],
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
      ? t(`${spec.label.ja}の推移：最も増えたのは${name(top.area)}（${changeText(top.c, spec, 'ja')}）`, `${spec.label.en} over time: the largest rise was in ${name(top.area)} (${changeText(top.c, spec, 'en')})`)
      : t(`${spec.label.ja}の推移`, `${spec.label.en} over time`);
    chart = {
      title,
      svg: renderChart(trendLines(points, { highlight: top?.area ?? '', reference: '__group', format: (v) => formatValue(v, spec, lang, false) }), { label: title }),
      unit: spec.unit[lang],
      note: t(`太い線が${top ? name(top.area) : ''}（最も増えた地域）、点線が${info.wholeName}、細い灰色の線がほかの地域です。`, `Bold line: ${top ? name(top.area) : ''} (the largest rise); dotted: ${info.wholeName}; thin grey: the other areas.`),
    };
  }
  return {
    chart,
    heading: t(`${vintageText(trend.vintages[0]!, 'ja')}からの変化`, `Change since ${vintageText(trend.vintages[0]!, 'en')}`),
    table: {
      caption: large
        ? t(`${spec.label.ja}の変化（最も増えた20地域と最も減った20地域）`, `${spec.label.en}: the 20 largest rises and the 20 largest falls`)
        : t(`${spec.label.ja}の変化（地域別、増えた順）`, `${spec.label.en}: change by area, largest increase first`),
      head: [t('地域', 'Area'), t('はじめ', 'First'), t('最新', 'Latest'), t('増減（増減率）', 'Change (%)'), t('順位の変化', 'Rank change')],
      rows: listed.map(({ area, c }) => [name(area), formatValue(c.first.value, spec, lang, false), formatValue(c.last.value, spec, lang, false), changeText(c, spec, lang), c.first.rank != null && c.last.rank != null ? `${c.first.rank} → ${c.last.rank}` : '—']),
      numeric: [false, true, true, true, true],
    },
    earlier,
  };
}
