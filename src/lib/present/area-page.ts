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
import { formatNumber, formatPeriod, formatYearMonth } from '../format.ts';
import { local, pick, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import type { Row } from '../validate/validate-table.ts';
import { areaInfo, areaMetrics, groupInfo, groupOfArea, metricView, shortName } from './groups.ts';
import { asWritten, type ChartText } from './furigana-site.ts';
import { comparedWithWhole, comparisonText, formatValue, markedName, markNotes, rankText, valueCell, wardSentence } from './metric-text.ts';
import { attendanceText, countText, openedText, printedOnce } from './record-text.ts';
import { sourceText } from './sources.ts';
import { ageText, anchorOf, memo, metricTables, sourceOrNote, vintageDates, vintageText } from './views.ts';
import { comparePage, MAX_BARS } from './compare-page.ts';
import { DISAGREEMENT_MARK, disagreementOf, disagreementsIn } from './disagreements.ts';
import { areaTrends, trendOf } from './trends.ts';
import { MIN_COMPARED } from '../derive/ward-metrics.ts';
import { areaMapChart } from './area-map.ts';
import { peerStanding } from './peers.ts';
import { translator, translate } from '../i18n/translate.ts';

/** Around an area in a large group, the chart shows this many ranks either side. */
const WINDOW = 7;

/** `chartText` writes the charts' own labels in the edition's chart text (furigana-site.ts). */
export function areaPage(site: SiteData, code: string, lang: Lang, chartText: ChartText = asWritten) {
  const t = translator(lang);
  const area = areaInfo(site.tables, code);
  const name = area?.name[lang] ?? code;
  const group = groupOfArea(site.tables, code);
  const info = groupInfo(site, group, lang);
  const parentName = area?.parent ? (areaInfo(site.tables, area.parent)?.name[lang] ?? area.parent) : null;
  const metrics = areaMetrics(site, code);
  const withValue = metrics.filter((m) => m.value.value !== null);

  // A sentence compares the area with its group only where the group sums more than this area.
  const comparable = (id: string) => (metricView(site, id, lang, group)?.total.wards ?? 0) >= MIN_COMPARED;
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
  // own standing in its group, where another area has a figure of the same date to stand against.
  const wardsView = site.derived.cityMetrics.some((c) => c.city_code === code && c.metric_id === site.config.headlineMetric) ? comparePage(site, code, site.config.headlineMetric, lang, chartText) : null;
  const headlineView = headline ? metricView(site, headline.spec.id, lang, group) : null;
  const headlineCompared = !!headline && !!headlineView && comparedWithWhole(headline.value, headlineView.total);
  const chart = wardsView?.chart
    ? {
        id: anchorOf(site.config.headlineMetric), title: wardsView.chart.title, svg: wardsView.chart.svg, unit: wardsView.chart.unit, tables: wardsView.chart.tables, source: wardsView.chart.source, partial: false, vintages: wardsView.chart.vintages,
        // The chart's own figures (ward, value, rank); the comparison page has the full table.
        table: { ...wardsView.table, head: wardsView.table.head.slice(0, 3), rows: wardsView.table.rows.map((r) => r.slice(0, 3)), numeric: wardsView.table.numeric.slice(0, 3) },
        marks: markNotes(wardsView.table.rows.flatMap((r) => r.slice(1, 3)), lang),
      }
    : headline && headlineCompared ? headlineChart(site, code, name, headline, group, info, lang, chartText) : null;
  // An area with no peer at the headline's date states its own figure instead of a comparison.
  const keyFigure = !chart && headline ? keyFigureText(name, headline, lang) : null;

  // The group on a map, this area outlined: a city's page shows its wards' map.
  const map = wardsView?.chart ? wardsView.boundaryMap : headline ? areaMapChart(site, group, headline.spec.id, lang, code, chartText) : null;

  const trends = areaTrends(site, code, group, metrics.map((m) => m.spec.id), headline?.spec.id ?? null, lang);
  const hub = hubSection(site, code, lang);
  const hospitals = hospitalSection(site, code, lang);
  const surveys = surveySection(site, code, lang);
  const events = eventSection(site, code, lang, chartText);
  const table = metricTable(site, code, name, metrics, group, info, lang);
  // Every date the page shows a figure of: the measures, and the sections below them.
  const dates = [
    ...withValue.flatMap((m) => [m.value.numerator_vintage, m.value.denominator_vintage]),
    ...(trends ? metrics.flatMap((m) => (trendOf(site, m.spec.id, group)?.byArea.get(code) ?? []).map((p) => p.numerator_vintage)) : []),
    ...[hub, hospitals, surveys, events].flatMap((section) => section?.dates ?? []),
  ];
  const age = ageText(dates.filter((v): v is string => !!v).flatMap((v) => v.split('/')), lang, t('area.figuresThisPageDescribe'));

  const wards = info.wards ? [] : select(site.tables, 'areas', { parent_code: code }).map((r) => ({ code: String(r.row.area_code), name: local(lang, r.row, 'name') }));
  const pairs = info.wards ? info.members.filter((m) => m !== code).map((other) => ({ code: other, name: areaInfo(site.tables, other)?.name[lang] ?? other, path: code < other ? `wards/${code}/vs/${other}/` : `wards/${other}/vs/${code}/` })) : [];

  const peers = info.wards ? null : peerStanding(site, code, [...new Set([...(headline ? [headline.spec.id] : []), ...site.config.summaryMetrics])], lang);
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
    keyFigure,
    map,
    disagreements: table?.disagreements ?? null,
    table,
    failMessage: withValue.length ? null : t('area.dataHasNoFigures'),
    hub,
    hospitals,
    surveys,
    events,
    programmes: select(site.tables, 'programmes', { area_code: code }).length,
    wards,
    pairs,
  };
}

type Info = ReturnType<typeof groupInfo>;
type AreaMetric = ReturnType<typeof areaMetrics>[number];

/**
 * Every measure of the area against its group: its value, the group's value, its rank and how it
 * compares, each only where the comparison holds at one date. A measure the area has no figure for,
 * in a group whose whole is no more than one area, is named in a note rather than given a row of
 * dashes beside another area's figure. The notes explain the comparison, the ranks out of fewer
 * areas than the group has, and the marks the table carries (no others).
 */
function metricTable(site: SiteData, code: string, name: string, metrics: readonly AreaMetric[], group: string, info: Info, lang: Lang) {
  if (metrics.length === 0) return null;
  const t = translator(lang);
  // areaMetrics keeps the measures its group has a value for; a view without one compares nothing.
  const totalOf = (m: AreaMetric) => metricView(site, m.spec.id, lang, group)?.total ?? { wards: 0, value: null };
  const shown = metrics.filter((m) => m.value.value !== null || totalOf(m).wards >= MIN_COMPARED);
  const left = metrics.filter((m) => !shown.includes(m));
  const disagreements = disagreementsIn(site, shown.map(({ spec, value }) => ({ spec, w: value })), lang);
  const rows = shown.map((m) => {
    const { spec, value: w } = m;
    const total = totalOf(m);
    return [
      pick(lang, spec.label),
      valueCell(w, spec, lang, true) + (disagreements.has(spec.id, code) ? ` ${DISAGREEMENT_MARK}` : ''),
      total.wards >= MIN_COMPARED ? formatValue(w.city_value, spec, lang) : '—',
      rankText(w, lang),
      comparisonText(spec, w, total, lang),
      (w.numerator_vintage ? vintageText(w.numerator_vintage, lang) : '—') +
        (w.vintages_differ && w.denominator_vintage ? t('area.denominator', { denominatorVintage: vintageText(w.denominator_vintage, lang) }) : ''),
    ];
  });
  const compared = shown.some((m) => comparedWithWhole(m.value, totalOf(m)));
  const notes = [
    ...(compared ? [t('area.comparedNote', { wholeName: info.wholeName })] : []),
    ...rankNotes(site, shown, group, info, lang),
    ...markNotes(rows.flatMap((r) => r.slice(1)), lang),
    ...(shown.some((m) => m.value.rank !== null) ? [t('area.ranksFromHighest')] : []),
    ...(left.length ? [t('area.measuresWithoutFigure', { name, labels: left.map((m) => pick(lang, m.spec.label)).join(t('list.short')) })] : []),
  ];
  const head = [t('common.measure'), t('common.thisArea'), info.wholeName, t('common.rank'), t('area.comparedWithWhole'), t('common.asOf')];
  const numeric = [false, true, true, true, true, false];
  // The group's columns go where no row has anything in them: the area's own figures stand alone.
  const keep = head.map((_, i) => i < 2 || i > 4 || rows.some((r) => r[i] !== '—'));
  return {
    caption: keep[2] ? t('area.tableCaption', { name, wholeName: info.wholeName }) : t('area.tableCaptionAlone', { name }),
    head: head.filter((_, i) => keep[i]),
    rows: rows.map((r) => r.filter((_, i) => keep[i])),
    numeric: numeric.filter((_, i) => keep[i]),
    notes,
    disagreements: disagreements.summary,
  };
}

/**
 * Why a rank counts fewer areas than the group has (16 wards of 18: two have no figure), once
 * for each number of areas ranked, naming its measures. Nothing where every rank counts the same
 * areas as the group has.
 */
function rankNotes(site: SiteData, metrics: readonly AreaMetric[], group: string, info: Info, lang: Lang): string[] {
  const t = translator(lang);
  const members = info.members.length;
  const byCount = new Map<string, { rankOf: number; labels: string[]; reasons: string }>();
  for (const { spec } of metrics) {
    const view = metricView(site, spec.id, lang, group);
    if (!view) continue;
    // The same for every area page of the group: counted once per view.
    const counts = memo(view, 'rank-counts', () => ({
      ranked: view.areas.filter((a) => a.rank !== null).length,
      noValue: view.areas.filter((a) => a.value === null).length,
      otherDate: view.areas.filter((a) => a.off_vintage).length,
      small: view.areas.filter((a) => a.unstable && !a.off_vintage).length,
    }));
    const { ranked } = counts;
    if (ranked === members) continue;
    const count = (n: number, key: string) => (n > 0 ? [t(key, { count: n, counter: info.memberNoun.counter })] : []);
    const reasons = [
      ...count(counts.noValue + (members - view.areas.length), 'area.reasonNoFigure'),
      ...count(counts.otherDate, 'area.reasonOtherDate'),
      ...count(counts.small, 'area.reasonSmallCount'),
    ].join(t('list.short'));
    const key = `${ranked}|${reasons}`;
    const entry = byCount.get(key) ?? { rankOf: ranked, labels: [], reasons };
    entry.labels.push(pick(lang, spec.label));
    byCount.set(key, entry);
  }
  return [...byCount.values()].sort((a, b) => b.rankOf - a.rankOf).map(({ rankOf, labels, reasons }) =>
    rankOf >= MIN_COMPARED
      ? t('area.rankOutOf', { labels: labels.join(t('list.short')), rankOf, counter: info.memberNoun.counter, reasons })
      : t('area.rankNone', { labels: labels.join(t('list.short')), reasons }),
  );
}

/** 「横須賀市の在宅療養支援診療所の数は43か所です（2018年3月1日時点）。…比較と順位はありません。」 */
function keyFigureText(name: string, m: AreaMetric, lang: Lang): string {
  return translate(lang, 'area.keyFigureAlone', { name, label: pick(lang, m.spec.label), v: formatValue(m.value.value, m.spec, lang), asOf: vintageText(m.value.numerator_vintage, lang) });
}


function headlineChart(site: SiteData, code: string, name: string, m: { spec: MetricSpec; value: WardMetricValue }, group: string, info: Info, lang: Lang, chartText: ChartText) {
  const t = translator(lang);
  const view = metricView(site, m.spec.id, lang, group)!;
  const { spec, value: w } = m;
  const v = formatValue(w.value, spec, lang);
  const label = pick(lang, spec.label);
  const standing = w.rank !== null
    ? t('area.rankAmong', { rankOf: w.rank_of, counter: info.memberNoun.counter, rank: w.rank })
    : w.off_vintage
      ? t('area.notRankedAnotherDate')
      : t('area.notRankedSmallCount');
  const title = t('area.headlineTitle', { name, label, v, standing });
  const isCount = !spec.denominator;
  const reference = isCount ? view.total.mean : view.total.value;
  const refLabel = isCount ? t('common.mean', { mean: formatValue(view.total.mean, spec, lang, false) }) : `${info.wholeName} ${formatValue(view.total.value, spec, lang, false)}`;
  // A large group shows the ranks around the area; a small one every member at the group's date
  // (one shown at another date, †, is in the table, not ranked among the bars).
  const ranked = memo(view, 'ranked', () => view.areas.filter((a) => a.rank !== null).sort((a, b) => a.rank! - b.rank!));
  const partial = view.areas.length > MAX_BARS;
  let shown = view.areas.filter((a) => !a.off_vintage);
  if (partial) {
    const at = ranked.findIndex((a) => a.area_code === code);
    const from = Math.max(0, (at < 0 ? 0 : at) - WINDOW);
    shown = ranked.slice(from, from + 2 * WINDOW + 1);
    if (!shown.some((a) => a.area_code === code)) shown = [...shown, view.areas.find((a) => a.area_code === code)!];
  }
  const svg = renderChart(
    rankedBars(shown.map((a) => ({ label: chartText(markedName(a)), value: a.value, highlight: a.area_code === code })), {
      reference: reference === null ? undefined : { value: reference, label: chartText(refLabel) },
      format: (x) => formatValue(x, spec, lang, false),
      noData: chartText(t('common.noData')),
    }),
    { label: `${title}${t('common.sentenceEnd')}${refLabel}` },
  );
  // A small group's table lists every member, so the map under the chart can point here rather
  // than repeat it. A large group's lists what its chart shows, the ranks around the area: the
  // comparison page holds every member (a thousand-row table on each of a thousand area pages
  // would be read by nobody, and was most of each page).
  const rows = (partial ? shown : [...ranked, ...view.areas.filter((a) => a.rank === null)]).map((a) => [a.name, valueCell(a, spec, lang), rankText(a, lang)]);
  const table = {
    caption: title,
    head: [info.wards ? t('common.ward') : t('common.municipality'), pick(lang, spec.unit), t('common.rank')],
    rows,
    numeric: [false, true, true],
  };
  const vintages = [...new Set(shown.map((a) => a.numerator_vintage).filter((v): v is string => !!v))];
  return { id: anchorOf(spec.id), title, svg, unit: pick(lang, spec.unit), tables: metricTables(spec), source: sourceOrNote(sourceText(site.tables, metricTables(spec), lang, vintageDates(view.total)), lang), table, partial, metric: spec.id, vintages, marks: markNotes(rows.flat(), lang) };
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
    dates: period ? [String(period.period_start), String(period.period_end)] : [],
    opened: hub ? openedText(hub, lang) : null,
    place: hub ? (local(lang, hub, 'location') || t('area.notGivenDocuments')) : null,
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
    dates: [newest],
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
    dates: surveys.flatMap((r) => [r.period_start, r.period_end]).filter((d): d is string => typeof d === 'string'),
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

function eventSection(site: SiteData, code: string, lang: Lang, chartText: ChartText) {
  const t = translator(lang);
  const rows: Row[] = select(site.tables, 'events', { area_code: code }).map((r) => r.row).sort((a, b) => String(a.period_start).localeCompare(String(b.period_start)));
  if (rows.length === 0) return null;
  // One set of events a document prints twice under two names is one event carrying both.
  const { events, alsoNamed } = printedOnce(rows);
  const name = (e: Row) => [e, ...(alsoNamed.get(e) ?? [])].map((x) => local(lang, x, 'name')).join(t('area.alsoNamed'));
  const twice = [...alsoNamed].map(([e, others]) => t('area.printedTwice', { names: [e, ...others].map((x) => `「${local(lang, x, 'name')}」`).join(t('list.short')), sessions: countText(e.sessions, lang), attendance: attendanceText(e, lang) }));
  const period = (e: Row) => (e.period_start && e.period_end ? formatPeriod(String(e.period_start), String(e.period_end), lang) : '');
  // An event held in several periods is told apart by its period in the table.
  const repeated = new Set(events.map(name).filter((n, i, all) => all.indexOf(n) !== i));
  const label = (e: Row) => (repeated.has(name(e)) ? `${name(e)}${translate(lang, 'area.eventPeriod', { e: period(e) })}` : name(e));
  // The chart ranks the events of one period: figures of overlapping periods (a year and the nine
  // months inside it) are never set side by side. It takes the period with the most attendance
  // figures, the latest of equals; the table lists every period.
  const { chartPeriod, attended } = chartedEvents(events);
  const top = attended[0];
  const periodText = chartPeriod ? monthsText(chartPeriod, lang) : '';
  const title = top
    ? periodText ? t('area.bestAttendedInPeriod', { period: periodText, top: name(top), top2: attendanceText(top, lang) }) : t('area.bestAttendedPeople', { top: name(top), top2: attendanceText(top, lang) })
    : t('area.trainingsLectures');
  const svg = attended.length
    ? renderChart(categoryBars(attended.map((e) => ({ label: chartText(name(e)), value: Number(e.attendance) })), (v) => formatNumber(v, 0, lang)), { label: title })
    : null;
  const otherPeriods = events.some((e) => vintageOfEvent(e) !== chartPeriod);
  const ends = events.map((e) => String(e.period_end)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  return {
    title,
    svg,
    vintages: chartPeriod ? [chartPeriod] : [],
    note: otherPeriods && periodText ? t('area.otherPeriodsInTable', { period: periodText }) : undefined,
    // Under the table, which lists the folded row: it prints on paper, the chart does not.
    tableNote: twice.join(' ') || undefined,
    dates: events.flatMap((e) => [e.period_start, e.period_end]).filter((d): d is string => typeof d === 'string'),
    source: sourceText(site.tables, ['events'], lang, ends) || sourceText(site.tables, ['events'], lang),
    table: {
      caption: t('area.everyTrainingLectureSessions'),
      head: [t('common.period'), t('common.name'), t('common.sessions'), t('area.attendance')],
      rows: events.map((e) => [period(e) || '—', label(e), countText(e.sessions, lang), attendanceText(e, lang)]),
      numeric: [false, false, true, true],
    },
  };
}

/** A period of whole months in months (2015年4月～2016年3月), any other in days, for a title. */
function monthsText(key: string, lang: Lang): string {
  const [start, end] = key.split('/') as [string, string];
  const lastDay = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)), 0)).getUTCDate();
  if (!start.endsWith('-01') || Number(end.slice(8)) !== lastDay) return formatPeriod(start, end, lang);
  return translate(lang, 'format.period', { start: formatYearMonth(start, lang), end: formatYearMonth(end, lang) });
}

/** An event's period as a vintage key (`2015-04-01/2016-03-31`), or null without both dates. */
const vintageOfEvent = (e: Row) => (e.period_start && e.period_end ? `${String(e.period_start)}/${String(e.period_end)}` : null);

/**
 * The events one chart may rank: those with an attendance figure in a single period, the period
 * with the most of them (the latest of equals), largest first.
 */
export function chartedEvents(events: readonly Row[]): { chartPeriod: string | null; attended: Row[] } {
  const withFigure = events.filter((e) => typeof e.attendance === 'number');
  const counts = new Map<string | null, number>();
  for (const e of withFigure) counts.set(vintageOfEvent(e), (counts.get(vintageOfEvent(e)) ?? 0) + 1);
  const byEnd = (key: string | null) => String(key).split('/').reverse().join('/');
  const chartPeriod = [...counts].sort((a, b) => b[1] - a[1] || byEnd(b[0]).localeCompare(byEnd(a[0])))[0]?.[0] ?? null;
  const attended = withFigure.filter((e) => vintageOfEvent(e) === chartPeriod).sort((a, b) => Number(b.attendance) - Number(a.attendance));
  return { chartPeriod, attended };
}

/** A hospital's role in the admission agreements, in words. */
export const roleName = (role: string, lang: Lang) =>
  role === 'acute'
    ?translate(lang, 'area.acuteMainlyNight')
    :translate(lang, 'area.temporaryAdmissionMainlyDaytime');
