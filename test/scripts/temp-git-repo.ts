/**
 * A throwaway git repository holding a copy of data/ as the project's first release published it,
 * for the commands that read revisions (diff, release): the tests start from one release without
 * a recorded commit, whatever releases the project has cut since. Commits are made with a fixed
 * author, so the tests need no git configuration.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isSnapshotFile } from '../../src/lib/release/snapshots.ts';

const identity = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false'];

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  /** Commits everything and returns the new commit's full hash. */
  commit(message: string): string;
  /** Rewrites a file under the repository; the edit must change it. */
  edit(path: string, change: (text: string) => string): void;
  remove(): void;
}

/** The project's first release (data/releases.csv's first row) and its snapshot's data folder. */
export const firstRelease = readFileSync('data/releases.csv', 'utf8').split('\n')[1]!.split(',')[0]!;
export const firstReleaseData = join('releases', firstRelease, 'data');

/**
 * A new repository whose data/ is this project's data/ as its first release holds it: the
 * snapshot's tables, schemas and metrics (its releases.csv lists that release alone) with the
 * rest of data/ (site configuration, glossary, boundaries), and no table added since.
 */
export function tempRepoWithData(): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'repo-'));
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...identity, ...args], { encoding: 'utf8' }).trim();
  git('init', '-q', '--initial-branch=main');
  const data = join(dir, 'data');
  cpSync('data', data, { recursive: true });
  for (const f of readdirSync(data)) if (isSnapshotFile(f) && !existsSync(join(firstReleaseData, f))) rmSync(join(data, f));
  cpSync(firstReleaseData, data, { recursive: true });
  const repo: TempRepo = {
    dir,
    git,
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    edit(path, change) {
      const file = join(dir, path);
      const before = readFileSync(file, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`edit of ${path} changed nothing`);
      writeFileSync(file, after);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  return repo;
}

/** Runs a command-line script of this project with node, from `cwd`. */
export function runScript(script: string, args: string[], cwd = process.cwd()) {
  return spawnSync(process.execPath, [resolve(script), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}
