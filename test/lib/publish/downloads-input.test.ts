/**
 * The spreadsheet thread's share of the gate's result: every download file it writes is the same as
 * from the whole result, it is a fraction of the whole to copy, and what was left out cannot be
 * read as if it were empty.
 */
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { inBuild, noEffects } from '../../../src/lib/build-context.ts';
import { runGate } from '../../../src/lib/pipeline.ts';
import { downloadsInput, guardDownloadsInput } from '../../../src/lib/publish/downloads-input.ts';
import { DOWNLOADED_DERIVED, downloadTables } from '../../../src/lib/publish/downloads.ts';
import { releaseArchive } from '../../../src/lib/publish/release-archive.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const whole = runGate(frozenData, process.cwd(), { requireSiteConfig: true });
const handed = guardDownloadsInput(structuredClone(downloadsInput(whole)));

/** The download tables and archive of a data folder, built from a gate result as a build hands it over. */
async function downloadsFrom(result: typeof whole) {
  const context = { dataDir: frozenData, releasesDir: 'releases', gate: { dataDir: frozenData, result }, effects: noEffects, workbooksAside: true };
  return inBuild(context, async () => {
    const site = loadSiteData();
    const tables = downloadTables(site);
    const archive = await releaseArchive(site, 'latest', async (t) => new TextEncoder().encode(t.name));
    return { tables: tables.map((t) => ({ name: t.name, fields: t.fields, rows: t.rows })), archive };
  });
}

describe('the spreadsheet thread’s share of the gate’s result', () => {
  it('gives every download table and the archive exactly as the whole result does', async () => {
    const [a, b] = await Promise.all([downloadsFrom(whole), downloadsFrom(handed)]);
    expect(b.tables.length).toBe(a.tables.length);
    expect(b.tables.filter((t) => t.rows.length > 0).length).toBeGreaterThan(10);
    expect(b.tables).toEqual(a.tables);
    expect(Buffer.from(b.archive).equals(Buffer.from(a.archive))).toBe(true);
  });

  it('copies to the thread the published derived tables and no quality report', () => {
    const input = downloadsInput(whole);
    expect(Object.keys(input.derived!).sort()).toEqual(['specs', ...DOWNLOADED_DERIVED].sort());
    // The trend series are most of what a large site derives (102 of 114 MB at 1,900 areas).
    expect(Object.keys(whole.derived!)).toContain('metricSeries');
    expect(serialize(input.quality).length).toBeLessThan(16);
    expect(serialize(input).length).toBeLessThan(serialize(whole).length);
  });

  it('refuses to be read where it left something out', () => {
    expect(() => handed.derived!.metricSeries).toThrow(/derived\.metricSeries is not handed to the spreadsheet thread/);
    expect(() => handed.quality!.checks).toThrow(/quality\.checks is not handed/);
    expect(handed.derived!.wardMetrics.length).toBeGreaterThan(0);
  });
});
