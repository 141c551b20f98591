/**
 * Metric values from their declarations, for every comparison group: the wards of each city, and
 * the municipalities of the site (a designated city among them, by its own figures or the sum of its
 * wards). Each area's rate; the group's value from sums (Σ numerator / Σ denominator, never a mean
 * of rates; for a plain count, the total and the mean per area); each area's rank, ratio and
 * quintile. Vintages of numerator and denominator are carried on every value.
 *
 * Rules, written out on the methodology page:
 * - The group is compared at the latest vintage that at least half of its reporting members have
 *   for the numerator (a trend, at each such vintage); the denominator
 *   is the latest vintage ending on or before it (the earliest after it when there is none; the
 *   same row when both come from one table).
 * - A member without that vintage shows its own latest value, marked, outside the ranking and the sums;
 *   the group then has no value at that vintage (the sum of the others is not the whole), and a
 *   designated city takes the sum of its wards as its own figure only where every ward has a value.
 * - Ranks count from the highest value as displayed (rounded to the declared digits), so equal
 *   displayed values share a rank; quintiles follow the ranks, so tied areas share a quintile.
 * - A rate resting on a count below the declared threshold is shown, marked, outside the ranking.
 */
import { ascending } from 'd3-array';
import type { Tables } from '../dataset.ts';
import type { MetricSpec, Operand } from '../schema/metric-spec.ts';
import { vintageOf, type Vintage } from './vintage.ts';

/** Areas a comparison needs at one date: a rank, a quintile or a ratio of one area alone compares nothing. */
export const MIN_COMPARED = 2;

/** The group of every municipality in the site: areas without a parent. */
export const MUNICIPAL_GROUP = 'municipalities';

export interface WardMetricValue {
  metric_id: string;
  /** The comparison group: the parent city's code for a ward, `municipalities` for a municipality. */
  city_code: string;
  area_code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  numerator_vintage: string | null;
  denominator_vintage: string | null;
  /** Numerator and denominator describe different dates (clinics in October over population in January). */
  vintages_differ: boolean;
  /** The value is the area's own latest, older than the group's: shown, not ranked, not summed. */
  off_vintage: boolean;
  /** The count behind a rate is below the declared small-number threshold: shown, not ranked. */
  unstable: boolean;
  rank: number | null;
  /** How many areas of the group are ranked (0 when fewer than two could be: nothing is ranked then). */
  rank_of: number;
  city_value: number | null;
  /** The value over the group's value (for a count: over the mean per area). */
  ratio_to_city: number | null;
  /** 1 = the fifth of ranked areas with the highest values. */
  quintile: number | null;
}

export interface CityMetricValue {
  metric_id: string;
  city_code: string;
  /** Σ numerator / Σ denominator × scale; for a plain count, the total. */
  value: number | null;
  /** For a plain count, the total over the areas summed; null for a rate. */
  mean: number | null;
  /** The sums; null with `value` where an area is missing from the vintage (they are not the whole's). */
  numerator: number | null;
  denominator: number | null;
  /** Areas whose numerator and denominator both exist at the group's vintage: the ones summed. */
  wards: number;
  /**
   * Areas in the group. Fewer summed (`wards`) marks a partial sum: areas whose own row says they
   * have no figure are left out. Where an area is missing from the vintage, `value` is null.
   */
  members: number;
  numerator_vintage: string | null;
  denominator_vintage: string | null;
  vintages_differ: boolean;
}

interface OperandRow {
  area_code: string;
  vintage: Vintage;
  value: number | null;
  count: number | null;
}

export interface Group {
  code: string;
  members: string[];
}

/** The groups areas are compared in: each city's wards, and every municipality in scope. */
export function comparisonGroups(tables: Tables, scope?: readonly string[]): { cities: Group[]; municipalities: Group | null } {
  const areas = tables.get('areas')?.rows ?? [];
  const inScope = (code: string, parent: string | null) => !scope || scope.includes(code) || (parent !== null && scope.includes(parent));
  const wardsOf = new Map<string, string[]>();
  const municipalities: string[] = [];
  for (const row of areas) {
    const code = String(row.area_code);
    const parent = row.parent_code ? String(row.parent_code) : null;
    if (!inScope(code, parent)) continue;
    if (parent) {
      const list = wardsOf.get(parent);
      if (list) list.push(code);
      else wardsOf.set(parent, [code]);
    } else municipalities.push(code);
  }
  const cities = [...wardsOf].map(([code, members]) => ({ code, members: members.sort(ascending) })).sort((a, b) => ascending(a.code, b.code));
  return { cities, municipalities: municipalities.length ? { code: MUNICIPAL_GROUP, members: municipalities.sort(ascending) } : null };
}

/** Every declared metric for every comparison group. */
export function deriveWardMetrics(tables: Tables, specs: readonly MetricSpec[], scope?: readonly string[], withSeries = true) {
  const groups = comparisonGroups(tables, scope);
  const rowsCache = new Map<string, Map<string, OperandRow[]>>();
  // Each operand's rows are read once and indexed by area; a designated city without its own row
  // at a vintage takes the sum of its wards, so it can stand among the municipalities.
  const rowsOf = (operand: Operand) => {
    const key = JSON.stringify(operand);
    let byArea = rowsCache.get(key);
    if (!byArea) {
      byArea = new Map();
      for (const r of operandRows(tables, operand)) push(byArea, r.area_code, r);
      // Only where every ward of the city has a value at that vintage: the sum of 17 wards is not
      // the city's figure, and the city is then compared by its last whole one.
      for (const city of groups.cities) {
        const own = new Set((byArea.get(city.code) ?? []).map((r) => r.vintage.key));
        const sums = new Map<string, { row: OperandRow; wards: Set<string> }>();
        const incomplete = new Set<string>();
        for (const ward of city.members)
          for (const r of byArea.get(ward) ?? []) {
            if (own.has(r.vintage.key)) continue;
            if (r.value === null) {
              incomplete.add(r.vintage.key);
              continue;
            }
            const s = sums.get(r.vintage.key) ?? { row: { area_code: city.code, vintage: r.vintage, value: 0, count: 0 }, wards: new Set<string>() };
            s.row.value! += r.value;
            s.row.count = s.row.count === null || r.count === null ? null : s.row.count + r.count;
            s.wards.add(ward);
            sums.set(r.vintage.key, s);
          }
        for (const [key, s] of sums) if (!incomplete.has(key) && s.wards.size === city.members.length) push(byArea, city.code, s.row);
      }
      rowsCache.set(key, byArea);
    }
    return byArea;
  };

  const wards: WardMetricValue[] = [];
  const cities: CityMetricValue[] = [];
  const municipal: WardMetricValue[] = [];
  const municipalTotals: CityMetricValue[] = [];
  const series: WardMetricValue[] = [];
  const seriesTotals: CityMetricValue[] = [];
  for (const spec of specs) {
    const num = rowsOf(spec.numerator);
    const den = spec.denominator ? rowsOf(spec.denominator) : null;
    for (const group of [...groups.cities, ...(groups.municipalities ? [groups.municipalities] : [])]) {
      const result = deriveGroup(spec, group, num, den);
      if (!result) continue;
      (group.code === MUNICIPAL_GROUP ? municipal : wards).push(...result.areas);
      (group.code === MUNICIPAL_GROUP ? municipalTotals : cities).push(result.total);
      // Every vintage of the group, when it has more than one: the values a trend is drawn from.
      if (!withSeries) continue;
      const vintages = commonVintages(group.members.map((m) => num.get(m) ?? []));
      if (vintages.length < 2) continue;
      for (const v of vintages) {
        const at = deriveGroup(spec, group, num, den, v)!;
        series.push(...at.areas.filter((a) => a.value !== null));
        seriesTotals.push(at.total);
      }
    }
  }
  return { wards, cities, municipal, municipalTotals, series, seriesTotals };
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The vintages a group is compared at: those that at least half of the members with any figure
 * have, so one area reporting a later date alone does not leave every other area without a rank.
 */
function commonVintages(memberRows: readonly (readonly OperandRow[])[]): Vintage[] {
  const counts = new Map<string, { vintage: Vintage; n: number }>();
  let reporting = 0;
  for (const rows of memberRows) {
    if (rows.length) reporting++;
    for (const key of new Set(rows.map((r) => r.vintage.key))) {
      const c = counts.get(key) ?? { vintage: rows.find((r) => r.vintage.key === key)!.vintage, n: 0 };
      c.n++;
      counts.set(key, c);
    }
  }
  return [...counts.values()]
    .filter((c) => c.n * 2 >= reporting)
    .map((c) => c.vintage)
    .sort((a, b) => ascending(a.end, b.end) || ascending(a.key, b.key));
}
const commonLatest = (memberRows: readonly (readonly OperandRow[])[]) => commonVintages(memberRows).at(-1) ?? null;

const latest = (rows: readonly OperandRow[]) => rows.reduce<OperandRow | null>((a, r) => (!a || r.vintage.end > a.vintage.end || (r.vintage.end === a.vintage.end && r.vintage.key > a.vintage.key) ? r : a), null);
/**
 * The denominator row paired with a numerator ending on `end`: the latest one ending on or before
 * it (the figure known at the time), or, when there is none, the earliest after it. A later
 * vintage added to the data therefore never changes how an earlier figure was computed.
 */
const paired = (rows: readonly OperandRow[], end: string) => {
  let before: OperandRow | null = null;
  let after: OperandRow | null = null;
  for (const r of rows) {
    if (r.vintage.end <= end) {
      if (!before || r.vintage.end > before.vintage.end) before = r;
    } else if (!after || r.vintage.end < after.vintage.end) after = r;
  }
  return before ?? after;
};

/**
 * One metric in one group at one vintage: the latest any member has, or `at`. At the latest, a
 * member without it shows its own latest value (marked); at an earlier vintage `at`, it has none.
 */
function deriveGroup(spec: MetricSpec, group: Group, num: Map<string, OperandRow[]>, den: Map<string, OperandRow[]> | null, at?: Vintage) {
  const memberRows = group.members.map((m) => num.get(m) ?? []);
  const groupLatest = at ? null : commonLatest(memberRows);
  if (!at && !groupLatest) return null;
  const groupVintage = at ?? groupLatest!;
  const sameTable = !spec.denominator || spec.numerator.table === spec.denominator.table;
  // The group's denominator vintage: the latest on or before its numerator vintage among the members'.
  const groupDenVintage = !den ? null : sameTable ? groupVintage : (paired(group.members.flatMap((m) => den.get(m) ?? []), groupVintage.end)?.vintage ?? null);
  const isCount = !spec.denominator;

  interface Draft {
    area: string;
    n: OperandRow | null;
    d: number | null;
    dVintage: string | null;
    value: number | null;
    off: boolean;
    unstable: boolean;
  }
  const drafts: Draft[] = group.members.map((area, i) => {
    const rows = memberRows[i]!;
    const atGroup = rows.find((r) => r.vintage.key === groupVintage.key) ?? null;
    const n = atGroup ?? (at ? null : latest(rows));
    const off = !atGroup && n !== null;
    let d: number | null = null;
    let dVintage: string | null = null;
    if (n && !isCount) {
      const own = den!.get(area) ?? [];
      const match = sameTable
        ? own.find((r) => r.vintage.key === n.vintage.key)
        : off
          ? paired(own, n.vintage.end)
          : own.find((r) => r.vintage.key === groupDenVintage?.key);
      d = match?.value ?? null;
      dVintage = match?.vintage.key ?? null;
    }
    const value = n?.value == null ? null : isCount ? n.value : d !== null && d > 0 ? (n.value / d) * spec.scale : null;
    const unstable = !isCount && value !== null && n?.count != null && n.count < spec.smallCount;
    return { area, n, d, dVintage, value, off, unstable };
  });

  // Sums over the members at the group's vintage where both parts exist. A member that reports
  // this figure but has no row at that vintage (missing from it, rather than a row saying it has
  // no figure, like a hub not open yet) leaves the sum short of the whole: no group value then.
  const summed = drafts.filter((x) => !x.off && x.value !== null);
  const missing = group.members.some((area, i) => {
    const rows = memberRows[i]!;
    if (rows.length > 0 && !rows.some((r) => r.vintage.key === groupVintage.key)) return true;
    if (isCount || sameTable || !groupDenVintage) return false;
    const own = den!.get(area) ?? [];
    return own.length > 0 && !drafts[i]!.off && rows.length > 0 && !own.some((r) => r.vintage.key === groupDenVintage.key);
  });
  const sumNum = summed.reduce((a, x) => a + x.n!.value!, 0);
  const sumDen = isCount ? summed.length : summed.reduce((a, x) => a + x.d!, 0);
  const total = summed.length === 0 || missing ? null : isCount ? sumNum : sumDen > 0 ? (sumNum / sumDen) * spec.scale : null;
  const mean = isCount && summed.length > 0 && !missing ? sumNum / summed.length : null;
  const reference = isCount ? mean : total;

  // Ranks on the values as displayed; competition ranking (1, 2, 2, 4). A rank needs another
  // area to be ranked against: one area alone at the group's date gets none (never "1/1").
  const rankable = drafts.filter((x) => !x.off && !x.unstable && x.value !== null);
  const ranked = rankable.length >= MIN_COMPARED ? rankable : [];
  const shown = (v: number) => Number(v.toFixed(spec.digits));
  const ordered = [...ranked].sort((a, b) => shown(b.value!) - shown(a.value!));
  const rankOf = new Map<string, number>();
  ordered.forEach((x, i) => rankOf.set(x.area, i > 0 && shown(x.value!) === shown(ordered[i - 1]!.value!) ? rankOf.get(ordered[i - 1]!.area)! : i + 1));

  const vintagesDiffer = !isCount && groupDenVintage !== null && groupDenVintage.key !== groupVintage.key;
  const areas: WardMetricValue[] = drafts.map((x) => {
    const rank = rankOf.get(x.area) ?? null;
    return {
      metric_id: spec.id,
      city_code: group.code,
      area_code: x.area,
      value: x.value,
      numerator: x.n?.value ?? null,
      denominator: isCount ? null : x.d,
      numerator_vintage: x.n?.vintage.key ?? null,
      denominator_vintage: isCount ? null : x.dVintage,
      vintages_differ: !isCount && x.dVintage !== null && x.n !== null && x.dVintage !== x.n.vintage.key,
      off_vintage: x.off,
      unstable: x.unstable,
      rank,
      rank_of: ranked.length,
      city_value: total,
      // A ratio to the group's value only where that value sums this area with at least one
      // other at the same date: otherwise it is the area's own figure, or another area's.
      ratio_to_city: x.value !== null && reference && !x.off && summed.length >= MIN_COMPARED ? x.value / reference : null,
      quintile: rank === null ? null : Math.floor(((rank - 1) * 5) / ranked.length) + 1,
    };
  });
  return {
    areas,
    total: {
      metric_id: spec.id,
      city_code: group.code,
      value: total,
      mean,
      numerator: missing ? null : sumNum,
      denominator: missing ? null : sumDen,
      wards: summed.length,
      members: group.members.length,
      numerator_vintage: groupVintage.key,
      denominator_vintage: isCount ? null : (groupDenVintage?.key ?? null),
      vintages_differ: vintagesDiffer,
    } satisfies CityMetricValue,
  };
}

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
