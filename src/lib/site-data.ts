/**
 * What the pages read: the validated tables of DATA_DIR and the data-quality report, computed
 * once per build. Pages never publish from data with errors: the build script validates first,
 * and this throws as well, so no page can be rendered from broken input by another route.
 */
import { resolve } from 'node:path';
import { countErrors, formatProblem } from './problems.ts';
import { runChecks, type QualityReport } from './quality/run-checks.ts';
import type { Tables } from './dataset.ts';
import { validateDataDir } from './validate/validate-dataset.ts';

export interface SiteData {
  dataDir: string;
  tables: Tables;
  rowCounts: ReadonlyMap<string, number>;
  quality: QualityReport;
}

let cached: SiteData | undefined;

export function loadSiteData(dataDir = process.env.DATA_DIR ?? 'data'): SiteData {
  if (cached && cached.dataDir === resolve(dataDir)) return cached;
  const result = validateDataDir(dataDir);
  if (countErrors(result.problems) > 0)
    throw new Error(`data errors in ${dataDir}:\n${result.problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n')}`);
  cached = { dataDir: resolve(dataDir), tables: result.tables, rowCounts: result.rowCounts, quality: runChecks(result.tables) };
  return cached;
}
