/**
 * Which release the data belongs to and the download folders a build publishes: `latest` from
 * the current data, `v<version>` from each release's snapshot. Pages link to the stable folder
 * while the data is as released, and the downloads are written per folder.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { select } from '../dataset.ts';
import type { SiteData } from '../site-data.ts';
import { releasesFromRows, type Release } from './releases.ts';
import { hasSnapshot, isSnapshotFile, releasesDir, snapshotDataDir } from './snapshots.ts';

/** The release the current data belongs to: the newest version in releases.csv. */
export function currentRelease(site: SiteData): { version: string; released_on: string } {
  const latest = releasesOf(site).at(-1);
  return { version: latest?.version ?? '0.0.0', released_on: latest?.releasedOn ?? '' };
}

/** The release a download folder's data belongs to, and whether the data is still that release's. */
export function folderRelease(site: SiteData, snapshots = releasesDir()): { version: string; releasedOn: string; released: boolean } {
  const r = currentRelease(site);
  return { version: r.version, releasedOn: r.released_on, released: !unreleasedChanges(site, snapshots) };
}

/** Every release in the data's releases.csv, oldest version first. */
export const releasesOf = (site: SiteData): Release[] => releasesFromRows(select(site.tables, 'releases').map((r) => r.row));

/**
 * Whether the data the site is built from differs from the newest release's snapshot: then its
 * figures are not yet released, and the release folder does not hold what the pages show. Every
 * data file a snapshot keeps is compared byte for byte, except the release history itself (a
 * note corrected or a commit recorded in releases.csv changes no figure). A release without a
 * snapshot is published from the current data, so it cannot differ.
 */
export function unreleasedChanges(site: SiteData, snapshots = releasesDir()): boolean {
  // Asked once per page: the answer is kept with the site data, which a dev reload replaces.
  let answers = unreleased.get(site);
  if (!answers) unreleased.set(site, (answers = new Map()));
  let answer = answers.get(snapshots);
  if (answer === undefined) answers.set(snapshots, (answer = differsFromSnapshot(site, snapshots)));
  return answer;
}
const unreleased = new WeakMap<SiteData, Map<string, boolean>>();

function differsFromSnapshot(site: SiteData, snapshots: string): boolean {
  const newest = releasesOf(site).at(-1);
  if (!newest || !hasSnapshot(snapshots, newest.version)) return false;
  const released = snapshotDataDir(snapshots, newest.version);
  const files = (dir: string) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && isSnapshotFile(e.name) && e.name !== 'releases.csv')
      .map((e) => e.name)
      .sort();
  const now = files(site.dataDir);
  const then = files(released);
  if (now.join('\n') !== then.join('\n')) return true;
  return now.some((f) => !existsSync(join(released, f)) || !samePublished(f, readFileSync(join(site.dataDir, f)), readFileSync(join(released, f))));
}

/**
 * Whether two versions of a data file publish the same: the same bytes, or, for a schema, the same
 * declaration once its `relations` are set aside. Relations are checks the gate runs on the data
 * (src/lib/schema/relations.ts); no download or page carries them, so declaring one changes no
 * figure and leaves the release's folder as current as it was.
 */
function samePublished(file: string, now: Buffer, then: Buffer): boolean {
  if (now.equals(then)) return true;
  if (!file.endsWith('.schema.json')) return false;
  const published = (bytes: Buffer) => {
    try {
      const { relations: _checks, ...rest } = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
      return JSON.stringify(rest);
    } catch {
      return null;
    }
  };
  const a = published(now);
  return a !== null && a === published(then);
}

/**
 * The download folder pages link to: the newest release's stable folder (`v1.0.0`) while the
 * data is as released, else `latest`, so that a page never shows figures beside a file that
 * holds others. Pages label `latest` as not yet released.
 */
export const stableFolder = (site: SiteData, snapshots = releasesDir()) =>
  unreleasedChanges(site, snapshots) ? 'latest' : `v${currentRelease(site).version}`;

export interface DownloadFolder {
  /** `latest` or `v<version>`. */
  folder: string;
  /** The data folder its files are built from. */
  dataDir: string;
}

/**
 * Every folder the build publishes and the data behind it: `latest` from the current data, and
 * `v<version>` for each release from its snapshot, so a cited URL keeps the data it had. The
 * newest release without a snapshot (a row added by hand) is published from the current data.
 */
export function downloadFolders(site: SiteData, snapshots = releasesDir()): DownloadFolder[] {
  const folders: DownloadFolder[] = [{ folder: 'latest', dataDir: site.dataDir }];
  const newest = currentRelease(site).version;
  for (const r of releasesOf(site))
    if (hasSnapshot(snapshots, r.version)) folders.push({ folder: `v${r.version}`, dataDir: snapshotDataDir(snapshots, r.version) });
  // Pages link to the newest release's folder, so it is always there.
  if (!folders.some((f) => f.folder === `v${newest}`)) folders.push({ folder: `v${newest}`, dataDir: site.dataDir });
  return folders;
}
