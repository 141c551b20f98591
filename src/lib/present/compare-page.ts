/**
 * The comparison page of one metric in one group (a city's wards, or the municipalities): the
 * finding in a sentence naming every area that shares the top or the bottom value, ranked bars
 * with the group's value (or, for a count, the mean) as the reference, the table with the group's
 * own figure on its row, the tile map of a city's wards, and the caveats that apply.
 */
import { rankedBars } from '../../charts/ranked-bars.ts';
import { renderChart, type ChartSvg } from '../../charts/render.ts';
import { tileMap } from '../../charts/tile-map.ts';
import { familyMembers } from '../derive/metric-families.ts';
import { formatNumber } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { groupInfo, metricView, shortName, type MetricView } from './groups.ts';
import { formatValue, markedName, rankText, valueCell } from './metric-text.ts';
import { sourceText } from './sources.ts';
import { tilePositions } from './tiles.ts';
import { groupTrend } from './trends.ts';
import { DISAGREEMENT_MARK, disagreementsIn } from './disagreements.ts';
import { metricTables, sourceOrNote, vintageDates, vintageText } from './views.ts';

/** Above this many areas a group's bars show the highest ones only; the table lists every area. */
export const MAX_BARS = 40;

export interface ComparePage {
  title: string;
  heading: string;
  lead: string;
  group: ReturnType<typeof groupInfo>;
  /** A sentence shown instead of the chart when nothing can be compared. */
  failMessage: string | null;
  switcher: { id: string; label: string; current: boolean }[];
  asOf: string;
  caveats: string[];
  chart: { title: string; svg: ChartSvg; unit: string; source: string; tables: string[] } | null;
  table: { caption: string; head: string[]; rows: string[][]; numeric: boolean[] };
  map: { svg: ChartSvg } | null;
  notes: string[];
  trend: ReturnType<typeof groupTrend>;
  /** Values the source printed differently: a note for under the tables, and the quality report's anchor. */
  disagreements: { note: string; anchor: string } | null;
}

export function comparePage(site: SiteData, group: string, metricId: string, lang: Lang): ComparePage {
  const t = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const info = groupInfo(site, group, lang);
  const view = metricView(site, metricId, lang, group);
  const spec = view?.spec ?? site.derived.specs.find((s) => s.id === metricId)!;
  const heading = spec.label[lang];
  const switcher = familyMembers(site.derived.specs, spec).map((m) => ({ id: m.id, label: m.variant?.[lang] ?? m.label[lang], current: m.id === spec.id }));
  const lead = `${spec.definition[lang]} ${t(`値が大きいほど${spec.higherMeans.ja}ことを示します。`, `A higher value means ${spec.higherMeans.en}.`)}`;
  const empty = { caption: '', head: [], rows: [], numeric: [] };
  if (!view || view.areas.every((a) => a.value === null))
    return { title: pageTitle(heading, info.wholeName, lang), heading, lead, group: info, failMessage: t('この指標は、この地域のデータがまだありません。', 'There are no figures for this measure here yet.'), switcher, asOf: '', caveats: [], chart: null, table: empty, map: null, notes: [], trend: null, disagreements: null };

  const { total, areas } = view;
  const isCount = !spec.denominator;
  const fmt = (v: number | null) => formatValue(v, spec, lang);
  const ranked = areas.filter((a) => a.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const finding = findingText(view, ranked, lang);
  const reference = isCount ? total.mean : total.value;
  const refLabel = isCount ? t(`平均 ${fmt(total.mean)}`, `Mean ${fmt(total.mean)}`) : t(`${info.wholeName} ${fmt(total.value)}`, `${info.wholeName} ${fmt(total.value)}`);
  const title = finding ? `${heading}${t('：', ': ')}${finding}` : heading;

  const barRows = (areas.length > MAX_BARS ? ranked.slice(0, MAX_BARS) : areas).map((a) => ({ label: markedName(a), value: a.value }));
  const chartTitle = areas.length > MAX_BARS ? `${title}${t(`（上位${MAX_BARS}）`, ` (top ${MAX_BARS})`)}` : title;
  const svg = renderChart(
    rankedBars(barRows, { reference: reference === null ? undefined : { value: reference, label: refLabel }, format: (v) => formatValue(v, spec, lang, false), noData: t('データなし', 'no data') }),
    { label: `${chartTitle}${t('。', '. ')}${refLabel}` },
  );

  const memberHead = info.wards ? t('区', 'Ward') : t('市町村', 'Municipality');
  const head = [
    memberHead,
    `${isCount ? t('数', 'Count') : t('値', 'Value')}${t(`（${spec.unit.ja}）`, ` (${spec.unit.en})`)}`,
    t('順位', 'Rank'),
    isCount ? t('平均との比', 'Ratio to mean') : t('全体との比', 'Ratio to whole'),
    t('五分位（1が最も多い）', 'Quintile (1 = highest)'),
    spec.numerator.label[lang],
    ...(spec.denominator ? [spec.denominator.label[lang]] : []),
    t('時点', 'As of'),
  ];
  const countText = (v: number | null) => (v === null ? '—' : formatNumber(v, Number.isInteger(v) ? 0 : 1, lang));
  const disagreements = disagreementsIn(site, areas.map((w) => ({ spec, w })), lang);
  const order = [...ranked, ...areas.filter((a) => a.rank === null).sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity))];
  const rows = order.map((a) => [
    a.name,
    valueCell(a, spec, lang) + (disagreements.has(spec.id, a.area_code) ? ` ${DISAGREEMENT_MARK}` : ''),
    rankText(a, lang),
    a.ratio_to_city === null || a.rank === null ? '—' : formatNumber(a.ratio_to_city, 2, lang),
    a.quintile === null ? '—' : String(a.quintile),
    countText(a.numerator),
    ...(spec.denominator ? [countText(a.denominator)] : []),
    a.numerator_vintage ? vintageText(a.numerator_vintage, lang) : '—',
  ]);
  // The whole's own row carries its own figure: the total for a count, Σ/Σ for a rate.
  rows.push([
    isCount ? t(`${info.wholeName}（合計）`, `${info.wholeName} (total)`) : info.wholeName,
    formatValue(total.value, spec, lang, false),
    '', '', '',
    countText(total.numerator),
    ...(spec.denominator ? [countText(total.denominator)] : []),
    vintageText(total.numerator_vintage, lang),
  ]);
  if (isCount && total.mean !== null)
    rows.push([t(`1${info.memberNoun.one}あたりの平均`, `Mean per ${info.memberNoun.one}`), formatNumber(total.mean, 1, lang), '', '', '', '', vintageText(total.numerator_vintage, lang)]);

  const caveats: string[] = [];
  if (total.vintages_differ)
    caveats.push(t('分子と分母の時点が異なります。同じ時点の数値で割ったものではないため、おおよその比較としてご覧ください。', 'The numerator and the denominator are from different dates; read the rate as an approximate comparison.'));
  const unstable = areas.filter((a) => a.unstable);
  if (unstable.length > 0)
    caveats.push(t(
      `＊印の${unstable.length}${info.memberNoun.counter}は、もとの数が${spec.smallCount}未満のため、わずかな増減で値が大きく変わります。順位と色分けからは外しています。`,
      `The ${unstable.length} ${unstable.length === 1 ? info.memberNoun.one : info.memberNoun.counter} marked * rest on a count below ${spec.smallCount}, so a small change moves the value a lot; they are left out of the ranking and the colours.`,
    ));
  const off = areas.filter((a) => a.off_vintage);
  if (off.length > 0)
    caveats.push(t(
      `†印の${off.length}${info.memberNoun.counter}は${vintageText(total.numerator_vintage, lang)}の数値がなく、それより前の数値を示しています。順位と合計には含めていません。`,
      `The ${off.length} marked † have no figure for ${vintageText(total.numerator_vintage, lang)}; an earlier figure is shown, outside the ranking and the totals.`,
    ));

  let map: ComparePage['map'] = null;
  if (info.wards) {
    const byCode = new Map(areas.map((a) => [a.area_code, a]));
    const tiles = tilePositions(site.tables, info.members).map((p) => {
      const a = byCode.get(p.code);
      return { row: p.row, col: p.col, name: shortName(a?.name ?? p.code), valueText: a?.value == null ? '—' : formatValue(a.value, spec, lang, false), quintile: a?.quintile ?? null };
    });
    if (tiles.length > 0)
      map = { svg: renderChart(tileMap(tiles), { label: t(`${heading}の区別タイル地図。色が濃いほど値が大きい区です。`, `Tile map of ${heading} by ward; darker means higher.`) }) };
  }

  const asOf = `${t('時点：', 'As of: ')}${spec.numerator.label[lang]} ${vintageText(total.numerator_vintage, lang)}` +
    (spec.denominator && total.denominator_vintage ? `${t('、', '; ')}${spec.denominator.label[lang]} ${vintageText(total.denominator_vintage, lang)}` : '');
  const notes = [
    isCount
      ? t(`比は1${info.memberNoun.one}あたりの平均を1としたときの値です。`, `The ratio divides by the mean per ${info.memberNoun.one}.`)
      : t(`比は${info.wholeName}の値を1としたときの値です。`, `The ratio divides by the value of ${info.wholeName}.`),
    t(`五分位は、順位のついた${info.memberNoun.counter}を値の大きい順に5つの組に分けたものです。`, `Quintiles split the ranked ${info.memberNoun.counter} into five groups from the highest.`),
  ];
  return {
    title: pageTitle(heading, info.wholeName, lang),
    heading,
    lead,
    group: info,
    disagreements: disagreements.summary,
    failMessage: null,
    switcher,
    asOf,
    caveats,
    chart: { title: chartTitle, svg, unit: spec.unit[lang], source: sourceOrNote(sourceText(site.tables, metricTables(spec), lang, vintageDates(total)), lang), tables: metricTables(spec) },
    table: { caption: t(`${heading}（${info.wholeName}、${info.memberNoun.counter}別）`, `${heading}: ${info.wholeName}, by ${info.memberNoun.one}`), head, rows, numeric: head.map((_, i) => i > 0 && i < head.length - 1) },
    map,
    notes,
    trend: groupTrend(site, metricId, group, lang),
  };
}

/** 最も多いのは青葉区・都筑区の37か所、最も少ないのは…: every area sharing the top or bottom displayed value. */
function findingText(view: MetricView, ranked: MetricView['areas'], lang: Lang): string {
  if (ranked.length === 0) return '';
  const { spec } = view;
  const shown = (v: number) => formatValue(v, spec, lang);
  const top = ranked.filter((a) => a.rank === 1);
  const lastRank = ranked.at(-1)!.rank;
  const bottom = ranked.filter((a) => a.rank === lastRank);
  const names = (list: typeof ranked) => list.map((a) => a.name).join(lang === 'ja' ? '・' : ', ');
  if (ranked.length === 1 || top[0]!.rank === lastRank)
    return lang === 'ja' ? `${names(top)}は${shown(top[0]!.value!)}` : `${names(top)}: ${shown(top[0]!.value!)}`;
  return lang === 'ja'
    ? `最も多いのは${names(top)}の${shown(top[0]!.value!)}、最も少ないのは${names(bottom)}の${shown(bottom[0]!.value!)}`
    : `highest in ${names(top)} (${shown(top[0]!.value!)}), lowest in ${names(bottom)} (${shown(bottom[0]!.value!)})`;
}

/** The page title: the metric and its group, or the metric alone where both would be too long for search results. */
function pageTitle(heading: string, whole: string, lang: Lang): string {
  const full = lang === 'ja' ? `${heading}（${whole}）` : `${heading} (${whole})`;
  return full.length <= 60 ? full : heading;
}
