/**
 * Before a site test file is imported: if it reads the site built from data/ (see
 * test/reads-site.ts), wait until the build test/global-setup.ts started has ended, and fail the
 * file with the build's output if it failed. Files that build their own sites start at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, inject } from 'vitest';
import type { SiteBuildOutcome } from './global-setup.ts';
import { readsBuiltSite, root } from './reads-site.ts';

/** Longer than any build of data/ on a busy two-core machine: past it, a hung build fails the files that need it. */
const patience = 15 * 60_000;

const file = relative(root, expect.getState().testPath ?? '');
if (readsBuiltSite(file)) {
  const built = inject('siteBuilt');
  const give = Date.now() + patience;
  while (!existsSync(built)) {
    if (Date.now() > give) throw new Error(`the site build (test/global-setup.ts) did not end within ${patience / 60_000} minutes`);
    await sleep(100);
  }
  const outcome = JSON.parse(readFileSync(built, 'utf8')) as SiteBuildOutcome;
  if (outcome.status !== 0) throw new Error(`site build failed (${outcome.signal ?? `exit ${outcome.status}`}):\n${outcome.output}`);
}
