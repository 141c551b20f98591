/**
 * The code of the project's source files without their comments, which may name what the code
 * must not: for the tests that search src/ for what belongs in data/ (a city, a date of the data).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Source lines without comments: whole-line // and block comments, and JSDoc lines. */
export function codeLines(text: string): [number, string][] {
  const out: [number, string][] = [];
  let inBlock = false;
  text.split('\n').forEach((line, i) => {
    const t = line.trim();
    if (inBlock) {
      if (t.includes('*/')) inBlock = false;
      return;
    }
    if (t.startsWith('/*') || t.startsWith('<!--')) {
      inBlock = !t.includes('*/') && !t.includes('-->');
      return;
    }
    if (t.startsWith('//') || t.startsWith('*')) return;
    out.push([i + 1, line.replace(/\s\/\/ .*$/, '')]);
  });
  return out;
}

/** Every source file of src/ (TypeScript, Astro, CSS, JavaScript), relative to src/. */
export const sourceFiles = () => readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro|css|js|mjs)$/.test(f));

/** Each code line of each source file, as [`src/<file>:<line>`, code]. */
export const sourceCode = (): [string, string][] =>
  sourceFiles().flatMap((f) => codeLines(readFileSync(join('src', f), 'utf8')).map(([n, line]): [string, string] => [`src/${f}:${n}`, line]));
