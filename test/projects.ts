/**
 * Which test files belong to which vitest project (see vitest.config.ts). `site` holds the files
 * that read the site built from data/ (`inject('siteDir')`) or build sites of their own
 * (scripts/build.ts); `unit` holds everything else and runs with no site build at all.
 * test/structure.test.ts keeps the split honest.
 */
export const siteTests = [
  'test/browser/**/*.test.ts',
  'test/site/**/*.test.ts',
  'test/corpus/validate-corpus.test.ts',
  // Installs, validates, tests and builds a fresh clone.
  'test/workflow-rehearsal.test.ts',
  'test/scripts/build.test.ts',
  'test/scripts/build-release.test.ts',
  'test/scripts/build-kill.test.ts',
  'test/scripts/release-history.test.ts',
];

export const allTests = ['test/**/*.test.ts'];

/**
 * The files that take longest, longest first (CPU seconds of each, its builds and browser
 * included, measured with test/timing.ts). Both projects' files run on one pool of two workers;
 * starting the longest first keeps both cores busy to the end instead of leaving one long file
 * running alone (test/sequencer.ts). Every other file follows, in vitest's own order. A file
 * missing here only runs later than it might.
 */
export const longestFirst = [
  'test/corpus/validate-corpus.test.ts',
  'test/browser/axe.test.ts',
  'test/workflow-rehearsal.test.ts',
  'test/browser/layout.test.ts',
  'test/site/synthetic-country.test.ts',
  'test/scripts/build-kill.test.ts',
  'test/browser/static-checks.test.ts',
  'test/browser/nu-html-checker.test.ts',
  'test/browser/hostile-data.test.ts',
  'test/scripts/release-history.test.ts',
  'test/site/added-vintage.test.ts',
  'test/site/unreleased-downloads.test.ts',
  'test/site/other-licence.test.ts',
  'test/site/throwaway-language.test.ts',
  'test/site/new-indicator.test.ts',
  'test/browser/reader-layout.test.ts',
  'test/site/social-meta.test.ts',
  'test/typecheck.test.ts',
];
