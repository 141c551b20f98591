/**
 * `npm run release -- <version> --note-ja … --note-en … [--date YYYY-MM-DD] [--repo DIR] [--data PATH] [--releases DIR]`:
 * cuts a data release. Checks that the data is committed and valid, appends a row to
 * releases.csv with the date (today in Japan unless --date) and the HEAD commit, which holds the
 * released data, writes the release's snapshot (`releases/<version>/data/` and `changes.json`,
 * beside the data folder unless --releases), and prints what changed since the previous release.
 * The maintainer then commits releases.csv and the snapshot. Exits 0 on success, 1 when the data
 * has errors, 2 when the release is refused for any other reason (arguments, version order,
 * uncommitted data, an existing snapshot).
 *
 * `npm run release -- <version> --snapshot-only` writes the snapshot of a release already in
 * releases.csv from the data as it is now (for a release cut before snapshots existed).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { countErrors, formatProblem, sortProblems } from '../src/lib/problems.ts';
import { diffRanks, diffTables } from '../src/lib/release/diff-data.ts';
import { formatDiffReport } from '../src/lib/release/format-diff.ts';
import { compareVersions, isVersion, latestWithRevision, releaseCsvLine, type Release } from '../src/lib/release/releases.ts';
import { tableSchema } from '../src/lib/schema/table-schema.ts';
import { decodeCsvBytes } from '../src/lib/load/decode.ts';
import { validateDeclaration } from '../src/lib/validate/validate-declaration.ts';
import { runGate } from '../src/lib/pipeline.ts';
import { validateTable } from '../src/lib/validate/validate-table.ts';
import type { ReleaseChanges } from '../src/lib/release/snapshots.ts';
import { recordSnapshot } from './lib/release-snapshot.ts';
import { DataSideError, loadDataSide, readReleases, repoRoot, resolveRevision, uncommittedChanges, type DataSide } from './lib/git-data.ts';

const usage =
  'npm run release -- <version> --note-ja "…" --note-en "…" [--date YYYY-MM-DD] [--repo DIR] [--data PATH] [--releases DIR]\n' +
  'npm run release -- <version> --snapshot-only [--repo DIR] [--data PATH] [--releases DIR]';
function refuse(ja: string, en: string, details: string[] = []): never {
  throw new DataSideError(ja, en, details);
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'note-ja': { type: 'string' },
        'note-en': { type: 'string' },
        date: { type: 'string' },
        repo: { type: 'string' },
        data: { type: 'string' },
        releases: { type: 'string' },
        'snapshot-only': { type: 'boolean' },
      },
    });
  } catch (err) {
    return refuse('引数に誤りがあります', `invalid arguments: ${(err as Error).message}`, [usage]);
  }
}

const sides: DataSide[] = [];
try {
  const args = parse();
  const [version, ...extra] = args.positionals;
  const noteJa = args.values['note-ja']?.trim();
  const noteEn = args.values['note-en']?.trim();
  if (args.values['snapshot-only']) {
    if (!version || extra.length > 0) refuse('版の番号を1つ指定してください', 'give one version', [usage]);
    snapshotOnly(version, args.values);
    process.exit();
  }
  if (!version || extra.length > 0 || !noteJa || !noteEn)
    refuse('版の番号と、日本語・英語の説明（--note-ja、--note-en）を指定してください', 'give a version and a note in Japanese and in English (--note-ja, --note-en)', [usage]);
  if (!isVersion(version)) refuse(`版の番号「${version}」は 1.2.0 の形ではありません`, `version "${version}" is not of the form 1.2.0`);
  // Releases are dated in Japan, where the data is published, whatever the machine's time zone.
  const date = args.values.date ?? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) refuse(`日付「${date}」は YYYY-MM-DD の形ではありません`, `date "${date}" is not YYYY-MM-DD`);

  const root = repoRoot(args.values.repo ?? process.cwd());
  const dataPath = args.values.data ? relative(root, resolve(args.values.data)) : 'data';
  const dataDir = join(root, dataPath);
  const snapshots = snapshotRoot(dataDir, args.values.releases);

  // The release records HEAD as the commit holding its data, so the data must be HEAD's exactly.
  const dirty = uncommittedChanges(root, dataPath);
  if (dirty.length > 0)
    refuse(
      `${dataPath}/ にコミットされていない変更があります。先にデータをコミットしてください`,
      `${dataPath}/ has uncommitted changes: commit the data first, so the release records the commit that holds it`,
      dirty,
    );
  const head = resolveRevision(root, 'HEAD') ?? refuse('まだコミットがありません', 'the repository has no commit yet');

  const csvFile = join(dataDir, 'releases.csv');
  if (!existsSync(csvFile) || !existsSync(join(dataDir, 'releases.schema.json')))
    refuse(`${dataPath}/releases.csv とそのスキーマがありません`, `${dataPath}/releases.csv or its schema is missing`);
  const releases = readReleases(dataDir);
  const newest = releases.at(-1);
  if (newest && compareVersions(version, newest.version) <= 0)
    refuse(`版 ${version} は最新の版 ${newest.version} より新しくありません`, `version ${version} is not newer than the latest release ${newest.version}`);
  if (newest && date < newest.releasedOn)
    refuse(`公開日 ${date} が最新の版の公開日 ${newest.releasedOn} より前です`, `release date ${date} is before the latest release's (${newest.releasedOn})`);
  const same = releases.find((r) => r.gitRevision === head);
  if (same) refuse(`このコミット（${head.slice(0, 7)}）は版 ${same.version} として公開済みです`, `this commit (${head.slice(0, 7)}) is already release ${same.version}`);
  if (existsSync(join(snapshots, version)))
    refuse(`${join(snapshots, version)} がすでにあります`, `${join(snapshots, version)} already exists: a release's snapshot is never overwritten`);

  // The cheap refusals come first; validating every table takes a moment.
  validateOrExit(dataDir, 'リリース', 'release', snapshots);

  // The new row is checked against the schema before the file is touched. Both files are read as
  // validate reads them: a byte-order mark (kept) or Shift_JIS (rewritten as UTF-8) is no crash.
  const release: Release = { version, releasedOn: date, gitRevision: head, noteJa, noteEn };
  const schema = validateDeclaration(dataDir, 'releases.schema.json', tableSchema, relative(process.cwd(), join(dataDir, 'releases.schema.json')));
  if (!schema.value) refuse('releases.schema.json に誤りがあります', 'releases.schema.json is invalid', schema.problems.map(formatProblem));
  const oldBytes = readFileSync(csvFile);
  const decoded = decodeCsvBytes(oldBytes);
  if (!decoded.ok) refuse('releases.csv の文字コードを読み取れません', 'releases.csv cannot be decoded');
  const old = decoded.text;
  const header = old.split(/\r?\n/, 1)[0]!.split(',').map((h) => h.trim());
  const text = (decoded.encoding === 'utf-8-bom' ? '\uFEFF' : '') + (old.endsWith('\n') || old === '' ? old : `${old}\n`) + releaseCsvLine(header, release) + '\n';
  const check = validateTable(relative(process.cwd(), csvFile), new TextEncoder().encode(text), schema.value);
  const bad = check.problems.filter((p) => p.severity === 'error');
  if (bad.length > 0) refuse('新しい行がスキーマに合いません', 'the new row does not match the schema', bad.map(formatProblem));
  writeFileSync(csvFile, text);
  if (decoded.encoding === 'shift_jis')
    console.log(`${dataPath}/releases.csv は Shift_JIS だったため、UTF-8 で保存し直しました / ${dataPath}/releases.csv was Shift_JIS and is now saved as UTF-8`);
  // The snapshot copies releases.csv with the new row, so its datapackage.json names this version.
  let changes: ReleaseChanges;
  try {
    changes = recordSnapshot(dataDir, snapshots, version);
  } catch (err) {
    writeFileSync(csvFile, oldBytes);
    throw err;
  }
  const snapshotPath = relative(root, join(snapshots, version)) || join(snapshots, version);

  console.log(`版 ${version} を ${dataPath}/releases.csv に追加しました（${date}、コミット ${head.slice(0, 7)}） / added release ${version} to ${dataPath}/releases.csv (${date}, commit ${head.slice(0, 7)})`);
  console.log(`スナップショットを ${snapshotPath}/ に書きました / wrote the snapshot to ${snapshotPath}/`);
  console.log(`次に ${dataPath}/releases.csv と ${snapshotPath}/ をコミットしてください / now commit ${dataPath}/releases.csv and ${snapshotPath}/`);
  console.log('');

  // What this release changes, from the previous release that records its commit.
  const previous = latestWithRevision(releases);
  // Without a recorded commit, the previous snapshot still tells what changed.
  if (!previous && changes.previous !== null)
    process.stdout.write(formatDiffReport(changes.data, changes.ranks, { before: changes.previous, after: version }));
  else if (!previous)
    console.log('前の版にコミットが記録されていないため、差分は表示しません / no earlier release records its commit: no diff to show');
  else if (!resolveRevision(root, previous.gitRevision!))
    console.log(
      `前の版 ${previous.version} のコミット ${previous.gitRevision} がこのリポジトリにないため、差分は表示しません / ` +
        `the previous release ${previous.version} records commit ${previous.gitRevision}, which this repository does not have: no diff to show`,
    );
  else {
    const before = loadDataSide(root, dataPath, previous.gitRevision!, `${previous.version} (${previous.gitRevision!.slice(0, 7)})`);
    sides.push(before);
    const after = loadDataSide(root, dataPath, head, `${version} (${head.slice(0, 7)})`);
    sides.push(after);
    const specsBefore = before.specsError ? after.specs : before.specs;
    const report = formatDiffReport(diffTables(before.tables, after.tables), diffRanks(before.tables, after.tables, { before: specsBefore, after: after.specs }), {
      before: before.label,
      after: after.label,
    });
    process.stdout.write(report);
  }
} catch (err) {
  if (!(err instanceof DataSideError)) throw err;
  console.error(`リリースできません: ${err.ja} / cannot release: ${err.en}`);
  for (const d of err.details) console.error(d);
  process.exitCode = 2;
} finally {
  for (const s of sides) s.dispose();
}

/** The snapshot folder: --releases, else `releases/` beside the data folder (the repository root for data/). */
function snapshotRoot(dataDir: string, option: string | undefined): string {
  return option ? resolve(option) : join(dirname(dataDir), 'releases');
}

/** `--snapshot-only`: the snapshot of a release already in releases.csv, from the data as it is now. */
function snapshotOnly(version: string, values: { repo?: string; data?: string; releases?: string }): void {
  const root = repoRoot(values.repo ?? process.cwd());
  const dataPath = values.data ? relative(root, resolve(values.data)) : 'data';
  const dataDir = join(root, dataPath);
  const snapshots = snapshotRoot(dataDir, values.releases);
  if (!readReleases(dataDir).some((r) => r.version === version))
    refuse(`版 ${version} は ${dataPath}/releases.csv にありません`, `release ${version} is not in ${dataPath}/releases.csv`);
  if (existsSync(join(snapshots, version)))
    refuse(`${join(snapshots, version)} がすでにあります`, `${join(snapshots, version)} already exists: a release's snapshot is never overwritten`);
  validateOrExit(dataDir, 'スナップショット', 'snapshot', snapshots);
  const changes = recordSnapshot(dataDir, snapshots, version);
  const shown = relative(root, join(snapshots, version)) || join(snapshots, version);
  console.log(`版 ${version} のスナップショットを ${shown}/ に書きました / wrote the snapshot of release ${version} to ${shown}/`);
  if (changes.previous) console.log(`比較の基準: 版 ${changes.previous} / compared with release ${changes.previous}`);
}

/** Validates the data folder, or prints every problem and exits 1: nothing is recorded from bad data. */
function validateOrExit(dataDir: string, whatJa: string, whatEn: string, snapshots: string) {
  // The earlier snapshots too, as validate and the build read them.
  const result = runGate(dataDir, process.cwd(), { releasesDir: snapshots });
  const errors = countErrors(result.problems);
  if (errors > 0) {
    for (const p of sortProblems(result.problems)) console.error(formatProblem(p));
    console.error(`${whatJa}を中止しました: データにエラーが${errors}件あります / ${whatEn} refused: the data has ${errors} errors`);
    process.exit(1);
  }
  return result;
}
