/**
 * What a fresh Node process holds after importing modules of the project, for the tests that keep
 * a library off a thread that does not need it.
 */
import { spawnSync } from 'node:child_process';

/**
 * Imports each group of `steps` in turn (paths from the project's root) in a new process, and gives
 * the files Node's CommonJS loader holds after each group.
 */
export function commonJsModulesAfter(steps: string[][]): string[][] {
  const code = `import { createRequire } from 'node:module';
    const held = [];
    for (const step of ${JSON.stringify(steps)}) {
      for (const path of step) await import(path);
      held.push(Object.keys(createRequire(import.meta.url).cache));
    }
    console.log(JSON.stringify(held));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (r.stderr) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}
