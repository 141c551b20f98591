/**
 * CSV text to rows of cells, each row with the file line it starts on, so that every later
 * problem can name its line. Parsing is papaparse's (RFC 4180 quoting, any line ending).
 */
import Papa from 'papaparse';

export interface CsvRow {
  /** 1-based line of the file on which the row starts (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  rows: CsvRow[];
  crlf: boolean;
  /** Quoting errors, with the line they start on. */
  errors: { line: number; column: number; message: string }[];
}

export function parseCsvText(text: string): ParsedCsv {
  const rows: CsvRow[] = [];
  const errors: ParsedCsv['errors'] = [];
  const { crlf } = forEachCsvRow(text, (row) => rows.push(row), (err) => errors.push(err));
  return { rows, crlf, errors };
}

/**
 * The same rows handed over one at a time, so a large file is never held as a list of rows as
 * well as its text: memory for a 200 MB table stays with the values it keeps.
 */
export function forEachCsvRow(
  text: string,
  onRow: (row: CsvRow) => void,
  onError: (err: ParsedCsv['errors'][number]) => void = () => {},
): { crlf: boolean } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  // Empty rows are held back until a row with content follows: papaparse reports a final line
  // end as one empty row, which is not data.
  let pending: CsvRow[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step(result) {
      const line = lineOf(start);
      for (const e of result.errors) onError({ line, column: result.data.length, message: e.message });
      const row = { line, cells: result.data };
      if (isEmptyRow(row.cells)) pending.push(row);
      else {
        for (const p of pending) onRow(p);
        pending = [];
        onRow(row);
      }
      start = result.meta.cursor;
    },
  });
  while (pending.length > 0 && pending[pending.length - 1]!.line >= lineStarts.length - 1) pending.pop();
  for (const p of pending) onRow(p);
  return { crlf: text.includes('\r\n') };
}

export const isEmptyRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
