/**
 * Small tables written out in a test, read by the real table validator: each with its columns'
 * types, its vintage columns and its rows as CSV text.
 */
import { expect } from 'vitest';
import type { Tables } from '../../../src/lib/dataset.ts';
import { tableSchema, type FieldType } from '../../../src/lib/schema/table-schema.ts';
import { validateTable, type Table } from '../../../src/lib/validate/validate-table.ts';

export interface LiteralTable {
  fields: Record<string, FieldType>;
  vintage?: string[];
  csv: string;
}

export function tablesOf(specs: Record<string, LiteralTable>): Tables {
  const tables = new Map<string, Table>();
  for (const [name, spec] of Object.entries(specs)) {
    const names = Object.keys(spec.fields);
    const schema = tableSchema.parse({
      name, title: { ja: name }, description: { ja: name }, vintage: spec.vintage ?? [], primaryKey: names,
      fields: names.map((f) => ({ name: f, type: spec.fields[f], title: { ja: f } })),
    });
    const csv = `${names.join(',')}\n${spec.csv.trim()}\n`;
    const result = validateTable(`${name}.csv`, new TextEncoder().encode(csv), schema);
    expect(result.problems.filter((p) => p.severity === 'error'), name).toEqual([]);
    tables.set(name, result.table!);
  }
  return tables;
}

/** Areas: a city 10000 with wards 10001 and 10002, and a town 20000 without wards. */
export const areas: LiteralTable = {
  fields: { area_code: 'string', parent_code: 'string', name_ja: 'string', name_en: 'string' },
  csv: `
10000,,甲市,Ko City
10001,10000,東区,Higashi Ward
10002,10000,西区,Nishi Ward
20000,,乙町,Otsu Town`,
};
