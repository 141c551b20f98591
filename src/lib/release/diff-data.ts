/**
 * What changed between two versions of the data: rows added, removed and changed in each table
 * (matched by the schema's primary key, named by area and vintage), tables and columns added or
 * removed, and how the changes move each ward's rank in each metric. Pure: the caller reads the
 * two versions and prints the result.
 */
import type { Tables } from '../dataset.ts';
import { bilingual } from '../i18n/labels.ts';
import type { MetricSpec } from '../schema/metric-spec.ts';
import { vintageOf } from '../derive/vintage.ts';
import { deriveWardMetrics, type WardMetricValue } from '../derive/ward-metrics.ts';
import type { Value } from '../validate/parse-cell.ts';
import type { Row, Table } from '../validate/validate-table.ts';

export interface CellChange {
  column: string;
  before: Value;
  after: Value;
}

export interface RowDiff {
  /** Primary-key values, in the key's order. */
  key: Record<string, Value>;
  /** The area the row is about, when the table has an `area_code` column. */
  area: { code: string; nameJa: string | null } | null;
  /** The row's vintage (`2015-01-01`, `2015-04-01/2015-12-31`, `FY2021`), when the schema declares one. */
  vintage: string | null;
  /** Key values that are neither the area nor the vintage (`source_id`, `line_id`). */
  rest: Record<string, Value>;
  /** CSV line in the earlier and the later file (absent on the side where the row does not exist). */
  lineBefore?: number;
  lineAfter?: number;
  /** Added or removed rows: every value. Changed rows: none (see `changes`). */
  row?: Row;
  /** Changed rows: each column whose value differs, in the later schema's column order. */
  changes: CellChange[];
}

export interface TableDiff {
  table: string;
  status: 'added' | 'removed' | 'changed';
  rowsBefore: number;
  rowsAfter: number;
  columnsAdded: string[];
  columnsRemoved: string[];
  /** Set when the schema's primary key changed. */
  primaryKeyChanged: { before: string[]; after: string[] } | null;
  /** False when the earlier rows lack a column of the later key: rows are then only counted. */
  rowsMatched: boolean;
  added: RowDiff[];
  removed: RowDiff[];
  changed: RowDiff[];
}

export interface DataDiff {
  tablesAdded: string[];
  tablesRemoved: string[];
  /** Only tables with a difference, by name. */
  tables: TableDiff[];
}

/** Rows, columns and tables that differ between two validated datasets. */
export function diffTables(before: Tables, after: Tables): DataDiff {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  const areaNames = new Map<string, string>();
  for (const tables of [before, after])
    for (const row of tables.get('areas')?.rows ?? []) if (row.area_code != null && row.name_ja != null) areaNames.set(String(row.area_code), String(row.name_ja));

  const out: TableDiff[] = [];
  for (const name of names) {
    const a = before.get(name);
    const b = after.get(name);
    if (!a || !b) {
      // A whole table is reported by its size; listing each of its rows would drown the rest.
      out.push({
        table: name, status: a ? 'removed' : 'added', rowsBefore: a?.rows.length ?? 0, rowsAfter: b?.rows.length ?? 0,
        columnsAdded: [], columnsRemoved: [], primaryKeyChanged: null, rowsMatched: false, added: [], removed: [], changed: [],
      });
      continue;
    }
    const diff = diffTable(a, b, areaNames);
    if (diff) out.push(diff);
  }
  return {
    tablesAdded: out.filter((t) => t.status === 'added').map((t) => t.table),
    tablesRemoved: out.filter((t) => t.status === 'removed').map((t) => t.table),
    tables: out,
  };
}

function diffTable(a: Table, b: Table, areaNames: ReadonlyMap<string, string>): TableDiff | null {
  const colsA = a.schema.fields.map((f) => f.name);
  const colsB = b.schema.fields.map((f) => f.name);
  const columnsAdded = colsB.filter((c) => !colsA.includes(c));
  const columnsRemoved = colsA.filter((c) => !colsB.includes(c));
  const common = colsB.filter((c) => colsA.includes(c));

  // Rows are matched by the later key whenever the earlier rows have its columns, so a key that
  // only gained a column still pairs rows; otherwise they cannot be paired and are only counted.
  const key = b.schema.primaryKey;
  const rowsMatched = key.every((k) => colsA.includes(k));
  const primaryKeyChanged = a.schema.primaryKey.join('\u0000') === key.join('\u0000') ? null : { before: a.schema.primaryKey, after: key };
  const base = {
    table: b.name, status: 'changed' as const, rowsBefore: a.rows.length, rowsAfter: b.rows.length, columnsAdded, columnsRemoved,
    primaryKeyChanged, rowsMatched,
  };
  if (!rowsMatched) return { ...base, added: [], removed: [], changed: [] };

  const keyOf = (row: Row) => key.map((k) => cellText(row[k])).join('\u0000');
  const indexA = new Map(a.rows.map((row, i) => [keyOf(row), i] as const));
  const indexB = new Map(b.rows.map((row, i) => [keyOf(row), i] as const));
  const identify = (table: Table, row: Row) => identity(table, row, key, areaNames);

  const added: RowDiff[] = [];
  const removed: RowDiff[] = [];
  const changed: RowDiff[] = [];
  b.rows.forEach((row, i) => {
    const j = indexA.get(keyOf(row));
    if (j === undefined) {
      added.push({ ...identify(b, row), lineAfter: b.lines[i]!, row, changes: [] });
      return;
    }
    const old = a.rows[j]!;
    const changes = common
      .filter((c) => cellText(old[c]) !== cellText(row[c]))
      .map((c) => ({ column: c, before: old[c] ?? null, after: row[c] ?? null }));
    if (changes.length > 0) changed.push({ ...identify(b, row), lineBefore: a.lines[j]!, lineAfter: b.lines[i]!, changes });
  });
  a.rows.forEach((row, i) => {
    if (!indexB.has(keyOf(row))) removed.push({ ...identify(a, row), lineBefore: a.lines[i]!, row, changes: [] });
  });

  const differs = columnsAdded.length + columnsRemoved.length + added.length + removed.length + changed.length > 0 || primaryKeyChanged;
  return differs ? { ...base, added, removed, changed } : null;
}

function identity(table: Table, row: Row, key: readonly string[], areaNames: ReadonlyMap<string, string>) {
  const hasArea = table.schema.fields.some((f) => f.name === 'area_code');
  const code = hasArea && row.area_code != null ? String(row.area_code) : null;
  const vintageFields = new Set(table.schema.vintage);
  return {
    key: Object.fromEntries(key.map((k) => [k, row[k] ?? null])),
    area: code === null ? null : { code, nameJa: areaNames.get(code) ?? null },
    vintage: vintageOf(table.schema, row)?.key ?? null,
    rest: Object.fromEntries(key.filter((k) => k !== 'area_code' && !vintageFields.has(k)).map((k) => [k, row[k] ?? null])),
  };
}

/** A cell as the CSV would spell it, so a value read as another type (97711 and "97711") is not a change. */
export const cellText = (v: Value | undefined): string => (v === null || v === undefined ? '' : String(v));

export interface RankMove {
  cityCode: string;
  areaCode: string;
  nameJa: string | null;
  /** Null where the ward has no value (a missing operand) or no row. */
  rankBefore: number | null;
  rankAfter: number | null;
  /** How many wards were ranked. */
  rankOfBefore: number;
  rankOfAfter: number;
  valueBefore: number | null;
  valueAfter: number | null;
}

export interface MetricRankDiff {
  metricId: string;
  label: { ja: string; en: string };
  /** Decimal places the site prints for this metric. */
  digits: number;
  status: 'added' | 'removed' | 'changed';
  /** The declaration in metrics.json itself changed (operands, scale, labels). */
  definitionChanged: boolean;
  /** Why the metric could not be computed on a side (its table or column is gone). */
  errorBefore: string | null;
  errorAfter: string | null;
  /** Wards whose rank moved, by city and area code. */
  moves: RankMove[];
}

export type SpecsPair = readonly MetricSpec[] | { before: readonly MetricSpec[]; after: readonly MetricSpec[] };

/**
 * For each metric declared on either side, every ward whose rank moved, with its value before
 * and after. Metrics with nothing to say are left out.
 */
export function diffRanks(before: Tables, after: Tables, specs: SpecsPair): MetricRankDiff[] {
  const specsBefore = 'before' in specs ? specs.before : specs;
  const specsAfter = 'after' in specs ? specs.after : specs;
  const ids = [...new Set([...specsBefore.map((s) => s.id), ...specsAfter.map((s) => s.id)])];
  const names = new Map<string, string>();
  for (const tables of [before, after])
    for (const row of tables.get('areas')?.rows ?? []) if (row.area_code != null && row.name_ja != null) names.set(String(row.area_code), String(row.name_ja));

  const out: MetricRankDiff[] = [];
  for (const id of ids) {
    const sa = specsBefore.find((s) => s.id === id);
    const sb = specsAfter.find((s) => s.id === id);
    const spec = (sb ?? sa)!;
    const wa = sa ? derive(before, sa) : { wards: [], error: null };
    const wb = sb ? derive(after, sb) : { wards: [], error: null };
    const key = (w: WardMetricValue) => `${w.city_code}\u0000${w.area_code}`;
    const mapA = new Map(wa.wards.map((w) => [key(w), w] as const));
    const mapB = new Map(wb.wards.map((w) => [key(w), w] as const));
    const keys = [...new Set([...mapA.keys(), ...mapB.keys()])].sort();
    const moves: RankMove[] = [];
    // A metric that appears or disappears moves every ward; saying so once is enough.
    const paired = sa && sb ? keys : [];
    for (const k of paired) {
      const x = mapA.get(k);
      const y = mapB.get(k);
      const rankBefore = x?.rank ?? null;
      const rankAfter = y?.rank ?? null;
      if (rankBefore === rankAfter) continue;
      const [cityCode, areaCode] = k.split('\u0000') as [string, string];
      moves.push({
        cityCode, areaCode, nameJa: names.get(areaCode) ?? null, rankBefore, rankAfter,
        rankOfBefore: x?.rank_of ?? 0, rankOfAfter: y?.rank_of ?? 0, valueBefore: x?.value ?? null, valueAfter: y?.value ?? null,
      });
    }
    const status = !sa ? 'added' : !sb ? 'removed' : 'changed';
    const definitionChanged = Boolean(sa && sb && JSON.stringify(sa) !== JSON.stringify(sb));
    if (status === 'changed' && !definitionChanged && moves.length === 0 && wa.error === wb.error) continue;
    out.push({
      metricId: id, label: bilingual(spec.label), digits: spec.digits, status, definitionChanged,
      errorBefore: wa.error, errorAfter: wb.error, moves,
    });
  }
  return out;
}

function derive(tables: Tables, spec: MetricSpec): { wards: WardMetricValue[]; error: string | null } {
  try {
    return { wards: deriveWardMetrics(tables, [spec]).wards, error: null };
  } catch (err) {
    return { wards: [], error: (err as Error).message };
  }
}
