import { defineConfig } from 'vitest/config';
import { allTests, siteTests } from './test/projects.ts';

process.env.TZ = 'Asia/Tokyo';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        // Pure functions, validators, charts and small fixtures: no site is built for them
        // (`npm run test:unit`). Files run two at a time, one per core.
        test: { name: 'unit', include: allTests, exclude: siteTests, fileParallelism: true, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        // What reads the site built from data/ once per run (test/global-setup.ts), or builds
        // sites of its own. Build tests write their own output folders and each build already
        // uses both cores: one file at a time.
        test: { name: 'site', include: siteTests, globalSetup: ['test/global-setup.ts'], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
