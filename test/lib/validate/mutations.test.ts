/**
 * Robustness on the real data files: random mutations (a changed cell, a dropped or added cell,
 * swapped columns, a cut file, a change of encoding) never crash validation, every break is
 * reported with its line, and whatever is accepted keeps every row.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../../src/lib/problems.ts';
import { parseTableSchema, type TableSchema } from '../../../src/lib/schema/table-schema.ts';
import { runGate } from '../../../src/lib/pipeline.ts';
import { validateTable, type TableResult } from '../../../src/lib/validate/validate-table.ts';

interface Fixture {
  name: string;
  schema: TableSchema;
  records: string[][];
  baseline: TableResult;
}

const fixtures: Fixture[] = readdirSync('data')
  .filter((f) => f.endsWith('.csv'))
  .map((file) => {
    const name = file.slice(0, -4);
    const parsed = parseTableSchema(JSON.parse(readFileSync(join('data', `${name}.schema.json`), 'utf8')));
    if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
    const text = readFileSync(join('data', file), 'utf8');
    const records = Papa.parse<string[]>(text.trimEnd(), { delimiter: ',' }).data;
    return { name, schema: parsed.schema, records, baseline: validateTable(file, new TextEncoder().encode(text), parsed.schema) };
  });

const toText = (records: string[][]) => Papa.unparse(records, { newline: '\n' }) + '\n';
const check = (f: Fixture, bytes: Uint8Array) => {
  const result = validateTable(`${f.name}.csv`, bytes, f.schema);
  // Every problem is a located, printable line, never a stack trace.
  for (const p of result.problems) {
    expect(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.column) && p.column >= 0).toBe(true);
    expect(formatProblem(p)).not.toMatch(/\n\s+at /);
  }
  return result;
};
const errors = (r: TableResult) => r.problems.filter((p) => p.severity === 'error');
// A changed value can break a rule about two rows; those are reported at the other row.
const relational = new Set(['total-mismatch', 'primary-key-error', 'unique-error']);
const reportedAt = (errs: Problem[], line: number) => errs.some((p) => p.line === line || relational.has(p.code));

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('', '-', '－', '準備中', '１２３', '1,533', '△ 5', '=SUM(A1)', '"', '""', ',', '\n', '\r\n', 'NaN', 'Infinity', '1e309', '-0', '2015-02-30', '平成27年10月', '<script>', '\uFEFF', '\u0000'),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('change' as const), file: fc.nat(), row: fc.nat(), col: fc.nat(), value: nasty }),
  fc.record({ kind: fc.constant('drop' as const), file: fc.nat(), row: fc.nat(), col: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), file: fc.nat(), row: fc.nat(), col: fc.nat(), value: nasty }),
  fc.record({ kind: fc.constant('swap' as const), file: fc.nat(), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), file: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('encoding' as const), file: fc.nat() }),
);

describe('random mutations of the real data files', () => {
  it('never crash, report every break at its line, and keep every accepted row', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const f = fixtures[m.file % fixtures.length]!;
        const records = f.records.map((r) => [...r]);
        const width = records[0]!.length;
        const baselineRows = f.baseline.table!.rows.length;
        switch (m.kind) {
          case 'change':
          case 'drop':
          case 'add': {
            const i = 1 + (m.row % (records.length - 1));
            const j = m.col % width;
            if (m.kind === 'change') records[i]![j] = m.value;
            if (m.kind === 'drop') records[i]!.splice(j, 1);
            if (m.kind === 'add') records[i]!.splice(j, 0, m.value);
            const text = toText(records);
            const r = check(f, new TextEncoder().encode(text));
            // The line of record i, counting line breaks inside quoted cells before it.
            const line = toText(records.slice(0, i)).split('\n').length;
            if (m.kind === 'drop') expect(errors(r).map((p) => [p.code, p.line])).toContainEqual(['missing-cell', line]);
            else if (m.kind === 'add') expect(errors(r).map((p) => [p.code, p.line])).toContainEqual(['extra-cell', line]);
            else if (errors(r).length > 0) expect(reportedAt(errors(r), line)).toBe(true);
            else if (m.value.trim() !== '' || f.records[i]![j]!.trim() === '') expect(r.table!.rows).toHaveLength(baselineRows);
            return;
          }
          case 'swap': {
            const a = m.a % width;
            const b = m.b % width;
            for (const r of records) [r[a], r[b]] = [r[b]!, r[a]!];
            const r = check(f, new TextEncoder().encode(toText(records)));
            expect(errors(r)).toEqual([]);
            expect(r.table!.rows).toEqual(f.baseline.table!.rows);
            return;
          }
          case 'cut': {
            const bytes = new TextEncoder().encode(toText(records));
            const r = check(f, bytes.subarray(0, m.at % (bytes.length + 1)));
            // A file cut at a line end is a shorter valid file: it can only lose rows, never invent them.
            if (r.table) expect(r.table.rows.length).toBeLessThanOrEqual(baselineRows);
            return;
          }
          case 'encoding': {
            const r = check(f, new Uint8Array(iconv.encode(toText(records), 'cp932')));
            expect(errors(r)).toEqual([]);
            expect(r.table!.rows).toEqual(f.baseline.table!.rows);
            return;
          }
        }
      }),
      { numRuns: 1000, seed: Number(process.env.FC_SEED ?? 20261123) },
    );
  });
});

describe('breaking one cell of any file', () => {
  const work = mkdtempSync(join(tmpdir(), 'break-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // The value that breaks a column: wrong for its type, outside its pattern or list, or blank
  // where it is required. A free-text column without constraints accepts any text by design.
  const breaker = (schema: TableSchema) => {
    for (const field of schema.fields) {
      const c = field.constraints ?? {};
      if (field.type !== 'string') return { field, value: '壊れた値' };
      if (c.pattern || c.enum) return { field, value: '壊れた値' };
      if (c.required) return { field, value: '' };
    }
    return null;
  };

  for (const f of fixtures) {
    it(`${f.name}.csv: first, middle and last row`, () => {
      const broken = breaker(f.schema);
      expect(broken, 'every table has a checkable column').not.toBeNull();
      const column = f.records[0]!.indexOf(broken!.field.name);
      for (const i of [...new Set([1, Math.ceil((f.records.length - 1) / 2), f.records.length - 1])]) {
        const dir = join(work, `${f.name}-${i}`);
        cpSync('data', dir, { recursive: true });
        const records = f.records.map((r) => [...r]);
        records[i]![column] = broken!.value;
        writeFileSync(join(dir, `${f.name}.csv`), toText(records));
        const line = toText(records.slice(0, i)).split('\n').length;
        const problems = runGate(dir, dir).problems.filter((p) => p.severity === 'error');
        expect(problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toContain(`${f.name}.csv:${line}:${column + 1}`);
      }
    });
  }
});
