/**
 * Data edited after the last release: the site built from it shows the edited figures, so its
 * pages link the downloads of the current data (latest), labelled as not yet released, while the
 * release's own folder keeps the data as released; a site built from the data as released links
 * the release's folder without a label.
 *
 * Two sites, one built here: the global build is of data/ as it stands, and this file builds the
 * other. While data/ is as released, it builds the release's data with 西区's population revised;
 * while data/ holds a change not yet released (a new table, say), it builds the release's data
 * as released, and data/ is the changed site.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isSnapshotFile } from '../../src/lib/release/snapshots.ts';

const work = mkdtempSync(join(tmpdir(), 'unreleased-'));
const data = join(work, 'data');
const built = join(work, 'site');
const release = readFileSync('data/releases.csv', 'utf8').trim().split('\n').at(-1)!.split(',')[0]!;
const snapshot = join('releases', release, 'data');
const page = (root: string, path: string) => parseHTML(readFileSync(join(root, path, 'index.html'), 'utf8')).document;
const hrefs = (doc: Document, selector = 'main a') => [...doc.querySelectorAll(selector)].map((a) => a.getAttribute('href') ?? '');

/** The data files of data/ that the release does not hold as they are (a file added or edited since). */
const changedSinceRelease = readdirSync('data').filter((f) => isSnapshotFile(f) && f !== 'releases.csv' && (!existsSync(join(snapshot, f)) || !readFileSync(join('data', f)).equals(readFileSync(join(snapshot, f)))));
const dataUnreleased = changedSinceRelease.length > 0;
/** The site of the changed data, the site of the data as released, and the file that differs between them. */
const sites = dataUnreleased ? { changed: inject('siteDir'), released: built } : { changed: built, released: inject('siteDir') };
const changedFile = dataUnreleased ? changedSinceRelease.find((f) => f.endsWith('.csv'))! : 'population.csv';
const changedData = dataUnreleased ? 'data' : data;

beforeAll(() => {
  // data/ with the release's data files in place of its own, and without files the release lacks.
  cpSync('data', data, { recursive: true });
  for (const f of readdirSync(data)) if (isSnapshotFile(f) && !existsSync(join(snapshot, f))) rmSync(join(data, f));
  cpSync(snapshot, data, { recursive: true });
  if (!dataUnreleased) {
    // 西区's population, as a later document might revise it.
    const file = join(data, 'population.csv');
    const before = readFileSync(file, 'utf8');
    const after = before.replace('14103,2015-01-01,97711,', '14103,2015-01-01,97800,');
    expect(after).not.toBe(before);
    writeFileSync(file, after);
  }
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, DATA_DIR: data, OUT_DIR: built, RELEASES_DIR: 'releases' }, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('pages built from data changed since the last release', () => {
  it('link the current data on every chart, labelled as not yet released', () => {
    const ja = page(sites.changed, 'compare/14100/support_clinics_per_10k_population');
    const links = hrefs(ja, 'figure a[download]');
    expect(links).toContain('/downloads/latest/population.csv');
    expect(links).toContain('/downloads/latest/derived/ward_metrics.csv');
    expect(links.filter((h) => h.startsWith(`/downloads/v${release}/`))).toEqual([]);
    expect(ja.querySelector('figure .unreleased')!.textContent).toBe('（最新のデータ・未リリース）');
    const en = page(sites.changed, 'en/compare/14100/support_clinics_per_10k_population');
    expect(en.querySelector('figure .unreleased')!.textContent).toBe(' (current data, not yet released)');
  });

  it('the data page links latest, says the data is not yet released, and still lists the release', () => {
    const doc = page(sites.changed, 'data');
    const links = hrefs(doc);
    expect(links).toContain('/downloads/latest/population.csv');
    expect(links).toContain('/downloads/latest/spreadsheet/population.xlsx');
    expect(links).toContain(`/downloads/v${release}/population.csv`);
    expect(links).toContain(`/downloads/v${release}/datapackage.json`);
    expect(doc.querySelector('main .note.unreleased')!.textContent).toContain('最後のリリースから変更されています');
    expect(page(sites.changed, 'en/data').querySelector('main .note.unreleased')!.textContent).toContain('has changed since the last release');
  });

  it('latest holds the change; the release folder stays as published', () => {
    const file = (root: string, folder: string, name: string) => readFileSync(join(root, 'downloads', folder, name), 'utf8');
    // Downloads end their lines as RFC 4180 has it (CRLF); the rows are the data's.
    const rows = (text: string) => text.replace(/\r\n/g, '\n').trimEnd();
    expect(rows(file(sites.changed, 'latest', changedFile))).toBe(rows(readFileSync(join(changedData, changedFile), 'utf8')));
    const released = join(sites.changed, 'downloads', `v${release}`, changedFile);
    if (existsSync(join(snapshot, changedFile))) expect(rows(readFileSync(released, 'utf8'))).toBe(rows(readFileSync(join(snapshot, changedFile), 'utf8')));
    else expect(existsSync(released)).toBe(false);
    expect(rows(file(sites.changed, 'latest', changedFile))).not.toBe(existsSync(released) ? rows(readFileSync(released, 'utf8')) : '');
    for (const name of ['population.csv', 'derived/ward_metrics.csv', 'datapackage.json'])
      expect(file(sites.changed, `v${release}`, name), name).toBe(file(sites.released, `v${release}`, name));
    expect(JSON.parse(file(sites.changed, `v${release}`, 'datapackage.json')).version).toBe(release);
    expect(JSON.parse(file(sites.changed, 'latest', 'datapackage.json')).version).toBe(`${release}+unreleased`);
  });
});

describe('pages built from the data as released', () => {
  it("link the release's folder, with no label", () => {
    const doc = page(sites.released, 'compare/14100/support_clinics_per_10k_population');
    expect(hrefs(doc, 'figure a[download]')).toContain(`/downloads/v${release}/population.csv`);
    expect(doc.querySelector('.unreleased')).toBeNull();
    expect(page(sites.released, 'data').querySelector('.unreleased')).toBeNull();
  });
});
