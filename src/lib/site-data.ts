/**
 * What the pages read: the validated tables of the build's data folder, the metric declarations, the derived
 * tables and the data-quality report, computed once per build. Pages never publish from data
 * with errors: the build script runs the gate first, and this throws as well. Under `npm run dev`
 * an edited data file makes Vite evaluate this module again (integrations/data-watch.ts), and
 * with it an empty cache.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countErrors, formatProblem } from './problems.ts';
import type { QualityReport } from './quality/run-checks.ts';
import type { Tables } from './dataset.ts';
import type { Derived } from './derive/derive-all.ts';
import type { MetricSpec } from './schema/metric-spec.ts';
import type { SiteConfig } from './config/site-config.ts';
import type { ConsistencySpec } from './schema/consistency-spec.ts';
import { runGate, type GateResult } from './pipeline.ts';
import type { Boundaries } from './validate/validate-boundaries.ts';
import { buildContext } from './build-context.ts';

export interface SiteData {
  dataDir: string;
  config: SiteConfig;
  tables: Tables;
  rowCounts: ReadonlyMap<string, number>;
  specs: MetricSpec[];
  derived: Derived;
  quality: QualityReport;
  /** The consistency rules the data folder declares (none for a release snapshot, which keeps the data only). */
  consistency: ConsistencySpec;
  /** The areas' shapes for the maps; null where the data folder declares none. */
  boundaries: Boundaries | null;
}

// One entry per data folder: the current data and each release snapshot the downloads publish.
const cache = new Map<string, SiteData>();

/**
 * The validated data of a folder (default: the build's data folder, see build-context.ts), read
 * once per process and folder, with what the gate derived from it: a build that ran the gate
 * before Astro started hands its result over in its context. A release snapshot keeps the data
 * as published, not the site's configuration: it is read with the site's own.
 */
export function loadSiteData(dataDir = buildContext().dataDir): SiteData {
  const key = resolve(dataDir);
  const hit = cache.get(key);
  if (hit) return hit;
  const main = resolve(buildContext().dataDir);
  const siteConfig = key === main || existsSync(join(dataDir, 'site.json')) ? undefined : loadSiteData(main).config;
  // The build's gate checked the data folder and each release snapshot (a snapshot against its
  // release date, which is stricter than today): what it derived is used as it is.
  const gate = buildContext().gate;
  const given = gate ? (resolve(gate.dataDir) === key ? (gate.result as GateResult) : (gate.result as GateResult).snapshots?.get(key)) : undefined;
  const result = given ?? runGate(dataDir, process.cwd(), { siteConfig, requireSiteConfig: true });
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
    consistency: result.consistency ?? [],
    boundaries: result.boundaries ?? null,
  };
  cache.set(key, site);
  return site;
}
