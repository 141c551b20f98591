/**
 * What a build produced, read from its output folder alone, so the figures stay comparable
 * whichever pages the site has: pages are the .html files, size is every file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SiteStats {
  files: number;
  bytes: number;
  pages: number;
  /** Pages that draw at least one chart (an SVG of class "chart", with or without another). */
  chartPages: number;
  /** Area pages (wards/<code>/index.html, in either language), and those among them with a chart. */
  areaPages: number;
  areaPagesWithChart: number;
  largestPage: { path: string; bytes: number } | null;
}

/** Files, bytes, pages and the largest page under `dir`, recursively. */
export function siteStats(dir: string): SiteStats {
  const stats: SiteStats = { files: 0, bytes: 0, pages: 0, chartPages: 0, areaPages: 0, areaPagesWithChart: 0, largestPage: null };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = statSync(path).size;
    stats.files++;
    stats.bytes += bytes;
    if (!entry.name.endsWith('.html')) continue;
    stats.pages++;
    // A chart drawn for desktops and for phones has a second class (chart-wide, chart-narrow).
    const chart = /\bclass="chart[\s"]/.test(readFileSync(path, 'utf8'));
    if (chart) stats.chartPages++;
    if (/(^|\/)wards\/\d{5}\/index\.html$/.test(relative(dir, path))) {
      stats.areaPages++;
      if (chart) stats.areaPagesWithChart++;
    }
    if (!stats.largestPage || bytes > stats.largestPage.bytes) stats.largestPage = { path: relative(dir, path), bytes };
  }
  return stats;
}
