/**
 * src/ is built in layers, the pipeline's phases from the bottom up: load (bytes from the data
 * folder, through its guards), what every later layer shares (declarations, words, charts), then
 * validate → derive → check → the pipeline that runs them → present → publish, and Astro's
 * wiring on top. A module imports only from its own layer or the ones below; no two modules import
 * each other, directly or round a longer loop; and no module reaches for a process-wide registry
 * (`Symbol.for`, `globalThis`), runs code from a string (`eval`, the `Function` constructor, `vm`,
 * a worker from a string), or calls Astro's private internals.
 *
 * Modules are read with TypeScript's parser, not patterns over the text, so that no string or
 * comment can hide an import or a call, and no spelling (`Symbol['for']`, `(0, eval)`, a `require`)
 * slips past. An .astro file's frontmatter and scripts are parsed the same way; its markup, where
 * expressions sit between braces, is searched with patterns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
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

/** What one module imports and which forbidden constructs it holds. */
export interface Scan {
  /** Every module specifier it names: static, dynamic, type-only, `require`d, or a glob of `import.meta.glob`. */
  specifiers: { text: string; glob?: boolean }[];
  /** Forbidden constructs, each as what it is. */
  forbidden: string[];
}

/**
 * Astro's modules meant for its own compiler, runtime and adapters rather than for a site's code,
 * and its unexported build (`astro/dist/…`, or a path into node_modules/astro).
 */
const astroInternals = /^(?:astro\/(?:dist|app|runtime|entrypoints|virtual-modules|compiler-runtime|env\/setup)(?:\/|$)|(?:\.{1,2}\/)+(?:.*\/)?node_modules\/astro\/)/;
/** Methods of Astro's internals that earlier builds reached for. */
const astroInternalCalls = new Set(['getOptions', 'setInternals', 'setManifestData']);

const what = {
  symbolFor: 'a process-wide registry (Symbol.for)',
  globalThis: 'a process-wide registry (globalThis)',
  global: 'a process-wide registry (global)',
  eval: 'code run from a string (eval)',
  evalOption: 'code run from a string (a worker with eval: true)',
  functionConstructor: 'code run from a string (the Function constructor)',
  vm: 'code run from a string (node:vm)',
  astroModule: "Astro's private modules",
  astroCall: "Astro's private internals",
  computedImport: 'an import the check cannot follow (a computed specifier)',
};

/** The text of a string literal or a template literal without substitutions, else null. */
const literal = (node: ts.Node | undefined) => (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null);
/** Whether an identifier is a name being declared or a member's name, rather than a reference to a value. */
function isReference(node: ts.Identifier): boolean {
  const p = node.parent;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && (p as ts.PropertyAccessExpression).name === node) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === node) return false;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === node) return false;
  if (ts.isBindingElement(p) && p.propertyName === node) return false;
  if (ts.isJsxAttribute(p) || ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  return true;
}

/** Imports and forbidden constructs of TypeScript (or JavaScript) source. */
export function scanScript(source: string, fileName = 'module.ts'): Scan {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specifiers: Scan['specifiers'] = [];
  const forbidden: string[] = [];
  const specifier = (text: string, glob = false) => {
    specifiers.push(glob ? { text, glob } : { text });
    if (astroInternals.test(text)) forbidden.push(`${what.astroModule} (${text})`);
    if (text === 'vm' || text === 'node:vm') forbidden.push(what.vm);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const text = literal(node.moduleSpecifier);
      if (text !== null) specifier(text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const text = literal(node.moduleReference.expression);
      if (text !== null) specifier(text);
    } else if (ts.isImportTypeNode(node)) {
      const text = ts.isLiteralTypeNode(node.argument) ? literal(node.argument.literal) : null;
      if (text !== null) specifier(text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const [first] = node.arguments;
      const requires = (ts.isIdentifier(callee) && callee.text === 'require') || (ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'createRequire');
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (requires && literal(first) !== null)) {
        // import('…'), require('…') and createRequire(…)('…') alike.
        const text = literal(first);
        if (text !== null) specifier(text);
        else if (callee.kind === ts.SyntaxKind.ImportKeyword) forbidden.push(what.computedImport);
      } else if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'glob' && ts.isMetaProperty(callee.expression)) {
        const patterns = first && ts.isArrayLiteralExpression(first) ? [...first.elements] : first ? [first] : [];
        for (const p of patterns) {
          const text = literal(p);
          if (text === null) forbidden.push(what.computedImport);
          else specifier(text, true);
        }
      }
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isElementAccessExpression(callee) ? literal(callee.argumentExpression) : null;
      if (name !== null && astroInternalCalls.has(name)) forbidden.push(`${what.astroCall} (${name})`);
    } else if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const member = ts.isPropertyAccessExpression(node) ? node.name.text : literal(node.argumentExpression);
      if (ts.isIdentifier(node.expression) && node.expression.text === 'Symbol' && member === 'for') forbidden.push(what.symbolFor);
      if (ts.isIdentifier(node.expression) && node.expression.text === 'global' && isReference(node.expression)) forbidden.push(what.global);
      if (member !== null && astroInternalCalls.has(member) && !ts.isCallExpression(node.parent)) forbidden.push(`${what.astroCall} (${member})`);
    } else if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && node.name.text === 'eval' && node.initializer.kind !== ts.SyntaxKind.FalseKeyword) {
      // new Worker(source, { eval: true }) runs its first argument as code.
      forbidden.push(what.evalOption);
    } else if (ts.isIdentifier(node) && isReference(node)) {
      if (node.text === 'globalThis') forbidden.push(what.globalThis);
      if (node.text === 'eval') forbidden.push(what.eval);
      if (node.text === 'Function') forbidden.push(what.functionConstructor);
    }
    // Types name no values, but `import('…')` types are dependencies (handled above).
    if (ts.isTypeNode(node) && !ts.isImportTypeNode(node) && !ts.isTypeQueryNode(node)) {
      node.forEachChild(function types(child: ts.Node): void {
        if (ts.isImportTypeNode(child)) visit(child);
        else child.forEachChild(types);
      });
      return;
    }
    node.forEachChild(visit);
  };
  visit(file);
  return { specifiers, forbidden };
}

/** The same constructs in an .astro file's markup, whose expressions are not TypeScript by themselves. */
const markupPatterns: [RegExp, string][] = [
  [/\bSymbol\s*(?:\.\s*for\b|\[\s*['"`]for['"`]\s*\])/, what.symbolFor],
  [/\bglobalThis\b/, what.globalThis],
  [/\beval\b/, what.eval],
  [/\bFunction\s*\(/, what.functionConstructor],
  [/['"`](?:node:)?vm['"`]/, what.vm],
  [/['"`]astro\/(?:dist|app|runtime|entrypoints|virtual-modules)\b|node_modules\/astro\//, what.astroModule],
  [new RegExp(`\\b(?:${[...astroInternalCalls].join('|')})\\b`), what.astroCall],
];

/**
 * An .astro file: its frontmatter (the component's script) and each <script> element are
 * TypeScript; the markup between is searched for the same constructs, its HTML comments left out.
 * JSON-LD scripts are data.
 */
export function scanAstro(source: string): Scan {
  const front = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  const scripts: string[] = [];
  let markup = (front ? source.slice(front[0].length) : source).replace(/<!--[\s\S]*?-->/g, '');
  markup = markup.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/g, (_, attrs: string, body: string) => {
    if (!/type=["']application\/(?:ld\+)?json["']/.test(attrs)) scripts.push(body);
    return '';
  });
  const parts = [front ? scanScript(front[1]!, 'frontmatter.ts') : { specifiers: [], forbidden: [] }, ...scripts.map((s) => scanScript(s, 'script.ts'))];
  const forbidden = parts.flatMap((p) => p.forbidden);
  for (const [pattern, name] of markupPatterns) if (pattern.test(markup)) forbidden.push(`${name} (in the markup)`);
  return { specifiers: parts.flatMap((p) => p.specifiers), forbidden };
}

/** Each module of src/ is parsed once, for its imports and its constructs alike. */
const scanned = new Map<string, Scan>();
function scanOf(file: string, source?: string): Scan {
  if (source !== undefined) return file.endsWith('.astro') ? scanAstro(source) : scanScript(source, file);
  let scan = scanned.get(file);
  if (!scan) scanned.set(file, (scan = scanOf(file, readFileSync(join(root, 'src', file), 'utf8'))));
  return scan;
}

/** A glob of `import.meta.glob` as a pattern over paths: `**` any folders, `*` any name. */
const globPattern = (glob: string) =>
  new RegExp(`^${glob.split(/(\*\*\/|\*)/).map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`);

/** The local modules a file imports (paths under src/), type-only imports and glob imports included: a type is a dependency too. */
export function importsOf(file: string, source?: string, files: readonly string[] = srcFiles): string[] {
  const found = new Set<string>();
  for (const s of scanOf(file, source).specifiers) {
    if (!/^\.{1,2}\//.test(s.text)) continue;
    const target = relative(join(root, 'src'), resolve(join(root, 'src'), dirname(file), s.text)).split('\\').join('/');
    if (target.startsWith('..')) continue;
    if (s.glob) for (const f of files) (globPattern(target).test(f) && f !== file ? found.add(f) : undefined);
    else found.add(target);
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

/** Imports that run up the layers, as `file (layer) → target (layer)`. */
export function upwardImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const upward: string[] = [];
  for (const [file, targets] of graph)
    for (const target of targets) if (layerOf(target) > layerOf(file)) upward.push(`${file} (${layers[layerOf(file)]!.name}) → ${target} (${layers[layerOf(target)]!.name})`);
  return upward;
}

describe('the layers of src/', () => {
  const graph = new Map(srcFiles.map((f) => [f, importsOf(f).filter((t) => srcFiles.includes(t))]));

  it('places every module of src/ in a layer', () => {
    expect(srcFiles.length).toBeGreaterThan(120);
    expect(srcFiles.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('imports only from the same layer or a lower one', () => {
    const edges = [...graph.values()].reduce((n, targets) => n + targets.length, 0);
    expect(edges).toBeGreaterThan(300);
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('keeps no registry on the process, runs no code from strings and calls no Astro internals', () => {
    const found: string[] = [];
    let scanned = 0;
    for (const file of srcFiles) {
      scanned++;
      for (const f of scanOf(file).forbidden) found.push(`${file}: ${f}`);
    }
    expect(scanned).toBe(srcFiles.length);
    expect(srcFiles.length).toBeGreaterThan(120);
    expect(found).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find the imports of a module, type-only, dynamic, required and globbed ones included', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c/c.ts';",
      "const d = await import('./d.ts');",
      "import './e.ts';",
      "import x from 'astro';",
      "const f = require('./f.ts');",
      "const f2 = createRequire(import.meta.url)('./f2.ts');",
      "type G = typeof import('./g.ts');",
      "let h: import('./h.ts').H;",
      'import {\n  i,\n  j,\n} from "./i.ts";',
    ].join('\n');
    expect(importsOf('lib/present/x.ts', source)).toEqual(['lib/b.ts', 'lib/present/a.ts', 'lib/present/c/c.ts', 'lib/present/d.ts', 'lib/present/e.ts', 'lib/present/f.ts', 'lib/present/f2.ts', 'lib/present/g.ts', 'lib/present/h.ts', 'lib/present/i.ts']);
    const files = ['pages/a.astro', 'pages/b/c.astro', 'pages/d.ts', 'lib/e.astro'];
    expect(importsOf('pages/x.ts', "const pages = import.meta.glob('./**/*.astro');", files)).toEqual(['pages/a.astro', 'pages/b/c.astro']);
  });

  it('find an import that a string holding a comment opener would have hidden', () => {
    // A pattern stripping /* … */ took everything from the string's "/*" to the comment's end.
    const source = "const glob = 'src/**/*.ts';\nimport { y } from '../present/y.ts';\n/* a comment */";
    expect(importsOf('lib/load/x.ts', source)).toEqual(['lib/present/y.ts']);
    // Imports in comments and strings are not imports.
    expect(importsOf('lib/load/x.ts', "// import { a } from '../present/a.ts';\nconst s = \"import { b } from '../present/b.ts'\";")).toEqual([]);
  });

  it('find the imports of an .astro file, in its frontmatter and its scripts', () => {
    const source = "---\nimport Chart from '../components/Chart.astro';\nimport type { View } from '../lib/present/view.ts';\n---\n<p>{x}</p>\n<script>\n  import { sort } from '../scripts/sort.ts';\n</script>\n";
    expect(importsOf('pages/x.astro', source)).toEqual(['components/Chart.astro', 'lib/present/view.ts', 'scripts/sort.ts']);
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

  it('find an import up a layer', () => {
    const graph = new Map([
      ['lib/load/read.ts', ['lib/present/page.ts']],
      ['lib/present/page.ts', ['lib/load/read.ts']],
      ['lib/pipeline.ts', ['lib/load/read.ts', 'lib/validate/table.ts']],
    ]);
    expect(upwardImports(graph)).toEqual(['lib/load/read.ts (load) → lib/present/page.ts (present)']);
  });

  it('recognise each forbidden construct, however it is spelt', () => {
    const samples: [string, string][] = [
      ["const k = Symbol.for('x');", what.symbolFor],
      ["const k = Symbol['for']('x');", what.symbolFor],
      ['const k = Symbol . for ("x");', what.symbolFor],
      ['globalThis.x = 1;', what.globalThis],
      ["const g = globalThis; g['x'] = 1;", what.globalThis],
      ['global.x = 1;', what.global],
      ["eval('1');", what.eval],
      ["(0, eval)('1');", what.eval],
      ["const e = eval; e('1');", what.eval],
      ["new Worker(src, { eval: true });", what.evalOption],
      ["new Worker(src, { 'eval': true });", what.evalOption],
      ["new Function('return 1');", what.functionConstructor],
      ["Function('return 1')();", what.functionConstructor],
      ["Reflect.construct(Function, ['return 1']);", what.functionConstructor],
      ["import vm from 'node:vm';", what.vm],
      ["const { runInThisContext } = await import('vm');", what.vm],
      ["import { x } from 'astro/dist/core/app';", `${what.astroModule} (astro/dist/core/app)`],
      ["import { App } from 'astro/app';", `${what.astroModule} (astro/app)`],
      ["const m = await import('../../node_modules/astro/dist/core/build/internal.js');", `${what.astroModule} (../../node_modules/astro/dist/core/build/internal.js)`],
      ['app.getOptions();', `${what.astroCall} (getOptions)`],
      ["app['setInternals'](x);", `${what.astroCall} (setInternals)`],
      ['const f = pipeline.setManifestData;', `${what.astroCall} (setManifestData)`],
      ["const m = await import(`./${name}.ts`);", what.computedImport],
      // After a string that opens a comment: the pattern-based check lost what followed it.
      ["const glob = 'a/*'; const k = Symbol.for('x'); /* c */", what.symbolFor],
    ];
    const found = samples.map(([s]) => scanScript(s).forbidden);
    expect(found).toEqual(samples.map(([, w]) => [w]));
  });

  it('do not take names, types, comments or strings for the constructs', () => {
    const samples = [
      "const o = { evaluate: 1, functions: [] }; o.evaluate;",
      'type F = Function; const f: F = () => 1;',
      "// eval('x'), Symbol.for('y'), globalThis\nconst s = \"eval('x') Symbol.for('y') globalThis new Function('1')\";",
      "new Worker(new URL('./w.ts', import.meta.url), { eval: false });",
      "import { build } from 'astro'; import { defineConfig } from 'astro/config';",
      'const x = { getOptionsText: 1 }; x.getOptionsText;',
    ];
    expect(samples.map((s) => scanScript(s).forbidden)).toEqual(samples.map(() => []));
  });

  it('recognise the constructs in an .astro file, in its frontmatter, its scripts and its markup', () => {
    const samples: [string, string][] = [
      ["---\nconst k = Symbol['for']('x');\n---\n<p>{k}</p>", what.symbolFor],
      ["---\nconst a = 1;\n---\n<script>\n  (0, eval)('1');\n</script>", what.eval],
      ["---\nconst a = 1;\n---\n<p>{eval('1')}</p>", `${what.eval} (in the markup)`],
      ["---\nconst a = 1;\n---\n<p>{globalThis.x}</p>", `${what.globalThis} (in the markup)`],
      ["---\nimport { App } from 'astro/app';\n---\n<p />", `${what.astroModule} (astro/app)`],
    ];
    expect(samples.map(([s]) => scanAstro(s).forbidden)).toEqual(samples.map(([, w]) => [w]));
    // Comments, data scripts and prose are neither.
    expect(scanAstro("---\nconst a = 1;\n---\n<!-- eval('x') -->\n<script type=\"application/ld+json\" set:html={a} />\n<p>Evaluation of functions</p>").forbidden).toEqual([]);
  });
});
