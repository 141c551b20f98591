/**
 * A CSV file written row by row: rows are buffered into chunks and flushed, so a generated table
 * of millions of rows never has to be held in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export type Cell = string | number | null | undefined;

const FLUSH_AT = 1 << 20;

/** One RFC 4180 line, quoting only the cells that need it, as data/ is written. */
export function csvLine(cells: readonly Cell[]): string {
  return (
    cells
      .map((c) => {
        if (c === null || c === undefined) return '';
        const s = String(c);
        return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
      })
      .join(',') + '\n'
  );
}

export class CsvWriter {
  readonly #fd: number;
  #chunk: string;
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.#fd = openSync(path, 'w');
    this.#chunk = csvLine(header);
  }

  /** Appends one row; cells are in header order. */
  row(cells: readonly Cell[]): void {
    this.#chunk += csvLine(cells);
    this.rows++;
    if (this.#chunk.length >= FLUSH_AT) this.#flush();
  }

  /** Appends one row given as column → value; columns not given are left empty. */
  record(header: readonly string[], values: Record<string, Cell>): void {
    this.row(header.map((h) => values[h]));
  }

  close(): void {
    this.#flush();
    closeSync(this.#fd);
  }

  #flush(): void {
    if (this.#chunk) writeSync(this.#fd, this.#chunk);
    this.#chunk = '';
  }
}
