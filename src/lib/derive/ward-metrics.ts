/**
 * Ward metrics from their declarations: each ward's rate, the city's rate from sums (Σ numerator /
 * Σ denominator, never a mean of ward rates), each ward's rank, its ratio to the city and its
 * quintile, with the vintage of numerator and denominator carried on every value.
 */
import * as aq from 'arquero';
import { ascending } from 'd3-array';
import type { Tables } from '../dataset.ts';
import type { Row } from '../validate/validate-table.ts';
import type { MetricSpec, Operand } from './metric-spec.ts';
import { vintageOf, type Vintage } from './vintage.ts';

const { op } = aq;

export interface WardMetricValue {
  metric_id: string;
  city_code: string;
  area_code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  numerator_vintage: string;
  denominator_vintage: string | null;
  /** Numerator and denominator describe different dates (clinics in October over population in January). */
  vintages_differ: boolean;
  /** The count behind the rate is below the declared small-number threshold. */
  unstable: boolean;
  rank: number | null;
  rank_of: number;
  city_value: number | null;
  ratio_to_city: number | null;
  /** 1 = the fifth of wards with the highest values. */
  quintile: number | null;
}

export interface CityMetricValue {
  metric_id: string;
  city_code: string;
  value: number | null;
  numerator: number;
  denominator: number;
  /** Wards whose numerator and denominator both exist: the ones summed. */
  wards: number;
  numerator_vintage: string;
  denominator_vintage: string | null;
  vintages_differ: boolean;
}

interface OperandRow {
  area_code: string;
  vintage: Vintage;
  value: number | null;
  count: number | null;
}

/** Every declared metric for every ward of every city that has wards. */
export function deriveWardMetrics(tables: Tables, specs: readonly MetricSpec[]) {
  const parents = new Map<string, string>();
  for (const row of tables.get('areas')?.rows ?? [])
    if (row.parent_code) parents.set(String(row.area_code), String(row.parent_code));
  const cities = [...new Set(parents.values())].sort(ascending);

  const wards: WardMetricValue[] = [];
  const citiesOut: CityMetricValue[] = [];
  // Each operand's rows are read once and split by city, not re-read for every city.
  const byCity = new Map<string, Map<string, OperandRow[]>>();
  const rowsOf = (operand: Operand) => {
    const key = JSON.stringify(operand);
    let split = byCity.get(key);
    if (!split) {
      split = new Map();
      for (const r of operandRows(tables, operand)) {
        const city = parents.get(r.area_code);
        if (!city) continue;
        const list = split.get(city);
        if (list) list.push(r);
        else split.set(city, [r]);
      }
      byCity.set(key, split);
    }
    return split;
  };
  for (const spec of specs)
    for (const city of cities) {
      const result = deriveOne(spec, city, rowsOf(spec.numerator).get(city) ?? [], spec.denominator ? (rowsOf(spec.denominator).get(city) ?? []) : null);
      if (!result) continue;
      wards.push(...result.wards);
      citiesOut.push(result.city);
    }
  return { wards, cities: citiesOut };
}

function deriveOne(spec: MetricSpec, city: string, numerators: OperandRow[], denominators: OperandRow[] | null) {
  if (numerators.length === 0) return null;
  // The latest vintage the city's wards have for the numerator.
  const numVintage = numerators.map((r) => r.vintage).sort((a, b) => ascending(a.end, b.end)).at(-1)!;
  const num = numerators.filter((r) => r.vintage.key === numVintage.key);

  // A count has no denominator: each ward counts once, so the city value is the mean per ward.
  const denAll = denominators ?? num.map((r) => ({ ...r, value: 1, count: 1 }));
  // The same row's vintage when both come from one table; otherwise the nearest one in time.
  const denVintage = sameTable(spec)
    ? numVintage
    : denAll
        .map((r) => r.vintage)
        .sort((a, b) => ascending(distance(a.end, numVintage.end), distance(b.end, numVintage.end)) || ascending(a.end, b.end))[0];
  const den = denAll.filter((r) => r.vintage.key === denVintage?.key);

  const joined = aq
    .from(num.map((r) => ({ area_code: r.area_code, numerator: r.value, count: r.count })))
    .join_left(
      aq.from(den.length ? den.map((r) => ({ area_code: r.area_code, denominator: r.value })) : [{ area_code: '', denominator: null }]),
      'area_code',
    )
    .params({ scale: spec.scale, small: spec.smallCount })
    .derive({
      value: (d: Row, $: { scale: number }) =>
        d.numerator != null && d.denominator != null && (d.denominator as number) > 0 ? ((d.numerator as number) / (d.denominator as number)) * $.scale : null,
      unstable: (d: Row, $: { small: number }) => d.count != null && (d.count as number) < $.small,
    });

  // City value from sums over the wards where both parts exist.
  const both = joined.filter((d: Row) => d.value != null);
  const sums = both.rollup({ numerator: op.sum('numerator'), denominator: op.sum('denominator'), wards: op.count() }).object() as {
    numerator: number | null;
    denominator: number | null;
    wards: number;
  };
  const cityValue = sums.denominator ? ((sums.numerator ?? 0) / sums.denominator) * spec.scale : null;

  const ranked = both
    .orderby(aq.desc('value'))
    .derive({ rank: () => op.rank(), quintile: () => op.ntile(5) })
    .select('area_code', 'rank', 'quintile');
  const rows = joined.join_left(ranked, 'area_code').orderby('area_code').objects() as (Row & { rank: number | null; quintile: number | null })[];

  const differ = denVintage ? denVintage.key !== numVintage.key : false;
  const wardsOut: WardMetricValue[] = rows.map((r) => ({
    metric_id: spec.id,
    city_code: city,
    area_code: String(r.area_code),
    value: (r.value as number | null) ?? null,
    numerator: (r.numerator as number | null) ?? null,
    denominator: (r.denominator as number | null) ?? null,
    numerator_vintage: numVintage.key,
    denominator_vintage: denVintage?.key ?? null,
    vintages_differ: differ,
    unstable: Boolean(r.unstable),
    rank: r.rank ?? null,
    rank_of: both.numRows(),
    city_value: cityValue,
    ratio_to_city: r.value != null && cityValue ? (r.value as number) / cityValue : null,
    quintile: r.quintile ?? null,
  }));
  return {
    wards: wardsOut,
    city: {
      metric_id: spec.id,
      city_code: city,
      value: cityValue,
      numerator: sums.numerator ?? 0,
      denominator: sums.denominator ?? 0,
      wards: sums.wards,
      numerator_vintage: numVintage.key,
      denominator_vintage: denVintage?.key ?? null,
      vintages_differ: differ,
    } satisfies CityMetricValue,
  };
}

const sameTable = (spec: MetricSpec) => !spec.denominator || spec.numerator.table === spec.denominator.table;
const distance = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b));

/** An operand's value on every row of its table: columns summed, then `per` applied. */
function operandRows(tables: Tables, operand: Operand): OperandRow[] {
  const table = tables.get(operand.table);
  if (!table) throw new Error(`metric operand: no table "${operand.table}"`);
  const columns = Array.isArray(operand.column) ? operand.column : [operand.column];
  for (const c of [...columns, ...(operand.per ? [operand.per.column] : [])])
    if (!table.schema.fields.some((f) => f.name === c)) throw new Error(`metric operand: no column "${c}" in ${operand.table}`);
  return table.rows.flatMap((row) => {
    const vintage = vintageOf(table.schema, row);
    if (!vintage || row.area_code == null) return [];
    const parts = columns.map((c) => row[c]);
    const count = parts.every((v) => typeof v === 'number') ? (parts as number[]).reduce((a, b) => a + b, 0) : null;
    let value = count;
    if (operand.per && value !== null) {
      const by = row[operand.per.column];
      value = typeof by === 'number' && by > 0 ? (value / by) * operand.per.times : null;
    }
    return [{ area_code: String(row.area_code), vintage, value, count }];
  });
}
