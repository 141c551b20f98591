/**
 * The files of one download table: the machine-readable CSV the datapackage describes (with its
 * size and hash), its Excel edition, the same rows as JSON, and where each file sits in a
 * download folder.
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

/**
 * The CSV's Excel edition: the same text after a UTF-8 byte-order mark. Excel on Japanese Windows
 * reads a CSV without a BOM as Shift_JIS (CP932) and garbles it; with the BOM it reads UTF-8.
 * Writing CP932 instead would lose every character outside it (髙, 﨑, ㈱ in some encodings, any
 * non-Japanese name), so the BOM it is. The canonical CSV stays BOM-free for the Data Package
 * readers, which would take a BOM into the first column's name.
 */
export const tableExcelCsv = (table: DownloadTable) => `\uFEFF${tableCsv(table)}`;

/**
 * The table's rows as JSON: an array of row objects, one per CSV row, keyed by the CSV's columns
 * in their order (pandas' default `orient='records'`, jq's `.[]`). What the columns mean is in
 * datapackage.json, beside it.
 */
export const tableJson = (table: DownloadTable) => {
  const columns = table.fields.map((f) => f.name);
  return JSON.stringify(table.rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))), null, 1);
};

/** Size in bytes and `sha256:` hash of the CSV, as a Data Package resource declares them. */
export function csvIntegrity(table: DownloadTable): { bytes: number; hash: string } {
  const bytes = Buffer.from(tableCsv(table), 'utf8');
  return { bytes: bytes.length, hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

/** The formats of a download table: the canonical CSV, its Excel edition, JSON and the workbook. */
export type TableFormat = 'csv' | 'excel-csv' | 'json' | 'xlsx';

/**
 * A table's file within a download folder: `population.csv`, `population.excel.csv` (sorted
 * beside its canonical file), `derived/ward_metrics.json`, `spreadsheet/derived/ward_metrics.xlsx`.
 */
export function tableFile(table: DownloadTable, format: TableFormat): string {
  const sub = table.kind === 'derived' ? 'derived/' : '';
  if (format === 'xlsx') return `spreadsheet/${sub}${table.name}.xlsx`;
  return `${sub}${table.name}.${format === 'excel-csv' ? 'excel.csv' : format}`;
}

/** The file's text for a text format. */
export function tableText(table: DownloadTable, format: Exclude<TableFormat, 'xlsx'>): string {
  return format === 'json' ? tableJson(table) : format === 'excel-csv' ? tableExcelCsv(table) : tableCsv(table);
}
