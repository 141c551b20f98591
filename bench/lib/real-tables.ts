/**
 * The tables of data/ as plain text records, for the synthetic generator: it copies real rows
 * verbatim and grows synthetic figures from them, so it needs each cell as written, not typed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

export type RealRecord = Record<string, string>;

export interface RealTable {
  header: string[];
  records: RealRecord[];
  /** The schema's vintage columns (`as_of`, `period_start`…, `fiscal_year`), possibly none. */
  vintage: string[];
}

/** A table of `dir`, or null when it has no CSV there. */
export function readRealTable(dir: string, name: string): RealTable | null {
  const file = join(dir, `${name}.csv`);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  const schemaFile = join(dir, `${name}.schema.json`);
  const vintage = existsSync(schemaFile) ? ((JSON.parse(readFileSync(schemaFile, 'utf8')) as { vintage?: string[] }).vintage ?? []) : [];
  return {
    header,
    records: rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))),
    vintage,
  };
}

/** The calendar year a record's vintage starts in, or null when it has none. */
export function vintageYear(table: RealTable, record: RealRecord): number | null {
  const first = table.vintage[0];
  const value = first ? record[first] : undefined;
  return value ? Number(value.slice(0, 4)) : null;
}

/** Records grouped by area code, in file order. */
export function byArea(table: RealTable | null): Map<string, RealRecord[]> {
  const out = new Map<string, RealRecord[]>();
  for (const r of table?.records ?? []) {
    const code = r.area_code ?? '';
    out.set(code, [...(out.get(code) ?? []), r]);
  }
  return out;
}

/** A numeric cell, or null when it is empty or not a number. */
export function numberOf(record: RealRecord | undefined, column: string): number | null {
  const v = record?.[column];
  if (v === undefined || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
