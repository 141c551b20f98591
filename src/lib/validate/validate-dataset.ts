/**
 * Validation, the gate's first phase: every file of a data folder against its declaration. Each
 * `<table>.csv` is paired with its `<table>.schema.json`; every declaration file (schemas,
 * metrics.json, site.json, catalogues) is validated with its place; references between tables,
 * the tables the site needs, the metric operands and every label are checked. Returns the valid
 * tables, the declarations and every problem; deriving and the consistency checks run after it,
 * in the pipeline (src/lib/pipeline.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { countErrors, type Problem } from '../problems.ts';
import { metricSpecList, type MetricSpec } from '../schema/metric-spec.ts';
import { fileLimits, readDataFile, subfolderKind } from '../load/read-data-file.ts';
import { messages, type MessageCode } from './messages.ts';
import { siteTables } from './site-tables.ts';
import { pointerOf, validateDeclaration, type JsonPath } from './validate-declaration.ts';
import { siteConfigSchema, type SiteConfig } from '../config/site-config.ts';
import { checkMetricOperands } from './validate-metrics.ts';
import type { Table } from './validate-table.ts';
import { nameCaseProblems, validateTables, type ReadFile } from './validate-files.ts';
import type { RelationContext } from './validate-relations.ts';
import { validateCatalogues } from './validate-catalogues.ts';
import { validateBoundaries, type Boundaries } from './validate-boundaries.ts';
import { CONSISTENCY_FILE, consistencySpec, type ConsistencySpec } from '../schema/consistency-spec.ts';
import { checkRuleReferences } from './validate-consistency.ts';
import { normalizeLanguages } from '../config/languages.ts';
import { buildLanguages, chainsOf } from '../i18n/languages.ts';
import { fillLabels } from '../i18n/labels.ts';
import { columnLabelProblems, declarationLabelProblems } from './validate-edition-labels.ts';

export interface DatasetResult {
  tables: Map<string, Table>;
  problems: Problem[];
  /** Data rows read from each CSV file, valid or not: the count that must reach the site. */
  rowCounts: Map<string, number>;
  /** The metric declarations (metrics.json), when they are valid. */
  specs?: MetricSpec[];
  /** The site configuration: the folder's site.json, or the one passed in. */
  config?: SiteConfig;
  /** The areas' shapes for the maps, when the folder declares them (boundaries.json). */
  boundaries?: Boundaries | null;
  /** Where each declaration's values are, for the later phases' problems. */
  places?: { metrics?: DeclarationPlace; site?: DeclarationPlace; consistency?: DeclarationPlace };
  /** The consistency rules (consistency.json), when the folder declares them and they are valid. */
  consistency?: ConsistencySpec;
}

/** A declaration file as shown to the maintainer, and the line and column of each of its values. */
export interface DeclarationPlace {
  file: string;
  at: (path: JsonPath) => { line: number; column: number };
}

export interface GateOptions {
  /** Check metrics.json, the tables the site needs, derivations and consistency checks (default true). */
  site?: boolean;
  /**
   * The configuration to use when the folder has no site.json of its own (a release snapshot keeps
   * the data, not the site's configuration). Without it, a folder without site.json is derived
   * over every area, unless `requireSiteConfig`.
   */
  siteConfig?: SiteConfig;
  /** A folder the site is built from must have its site.json (validate and build say so). */
  requireSiteConfig?: boolean;
  /** The day the data is published, for the relations that look at dates (default: today in Japan). */
  relations?: RelationContext;
  /** The release snapshots the build reads beside this folder (`releases/`), checked too when given. */
  releasesDir?: string;
}

export function validateDataDir(dir: string, displayRoot = process.cwd(), options: GateOptions = {}): DatasetResult {
  const problems: Problem[] = [];
  // Paths as the maintainer typed them: relative to where the command runs, absolute outside it.
  const shown = (name: string) => {
    const full = resolve(dir, name);
    const rel = relative(displayRoot, full);
    return rel.startsWith('..') || rel === '' ? full : rel;
  };
  const problem = <C extends MessageCode>(file: string, line: number, column: number, code: C, args: Parameters<(typeof messages)[C]>[0]): Problem => ({
    file, line, column, severity: 'error', code, ...(messages[code] as (a: typeof args) => { ja: string; en: string })(args),
  });
  const tables = new Map<string, Table>();
  const rowCounts = new Map<string, number>();
  const done = () => ({ tables, problems, rowCounts });

  // The folder itself.
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return { ...done(), problems: [problem(shown(''), 1, 0, 'dir-not-folder', {})] };
    names = readdirSync(dir).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    return { ...done(), problems: [code === 'ENOENT' ? problem(shown(''), 1, 0, 'dir-missing', {}) : problem(shown(''), 1, 0, 'file-unreadable', { code })] };
  }
  // The tables: each schema through the declaration gate, then its rows, then the references
  // between them, on the bytes read through the folder's guards (validate-files.ts).
  const read: ReadFile = (name, kind) => readDataFile(dir, name, fileLimits[kind]);
  const phase = validateTables(names, read, shown, options.relations);
  problems.push(...phase.problems);
  if (phase.empty) return done();
  for (const [name, table] of phase.tables) tables.set(name, table);
  for (const [name, count] of phase.rowCounts) rowCounts.set(name, count);
  const { schemas, schemaAt } = phase;
  if (options.site === false) return done();
  // The folders beside the tables the build reads: the glossary (site text, outside releases) and
  // the site's own catalogues. Each must be a folder of the data folder itself.
  for (const name of ['glossary', 'locales']) {
    const kind = subfolderKind(dir, name);
    if (kind === 'link' || kind === 'not-a-folder') problems.push(problem(shown(name), 1, 0, 'subfolder-not-folder', { name, kind }));
  }
  const glossary = subfolderKind(dir, 'glossary') === 'folder' ? validateDataDir(join(dir, 'glossary'), displayRoot, { site: false }) : null;
  if (glossary) problems.push(...glossary.problems);
  if (subfolderKind(dir, 'locales') === 'folder') problems.push(...nameCaseProblems(readdirSync(join(dir, 'locales')).sort(), (n) => shown(join('locales', n))));

  // What the pages need: the tables they read, and metrics.json with operands that exist.
  for (const name of siteTables) {
    const [csv, schema] = [shown(`${name}.csv`), shown(`${name}.schema.json`)];
    if ((tables.get(name)?.rows.length ?? 0) === 0 && countErrorsIn(problems, csv) + countErrorsIn(problems, schema) === 0)
      problems.push(problem(csv, 1, 0, 'table-required', { table: name }));
  }
  const metricsFile = shown('metrics.json');
  const metrics = validateDeclaration(dir, 'metrics.json', metricSpecList, metricsFile);
  problems.push(...metrics.problems);
  const present = phase.broken;
  if (metrics.value) problems.push(...checkMetricOperands(metricsFile, metrics.value, schemas, metrics.at, present));
  // The consistency rules, when the folder declares them, against the tables they read.
  const rulesFile = shown(CONSISTENCY_FILE);
  const rules = names.includes(CONSISTENCY_FILE) ? validateDeclaration(dir, CONSISTENCY_FILE, consistencySpec, rulesFile) : null;
  if (rules) problems.push(...rules.problems);
  if (rules?.value) problems.push(...checkRuleReferences(rulesFile, rules.value, schemas, rules.at, present));

  // The site configuration, and what it names: metrics and areas that exist.
  let config: SiteConfig | undefined = options.siteConfig;
  let sitePlace: DeclarationPlace | undefined;
  const siteFile = shown('site.json');
  if (names.includes('site.json')) {
    const declared = validateDeclaration(dir, 'site.json', siteConfigSchema, siteFile);
    problems.push(...declared.problems);
    config = declared.value ?? undefined;
    if (config) sitePlace = { file: siteFile, at: declared.at };
    if (config) {
      problems.push(...validateCatalogues(dir, config.languages, displayRoot));
      problems.push(...labelProblems(siteFile, config, declared.at, config, dir));
    }
  } else if (options.requireSiteConfig && !options.siteConfig) problems.push(problem(siteFile, 1, 0, 'site-config-missing', {}));
  // The labels an edition writes itself, looked for before the fallback chain fills them.
  if (config) {
    const languages = buildLanguages(normalizeLanguages(config.languages), dir);
    if (metrics.value) problems.push(...declarationLabelProblems([{ file: metricsFile, value: metrics.value, at: metrics.at }], languages));
    problems.push(...declarationLabelProblems([...schemas].map(([name, schema]) => ({ file: schemaAt.get(name)!.file, value: schema, at: schemaAt.get(name)!.at })), languages, ['title']));
    for (const table of [...tables.values(), ...(glossary?.tables.values() ?? [])]) problems.push(...columnLabelProblems(table, languages));
  }
  // Labels in every configured language, each filled once from its fallback chain.
  if (config) {
    if (metrics.value) problems.push(...labelProblems(metricsFile, metrics.value, metrics.at, config, dir));
    if (rules?.value) problems.push(...labelProblems(rulesFile, rules.value, rules.at, config, dir));
    for (const [name, schema] of schemas) problems.push(...labelProblems(schemaAt.get(name)!.file, schema, schemaAt.get(name)!.at, config, dir));
  }

  // The boundary file of the maps, against the areas the site draws.
  const boundaries = validateBoundaries(dir, shown, tables.get('areas'), scopeOf(tables.get('areas'), config?.areas));
  problems.push(...boundaries.problems);

  const places = { metrics: metrics.value ? { file: metricsFile, at: metrics.at } : undefined, site: sitePlace, consistency: rules?.value ? { file: rulesFile, at: rules.at } : undefined };
  return { ...done(), specs: metrics.value ?? undefined, config, places, boundaries: boundaries.boundaries, consistency: rules?.value ?? undefined };
}

/** Fills the labels of a declaration for the configured languages; a label without the default language is an error at its place. */
function labelProblems(file: string, value: unknown, at: (path: JsonPath) => { line: number; column: number }, config: SiteConfig, dir: string): Problem[] {
  const languages = buildLanguages(normalizeLanguages(config.languages), dir);
  const lang = languages[0]!.code;
  return fillLabels(value, chainsOf(languages), lang).map((path) => ({
    file, ...at(path), severity: 'error' as const, code: 'label-default-missing', ...messages['label-default-missing']({ pointer: pointerOf(path), lang }),
  }));
}

/** The areas a site covers: those the configuration names and their wards, or every area without a parent and its wards. */
function scopeOf(areas: Table | undefined, scope: readonly string[] | undefined): string[] {
  const rows = areas?.rows ?? [];
  const top = new Set(scope ?? rows.filter((r) => !r.parent_code).map((r) => String(r.area_code)));
  return rows.filter((r) => top.has(String(r.area_code)) || (r.parent_code && top.has(String(r.parent_code)))).map((r) => String(r.area_code));
}

const countErrorsIn = (problems: readonly Problem[], file: string) => problems.filter((p) => p.file === file && p.severity === 'error').length;
