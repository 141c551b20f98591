/**
 * Whether the data differs from its newest release, and the dates the data page states, on
 * copies of data/ and of the release snapshot with known edits.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataDates } from '../../../src/lib/publish/data-dates.ts';
import { stableFolder, unreleasedChanges } from '../../../src/lib/release/folders.ts';
import { isSnapshotFile } from '../../../src/lib/release/snapshots.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';

const work = mkdtempSync(join(tmpdir(), 'data-dates-'));
const snapshots = join(work, 'releases');
cpSync('releases', snapshots, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The newest release of data/releases.csv: its version and date. */
const [newest, releasedOn] = readFileSync('data/releases.csv', 'utf8').trim().split('\n').at(-1)!.split(',') as [string, string];

/**
 * A copy of data/ as its newest release holds it: the snapshot's data files over the rest of
 * data/ (site configuration, glossary, boundaries), without a data file added since the release
 * (a new table is an unreleased change until the next release records it).
 */
function releasedData(dir: string): string {
  cpSync('data', dir, { recursive: true });
  const released = join(snapshots, newest, 'data');
  for (const f of readdirSync(dir)) if (isSnapshotFile(f) && !existsSync(join(released, f))) rmSync(join(dir, f));
  cpSync(released, dir, { recursive: true });
  return dir;
}

/** A copy of data/ as released, with one file rewritten. */
function dataWith(name: string, file: string, change: (text: string) => string): string {
  const dir = releasedData(join(work, name));
  const before = readFileSync(join(dir, file), 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(join(dir, file), after);
  return dir;
}
const noGit = () => null;
const copyOfData = (name: string) => releasedData(join(work, name));

describe('data as released', () => {
  it('links the newest release and last changed on its date', () => {
    const site = loadSiteData(copyOfData('as-released'));
    expect(unreleasedChanges(site, snapshots)).toBe(false);
    expect(stableFolder(site, snapshots)).toBe(`v${newest}`);
    expect(dataDates(site, snapshots, noGit)).toEqual({ lastRelease: { version: newest, date: releasedOn }, lastChanged: releasedOn, unreleased: false });
  });

  it('a corrected release note is not a data change', () => {
    const site = loadSiteData(dataWith('note', 'releases.csv', (t) => t.replace('初めて公開。', '初めて公開しました。')));
    expect(unreleasedChanges(site, snapshots)).toBe(false);
    expect(stableFolder(site, snapshots)).toBe(`v${newest}`);
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
    expect(dataDates(site, snapshots, noGit, today)).toEqual({ lastRelease: { version: newest, date: releasedOn }, lastChanged: null, unreleased: true });
  });
});
