/**
 * `npm run dev` shows CSV edits live. Pages read the data once per process through module-level
 * caches (site-data.ts, i18n/languages.ts), and data/ is not part of Vite's module graph, so an
 * edited CSV would otherwise stay unseen until a restart. This integration watches the data folder
 * during `astro dev`; when a .csv or .json file there is added, changed or removed, it has Vite
 * evaluate the server-side modules again, which starts every cache empty, and reloads the browser.
 * While the data has errors, a page request is answered with the gate's located problems (as
 * `npm run validate` prints them) instead of a page that fails with a stack trace.
 */
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import { formatProblem, type Problem } from '../lib/problems.ts';

/** Whether a path is a data file (.csv, or .json: schemas and metrics.json) inside `dataDir`. */
export function isDataFile(dataDir: string, file: string): boolean {
  const dir = resolve(dataDir);
  const path = resolve(file);
  return path.startsWith(dir + sep) && ['.csv', '.json'].includes(extname(path).toLowerCase());
}

export interface DataWatchOptions {
  /** The folder to watch (default `data`, the folder the dev server's pages read). */
  dataDir?: string;
  /** Quiet time after the last change before reloading: spreadsheet programs save in bursts. */
  debounceMs?: number;
  /** Answer page requests with the gate's problems while the data has errors (default true). */
  checkData?: boolean;
}

/**
 * Whether a request may render a page or an endpoint (which read the data), rather than fetch
 * Vite's client, a bundled asset or a source file.
 */
export function isRouteRequest(url: string): boolean {
  const path = url.split(/[?#]/)[0]!;
  if (/^\/(@|_astro\/|node_modules\/|src\/|\.)/.test(path)) return false;
  return !/\.[a-z0-9]+$/i.test(path) || /\.(html|xml|json|txt)$/i.test(path);
}

/** The Vite plugin: watches the data folder while the dev server runs (never during a build). */
export function dataWatchPlugin(options: DataWatchOptions = {}): Plugin {
  return {
    name: 'data-watch',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      const dataDir = resolve(options.dataDir ?? 'data');
      const debounceMs = options.debounceMs ?? 100;
      // A data folder outside the project root is not watched by Vite by default.
      server.watcher.add(dataDir);
      const pending = new Set<string>();
      let timer: ReturnType<typeof setTimeout> | undefined;
      // The gate's errors for the data as it is now, computed on the first page request after a change.
      let errors: Promise<Problem[]> | null = null;
      // Whether a page was handed to Astro since the server-side modules were last evaluated: only
      // then can they hold data, and only then may they be re-evaluated (Astro loses the page's
      // component when told to before it has loaded any: "unable to find a component instance").
      let pagesLoaded = false;
      server.middlewares.use(async (req, res, next) => {
        if (req.method !== 'GET' || !isRouteRequest(req.url ?? '/')) return next();
        if (options.checkData ?? true) {
          errors ??= gateErrors(dataDir).then((found) => {
            if (found.length > 0) server.config.logger.error(found.map(formatProblem).join('\n'), { timestamp: true });
            return found;
          });
          const found = await errors;
          if (found.length > 0) {
            res.statusCode = 500;
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.end(problemPage(found));
            return;
          }
        }
        pagesLoaded = true;
        next();
      });
      const flush = () => {
        timer = undefined;
        errors = null;
        const files = [...pending].map((f) => relative(process.cwd(), f));
        pending.clear();
        // The server-side modules are evaluated again on the next request: every cache starts empty.
        if (pagesLoaded) server.environments.ssr?.hot.send({ type: 'full-reload', path: '*' });
        pagesLoaded = false;
        server.config.logger.info(`データが変わりました。再読み込みします / data changed, reloading: ${files.join(', ')}`, { timestamp: true });
        server.ws.send({ type: 'full-reload', path: '*' });
      };
      const onFile = (file: string) => {
        if (!isDataFile(dataDir, file)) return;
        pending.add(resolve(file));
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      };
      server.watcher.on('add', onFile);
      server.watcher.on('change', onFile);
      server.watcher.on('unlink', onFile);
    },
  };
}

/** The errors the gate finds in the data folder and the snapshots beside it, sorted as validate prints them. */
async function gateErrors(dataDir: string): Promise<Problem[]> {
  // Loaded by Node itself on the first request: Astro evaluates this module (through
  // astro.config.ts) in a module runner it closes once the configuration is read, and a build
  // never needs the gate here.
  const load = createRequire(import.meta.url);
  const { runGate } = load('../lib/pipeline.ts') as typeof import('../lib/pipeline.ts');
  const { sortProblems } = load('../lib/problems.ts') as typeof import('../lib/problems.ts');
  const result = runGate(dataDir, process.cwd(), { requireSiteConfig: true, releasesDir: join(dirname(dataDir), 'releases') });
  return sortProblems(result.problems.filter((p) => p.severity === 'error'));
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => entities[c]!);

/** What the browser shows instead of a page: each problem located, Japanese first, and a reload once the data is fixed. */
function problemPage(problems: readonly Problem[]): string {
  const items = problems.map((p) => `<li><code>${escapeHtml(formatProblem(p))}</code></li>`).join('\n');
  return [
    '<!doctype html>',
    '<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>データの誤り / Data errors</title>',
    // Long paths and cells wrap on a phone rather than widen the page.
    '<style>body{font-family:system-ui,sans-serif;line-height:1.6;max-width:60rem;margin:1rem auto;padding:0 1rem}h1{font-size:1.4rem}code{overflow-wrap:anywhere}li{margin:.5rem 0}</style>',
    '<script type="module" src="/@vite/client"></script></head><body>',
    '<h1>データに誤りがあるため、ページを表示できません / The pages cannot be shown: the data has errors</h1>',
    '<p>次の箇所を直して保存すると、このページは自動で読み込み直されます（npm run validate と同じ検査です） / Fix these places and save: this page reloads by itself (the same checks as npm run validate).</p>',
    `<ol>\n${items}\n</ol>`,
    '</body></html>',
  ].join('\n');
}

/** The Astro integration for astro.config.ts: adds the watcher to `astro dev` only. */
export function dataWatch(options: DataWatchOptions = {}): AstroIntegration {
  return {
    name: 'data-watch',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({ vite: { plugins: [dataWatchPlugin(options)] } });
      },
    },
  };
}
