/**
 * The relations each table schema declares (src/lib/schema/relations.ts), evaluated on the valid
 * rows of every table: a problem at the row's line and the column the rule is about, an error or
 * a warning as the declaration says. Runs after every table is read, since a part's whole may be
 * in another table.
 */
import type { Problem } from '../problems.ts';
import type { OtherColumn, Relation } from '../schema/relations.ts';
import type { Value } from './parse-cell.ts';
import { messages, type MessageCode } from './messages.ts';
import { maxProblemsPerKind, type Row, type Table } from './validate-table.ts';

export interface RelationContext {
  /** The day the data is published, as a rule's message names it: a release's date, or today. */
  releasedOn: { date: string; ja: string; en: string };
}

/** Today in Japan, where the data is published, whatever the machine's time zone. */
export const todayInJapan = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

/** The context of data not released yet: nothing in it can be dated after today. */
export function unreleasedContext(today = todayInJapan()): RelationContext {
  return { releasedOn: { date: today, ja: `今日（${today}）`, en: `today (${today})` } };
}

/** The context of a release's snapshot: nothing in it can be dated after the release. */
export function releaseContext(version: string, date: string): RelationContext {
  return { releasedOn: { date, ja: `版 ${version} の公開日（${date}）`, en: `the release date of ${version} (${date})` } };
}

export function checkRelations(tables: ReadonlyMap<string, Table>, context: RelationContext): Problem[] {
  const problems: Problem[] = [];
  for (const table of tables.values())
    for (const relation of table.schema.relations) {
      let shown = 0;
      let more = 0;
      const report = <C extends MessageCode>(row: number, field: string, code: C, args: Parameters<(typeof messages)[C]>[0]) => {
        if (shown++ >= maxProblemsPerKind) return void more++;
        const text = (messages[code] as (a: typeof args) => { ja: string; en: string })(args);
        problems.push({ file: table.file, line: table.lines[row]!, column: table.header.indexOf(field) + 1, severity: relation.severity, code, ...text });
      };
      check(table, relation, tables, context, report);
      if (more > 0) {
        const first = problems.findLast((p) => p.file === table.file)!;
        problems.push({ ...first, code: 'too-many', ...messages['too-many']({ count: more, code: first.code }) });
      }
    }
  return problems;
}

type Report = <C extends MessageCode>(row: number, field: string, code: C, args: Parameters<(typeof messages)[C]>[0]) => void;

function check(table: Table, r: Relation, tables: ReadonlyMap<string, Table>, context: RelationContext, report: Report) {
  const rows = table.rows;
  switch (r.rule) {
    case 'atMost': {
      const other = typeof r.limit === 'string' ? null : r.limit;
      const match = other ? matcher(other, tables) : null;
      rows.forEach((row, i) => {
        const value = row[r.field];
        const found = other ? match!(row) : { row, line: null };
        if (!found) return;
        const limitField = other ? other.field : (r.limit as string);
        const limit = found.row[limitField];
        if (!comparable(value, limit) || value! <= limit!) return;
        const dates = typeof value === 'string';
        const limitName = other ? `${other.table}.${other.field}` : limitField;
        report(i, r.field, 'relation-at-most', {
          field: r.field, value: String(value), limit: String(limit), dates, limitName,
          where: found.line === null ? null : { file: `${other!.table}.csv`, line: found.line, field: other!.field },
        });
      });
      return;
    }
    case 'share':
      rows.forEach((row, i) => {
        const [part, whole] = [row[r.part], row[r.whole]];
        if (typeof part !== 'number' || typeof whole !== 'number' || whole <= 0) return;
        const pct = (part / whole) * 100;
        if ((r.minimumPct === undefined || pct >= r.minimumPct) && (r.maximumPct === undefined || pct <= r.maximumPct)) return;
        report(i, r.part, 'relation-share', { part: r.part, whole: r.whole, pct: Math.round(pct * 10) / 10, minimum: r.minimumPct, maximum: r.maximumPct });
      });
      return;
    case 'notAfterRelease':
      rows.forEach((row, i) => {
        for (const field of r.fields) {
          const value = row[field];
          if (typeof value === 'string' && value > context.releasedOn.date)
            report(i, field, 'relation-after-release', { field, value, reference: context.releasedOn });
        }
      });
      return;
    case 'hierarchy': {
      const parentOf = new Map<string, string>();
      for (const row of rows) if (row[r.field] != null && row[r.parent] != null) parentOf.set(String(row[r.field]), String(row[r.parent]));
      const inCycle = new Set<string>();
      rows.forEach((row, i) => {
        const code = row[r.field] == null ? null : String(row[r.field]);
        if (code === null || inCycle.has(code)) return;
        const chain = [code];
        for (let at = parentOf.get(code); at !== undefined; at = parentOf.get(at)) {
          chain.push(at);
          if (at === code) {
            chain.forEach((c) => inCycle.add(c));
            report(i, r.parent, 'relation-cycle', { parent: r.parent, chain: chain.join(' → ') });
            return;
          }
          // A cycle further up is reported on its own rows.
          if (chain.indexOf(at) < chain.length - 1) return;
        }
        if (r.levels !== undefined && chain.length > r.levels) report(i, r.parent, 'relation-depth', { parent: r.parent, chain: chain.join(' → '), levels: r.levels });
      });
      return;
    }
    case 'ascending': {
      const order = rows.map((row, i) => ({ row, i })).filter(({ row }) => row[r.by] != null && row[r.field] != null);
      order.sort((a, b) => String(a.row[r.by]).localeCompare(String(b.row[r.by]), 'en', { numeric: true }));
      let latest: (typeof order)[number] | null = null;
      for (const entry of order) {
        const value = entry.row[r.field]!;
        if (latest && value < latest.row[r.field]!)
          report(entry.i, r.field, 'relation-order', {
            by: r.by, field: r.field, byValue: String(entry.row[r.by]), value: String(value),
            earlierBy: String(latest.row[r.by]), earlier: String(latest.row[r.field]), earlierLine: table.lines[latest.i]!,
          });
        else if (!latest || value > latest.row[r.field]!) latest = entry;
      }
      return;
    }
  }
}

const comparable = (a: Value | undefined, b: Value | undefined) =>
  (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');

/** The row of another table with the same values in the `on` columns, and its line. */
function matcher(other: OtherColumn, tables: ReadonlyMap<string, Table>): (row: Row) => { row: Row; line: number } | null {
  const target = tables.get(other.table);
  if (!target) return () => null;
  const key = (row: Row) => other.on.map((c) => String(row[c] ?? '')).join('\u0000');
  const index = new Map(target.rows.map((row, i) => [key(row), { row, line: target.lines[i]! }] as const));
  return (row) => index.get(key(row)) ?? null;
}
