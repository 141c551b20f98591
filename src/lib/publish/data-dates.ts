/**
 * The two dates the data page states: when the data was last released, and when it last
 * changed. Data as released last changed in the newest release whose change report records a
 * change; data edited since is dated by the newest commit touching its folder (CI checks out the
 * full history), or by the build day while the edit is not yet committed.
 */
import { spawnSync } from 'node:child_process';
import { readReleaseChanges, releasesDir } from '../release/snapshots.ts';
import type { SiteData } from '../site-data.ts';
import { releasesOf, unreleasedChanges } from '../release/folders.ts';

export interface DataDates {
  /** The newest release and its date (YYYY-MM-DD), or null before the first. */
  lastRelease: { version: string; date: string } | null;
  /** YYYY-MM-DD, or null when it cannot be known (edited data outside a git work tree). */
  lastChanged: string | null;
  /** Whether the data differs from the newest release. */
  unreleased: boolean;
}

/** What git says about a folder: its newest commit's date and whether it has uncommitted edits; null without git. */
export type FolderHistory = (dir: string) => { lastCommit: string | null; dirty: boolean } | null;

const gitHistory: FolderHistory = (dir) => {
  const log = spawnSync('git', ['-C', dir, 'log', '-1', '--format=%cs', '--', '.'], { encoding: 'utf8' });
  if (log.status !== 0) return null;
  const status = spawnSync('git', ['-C', dir, 'status', '--porcelain', '--', '.'], { encoding: 'utf8' });
  return { lastCommit: log.stdout.trim() || null, dirty: status.status === 0 && status.stdout.trim() !== '' };
};

/** Today in Japan, where the data is published (YYYY-MM-DD). */
const todayInJapan = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

export function dataDates(site: SiteData, snapshots = releasesDir(), history: FolderHistory = gitHistory, today = todayInJapan): DataDates {
  const releases = releasesOf(site);
  const newest = releases.at(-1);
  const lastRelease = newest ? { version: newest.version, date: newest.releasedOn } : null;
  const unreleased = unreleasedChanges(site, snapshots);
  if (unreleased) {
    const h = history(site.dataDir);
    return { lastRelease, unreleased, lastChanged: h === null ? null : h.dirty || !h.lastCommit ? today() : h.lastCommit };
  }
  // As released: the newest release that changed any data (a release may only re-publish).
  for (const r of [...releases].reverse()) {
    const changes = readReleaseChanges(snapshots, r.version);
    if (!changes || changes.previous === null) return { lastRelease, unreleased, lastChanged: r.releasedOn };
    const d = changes.data;
    if (d.tablesAdded.length || d.tablesRemoved.length || d.tables.length) return { lastRelease, unreleased, lastChanged: r.releasedOn };
  }
  return { lastRelease, unreleased, lastChanged: null };
}
