/**
 * Read access to validated tables for the steps after validation (quality checks, metrics,
 * pages). Every row keeps its file line, so anything computed from it can cite where it came from.
 */
import type { Row, Table } from './validate/validate-table.ts';
import type { Value } from './validate/parse-cell.ts';

export type Tables = ReadonlyMap<string, Table>;

export interface RowRef {
  table: string;
  line: number;
  row: Row;
}

/** Rows of a table matching every given column value, with their lines. */
export function select(tables: Tables, name: string, where: Record<string, Value> = {}): RowRef[] {
  const table = tables.get(name);
  if (!table) return [];
  const [first, ...rest] = Object.entries(where);
  // Pages look rows up by area thousands of times per build: the first condition goes through a
  // per-table index instead of a scan, which keeps a national build linear in its pages.
  const candidates = first ? (indexOf(table, first[0]).get(first[1]) ?? []) : allRefs(table);
  // A copy: callers may sort what they get without disturbing the index.
  return rest.length === 0 ? candidates.slice() : candidates.filter((r) => rest.every(([k, v]) => r.row[k] === v));
}

const indexes = new WeakMap<Table, Map<string, Map<Value, RowRef[]>>>();
const refs = new WeakMap<Table, RowRef[]>();

function allRefs(table: Table): RowRef[] {
  let list = refs.get(table);
  if (!list) {
    list = table.rows.map((row, i) => ({ table: table.name, line: table.lines[i]!, row }));
    refs.set(table, list);
  }
  return list;
}

function indexOf(table: Table, column: string): Map<Value, RowRef[]> {
  let byColumn = indexes.get(table);
  if (!byColumn) indexes.set(table, (byColumn = new Map()));
  let index = byColumn.get(column);
  if (!index) {
    index = new Map();
    for (const ref of allRefs(table)) {
      const key = ref.row[column] ?? null;
      const bucket = index.get(key);
      if (bucket) bucket.push(ref);
      else index.set(key, [ref]);
    }
    byColumn.set(column, index);
  }
  return index;
}

/** The one row matching `where`, or an error naming what was looked for: checks must not guess. */
export function selectOne(tables: Tables, name: string, where: Record<string, Value>): RowRef {
  const found = select(tables, name, where);
  if (found.length !== 1)
    throw new Error(`expected one row in ${name} where ${JSON.stringify(where)}, found ${found.length}`);
  return found[0]!;
}

/** A numeric cell, or an error: a check that reads a blank where it expects a figure is a bug. */
export function num(ref: RowRef, column: string): number {
  const v = ref.row[column];
  if (typeof v !== 'number') throw new Error(`${ref.table}:${ref.line}: ${column} is not a number (${String(v)})`);
  return v;
}

/** Area codes of the wards of a city, from areas.csv. */
export function wardsOf(tables: Tables, cityCode: string): string[] {
  return select(tables, 'areas', { parent_code: cityCode }).map((r) => String(r.row.area_code));
}
