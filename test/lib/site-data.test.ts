/**
 * The pages read what the build's gate derived: the data folder's result and each release
 * snapshot's, without running the gate again (a snapshot's gate is most of a small site's start).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { inBuild, noEffects } from '../../src/lib/build-context.ts';
import { runGate } from '../../src/lib/pipeline.ts';
import { loadSiteData } from '../../src/lib/site-data.ts';

const root = resolve(import.meta.dirname, '../..');
const dataDir = join(root, 'data');
const releasesDir = join(root, 'releases');

describe('loadSiteData in a build', () => {
  const result = runGate(dataDir, root, { requireSiteConfig: true, releasesDir });
  // Every release listed in data/releases.csv has its snapshot in releases/.
  const versions = Papa.parse<{ version: string }>(readFileSync(join(dataDir, 'releases.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => r.version);

  it("keeps the gate's result for each release snapshot it checked", () => {
    expect(versions.length).toBeGreaterThan(0);
    expect([...(result.snapshots?.keys() ?? [])].sort()).toEqual(versions.map((v) => join(releasesDir, v, 'data')).sort());
    for (const snapshot of result.snapshots!.values()) expect(snapshot.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('gives the pages those results rather than validating and deriving again', () => {
    const context = { dataDir, releasesDir, gate: { dataDir, result }, effects: noEffects, workbooksAside: false };
    inBuild(context, () => {
      expect(loadSiteData().derived).toBe(result.derived);
      let seen = 0;
      for (const [dir, snapshot] of result.snapshots!) {
        expect(loadSiteData(dir).derived, dir).toBe(snapshot.derived);
        seen++;
      }
      expect(seen).toBe(versions.length);
    });
  });
});
