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
  const out: RowRef[] = [];
  table.rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(where)) if (row[k] !== v) return;
    out.push({ table: name, line: table.lines[i]!, row });
  });
  return out;
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
