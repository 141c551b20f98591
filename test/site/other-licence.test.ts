/**
 * The licence is configuration: a copy of data/ whose site.json names another licence (CC0)
 * builds a site that names that licence and no other anywhere — pages, citations, embed pages,
 * downloads, the data package, the feed and the spreadsheet workbooks.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'other-licence-'));
const data = join(work, 'data');
const out = join(work, 'site');
const cc0 = { id: 'CC0-1.0', name: { ja: 'CC0 1.0 全世界 パブリック・ドメイン提供', en: 'Public Domain Dedication' }, url: 'https://creativecommons.org/publicdomain/zero/1.0/' };
const otherLicences = /CC BY|CC-BY|creativecommons\.org\/licenses\/by|クリエイティブ・コモンズ 表示|Creative Commons Attribution/;

beforeAll(() => {
  cpSync('data', data, { recursive: true });
  const config = JSON.parse(readFileSync(join(data, 'site.json'), 'utf8'));
  config.licence.data = cc0;
  writeFileSync(join(data, 'site.json'), JSON.stringify(config, null, 2) + '\n');
  // The project's release snapshots, so the release folder is built too.
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, DATA_DIR: data, OUT_DIR: out }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const files = () => (readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.(html|json|csv|xml|txt|svg)$/.test(f));

describe('a site configured with another licence', () => {
  it('names no other licence in any page or text file', () => {
    const all = files();
    expect(all.length).toBeGreaterThan(1000);
    const found = all.filter((f) => otherLicences.test(readFileSync(join(out, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('names the configured one on the pages, in the citations and in the data package', () => {
    for (const page of ['index.html', 'en/index.html', 'yasashii/index.html', 'data/index.html', 'en/data/index.html', 'releases/index.html', 'wards/14101/index.html'])
      expect(readFileSync(join(out, page), 'utf8'), page).toContain(cc0.url);
    const en = readFileSync(join(out, 'en/data/index.html'), 'utf8');
    expect(en).toContain(cc0.name.en);
    expect(readFileSync(join(out, 'data/index.html'), 'utf8')).toContain(cc0.name.ja);
    for (const folder of readdirSync(join(out, 'downloads'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
      const descriptor = JSON.parse(readFileSync(join(out, 'downloads', folder, 'datapackage.json'), 'utf8'));
      expect(descriptor.licenses, folder).toEqual([{ name: 'CC0-1.0', title: 'Public Domain Dedication', path: cc0.url }]);
    }
  });

  it('names it, and no other, in every workbook', async () => {
    const dir = join(out, 'downloads', 'latest', 'spreadsheet');
    const books = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.xlsx'));
    expect(books.length).toBeGreaterThan(20);
    for (const b of books) {
      const about = (await readXlsxFile(readFileSync(join(dir, b)), { sheet: 2 })).flat().map(String).join('\n');
      expect(about, b).toContain(cc0.url);
      expect(about, b).not.toMatch(otherLicences);
    }
  });
});
