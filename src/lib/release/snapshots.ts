/**
 * Release snapshots kept in the repository: `releases/<version>/data/` holds the data files as
 * they were released, and `releases/<version>/changes.json` what changed since the previous
 * snapshot. The build publishes each release's downloads from its snapshot, so a citation's URL
 * keeps its data without any git history (CI clones are shallow).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { readDataText } from '../load/read-data-file.ts';
import { join, resolve } from 'node:path';
import type { Tables } from '../dataset.ts';
import type { MetricSpec } from '../schema/metric-spec.ts';
import { diffRanks, diffTables, type DataDiff, type MetricRankDiff } from './diff-data.ts';
import { compareVersions } from './releases.ts';
import { buildContext } from '../build-context.ts';

/** The change report of one release, as stored in `releases/<version>/changes.json`. */
export type ReleaseChanges =
  | {
      version: string;
      /** The first snapshot has nothing to compare with: it lists what it published. */
      previous: null;
      tables: { table: string; rows: number }[];
    }
  | {
      version: string;
      /** The release this one is compared with (the newest earlier one with a snapshot). */
      previous: string;
      data: DataDiff;
      ranks: MetricRankDiff[];
    };

/** Where the snapshots live: the build's (RELEASES_DIR of `npm run build`), else `releases` under the working directory. */
export const releasesDir = (dir = buildContext().releasesDir) => resolve(dir);

/** The data folder of a release's snapshot. */
export const snapshotDataDir = (root: string, version: string) => join(root, version, 'data');

/** Whether a release has a snapshot to publish from. */
export const hasSnapshot = (root: string, version: string) => existsSync(join(snapshotDataDir(root, version), 'releases.csv'));

/** Versions with a snapshot under `root`, oldest first. */
export function snapshotVersions(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => /^\d+\.\d+\.\d+$/.test(v) && hasSnapshot(root, v))
    .sort(compareVersions);
}

/** The data files a snapshot keeps: every table, its schema, and the metric declarations. */
export const isSnapshotFile = (name: string) => name.endsWith('.csv') || name.endsWith('.schema.json') || name === 'metrics.json';

/** Copies the top-level data files of `dataDir` into the snapshot of `version`; returns the files copied. */
export function writeSnapshotData(dataDir: string, root: string, version: string): string[] {
  const target = snapshotDataDir(root, version);
  mkdirSync(target, { recursive: true });
  const files = readdirSync(dataDir, { withFileTypes: true })
    .filter((e) => e.isFile() && isSnapshotFile(e.name))
    .map((e) => e.name)
    .sort();
  for (const f of files) copyFileSync(join(dataDir, f), join(target, f));
  return files;
}

export interface SnapshotSide {
  version: string;
  tables: Tables;
  specs: readonly MetricSpec[];
}

/**
 * The change report of a release against the previous one, or, for the first, its tables and
 * row counts. The release history itself is left out of the comparison: every release adds its
 * own row to releases.csv, and the history page shows that already.
 */
export function releaseChanges(previous: SnapshotSide | null, current: SnapshotSide): ReleaseChanges {
  if (!previous)
    return {
      version: current.version,
      previous: null,
      tables: [...current.tables.values()].map((t) => ({ table: t.name, rows: t.rows.length })).sort((a, b) => a.table.localeCompare(b.table)),
    };
  const before = withoutHistory(previous.tables);
  const after = withoutHistory(current.tables);
  return {
    version: current.version,
    previous: previous.version,
    data: diffTables(before, after),
    ranks: diffRanks(before, after, { before: previous.specs, after: current.specs }),
  };
}

function withoutHistory(tables: Tables): Tables {
  const copy = new Map(tables);
  copy.delete('releases');
  return copy;
}

/** Writes `changes.json` beside the snapshot's data. */
export function writeReleaseChanges(root: string, changes: ReleaseChanges): void {
  writeFileSync(join(root, changes.version, 'changes.json'), JSON.stringify(changes, null, 2) + '\n');
}

/**
 * A release's stored change report, or null when it has none. Read through the data folder's
 * guards (no pipe or link out of the release's folder; a byte-order mark dropped): the gate
 * checked its form (check-snapshots.ts) before any page asks for it.
 */
export function readReleaseChanges(root: string, version: string): ReleaseChanges | null {
  const read = readDataText(join(root, version), 'changes.json');
  if (!read.ok && read.reason === 'missing') return null;
  if (!read.ok) throw new Error(`${join(root, version, 'changes.json')}: not read (${read.reason})`);
  return JSON.parse(read.text) as ReleaseChanges;
}
