/**
 * Pages are rendered on every core: the main thread renders its share with Astro's own
 * prerenderer, and worker threads (src/integrations/prerender-worker.ts) render the rest from
 * the same built bundle. A national build is tens of thousands of pages whose rendering is
 * plain JavaScript on one thread; with two cores it takes about half the time.
 *
 * It goes through Astro's public prerenderer hook (`setPrerenderer` in `astro:build:start`):
 * Astro still lists the paths, writes every file and reports errors; only `render` is shared
 * out. Each page goes to a thread chosen by its path without the language prefix, so a page and
 * its translations are rendered on one thread and share what it has drawn (trend charts, memo).
 *
 * The workers need from the build what Astro's build app reads while rendering: the styles of
 * each page and the injected scripts. That is plain data, handed over when they start. Where
 * the build has anything else a worker could not reproduce (page scripts injected by an
 * integration, the incremental cache), pages are rendered on the main thread only.
 *
 * Each thread holds its own copy of the data and what it derives, so memory grows with the
 * threads: a national build (1,900 areas, 10 vintages) peaks near 2 GB on one thread and above
 * 3 GB on two. Rendering is therefore on one thread unless PRERENDER_THREADS asks for more (a
 * number, or `auto` for the machine's available parallelism). Astro 7.4 renders in parallel by
 * itself (`experimental.parallelPrerender`); once the project can use it, this integration goes.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer, RouteData } from 'astro';
import { splitLanguagePath } from '../lib/i18n.ts';
import { siteLanguages } from '../lib/i18n/languages.ts';
import { handedGateResult } from '../lib/site-data.ts';
import { threadCalls, type ThreadCalls } from '../lib/thread-calls.ts';

/** What a worker needs to render the built bundle's pages (see prerender-worker.ts). */
export interface WorkerStart {
  entry: string;
  pages: [key: string, page: { styles: unknown[] }][];
  scripts: { stage: string; content: string }[];
  gate: ReturnType<typeof handedGateResult>;
}

type Rendered = { status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer | null };

/** One worker thread and the renders it has been asked for. */
class RenderThread {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly calls: ThreadCalls;

  constructor(file: string, start: WorkerStart) {
    this.worker = new Worker(file, { workerData: start });
    this.calls = threadCalls(this.worker, { name: 'a page-rendering thread' });
    this.ready = new Promise((done, failed) => {
      this.worker.on('message', (m: { type?: 'ready' | 'fatal'; message?: string }) => {
        if (m.type === 'ready') done();
        else if (m.type === 'fatal') failed(new Error(m.message));
      });
      this.worker.on('error', failed);
      this.worker.on('exit', (code) => failed(new Error(`a page-rendering thread stopped (exit code ${code})`)));
    });
    this.ready.catch(() => {});
  }

  async render(url: string, route: RouteData): Promise<Response> {
    const reply = await this.calls.call<Rendered>({ type: 'render', url, route: routeKey(route) });
    return new Response(reply.body, { status: reply.status, statusText: reply.statusText, headers: reply.headers });
  }

  /** Waits for the files the thread's pages write in the background; returns its preview-card count. */
  async settle(): Promise<number> {
    return (await this.calls.call<{ cards: number }>({ type: 'settle' })).cards;
  }

  stop(): Promise<number> {
    this.worker.removeAllListeners('exit');
    return this.worker.terminate();
  }
}

/** A route as both threads know it (the worker finds its own RouteData by this). */
export const routeKey = (r: Pick<RouteData, 'component' | 'route' | 'type'>) => `${r.type}\u0000${r.component}\u0000${r.route}`;

/** A thread for a page family, 0 to threads − 1 (FNV-1a: stable across runs and machines). */
export function threadOf(family: string, threads: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < family.length; i++) h = Math.imul(h ^ family.charCodeAt(i), 0x01000193);
  return (h >>> 0) % threads;
}

/** The built prerender bundle's entry module, which Astro itself imports to render. */
function prerenderEntry(outDir: URL): string | null {
  const dir = new URL('./.prerender/', outDir);
  try {
    const name = readdirSync(dir).find((f) => /^prerender-entry\..*\.mjs$/.test(f));
    return name ? new URL(name, dir).href : null;
  } catch {
    return null;
  }
}

interface BuildAppView {
  getOptions(): {
    allPages: Record<string, { key: string; styles: unknown[] }>;
    settings: { scripts: { stage: string; content: string }[]; config: { outDir: URL; base: string; experimental?: Record<string, unknown> } };
  };
}

function threaded(base: AstroPrerenderer, threads: number, workerFile: string, logger: AstroIntegrationLogger): AstroPrerenderer {
  let workers: RenderThread[] = [];
  let family: (pathname: string) => string = (p) => p;
  let rendered = 0;
  const shared: number[] = new Array(threads).fill(0);
  return {
    name: 'parallel-prerender',
    async setup() {
      await base.setup?.();
      const app = (base as AstroPrerenderer & { app?: BuildAppView }).app;
      const options = app?.getOptions();
      const entry = options && prerenderEntry(options.settings.config.outDir);
      const why = !options
        ? 'the build app is not reachable'
        : !entry
          ? 'the prerender bundle was not found'
          : options.settings.scripts.some((s) => s.stage === 'page')
            ? 'an integration injects page scripts'
            : options.settings.config.experimental?.incrementalBuild
              ? 'the incremental build cache is on'
              : null;
      if (why || !options || !entry) {
        logger.warn(`pages are rendered on one thread: ${why}`);
        return;
      }
      const start: WorkerStart = {
        entry,
        pages: Object.values(options.allPages).map((p) => [p.key, { styles: p.styles }]),
        scripts: options.settings.scripts.map(({ stage, content }) => ({ stage, content })),
        gate: handedGateResult(),
      };
      // A page and its translations are one family: the page's path without its language.
      const languages = siteLanguages();
      const mount = options.settings.config.base.replace(/\/?$/, '/');
      family = (p) => splitLanguagePath(p, languages, mount).inside;
      workers = Array.from({ length: threads - 1 }, () => new RenderThread(workerFile, start));
      await Promise.all(workers.map((w) => w.ready));
    },
    getStaticPaths: () => base.getStaticPaths(),
    async render(request, options) {
      const thread = workers.length && !options.collectMetadata ? threadOf(family(new URL(request.url).pathname), threads) : 0;
      rendered++;
      shared[thread]!++;
      if (thread === 0) return base.render(request, options);
      return workers[thread - 1]!.render(request.url, options.routeData);
    },
    async teardown() {
      try {
        const cards = await Promise.all(workers.map((w) => w.settle()));
        if (workers.length)
          logger.info(`${rendered} pages on ${threads} threads (${shared.join(' + ')}); the other threads drew ${cards.reduce((a, b) => a + b, 0)} preview cards`);
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
        workers = [];
        await base.teardown?.();
      }
    },
  };
}

export function parallelPrerender(options: { threads?: number } = {}): AstroIntegration {
  let workerFile = '';
  return {
    name: 'parallel-prerender',
    hooks: {
      'astro:config:setup': ({ config }) => {
        workerFile = fileURLToPath(new URL('./src/integrations/prerender-worker.ts', config.root));
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const threads = options.threads ?? (process.env.PRERENDER_THREADS === 'auto' ? availableParallelism() : Number(process.env.PRERENDER_THREADS) || 1);
        if (threads < 2) return;
        setPrerenderer((base) => threaded(base, threads, workerFile, logger));
      },
    },
  };
}
