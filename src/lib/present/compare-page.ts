/**
 * The comparison page of one metric in one group (a city's wards, or the municipalities): the
 * finding in a sentence naming every area that shares the top or the bottom value, ranked bars
 * with the group's value (or, for a count, the mean) as the reference, the table with the group's
 * own figure on its row, the map (from the areas' boundaries where the data has them, else the
 * tile map of a city's wards), and the caveats that apply.
 */
import { rankedBars } from '../../charts/ranked-bars.ts';
import { renderChart, type ChartSvg } from '../../charts/render.ts';
import { tileMap } from '../../charts/tile-map.ts';
import { familyMembers } from '../derive/metric-families.ts';
import { formatNumber } from '../format.ts';
import { pick, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { groupInfo, metricView, shortName, type MetricView } from './groups.ts';
import { asWritten, type ChartText } from './furigana-site.ts';
import { MIN_COMPARED } from '../derive/ward-metrics.ts';
import { comparedFigure, formatValue, markedName, rankText, valueCell } from './metric-text.ts';
import { sourceText } from './sources.ts';
import { tilePositions } from './tiles.ts';
import { areaMapChart, type AreaMapChart } from './area-map.ts';
import { groupTrend } from './trends.ts';
import { DISAGREEMENT_MARK, disagreementsIn } from './disagreements.ts';
import { metricTables, sourceOrNote, vintageDates, vintageText } from './views.ts';
import { translator, translate } from '../i18n/translate.ts';

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
  /** The ranked bars, of areas at the group's date only; null where fewer than two areas can be compared. */
  chart: { title: string; svg: ChartSvg; unit: string; source: string; tables: string[]; vintages: string[] } | null;
  /** Why there is no chart or rank, where fewer than two areas have a figure at one date. */
  notCompared: string | null;
  table: { caption: string; head: string[]; rows: string[][]; numeric: boolean[] };
  /** The tile map of a city's wards, where the data declares no boundaries. */
  map: { svg: ChartSvg } | null;
  /** The map drawn from the areas' boundaries, where the data declares them (boundaries.json). */
  boundaryMap: AreaMapChart | null;
  notes: string[];
  trend: ReturnType<typeof groupTrend>;
  /** Values the source printed differently: a note for under the tables, and the quality report's anchor. */
  disagreements: { note: string; anchor: string } | null;
}

/** `chartText` writes the charts' own labels in the edition's chart text (furigana-site.ts). */
export function comparePage(site: SiteData, group: string, metricId: string, lang: Lang, chartText: ChartText = asWritten): ComparePage {
  const t = translator(lang);
  const info = groupInfo(site, group, lang);
  const view = metricView(site, metricId, lang, group);
  const spec = view?.spec ?? site.derived.specs.find((s) => s.id === metricId)!;
  const heading = pick(lang, spec.label);
  const switcher = familyMembers(site.derived.specs, spec).map((m) => ({ id: m.id, label: m.variant?.[lang] ?? pick(lang, m.label), current: m.id === spec.id }));
  const lead = `${pick(lang, spec.definition)} ${t('compare.higherValueMeans', { higherMeansLabel: pick(lang, spec.higherMeans) })}`;
  const empty = { caption: '', head: [], rows: [], numeric: [] };
  if (!view || view.areas.every((a) => a.value === null))
    return { title: pageTitle(heading, info.wholeName, lang), heading, lead, group: info, failMessage: t('compare.thereAreNoFigures'), switcher, asOf: '', caveats: [], chart: null, notCompared: null, table: empty, map: null, boundaryMap: null, notes: [], trend: null, disagreements: null };

  const { total, areas } = view;
  const isCount = !spec.denominator;
  const fmt = (v: number | null) => formatValue(v, spec, lang);
  const ranked = areas.filter((a) => a.rank !== null).sort((a, b) => a.rank! - b.rank!);
  // The group's own value stands for a group only where it sums two areas or more: one area's
  // figure is not a whole to compare with.
  const whole = total.wards >= MIN_COMPARED;
  const finding = findingText(view, ranked, lang);
  const reference = isCount ? total.mean : total.value;
  const refLabel = isCount ? t('common.mean', { mean: fmt(total.mean) }) : t('compare.wholeValue', { wholeName: info.wholeName, value: fmt(total.value) });
  const title = finding ? `${heading}${t('common.colon')}${finding}` : heading;

  // Bars rank the areas at the group's date: an area shown at another date (†) is in the table,
  // never sorted among them.
  const atDate = areas.filter((a) => !a.off_vintage);
  const barAreas = areas.length > MAX_BARS ? ranked.slice(0, MAX_BARS) : atDate;
  const chartTitle = areas.length > MAX_BARS ? `${title}${t('compare.top', { maxBars: MAX_BARS })}` : title;
  const svg = ranked.length >= MIN_COMPARED
    ? renderChart(
        rankedBars(barAreas.map((a) => ({ label: chartText(markedName(a)), value: a.value })), { reference: reference === null ? undefined : { value: reference, label: chartText(refLabel) }, format: (v) => formatValue(v, spec, lang, false), noData: chartText(t('common.noData')) }),
        { label: `${chartTitle}${t('common.sentenceEnd')}${refLabel}` },
      )
    : null;

  const memberHead = info.wards ? t('common.ward') : t('common.municipality');
  const head = [
    memberHead,
    `${isCount ? t('compare.count') : t('common.value')}${t('compare.unitInBrackets', { unitLabel: pick(lang, spec.unit) })}`,
    t('common.rank'),
    isCount ? t('compare.shareOfTotal') : t('common.ratioWhole'),
    t('compare.quintile1Highest'),
    pick(lang, spec.numerator.label),
    ...(spec.denominator ? [pick(lang, spec.denominator.label)] : []),
    t('common.asOf'),
  ];
  const countText = (v: number | null) => (v === null ? '—' : formatNumber(v, Number.isInteger(v) ? 0 : 1, lang));
  const disagreements = disagreementsIn(site, areas.map((w) => ({ spec, w })), lang);
  const order = [...ranked, ...areas.filter((a) => a.rank === null).sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity))];
  const rows = order.map((a) => [
    a.name,
    valueCell(a, spec, lang) + (disagreements.has(spec.id, a.area_code) ? ` ${DISAGREEMENT_MARK}` : ''),
    rankText(a, lang),
    figureCell(comparedFigure(spec, a, total, lang)),
    a.quintile === null ? '—' : String(a.quintile),
    countText(a.numerator),
    ...(spec.denominator ? [countText(a.denominator)] : []),
    a.numerator_vintage ? vintageText(a.numerator_vintage, lang) : '—',
  ]);
  // The whole's own row carries its own figure: the total for a count, Σ/Σ for a rate; none
  // where the "whole" would be one area's figure again.
  if (whole) rows.push([
    isCount ? t('compare.total', { wholeName: info.wholeName }) : info.wholeName,
    formatValue(total.value, spec, lang, false),
    '', '', '',
    countText(total.numerator),
    ...(spec.denominator ? [countText(total.denominator)] : []),
    vintageText(total.numerator_vintage, lang),
  ]);
  if (whole && isCount && total.mean !== null)
    rows.push([t('compare.meanPer', { one: info.memberNoun.one }), formatNumber(total.mean, 1, lang), '', '', '', '', vintageText(total.numerator_vintage, lang)]);

  const caveats: string[] = [];
  if (total.vintages_differ)
    caveats.push(t('compare.numeratorDenominatorAreDifferent'));
  const unstable = areas.filter((a) => a.unstable);
  if (unstable.length > 0)
    caveats.push(t('compare.markedRestCountBelow', { length: unstable.length, counter: info.memberNoun.counter, smallCount: spec.smallCount, members: unstable.length === 1 ? info.memberNoun.one : info.memberNoun.counter }));
  const off = areas.filter((a) => a.off_vintage);
  if (off.length > 0)
    caveats.push(t('compare.markedHaveNoFigure', { length: off.length, counter: info.memberNoun.counter, numeratorVintage: vintageText(total.numerator_vintage, lang) }));

  const boundaryMap = areaMapChart(site, group, metricId, lang, null, chartText);
  let map: ComparePage['map'] = null;
  if (info.wards && !boundaryMap) {
    const byCode = new Map(areas.map((a) => [a.area_code, a]));
    const tiles = tilePositions(site.tables, info.members).map((p) => {
      const a = byCode.get(p.code);
      return { row: p.row, col: p.col, name: chartText(shortName(a?.name ?? p.code)), valueText: a?.value == null ? '—' : formatValue(a.value, spec, lang, false), quintile: a?.quintile ?? null };
    });
    if (tiles.length > 0)
      map = { svg: renderChart(tileMap(tiles), { label: t('compare.tileMapWardDarker', { heading }) }) };
  }

  const asOf = `${t('compare.asOfLabel')}${pick(lang, spec.numerator.label)} ${vintageText(total.numerator_vintage, lang)}` +
    (spec.denominator && total.denominator_vintage ? `${t('list.semicolon')}${pick(lang, spec.denominator.label)} ${vintageText(total.denominator_vintage, lang)}` : '');
  const notes = ranked.length >= MIN_COMPARED
    ? [
        isCount
          ? t('compare.shareDividesTotal', { wholeName: info.wholeName })
          : t('compare.ratioDividesValue', { wholeName: info.wholeName }),
        t('compare.quintilesSplitRankedInto', { counter: info.memberNoun.counter }),
      ]
    : [];
  const notCompared = ranked.length >= MIN_COMPARED ? null : t('compare.fewerThanTwoAtOneDate', { counter: info.memberNoun.counter });
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
    chart: svg ? { title: chartTitle, svg, unit: pick(lang, spec.unit), source: sourceOrNote(sourceText(site.tables, metricTables(spec), lang, vintageDates(total)), lang), tables: metricTables(spec), vintages: [...new Set(barAreas.map((a) => a.numerator_vintage).filter((v): v is string => !!v))] } : null,
    notCompared,
    table: { caption: t('compare.tableCaption', { heading, wholeName: info.wholeName, counter: info.memberNoun.counter, one: info.memberNoun.one, by: t('compare.byMember', { counter: info.memberNoun.counter, one: info.memberNoun.one }) }), head, rows, numeric: head.map((_, i) => i > 0 && i < head.length - 1) },
    map,
    boundaryMap,
    notes,
    trend: groupTrend(site, metricId, group, lang),
  };
}

/** A share (6.1%) or a ratio (0.80) as the list shows it: the column's heading says which. */
const figureCell = (f: ReturnType<typeof comparedFigure>) => (f ? `${f.text}${f.kind === 'share' ? '%' : ''}` : '—');

/** 最も多いのは青葉区・都筑区の37か所、最も少ないのは…: every area sharing the top or bottom displayed value. */
function findingText(view: MetricView, ranked: MetricView['areas'], lang: Lang): string {
  if (ranked.length === 0) return '';
  const { spec } = view;
  const shown = (v: number) => formatValue(v, spec, lang);
  const top = ranked.filter((a) => a.rank === 1);
  const lastRank = ranked.at(-1)!.rank;
  const bottom = ranked.filter((a) => a.rank === lastRank);
  const names = (list: typeof ranked) => list.map((a) => a.name).join(translate(lang, 'list.short2'));
  if (ranked.length === 1 || top[0]!.rank === lastRank)
    return translate(lang, 'compare.namesValue', { top: names(top), shown: shown(top[0]!.value!) });
  return translate(lang, 'compare.highestLowest', { top: names(top), shown: shown(top[0]!.value!), bottom: names(bottom), shown2: shown(bottom[0]!.value!) });
}

/** The page title: the metric and its group, or the metric alone where both would be too long for search results. */
function pageTitle(heading: string, whole: string, lang: Lang): string {
  const full =translate(lang, 'compare.headingWhole', { heading, whole });
  return full.length <= 60 ? full : heading;
}
