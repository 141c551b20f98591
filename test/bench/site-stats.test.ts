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
    const chart = '<svg class="chart"></svg>';
    writeFileSync(join(dir, 'en', 'wards', '14101', 'index.html'), chart + 'x'.repeat(300 - chart.length));
    mkdirSync(join(dir, 'wards', '14102', 'vs', '14103'), { recursive: true });
    writeFileSync(join(dir, 'wards', '14102', 'index.html'), 'x'.repeat(50));
    writeFileSync(join(dir, 'wards', '14102', 'vs', '14103', 'index.html'), chart);
    writeFileSync(join(dir, 'data.json'), 'x'.repeat(1000));
    // Two area pages (a pair page is not one), one of them with a chart; two pages with a chart in all.
    expect(siteStats(dir)).toEqual({
      files: 5, bytes: 1450 + chart.length, pages: 4, chartPages: 2, areaPages: 2, areaPagesWithChart: 1,
      largestPage: { path: join('en', 'wards', '14101', 'index.html'), bytes: 300 },
    });
  });
});
