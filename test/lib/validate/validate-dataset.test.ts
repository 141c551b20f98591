import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { runGate } from '../../../src/lib/pipeline.ts';

const copies: string[] = [];
const copyOfData = () => {
  const dir = mkdtempSync(join(tmpdir(), 'data-'));
  cpSync('data', dir, { recursive: true });
  copies.push(dir);
  return dir;
};
afterEach(() => copies.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const errorsOf = (dir: string) => runGate(dir, dir).problems.filter((p) => p.severity === 'error').map(formatProblem);

describe('runGate on data/', () => {
  it('passes with no error and no warning', () => {
    expect(runGate('data').problems.map(formatProblem)).toEqual([]);
  });
  it('loses nothing: every data line of every CSV becomes a row', () => {
    const result = runGate('data');
    for (const file of readdirSync('data').filter((f) => f.endsWith('.csv'))) {
      const name = file.slice(0, -4);
      // Count records the plain way: lines minus the header, for files without quoted line breaks.
      const text = readFileSync(join('data', file), 'utf8');
      const records = text.split('\n').filter((l) => l !== '').length - 1;
      expect(result.rowCounts.get(name), file).toBe(records);
      expect(result.tables.get(name)!.rows, file).toHaveLength(records);
    }
  });
});

describe('runGate: problems between files', () => {
  it('a CSV with no schema', () => {
    const dir = copyOfData();
    writeFileSync(join(dir, 'extra.csv'), 'a\n1\n');
    expect(errorsOf(dir)).toEqual(['extra.csv:1:0: error: このCSVにはスキーマファイル（.schema.json）がありません / this CSV has no schema file (.schema.json)']);
  });
  it('a schema with no CSV', () => {
    const dir = copyOfData();
    rmSync(join(dir, 'population.csv'));
    expect(errorsOf(dir)).toEqual(['population.schema.json:1:0: error: このスキーマに対応するCSVファイルがありません / this schema has no CSV file']);
  });
  it('a reference to an unknown area', () => {
    const dir = copyOfData();
    const file = join(dir, 'care_need_certified.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('14103,2015-01-01,3797', '14199,2015-01-01,3797'));
    expect(errorsOf(dir)).toEqual(['care_need_certified.csv:4:1: error: 「area_code」の値「14199」がareas.csvに見つかりません / "14199" in "area_code" is not in areas.csv']);
  });
  it('a schema that names a column it does not have', () => {
    const dir = copyOfData();
    const file = join(dir, 'population.schema.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"primaryKey": [\n    "area_code",', '"primaryKey": [\n    "ward_code",'));
    // The "primaryKey" list opens on line 21 of population.schema.json; its first entry is line 22.
    expect(errorsOf(dir)).toEqual(['population.schema.json:22:5: error: /primaryKey/0: 列「ward_code」はfieldsにありません / /primaryKey/0: unknown field "ward_code"']);
  });
  it("a relation naming a column another table does not have, at the column's place", () => {
    const dir = copyOfData();
    const file = join(dir, 'care_need_certified.schema.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"field": "population",', '"field": "populaton",'));
    // The relation's "limit" names population.csv's column on line 87 of the schema.
    expect(errorsOf(dir)).toEqual(['care_need_certified.schema.json:87:9: error: /relations/0/limit/field: 表「population」に列「populaton」がありません / /relations/0/limit/field: table "population" has no column "populaton"']);
  });
  it('a schema that is not JSON', () => {
    const dir = copyOfData();
    writeFileSync(join(dir, 'population.schema.json'), '{\n  "name": "population",\n}\n');
    expect(errorsOf(dir)).toEqual(['population.schema.json:3:1: error: JSONとして読み取れません（キー（"…"）が必要です） / invalid JSON (PropertyNameExpected)']);
  });
});
