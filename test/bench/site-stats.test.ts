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
    // A chart drawn for desktops and phones carries a second class.
    const drawn = '<svg role="img" class="chart chart-wide"></svg><svg class="chart chart-narrow"></svg>';
    mkdirSync(join(dir, 'wards', '14104'), { recursive: true });
    writeFileSync(join(dir, 'wards', '14104', 'index.html'), drawn);
    // Not a chart: a class that only begins the same way.
    writeFileSync(join(dir, 'charts.html'), '<div class="charts"></div>');
    writeFileSync(join(dir, 'data.json'), 'x'.repeat(1000));
    // Three area pages (a pair page is not one), two of them with a chart; three pages with a chart in all.
    expect(siteStats(dir)).toEqual({
      files: 7, bytes: 1450 + chart.length + drawn.length + 26, pages: 6, chartPages: 3, areaPages: 3, areaPagesWithChart: 2,
      largestPage: { path: join('en', 'wards', '14101', 'index.html'), bytes: 300 },
    });
  });
});
