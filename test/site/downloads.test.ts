/**
 * The published downloads read back: every value of every source CSV is there, equal, with the
 * same row counts; derived numbers are rounded to what they mean; the descriptor validates
 * against the Data Package specification's schema; each folder is also one zip archive holding
 * its every file, linked from the data page, which opens with a contents list.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { restoreCell } from '../../src/lib/publish/csv-safe.ts';
import { siteLanguages } from '../../src/lib/i18n/languages.ts';
import { readZip } from '../lib/publish/read-zip.ts';

const site = inject('siteDir');
const latest = join(site, 'downloads', 'latest');
const parse = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const sourceFiles = readdirSync('data').filter((f) => f.endsWith('.csv'));
const statIsDir = (path: string) => statSync(path).isDirectory();
const release = readFileSync('data/releases.csv', 'utf8').trim().split('\n').at(-1)!.split(',')[0]!;

describe('downloads', () => {
  it('every source CSV is published with every value equal and the same rows', () => {
    let cells = 0;
    for (const file of sourceFiles) {
      const schema = JSON.parse(readFileSync(join('data', file.replace('.csv', '.schema.json')), 'utf8'));
      const numeric = new Set(schema.fields.filter((f: { type: string }) => f.type === 'integer' || f.type === 'number').map((f: { name: string }) => f.name));
      const source = parse(readFileSync(join('data', file), 'utf8'));
      const published = readFileSync(join(latest, file), 'utf8');
      // The machine-readable edition has no BOM: standard readers would take it into the first header.
      expect(published.startsWith('\uFEFF'), file).toBe(false);
      const rows = parse(published);
      expect(rows.length, file).toBe(source.length);
      source.forEach((row, i) => {
        for (const [column, value] of Object.entries(row)) {
          const out = restoreCell(rows[i]![column]!);
          if (numeric.has(column) && value !== '') expect(Number(out), `${file}:${i + 2} ${column}`).toBe(Number(value));
          else expect(out, `${file}:${i + 2} ${column}`).toBe(value);
          cells++;
        }
      });
      // JSON carries the same rows.
      const json = JSON.parse(readFileSync(join(latest, file.replace('.csv', '.json')), 'utf8'));
      expect(json.length, file).toBe(source.length);
    }
    expect(cells).toBeGreaterThan(5000);
  });

  it('each release has a stable folder with the same files as latest', () => {
    const stable = join(site, 'downloads', `v${release}`);
    expect(readdirSync(stable).sort()).toEqual(readdirSync(latest).sort());
    // The stable folder is built from the release's snapshot, so it equals latest wherever data/
    // still equals the snapshot (a later edit, such as recording the commit, changes latest only).
    const snapshot = join('releases', release, 'data');
    const unchanged = sourceFiles.filter((f) => !existsSync(snapshot) || readFileSync(join(snapshot, f), 'utf8') === readFileSync(join('data', f), 'utf8'));
    expect(unchanged.length).toBeGreaterThan(sourceFiles.length / 2);
    for (const file of unchanged) expect(readFileSync(join(stable, file), 'utf8'), file).toBe(readFileSync(join(latest, file), 'utf8'));
  });

  it('derived tables are published as CSV and JSON', () => {
    const derived = readdirSync(join(latest, 'derived')).sort();
    expect(derived).toContain('ward_metrics.csv');
    expect(derived).toContain('city_metrics.json');
    const wards = parse(readFileSync(join(latest, 'derived', 'ward_metrics.csv'), 'utf8'));
    const row = wards.find((r) => r.metric_id === 'support_clinics_per_10k_population' && r.area_code === '14101')!;
    // 鶴見区: 21 / 282,084 × 10,000 = 0.74445909…, published to the metric's 2 decimals plus 4.
    expect(row.value).toBe('0.744459');
    expect(row.rank).toBe('12');
    expect(row.vintages_differ).toBe('TRUE');
  });

  it('datapackage.json validates against the Tabular Data Package profile and describes every file', () => {
    const descriptor = JSON.parse(readFileSync(join(latest, 'datapackage.json'), 'utf8'));
    const profile = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('datapackage/lib/profiles/tabular-data-package.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    // "textarea" is an editor hint in the profile, not a constraint.
    ajv.addFormat('textarea', true);
    const validate = ajv.compile(profile);
    const valid = validate(descriptor);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(descriptor.licenses[0].name).toBe('CC-BY-4.0');
    expect(descriptor.version).toBe(release);
    const paths = descriptor.resources.map((r: { path: string }) => r.path).sort();
    // Every canonical CSV; the Excel editions beside them (<table>.excel.csv, with a BOM) are not resources.
    const files = [...sourceFiles, ...readdirSync(join(latest, 'derived')).filter((f) => f.endsWith('.csv') && !f.endsWith('.excel.csv')).map((f) => `derived/${f}`)].sort();
    expect(paths).toEqual(files);
    const population = descriptor.resources.find((r: { name: string }) => r.name === 'population');
    expect(population.schema.fields.find((f: { name: string }) => f.name === 'population').unit).toEqual({ ja: '人', en: 'people' });
    expect(population.schema.primaryKey).toEqual(['area_code', 'as_of']);
  });

  it("the update history links each release's files, listed on the data page", () => {
    for (const lang of ['', 'en/']) {
      const history = readFileSync(join(site, lang, 'releases', 'index.html'), 'utf8');
      expect(history, lang).toContain(`href="/${lang}data/#files-v${release.replace(/\./g, '-')}"`);
      const data = parseHTML(readFileSync(join(site, lang, 'data', 'index.html'), 'utf8')).document;
      const files = [...data.querySelectorAll(`#files-v${release.replace(/\./g, '-')} a`)].map((a) => a.getAttribute('href'));
      for (const f of sourceFiles) {
        expect(files, `${lang}${f}`).toContain(`/downloads/v${release}/${f}`);
        expect(files, `${lang}${f}`).toContain(`/downloads/v${release}/spreadsheet/${f.replace('.csv', '.xlsx')}`);
      }
    }
  });

  it('each download folder is one zip archive holding every file of it, byte for byte, linked from the data page', () => {
    const downloads = join(site, 'downloads');
    const folders = readdirSync(downloads, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    // latest and every release's folder.
    const releases = readFileSync('data/releases.csv', 'utf8').trim().split('\n').slice(1).map((l) => `v${l.split(',')[0]}`);
    expect(releases.length).toBeGreaterThanOrEqual(1);
    expect(folders).toEqual(['latest', ...releases].sort());
    for (const folder of folders) {
      const files = (readdirSync(join(downloads, folder), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => !statIsDir(join(downloads, folder, f))).map((f) => `${folder}/${f.split(sep).join('/')}`).sort();
      const entries = readZip(readFileSync(join(downloads, `${folder}.zip`)));
      expect(entries.map((e) => e.name).sort(), folder).toEqual(files);
      // Source CSVs, their Excel editions and JSON, the workbooks, the derived tables, the descriptor.
      expect(files.length, folder).toBeGreaterThan(sourceFiles.length * 4);
      for (const e of entries) expect(e.data.equals(readFileSync(join(downloads, e.name))), e.name).toBe(true);
    }
    for (const lang of siteLanguages()) {
      const data = parseHTML(readFileSync(join(site, lang.path, 'data', 'index.html'), 'utf8')).document;
      const hrefs = [...data.querySelectorAll('main a[href$=".zip"]')].map((a) => a.getAttribute('href'));
      for (const folder of folders) expect(hrefs, `${lang.code} ${folder}`).toContain(`/downloads/${folder}.zip`);
    }
  });

  it('the data page opens with a contents list that reaches every part and every table', () => {
    for (const lang of siteLanguages()) {
      const data = parseHTML(readFileSync(join(site, lang.path, 'data', 'index.html'), 'utf8')).document;
      const main = data.querySelector('main')!;
      const contents = main.querySelector('nav');
      expect(contents, lang.code).not.toBeNull();
      // Right under the page's heading and lead: before any part it lists.
      const headings = [...main.querySelectorAll('h2')];
      expect(contents!.contains(headings[0]!), lang.code).toBe(true);
      const linked = new Set([...contents!.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1)));
      const parts = headings.filter((h) => !contents!.contains(h)).map((h) => h.id);
      // Every part heading has an anchor and a link: the downloads, the documents, the list and each table.
      expect(parts.filter((id) => !id || !linked.has(id)), lang.code).toEqual([]);
      expect(parts.filter((id) => id.startsWith('t-')).length, lang.code).toBe(sourceFiles.length);
    }
  });
});
