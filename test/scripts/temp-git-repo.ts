/**
 * A throwaway git repository holding a copy of data/, for the commands that read revisions
 * (diff, release). Commits are made with a fixed author, so the tests need no git configuration.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

/** A new repository whose first commit is a copy of this project's data/. */
export function tempRepoWithData(): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'repo-'));
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...identity, ...args], { encoding: 'utf8' }).trim();
  git('init', '-q', '--initial-branch=main');
  cpSync('data', join(dir, 'data'), { recursive: true });
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
