/**
 * The hubs of each city that has them: when each opened, clients per month of operation in the
 * latest period, who consulted and about what, and the meetings and trainings held.
 */
import { categoryBars } from '../../charts/category-bars.ts';
import { rankedBars } from '../../charts/ranked-bars.ts';
import { renderChart } from '../../charts/render.ts';
import { select } from '../dataset.ts';
import { formatNumber, formatPeriod } from '../format.ts';
import { local, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { areaName, groupInfo, metricView, shortName } from './groups.ts';
import { asWritten, type ChartText } from './furigana-site.ts';
import { formatValue } from './metric-text.ts';
import { attendanceText, countText, openedText, printedOnce } from './record-text.ts';
import { sourceText } from './sources.ts';
import { translator, translate } from '../i18n/translate.ts';

/** The metric the hubs' per-month chart shows, when the metrics declare it. */
const PER_MONTH = 'hub_new_clients_per_month';

export function hubCities(site: SiteData): string[] {
  const parents = new Set(select(site.tables, 'hubs').map((r) => select(site.tables, 'areas', { area_code: String(r.row.area_code) })[0]?.row.parent_code).filter(Boolean).map(String));
  return [...parents].sort();
}

/** `chartText` writes the charts' own labels in the edition's chart text (furigana-site.ts). */
export function hubsSection(site: SiteData, city: string, lang: Lang, chartText: ChartText = asWritten) {
  const t = translator(lang);
  const info = groupInfo(site, city, lang);
  const cityName = areaName(site.tables, city, lang);
  const name = (code: unknown) => areaName(site.tables, String(code), lang);
  const members = new Set(info.members);
  const hubs = select(site.tables, 'hubs').map((r) => r.row).filter((h) => members.has(String(h.area_code))).sort((a, b) => String(a.opened_on).localeCompare(String(b.opened_on)));
  const opened = hubs.filter((h) => h.opened_on);
  const first = opened[0];
  const last = opened.at(-1);
  const lead = first && last
    ? t('hubs.sHomeCareCoordination', { cityName, first: openedText(first, lang), areaCode: name(first.area_code), last: openedText(last, lang), length: info.members.length, length2: opened.length })
    : '';

  // The latest period of the wards' throughput.
  const periods = select(site.tables, 'hub_throughput').map((r) => r.row).filter((r) => members.has(String(r.area_code)));
  const latestEnd = periods.map((r) => String(r.period_end)).sort().at(-1);
  const inPeriod = periods.filter((r) => String(r.period_end) === latestEnd);
  const periodStart = inPeriod.map((r) => String(r.period_start)).sort()[0];
  const periodText = latestEnd && periodStart ? formatPeriod(periodStart, latestEnd, lang) : '';
  const total = select(site.tables, 'hub_throughput', { area_code: city }).map((r) => r.row).find((r) => String(r.period_end) === latestEnd && String(r.period_start) === periodStart);
  const n = (v: unknown) => countText(v, lang);

  const perMonth = metricView(site, PER_MONTH, lang, city);
  let chart = null;
  if (perMonth && perMonth.total.value !== null) {
    const top = perMonth.areas.filter((w) => w.rank === 1);
    const title = t('hubs.newClientsPerMonth', { names: top.map((w) => w.name).join(t('list.short')), formatValue: formatValue(top[0]?.value ?? null, perMonth.spec, lang), wholeName: info.wholeName, value: formatValue(perMonth.total.value, perMonth.spec, lang) });
    const svg = renderChart(
      rankedBars(perMonth.areas.map((w) => ({ label: chartText(shortName(w.name)), value: w.value })), { reference: { value: perMonth.total.value, label: chartText(`${info.wholeName} ${formatNumber(perMonth.total.value, 1, lang)}`) }, format: (v) => formatNumber(v, 1, lang), noData: chartText(t('hubs.notOpen')) }),
      { label: title },
    );
    const idle = perMonth.areas.filter((w) => w.value === null).map((w) => w.name);
    chart = {
      title, svg,
      note: t('hubs.hubsOpenedDifferentTimes', { idle: idle.length ? t('hubs.idle', { names: idle.join(t('list.and')) }) : '' }),
      source: sourceText(site.tables, ['hub_throughput'], lang, latestEnd ? [latestEnd] : undefined),
    };
  }
  const throughputTable = {
    caption: t('hubs.hubResultsWard', { periodText }),
    head: [t('common.ward'), t('hubs.months'), t('hubs.newClients'), t('hubs.perMonthPrinted'), t('hubs.continuing'), t('hubs.supportActions'), t('hubs.perMonthPrinted')],
    rows: [...inPeriod.filter((r) => String(r.period_start) === periodStart).sort((a, b) => String(a.area_code).localeCompare(String(b.area_code))), ...(total ? [total] : [])].map((r) => [r === total ? info.wholeName : name(r.area_code), n(r.months_active), n(r.new_clients), n(r.new_clients_per_month_printed), n(r.continuing_clients), n(r.support_actions), n(r.support_actions_per_month_printed)]),
    numeric: [false, true, true, true, true, true, true],
  };

  const breakdowns = (['consultation_sources', 'support_contents'] as const).flatMap((breakdown) => {
    const rows = site.derived.categoryShares.filter((s) => s.breakdown === breakdown && s.area_code === city).sort((a, b) => b.count - a.count);
    const top = rows[0];
    if (!top) return [];
    const kind = breakdown === 'consultation_sources' ? 'hubs.sources' : 'hubs.contents';
    const title = t('hubs.mostOften', { heading: t(`${kind}.heading`), label: local(lang, top, 'label'), sharePct: formatNumber(top.share_pct, 0, lang) });
    const svg = renderChart(categoryBars(rows.map((r) => ({ label: chartText(local(lang, r, 'label')), value: r.count })), (v) => translate(lang, 'hubs.countShare', { v: formatNumber(v, 0, lang), formatNumber: formatNumber((v / top.total) * 100, 0, lang) })), { label: title });
    const note = breakdown === 'consultation_sources'
      ? t('hubs.newContinuingClients', { total: formatNumber(top.total, 0, lang), wholeName: info.wholeName })
      : t('hubs.oneSupportActionCan', { total: formatNumber(top.total, 0, lang) });
    return [{
      id: breakdown, title, svg, note, unit: t(`${kind}.unit`), source: sourceText(site.tables, [breakdown], lang),
      table: { caption: title, head: [breakdown === 'consultation_sources' ? t('hubs.source') : t('hubs.topic'), t('hubs.count'), t('hubs.share')], rows: rows.map((r) => [local(lang, r, 'label'), formatNumber(r.count, 0, lang), formatNumber(r.share_pct, 1, lang)]), numeric: [false, true, true] },
    }];
  });

  const rows = select(site.tables, 'events', { area_code: city }).map((r) => r.row).sort((a, b) => String(a.period_start).localeCompare(String(b.period_start)));
  // One set of events a document prints twice under two names is one row carrying both, as on the area pages.
  const { events, alsoNamed } = printedOnce(rows);
  const eventName = (e: (typeof rows)[number]) => [e, ...(alsoNamed.get(e) ?? [])].map((x) => local(lang, x, 'name')).join(t('area.alsoNamed'));
  const twice = [...alsoNamed].map(([e, others]) => t('area.printedTwice', { names: [e, ...others].map((x) => `「${local(lang, x, 'name')}」`).join(t('list.short')), sessions: countText(e.sessions, lang), attendance: attendanceText(e, lang) }));
  return {
    city, cityName, lead, periodText, chart, throughputTable, breakdowns,
    hubs: { caption: t('hubs.hubOpeningDatePlace'), head: [t('common.ward'), t('common.opened'), t('common.place')], rows: hubs.map((h) => [name(h.area_code), openedText(h, lang), local(lang, h, 'location') || t('hubs.notGiven')]), numeric: [false, false, false] },
    hubsSource: sourceText(site.tables, ['hubs'], lang),
    events: events.length ? {
      caption: t('hubs.meetingsTrainingsHeldHubs', { cityName }),
      head: [t('common.period'), t('common.name'), t('common.sessions'), t('hubs.attendance')],
      rows: events.map((e) => [formatPeriod(String(e.period_start), String(e.period_end), lang), eventName(e), n(e.sessions), attendanceText(e, lang)]),
      numeric: [false, false, true, true],
      source: sourceText(site.tables, ['events'], lang),
      note: twice.join(' ') || undefined,
    } : null,
  };
}
