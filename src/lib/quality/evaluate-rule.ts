/**
 * The one evaluator of the consistency rules (data/consistency.json): for each printed figure a
 * rule selects, the same figure recomputed from other rows, compared to its printed precision. A
 * printed figure that cannot be recomputed (no rows to recompute it from, a blank, a division by
 * zero) is kept as skipped, with why, so the quality page can list it: nothing is left out
 * silently. Evaluation never throws on data the gate passed: a table or column a release does not
 * have reads as no rows or as blanks.
 */
import type { ConsistencyRule, OperandSpec, RowsSpec } from '../schema/consistency-spec.ts';
import type { Labels } from '../i18n/labels.ts';
import { select, type RowRef, type Tables } from '../dataset.ts';
import { compare, type Finding } from './finding.ts';
import { hasWards, matches, relatedRows, spanOf } from './related-rows.ts';

/** Why a printed figure was not compared. */
export type SkipReason = 'no-vintage' | 'no-rows' | 'blank' | 'zero' | 'several';

export interface Skipped {
  at: { table: string; line: number; column: string };
  reason: SkipReason;
}

export interface RuleResult {
  kind: ConsistencyRule['kind'];
  /** The printed figures it checks, as `table.column`. */
  printed: string;
  /** What it recomputes them from, as `table.column`. */
  from: string[];
  findings: Finding[];
  skipped: Skipped[];
}

type Computed = { ok: true; value: number; formula: string } | { ok: false; reason: SkipReason };
const fail = (reason: SkipReason): Computed => ({ ok: false, reason });

/** Evaluates rule `index` of check `checkId` on the tables. */
export function evaluateRule(tables: Tables, checkId: string, index: number, rule: ConsistencyRule): RuleResult {
  const columns = typeof rule.printed.column === 'string' ? [rule.printed.column] : rule.printed.column;
  const column = columns.join(' + ');
  const operands = operandsOf(rule);
  const from = operands.map((o) => {
    if (!('table' in o)) return `${rule.printed.table}.${o.column}`;
    const c = o.column ?? (o as RowsSpec).distinct;
    return c ? `${o.table}.${c}` : o.table;
  });
  const result: RuleResult = { kind: rule.kind, printed: `${rule.printed.table}.${column}`, from, findings: [], skipped: [] };
  const byWards = operands.some((o) => 'table' in o && o.areas === 'wards');
  for (const ref of select(tables, rule.printed.table)) {
    if (!matches(ref, rule.printed.where)) continue;
    // A rule over the wards of an area checks the figures of areas that have wards.
    if (byWards && !hasWards(tables, ref)) continue;
    const printed = printedValue(ref, rule, columns);
    if (printed === null) continue;
    const computed = recompute(tables, ref, rule);
    if (!computed.ok) {
      if (!(computed.reason === 'no-rows' && rule.unmatched === 'skip')) result.skipped.push({ at: { table: ref.table, line: ref.line, column }, reason: computed.reason });
      continue;
    }
    const explanation = rule.explanations.find((e) => matches(ref, e.where))?.text;
    result.findings.push(
      compare({
        checkId, rule: index,
        subject: fillColumns(rule.subject, ref),
        area: ref.row.area_code === undefined || ref.row.area_code === null ? null : String(ref.row.area_code),
        vintage: spanOf(tables, ref),
        printed, at: ref, column,
        recomputed: computed.value,
        formula: computed.formula,
        rounded: rule.kind === 'ratio', decimals: rule.printed.digits,
        ...(explanation ? { explanation } : {}),
      }),
    );
  }
  return result;
}

/** The figure as printed: a number (or several added up), or the weekday written after a date; null where none is printed. */
function printedValue(ref: RowRef, rule: ConsistencyRule, columns: string[]): number | null {
  if (rule.kind === 'weekday') {
    const m = /（([日月火水木金土])）$/.exec(String(ref.row[columns[0]!] ?? ''));
    return m ? WEEKDAYS.indexOf(m[1]!) : null;
  }
  let total = 0;
  for (const c of columns) {
    const v = ref.row[c];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    total += v;
  }
  return total;
}
// The weekdays as Japanese documents print them after a date, Sunday first (Date#getUTCDay).
const WEEKDAYS = '日月火水木金土';

function recompute(tables: Tables, ref: RowRef, rule: ConsistencyRule): Computed {
  switch (rule.kind) {
    case 'sum':
      return operand(tables, ref, rule.parts);
    case 'ratio': {
      const n = operand(tables, ref, rule.numerator);
      if (!n.ok) return n;
      const d = rule.denominator ? operand(tables, ref, rule.denominator) : { ok: true as const, value: 1, formula: '' };
      if (!d.ok) return d;
      if (d.value === 0) return fail('zero');
      return { ok: true, value: (n.value / d.value) * rule.scale, formula: `${n.formula}${rule.denominator ? ` / ${d.formula}` : ''}${rule.scale === 1 ? '' : ` × ${rule.scale}`}` };
    }
    case 'difference': {
      const a = operand(tables, ref, rule.value);
      if (!a.ok) return a;
      const b = operand(tables, ref, rule.minus);
      if (!b.ok) return b;
      return { ok: true, value: a.value - b.value, formula: `${a.formula} − ${b.formula}` };
    }
    case 'count': {
      const found = relatedRows(tables, ref, rule.rows);
      if (!found.ok) return fail(found.reason);
      const distinct = rule.rows.distinct;
      const value = distinct ? new Set(found.rows.map((r) => String(r.row[distinct] ?? ''))).size : found.rows.length;
      return { ok: true, value, formula: `${distinct ? `${value} distinct ${distinct} among ${found.rows.length} rows` : `${value} rows`} of ${rule.rows.table}${relation(rule.rows, ref, tables)}` };
    }
    case 'equals': {
      const one = oneRow(tables, ref, rule.value);
      if (!one.ok) return one;
      return { ok: true, value: one.value, formula: `${one.formula}` };
    }
    case 'months': {
      const span = spanOf(tables, ref);
      if (!span) return fail('no-vintage');
      const found = relatedRows(tables, ref, rule.from);
      if (!found.ok) return fail(found.reason);
      if (found.rows.length === 0) return fail('no-rows');
      if (found.rows.length > 1) return fail('several');
      const date = found.rows[0]!.row[rule.from.column];
      if (typeof date !== 'string') return fail('blank');
      return { ok: true, value: monthsOpen(date, span.start, span.end), formula: `months from ${date} (its month counted) within ${span.start} – ${span.end}` };
    }
    case 'weekday': {
      const date = ref.row[rule.date.column];
      if (typeof date !== 'string') return fail('blank');
      return { ok: true, value: new Date(`${date}T00:00:00Z`).getUTCDay(), formula: `weekday of ${date} (0 = Sunday)` };
    }
  }
}

/** A column of the printed row, or the sum of a column over related rows (null if any of them is blank: a partial sum would report a false disagreement). */
function operand(tables: Tables, ref: RowRef, spec: OperandSpec): Computed {
  if (!('table' in spec)) {
    const v = ref.row[spec.column];
    return typeof v === 'number' ? { ok: true, value: v, formula: String(v) } : fail('blank');
  }
  const found = relatedRows(tables, ref, spec);
  if (!found.ok) return fail(found.reason);
  if (found.rows.length === 0) return fail('no-rows');
  let total = 0;
  for (const r of found.rows) {
    const v = r.row[spec.column];
    if (typeof v !== 'number') return fail('blank');
    total += v;
  }
  // The column is in the rule's description; the formula says which rows, in words that wrap.
  return { ok: true, value: total, formula: found.rows.length === 1 ? `${total} (${spec.table} line ${found.rows[0]!.line})` : `${total} (Σ ${found.rows.length} rows of ${spec.table}${relation(spec, ref, tables, ', ')})` };
}

/** The one related row's figure. */
function oneRow(tables: Tables, ref: RowRef, spec: RowsSpec & { column: string }): Computed {
  const found = relatedRows(tables, ref, spec);
  if (!found.ok) return fail(found.reason);
  if (found.rows.length === 0) return fail('no-rows');
  if (found.rows.length > 1) return fail('several');
  const v = found.rows[0]!.row[spec.column];
  return typeof v === 'number' ? { ok: true, value: v, formula: `${v} (${spec.table} line ${found.rows[0]!.line})` } : fail('blank');
}

/** How the rows were chosen, for the formula: ` (wards of 14100, newest vintage)`, or after `lead`. */
function relation(spec: RowsSpec, ref: RowRef, tables: Tables, lead?: string): string {
  const parts: string[] = [];
  if (spec.areas === 'wards') parts.push(`wards of ${String(ref.row.area_code)}`);
  const span = spanOf(tables, ref);
  if (span && spec.during) parts.push(`${spec.during} in ${span.start} – ${span.end}`);
  if (span && spec.through) parts.push(`${spec.through} up to ${span.end}`);
  if (spec.vintage !== 'same' && spec.vintage !== 'all') parts.push(vintageWords[spec.vintage]);
  if (!parts.length) return '';
  return lead ? `${lead}${parts.join(', ')}` : ` (${parts.join(', ')})`;
}

const vintageWords = { latest: 'latest on or before it', newest: 'newest', previous: 'the period before' } as const;

function operandsOf(rule: ConsistencyRule): (OperandSpec | RowsSpec)[] {
  switch (rule.kind) {
    case 'sum':
      return [rule.parts];
    case 'ratio':
      return rule.denominator ? [rule.numerator, rule.denominator] : [rule.numerator];
    case 'difference':
      return [rule.value, rule.minus];
    case 'count':
      return [rule.rows];
    case 'equals':
      return [rule.value];
    case 'months':
      return [rule.from];
    case 'weekday':
      return [rule.date];
  }
}

/** A subject with the printed row's `{column}` placeholders filled; `{area}` and `{vintage}` stay for the page. */
function fillColumns(subject: Labels, ref: RowRef): Labels {
  const fill = (s: string) => s.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name: string) => (name === 'area' || name === 'vintage' || !(name in ref.row) ? whole : String(ref.row[name] ?? '')));
  return Object.fromEntries(Object.entries(subject).map(([lang, s]) => [lang, fill(s)]));
}

/** Calendar months from the month of `opened` to the end of the period, counted inside the period. */
export function monthsOpen(opened: string, periodStart: string, periodEnd: string): number {
  const month = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  const first = Math.max(month(opened), month(periodStart));
  return Math.max(0, month(periodEnd) - first + 1);
}
