/**
 * CSV for download: UTF-8 with a byte-order mark, so that Excel in Japan opens it as UTF-8, and
 * with text cells that a spreadsheet would run as a formula neutralised (OWASP, "CSV Injection"):
 * a text cell beginning with =, +, -, @, a tab or a carriage return gets a leading apostrophe.
 * Numbers are written as numbers and never altered.
 */
import Papa from 'papaparse';

export type CellValue = string | number | boolean | null;

const formulaStart = /^[=+\-@\t\r]/;

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
      if (typeof v === 'boolean') return v ? 'true' : 'false';
      return neutralizeCell(v);
    }),
  );
  return '\uFEFF' + Papa.unparse({ fields: [...columns], data }, { newline: '\r\n', quotes: false }) + '\r\n';
}
