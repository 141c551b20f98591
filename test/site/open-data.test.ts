/**
 * The published downloads read by tools nobody here wrote: every resource of every download
 * folder (latest and each release) through the Frictionless JavaScript library against its
 * declared schema, keys and references included; every spreadsheet workbook through an .xlsx
 * reader other than the library that writes it, cell by cell against the CSV.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Papa from 'papaparse';
import readXlsxFile, { readSheetNames } from 'read-excel-file/node';
import { describe, expect, inject, it } from 'vitest';
import { restoreCell } from '../../src/lib/publish/csv-safe.ts';

/** The part of datapackage-js (no type declarations of its own) these tests use. */
interface FrictionlessResource {
  name: string;
  descriptor: { path: string; schema: { fields: { name: string; type: string }[] } };
  read(options: { relations?: boolean; forceCast?: boolean; cast?: boolean; keyed?: boolean }): Promise<unknown[]>;
}
interface FrictionlessPackage {
  valid: boolean;
  errors: Error[];
  resources: FrictionlessResource[];
}
const { Package } = createRequire(import.meta.url)('datapackage') as { Package: { load(descriptor: string): Promise<FrictionlessPackage> } };

const site = inject('siteDir');
const downloads = join(site, 'downloads');
// The folders; each one's zip archive sits beside it (downloads/v1.0.0.zip).
const folders = readdirSync(downloads, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const csvRows = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

describe('download folders', () => {
  it('are latest and one per release in data/releases.csv', () => {
    const versions = csvRows(readFileSync('data/releases.csv', 'utf8')).slice(1).map((r) => `v${r[0]}`);
    expect(folders).toEqual(['latest', ...versions].sort());
  });
});

describe.each(folders)('downloads/%s read by the Frictionless library', (folder) => {
  const dir = join(downloads, folder);
  const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));

  it('declares every resource as UTF-8 without a BOM, with its true size and hash', () => {
    expect(descriptor.resources.length).toBeGreaterThan(20);
    for (const r of descriptor.resources) {
      const bytes = readFileSync(join(dir, r.path));
      expect(r.encoding, r.path).toBe('utf-8');
      expect([...bytes.subarray(0, 3)], r.path).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    }
  });

  it('reads every resource with 0 errors against its schema, primary and foreign keys included', async () => {
    const dp = await Package.load(join(dir, 'datapackage.json'));
    expect(dp.errors.map(String)).toEqual([]);
    expect(dp.valid).toBe(true);
    const errors: string[] = [];
    let rows = 0;
    let references = 0;
    for (const resource of dp.resources) {
      // forceCast returns each failing row as an error instead of stopping at the first.
      const read = await resource.read({ relations: true, forceCast: true });
      for (const row of read) {
        if (row instanceof Error) errors.push(`${resource.descriptor.path}: ${row.message}${'errors' in row ? ` ${String((row as { errors: unknown[] }).errors)}` : ''}`);
        else rows++;
      }
      const expected = csvRows(readFileSync(join(dir, resource.descriptor.path), 'utf8')).length - 1;
      expect(read.length, resource.descriptor.path).toBe(expected);
      if ((descriptor.resources.find((r: { path: string }) => r.path === resource.descriptor.path).schema.foreignKeys ?? []).length) references++;
    }
    expect(errors).toEqual([]);
    expect(rows).toBe(descriptor.resources.reduce((n: number, r: { path: string }) => n + csvRows(readFileSync(join(dir, r.path), 'utf8')).length - 1, 0));
    // The keys were there to check: most source tables refer to areas.
    expect(references).toBeGreaterThan(10);
  });

  it('finds a duplicate key and a broken reference when there is one', async () => {
    // The same reader on copies of areas with a duplicated key, and with a parent that does not
    // exist, so a 0 above means checked, not skipped.
    const areas = descriptor.resources.find((r: { name: string }) => r.name === 'areas');
    const lines = readFileSync(join(dir, areas.path), 'utf8').trimEnd().split('\r\n');
    const { Resource } = createRequire(import.meta.url)('datapackage') as { Resource: { load(d: object): Promise<FrictionlessResource> } };
    const problems = async (rows: string[]) => {
      const data = rows.map((l) => Papa.parse<string[]>(l).data[0]!);
      const resource = await Resource.load({ ...areas, path: undefined, bytes: undefined, hash: undefined, data });
      try {
        return (await resource.read({ relations: true, forceCast: true })).filter((r): r is Error => r instanceof Error).map((e) => e.message);
      } catch (err) {
        return [(err as Error).message];
      }
    };
    expect(await problems(lines)).toEqual([]);
    expect((await problems([...lines, lines[1]!])).join('\n')).toMatch(/unique constraint violation in column "area_code"/);
    const orphan = lines[2]!.split(',');
    orphan[0] = '99999';
    orphan[1] = '999997';
    orphan[3] = '99998';
    expect((await problems([...lines, orphan.join(',')])).join('\n')).toMatch(/Foreign key "parent_code" violation/);
  });
});

describe.each(folders)('downloads/%s spreadsheet edition read by read-excel-file', (folder) => {
  const dir = join(downloads, folder);
  const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));

  it('has a workbook per table whose every value and Japanese text equals the CSV', async () => {
    let cells = 0;
    let japanese = 0;
    for (const r of descriptor.resources as { path: string; title: string; schema: { fields: { name: string; type: string }[] } }[]) {
      const file = join(dir, 'spreadsheet', r.path.replace(/\.csv$/, '.xlsx'));
      expect(existsSync(file), file).toBe(true);
      const book = readFileSync(file);
      expect((await readSheetNames(book)).length, file).toBe(2);
      const sheet = await readXlsxFile(book, { sheet: 1 });
      const csv = csvRows(readFileSync(join(dir, r.path), 'utf8'));
      expect(sheet[0], file).toEqual(csv[0]);
      expect(sheet.length, file).toBe(csv.length);
      const types = r.schema.fields.map((f) => f.type);
      csv.slice(1).forEach((row, i) => {
        row.forEach((raw, j) => {
          const got = sheet[i + 1]![j] ?? null;
          const where = `${file} row ${i + 2} column ${csv[0]![j]}`;
          const type = types[j];
          if (raw === '') expect(got, where).toBeNull();
          else if (type === 'integer' || type === 'number') expect(got, where).toBe(Number(raw));
          else if (type === 'boolean') expect(got, where).toBe(raw === 'TRUE');
          else {
            // A spreadsheet cell is typed text, so it holds the value itself, not the CSV's neutralised form.
            expect(got, where).toBe(restoreCell(raw));
            if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(raw)) japanese++;
          }
          cells++;
        });
      });
      // The second sheet says what the table is, in Japanese first.
      const about = await readXlsxFile(book, { sheet: 2 });
      expect(about[0]![0], file).toBe(r.title.split(' / ')[0]);
    }
    expect(cells).toBeGreaterThan(10000);
    expect(japanese).toBeGreaterThan(1000);
  });
});
