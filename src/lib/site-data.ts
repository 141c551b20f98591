/**
 * What the pages read: the validated tables of DATA_DIR, the metric declarations, the derived
 * tables and the data-quality report, computed once per build. Pages never publish from data
 * with errors: the build script validates first, and this throws as well.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countErrors, formatProblem } from './problems.ts';
import { runChecks, type QualityReport } from './quality/run-checks.ts';
import type { Tables } from './dataset.ts';
import { deriveAll, type Derived } from './derive/derive-all.ts';
import { parseMetricSpecs, type MetricSpec } from './derive/metric-spec.ts';
import { normalizeSiteConfig, type SiteConfig } from './config/site-config.ts';
import { validateDataDir } from './validate/validate-dataset.ts';
import { registerDataReset } from '../integrations/data-watch.ts';

export interface SiteData {
  dataDir: string;
  config: SiteConfig;
  tables: Tables;
  rowCounts: ReadonlyMap<string, number>;
  specs: MetricSpec[];
  derived: Derived;
  quality: QualityReport;
}

// One entry per data folder: the current data and each release snapshot the downloads publish.
const cache = new Map<string, SiteData>();

/** The validated data of a folder (default DATA_DIR), read once per build and folder. */
export function loadSiteData(dataDir = process.env.DATA_DIR ?? 'data'): SiteData {
  const key = resolve(dataDir);
  const hit = cache.get(key);
  if (hit) return hit;
  const result = validateDataDir(dataDir);
  if (countErrors(result.problems) > 0)
    throw new Error(`data errors in ${dataDir}:\n${result.problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n')}`);
  const specs = parseMetricSpecs(JSON.parse(readFileSync(join(dataDir, 'metrics.json'), 'utf8')));
  // A release snapshot holds the data as published, not the site's configuration: that stays the site's.
  const configFile = existsSync(join(dataDir, 'site.json')) ? join(dataDir, 'site.json') : join(process.env.DATA_DIR ?? 'data', 'site.json');
  const config = normalizeSiteConfig(JSON.parse(readFileSync(configFile, 'utf8')), configFile);
  const site: SiteData = {
    dataDir: key,
    config,
    tables: result.tables,
    rowCounts: result.rowCounts,
    specs,
    derived: deriveAll(result.tables, specs, { scope: config.areas, budgetArea: config.budgetArea, populationBands: config.peers?.populationBands }),
    quality: runChecks(result.tables),
  };
  cache.set(key, site);
  return site;
}

/** Forgets every cached folder, so the next page render reads the data again (used by `npm run dev`). */
export function resetSiteData(): void {
  cache.clear();
}

// `npm run dev` reloads the data when a CSV in DATA_DIR changes.
registerDataReset('site-data', resetSiteData);
