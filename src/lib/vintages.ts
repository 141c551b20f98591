/**
 * The vintages a table covers, read from the columns its schema declares as its vintage, so the
 * index page can say "as of when" for every table without knowing the tables.
 */
import type { Table } from './validate/validate-table.ts';
import { formatDate, formatFiscalYear, formatPeriod } from './format.ts';

export function tableVintages(table: Table, locale: 'ja' | 'en' = 'ja'): string[] {
  const fields = table.schema.vintage;
  if (fields.length === 0) return [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const values = fields.map((f) => row[f]);
    if (values.some((v) => v === null || v === undefined)) continue;
    seen.add(JSON.stringify(values));
  }
  return [...seen].sort().map((key) => {
    const values = JSON.parse(key) as (string | number)[];
    if (fields.length === 2 && fields[0] === 'period_start' && fields[1] === 'period_end')
      return formatPeriod(String(values[0]), String(values[1]), locale);
    return values
      .map((v, i) => (fields[i] === 'fiscal_year' ? formatFiscalYear(Number(v), locale) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, locale) : String(v)))
      .join(' / ');
  });
}
