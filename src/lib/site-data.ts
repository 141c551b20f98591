/**
 * What the pages read: the validated tables of DATA_DIR, the metric declarations, the derived
 * tables and the data-quality report, computed once per build. Pages never publish from data
 * with errors: the build script validates first, and this throws as well.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countErrors, formatProblem } from './problems.ts';
import type { QualityReport } from './quality/run-checks.ts';
import type { Tables } from './dataset.ts';
import type { Derived } from './derive/derive-all.ts';
import type { MetricSpec } from './derive/metric-spec.ts';
import type { SiteConfig } from './config/site-config.ts';
import { validateDataDir } from './validate/validate-dataset.ts';
import type { Boundaries } from './validate/validate-boundaries.ts';
import { registerDataReset } from '../integrations/data-watch.ts';

export interface SiteData {
  dataDir: string;
  config: SiteConfig;
  tables: Tables;
  rowCounts: ReadonlyMap<string, number>;
  specs: MetricSpec[];
  derived: Derived;
  quality: QualityReport;
  /** The areas' shapes for the maps; null where the data folder declares none. */
  boundaries: Boundaries | null;
}

// One entry per data folder: the current data and each release snapshot the downloads publish.
const cache = new Map<string, SiteData>();

/**
 * The build script runs the gate before Astro starts, and Astro's prerendering loads its own copy of
 * this module: the gate's result is handed over through a global, so the pages read what the gate
 * derived instead of validating and deriving the whole folder a second time.
 */
const GATE_RESULT = Symbol.for('zaitaku-iryo-dashboard.gate-result');
type GateHandOver = { dataDir: string; result: ReturnType<typeof validateDataDir> };

export function handOverGateResult(dataDir: string, result: ReturnType<typeof validateDataDir>): void {
  (globalThis as Record<symbol, GateHandOver | undefined>)[GATE_RESULT] = { dataDir: resolve(dataDir), result };
}

/** What was handed over on this thread, to hand on to the threads that render pages. */
export function handedGateResult(): GateHandOver | null {
  return (globalThis as Record<symbol, GateHandOver | undefined>)[GATE_RESULT] ?? null;
}

/**
 * The validated data of a folder (default DATA_DIR), read once per build and folder, with what
 * the gate derived from it. A release snapshot keeps the data as published, not the site's
 * configuration: it is read with the site's own.
 */
export function loadSiteData(dataDir = process.env.DATA_DIR ?? 'data'): SiteData {
  const key = resolve(dataDir);
  const hit = cache.get(key);
  if (hit) return hit;
  const main = resolve(process.env.DATA_DIR ?? 'data');
  const siteConfig = key === main || existsSync(join(dataDir, 'site.json')) ? undefined : loadSiteData(main).config;
  const handed = handedGateResult();
  const result = handed?.dataDir === key ? handed.result : validateDataDir(dataDir, process.cwd(), { siteConfig, requireSiteConfig: true });
  if (countErrors(result.problems) > 0 || !result.specs || !result.derived || !result.quality || !result.config)
    throw new Error(`data errors in ${dataDir}:\n${result.problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n')}`);
  const site: SiteData = {
    dataDir: key,
    config: result.config,
    tables: result.tables,
    rowCounts: result.rowCounts,
    specs: result.specs,
    derived: result.derived,
    quality: result.quality,
    boundaries: result.boundaries ?? null,
  };
  cache.set(key, site);
  return site;
}

/** Forgets every cached folder, so the next page render reads the data again (used by `npm run dev`). */
export function resetSiteData(): void {
  cache.clear();
  delete (globalThis as Record<symbol, GateHandOver | undefined>)[GATE_RESULT];
}

// `npm run dev` reloads the data when a CSV in DATA_DIR changes.
registerDataReset('site-data', resetSiteData);
