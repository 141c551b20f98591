/**
 * The page of one area, built by one template for a ward, a city and a municipality: a summary in
 * sentences, the headline metric charted among its own group, every metric against the group with
 * its rank, and the sections its tables feed (hub, hospitals, surveys, events, programmes, wards).
 */
import { categoryBars } from '../../charts/category-bars.ts';
import { rankedBars } from '../../charts/ranked-bars.ts';
import { renderChart } from '../../charts/render.ts';
import { select } from '../dataset.ts';
import type { MetricSpec } from '../derive/metric-spec.ts';
import type { WardMetricValue } from '../derive/ward-metrics.ts';
import { formatNumber, formatPeriod } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import type { Row } from '../validate/validate-table.ts';
import { areaInfo, areaMetrics, groupInfo, groupOfArea, metricView, shortName } from './groups.ts';
import { formatValue, markedName, rankText, valueCell, wardSentence } from './metric-text.ts';
import { attendanceText, countText, openedText } from './record-text.ts';
import { sourceText } from './sources.ts';
import { ageText, anchorOf, metricTables, sourceOrNote, vintageDates, vintageText } from './views.ts';
import { comparePage, MAX_BARS } from './compare-page.ts';
import { DISAGREEMENT_MARK, disagreementOf, disagreementsIn } from './disagreements.ts';
import { areaTrends } from './trends.ts';
import { peerStanding } from './peers.ts';

/** Around an area in a large group, the chart shows this many ranks either side. */
const WINDOW = 7;

export function areaPage(site: SiteData, code: string, lang: Lang) {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
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
    const pct = m.spec.unit[lang] === '%' ? '%' : '';
    return [sentence.replace(/[。.]$/, '') + t(`（${DISAGREEMENT_MARK}資料には${printed}${pct}と印字されています）。`, ` (${DISAGREEMENT_MARK} printed as ${printed}${pct} in the source).`)];
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

  const head = [t('指標', 'Measure'), t('この地域', 'This area'), info.wholeName, t('順位', 'Rank'), t('全体との比', 'Ratio to whole'), t('時点', 'As of')];
  const disagreements = disagreementsIn(site, metrics.map(({ spec, value }) => ({ spec, w: value })), lang);
  const rows = metrics.map(({ spec, value: w }) => [
    spec.label[lang],
    valueCell(w, spec, lang, true) + (disagreements.has(spec.id, code) ? ` ${DISAGREEMENT_MARK}` : ''),
    formatValue(w.city_value, spec, lang),
    rankText(w, lang),
    w.ratio_to_city === null || w.off_vintage ? '—' : formatNumber(w.ratio_to_city, 2, lang),
    (w.numerator_vintage ? vintageText(w.numerator_vintage, lang) : '—') +
      (w.vintages_differ && w.denominator_vintage ? t(`（分母 ${vintageText(w.denominator_vintage, lang)}）`, ` (denominator ${vintageText(w.denominator_vintage, lang)})`) : ''),
  ]);
  const ends = withValue.flatMap((m) => [m.value.numerator_vintage, m.value.denominator_vintage]).filter((v): v is string => !!v).map((v) => v.split('/').at(-1)!).sort();
  const age = ageText(ends, lang, t('このページの数値は', 'The figures on this page describe '));

  const wards = info.wards ? [] : select(site.tables, 'areas', { parent_code: code }).map((r) => ({ code: String(r.row.area_code), name: String(lang === 'ja' ? r.row.name_ja : r.row.name_en) }));
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
    disagreements: disagreements.summary,
    table: metrics.length ? { caption: t(`${name}の指標と${info.wholeName}`, `${name} against ${info.wholeName}`), head, rows, numeric: [false, true, true, true, true, false] } : null,
    failMessage: withValue.length ? null : t('この地域の指標を計算できる数値は、まだデータにありません。', 'The data has no figures yet from which to compute this area’s measures.'),
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
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const view = metricView(site, m.spec.id, lang, group)!;
  const { spec, value: w } = m;
  const v = formatValue(w.value, spec, lang);
  const label = spec.label[lang];
  const standing = w.rank !== null && w.rank_of <= 1
    ? t('同じ時点で比べられるほかの地域はありません', 'no other area to compare at the same date')
    : w.rank !== null
    ? t(`${w.rank_of}${info.memberNoun.counter}中${w.rank}位`, `rank ${w.rank} of ${w.rank_of} ${info.memberNoun.counter}`)
    : w.off_vintage
      ? t('順位なし（時点が異なる）', 'not ranked (from another date)')
      : t('順位なし（数が少ない）', 'not ranked (small count)');
  const title = t(`${name}の${label}は${v}で、${standing}`, `${name}: ${label} ${v}, ${standing}`);
  const isCount = !spec.denominator;
  const reference = isCount ? view.total.mean : view.total.value;
  const refLabel = isCount ? t(`平均 ${formatValue(view.total.mean, spec, lang, false)}`, `Mean ${formatValue(view.total.mean, spec, lang, false)}`) : `${info.wholeName} ${formatValue(view.total.value, spec, lang, false)}`;
  // A large group shows the ranks around the area; a small one shows every member.
  const ranked = view.areas.filter((a) => a.rank !== null).sort((a, b) => a.rank! - b.rank!);
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
      noData: t('データなし', 'no data'),
    }),
    { label: `${title}${t('。', '. ')}${refLabel}` },
  );
  const table = {
    caption: title,
    head: [info.wards ? t('区', 'Ward') : t('市町村', 'Municipality'), spec.unit[lang], t('順位', 'Rank')],
    rows: [...ranked, ...view.areas.filter((a) => a.rank === null)].filter((a) => shown.includes(a)).map((a) => [a.name, valueCell(a, spec, lang), rankText(a, lang)]),
    numeric: [false, true, true],
  };
  return { id: anchorOf(spec.id), title, svg, unit: spec.unit[lang], tables: metricTables(spec), source: sourceOrNote(sourceText(site.tables, metricTables(spec), lang, vintageDates(view.total)), lang), table, partial: shown.length < view.areas.length };
}

function hubSection(site: SiteData, code: string, lang: Lang) {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const hub = select(site.tables, 'hubs', { area_code: code })[0]?.row ?? null;
  const periods = select(site.tables, 'hub_throughput', { area_code: code }).map((r) => r.row).sort((a, b) => String(b.period_end).localeCompare(String(a.period_end)) || String(b.period_start).localeCompare(String(a.period_start)));
  // The latest period that is not a full-year restatement of another: the newest end, the shortest span.
  const period = periods[0] ?? null;
  if (!hub && !period) return null;
  const n = (v: unknown) => (v == null ? '—' : formatNumber(Number(v), 0, lang));
  return {
    opened: hub ? openedText(hub, lang) : null,
    place: hub ? (hub.location_ja ? String(hub.location_ja) : t('資料に記載なし', 'not given in the documents')) : null,
    throughput: period
      ? {
          caption: t(`拠点の相談・支援実績（${formatPeriod(String(period.period_start), String(period.period_end), lang)}）`, `Hub results, ${formatPeriod(String(period.period_start), String(period.period_end), lang)}`),
          rows: [
            [t('稼働月数', 'Months in operation'), n(period.months_active)],
            [t('新規相談者数', 'New clients'), period.new_clients == null ? t('稼働なし', 'not in operation') : n(period.new_clients)],
            [t('継続相談者数', 'Continuing clients'), n(period.continuing_clients)],
            [t('支援・対応回数（延べ）', 'Support actions'), n(period.support_actions)],
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
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const surveys = select(site.tables, 'surveys', { area_code: code }).map((r) => r.row);
  if (surveys.length === 0) return null;
  const ids = new Set(surveys.map((s) => String(s.survey_id)));
  const results = select(site.tables, 'survey_results').map((r) => r.row).filter((r) => ids.has(String(r.survey_id)));
  const n = (v: unknown) => countText(v, lang);
  return {
    surveys: {
      caption: t('アンケートの回答数と回答率', 'Responses and response rates'),
      head: [t('アンケート', 'Survey'), t('対象', 'Sent to'), t('回答', 'Responses'), t('回答率（資料）', 'Response rate (printed)')],
      rows: surveys.map((s) => [String(lang === 'ja' ? s.title_ja : s.title_en), n(s.population), n(s.responses), s.response_rate_printed_pct == null ? '—' : `${n(s.response_rate_printed_pct)}%`]),
      numeric: [false, true, true, true],
    },
    results: results.length
      ? {
          caption: t('アンケートで数が残っている回答', 'Survey answers whose figures survive'),
          head: [t('質問', 'Question'), t('回答', 'Answer'), t('件数', 'Count'), t('割合（資料）', 'Share (printed)')],
          rows: results.map((r) => [r.question_no === 'summary' ? t('在宅診療の状況', 'Home-visit practice') : `Q${String(r.question_no)}`, String(lang === 'ja' ? r.answer_ja : r.answer_en), n(r.count), r.share_printed_pct == null ? '—' : `${n(r.share_printed_pct)}%`]),
          numeric: [false, false, true, true],
        }
      : null,
    source: sourceText(site.tables, ['surveys'], lang),
  };
}

function eventSection(site: SiteData, code: string, lang: Lang) {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const events: Row[] = select(site.tables, 'events', { area_code: code }).map((r) => r.row).sort((a, b) => String(a.period_start).localeCompare(String(b.period_start)));
  if (events.length === 0) return null;
  const name = (e: Row) => String(lang === 'ja' ? e.name_ja : e.name_en);
  const period = (e: Row) => (e.period_start && e.period_end ? formatPeriod(String(e.period_start), String(e.period_end), lang) : '');
  // An event held in several periods is told apart by its period, in the chart as in the table.
  const repeated = new Set(events.map(name).filter((n, i, all) => all.indexOf(n) !== i));
  const label = (e: Row) => (repeated.has(name(e)) ? `${name(e)}${lang === 'ja' ? `（${period(e)}）` : ` (${period(e)})`}` : name(e));
  const attended = events.filter((e) => typeof e.attendance === 'number').sort((a, b) => Number(b.attendance) - Number(a.attendance));
  const top = attended[0];
  const title = top
    ? t(`最も多くの人が参加したのは「${label(top)}」の${attendanceText(top, 'ja')}人`, `Best attended: ${label(top)}, ${attendanceText(top, 'en')} people`)
    : t('研修・講座', 'Trainings and lectures');
  const svg = attended.length
    ? renderChart(categoryBars(attended.map((e) => ({ label: label(e), value: Number(e.attendance) })), (v) => formatNumber(v, 0, lang), { marginLeft: lang === 'ja' ? 230 : 250, width: 560 }), { label: title })
    : null;
  const ends = events.map((e) => String(e.period_end)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  return {
    title,
    svg,
    source: sourceText(site.tables, ['events'], lang, ends) || sourceText(site.tables, ['events'], lang),
    table: {
      caption: t('研修・講座の一覧（回数と参加者）', 'Every training and lecture, with sessions and attendance'),
      head: [t('期間', 'Period'), t('名称', 'Name'), t('回数', 'Sessions'), t('参加者', 'Attendance')],
      rows: events.map((e) => [period(e) || '—', name(e), countText(e.sessions, lang), attendanceText(e, lang)]),
      numeric: [false, false, true, true],
    },
  };
}

/** A hospital's role in the admission agreements, in words. */
export const roleName = (role: string, lang: Lang) =>
  role === 'acute'
    ? lang === 'ja' ? '急性期（主に夜間に受け入れ）' : 'Acute (mainly at night)'
    : lang === 'ja' ? '一時入院（主に日中に受け入れ）' : 'Temporary admission (mainly in the daytime)';
