/**
 * The vintage of a row, read from the columns its table's schema declares: an as-of date, a
 * period, or a fiscal year. `end` orders vintages and pairs a numerator with its denominator.
 */
import type { TableSchema } from '../schema/table-schema.ts';
import type { Row } from '../validate/validate-table.ts';

export interface Vintage {
  /** Stable text key: `2015-10-31`, `2015-04-01/2015-12-31` or `FY2021`. */
  key: string;
  /** The last day the figure describes, for ordering. */
  end: string;
}

export function vintageOf(schema: TableSchema, row: Row): Vintage | null {
  const fields = schema.vintage;
  const values = fields.map((f) => row[f]);
  if (fields.length === 0 || values.some((v) => v === null || v === undefined)) return null;
  if (fields.length === 1 && fields[0] === 'fiscal_year') {
    const fy = Number(values[0]);
    return { key: `FY${fy}`, end: `${fy + 1}-03-31` };
  }
  const dates = values.map(String);
  return { key: dates.join('/'), end: dates.reduce((a, b) => (a > b ? a : b)) };
}
