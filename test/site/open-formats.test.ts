/**
 * Files that everyday tools open as they are documented to: an Excel edition of every CSV (the
 * same text after a UTF-8 byte-order mark, offered first to spreadsheet users), JSON downloads as
 * arrays of row objects (pandas' default `orient='records'`, jq's `.[]`), a schema.org Dataset in
 * JSON-LD on each data page, and what search engines read: one canonical address per page,
 * robots.txt naming the sitemap, and a release date on every sitemap entry.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { contains, parsePage, type HTMLElement } from '../html.ts';

const site = inject('siteDir');
const downloads = join(site, 'downloads');
// The folders; each one's zip archive sits beside it (downloads/v1.0.0.zip).
const folders = readdirSync(downloads, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const csvRows = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
const config = JSON.parse(readFileSync('data/site.json', 'utf8'));
const releases = csvRows(readFileSync('data/releases.csv', 'utf8')).slice(1).map((r) => ({ version: r[0]!, date: r[1]! }));
const latestRelease = [...releases].sort((a, b) => a.date.localeCompare(b.date)).at(-1)!;
const csvTables = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4)).sort();
const sourceTables = csvTables('data');
/** The tables a download folder holds: a release's own (its snapshot's; a later table is not in it), latest data/'s. */
const tablesIn = (folder: string) => {
  const snapshot = join('releases', folder.replace(/^v/, ''), 'data');
  return folder !== 'latest' && existsSync(snapshot) ? csvTables(snapshot) : sourceTables;
};
// The derived tables of src/lib/publish/downloads.ts: ward and city metrics, category shares, budget changes, budget per resident, settlement rates.
const derivedTables = ['budget_changes', 'budget_per_capita', 'category_shares', 'city_metrics', 'settlement_rates', 'ward_metrics'];
const doc = (file: string) => parsePage(readFileSync(join(site, file), 'utf8'));
const htmlFiles = (readdirSync(site, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).map((f) => f.split(sep).join('/'));
const dataPages = [
  { lang: 'ja', path: 'data/' },
  { lang: 'en', path: 'en/data/' },
  { lang: 'ja-Hira', path: 'yasashii/data/' },
];

/** Every table file of a folder, relative to it: `population.csv`, `derived/ward_metrics.csv`. */
const tableFiles = (folder: string, ext: string) => [
  ...tablesIn(folder).map((t) => `${t}${ext}`),
  ...derivedTables.map((t) => `derived/${t}${ext}`),
];

describe.each(folders)('downloads/%s Excel edition', (folder) => {
  const dir = join(downloads, folder);
  it('has beside every canonical CSV a file that is the UTF-8 BOM followed by the same text', () => {
    const canonical = tableFiles(folder, '.csv');
    expect(canonical.length).toBe(tablesIn(folder).length + 6);
    for (const file of canonical) {
      const excel = join(dir, file.replace(/\.csv$/, '.excel.csv'));
      expect(existsSync(excel), excel).toBe(true);
      const bytes = readFileSync(excel);
      expect([...bytes.subarray(0, 3)], excel).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).equals(readFileSync(join(dir, file))), excel).toBe(true);
    }
  });
  it('is no resource of the data package: the package describes the canonical CSVs only', () => {
    const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    expect(descriptor.resources.length).toBe(tablesIn(folder).length + 6);
    for (const r of descriptor.resources) expect(r.path, r.path).not.toMatch(/\.excel\.csv$/);
  });
});

describe.each(folders)('downloads/%s JSON', (folder) => {
  it('is, for every table, an array of row objects keyed by the CSV’s columns, one per CSV row', () => {
    let rows = 0;
    for (const file of tableFiles(folder, '.csv')) {
      const csv = csvRows(readFileSync(join(downloads, folder, file), 'utf8'));
      const json = JSON.parse(readFileSync(join(downloads, folder, file.replace(/\.csv$/, '.json')), 'utf8'));
      expect(Array.isArray(json), file).toBe(true);
      expect(json.length, file).toBe(csv.length - 1);
      for (const item of json) {
        expect(typeof item === 'object' && item !== null && !Array.isArray(item), file).toBe(true);
        expect(Object.keys(item), file).toEqual(csv[0]);
      }
      rows += json.length;
    }
    expect(rows).toBeGreaterThan(500);
  });
});

describe.each(dataPages)('the data page ($path)', ({ lang, path }) => {
  const page = doc(`${path}index.html`);
  const main = page.querySelector('main')!;
  const hrefs = (el: HTMLElement) => [...el.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
  // The folder the table cards link (the newest release's, or latest).
  const linked = /\/downloads\/([^/]+)\//.exec(hrefs(page.querySelector('#t-population')!.closest('section')!).find((h) => h.endsWith('/population.csv'))!)![1]!;

  it('offers each table’s Excel edition before its canonical CSV', () => {
    let lists = 0;
    for (const li of [...main.querySelectorAll('dd, li')]) {
      const links = hrefs(li).filter((h) => h.includes('/downloads/') && !li.querySelector('li') && !li.querySelector('dd'));
      const canonical = links.findIndex((h) => h.endsWith('.csv') && !h.endsWith('.excel.csv'));
      if (canonical < 0) continue;
      const excel = links.findIndex((h) => h.endsWith('.excel.csv'));
      expect(excel, `${path}: ${links.join(' ')}`).toBeGreaterThanOrEqual(0);
      expect(excel, `${path}: ${links.join(' ')}`).toBeLessThan(canonical);
      expect(links[excel], path).toBe(links[canonical]!.replace(/\.csv$/, '.excel.csv'));
      lists++;
    }
    // Table cards, derived tables and every folder's listing.
    expect(lists).toBe(sourceTables.length + derivedTables.length + folders.reduce((n, f) => n + tablesIn(f).length + derivedTables.length, 0));
  });

  it('has a schema.org Dataset in JSON-LD with the configured licence, publisher, dates, areas and every file', () => {
    const scripts = page.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts.length).toBe(1);
    const data = JSON.parse(scripts[0]!.textContent!);
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('Dataset');
    expect(data.license).toBe(config.licence.data.url);
    expect(data.publisher['@type']).toBe('Organization');
    expect(data.publisher.name).toBe(config.publisher.name[lang] ?? config.publisher.name.ja);
    expect(data.name).toBe(config.title[lang]);
    expect(data.description).toBe(config.description[lang]);
    // Earliest to latest vintage of the data (the fiscal year 2012 begins on 1 April 2012; the
    // latest vintage is the fiscal year 2023, which ends on 31 March 2024).
    expect(data.temporalCoverage).toBe('2012-04-01/2024-03-31');
    expect(data.dateModified).toBe(latestRelease.date);
    // The areas the site covers, as site.json names them, in the page's language.
    const areas = new Map(csvRows(readFileSync('data/areas.csv', 'utf8')).slice(1).map((r) => [r[0], { ja: r[4], en: r[6] }]));
    const names = (data.spatialCoverage as { '@type': string; name: string }[]).map((p) => p.name);
    expect(names).toEqual(config.areas.map((code: string) => areas.get(code)![lang === 'en' ? 'en' : 'ja']));

    // Every file the page links (outside other folders' listings) is a distribution, and nothing else.
    const otherFolders = [...main.querySelectorAll('details[id^="files-"]')].filter((d) => d.id !== `files-${linked.replace(/\./g, '-')}`);
    const files = new Set(
      [...main.querySelectorAll('a[href^="/"]')]
        .filter((a) => !otherFolders.some((d) => contains(d, a)))
        .map((a) => a.getAttribute('href')!.split('#')[0]!)
        .filter((h) => !h.endsWith('/')),
    );
    const distribution = data.distribution as { '@type': string; contentUrl: string; encodingFormat: string; name: string }[];
    // Four files per table (Excel CSV, CSV, .xlsx, JSON), the datapackage, tables.json, feed.xml and
    // data-quality.json, and each download folder's zip archive.
    expect(distribution.length).toBe(4 * (sourceTables.length + derivedTables.length) + 4 + folders.length);
    expect(files.size).toBe(distribution.length);
    for (const d of distribution) {
      expect(d['@type']).toBe('DataDownload');
      expect(d.encodingFormat.length, d.contentUrl).toBeGreaterThan(3);
      const url = new URL(d.contentUrl);
      expect(url.protocol, d.contentUrl).toMatch(/^https?:$/);
      expect(files.has(url.pathname), d.contentUrl).toBe(true);
    }
    expect(new Set(distribution.map((d) => new URL(d.contentUrl).pathname))).toEqual(files);
    const formats = new Map(distribution.map((d) => [new URL(d.contentUrl).pathname.replace(/^.*\//, ''), d.encodingFormat]));
    expect(formats.get('population.csv')).toBe('text/csv');
    expect(formats.get('population.json')).toBe('application/json');
    expect(formats.get('population.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});

describe('search engines', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'url' });
  const sitemap = parser.parse(readFileSync(join(site, 'sitemap.xml'), 'utf8')).urlset.url as { loc: string; lastmod?: string }[];
  const locs = new Map(sitemap.map((u) => [new URL(u.loc).pathname, u.loc]));

  it('every page names exactly one absolute canonical address: its own (a moved address: its new page)', () => {
    let pages = 0;
    let moved = 0;
    for (const f of htmlFiles) {
      const html = readFileSync(join(site, f), 'utf8');
      const canonical = [...doc(f).querySelectorAll('link[rel="canonical"]')].map((l) => l.getAttribute('href')!);
      // Pages kept out of search (chart-only embed pages, the not-found page) name none.
      if (html.includes('<meta name="robots" content="noindex">')) {
        expect(canonical, f).toEqual([]);
        continue;
      }
      expect(canonical.length, f).toBe(1);
      const url = new URL(canonical[0]!);
      expect(canonical[0], f).toMatch(/^https?:\/\//);
      const own = `/${f.replace(/index\.html$/, '')}`;
      if (html.includes('http-equiv="refresh"')) {
        const target = /http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)![1]!;
        expect(url.pathname, f).toBe(target);
        moved++;
      } else {
        expect(url.pathname, f).toBe(own);
        // The same absolute address as the sitemap gives the page.
        expect(canonical[0], f).toBe(locs.get(own));
        pages++;
      }
    }
    expect(pages).toBe(sitemap.length);
    expect(moved).toBeGreaterThan(0);
  });

  it('robots.txt at the site root names the sitemap’s absolute address', () => {
    const robots = readFileSync(join(site, 'robots.txt'), 'utf8');
    const lines = robots.split('\n');
    expect(lines).toContain('User-agent: *');
    const named = lines.filter((l) => l.startsWith('Sitemap: ')).map((l) => l.slice('Sitemap: '.length));
    expect(named.length).toBe(1);
    const url = new URL(named[0]!);
    expect(url.pathname).toBe('/sitemap.xml');
    expect(url.origin).toBe(new URL(sitemap[0]!.loc).origin);
  });

  it('every sitemap entry is dated by a data release: no page has a release of its own, so the latest', () => {
    expect(sitemap.length).toBeGreaterThan(100);
    const dates = new Set(releases.map((r) => r.date));
    for (const u of sitemap) {
      expect(dates.has(String(u.lastmod)), u.loc).toBe(true);
      expect(u.lastmod, u.loc).toBe(latestRelease.date);
    }
  });
});
