/**
 * Builds the site from data/ once per test run, into a temporary folder, for the tests that read
 * the built pages (page content, browser checks, downloads). Tests get its path through `inject('siteDir')`.
 *
 * The build runs with every font of this machine hidden from fontconfig (an empty configuration,
 * and an empty folder to look for included ones in), as on a machine with nothing but Node and
 * npm: every test run then proves that the build needs no system font, at no extra build.
 * test/site/no-system-fonts.test.ts checks, through `inject('buildFontEnv')`, that it did.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    /** The fontconfig environment the site was built in. */
    buildFontEnv: { FONTCONFIG_FILE: string; FONTCONFIG_PATH: string };
  }
}

export default function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'site-'));
  const siteDir = join(work, 'site');
  const noFonts = { FONTCONFIG_FILE: join(work, 'no-fonts.conf'), FONTCONFIG_PATH: join(work, 'no-fonts') };
  writeFileSync(noFonts.FONTCONFIG_FILE, '<fontconfig></fontconfig>\n');
  mkdirSync(noFonts.FONTCONFIG_PATH);
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, ...noFonts, DATA_DIR: 'data', OUT_DIR: siteDir }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`site build failed:\n${r.stderr}`);
  project.provide('siteDir', siteDir);
  project.provide('buildFontEnv', noFonts);
  return () => rmSync(work, { recursive: true, force: true });
}
