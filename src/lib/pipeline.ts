/**
 * The gate, as the build runs it: the data folder read and validated (load → validate), the
 * figures derived from the valid tables (derive), and the consistency checks run on them
 * (check). Each phase takes what the one before gave; anything a phase cannot compute becomes a
 * problem at a file, line and column rather than a crash later in the build. The pages present
 * and publish what this returns (src/lib/site-data.ts); `npm run validate` prints its problems.
 */
import { relative, resolve } from 'node:path';
import { countErrors, type Problem } from './problems.ts';
import type { SiteConfig } from './config/site-config.ts';
import type { MetricSpec } from './schema/metric-spec.ts';
import { deriveAll, type Derived } from './derive/derive-all.ts';
import { MUNICIPAL_GROUP } from './derive/ward-metrics.ts';
import { withCountVariants } from './derive/metric-families.ts';
import { idleRules, runChecks, type QualityReport } from './quality/run-checks.ts';
import { messages } from './validate/messages.ts';
import { pointerOf, type JsonPath } from './validate/validate-declaration.ts';
import { checkMetricIds, checkMetricRange, checkMetricValues } from './validate/validate-metrics.ts';
import { checkSnapshots } from './release/check-snapshots.ts';
import { releasesFromRows } from './release/releases.ts';
import { validateDataDir, type DatasetResult, type GateOptions } from './validate/validate-dataset.ts';
import type { Table } from './validate/validate-table.ts';

export type { GateOptions };

export interface GateResult extends DatasetResult {
  /** The derived tables and the quality report, when the data has no error. */
  derived?: Derived;
  quality?: QualityReport;
  /**
   * The gate's result for each release snapshot it checked, by the snapshot's data folder
   * (absolute): the pages publish those snapshots' downloads from it rather than run the gate again.
   */
  snapshots?: ReadonlyMap<string, GateResult>;
}

export function runGate(dir: string, displayRoot = process.cwd(), options: GateOptions = {}): GateResult {
  // 1–2. Load and validate: every file against its declaration.
  const validated = validateDataDir(dir, displayRoot, options);
  if (options.site === false) return { tables: validated.tables, problems: validated.problems, rowCounts: validated.rowCounts };
  const problems: Problem[] = [...validated.problems];
  const { tables, specs, config, places } = validated;
  // The declarations' places are this function's to use: the result is plain data, which a
  // worker thread can be handed.
  const { places: _places, ...data } = validated;
  const result = (more: Partial<GateResult> = {}): GateResult => ({ ...data, problems, ...more });
  // The metrics and areas the site configuration names, among the metrics with their count variants.
  if (config && specs && places?.site) problems.push(...checkSiteConfig(places.site.file, config, withCountVariants(specs, tables), tables, places.site.at));
  // The release snapshots the build publishes beside the data, each through this same gate.
  const snapshots = new Map<string, GateResult>();
  if (options.releasesDir && config) {
    const gate = (snapshot: string, relations: GateOptions['relations']) => {
      const checked = runGate(snapshot, displayRoot, { siteConfig: config, requireSiteConfig: true, relations });
      snapshots.set(resolve(snapshot), checked);
      return checked.problems.filter((p) => p.severity === 'error');
    };
    problems.push(...checkSnapshots(resolve(options.releasesDir), releasesFromRows(tables.get('releases')?.rows ?? []), gate, displayRoot));
  }
  if (specs && places?.metrics) problems.push(...checkMetricIds(places.metrics.file, specs, [MUNICIPAL_GROUP], places.metrics.at));
  if (countErrors(problems) > 0 || !specs || !places?.metrics) return result({ specs: undefined, config: undefined });
  const metricsPlace = places.metrics;

  // 3. Derive: ward rates, city values, ranks, budget figures.
  let derived: Derived;
  try {
    derived = deriveAll(tables, specs, { scope: config?.areas, budgetArea: config?.budgetArea, populationBands: config?.peers?.populationBands, trends: config?.trends });
  } catch (err) {
    problems.push(problemAt(metricsPlace.file, 'derive-error', { step: '指標 / the metrics', detail: messageOf(err) }));
    return result({ specs: undefined, config: undefined });
  }
  problems.push(...checkMetricValues(metricsPlace.file, specs, derived.wardMetrics, metricsPlace.at));
  problems.push(...checkMetricRange(metricsPlace.file, specs, [...derived.wardMetrics, ...derived.municipalMetrics, ...derived.cityMetrics, ...derived.municipalTotals], metricsPlace.at));
  if (countErrors(problems) > 0) return result({ specs: undefined, config: undefined });

  // 4. Check: printed totals, shares and rates recomputed from the rows.
  let quality: QualityReport;
  try {
    quality = runChecks(tables, validated.consistency);
  } catch (err) {
    problems.push(problemAt(shownDir(dir, displayRoot), 'derive-error', { step: 'データ品質の検査 / the consistency checks', detail: messageOf(err) }));
    return result({ specs: undefined, config: undefined });
  }
  // A rule that checked nothing is said, not passed over: the quality page lists it too.
  const rulesPlace = places?.consistency;
  if (rulesPlace)
    for (const path of idleRules(quality))
      problems.push({ file: rulesPlace.file, ...rulesPlace.at(path), severity: 'warning', code: 'rule-idle', ...messages['rule-idle']({ check: validated.consistency![path[0]]!.id, rule: path[2] + 1 }) });
  return result({ derived, quality, snapshots });
}

const problemAt = (file: string, code: 'derive-error', args: Parameters<(typeof messages)['derive-error']>[0]): Problem => ({
  file, line: 1, column: 0, severity: 'error', code, ...messages[code](args),
});
/** The folder as the maintainer typed it: relative to where the command runs, absolute outside it. */
function shownDir(dir: string, displayRoot: string): string {
  const full = resolve(dir);
  const rel = relative(displayRoot, full);
  return rel.startsWith('..') || rel === '' ? full : rel;
}
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!;

function checkSiteConfig(file: string, config: SiteConfig, specs: readonly MetricSpec[], tables: ReadonlyMap<string, Table>, at: (path: JsonPath) => { line: number; column: number }): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(specs.map((s) => s.id));
  const areas = new Set((tables.get('areas')?.rows ?? []).map((r) => String(r.area_code)));
  const check = (path: JsonPath, what: 'metric' | 'area', value: string | undefined) => {
    if (value === undefined || (what === 'metric' ? ids : areas).has(value)) return;
    problems.push({ file, ...at(path), severity: 'error', code: 'site-config-unknown', ...messages['site-config-unknown']({ pointer: pointerOf(path), what, value }) });
  };
  check(['headlineMetric'], 'metric', config.headlineMetric);
  config.summaryMetrics.forEach((m, i) => check(['summaryMetrics', i], 'metric', m));
  if (config.scatter) for (const axis of ['x', 'y'] as const) check(['scatter', axis], 'metric', config.scatter[axis]);
  config.areas?.forEach((a, i) => check(['areas', i], 'area', a));
  check(['budgetArea'], 'area', config.budgetArea);
  config.keyFigures.forEach((k, i) => {
    if (k.kind === 'metric') check(['keyFigures', i, 'metric'], 'metric', k.metric);
    if ('area' in k) check(['keyFigures', i, 'area'], 'area', k.area);
  });
  return problems;
}

