/**
 * The release snapshots a build reads, through the gate like the data folder itself: the build
 * publishes each listed release's downloads from `releases/<version>/data/` and reads its
 * `changes.json` for the release history, the feed and the data page. A snapshot edited by hand
 * (a bad cell, a truncated report, a folder swapped for a link) is refused by validate with its
 * place, instead of failing the build or publishing a file from elsewhere.
 */
import { join, relative } from 'node:path';
import type { Problem } from '../problems.ts';
import { fileLimits, readDataFile, subfolderKind } from '../load/read-data-file.ts';
import { fileProblem } from '../validate/file-problem.ts';
import { messages } from '../validate/messages.ts';
import { releaseContext, type RelationContext } from '../validate/validate-relations.ts';
import { checkReleaseChanges } from './changes-schema.ts';
import type { Release } from './releases.ts';
import { hasSnapshot, snapshotDataDir } from './snapshots.ts';

/** Runs the gate on a snapshot's data folder (with the site's configuration) and returns its errors. */
export type SnapshotGate = (dataDir: string, relations: RelationContext) => Problem[];

/**
 * Problems of the snapshots of `releases` under `root`. A release without a snapshot folder is
 * published from the current data and has nothing to check.
 */
export function checkSnapshots(root: string, releases: readonly Release[], gate: SnapshotGate, displayRoot = process.cwd()): Problem[] {
  const shown = (path: string) => {
    const rel = relative(displayRoot, path);
    return rel.startsWith('..') || rel === '' ? path : rel;
  };
  const notAFolder = (parent: string, name: string, kind: 'link' | 'not-a-folder'): Problem => ({
    file: shown(join(parent, name)), line: 1, column: 0, severity: 'error', code: 'subfolder-not-folder', ...messages['subfolder-not-folder']({ name, kind }),
  });
  const problems: Problem[] = [];
  for (const release of releases) {
    const { version } = release;
    const folder = subfolderKind(root, version);
    if (folder === 'absent') continue;
    if (folder !== 'folder') {
      problems.push(notAFolder(root, version, folder));
      continue;
    }
    const versionDir = join(root, version);
    const data = subfolderKind(versionDir, 'data');
    if (data === 'link' || data === 'not-a-folder') {
      problems.push(notAFolder(versionDir, 'data', data));
      continue;
    }
    if (!hasSnapshot(root, version)) continue;
    problems.push(...gate(snapshotDataDir(root, version), releaseContext(version, release.releasedOn)));
    const changes = readDataFile(versionDir, 'changes.json', fileLimits.jsonBytes);
    const file = shown(join(versionDir, 'changes.json'));
    if (changes.ok) problems.push(...checkReleaseChanges(file, changes.bytes, version));
    else if (changes.reason !== 'missing') problems.push(fileProblem(file, changes));
  }
  return problems;
}
