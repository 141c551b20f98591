/**
 * The boundary map of one metric in one group (a city's wards, or the municipalities of the site),
 * as a chart of the page: its title, the drawing with every area a link to its page, the unit, the
 * source of the figures and the credit of the boundaries, and a table of every area with its value
 * and quintile (the classes the comparison table gives). Null where the data folder declares no
 * boundaries (the wards keep their tile map) or the group has no figure for the metric.
 */
import { areaMap, type MapArea } from '../../charts/area-map.ts';
import { renderChart, type ChartSvg } from '../../charts/render.ts';
import { href, pick, type Lang } from '../i18n.ts';
import { translator } from '../i18n/translate.ts';
import type { SiteData } from '../site-data.ts';
import { groupInfo, metricView, shortName, type MetricView } from './groups.ts';
import { asWritten, type ChartText } from './furigana-site.ts';
import { formatValue, markNotes, rankText, valueCell } from './metric-text.ts';
import { sourceText } from './sources.ts';
import { memo, metricTables, sourceOrNote, vintageDates, vintageText } from './views.ts';
import { DISAGREEMENT_MARK, disagreementsIn } from './disagreements.ts';

export interface AreaMapChart {
  id: string;
  title: string;
  svg: ChartSvg;
  unit: string;
  source: string;
  /** How to read the map, where it is not shaded; empty otherwise. */
  note: string;
  /** The boundaries' credit and date, then how to use the map: after the source. */
  credit: string;
  /** The marks its table carries, explained. */
  tableNote: string;
  /**
   * Are the areas shaded by their quintile? Not where fewer than two areas are ranked at one date:
   * the map then locates the area (its own figure on it) and compares nothing.
   */
  classes: boolean;
  tables: string[];
  table: { caption: string; head: string[]; rows: string[][]; numeric: boolean[] };
}

/** The map of `metricId` across `group`, with `current` outlined when the map is on that area's page. */
/** `chartText` writes the map's own labels in the edition's chart text (furigana-site.ts). */
export function areaMapChart(site: SiteData, group: string, metricId: string, lang: Lang, current: string | null = null, chartText: ChartText = asWritten): AreaMapChart | null {
  const boundaries = site.boundaries;
  if (!boundaries) return null;
  const view = metricView(site, metricId, lang, group);
  if (!view || view.areas.every((a) => a.value === null)) return null;
  const t = translator(lang);
  const info = groupInfo(site, group, lang);
  const shapes = memo(site.derived, 'shapes', () => new Map(boundaries.shapes.map((s) => [s.code, s.geometry])));
  const { spec } = view;
  const heading = pick(lang, spec.label);
  const classes = view.areas.some((a) => a.quintile !== null);
  // Without classes a map locates: it prints the figure of the page's own area only, so no other
  // area's figure (of another date) stands beside it as a comparison.
  const printed = (a: MetricView['areas'][number]) => (classes || a.area_code === current ? a.value === null ? '—' : formatValue(a.value, spec, lang, false) : '');
  const areas: MapArea[] = view.areas.flatMap((a) => {
    const geometry = shapes.get(a.area_code);
    if (!geometry) return [];
    return [{
      code: a.area_code,
      geometry,
      name: chartText(shortName(a.name)),
      valueText: printed(a),
      quintile: a.quintile,
      href: href(lang, `wards/${a.area_code}/`),
      current: a.area_code === current,
    }];
  });
  if (areas.length === 0) return null;
  const one = info.memberNoun.one;
  const title = t('areaMap.title', { heading, one });
  const currentName = current ? view.byArea.get(current)?.name : undefined;
  const label = t(classes ? 'areaMap.label' : 'areaMap.locatorLabel', { heading, one, counter: info.memberNoun.counter }) + (currentName ? t('areaMap.currentOutlined', { name: currentName }) : '');
  // Outlines change only with the data, names and values with the language: one drawing per page.
  const svg = renderChart(areaMap(areas), { label });
  // A figure its source printed otherwise carries its mark here too, as in the comparison table.
  const disagreements = disagreementsIn(site, view.areas.map((w) => ({ spec, w })), lang);
  const ordered = [...view.areas].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.area_code.localeCompare(b.area_code));
  const rows = ordered.map((a) => [a.name, valueCell(a, spec, lang) + (disagreements.has(spec.id, a.area_code) ? ` ${DISAGREEMENT_MARK}` : ''), rankText(a, lang), a.quintile === null ? '—' : String(a.quintile)]);
  const note = classes ? '' : t('areaMap.notShaded', { one, counter: info.memberNoun.counter });
  const credit = [t('areaMap.boundaries', { credit: pick(lang, boundaries.credit), asOf: vintageText(boundaries.asOf, lang) }), t('areaMap.eachAreaLinks', { one })].join(' ');
  return {
    id: 'map',
    title,
    svg,
    unit: pick(lang, spec.unit),
    source: sourceOrNote(sourceText(site.tables, metricTables(spec), lang, vintageDates(view.total)), lang),
    note,
    credit,
    // The marks its table carries, explained where the table is.
    tableNote: markNotes(rows.flat(), lang).join(' '),
    classes,
    tables: metricTables(spec),
    table: {
      caption: title,
      head: [info.wards ? t('common.ward') : t('common.municipality'), `${t('common.value')}${t('compare.unitInBrackets', { unitLabel: pick(lang, spec.unit) })}`, t('common.rank'), t('compare.quintile1Highest')],
      rows,
      numeric: [false, true, true, true],
    },
  };
}
