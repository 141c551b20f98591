/**
 * The page of one area, built by one template for a ward, a city and a municipality: a summary in
 * sentences, the headline metric charted among its own group, every metric against the group with
 * its rank, and the sections its tables feed (hub, hospitals, surveys, events, programmes, wards).
 */
import { categoryBars } from '../../charts/category-bars.ts';
import { rankedBars } from '../../charts/ranked-bars.ts';
import { renderChart } from '../../charts/render.ts';
import { select } from '../dataset.ts';
import type { MetricSpec } from '../schema/metric-spec.ts';
import type { WardMetricValue } from '../derive/ward-metrics.ts';
import { formatNumber, formatPeriod } from '../format.ts';
import { local, pick, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import type { Row } from '../validate/validate-table.ts';
import { areaInfo, areaMetrics, groupInfo, groupOfArea, metricView, shortName } from './groups.ts';
import { formatValue, markedName, rankText, valueCell, wardSentence } from './metric-text.ts';
import { attendanceText, countText, openedText } from './record-text.ts';
import { sourceText } from './sources.ts';
import { ageText, anchorOf, memo, metricTables, sourceOrNote, vintageDates, vintageText } from './views.ts';
import { comparePage, MAX_BARS } from './compare-page.ts';
import { DISAGREEMENT_MARK, disagreementOf, disagreementsIn } from './disagreements.ts';
import { areaTrends } from './trends.ts';
import { areaMapChart } from './area-map.ts';
import { peerStanding } from './peers.ts';
import { translator, translate } from '../i18n/translate.ts';

/** Around an area in a large group, the chart shows this many ranks either side. */
const WINDOW = 7;

export function areaPage(site: SiteData, code: string, lang: Lang) {
  const t = translator(lang);
  const area = areaInfo(site.tables, code);
  const name = area?.name[lang] ?? code;
  const group = groupOfArea(site.tables, code);
  const info = groupInfo(site, group, lang);
  const parentName = area?.parent ? (areaInfo(site.tables, area.parent)?.name[lang] ?? area.parent) : null;
  const metrics = areaMetrics(site, code);
  const withValue = metrics.filter((m) => m.value.value !== null);

  // A sentence compares the area with its group only where the group sums more than this area.
  const comparable = (id: string) => (metricView(site, id, lang, group)?.total.wards ?? 0) > 1;
  const summary = site.config.summaryMetrics.flatMap((id) => {
    const m = withValue.find((x) => x.spec.id === id);
    if (!m || !comparable(id)) return [];
    const d = disagreementOf(site, m.spec, m.value);
    const printed = d ? formatNumber(d.finding.printed, Math.max(m.spec.digits, String(d.finding.printed).split('.')[1]?.length ?? 0), lang) : '';
    // Where the source printed the figure otherwise, the sentence says so beside the recomputed value.
    const sentence = wardSentence(m.spec, m.value, lang, info.wholeName);
    if (!d) return [sentence];
    const pct = pick(lang, m.spec.unit) === '%' ? '%' : '';
    return [sentence.replace(/[。.]$/, '') + t('area.printedAsSource', { disagreementMark: DISAGREEMENT_MARK, printed, pct })];
  });
  // The configured headline, or the first metric this area has, so every area page has its chart.
  const headline = withValue.find((m) => m.spec.id === site.config.headlineMetric) ?? withValue.find((m) => m.spec.denominator) ?? withValue[0] ?? null;
  // A city with wards leads with its wards compared on the headline metric; any other area with its
  // own standing in its group.
  const wardsView = site.derived.cityMetrics.some((c) => c.city_code === code && c.metric_id === site.config.headlineMetric) ? comparePage(site, code, site.config.headlineMetric, lang) : null;
  const chart = wardsView?.chart
    ? {
        id: anchorOf(site.config.headlineMetric), title: wardsView.chart.title, svg: wardsView.chart.svg, unit: wardsView.chart.unit, tables: wardsView.chart.tables, source: wardsView.chart.source, partial: false,
        // The chart's own figures (ward, value, rank); the comparison page has the full table.
        table: { ...wardsView.table, head: wardsView.table.head.slice(0, 3), rows: wardsView.table.rows.map((r) => r.slice(0, 3)), numeric: wardsView.table.numeric.slice(0, 3) },
      }
    : headline ? headlineChart(site, code, name, headline, group, info, lang) : null;

  // The group on a map, this area outlined: a city's page shows its wards' map.
  const map = wardsView ? wardsView.boundaryMap : headline ? areaMapChart(site, group, headline.spec.id, lang, code) : null;

  const head = [t('common.measure'), t('common.thisArea'), info.wholeName, t('common.rank'), t('common.ratioWhole'), t('common.asOf')];
  const disagreements = disagreementsIn(site, metrics.map(({ spec, value }) => ({ spec, w: value })), lang);
  const rows = metrics.map(({ spec, value: w }) => [
    pick(lang, spec.label),
    valueCell(w, spec, lang, true) + (disagreements.has(spec.id, code) ? ` ${DISAGREEMENT_MARK}` : ''),
    formatValue(w.city_value, spec, lang),
    rankText(w, lang),
    w.ratio_to_city === null || w.off_vintage ? '—' : formatNumber(w.ratio_to_city, 2, lang),
    (w.numerator_vintage ? vintageText(w.numerator_vintage, lang) : '—') +
      (w.vintages_differ && w.denominator_vintage ? t('area.denominator', { denominatorVintage: vintageText(w.denominator_vintage, lang) }) : ''),
  ]);
  const ends = withValue.flatMap((m) => [m.value.numerator_vintage, m.value.denominator_vintage]).filter((v): v is string => !!v).map((v) => v.split('/').at(-1)!).sort();
  const age = ageText(ends, lang, t('area.figuresThisPageDescribe'));

  const wards = info.wards ? [] : select(site.tables, 'areas', { parent_code: code }).map((r) => ({ code: String(r.row.area_code), name: local(lang, r.row, 'name') }));
  const pairs = info.wards ? info.members.filter((m) => m !== code).map((other) => ({ code: other, name: areaInfo(site.tables, other)?.name[lang] ?? other, path: code < other ? `wards/${code}/vs/${other}/` : `wards/${other}/vs/${code}/` })) : [];

  const peers = info.wards ? null : peerStanding(site, code, [...new Set([...(headline ? [headline.spec.id] : []), ...site.config.summaryMetrics])], lang);
  const trends = areaTrends(site, code, group, metrics.map((m) => m.spec.id), headline?.spec.id ?? null, lang);
  return {
    name,
    parentName,
    trends,
    peers,
    group: info,
    description: summary[0] ?? name,
    summary,
    age,
    chart,
    map,
    disagreements: disagreements.summary,
    table: metrics.length ? { caption: t('area.tableCaption', { name, wholeName: info.wholeName }), head, rows, numeric: [false, true, true, true, true, false] } : null,
    failMessage: withValue.length ? null : t('area.dataHasNoFigures'),
    hub: hubSection(site, code, lang),
    hospitals: hospitalSection(site, code, lang),
    surveys: surveySection(site, code, lang),
    events: eventSection(site, code, lang),
    programmes: select(site.tables, 'programmes', { area_code: code }).length,
    wards,
    pairs,
  };
}

type Info = ReturnType<typeof groupInfo>;

function headlineChart(site: SiteData, code: string, name: string, m: { spec: MetricSpec; value: WardMetricValue }, group: string, info: Info, lang: Lang) {
  const t = translator(lang);
  const view = metricView(site, m.spec.id, lang, group)!;
  const { spec, value: w } = m;
  const v = formatValue(w.value, spec, lang);
  const label = pick(lang, spec.label);
  const standing = w.rank !== null && w.rank_of <= 1
    ? t('area.noOtherAreaCompare')
    : w.rank !== null
    ? t('area.rankAmong', { rankOf: w.rank_of, counter: info.memberNoun.counter, rank: w.rank })
    : w.off_vintage
      ? t('area.notRankedAnotherDate')
      : t('area.notRankedSmallCount');
  const title = t('area.headlineTitle', { name, label, v, standing });
  const isCount = !spec.denominator;
  const reference = isCount ? view.total.mean : view.total.value;
  const refLabel = isCount ? t('common.mean', { mean: formatValue(view.total.mean, spec, lang, false) }) : `${info.wholeName} ${formatValue(view.total.value, spec, lang, false)}`;
  // A large group shows the ranks around the area; a small one shows every member.
  const ranked = memo(view, 'ranked', () => view.areas.filter((a) => a.rank !== null).sort((a, b) => a.rank! - b.rank!));
  let shown = view.areas;
  if (view.areas.length > MAX_BARS) {
    const at = ranked.findIndex((a) => a.area_code === code);
    const from = Math.max(0, (at < 0 ? 0 : at) - WINDOW);
    shown = ranked.slice(from, from + 2 * WINDOW + 1);
    if (!shown.some((a) => a.area_code === code)) shown = [...shown, view.areas.find((a) => a.area_code === code)!];
  }
  const svg = renderChart(
    rankedBars(shown.map((a) => ({ label: markedName(a), value: a.value, highlight: a.area_code === code })), {
      reference: reference === null ? undefined : { value: reference, label: refLabel },
      format: (x) => formatValue(x, spec, lang, false),
      noData: t('common.noData'),
    }),
    { label: `${title}${t('common.sentenceEnd')}${refLabel}` },
  );
  const table = {
    caption: title,
    head: [info.wards ? t('common.ward') : t('common.municipality'), pick(lang, spec.unit), t('common.rank')],
    rows: [...ranked, ...view.areas.filter((a) => a.rank === null)].filter((a) => shown.includes(a)).map((a) => [a.name, valueCell(a, spec, lang), rankText(a, lang)]),
    numeric: [false, true, true],
  };
  return { id: anchorOf(spec.id), title, svg, unit: pick(lang, spec.unit), tables: metricTables(spec), source: sourceOrNote(sourceText(site.tables, metricTables(spec), lang, vintageDates(view.total)), lang), table, partial: shown.length < view.areas.length };
}

function hubSection(site: SiteData, code: string, lang: Lang) {
  const t = translator(lang);
  const hub = select(site.tables, 'hubs', { area_code: code })[0]?.row ?? null;
  const periods = select(site.tables, 'hub_throughput', { area_code: code }).map((r) => r.row).sort((a, b) => String(b.period_end).localeCompare(String(a.period_end)) || String(b.period_start).localeCompare(String(a.period_start)));
  // The latest period that is not a full-year restatement of another: the newest end, the shortest span.
  const period = periods[0] ?? null;
  if (!hub && !period) return null;
  const n = (v: unknown) => (v == null ? '—' : formatNumber(Number(v), 0, lang));
  return {
    opened: hub ? openedText(hub, lang) : null,
    place: hub ? (hub.location_ja ? String(hub.location_ja) : t('area.notGivenDocuments')) : null,
    throughput: period
      ? {
          caption: t('area.hubResults', { formatPeriod: formatPeriod(String(period.period_start), String(period.period_end), lang) }),
          rows: [
            [t('area.monthsOperation'), n(period.months_active)],
            [t('area.newClients'), period.new_clients == null ? t('area.notOperation') : n(period.new_clients)],
            [t('area.continuingClients'), n(period.continuing_clients)],
            [t('area.supportActions'), n(period.support_actions)],
          ],
        }
      : null,
  };
}

function hospitalSection(site: SiteData, code: string, lang: Lang) {
  const agreements = select(site.tables, 'emergency_hospitals', { area_code: code }).map((r) => r.row);
  if (agreements.length === 0) return null;
  // The newest document's list is shown; older ones are in the data tables.
  const newest = agreements.map((r) => String(r.as_of)).sort().at(-1)!;
  const current = agreements.filter((r) => String(r.as_of) === newest);
  const roles = [...new Set(current.map((r) => String(r.role)))].sort().reverse();
  return {
    roles: roles.map((role) => ({ name: roleName(role, lang), hospitals: current.filter((r) => r.role === role).map((r) => String(r.hospital_name_printed)) })).filter((r) => r.hospitals.length > 0),
    source: sourceText(site.tables, ['emergency_hospitals'], lang) || String(current[0]?.source_document ?? ''),
    asOf: vintageText(newest, lang),
  };
}

function surveySection(site: SiteData, code: string, lang: Lang) {
  const t = translator(lang);
  const surveys = select(site.tables, 'surveys', { area_code: code }).map((r) => r.row);
  if (surveys.length === 0) return null;
  const ids = new Set(surveys.map((s) => String(s.survey_id)));
  const results = select(site.tables, 'survey_results').map((r) => r.row).filter((r) => ids.has(String(r.survey_id)));
  const n = (v: unknown) => countText(v, lang);
  return {
    surveys: {
      caption: t('area.responsesResponseRates'),
      head: [t('area.survey'), t('area.sent'), t('area.responses'), t('area.responseRatePrinted')],
      rows: surveys.map((s) => [local(lang, s, 'title'), n(s.population), n(s.responses), s.response_rate_printed_pct == null ? '—' : `${n(s.response_rate_printed_pct)}%`]),
      numeric: [false, true, true, true],
    },
    results: results.length
      ? {
          caption: t('area.surveyAnswersWhoseFigures'),
          head: [t('area.question'), t('area.answer'), t('common.count'), t('area.sharePrinted')],
          rows: results.map((r) => [r.question_no === 'summary' ? t('area.homeVisitPractice') : `Q${String(r.question_no)}`, local(lang, r, 'answer'), n(r.count), r.share_printed_pct == null ? '—' : `${n(r.share_printed_pct)}%`]),
          numeric: [false, false, true, true],
        }
      : null,
    source: sourceText(site.tables, ['surveys'], lang),
  };
}

function eventSection(site: SiteData, code: string, lang: Lang) {
  const t = translator(lang);
  const events: Row[] = select(site.tables, 'events', { area_code: code }).map((r) => r.row).sort((a, b) => String(a.period_start).localeCompare(String(b.period_start)));
  if (events.length === 0) return null;
  const name = (e: Row) => local(lang, e, 'name');
  const period = (e: Row) => (e.period_start && e.period_end ? formatPeriod(String(e.period_start), String(e.period_end), lang) : '');
  // An event held in several periods is told apart by its period, in the chart as in the table.
  const repeated = new Set(events.map(name).filter((n, i, all) => all.indexOf(n) !== i));
  const label = (e: Row) => (repeated.has(name(e)) ? `${name(e)}${translate(lang, 'area.eventPeriod', { e: period(e) })}` : name(e));
  const attended = events.filter((e) => typeof e.attendance === 'number').sort((a, b) => Number(b.attendance) - Number(a.attendance));
  const top = attended[0];
  const title = top
    ? t('area.bestAttendedPeople', { top: label(top), top2: attendanceText(top, lang) })
    : t('area.trainingsLectures');
  const svg = attended.length
    ? renderChart(categoryBars(attended.map((e) => ({ label: label(e), value: Number(e.attendance) })), (v) => formatNumber(v, 0, lang)), { label: title })
    : null;
  const ends = events.map((e) => String(e.period_end)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  return {
    title,
    svg,
    source: sourceText(site.tables, ['events'], lang, ends) || sourceText(site.tables, ['events'], lang),
    table: {
      caption: t('area.everyTrainingLectureSessions'),
      head: [t('common.period'), t('common.name'), t('common.sessions'), t('area.attendance')],
      rows: events.map((e) => [period(e) || '—', name(e), countText(e.sessions, lang), attendanceText(e, lang)]),
      numeric: [false, false, true, true],
    },
  };
}

/** A hospital's role in the admission agreements, in words. */
export const roleName = (role: string, lang: Lang) =>
  role === 'acute'
    ?translate(lang, 'area.acuteMainlyNight')
    :translate(lang, 'area.temporaryAdmissionMainlyDaytime');
