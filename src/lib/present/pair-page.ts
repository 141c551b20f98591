/** Two wards of one city side by side: every measure for both and for the city. */
import { pairRatios } from '../../charts/pair-ratios.ts';
import { renderChart } from '../../charts/render.ts';
import { select } from '../dataset.ts';
import { formatNumber } from '../format.ts';
import { pick, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { areaMetrics, areaName, groupInfo, groupOfArea, type GroupInfo } from './groups.ts';
import { asWritten, type ChartText } from './furigana-site.ts';
import { formatValue } from './metric-text.ts';
import { openedText } from './record-text.ts';
import { sourceText } from './sources.ts';
import { metricTables, sourceOrNote, vintageDates } from './views.ts';
import { translator } from '../i18n/translate.ts';

/** Every pair of wards within each city, once. */
export function wardPairs(site: SiteData): [string, string][] {
  return site.derived.cityMetrics
    .map((c) => c.city_code)
    .filter((c, i, all) => all.indexOf(c) === i)
    .flatMap((city) => {
      const wards = groupInfo(site, city, 'ja').members;
      return wards.flatMap((a, i) => wards.slice(i + 1).map((b) => [a, b] as [string, string]));
    });
}

/** `chartText` writes the chart's own labels in the edition's chart text (furigana-site.ts). */
export function pairPage(site: SiteData, a: string, b: string, lang: Lang, chartText: ChartText = asWritten) {
  const t = translator(lang);
  const info = groupInfo(site, groupOfArea(site.tables, a), lang);
  const nameA = areaName(site.tables, a, lang);
  const nameB = areaName(site.tables, b, lang);
  const mb = areaMetrics(site, b);
  const rows = areaMetrics(site, a).map(({ spec, value }) => [pick(lang, spec.label), formatValue(value.value, spec, lang), formatValue(mb.find((m) => m.spec.id === spec.id)?.value.value ?? null, spec, lang), formatValue(value.city_value, spec, lang)]);
  const hub = (code: string) => {
    const row = select(site.tables, 'hubs', { area_code: code })[0]?.row;
    return row ? openedText(row, lang) : '—';
  };
  if (select(site.tables, 'hubs', { area_code: a }).length + select(site.tables, 'hubs', { area_code: b }).length > 0) rows.push([t('pair.hubOpened'), hub(a), hub(b), '']);
  const title = t('pair.sideSide', { nameA, nameB });
  return { title, nameA, nameB, chart: pairChart(site, a, b, info, lang, chartText), table: { caption: title, head: [t('common.measure'), nameA, nameB, info.wholeName], rows, numeric: [false, true, true, true] } };
}

/**
 * The two areas' rates, each over the group's rate (derive/ward-metrics.ts: `ratio_to_city`, the
 * same value and group value the table prints). Counts are left out: a count's size follows the
 * area's population, so two areas' counts over the group's mean would compare populations. A
 * measure neither area has a comparable figure for is left out; one area without a figure shows
 * "no data", never zero. Null when no rate has a figure for either area.
 */
function pairChart(site: SiteData, a: string, b: string, info: GroupInfo, lang: Lang, chartText: ChartText) {
  const t = translator(lang);
  const nameA = areaName(site.tables, a, lang);
  const nameB = areaName(site.tables, b, lang);
  const mb = new Map(areaMetrics(site, b).map((m) => [m.spec.id, m.value]));
  const measures = areaMetrics(site, a).flatMap(({ spec, value }) => {
    const other = mb.get(spec.id);
    if (!spec.denominator || value.city_value === null || !other) return [];
    if (value.ratio_to_city === null && other.ratio_to_city === null) return [];
    // A figure of another date than the city's (or in a group too small to compare) has no multiple: it says so, not "no data".
    const missing = [value, other].map((w) => (w.value !== null && w.ratio_to_city === null ? t('pair.notCompared') : undefined)) as [string | undefined, string | undefined];
    return [{ spec, a: value.ratio_to_city, b: other.ratio_to_city, city: value, missing }];
  });
  if (measures.length === 0) return null;
  const both = measures.filter((m) => m.a !== null && m.b !== null);
  const aHigher = both.filter((m) => m.a! > m.b!).length;
  const bHigher = both.filter((m) => m.b! > m.a!).length;
  const title = aHigher === bHigher
    ? t('pair.chartTitleEven', { nameA, nameB, n: both.length, k: aHigher })
    : t('pair.chartTitle', { higher: aHigher > bHigher ? nameA : nameB, lower: aHigher > bHigher ? nameB : nameA, n: both.length, k: Math.max(aHigher, bHigher) });
  const ratio = (v: number) => formatNumber(v, 2, lang);
  const noData = t('common.noData');
  const reference = t('pair.reference', { wholeName: info.wholeName });
  const svg = renderChart(
    pairRatios(
      measures.map((m) => ({ label: chartText(pick(lang, m.spec.label)), a: m.a, b: m.b, missing: m.missing.map((x) => (x === undefined ? x : chartText(x))) as [string | undefined, string | undefined] })),
      { names: [chartText(nameA), chartText(nameB)], reference: chartText(reference), format: ratio, noData: chartText(noData) },
    ),
    { label: `${title}${t('common.sentenceEnd')}${reference}` },
  );
  const tables = [...new Set(measures.flatMap((m) => metricTables(m.spec)))];
  const dates = [...new Set(measures.flatMap((m) => vintageDates(m.city)))];
  return {
    id: 'pair-chart',
    title,
    svg,
    tables,
    unit: t('pair.unit', { wholeName: info.wholeName }),
    note: t('pair.note', { wholeName: info.wholeName, nameA, nameB }),
    source: sourceOrNote(sourceText(site.tables, tables, lang, dates), lang),
    table: {
      caption: title,
      head: [t('common.measure'), nameA, nameB],
      rows: measures.map((m) => [pick(lang, m.spec.label), m.a === null ? (m.missing[0] ?? noData) : ratio(m.a), m.b === null ? (m.missing[1] ?? noData) : ratio(m.b)]),
      numeric: [false, true, true],
    },
  };
}
