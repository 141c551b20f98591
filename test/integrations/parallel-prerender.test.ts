/**
 * Rendering pages on several threads (src/integrations/parallel-prerender.ts) changes how fast a
 * build is, never what it writes: the same data gives the same files, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { threadOf } from '../../src/integrations/parallel-prerender.ts';

describe('threadOf', () => {
  it('gives every family a thread in range, the same one each time, and uses every thread', () => {
    const families = Array.from({ length: 2000 }, (_, i) => `wards/${10000 + i}/`);
    const counts = [0, 0, 0];
    for (const f of families) {
      const t = threadOf(f, 3);
      expect(t).toBe(threadOf(f, 3));
      counts[t]!++;
    }
    // An even share within a few per cent: no thread idles while another has the rest.
    for (const c of counts) expect(Math.abs(c - 2000 / 3)).toBeLessThan(100);
  });
});

describe('a build on two threads', () => {
  const work = mkdtempSync(join(tmpdir(), 'threads-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes the same files as the build on one thread, byte for byte', () => {
    const out = join(work, 'site');
    const r = spawnSync(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, DATA_DIR: 'data', OUT_DIR: out, PRERENDER_THREADS: '2' },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    // It fell back to one thread only with this warning.
    expect(r.stderr).not.toMatch(/rendered on one thread/);
    const one = inject('siteDir');
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => statSync(join(dir, f)).isFile())
        .sort();
    expect(files(out)).toEqual(files(one));
    for (const f of files(one)) expect(readFileSync(join(out, f)).equals(readFileSync(join(one, f))), f).toBe(true);
  }, 300_000);
});
