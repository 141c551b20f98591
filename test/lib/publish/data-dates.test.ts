/**
 * Whether the data differs from its newest release, and the dates the data page states, on
 * copies of the data folder as released in 1.0.0 (the frozen fixture, so a later edit of data/
 * does not change what these tests start from) and of the release snapshot, with known edits.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataDates } from '../../../src/lib/publish/data-dates.ts';
import { stableFolder, unreleasedChanges } from '../../../src/lib/release/folders.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const work = mkdtempSync(join(tmpdir(), 'data-dates-'));
const snapshots = join(work, 'releases');
cpSync('releases', snapshots, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the released data folder with one file rewritten. */
function dataWith(name: string, file: string, change: (text: string) => string): string {
  const dir = join(work, name);
  cpSync(frozenData, dir, { recursive: true });
  const before = readFileSync(join(dir, file), 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(join(dir, file), after);
  return dir;
}
const noGit = () => null;
function copyOfData(name: string): string {
  const dir = join(work, name);
  cpSync(frozenData, dir, { recursive: true });
  return dir;
}

describe('data as released', () => {
  it('links release 1.0.0 and last changed on its date', () => {
    const site = loadSiteData(copyOfData('as-released'));
    expect(unreleasedChanges(site, snapshots)).toBe(false);
    expect(stableFolder(site, snapshots)).toBe('v1.0.0');
    expect(dataDates(site, snapshots, noGit)).toEqual({ lastRelease: { version: '1.0.0', date: '2026-11-23' }, lastChanged: '2026-11-23', unreleased: false });
  });

  it("a schema's relations are checks, not data: adding them changes no published file", () => {
    const site = loadSiteData(dataWith('relations', 'population.schema.json', (t) => t.replace('\n  "notes": [', '\n  "relations": [\n    { "rule": "atMost", "field": "aged_75_plus", "limit": "population" }\n  ],\n  "notes": [')));
    expect(unreleasedChanges(site, snapshots)).toBe(false);
    expect(stableFolder(site, snapshots)).toBe('v1.0.0');
  });

  it("a schema's published words are data: a changed column title is not yet released", () => {
    const site = loadSiteData(dataWith('title', 'population.schema.json', (t) => t.replace('"ja": "75歳以上人口",', '"ja": "75歳以上の人口",')));
    expect(unreleasedChanges(site, snapshots)).toBe(true);
  });

  it('a corrected release note is not a data change', () => {
    const site = loadSiteData(dataWith('note', 'releases.csv', (t) => t.replace('初めて公開。', '初めて公開しました。')));
    expect(unreleasedChanges(site, snapshots)).toBe(false);
    expect(stableFolder(site, snapshots)).toBe('v1.0.0');
  });
});

describe('data edited after the release', () => {
  const dir = dataWith('edited', 'population.csv', (t) => t.replace('14103,2015-01-01,97711,', '14103,2015-01-01,97800,'));
  const site = loadSiteData(dir);

  it('links latest', () => {
    expect(unreleasedChanges(site, snapshots)).toBe(true);
    expect(stableFolder(site, snapshots)).toBe('latest');
  });

  it('is dated by its newest commit, by today while uncommitted, and not at all without git', () => {
    const today = () => '2026-12-24';
    expect(dataDates(site, snapshots, () => ({ lastCommit: '2026-12-05', dirty: false }), today).lastChanged).toBe('2026-12-05');
    expect(dataDates(site, snapshots, () => ({ lastCommit: '2026-12-05', dirty: true }), today).lastChanged).toBe('2026-12-24');
    expect(dataDates(site, snapshots, noGit, today)).toEqual({ lastRelease: { version: '1.0.0', date: '2026-11-23' }, lastChanged: null, unreleased: true });
  });
});
