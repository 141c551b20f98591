/** The benchmark's reading of a built site: pages are .html files wherever they are. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteStats } from '../../bench/lib/site-stats.ts';

const dir = mkdtempSync(join(tmpdir(), 'site-stats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('siteStats', () => {
  it('counts pages, files and bytes recursively and finds the largest page', () => {
    mkdirSync(join(dir, 'en', 'wards', '14101'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), 'x'.repeat(100));
    writeFileSync(join(dir, 'en', 'wards', '14101', 'index.html'), 'x'.repeat(300));
    writeFileSync(join(dir, 'data.json'), 'x'.repeat(1000));
    expect(siteStats(dir)).toEqual({ files: 3, bytes: 1400, pages: 2, largestPage: { path: join('en', 'wards', '14101', 'index.html'), bytes: 300 } });
  });
});
