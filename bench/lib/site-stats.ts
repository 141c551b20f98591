/**
 * What a build produced, read from its output folder alone, so the figures stay comparable
 * whichever pages the site has: pages are the .html files, size is every file.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SiteStats {
  files: number;
  bytes: number;
  pages: number;
  largestPage: { path: string; bytes: number } | null;
}

/** Files, bytes, pages and the largest page under `dir`, recursively. */
export function siteStats(dir: string): SiteStats {
  const stats: SiteStats = { files: 0, bytes: 0, pages: 0, largestPage: null };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = statSync(path).size;
    stats.files++;
    stats.bytes += bytes;
    if (!entry.name.endsWith('.html')) continue;
    stats.pages++;
    if (!stats.largestPage || bytes > stats.largestPage.bytes) stats.largestPage = { path: relative(dir, path), bytes };
  }
  return stats;
}
