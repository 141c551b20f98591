/**
 * What the pages read: the validated tables of DATA_DIR, the metric declarations, the derived
 * tables and the data-quality report, computed once per build. Pages never publish from data
 * with errors: the build script validates first, and this throws as well.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countErrors, formatProblem } from './problems.ts';
import { runChecks, type QualityReport } from './quality/run-checks.ts';
import type { Tables } from './dataset.ts';
import { deriveAll, type Derived } from './derive/derive-all.ts';
import { parseMetricSpecs, type MetricSpec } from './derive/metric-spec.ts';
import { validateDataDir } from './validate/validate-dataset.ts';
import { registerDataReset } from '../integrations/data-watch.ts';

export interface SiteData {
  dataDir: string;
  tables: Tables;
  rowCounts: ReadonlyMap<string, number>;
  specs: MetricSpec[];
  derived: Derived;
  quality: QualityReport;
}

let cached: SiteData | undefined;

export function loadSiteData(dataDir = process.env.DATA_DIR ?? 'data'): SiteData {
  if (cached && cached.dataDir === resolve(dataDir)) return cached;
  const result = validateDataDir(dataDir);
  if (countErrors(result.problems) > 0)
    throw new Error(`data errors in ${dataDir}:\n${result.problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n')}`);
  const specs = parseMetricSpecs(JSON.parse(readFileSync(join(dataDir, 'metrics.json'), 'utf8')));
  cached = {
    dataDir: resolve(dataDir),
    tables: result.tables,
    rowCounts: result.rowCounts,
    specs,
    derived: deriveAll(result.tables, specs),
    quality: runChecks(result.tables),
  };
  return cached;
}

/** Forgets the cached data, so the next page render reads DATA_DIR again (used by `npm run dev`). */
export function resetSiteData(): void {
  cached = undefined;
}

// `npm run dev` reloads the data when a CSV in DATA_DIR changes.
registerDataReset('site-data', resetSiteData);
