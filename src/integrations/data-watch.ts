/**
 * `npm run dev` shows CSV edits live. Pages read the data once per process through module-level
 * caches (site-data.ts, i18n/languages.ts), and data/ is not part of Vite's module graph, so an
 * edited CSV would otherwise stay unseen until a restart. This integration watches the data folder
 * during `astro dev`; when a .csv or .json file there is added, changed or removed, it has Vite
 * evaluate the server-side modules again, which starts every cache empty, and reloads the browser.
 */
import { extname, relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';

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
      const flush = () => {
        timer = undefined;
        const files = [...pending].map((f) => relative(process.cwd(), f));
        pending.clear();
        // The server-side modules are evaluated again on the next request: every cache starts empty.
        server.environments.ssr?.hot.send({ type: 'full-reload', path: '*' });
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
