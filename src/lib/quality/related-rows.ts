/**
 * How a rule finds rows: cells tested against a `where`, the vintage of a row as the span of days
 * it describes (read from the columns its schema declares), and the rows related to a printed
 * figure's row by area, vintage and matching columns. Nothing here knows a date or an area: both
 * come from the row the rule starts from.
 */
import { compilePattern } from '../schema/pattern.ts';
import type { Condition, RowsSpec, Where } from '../schema/consistency-spec.ts';
import { select, wardsOf, type RowRef, type Tables } from '../dataset.ts';
import { vintageOf } from '../derive/vintage.ts';
import type { Value } from '../validate/parse-cell.ts';

/** The days a row describes: an as-of date (start = end), a period, or a fiscal year. */
export interface Span {
  start: string;
  end: string;
  /** Set when the vintage is a fiscal year, which pages write as one. */
  fiscalYear?: number;
}

/** The span of a row from its table's declared vintage columns (derive/vintage.ts), or null where it has none or a blank. */
export function spanOf(tables: Tables, ref: RowRef): Span | null {
  const schema = tables.get(ref.table)?.schema;
  const vintage = schema ? vintageOf(schema, ref.row) : null;
  if (!vintage) return null;
  if (vintage.key.startsWith('FY')) {
    // A Japanese fiscal year runs from April to March: it starts the year before it ends.
    const fy = Number(vintage.key.slice(2));
    return { start: `${fy}-04-01`, end: vintage.end, fiscalYear: fy };
  }
  const [start, end = start] = vintage.key.split('/') as [string, string?];
  return { start, end };
}

/** Whether a cell meets a condition. Values compare as written (2021 and "2021" are the same); null is a blank cell. */
export function meets(value: Value | undefined, condition: Condition): boolean {
  const text = value === null || value === undefined ? null : String(value);
  const is = (c: string | number | boolean | null) => (c === null ? text === null || text === '' : text === String(c));
  if (condition === null || typeof condition !== 'object') return is(condition);
  if (Array.isArray(condition)) return condition.some(is);
  if ('not' in condition) return Array.isArray(condition.not) ? !condition.not.some(is) : !is(condition.not);
  if ('above' in condition) return typeof value === 'number' && value > condition.above;
  if ('contains' in condition) return text !== null && text.includes(condition.contains);
  if ('notContains' in condition) return text === null || !text.includes(condition.notContains);
  const pattern = compilePattern(condition.pattern);
  return pattern.ok && text !== null && pattern.test(text);
}

/** Whether a row meets every condition of a `where`. */
export const matches = (ref: RowRef, where: Where | undefined) => Object.entries(where ?? {}).every(([column, c]) => meets(ref.row[column], c));

/** The day before an ISO date, for the vintage that ends where another begins. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export type Related = { ok: true; rows: RowRef[]; span: Span | null } | { ok: false; reason: 'no-vintage' };

/**
 * The rows of `spec.table` related to the printed figure's row `from`. The area relation defaults
 * to `same` where both tables have an area_code, else `all`.
 */
export function relatedRows(tables: Tables, from: RowRef, spec: RowsSpec): Related {
  const own = spanOf(tables, from);
  const needsSpan = spec.vintage !== 'all' || spec.during !== undefined || spec.through !== undefined;
  if (needsSpan && !own) return { ok: false, reason: 'no-vintage' };
  let rows = select(tables, spec.table);
  const areas = spec.areas ?? (hasColumn(tables, from.table, 'area_code') && hasColumn(tables, spec.table, 'area_code') ? 'same' : 'all');
  if (areas === 'same') rows = rows.filter((r) => String(r.row.area_code) === String(from.row.area_code));
  if (areas === 'wards') {
    const wards = new Set(wardsOf(tables, String(from.row.area_code)));
    rows = rows.filter((r) => wards.has(String(r.row.area_code)));
  }
  rows = rows.filter((r) => spec.match.every((c) => String(r.row[c] ?? '') === String(from.row[c] ?? '')) && matches(r, spec.where));
  if (spec.during) rows = rows.filter((r) => inside(r.row[spec.during!], own!.start, own!.end));
  if (spec.through) rows = rows.filter((r) => inside(r.row[spec.through!], '', own!.end));
  if (spec.vintage === 'all') return { ok: true, rows, span: null };
  const spans = rows.map((r) => ({ r, s: spanOf(tables, r) })).filter((x): x is { r: RowRef; s: Span } => x.s !== null);
  const pick = (keep: (s: Span) => boolean) => {
    const kept = spans.filter((x) => keep(x.s));
    return { ok: true as const, rows: kept.map((x) => x.r), span: kept[0]?.s ?? null };
  };
  switch (spec.vintage) {
    case 'same':
      return pick((s) => s.start === own!.start && s.end === own!.end);
    case 'previous':
      return pick((s) => s.end === dayBefore(own!.start));
    case 'latest':
      // Each area's newest vintage at or before the printed figure's end: a rate's denominator of its time.
      return newestPerArea(spans.filter((x) => x.s.end <= own!.end));
    case 'newest':
      // Each area's newest row: a list kept up to date area by area (a hub that opened later is listed later).
      return newestPerArea(spans);
  }
}

/** Of each area's rows (all rows, where the table has no area), those of its newest vintage. */
function newestPerArea(spans: { r: RowRef; s: Span }[]): Related {
  const newest = new Map<string, string>();
  const areaOf = (r: RowRef) => String(r.row.area_code ?? '');
  for (const { r, s } of spans) if ((newest.get(areaOf(r)) ?? '') < s.end) newest.set(areaOf(r), s.end);
  const kept = spans.filter(({ r, s }) => newest.get(areaOf(r)) === s.end);
  return { ok: true, rows: kept.map((x) => x.r), span: kept[0]?.s ?? null };
}

/** Whether the wards relation applies: the printed figure's area has wards in areas.csv. */
export const hasWards = (tables: Tables, ref: RowRef) => wardsOf(tables, String(ref.row.area_code ?? '')).length > 0;

const hasColumn = (tables: Tables, table: string, column: string) => tables.get(table)?.schema.fields.some((f) => f.name === column) ?? false;

const inside = (value: Value | undefined, start: string, end: string) => typeof value === 'string' && value >= start && value <= end;
