/**
 * src/ is built in layers, the pipeline's phases from the bottom up: load (bytes from the data
 * folder, through its guards), what every later layer shares (declarations, words, charts), then
 * validate → derive → check → the pipeline that runs them → present → publish, and Astro's
 * wiring on top. A module imports only from its own layer or the ones below; no two modules import
 * each other, directly or round a longer loop; and no module reaches for a process-wide registry
 * (`Symbol.for`, `globalThis`), runs code from a string, or calls Astro's private internals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Layers from the bottom; a module belongs to the first whose prefix its path (under src/) starts with. */
export const layers: { name: string; prefixes: string[] }[] = [
  // Every file of the data folder is read through load's guards, declarations and catalogues too.
  { name: 'load', prefixes: ['lib/load/'] },
  // Declarations and words every phase reads, and the drawing of a chart from rows it is given.
  { name: 'shared', prefixes: ['lib/problems.ts', 'lib/format.ts', 'lib/build-context.ts', 'lib/schema/', 'lib/config/', 'lib/i18n/', 'lib/i18n.ts', 'charts/'] },
  { name: 'validate', prefixes: ['lib/validate/'] },
  { name: 'derive', prefixes: ['lib/dataset.ts', 'lib/derive/', 'lib/vintages.ts', 'lib/glossary.ts'] },
  { name: 'check', prefixes: ['lib/quality/'] },
  { name: 'pipeline', prefixes: ['lib/pipeline.ts', 'lib/site-data.ts', 'lib/release/'] },
  { name: 'present', prefixes: ['lib/present/'] },
  { name: 'publish', prefixes: ['lib/publish/'] },
  // Astro's side: routes, layouts and components wire view models into pages; integrations and
  // the middleware hook the build; src/scripts/ is the browser's own code.
  { name: 'astro', prefixes: ['integrations/', 'middleware.ts', 'components/', 'layouts/', 'pages/', 'scripts/', 'styles/'] },
];

const srcFiles = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|astro)$/.test(f))
  .map((f) => f.split('\\').join('/'))
  .sort();

const layerOf = (file: string) => layers.findIndex((l) => l.prefixes.some((p) => file.startsWith(p)));

/** A module's code without comments, which may name what the code must not do. */
const code = (file: string) =>
  readFileSync(join(root, 'src', file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '');

/** The local modules a file imports (paths under src/), type-only imports included: a type is a dependency too. */
export function importsOf(file: string, source = code(file)): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    const target = relative(join(root, 'src'), resolve(join(root, 'src'), dirname(file), (m[1] ?? m[2] ?? m[3])!)).split('\\').join('/');
    if (!target.startsWith('..')) found.add(target);
  }
  return [...found].sort();
}

/** Every loop in the import graph, each as the files round it (found once, from its smallest file). */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  for (const start of [...graph.keys()].sort()) {
    const stack: string[] = [];
    const walk = (file: string) => {
      if (file === start && stack.length) {
        cycles.push([...stack, start]);
        return;
      }
      if (stack.includes(file) || seen.has(file) || file < start) return;
      stack.push(file);
      for (const next of graph.get(file) ?? []) walk(next);
      stack.pop();
    };
    walk(start);
    seen.add(start);
  }
  return cycles;
}

const forbidden: [RegExp, string][] = [
  [/\bSymbol\.for\s*\(/, 'a process-wide registry (Symbol.for)'],
  [/\bglobalThis\b/, 'a process-wide registry (globalThis)'],
  [/\beval\s*[:(]/, 'code run from a string (eval)'],
  [/\bnew\s+Function\s*\(/, 'code run from a string (new Function)'],
  [/['"]astro\/dist\//, "Astro's private modules (astro/dist/…)"],
  [/\b(?:getOptions|setInternals|setManifestData)\s*\(/, "Astro's private internals"],
];

describe('the layers of src/', () => {
  const graph = new Map(srcFiles.map((f) => [f, importsOf(f).filter((t) => srcFiles.includes(t))]));

  it('places every module of src/ in a layer', () => {
    expect(srcFiles.length).toBeGreaterThan(120);
    expect(srcFiles.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('imports only from the same layer or a lower one', () => {
    const upward: string[] = [];
    let edges = 0;
    for (const [file, targets] of graph)
      for (const target of targets) {
        edges++;
        if (layerOf(target) > layerOf(file)) upward.push(`${file} (${layers[layerOf(file)]!.name}) → ${target} (${layers[layerOf(target)]!.name})`);
      }
    expect(edges).toBeGreaterThan(300);
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('keeps no registry on the process, runs no code from strings and calls no Astro internals', () => {
    const found: string[] = [];
    for (const file of srcFiles) for (const [pattern, what] of forbidden) if (pattern.test(code(file))) found.push(`${file}: ${what}`);
    expect(srcFiles.length).toBeGreaterThan(120);
    expect(found).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find the imports of a module, type-only and dynamic ones included', () => {
    const source = "import { a } from './a.ts';\nimport type { B } from '../b.ts';\nexport { c } from './c/c.ts';\nconst d = await import('./d.ts');\nimport './e.ts';\nimport x from 'astro';";
    expect(importsOf('lib/present/x.ts', source)).toEqual(['lib/b.ts', 'lib/present/a.ts', 'lib/present/c/c.ts', 'lib/present/d.ts', 'lib/present/e.ts']);
  });

  it('find a loop of two and a loop of three, once each', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', ['d']],
      ['d', ['e']],
      ['e', ['c']],
      ['f', ['a']],
    ]);
    expect(cyclesOf(graph)).toEqual([
      ['a', 'b', 'a'],
      ['c', 'd', 'e', 'c'],
    ]);
  });

  it('recognise each forbidden construct', () => {
    const samples = ["const k = Symbol.for('x');", 'globalThis.x = 1;', "new Worker(src, { eval: true });", "new Function('return 1')", "import { x } from 'astro/dist/core/app';", 'app.getOptions()'];
    expect(samples.map((s) => forbidden.filter(([p]) => p.test(s)).length)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
