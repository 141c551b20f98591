/**
 * The gate's checks of a data folder's tables on files already read: each `<table>.csv` paired with
 * its `<table>.schema.json`, the schema through the declaration gate, then the rows, then the
 * references between tables. validate-dataset.ts reads a folder on disk through load's guards and
 * hands the bytes here; the browser's check page (src/scripts/check-data.ts) hands the files a
 * maintainer dropped, `{ name, bytes }`, and gets the very problems `npm run validate` prints. This
 * module reads no file itself.
 */
import type { z } from 'zod';
import type { Problem } from '../problems.ts';
import { fileLimits, type ReadRefusal } from '../load/limits.ts';
import { metricSpecList } from '../schema/metric-spec.ts';
import { tableSchema, type TableSchema } from '../schema/table-schema.ts';
import { CONSISTENCY_FILE, consistencySpec } from '../schema/consistency-spec.ts';
import { siteConfigSchema } from '../config/site-config.ts';
import { checkDeclarationText, type DeclarationResult, type JsonPath } from './declaration-text.ts';
import { fileProblem } from './file-problem.ts';
import { messages, type MessageCode } from './messages.ts';
import { siteTables } from './site-tables.ts';
import { checkMetricOperands } from './validate-metrics.ts';
import { checkRuleReferences } from './validate-consistency.ts';
import { validateTable, type Table } from './validate-table.ts';
import { checkRelations, unreleasedContext, type RelationContext } from './validate-relations.ts';
import { pointerOf } from './declaration-text.ts';

/** A file's bytes, or why it was not read (load/read-data-file.ts gives one from disk). */
export type FileRead = { ok: true; bytes: Uint8Array } | ({ ok: false } & ReadRefusal);
/** Reads a file of the folder by name, within the limit of its kind. */
export type ReadFile = (name: string, kind: keyof typeof fileLimits) => FileRead;

export interface TablesResult {
  tables: Map<string, Table>;
  schemas: Map<string, TableSchema>;
  /** Where each schema's values are, for the later checks' problems. */
  schemaAt: Map<string, { file: string; at: (path: JsonPath) => { line: number; column: number } }>;
  rowCounts: Map<string, number>;
  /** Tables present in the folder whose schema or CSV could not be used (already reported). */
  broken: Set<string>;
  problems: Problem[];
  /** The folder has neither a CSV nor a schema. */
  empty: boolean;
}

const problemAt = <C extends MessageCode>(file: string, line: number, column: number, code: C, args: Parameters<(typeof messages)[C]>[0]): Problem => ({
  file, line, column, severity: 'error', code, ...(messages[code] as (a: typeof args) => { ja: string; en: string })(args),
});

/** The tables of a folder whose files are `names` (sorted): pairing, each table, and the references between them. */
export function validateTables(names: readonly string[], read: ReadFile, shown: (name: string) => string, relations: RelationContext = unreleasedContext()): TablesResult {
  const result: TablesResult = { tables: new Map(), schemas: new Map(), schemaAt: new Map(), rowCounts: new Map(), broken: new Set(), problems: [], empty: false };
  const { problems } = result;
  problems.push(...nameCaseProblems(names, shown));
  const csvs = new Set(names.filter((n) => n.endsWith('.csv')).map((n) => n.slice(0, -4)));
  const schemaNames = new Set(names.filter((n) => n.endsWith('.schema.json')).map((n) => n.slice(0, -12)));
  if (csvs.size === 0 && schemaNames.size === 0) {
    problems.push(problemAt(shown(''), 1, 0, 'dir-empty', {}));
    return { ...result, empty: true };
  }
  for (const name of csvs) if (!schemaNames.has(name)) problems.push(problemAt(shown(`${name}.csv`), 1, 0, 'schema-missing', {}));
  for (const name of schemaNames) if (!csvs.has(name)) problems.push(problemAt(shown(`${name}.schema.json`), 1, 0, 'csv-missing', {}));

  // Each table: its schema through the declaration gate, then its rows.
  for (const name of [...csvs].filter((n) => schemaNames.has(n))) {
    const schemaFile = shown(`${name}.schema.json`);
    const declared = readDeclaration(read, `${name}.schema.json`, tableSchema, schemaFile);
    problems.push(...declared.problems);
    if (!declared.value) continue;
    if (declared.value.name !== name) {
      problems.push(problemAt(schemaFile, declared.at(['name']).line, declared.at(['name']).column, 'schema-name-mismatch', { name: declared.value.name, file: name }));
      continue;
    }
    result.schemas.set(name, declared.value);
    result.schemaAt.set(name, { file: schemaFile, at: declared.at });
    const csvFile = shown(`${name}.csv`);
    const csv = read(`${name}.csv`, 'csvBytes');
    if (!csv.ok) {
      problems.push(fileProblem(csvFile, csv));
      continue;
    }
    const table = validateTable(csvFile, csv.bytes, declared.value);
    problems.push(...table.problems);
    result.rowCounts.set(name, table.rowCount);
    if (table.table) result.tables.set(name, table.table);
  }
  for (const n of [...csvs, ...schemaNames]) if (!result.schemas.has(n)) result.broken.add(n);
  problems.push(...checkForeignKeys(result.tables, shown));
  // The relations each schema declares, once every table is read: a part's whole may be in another.
  problems.push(...relationReferenceProblems(result.schemas, result.schemaAt, new Set([...csvs, ...schemaNames])), ...checkRelations(result.tables, relations));
  return result;
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
function relationReferenceProblems(schemas: ReadonlyMap<string, TableSchema>, places: TablesResult['schemaAt'], present: ReadonlySet<string>): Problem[] {
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


/** A JSON declaration of the folder read with `read` and checked against `schema`. */
export function readDeclaration<S extends z.ZodType>(read: ReadFile, name: string, schema: S, shownAs: string): DeclarationResult<z.output<S>> {
  const file = read(name, 'jsonBytes');
  if (!file.ok) return { value: null, problems: [fileProblem(shownAs, file)], at: () => ({ line: 1, column: 0 }) };
  return checkDeclarationText(shownAs, file.bytes, schema);
}

export function checkForeignKeys(tables: Map<string, Table>, shown: (name: string) => string): Problem[] {
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

/** A file a maintainer hands the check page: its name in the data folder and its bytes. */
export interface DataFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * What `npm run validate` checks of a data folder, on files already read: the tables (their
 * schemas, rows and references), the tables every site needs, metrics.json against the tables,
 * site.json against its declaration, and consistency.json against the tables. `folder` is the
 * folder as the command would show it (`data`). Not checked here, because they are read from
 * sub-folders and the project's own files: the glossary, the catalogues of interface text, the
 * labels in every configured language, the boundary file, and the derived figures.
 */
export function validateFiles(files: readonly DataFile[], folder = 'data'): { problems: Problem[]; tables: Map<string, Table>; rowCounts: Map<string, number> } {
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  const read: ReadFile = (name, kind) => {
    const bytes = byName.get(name);
    if (!bytes) return { ok: false, reason: 'missing' };
    if (bytes.length > fileLimits[kind]) return { ok: false, reason: 'too-large', size: bytes.length, limit: fileLimits[kind] };
    return { ok: true, bytes };
  };
  const shown = (name: string) => (name ? `${folder}/${name}` : folder);
  const names = [...byName.keys()].sort();
  const result = validateTables(names, read, shown);
  const problems = [...result.problems];
  if (result.empty) return { problems, tables: result.tables, rowCounts: result.rowCounts };
  for (const name of siteTables) {
    const [csv, schema] = [shown(`${name}.csv`), shown(`${name}.schema.json`)];
    if ((result.tables.get(name)?.rows.length ?? 0) === 0 && !problems.some((p) => p.severity === 'error' && (p.file === csv || p.file === schema)))
      problems.push(problemAt(csv, 1, 0, 'table-required', { table: name }));
  }
  const metrics = readDeclaration(read, 'metrics.json', metricSpecList, shown('metrics.json'));
  problems.push(...metrics.problems);
  if (metrics.value) problems.push(...checkMetricOperands(shown('metrics.json'), metrics.value, result.schemas, metrics.at, result.broken));
  if (byName.has(CONSISTENCY_FILE)) {
    const rules = readDeclaration(read, CONSISTENCY_FILE, consistencySpec, shown(CONSISTENCY_FILE));
    problems.push(...rules.problems);
    if (rules.value) problems.push(...checkRuleReferences(shown(CONSISTENCY_FILE), rules.value, result.schemas, rules.at, result.broken));
  }
  if (byName.has('site.json')) problems.push(...readDeclaration(read, 'site.json', siteConfigSchema, shown('site.json')).problems);
  else problems.push(problemAt(shown('site.json'), 1, 0, 'site-config-missing', {}));
  return { problems, tables: result.tables, rowCounts: result.rowCounts };
}

/** A file as the browser hands it over: its path as chosen (`data/population.csv` inside a chosen folder) and its bytes. */
export interface DroppedFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * The folder to check from what a maintainer dropped. A folder is checked as it is, its own files
 * only (the files of its sub-folders are listed as not checked here). Files dropped on their own
 * take the place of the site's files of the same name among `reference` (the site's data folder),
 * as if copied into data/ before running `npm run validate`.
 */
export function folderToCheck(dropped: readonly DroppedFile[], reference: readonly DataFile[]): { folder: string; files: DataFile[]; notChecked: string[] } {
  const inFolder = dropped.filter((f) => f.path.includes('/'));
  if (inFolder.length > 0) {
    const folder = inFolder[0]!.path.split('/')[0]!;
    const own = dropped.filter((f) => f.path.split('/').length === 2 && f.path.startsWith(`${folder}/`));
    return {
      folder,
      files: own.map((f) => ({ name: f.path.slice(folder.length + 1), bytes: f.bytes })),
      notChecked: dropped.filter((f) => !own.includes(f)).map((f) => f.path).sort(),
    };
  }
  const replaced = new Map(reference.map((f) => [f.name, f]));
  for (const f of dropped) replaced.set(f.path, { name: f.path, bytes: f.bytes });
  return { folder: 'data', files: [...replaced.values()], notChecked: [] };
}
