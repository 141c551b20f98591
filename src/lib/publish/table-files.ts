/**
 * The files of one download table: the machine-readable CSV the datapackage describes (with its
 * size and hash), the same rows as JSON, and where each file sits in a download folder.
 */
import { createHash } from 'node:crypto';
import { toSafeCsv } from './csv-safe.ts';
import type { DownloadTable } from './downloads.ts';

const csvTexts = new WeakMap<DownloadTable, string>();

/** The table as CSV (see csv-safe.ts), built once: the file and the datapackage's hash must agree. */
export function tableCsv(table: DownloadTable): string {
  let text = csvTexts.get(table);
  if (text === undefined) csvTexts.set(table, (text = toSafeCsv(table.fields.map((f) => f.name), table.rows)));
  return text;
}

/** The table's rows as JSON, with its name and title. */
export const tableJson = (table: DownloadTable) => JSON.stringify({ name: table.name, title: table.title, rows: table.rows }, null, 1);

/** Size in bytes and `sha256:` hash of the CSV, as a Data Package resource declares them. */
export function csvIntegrity(table: DownloadTable): { bytes: number; hash: string } {
  const bytes = Buffer.from(tableCsv(table), 'utf8');
  return { bytes: bytes.length, hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

/** A table's file within a download folder: `population.csv`, `derived/ward_metrics.json`, `spreadsheet/derived/ward_metrics.xlsx`. */
export function tableFile(table: DownloadTable, format: 'csv' | 'json' | 'xlsx'): string {
  const sub = table.kind === 'derived' ? 'derived/' : '';
  return format === 'xlsx' ? `spreadsheet/${sub}${table.name}.xlsx` : `${sub}${table.name}.${format}`;
}
