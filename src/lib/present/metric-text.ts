/**
 * Metric values in words and numbers, for both languages: the value with its unit, a comparison
 * with the city, and the one-sentence summary a ward page opens with.
 */
import { formatNumber } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { MetricSpec } from '../derive/metric-spec.ts';

/** The unit a single value is counted in ("か所" from "か所/人口1万人"; "%" stays "%"). */
export function unitShort(spec: Pick<MetricSpec, 'unit'>, lang: Lang): string {
  const unit = spec.unit[lang];
  if (unit === '%') return '%';
  return lang === 'ja' ? (unit.split('/')[0] ?? unit) : '';
}

/** 0.7445 → "0.74か所" (ja) or "0.74" (en), with the declared digits. */
export function formatValue(value: number | null, spec: Pick<MetricSpec, 'unit' | 'digits'>, lang: Lang, withUnit = true): string {
  if (value === null) return lang === 'ja' ? 'データなし' : 'no data';
  const n = formatNumber(value, spec.digits, lang);
  if (!withUnit) return n;
  const u = unitShort(spec, lang);
  return u === '%' ? `${n}%` : `${n}${u}`;
}

export type Comparison = 'above' | 'below' | 'same';

/** Above or below the city, judged on the values as displayed, so the words never contradict the digits. */
export function compareToCity(value: number, city: number, digits: number): Comparison {
  const a = Number(value.toFixed(digits));
  const b = Number(city.toFixed(digits));
  return a > b ? 'above' : a < b ? 'below' : 'same';
}

/** 人口1万人あたりの在宅療養支援診療所は0.74か所で、市全体の0.93か所を下回ります。 */
export function wardSentence(spec: MetricSpec, value: number | null, city: number | null, lang: Lang, cityName: string): string {
  const label = spec.label[lang];
  if (value === null || city === null)
    return lang === 'ja' ? `${label}はデータがありません。` : `${label}: no data.`;
  const cmp = compareToCity(value, city, spec.digits);
  const v = formatValue(value, spec, lang);
  const c = formatValue(city, spec, lang);
  if (lang === 'ja') {
    const verb = cmp === 'above' ? 'を上回ります' : cmp === 'below' ? 'を下回ります' : 'と同じです';
    return `${label}は${v}で、${cityName}全体の${c}${verb}。`;
  }
  const words = cmp === 'above' ? 'above' : cmp === 'below' ? 'below' : 'the same as';
  return `${label}: ${v}, ${words} ${cityName} as a whole (${c}).`;
}
