/**
 * Data edited after the last release: the site built from it shows the edited figures, so its
 * pages link the downloads of the current data (latest), labelled as not yet released, while the
 * release's own folder keeps the data as released.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'unreleased-'));
const data = join(work, 'data');
const site = join(work, 'site');
const released = inject('siteDir');
const release = readFileSync('data/releases.csv', 'utf8').trim().split('\n').at(-1)!.split(',')[0]!;
const page = (root: string, path: string) => parseHTML(readFileSync(join(root, path, 'index.html'), 'utf8')).document;
const hrefs = (doc: Document, selector = 'main a') => [...doc.querySelectorAll(selector)].map((a) => a.getAttribute('href') ?? '');

beforeAll(() => {
  cpSync('data', data, { recursive: true });
  // 西区's population, as a later document might revise it.
  const file = join(data, 'population.csv');
  const before = readFileSync(file, 'utf8');
  const after = before.replace('14103,2015-01-01,97711,', '14103,2015-01-01,97800,');
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, DATA_DIR: data, OUT_DIR: site, RELEASES_DIR: 'releases' }, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('pages built from data changed since the last release', () => {
  it('link the current data on every chart, labelled as not yet released', () => {
    const ja = page(site, 'compare/14100/support_clinics_per_10k_population');
    const links = hrefs(ja, 'figure a[download]');
    expect(links).toContain('/downloads/latest/population.csv');
    expect(links).toContain('/downloads/latest/derived/ward_metrics.csv');
    expect(links.filter((h) => h.startsWith(`/downloads/v${release}/`))).toEqual([]);
    expect(ja.querySelector('figure .unreleased')!.textContent).toBe('（最新のデータ・未リリース）');
    const en = page(site, 'en/compare/14100/support_clinics_per_10k_population');
    expect(en.querySelector('figure .unreleased')!.textContent).toBe(' (current data, not yet released)');
  });

  it('the data page links latest, says the data is not yet released, and still lists the release', () => {
    const doc = page(site, 'data');
    const links = hrefs(doc);
    expect(links).toContain('/downloads/latest/population.csv');
    expect(links).toContain('/downloads/latest/spreadsheet/population.xlsx');
    expect(links).toContain(`/downloads/v${release}/population.csv`);
    expect(links).toContain(`/downloads/v${release}/datapackage.json`);
    expect(doc.querySelector('main .note.unreleased')!.textContent).toContain('最後のリリースから変更されています');
    expect(page(site, 'en/data').querySelector('main .note.unreleased')!.textContent).toContain('has changed since the last release');
  });

  it('latest holds the edit; the release folder stays as published', () => {
    const file = (root: string, folder: string, name: string) => readFileSync(join(root, 'downloads', folder, name), 'utf8');
    expect(file(site, 'latest', 'population.csv')).toContain('14103,2015-01-01,97800,');
    expect(file(site, `v${release}`, 'population.csv')).toContain('14103,2015-01-01,97711,');
    for (const name of ['population.csv', 'derived/ward_metrics.csv', 'datapackage.json'])
      expect(file(site, `v${release}`, name), name).toBe(file(released, `v${release}`, name));
    expect(JSON.parse(file(site, `v${release}`, 'datapackage.json')).version).toBe(release);
    expect(JSON.parse(file(site, 'latest', 'datapackage.json')).version).toBe(`${release}+unreleased`);
  });
});

describe('pages built from the data as released', () => {
  it("link the release's folder, with no label", () => {
    const doc = page(released, 'compare/14100/support_clinics_per_10k_population');
    expect(hrefs(doc, 'figure a[download]')).toContain(`/downloads/v${release}/population.csv`);
    expect(doc.querySelector('.unreleased')).toBeNull();
    expect(page(released, 'data').querySelector('.unreleased')).toBeNull();
  });
});
