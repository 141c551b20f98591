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

  const rows: CsvRow[] = [];
  const errors: ParsedCsv['errors'] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step(result) {
      const line = lineOf(start);
      for (const e of result.errors) errors.push({ line, column: result.data.length, message: e.message });
      rows.push({ line, cells: result.data });
      start = result.meta.cursor;
    },
  });
  // papaparse reports a final line end as one empty row; it is not data.
  while (rows.length > 0 && isEmptyRow(rows[rows.length - 1]!.cells) && rows[rows.length - 1]!.line >= lineStarts.length - 1)
    rows.pop();
  return { rows, crlf: text.includes('\r\n'), errors };
}

export const isEmptyRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
