/**
 * Builds the site from data/ once per test run, into a temporary folder, for the tests that read
 * the built pages (page content, browser checks, downloads). Tests get its path through `inject('siteDir')`.
 *
 * The build is started here and not waited for: the unit tests and the site tests that build
 * their own sites run meanwhile, and a file that reads the built site waits for it before it is
 * imported (test/site-ready.ts). A failed build fails each of those files with the build's output.
 *
 * The build runs with every font of this machine hidden from fontconfig (an empty configuration,
 * and an empty folder to look for included ones in), as on a machine with nothing but Node and
 * npm: every test run then proves that the build needs no system font, at no extra build.
 * test/site/no-system-fonts.test.ts checks, through `inject('buildFontEnv')`, that it did.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    /** A file written when the build of `siteDir` has ended: its exit status and output (test/site-ready.ts). */
    siteBuilt: string;
    /** The fontconfig environment the site was built in. */
    buildFontEnv: { FONTCONFIG_FILE: string; FONTCONFIG_PATH: string };
  }
}

/** What test/site-ready.ts reads from the `siteBuilt` file. */
export interface SiteBuildOutcome {
  status: number | null;
  signal: string | null;
  output: string;
  seconds: number;
}

export default function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'site-'));
  const siteDir = join(work, 'site');
  const built = join(work, 'built.json');
  const noFonts = { FONTCONFIG_FILE: join(work, 'no-fonts.conf'), FONTCONFIG_PATH: join(work, 'no-fonts') };
  writeFileSync(noFonts.FONTCONFIG_FILE, '<fontconfig></fontconfig>\n');
  mkdirSync(noFonts.FONTCONFIG_PATH);

  const t0 = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts'], { env: { ...process.env, ...noFonts, DATA_DIR: 'data', OUT_DIR: siteDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const ended = new Promise<void>((done) => {
    const report = (outcome: Omit<SiteBuildOutcome, 'seconds'>) => {
      // Written whole, then renamed: a reader never sees half of it.
      writeFileSync(`${built}.partial`, JSON.stringify({ ...outcome, seconds: (performance.now() - t0) / 1000 } satisfies SiteBuildOutcome));
      renameSync(`${built}.partial`, built);
      done();
    };
    child.once('error', (err) => report({ status: null, signal: null, output: `${output}\n${err.message}` }));
    child.once('close', (status, signal) => report({ status, signal, output }));
  });

  project.provide('siteDir', siteDir);
  project.provide('siteBuilt', built);
  project.provide('buildFontEnv', noFonts);
  return async () => {
    // A run cut short (a filter that picked no site file, an interrupt) does not wait for the build.
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await ended;
    rmSync(work, { recursive: true, force: true });
  };
}
