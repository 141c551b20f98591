/**
 * Metric values in words and numbers, for both languages: the value with its unit, a comparison
 * with the group's value, rank texts, and the one-sentence summary an area page opens with.
 */
import { formatNumber } from '../format.ts';
import { pick, type Lang } from '../i18n.ts';
import type { MetricSpec } from '../schema/metric-spec.ts';
import { MIN_COMPARED, type CityMetricValue, type WardMetricValue } from '../derive/ward-metrics.ts';
import { translate } from '../i18n/translate.ts';
import { countsWithCounter } from '../i18n/grammar.ts';

/** The unit a single value is counted in ("か所" from "か所/人口1万人"; "%" stays "%"). */
export function unitShort(spec: Pick<MetricSpec, 'unit'>, lang: Lang): string {
  const unit = pick(lang, spec.unit);
  if (unit === '%') return '%';
  return countsWithCounter(lang) ? (unit.split('/')[0] ?? unit) : '';
}

/** 0.7445 → "0.74か所" (ja) or "0.74" (en), with the declared digits. */
export function formatValue(value: number | null, spec: Pick<MetricSpec, 'unit' | 'digits'>, lang: Lang, withUnit = true): string {
  if (value === null) return translate(lang, 'common.noData');
  const n = formatNumber(value, spec.digits, lang);
  if (!withUnit) return n;
  const u = unitShort(spec, lang);
  return u === '%' ? `${n}%` : `${n}${u}`;
}

export type Comparison = 'above' | 'below' | 'same';

/**
 * Within this share of the group's value, an area is "about the same": differences smaller than
 * that are within what the dates and rounding of the sources can carry. Stated on the methodology page.
 */
export const SAME_TOLERANCE = 0.05;

/** Above, below or about the same as the group, judged on the displayed values and the tolerance. */
export function compareToCity(value: number, city: number, digits: number): Comparison {
  const a = Number(value.toFixed(digits));
  const b = Number(city.toFixed(digits));
  if (a === b) return 'same';
  if (b !== 0 && Math.abs(a / b - 1) <= SAME_TOLERANCE) return 'same';
  return a > b ? 'above' : 'below';
}

/** 人口1万人あたりの在宅療養支援診療所は0.74か所で、横浜市全体の0.93か所を下回ります。 */
export function wardSentence(spec: MetricSpec, w: Pick<WardMetricValue, 'value' | 'city_value' | 'vintages_differ' | 'off_vintage'>, lang: Lang, wholeName: string): string {
  const label = pick(lang, spec.label);
  if (w.value === null || w.city_value === null) return translate(lang, 'metricText.noData', { label });
  const v = formatValue(w.value, spec, lang);
  const c = formatValue(w.city_value, spec, lang);
  if (w.off_vintage)
    return translate(lang, 'metricText.anotherDateThanS', { label, v, wholeName, c });
  const cmp = compareToCity(w.value, w.city_value, spec.digits);
  const caveat = w.vintages_differ ? translate(lang, 'metricText.numeratorDenominatorAreDifferent') : '';
  return translate(lang, `metricText.sentence.${cmp}`, { label, v, wholeName, c, caveat });
}

/** "6/18" for a ranked value, or why it is not ranked. */
export function rankText(w: Pick<WardMetricValue, 'rank' | 'rank_of' | 'unstable' | 'off_vintage' | 'value'>, lang: Lang): string {
  if (w.rank !== null) return `${w.rank}/${w.rank_of}`;
  if (w.value === null) return '—';
  if (w.off_vintage) return translate(lang, 'metricText.notRanked');
  if (w.unstable) return translate(lang, 'common.notRanked');
  return '—';
}

/** The value as a table shows it, with its marks: ＊ small count, † another date. */
export function valueCell(w: Pick<WardMetricValue, 'value' | 'unstable' | 'off_vintage'>, spec: MetricSpec, lang: Lang, withUnit = false): string {
  return formatValue(w.value, spec, lang, withUnit) + (w.unstable ? ' *' : '') + (w.off_vintage ? ' †' : '');
}

/** A chart label: the short name with the same marks as the table (＊ small count, † another date). */
export function markedName(a: Pick<WardMetricValue, 'unstable' | 'off_vintage'> & { name: string }): string {
  return shortName(a.name) + (a.unstable ? ' *' : '') + (a.off_vintage ? ' †' : '');
}

/** A ward's short name for chart labels: 鶴見区 → 鶴見, Tsurumi Ward → Tsurumi. */
export const shortName = (name: string) => name.replace(/(区| Ward)$/, '') || name;

/** The marks a value can carry (valueCell, markedName), each with the note that explains it. */
const MARKS = [
  { mark: /(^|\s)[*＊](\s|$)/, note: 'marks.smallCount' },
  { mark: /†/, note: 'marks.otherDate' },
] as const;

/**
 * The notes explaining the marks that `cells` carry, and only those: a note under a table whose
 * cells carry no † says nothing of †.
 */
export function markNotes(cells: readonly string[], lang: Lang): string[] {
  return MARKS.filter(({ mark }) => cells.some((c) => mark.test(c))).map(({ note }) => translate(lang, note));
}

/**
 * Can an area's value be set against its group's? Only where the group's value sums at least two
 * areas at one date, this one among them: a "whole" of one area is that area's own figure, or
 * another's.
 */
export function comparedWithWhole(w: Pick<WardMetricValue, 'value' | 'off_vintage'>, total: Pick<CityMetricValue, 'wards'>): boolean {
  return w.value !== null && !w.off_vintage && total.wards >= MIN_COMPARED;
}

/**
 * An area against its whole: a count as its share of the whole's total (21 of 346 clinics: 6.1),
 * a rate as a multiple of the whole's rate (0.80); null where the two cannot be compared
 * (comparedWithWhole). The figure as a table cell shows it, and which comparison it is.
 */
export function comparedFigure(spec: Pick<MetricSpec, 'denominator'>, w: Pick<WardMetricValue, 'value' | 'off_vintage' | 'ratio_to_city'>, total: Pick<CityMetricValue, 'wards' | 'value'>, lang: Lang): { kind: 'share' | 'ratio'; text: string } | null {
  if (!comparedWithWhole(w, total)) return null;
  if (!spec.denominator) return total.value ? { kind: 'share', text: formatNumber((w.value! / total.value) * 100, 1, lang) } : null;
  return w.ratio_to_city === null ? null : { kind: 'ratio', text: formatNumber(w.ratio_to_city, 2, lang) };
}

/** The same in words, where one column mixes both kinds: 「全体の6.1%」, 「全体の0.80倍」, or a dash. */
export function comparisonText(spec: Pick<MetricSpec, 'denominator'>, w: Pick<WardMetricValue, 'value' | 'off_vintage' | 'ratio_to_city'>, total: Pick<CityMetricValue, 'wards' | 'value'>, lang: Lang): string {
  const figure = comparedFigure(spec, w, total, lang);
  if (!figure) return '—';
  return figure.kind === 'share' ? translate(lang, 'metricText.shareOfWhole', { pct: figure.text }) : translate(lang, 'metricText.ratioToWhole', { ratio: figure.text });
}
