/**
 * Builds the site from data/ once per test run, into a temporary folder, for the tests that read
 * the built pages (page content, browser checks, downloads). Tests get its path through `inject('siteDir')`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'site-'));
  const siteDir = join(work, 'site');
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, DATA_DIR: 'data', OUT_DIR: siteDir }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`site build failed:\n${r.stderr}`);
  project.provide('siteDir', siteDir);
  return () => rmSync(work, { recursive: true, force: true });
}
