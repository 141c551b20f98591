/**
 * A whole data directory: pairs each `<table>.csv` with its `<table>.schema.json`, validates each
 * table, then checks references between tables. Returns the valid tables and every problem; the
 * caller decides what an error means (the build refuses to publish on any).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Problem } from '../problems.ts';
import { parseTableSchema } from '../schema/table-schema.ts';
import { messages } from './messages.ts';
import { validateTable, type Table } from './validate-table.ts';

export interface DatasetResult {
  tables: Map<string, Table>;
  problems: Problem[];
  /** Data rows read from each CSV file, valid or not: the count that must reach the site. */
  rowCounts: Map<string, number>;
}

export function validateDataDir(dir: string, displayRoot = process.cwd()): DatasetResult {
  const problems: Problem[] = [];
  // Paths as the maintainer typed them: relative to where the command runs, absolute outside it.
  const shown = (name: string) => {
    const full = resolve(dir, name);
    const rel = relative(displayRoot, full);
    return rel.startsWith('..') ? full : rel;
  };
  const problem = (file: string, line: number, column: number, m: { ja: string; en: string }, code: string): Problem => ({
    file, line, column, severity: 'error', code, ...m,
  });

  const names = readdirSync(dir).sort();
  const csvs = new Set(names.filter((n) => n.endsWith('.csv')).map((n) => n.slice(0, -4)));
  const schemas = new Set(names.filter((n) => n.endsWith('.schema.json')).map((n) => n.slice(0, -12)));
  for (const name of csvs) if (!schemas.has(name)) problems.push(problem(shown(`${name}.csv`), 1, 0, messages['schema-missing']({}), 'schema-missing'));
  for (const name of schemas) if (!csvs.has(name)) problems.push(problem(shown(`${name}.schema.json`), 1, 0, messages['csv-missing']({}), 'csv-missing'));

  const tables = new Map<string, Table>();
  const rowCounts = new Map<string, number>();
  for (const name of [...csvs].filter((n) => schemas.has(n))) {
    const schemaFile = shown(`${name}.schema.json`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, `${name}.schema.json`), 'utf8'));
    } catch (err) {
      const m = /line (\d+) column (\d+)/.exec(String(err));
      problems.push(problem(schemaFile, Number(m?.[1] ?? 1), Number(m?.[2] ?? 0), messages['schema-error']({ detail: (err as Error).message }), 'schema-error'));
      continue;
    }
    const parsed = parseTableSchema(json);
    if ('errors' in parsed) {
      for (const detail of parsed.errors) problems.push(problem(schemaFile, 1, 0, messages['schema-error']({ detail }), 'schema-error'));
      continue;
    }
    if (parsed.schema.name !== name) {
      problems.push(problem(schemaFile, 1, 0, messages['schema-name-mismatch']({ name: parsed.schema.name, file: name }), 'schema-name-mismatch'));
      continue;
    }
    const result = validateTable(shown(`${name}.csv`), readFileSync(join(dir, `${name}.csv`)), parsed.schema);
    problems.push(...result.problems);
    rowCounts.set(name, result.rowCount);
    if (result.table) tables.set(name, result.table);
  }

  problems.push(...checkForeignKeys(tables, shown));
  return { tables, problems, rowCounts };
}

function checkForeignKeys(tables: Map<string, Table>, shown: (name: string) => string): Problem[] {
  const problems: Problem[] = [];
  for (const table of tables.values()) {
    for (const fk of table.schema.foreignKeys) {
      const target = tables.get(fk.reference.resource);
      if (!target) {
        problems.push({
          file: shown(`${table.name}.schema.json`), line: 1, column: 0, severity: 'error', code: 'unknown-resource',
          ...messages['unknown-resource']({ table: fk.reference.resource }),
        });
        continue;
      }
      const keyOf = (row: Table['rows'][number], fields: string[]) => fields.map((f) => String(row[f] ?? '')).join('\u0000');
      const known = new Set(target.rows.map((r) => keyOf(r, fk.reference.fields)));
      table.rows.forEach((row, i) => {
        if (fk.fields.every((f) => row[f] === null || row[f] === undefined)) return; // a missing reference is allowed
        if (!known.has(keyOf(row, fk.fields)))
          problems.push({
            file: table.file, line: table.lines[i]!, column: table.header.indexOf(fk.fields[0]!) + 1, severity: 'error', code: 'foreign-key-error',
            ...messages['foreign-key-error']({ field: fk.fields.join(', '), value: fk.fields.map((f) => row[f]).join(', '), table: `${fk.reference.resource}.csv` }),
          });
      });
    }
  }
  return problems;
}
