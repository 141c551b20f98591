/**
 * CSV for download, as the Data Package specification asks: UTF-8 without a byte-order mark
 * (a BOM lands in the first header name of standard readers). Text cells that a spreadsheet would
 * run as a formula are neutralised (OWASP, "CSV Injection"): a text cell beginning with =, +, -,
 * @, a tab or a carriage return gets a leading apostrophe. Numbers are written as numbers;
 * booleans as TRUE and FALSE, the form spreadsheets write back, so a file opened and saved again
 * keeps them. Excel users get this text after a BOM (`<table>.excel.csv`, see table-files.ts) or
 * the spreadsheet edition (.xlsx) instead of this file.
 */
import Papa from 'papaparse';

export type CellValue = string | number | boolean | null;

const formulaStart = /^[=+\-@\t\r]/;

/** How a boolean is written; the datapackage declares these as the field's true and false values. */
export const booleanText = { true: 'TRUE', false: 'FALSE' } as const;

/** A text cell made safe to open in a spreadsheet; `restoreCell` undoes it exactly. */
export function neutralizeCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** The original text of a neutralised cell (for readers that want the exact value back). */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function toSafeCsv(columns: readonly string[], rows: readonly Record<string, CellValue>[]): string {
  const data = rows.map((row) =>
    columns.map((c) => {
      const v = row[c];
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return String(v);
      if (typeof v === 'boolean') return v ? booleanText.true : booleanText.false;
      return neutralizeCell(v);
    }),
  );
  return Papa.unparse({ fields: [...columns], data }, { newline: '\r\n', quotes: false }) + '\r\n';
}
