/**
 * `npm run dev` shows CSV edits live. Pages read the data once per process through a cache, and
 * data/ is not part of Vite's module graph, so an edited CSV would otherwise stay unseen until a
 * restart. This integration watches DATA_DIR during `astro dev`; when a .csv or .json file there
 * is added, changed or removed, it runs the cache resets registered with `registerDataReset` and
 * reloads the browser.
 *
 * The integration is loaded with astro.config.ts, but pages run in Vite's server-side module
 * runner, which loads its own copy of this file. Resets are therefore kept on `globalThis`, which
 * both copies share within the one dev-server process.
 */
import { extname, relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';

type Registry = Map<string, () => void>;
const registryKey = Symbol.for('zaitaku-iryo-dashboard.data-watch.resets');

function registry(): Registry {
  const store = globalThis as Record<symbol, Registry | undefined>;
  return (store[registryKey] ??= new Map());
}

/**
 * Registers a cache reset to run whenever the data changes under `npm run dev`. A reset under the
 * same name replaces the earlier one, so a module that is evaluated again does not pile up stale
 * resets. Harmless outside the dev server: nothing ever calls it there.
 */
export function registerDataReset(name: string, reset: () => void): void {
  registry().set(name, reset);
}

/** Runs every registered reset; returns their names (empty when none is registered). */
export function resetDataCaches(): string[] {
  const names: string[] = [];
  for (const [name, reset] of registry()) {
    reset();
    names.push(name);
  }
  return names;
}

/** Whether a path is a data file (.csv, or .json: schemas and metrics.json) inside `dataDir`. */
export function isDataFile(dataDir: string, file: string): boolean {
  const dir = resolve(dataDir);
  const path = resolve(file);
  return path.startsWith(dir + sep) && ['.csv', '.json'].includes(extname(path).toLowerCase());
}

export interface DataWatchOptions {
  /** The folder to watch; default DATA_DIR, else `data`, as the pages read it. */
  dataDir?: string;
  /** Quiet time after the last change before reloading: spreadsheet programs save in bursts. */
  debounceMs?: number;
}

/** The Vite plugin: watches the data folder while the dev server runs (never during a build). */
export function dataWatchPlugin(options: DataWatchOptions = {}): Plugin {
  return {
    name: 'data-watch',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      const dataDir = resolve(options.dataDir ?? process.env.DATA_DIR ?? 'data');
      const debounceMs = options.debounceMs ?? 100;
      // A data folder outside the project root is not watched by Vite by default.
      server.watcher.add(dataDir);
      const pending = new Set<string>();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flush = () => {
        timer = undefined;
        const files = [...pending].map((f) => relative(process.cwd(), f));
        pending.clear();
        const reset = resetDataCaches();
        if (reset.length === 0) {
          // Nothing registered a reset: re-evaluate the server-side modules instead, so every
          // module-level cache starts empty.
          server.environments.ssr?.hot.send({ type: 'full-reload', path: '*' });
        }
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
