/**
 * The checks the browser runs on files already read give the problems `npm run validate` gives for
 * the same folder on disk: the same lines for broken tables, schemas, references and declarations.
 * And the folder checked is the one a maintainer means: a dropped folder as it is, dropped files in
 * place of the site's own.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, sortProblems } from '../../../src/lib/problems.ts';
import { runGate } from '../../../src/lib/pipeline.ts';
import { folderToCheck, validateFiles, type DataFile } from '../../../src/lib/validate/validate-files.ts';
import { checkReference, isCheckedFile } from '../../../src/lib/present/check-page.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const work = mkdtempSync(join(tmpdir(), 'validate-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the frozen data folder, edited; returns its files as the browser would hand them over. */
function brokenCopy(name: string, edit: (dir: string) => void): { dir: string; files: DataFile[] } {
  const dir = join(work, name, 'data');
  cpSync(frozenData, dir, { recursive: true });
  edit(dir);
  const files = readdirSync(dir).filter(isCheckedFile).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
  return { dir, files };
}
const replace = (dir: string, file: string, from: string, to: string) => {
  const text = readFileSync(join(dir, file), 'utf8');
  expect(text.includes(from), `${file}: ${from}`).toBe(true);
  writeFileSync(join(dir, file), text.replace(from, to));
};
const lines = (problems: Parameters<typeof sortProblems>[0]) => sortProblems(problems).map(formatProblem);

describe('validateFiles, against the gate on the same folder', () => {
  const cases: [string, (dir: string) => void][] = [
    ['a cell, a key and a reference', (d) => {
      replace(d, 'population.csv', '14103,2015-01-01,97711,9234,9.5', '14103,2015-01-01,97711,9234人,9.5');
      replace(d, 'population.csv', '14104,2015-01-01', '14103,2015-01-01');
      replace(d, 'care_need_certified.csv', '14103,2015-01-01,3797', '14199,2015-01-01,3797');
    }],
    ['a schema and a missing CSV', (d) => {
      replace(d, 'hubs.schema.json', '"type": "date"', '"type": "datetime"');
      rmSync(join(d, 'events.csv'));
    }],
    ['metrics.json and consistency.json naming what is not there', (d) => {
      replace(d, 'metrics.json', '"table": "home_care_facilities"', '"table": "home_care"');
      replace(d, 'consistency.json', '"table": "medical_institutions"', '"table": "medical"');
    }],
    ['a file in Shift_JIS with a bad date', (d) => {
      const text = readFileSync(join(d, 'consultation_sources.csv'), 'utf8').replace('14100,2015-04-01,2015-12-31,hospital,', '14100,2015-13-01,2015-12-31,hospital,');
      writeFileSync(join(d, 'consultation_sources.csv'), iconv.encode(text, 'cp932'));
    }],
  ];
  it.each(cases)('gives the same lines for %s', (name, edit) => {
    const { dir, files } = brokenCopy(name.replace(/\W+/g, '-'), edit);
    const expected = lines(runGate(dir, join(dir, '..')).problems);
    expect(expected.length).toBeGreaterThan(0);
    expect(lines(validateFiles(files, 'data').problems)).toEqual(expected);
  });
  it('covers four kinds of breakage', () => expect(cases).toHaveLength(4));

  it('passes the untouched folder, with the rows the gate counts', () => {
    const { dir, files } = brokenCopy('untouched', () => {});
    const gate = runGate(dir, join(dir, '..'));
    const result = validateFiles(files, 'data');
    expect(result.problems).toEqual([]);
    expect(gate.problems).toEqual([]);
    expect([...result.rowCounts]).toEqual([...gate.rowCounts]);
  });
});

describe('the folder checked', () => {
  const reference = checkReference(frozenData).files.map((f) => ({ name: f.name, bytes: 'text' in f ? new TextEncoder().encode(f.text) : Buffer.from(f.base64, 'base64') }));
  it('holds the site’s data files byte for byte', () => {
    const names = readdirSync(frozenData).filter(isCheckedFile).sort();
    expect(reference.map((f) => f.name)).toEqual(names);
    expect(names).toHaveLength(49);
    for (const f of reference) expect(Buffer.from(f.bytes).equals(readFileSync(join(frozenData, f.name))), f.name).toBe(true);
  });
  it('puts a dropped file in place of the site’s own', () => {
    const dropped = { path: 'population.csv', bytes: new TextEncoder().encode('x') };
    const { folder, files, notChecked } = folderToCheck([dropped], reference);
    expect(folder).toBe('data');
    expect(files).toHaveLength(reference.length);
    expect(files.find((f) => f.name === 'population.csv')!.bytes).toBe(dropped.bytes);
    expect(notChecked).toEqual([]);
  });
  it('checks a dropped folder as it is, its own files only', () => {
    const bytes = new Uint8Array();
    const { folder, files, notChecked } = folderToCheck([
      { path: 'mydata/areas.csv', bytes },
      { path: 'mydata/glossary/glossary.csv', bytes },
      { path: 'mydata/site.json', bytes },
    ], reference);
    expect(folder).toBe('mydata');
    expect(files.map((f) => f.name)).toEqual(['areas.csv', 'site.json']);
    expect(notChecked).toEqual(['mydata/glossary/glossary.csv']);
  });
});
