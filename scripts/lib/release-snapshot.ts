/**
 * Writes a release's snapshot for `npm run release`: the data files copied into
 * `releases/<version>/data/`, read back and validated, and `changes.json` against the newest
 * earlier snapshot. Anything that stops it is a `DataSideError`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { countErrors, formatProblem, sortProblems } from '../../src/lib/problems.ts';
import { compareVersions } from '../../src/lib/release/releases.ts';
import {
  releaseChanges,
  snapshotDataDir,
  snapshotVersions,
  writeReleaseChanges,
  writeSnapshotData,
  type ReleaseChanges,
  type SnapshotSide,
} from '../../src/lib/release/snapshots.ts';
import { runGate } from '../../src/lib/pipeline.ts';
import { DataSideError } from './git-data.ts';

/** A snapshot's tables and metric declarations, validated. */
export function readSnapshot(root: string, version: string): SnapshotSide {
  const dir = snapshotDataDir(root, version);
  const result = runGate(dir);
  const errors = countErrors(result.problems);
  if (errors > 0)
    throw new DataSideError(
      `版 ${version} のスナップショットにエラーが${errors}件あります`,
      `the snapshot of release ${version} has ${errors} errors`,
      sortProblems(result.problems).filter((p) => p.severity === 'error').map(formatProblem),
    );
  // The declarations as the gate read them: a byte-order mark, which it accepts, is no crash here.
  return { version, tables: result.tables, specs: result.specs ?? [] };
}

/**
 * Snapshots `dataDir` as release `version` under `root` and records its changes. A snapshot that
 * cannot be read back is removed again, so a failed release leaves no half-written folder.
 */
export function recordSnapshot(dataDir: string, root: string, version: string): ReleaseChanges {
  const earlier = snapshotVersions(root).filter((v) => compareVersions(v, version) < 0).at(-1);
  writeSnapshotData(dataDir, root, version);
  try {
    const current = readSnapshot(root, version);
    const changes = releaseChanges(earlier ? readSnapshot(root, earlier) : null, current);
    writeReleaseChanges(root, changes);
    return changes;
  } catch (err) {
    rmSync(join(root, version), { recursive: true, force: true });
    throw err;
  }
}
