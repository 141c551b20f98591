/**
 * The TypeScript sources pass the type checker in strict mode, as part of the test run: some of
 * the project's guarantees (chart SVG is the only markup a page inserts) are types.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

describe('tsc --noEmit', () => {
  it('finds no type error', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', '.'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 180_000);
});
