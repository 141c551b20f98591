/**
 * A build killed at any moment leaves OUT_DIR complete: the previous site or the new one, file
 * for file, never a mixture or nothing. The next successful build removes every staging folder,
 * site folder and link the killed ones left.
 *
 * The sites are built from the small second-city fixture (test/fixtures/city-shiomi, 155 pages)
 * rather than data/: publishing and cleaning do not depend on what the pages say, and each of the
 * six builds here costs a third as much.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'build-kill-'));
const out = join(work, 'site');
const changed = join(work, 'changed-data');
const previous = join(root, 'test/fixtures/city-shiomi');
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The fixture has no release snapshots of its own.
const env = (dataDir: string, outDir: string, extra: Record<string, string> = {}) => ({ ...process.env, DATA_DIR: dataDir, OUT_DIR: outDir, RELEASES_DIR: join(work, 'no-releases'), ...extra });
const buildSync = (dataDir: string, outDir: string) => spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, env: env(dataDir, outDir), encoding: 'utf8' });

/** Every file of a site with a hash of its content. */
function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => [f, createHash('sha1').update(readFileSync(join(dir, f))).digest('hex')]),
  );
}

/** Starts a build and SIGKILLs it when `ready` says so; resolves with how it ended and its pid. */
function killDuring(extra: Record<string, string>, ready: (stdout: string, pid: number) => boolean): Promise<{ signal: NodeJS.Signals | null; pid: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], { cwd: root, env: env(changed, out, extra) });
    let output = '';
    const poll = setInterval(() => {
      if (ready(output, child.pid!)) {
        clearInterval(poll);
        child.kill('SIGKILL');
      }
    }, 20);
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      done({ signal, pid: child.pid!, output });
    });
  });
}

let before: Record<string, string>;
let after: Record<string, string>;

beforeAll(() => {
  // The new data differs from the previous in one ward's English name, so old and new sites are told apart.
  cpSync(previous, changed, { recursive: true });
  const file = join(changed, 'areas.csv');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('Hamakita Ward');
  writeFileSync(file, text.replace('Hamakita Ward', 'Hamakita Ward (changed)'));
  const reference = join(work, 'reference');
  const r = buildSync(changed, reference);
  expect(r.status, r.stderr).toBe(0);
  after = fingerprint(reference);
  const first = buildSync(previous, out);
  expect(first.status, first.stderr).toBe(0);
  before = fingerprint(out);
  expect(before).not.toEqual(after);
}, 240_000);

describe('a build killed with SIGKILL', () => {
  const killed: number[] = [];

  it('while Astro builds: OUT_DIR is still the previous site', async () => {
    const r = await killDuring({}, (_, pid) => existsSync(join(root, '.build-staging', `dist-${pid}`)));
    killed.push(r.pid);
    expect(r.signal).toBe('SIGKILL');
    expect(fingerprint(out)).toEqual(before);
  });

  for (const moment of ['built', 'placed'])
    it(`at "${moment}", before the switch: OUT_DIR is still the previous site`, async () => {
      const r = await killDuring({ BUILD_HOLD_AT: moment }, (stdout) => stdout.includes(`hold: ${moment}`));
      killed.push(r.pid);
      expect(r.signal, r.output).toBe('SIGKILL');
      expect(fingerprint(out)).toEqual(before);
    });

  it('right after the switch, before cleaning: OUT_DIR is the whole new site', async () => {
    const r = await killDuring({ BUILD_HOLD_AT: 'switched' }, (stdout) => stdout.includes('hold: switched'));
    killed.push(r.pid);
    expect(r.signal, r.output).toBe('SIGKILL');
    expect(fingerprint(out)).toEqual(after);
    // The killed build left the previous site beside it: what the next build must clean.
    expect(readdirSync(join(work, '.site.sites')).length).toBeGreaterThan(1);
  });

  it('the next successful build leaves no staging, previous copy or link behind', () => {
    const r = buildSync(previous, out);
    expect(r.status, r.stderr).toBe(0);
    expect(fingerprint(out)).toEqual(before);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(work, '.site.sites'))).toHaveLength(1);
    expect(readdirSync(work).filter((n) => n.startsWith('site.'))).toEqual([]);
    const staging = existsSync(join(root, '.build-staging')) ? readdirSync(join(root, '.build-staging')) : [];
    for (const pid of killed) expect(staging).not.toContain(`dist-${pid}`);
  });
});
