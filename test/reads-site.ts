/**
 * Which test files read the site built from data/ (`inject('siteDir')`) or run the site build
 * (scripts/build.ts), found in the file's code and in the local test modules it imports. The
 * structure test keeps the unit project free of both (test/structure.test.ts); the site project
 * makes only the files that read the built site wait for it (test/site-ready.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

/** A file and every local module it imports, transitively (paths relative to the project). */
export function withLocalImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join(root, file), 'utf8');
  for (const m of source.matchAll(/from '(\.{1,2}\/[^']+)'|import\('(\.{1,2}\/[^']+)'\)/g)) {
    const target = relative(root, resolve(root, dirname(file), (m[1] ?? m[2])!));
    // Only the tests' own helpers: src/ and scripts/ are what the tests exercise.
    if (target.startsWith('test/') && existsSync(join(root, target))) withLocalImports(target, seen);
  }
  return seen;
}

export const readsSite = /\binject\(\s*['"]siteDir['"]\s*\)/;
export const runsBuild = /scripts\/build\.ts/;

/** A module's code without its comments, which may name what the code must not do. */
export const code = (module: string) =>
  readFileSync(join(root, module), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

/** Whether a test file (path relative to the project), or a local module it imports, reads the built site. */
export const readsBuiltSite = (file: string) => [...withLocalImports(file)].some((m) => readsSite.test(code(m)));
