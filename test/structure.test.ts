/**
 * The split into vitest projects (test/projects.ts) cannot rot: a file in the `unit` project, or a
 * local module it imports, may neither read the built site (`inject('siteDir')`) nor run the
 * site build (scripts/build.ts), since `npm run test:unit` builds no site.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteTests } from './projects.ts';
import { code, readsSite, root, runsBuild, withLocalImports } from './reads-site.ts';

const testFiles = readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && !f.startsWith('fixtures/'))
  .map((f) => `test/${f}`)
  .sort();
/** Whether a glob of test/projects.ts (a folder's tests, or one file) names a file. */
const matches = (glob: string, file: string) => (glob.endsWith('/**/*.test.ts') ? file.startsWith(glob.slice(0, -'**/*.test.ts'.length)) : file === glob);
const isSite = (file: string) => siteTests.some((glob) => matches(glob, file));

describe('the unit and site projects', () => {
  it('every glob of the site project names test files', () => {
    expect(testFiles.length).toBeGreaterThan(70);
    expect(siteTests.length).toBe(8);
    for (const glob of siteTests) expect(testFiles.filter((f) => matches(glob, f)).length, glob).toBeGreaterThan(0);
    const site = testFiles.filter(isSite);
    expect(site.length).toBeGreaterThan(20);
    expect(testFiles.length - site.length).toBeGreaterThan(40);
  });

  it('no unit test file reads the built site or runs the site build', () => {
    const unit = testFiles.filter((f) => !isSite(f));
    const offenders: string[] = [];
    let read = 0;
    for (const file of unit)
      for (const module of withLocalImports(file)) {
        read++;
        const source = code(module);
        if (readsSite.test(source)) offenders.push(`${file}: ${module} reads the built site`);
        if (runsBuild.test(source)) offenders.push(`${file}: ${module} runs the site build`);
      }
    expect(read).toBeGreaterThanOrEqual(unit.length);
    expect(offenders).toEqual([]);
  });

  it('the checks recognise what they look for', () => {
    // Each site file that builds or reads the site is caught by the same patterns.
    const caught = testFiles.filter(isSite).filter((f) => [...withLocalImports(f)].some((m) => readsSite.test(code(m)) || runsBuild.test(code(m))));
    expect(caught).toContain('test/browser/axe.test.ts');
    expect(caught).toContain('test/corpus/validate-corpus.test.ts');
    expect(caught).toContain('test/site/second-city.test.ts');
  });
});
