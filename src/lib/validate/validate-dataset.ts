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
import { tableSchema, type TableSchema } from '../schema/table-schema.ts';
import { fileProblem } from './file-problem.ts';
import { checkRelations, unreleasedContext, type RelationContext } from './validate-relations.ts';
import { messages, type MessageCode } from './messages.ts';
import { siteTables } from './site-tables.ts';
import { pointerOf, validateDeclaration, type JsonPath } from './validate-declaration.ts';
import { siteConfigSchema, type SiteConfig } from '../config/site-config.ts';
import { checkMetricOperands } from './validate-metrics.ts';
import { validateTable, type Table } from './validate-table.ts';
import { validateCatalogues } from './validate-catalogues.ts';
import { validateBoundaries, type Boundaries } from './validate-boundaries.ts';
import { normalizeLanguages } from '../config/languages.ts';
import { buildLanguages, chainsOf } from '../i18n/languages.ts';
import { fillLabels } from '../i18n/labels.ts';

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
  places?: { metrics?: DeclarationPlace; site?: DeclarationPlace };
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
  problems.push(...nameCaseProblems(names, (n) => shown(n)));
  const csvs = new Set(names.filter((n) => n.endsWith('.csv')).map((n) => n.slice(0, -4)));
  const schemaNames = new Set(names.filter((n) => n.endsWith('.schema.json')).map((n) => n.slice(0, -12)));
  if (csvs.size === 0 && schemaNames.size === 0) return { ...done(), problems: [problem(shown(''), 1, 0, 'dir-empty', {})] };
  for (const name of csvs) if (!schemaNames.has(name)) problems.push(problem(shown(`${name}.csv`), 1, 0, 'schema-missing', {}));
  for (const name of schemaNames) if (!csvs.has(name)) problems.push(problem(shown(`${name}.schema.json`), 1, 0, 'csv-missing', {}));

  // Each table: its schema through the declaration gate, then its rows.
  const schemas = new Map<string, TableSchema>();
  const schemaAt = new Map<string, { file: string; at: (path: JsonPath) => { line: number; column: number } }>();
  for (const name of [...csvs].filter((n) => schemaNames.has(n))) {
    const schemaFile = shown(`${name}.schema.json`);
    const declared = validateDeclaration(dir, `${name}.schema.json`, tableSchema, schemaFile);
    problems.push(...declared.problems);
    if (!declared.value) continue;
    if (declared.value.name !== name) {
      problems.push(problem(schemaFile, declared.at(['name']).line, declared.at(['name']).column, 'schema-name-mismatch', { name: declared.value.name, file: name }));
      continue;
    }
    schemas.set(name, declared.value);
    schemaAt.set(name, { file: schemaFile, at: declared.at });
    const csvFile = shown(`${name}.csv`);
    const read = readDataFile(dir, `${name}.csv`, fileLimits.csvBytes);
    if (!read.ok) {
      problems.push(fileProblem(csvFile, read));
      continue;
    }
    const result = validateTable(csvFile, read.bytes, declared.value);
    problems.push(...result.problems);
    rowCounts.set(name, result.rowCount);
    if (result.table) tables.set(name, result.table);
  }
  problems.push(...checkForeignKeys(tables, shown));
  problems.push(...relationReferenceProblems(schemas, schemaAt, new Set([...csvs, ...schemaNames])), ...checkRelations(tables, options.relations ?? unreleasedContext()));
  if (options.site === false) return done();
  // The folders beside the tables the build reads: the glossary (site text, outside releases) and
  // the site's own catalogues. Each must be a folder of the data folder itself.
  for (const name of ['glossary', 'locales']) {
    const kind = subfolderKind(dir, name);
    if (kind === 'link' || kind === 'not-a-folder') problems.push(problem(shown(name), 1, 0, 'subfolder-not-folder', { name, kind }));
  }
  if (subfolderKind(dir, 'glossary') === 'folder') problems.push(...validateDataDir(join(dir, 'glossary'), displayRoot, { site: false }).problems);
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
  const present = new Set([...csvs, ...schemaNames].filter((n) => !schemas.has(n)));
  if (metrics.value) problems.push(...checkMetricOperands(metricsFile, metrics.value, schemas, metrics.at, present));

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
  // Labels in every configured language, each filled once from its fallback chain.
  if (config) {
    if (metrics.value) problems.push(...labelProblems(metricsFile, metrics.value, metrics.at, config, dir));
    for (const [name, schema] of schemas) problems.push(...labelProblems(schemaAt.get(name)!.file, schema, schemaAt.get(name)!.at, config, dir));
  }

  // The boundary file of the maps, against the areas the site draws.
  const boundaries = validateBoundaries(dir, shown, tables.get('areas'), scopeOf(tables.get('areas'), config?.areas));
  problems.push(...boundaries.problems);

  const places = { metrics: metrics.value ? { file: metricsFile, at: metrics.at } : undefined, site: sitePlace };
  return { ...done(), specs: metrics.value ?? undefined, config, places, boundaries: boundaries.boundaries };
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

/**
 * Names a checkout on Windows or macOS could not keep apart (`POPULATION.CSV` beside
 * `population.csv`: one would overwrite the other), and data files whose extension is in upper
 * case, which would otherwise be passed over without a word. Each clash is reported on the name
 * that is not all lower case (or, when none is, on every name after the first).
 */
export function nameCaseProblems(names: readonly string[], shown: (name: string) => string): Problem[] {
  const problems: Problem[] = [];
  const byLower = new Map<string, string[]>();
  for (const n of names) byLower.set(n.toLowerCase(), [...(byLower.get(n.toLowerCase()) ?? []), n]);
  const clashing = new Set<string>();
  for (const group of byLower.values()) {
    if (group.length < 2) continue;
    const keeper = group.find((n) => n === n.toLowerCase()) ?? group[0]!;
    for (const n of group) {
      if (n === keeper) continue;
      clashing.add(n);
      problems.push({ file: shown(n), line: 1, column: 0, severity: 'error', code: 'name-case-clash', ...messages['name-case-clash']({ name: n, other: keeper }) });
    }
  }
  for (const n of names) {
    const extension = ['.schema.json', '.csv', '.json'].find((x) => n.toLowerCase().endsWith(x));
    if (!extension || clashing.has(n) || n.endsWith(extension)) continue;
    const written = n.slice(n.length - extension.length);
    problems.push({ file: shown(n), line: 1, column: 0, severity: 'error', code: 'extension-case', ...messages['extension-case']({ extension: written }) });
  }
  return problems;
}

/** A relation naming another table must name one the folder has, with the columns it names. */
function relationReferenceProblems(schemas: ReadonlyMap<string, TableSchema>, places: ReadonlyMap<string, DeclarationPlace>, present: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const [name, schema] of schemas)
    schema.relations.forEach((r, i) => {
      if (r.rule !== 'atMost' || typeof r.limit === 'string') return;
      const { file, at } = places.get(name)!;
      const other = schemas.get(r.limit.table);
      // A table whose files are there but were refused is reported already.
      if (!other && present.has(r.limit.table)) return;
      const base: JsonPath = ['relations', i, 'limit'];
      const has = (column: string) => other!.fields.some((f) => f.name === column);
      const onMissing = other ? r.limit.on.findIndex((c) => !has(c)) : -1;
      const [path, column]: [JsonPath, string | undefined] | [null, undefined] = !other
        ? [[...base, 'table'], undefined]
        : !has(r.limit.field)
          ? [[...base, 'field'], r.limit.field]
          : onMissing >= 0
            ? [[...base, 'on', onMissing], r.limit.on[onMissing]]
            : [null, undefined];
      if (!path) return;
      problems.push({ file, ...at(path), severity: 'error', code: 'relation-unknown', ...messages['relation-unknown']({ pointer: pointerOf(path), table: r.limit.table, column }) });
    });
  return problems;
}

const countErrorsIn = (problems: readonly Problem[], file: string) => problems.filter((p) => p.file === file && p.severity === 'error').length;

function checkForeignKeys(tables: Map<string, Table>, shown: (name: string) => string): Problem[] {
  const problems: Problem[] = [];
  for (const table of tables.values()) {
    for (const fk of table.schema.foreignKeys) {
      const target = tables.get(fk.reference.resource);
      if (!target) {
        problems.push({
          file: shown(`${table.name}.schema.json`), line: 1, column: 0, severity: 'error', code: 'unknown-resource',
          ...messages['unknown-resource']({ table: fk.reference.resource }),
        });
        continue;
      }
      const keyOf = (row: Table['rows'][number], fields: string[]) => fields.map((f) => String(row[f] ?? '')).join('\u0000');
      const known = new Set(target.rows.map((r) => keyOf(r, fk.reference.fields)));
      let reported = 0;
      table.rows.forEach((row, i) => {
        if (fk.fields.every((f) => row[f] === null || row[f] === undefined)) return; // a missing reference is allowed
        if (!known.has(keyOf(row, fk.fields)) && reported++ < 100)
          problems.push({
            file: table.file, line: table.lines[i]!, column: table.header.indexOf(fk.fields[0]!) + 1, severity: 'error', code: 'foreign-key-error',
            ...messages['foreign-key-error']({ field: fk.fields.join(', '), value: fk.fields.map((f) => row[f]).join(', '), table: `${fk.reference.resource}.csv` }),
          });
      });
    }
  }
  return problems;
}
