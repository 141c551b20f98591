/**
 * Which test files belong to which vitest project (see vitest.config.ts). `site` holds the files
 * that read the site built from data/ (`inject('siteDir')`) or build sites of their own
 * (scripts/build.ts); `unit` holds everything else and runs with no site build at all.
 * test/structure.test.ts keeps the split honest.
 */
export const siteTests = [
  'test/browser/**/*.test.ts',
  'test/site/**/*.test.ts',
  'test/corpus/**/*.test.ts',
  // Installs, validates, tests and builds a fresh clone.
  'test/workflow-rehearsal.test.ts',
  'test/scripts/build.test.ts',
  'test/scripts/build-release.test.ts',
  'test/scripts/build-kill.test.ts',
  'test/scripts/release-history.test.ts',
];

export const allTests = ['test/**/*.test.ts'];
