/**
 * The data folder as it was at a git revision, or as it is in the working tree, read and
 * validated, for the diff and release commands. Anything that stops a comparison is a
 * `DataSideError` with a bilingual message; the command prints it and exits 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Tables } from '../../src/lib/dataset.ts';
import type { MetricSpec } from '../../src/lib/schema/metric-spec.ts';
import { fileLimits, readDataFile } from '../../src/lib/load/read-data-file.ts';
import { fileProblem } from '../../src/lib/validate/file-problem.ts';
import { validateDeclaration } from '../../src/lib/validate/validate-declaration.ts';
import { countErrors, formatProblem, sortProblems } from '../../src/lib/problems.ts';
import { releasesFromRows, type Release } from '../../src/lib/release/releases.ts';
import { tableSchema } from '../../src/lib/schema/table-schema.ts';
import { runGate } from '../../src/lib/pipeline.ts';
import { validateTable } from '../../src/lib/validate/validate-table.ts';

export class DataSideError extends Error {
  readonly ja: string;
  readonly en: string;
  /** Located problems behind the error, already formatted, when validation failed. */
  readonly details: string[];
  constructor(ja: string, en: string, details: string[] = []) {
    super(`${ja} / ${en}`);
    this.ja = ja;
    this.en = en;
    this.details = details;
  }
}

function git(repo: string, args: string[]) {
  return spawnSync('git', ['-C', repo, ...args], { encoding: 'buffer', maxBuffer: 1 << 30 });
}
const text = (b: Buffer | null) => (b ? b.toString('utf8').trim() : '');

/** The top folder of the git work tree containing `dir`. */
export function repoRoot(dir: string): string {
  const r = git(resolve(dir), ['rev-parse', '--show-toplevel']);
  if (r.status !== 0)
    throw new DataSideError(`「${dir}」はgitリポジトリではありません`, `"${dir}" is not a git repository`, [text(r.stderr)].filter(Boolean));
  return text(r.stdout);
}

/** The full commit hash a revision names, or null when the repository has no such commit. */
export function resolveRevision(repo: string, rev: string): string | null {
  // `--end-of-options` keeps a revision that starts with "-" from being read as an option.
  const r = git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return r.status === 0 ? text(r.stdout) : null;
}

/** Paths under `dataPath` that differ from HEAD (modified, added, deleted or untracked). */
export function uncommittedChanges(repo: string, dataPath: string): string[] {
  const r = git(repo, ['status', '--porcelain', '--untracked-files=all', '--', dataPath]);
  // Not trimmed: the leading space of " M data/x.csv" is part of git's status code.
  return (r.stdout?.toString('utf8') ?? '').split('\n').filter(Boolean);
}

export interface DataSide {
  /** How the side is named in messages: `作業ツリー / working tree`, `v1 (0123abc)`. */
  label: string;
  /** The commit, or null for the working tree. */
  revision: string | null;
  dir: string;
  tables: Tables;
  specs: MetricSpec[];
  /**
   * Why metrics.json could not be read, if so. Not an error by itself: an old revision's file may
   * predate today's declaration format, and its ranks can still be computed with today's.
   */
  specsError: string | null;
  /** Warnings only: a side with an error is never returned. */
  warnings: string[];
  /** Removes the extracted copy, if any. */
  dispose(): void;
}

/**
 * The data folder at a revision (extracted into a temporary folder with `git archive | tar`), or
 * the working tree's when `rev` is null, validated, with its metric declarations.
 */
export function loadDataSide(repo: string, dataPath: string, rev: string | null, label?: string): DataSide {
  if (rev === null) {
    const dir = join(repo, dataPath);
    if (!existsSync(dir)) throw new DataSideError(`データフォルダ「${dir}」がありません`, `there is no data folder "${dir}"`);
    return read(dir, repo, null, label ?? '作業ツリー / working tree', () => {});
  }
  const sha = resolveRevision(repo, rev);
  if (!sha) throw new DataSideError(`リビジョン「${rev}」がこのリポジトリにありません`, `revision "${rev}" does not exist in this repository`);
  const tmp = mkdtempSync(join(tmpdir(), 'data-at-'));
  const dispose = () => rmSync(tmp, { recursive: true, force: true });
  try {
    const archive = git(repo, ['archive', '--format=tar', sha, '--', dataPath]);
    if (archive.status !== 0)
      throw new DataSideError(
        `リビジョン「${rev}」に「${dataPath}」がありません`,
        `revision "${rev}" has no "${dataPath}"`,
        [text(archive.stderr)].filter(Boolean),
      );
    const tar = spawnSync('tar', ['-x', '-C', tmp], { input: archive.stdout, encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`tar: ${tar.stderr}`);
    return read(join(tmp, dataPath), tmp, sha, label ?? `${rev} (${sha.slice(0, 7)})`, dispose);
  } catch (err) {
    dispose();
    throw err;
  }
}

function read(dir: string, displayRoot: string, revision: string | null, label: string, dispose: () => void): DataSide {
  try {
    // Problems are shown relative to the repository, as `data/population.csv:5:3`, whichever
    // copy they were found in.
    const result = runGate(dir, displayRoot);
    const problems = sortProblems(result.problems).map(formatProblem);
    const errors = countErrors(result.problems);
    if (errors > 0)
      throw new DataSideError(
        `${label} のデータにエラーが${errors}件あります`,
        `the data at ${label} has ${errors} errors`,
        sortProblems(result.problems).filter((p) => p.severity === 'error').map(formatProblem),
      );
    // The declarations as the gate read them (a byte-order mark and all): a side with an error in
    // metrics.json was refused above.
    const specs: MetricSpec[] = result.specs ?? [];
    const specsError = result.specs ? null : 'metrics.json is missing or invalid';
    return { label, revision, dir, tables: result.tables, specs, specsError, warnings: problems.filter((p) => / warning: /.test(p)), dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/**
 * The release history of a data folder, read from its releases.csv alone (the rest of the data
 * may be mid-edit). An empty list when the folder has no release history yet.
 */
export function readReleases(dataDir: string): Release[] {
  const csv = join(dataDir, 'releases.csv');
  const schemaFile = join(dataDir, 'releases.schema.json');
  if (!existsSync(csv) || !existsSync(schemaFile)) return [];
  // Through the data folder's guards, as validate reads them: a byte-order mark is accepted.
  const schema = validateDeclaration(dataDir, 'releases.schema.json', tableSchema, schemaFile);
  if (!schema.value) throw new DataSideError('releases.schema.json に誤りがあります', 'releases.schema.json is invalid', schema.problems.map(formatProblem));
  const bytes = readDataFile(dataDir, 'releases.csv', fileLimits.csvBytes);
  if (!bytes.ok) throw new DataSideError('releases.csv を読めません', 'releases.csv cannot be read', [formatProblem(fileProblem(csv, bytes))]);
  const result = validateTable(csv, bytes.bytes, schema.value);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !result.table)
    throw new DataSideError('releases.csv にエラーがあります', 'releases.csv has errors', errors.map(formatProblem));
  return releasesFromRows(result.table.rows);
}
