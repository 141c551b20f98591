import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { allTests, siteTests } from './test/projects.ts';
import LongestFirst from './test/sequencer.ts';

process.env.TZ = 'Asia/Tokyo';
// The suite starts Node well over a hundred times (a validation per corpus case, each build, the
// workers): Node keeps what it compiled, TypeScript stripped included, for the next start. A
// validation then costs about a third less CPU. Node checks each entry against the source.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'zaitaku-test-compile-cache');

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Records each file's wall and CPU time when TEST_TIMING_FILE is set (test/timing.ts).
    setupFiles: ['test/timing.ts'],
    // Both projects' files start from one queue, longest first (test/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        // Pure functions, validators, charts and small fixtures: no site is built for them
        // (`npm run test:unit`).
        test: { name: 'unit', include: allTests, exclude: siteTests, fileParallelism: true, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        // What reads the site built from data/ (test/global-setup.ts starts that build and does
        // not wait for it), or builds sites of its own. The same group and the same two workers
        // as the unit project, one file per core: the unit tests and the files that build their
        // own sites run while the shared build runs, and a file that reads it waits for it
        // (test/site-ready.ts). Build tests write their own output folders.
        test: {
          name: 'site',
          include: siteTests,
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/site-ready.ts'],
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
});
