/**
 * A page-rendering thread (see parallel-prerender.ts): it loads the built prerender bundle, as
 * Astro's own prerenderer does on the main thread, and renders the pages it is sent. Files the
 * pages write in the background (chart files, preview cards) are waited for when asked to settle.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RouteData } from 'astro';
import { cardsDrawn } from '../lib/publish/card-raster.ts';
import { settle } from '../lib/publish/pending-writes.ts';
import { handOverGateResult } from '../lib/site-data.ts';
import { routeKey, type WorkerStart } from './parallel-prerender.ts';

interface BuildApp {
  manifest: { routes: { routeData: RouteData }[] };
  setInternals(internals: object): void;
  setOptions(options: object): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

type Message = { id: number; type: 'render'; url: string; route: string } | { id: number; type: 'settle' };

const port = parentPort!;
const start = workerData as WorkerStart;
const failure = (err: unknown) => ({ message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined });

try {
  if (start.gate) handOverGateResult(start.gate.dataDir, start.gate.result);
  const { app } = (await import(start.entry)) as { app: BuildApp };
  // What Astro's build environment reads while rendering: each page's styles and the injected scripts.
  app.setInternals({ pagesByKeys: new Map(start.pages), entrySpecifierToBundleMap: new Map() });
  app.setOptions({
    settings: { scripts: start.scripts },
    logger: {
      options: {
        destination: {
          write(event: { level: string; label: string | null; message: string }) {
            if (event.level === 'warn' || event.level === 'error') console.error(`[${event.label ?? event.level}] ${event.message}`);
            return true;
          },
        },
      },
    },
  });
  const routes = new Map(app.manifest.routes.map((r) => [routeKey(r.routeData), r.routeData]));

  port.on('message', async (m: Message) => {
    try {
      if (m.type === 'settle') {
        await settle();
        port.postMessage({ id: m.id, settled: true, cards: cardsDrawn() });
        return;
      }
      const routeData = routes.get(m.route);
      if (!routeData) throw new Error(`no route ${m.route.replaceAll('\u0000', ' ')} in the prerender bundle`);
      const response = await app.render(new Request(m.url), { routeData });
      const body = response.body === null ? null : await response.arrayBuffer();
      port.postMessage(
        { id: m.id, status: response.status, statusText: response.statusText, headers: [...response.headers], body },
        body ? [body] : [],
      );
    } catch (err) {
      port.postMessage({ id: m.id, error: failure(err) });
    }
  });
  port.postMessage({ type: 'ready' });
} catch (err) {
  port.postMessage({ type: 'fatal', message: `a page-rendering thread could not start: ${failure(err).message}` });
}
