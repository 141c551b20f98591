/**
 * `npm run diff -- [<rev-a>] [<rev-b>] [--json] [--repo DIR] [--data PATH]`: what changed in the
 * data between two git revisions. rev-b defaults to the working tree; rev-a to the latest release
 * in releases.csv whose commit is recorded. Prints the report (or, with --json, its structure) and
 * exits 0 whatever the difference; exits 2 when a side cannot be read (no such revision, no base
 * release, data with errors).
 */
import { parseArgs } from 'node:util';
import { join, relative, resolve } from 'node:path';
import { diffRanks, diffTables } from '../src/lib/release/diff-data.ts';
import { formatDiffReport } from '../src/lib/release/format-diff.ts';
import { latestWithRevision } from '../src/lib/release/releases.ts';
import { DataSideError, loadDataSide, readReleases, repoRoot, resolveRevision, type DataSide } from './lib/git-data.ts';

const usage = 'npm run diff -- [<rev-a>] [<rev-b>] [--json] [--repo DIR] [--data PATH]';

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' }, repo: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean' } },
  });
} catch (err) {
  console.error(`引数に誤りがあります / invalid arguments: ${(err as Error).message}\n${usage}`);
  process.exit(2);
}
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
if (args.positionals.length > 2) {
  console.error(`比較するリビジョンは2つまでです / at most two revisions\n${usage}`);
  process.exit(2);
}

const sides: DataSide[] = [];
try {
  const root = repoRoot(args.values.repo ?? process.cwd());
  // --data is relative to where the command runs, like every other path the maintainer types.
  const dataPath = args.values.data ? relative(root, resolve(args.values.data)) : 'data';
  const [revA, revB] = args.positionals;

  const after = loadDataSide(root, dataPath, revB ?? null);
  sides.push(after);
  let before: DataSide;
  if (revA !== undefined) before = loadDataSide(root, dataPath, revA);
  else {
    const release = latestWithRevision(readReleases(join(root, dataPath)));
    if (!release)
      throw new DataSideError(
        `${dataPath}/releases.csv にコミットが記録された版がないため、比較の基準を決められません。基準を指定してください（例: npm run diff -- HEAD~1）`,
        `no release in ${dataPath}/releases.csv records a git revision, so there is no default base: name one (e.g. npm run diff -- HEAD~1)`,
      );
    if (!resolveRevision(root, release.gitRevision!))
      throw new DataSideError(
        `最新の版 ${release.version} のコミット ${release.gitRevision} がこのリポジトリにありません（浅いクローンなら git fetch --unshallow で履歴を取得してください）`,
        `the latest release ${release.version} records commit ${release.gitRevision}, which this repository does not have (in a shallow clone, fetch the history with git fetch --unshallow)`,
      );
    before = loadDataSide(root, dataPath, release.gitRevision!, `${release.version} (${release.gitRevision!.slice(0, 7)})`);
  }
  sides.push(before);

  // The later side's declarations must be right; an earlier revision's may predate today's
  // format, and then its ranks are computed with today's declarations.
  if (after.specsError)
    throw new DataSideError(`${after.label} の metrics.json に誤りがあります`, `metrics.json at ${after.label} is invalid`, [after.specsError]);
  const specsBefore = before.specsError ? after.specs : before.specs;
  if (before.specsError)
    console.error(
      `注: ${before.label} の metrics.json は読めないため、変更後の指標定義で順位を比べます / ` +
        `note: metrics.json at ${before.label} cannot be read, so ranks are compared with the later declarations (${before.specsError})`,
    );

  const data = diffTables(before.tables, after.tables);
  const ranks = diffRanks(before.tables, after.tables, { before: specsBefore, after: after.specs });
  if (args.values.json) {
    const side = (s: DataSide) => ({ label: s.label, revision: s.revision });
    console.log(JSON.stringify({ before: side(before), after: side(after), ...data, ranks }, null, 2));
  } else process.stdout.write(formatDiffReport(data, ranks, { before: before.label, after: after.label }));
  process.exitCode = 0;
} catch (err) {
  if (!(err instanceof DataSideError)) throw err;
  console.error(`差分を作れません: ${err.ja} / cannot compare: ${err.en}`);
  for (const d of err.details) console.error(d);
  process.exitCode = 2;
} finally {
  for (const s of sides) s.dispose();
}
